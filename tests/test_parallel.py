"""Sharing a list between processes: every item mapped once, results in order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replylint.parallel import MAX_CHUNK, Ends, map_shared


@given(count=st.integers(0, 400), processes=st.integers(2, 8), sides=st.lists(st.booleans(), min_size=1))
def test_chunks_taken_from_both_ends_cover_every_item_once(count, processes, sides):
    ends = Ends(count, processes)
    taken: list[tuple[int, int]] = []
    for turn in range(count + 1):
        chunk = ends.take(from_end=sides[turn % len(sides)])
        if chunk is None:
            break
        taken.append(chunk)
    assert ends.take(from_end=True) is None and ends.take(from_end=False) is None
    assert sorted(i for start, end in taken for i in range(start, end)) == list(range(count))
    assert all(1 <= end - start <= MAX_CHUNK for start, end in taken)
    # The last chunks, which one process may wait for another to finish, are single items.
    assert not taken or taken[-1][1] - taken[-1][0] == 1


@settings(max_examples=10, deadline=None)
@given(items=st.lists(st.integers(-1000, 1000), max_size=300), processes=st.integers(2, 3))
def test_the_results_come_back_in_the_order_of_the_items(items, processes):
    assert map_shared(abs, items, processes, meanwhile=lambda: "meanwhile") == ([abs(i) for i in items], "meanwhile")



def test_once_stopped_nothing_is_left_to_take():
    ends = Ends(100, 2)
    assert ends.take(from_end=True) is not None
    ends.stop()
    assert ends.take(from_end=False) is None and ends.take(from_end=True) is None


def _refuse() -> None:
    raise KeyError("meanwhile failed")


def test_an_error_in_this_process_reaches_the_caller():
    with pytest.raises(KeyError, match="meanwhile failed"):
        map_shared(abs, list(range(500)), 2, meanwhile=_refuse)
