"""The punctuation rules on the seed letters, their tables' own examples, and their grammar."""

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replylint.checks.comma_between_parallel_items import comma_lists
from replylint.checks.half_width_punctuation import FULL_WIDTH, half_width_marks
from replylint.checks.hyphen_range import ranges
from replylint.engine import lint, run_rules
from replylint.registry import all_rules
from replylint.tables import load_tables
from replylint.testing import corpus_of

from conftest import SEEDS

PUNCTUATION = ("RL402", "RL403", "RL404", "RL405", "RL406")


@pytest.fixture(scope="module")
def seed_findings():
    return lint([str(SEEDS)], select_codes=PUNCTUATION).findings


def test_every_half_width_mark_of_the_seeds_in_chinese_text_is_flagged_at_its_position(seed_findings):
    flagged = {(Path(loc.path).name, loc.line, loc.column) for f in seed_findings if f.rule == "RL402" for loc in f.locations}
    expected = set()
    for path in sorted(SEEDS.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            for m in re.finditer(r"(?<!\d)[,:;()?!]|[,:;()?!](?!\d)", line):
                expected.add((path.name, number, m.start() + 1))
    assert flagged == expected
    assert len(flagged) == 60


def test_the_contact_line_of_000_is_flagged_at_each_mark(seed_findings):
    contact = sorted(
        (loc.column, loc.text) for f in seed_findings if f.rule == "RL402"
        for loc in f.locations if loc.path.endswith("000_1815a8eff367fdb9.txt") and loc.line == 85
    )
    assert contact == [(1, "("), (8, ":"), (12, ","), (22, ")")]


def test_the_ratio_1_1_1_is_not_flagged(seed_findings):
    assert not [f for f in seed_findings if f.rule == "RL402" and f.locations[0].text == ":" and "001_" in f.locations[0].path]


def test_seed_counts_per_rule(seed_findings):
    assert Counter(f.rule for f in seed_findings) == {"RL402": 60, "RL405": 8, "RL404": 5, "RL403": 2}


def test_stray_spaces_on_the_seeds_are_the_title_breaks(seed_findings):
    lines = sorted((f.locations[0].path[-24:-21], f.locations[0].line) for f in seed_findings if f.rule == "RL404")
    assert lines == [("000", 11), ("001", 9), ("002", 11), ("003", 9), ("004", 11)]


def test_comma_lists_on_the_seeds_are_the_co_handlers_and_the_cc_line_of_003(seed_findings):
    found = sorted((f.locations[0].line, len(f.locations)) for f in seed_findings if f.rule == "RL403")
    assert found == [(13, 2), (87, 2)]


@pytest.mark.parametrize("kind", ["ranges", "parallel"])
def test_table_examples_hold(kind):
    table = getattr(load_tables().punctuation, kind)
    find = (lambda text: list(ranges(text, table))) if kind == "ranges" else (lambda text: comma_lists(text, table))
    assert all(find(text) for text in table.flag), [t for t in table.flag if not find(t)]
    assert not any(find(text) for text in table.clean), [t for t in table.clean if find(t)]


def test_a_tilde_range_carries_a_certain_fix_and_a_hyphen_range_none():
    findings = run_rules(corpus_of([("a.txt", "每年1~3月受理，2022-2025年实施。")]), [all_rules()["RL405"]])
    assert [(f.locations[0].text, f.fix is not None) for f in findings] == [("~", True), ("-", False)]
    assert findings[0].fix.edits[0].replacement == "～"


_PIECES = st.sampled_from(["中", "山", "市", "1", "2", "0", "A", "G", " ", ",", ":", ";", "(", ")", "?", "!", "，", "。"])


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_a_mark_between_two_digits_or_two_latin_letters_is_never_flagged(text):
    for index in half_width_marks(text):
        assert text[index] in FULL_WIDTH
        if text[index] in "()":
            continue  # brackets go with their partner: see the next test
        left, right = text[index - 1 : index], text[index + 1 : index + 2]
        assert not (left.isascii() and left.isalnum() and right.isascii() and right.isalnum())


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_half_width_brackets_are_flagged_in_pairs(text):
    flagged = set(half_width_marks(text))
    depth = []
    for index, char in enumerate(text):
        if char == "(":
            depth.append(index)
        elif char == ")" and depth:
            opened = depth.pop()
            assert (opened in flagged) == (index in flagged)


_HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("中山市局委镇，。、；：？！,;:()?!-~～—１٣0123456789 \t\u3000\n\r年月家%")),
    ),
    max_size=80,
)


@settings(max_examples=200, deadline=None)
@given(_HOSTILE)
def test_punctuation_rules_never_raise_and_point_into_the_original_text(text):
    rules = [all_rules()[code] for code in PUNCTUATION]
    corpus = corpus_of([("a.txt", text)])
    for finding in run_rules(corpus, rules):
        for edit in finding.fix.edits if finding.fix else ():
            assert 0 <= edit.start <= edit.end <= len(text)
        for loc in finding.locations:
            assert loc.text and loc.text in text
