"""Every rule's fixture file and docstring examples run as tests."""

from pathlib import Path

import pytest

from replylint.engine import run_rules
from replylint.registry import all_rules
from replylint.testing import corpus_of, docstring_cases, mismatch, parse_cases

FIXTURES = Path(__file__).parent / "rules"
RULES = all_rules()


def _fixture_cases():
    for path in sorted(FIXTURES.glob("RL*.md")):
        code = path.name.split("_", 1)[0]
        for case in parse_cases(path.read_text(encoding="utf-8")):
            yield pytest.param(code, case, id=f"{path.name}::{case.title}")


@pytest.mark.parametrize(("code", "case"), list(_fixture_cases()))
def test_fixture_case(code, case):
    problem = mismatch(case, [RULES[code]])
    assert problem is None, problem


def _doc_cases():
    for code, rule in RULES.items():
        for case in docstring_cases(rule):
            yield pytest.param(code, case, id=f"{code}::{case.title}")


@pytest.mark.parametrize(("code", "case"), list(_doc_cases()))
def test_docstring_example(code, case):
    problem = mismatch(case, [RULES[code]])
    assert problem is None, problem


def _cross_letter_cases():
    for path in sorted(FIXTURES.glob("RL*.md")):
        code = path.name.split("_", 1)[0]
        if RULES[code].per_letter:
            continue
        for case in parse_cases(path.read_text(encoding="utf-8")):
            if len(case.letters) > 1:
                yield pytest.param(code, case, id=f"{path.name}::{case.title}")


@pytest.mark.parametrize(("code", "case"), list(_cross_letter_cases()))
def test_a_focus_on_one_letter_keeps_every_finding_that_touches_it(code, case):
    corpus = corpus_of(case.letters)
    everything = run_rules(corpus, [RULES[code]])
    for name, _ in case.letters:
        touching = [f for f in everything if name in f.paths()]
        focused = [f for f in run_rules(corpus, [RULES[code]], checked={name}) if name in f.paths()]
        # As sets: two findings may tie in report order, which then follows set order.
        assert len(focused) == len(touching) and set(focused) == set(touching), name


def test_a_finding_is_reported_when_one_of_the_letters_it_points_at_is_in_focus():
    corpus = corpus_of([("a.txt", "甲。"), ("b.txt", "乙。"), ("c.txt", "丙。")])
    a, b, c = corpus.letters
    assert corpus.reported(b) and corpus.reported(b, c)
    focused = corpus.focused({"a.txt"})
    assert focused.reported(a) and focused.reported(b, a) and not focused.reported(b, c) and not focused.reported()


def _text_only_cases():
    for path in sorted(FIXTURES.glob("RL*.md")):
        code = path.name.split("_", 1)[0]
        if RULES[code].text_only:
            for case in parse_cases(path.read_text(encoding="utf-8")):
                yield pytest.param(code, case, id=f"{path.name}::{case.title}")


@pytest.mark.parametrize(("code", "case"), list(_text_only_cases()))
def test_a_text_only_rule_finds_on_unparsed_letters_what_it_finds_on_parsed_ones(code, case):
    from replylint.corpus import Corpus, TextLetter
    from replylint.source import Source

    unparsed = Corpus(tuple(TextLetter.of(Source(path=name, text=text)) for name, text in case.letters))
    assert run_rules(unparsed, [RULES[code]]) == run_rules(corpus_of(case.letters), [RULES[code]])


def test_an_unparsed_letter_is_the_parsed_one_without_its_claims():
    from replylint.corpus import TextLetter

    [letter] = corpus_of([("a.txt", "中山市工业和信息化局\n\n2023年6月20日\n")]).letters
    unparsed = TextLetter.of(letter.source)
    assert unparsed.claims == () and unparsed.structure == letter.structure and unparsed.label == letter.label
    assert [r.code for r in RULES.values() if r.text_only] == ["RL305"]  # the rules that may read unparsed letters


def test_what_rules_share_is_made_once_for_a_corpus_and_again_for_a_focus_on_it():
    corpus = corpus_of([("a.txt", "甲。"), ("b.txt", "乙。")])
    made = []

    def in_focus(of):
        made.append(of.focus)
        return [letter.path for letter in of.in_focus()]

    assert corpus.shared(in_focus) == corpus.shared(in_focus) == ["a.txt", "b.txt"] and made == [None]
    focused = corpus.focused({"b.txt"})
    assert focused.shared(in_focus) == focused.shared(in_focus) == ["b.txt"] and made == [None, frozenset({"b.txt"})]
