"""Precision and recall on letters no rule was written against: other bureaus, cities and layouts.

``tests/data/unseen/`` holds correct reply letters of nine bureaus (education, agriculture,
health, housing, transport, civil affairs, human resources) in four provinces, written to
GB/T 9704-2012 and GB/T 15834-2011, with page breaks inside words, Markdown and plain layouts,
two letters of one bureau citing the same titles and a running total that grows.
``tests/data/unseen_errors/`` holds copies with one deliberate error each (or one pair of
letters for a cross-letter error), listed in ``expected.json`` with the rule that must find it,
the offending text, and (``also``) a rule that rightly reports the same slip another way.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from replylint.engine import lint

DATA = Path(__file__).parent / "data"
UNSEEN = DATA / "unseen"
ERRORS = DATA / "unseen_errors"
EXPECTED = json.loads((ERRORS / "expected.json").read_text(encoding="utf-8"))


def _findings(paths: list[Path]) -> list:
    return list(lint([str(p) for p in paths]).findings)


def test_correct_letters_of_other_bureaus_raise_no_finding_at_all():
    findings = _findings(sorted(UNSEEN.iterdir()))
    assert [(f.rule, f.message_en) for f in findings] == []


@pytest.mark.parametrize("case", EXPECTED, ids=lambda case: f"{case['rule']}:{case['text']}")
def test_each_deliberate_error_is_found_on_its_text(case):
    paths = [ERRORS / name for name in case["files"]]
    findings = [f for f in _findings(paths) if f.rule == case["rule"]]
    texts = [(loc.path, loc.text) for f in findings for loc in f.locations]
    assert any(Path(path).name == Path(case["files"][0]).name and case["text"] in text for path, text in texts), texts


@pytest.mark.parametrize("case", EXPECTED, ids=lambda case: f"{case['rule']}:{case['text']}")
def test_an_error_letter_raises_nothing_else_at_warning_or_error(case):
    paths = [ERRORS / name for name in case["files"]]
    allowed = {case["rule"], *case.get("also", ())}
    others = [
        (f.rule, f.message_en) for f in _findings(paths)
        if f.rule not in allowed and f.severity in ("warning", "error")
    ]
    assert others == []
