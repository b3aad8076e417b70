"""Sharing a list between processes: every item mapped once, results in order, whatever
process maps it and whether or not the others survive."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replylint.parallel import MAX_CHUNK, Ends, map_forked, map_shared, processes_available, rule_processes


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
    expected = [abs(i) for i in items]
    assert map_shared(abs, items, processes, meanwhile=lambda: "meanwhile") == (expected, "meanwhile", None)
    assert map_shared(abs, items, processes, meanwhile=lambda: "meanwhile", aside=os.getpid) == (
        expected, "meanwhile", ANOTHER_PROCESS
    )


class _AnotherProcess:
    """Equal to the id of any process but this one."""

    def __eq__(self, pid: object) -> bool:
        return isinstance(pid, int) and pid != os.getpid()


ANOTHER_PROCESS = _AnotherProcess()


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


@settings(max_examples=10, deadline=None)
@given(items=st.lists(st.integers(-1000, 1000), max_size=40), processes=st.integers(1, 3))
def test_forked_processes_map_what_this_one_holds_in_order(items, processes):
    held = {i: i * i for i in items}  # not sent to the other processes: they see it forked
    assert map_forked(lambda item: held[item], items, processes) == [i * i for i in items]


def test_the_items_of_a_process_that_dies_are_mapped_here():
    parent = os.getpid()

    def square_or_die(item: int) -> int:
        if os.getpid() != parent:
            os._exit(1)  # the forked process dies before it sends anything
        return item * item

    assert map_forked(square_or_die, list(range(20)), 2) == [i * i for i in range(20)]


def test_forked_work_is_spread_over_the_processes():
    parent = os.getpid()
    other_took_one = multiprocessing.Value("b", 0)

    def whose(item: int) -> int:
        if os.getpid() != parent:
            other_took_one.value = 1
        else:  # this process waits for the other to take an item
            deadline = time.monotonic() + 30
            while not other_took_one.value and time.monotonic() < deadline:
                time.sleep(0.01)
        return os.getpid()

    assert len(set(map_forked(whose, list(range(4)), 2))) == 2


def test_rules_use_one_process_unless_the_run_allows_more():
    assert processes_available() == 1
    with rule_processes(3):
        assert processes_available() == 3
    assert processes_available() == 1


def test_an_exception_in_a_forked_process_is_raised_here_and_printed_nowhere(capfd):
    def fail_on_seven(item: int) -> int:
        if item == 7:
            raise ValueError("seven")
        return item

    with pytest.raises(ValueError, match="seven"):
        map_forked(fail_on_seven, list(range(10)), 2)
    assert capfd.readouterr().err == ""


def test_what_a_forked_process_fails_on_is_mapped_again_here_quietly(capfd):
    parent = os.getpid()
    other_failed = multiprocessing.Value("b", 0)

    def square_here(item: int) -> int:
        if os.getpid() != parent:
            other_failed.value = 1
            raise ValueError("not in the forked process")
        deadline = time.monotonic() + 30
        while not other_failed.value and time.monotonic() < deadline:
            time.sleep(0.01)
        return item * item

    assert map_forked(square_here, list(range(6)), 2) == [i * i for i in range(6)]
    assert capfd.readouterr().err == ""


def test_when_this_process_raises_the_forked_ones_are_stopped():
    parent = os.getpid()
    started = multiprocessing.Value("i", 0)

    def slow_there_failing_here(item: int) -> int:
        if os.getpid() == parent:
            deadline = time.monotonic() + 30
            while not started.value and time.monotonic() < deadline:
                time.sleep(0.01)
            raise ValueError("here")
        started.value = os.getpid()
        time.sleep(60)
        return item

    with pytest.raises(ValueError, match="here"):
        map_forked(slow_there_failing_here, list(range(4)), 2)
    with pytest.raises(ProcessLookupError):
        os.kill(started.value, 0)  # the forked process is gone, not sleeping on


def test_without_a_temporary_folder_the_aside_runs_here_too(monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr(tempfile, "TemporaryDirectory", refuse)
    assert map_shared(abs, [-1, 2], 2, meanwhile=lambda: "meanwhile", aside=os.getpid) == ([1, 2], "meanwhile", os.getpid())
