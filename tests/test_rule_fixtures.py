"""Every rule's fixture file and docstring examples run as tests."""

from pathlib import Path

import pytest

from replylint.registry import all_rules
from replylint.testing import docstring_cases, mismatch, parse_cases

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
