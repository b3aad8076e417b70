"""Binary search in a text of sorted lines finds every line by its key and nothing else."""

from hypothesis import given
from hypothesis import strategies as st

from replylint.sorted_lines import find_line


@given(keys=st.sets(st.integers(0, 10_000), max_size=60), absent=st.integers(-5, 10_005), tail=st.sampled_from(["", "\n"]))
def test_every_line_is_found_by_its_key_and_an_absent_key_finds_none(keys, absent, tail):
    lines = [f"{key} 甲{key % 7}" for key in sorted(keys)]
    text = "\n".join(lines) + tail

    def key(line: str) -> int:
        return int(line.split(" ")[0]) if line else 1 << 30  # an empty last line sorts last

    for line in lines:
        assert find_line(text, key(line), key) == line
    assert find_line(text, absent, key) == (f"{absent} 甲{absent % 7}" if absent in keys else None)
