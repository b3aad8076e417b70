"""The pack's rules pass their fixtures, with replylint's own fixture harness."""

from pathlib import Path

import pytest

from replylint.registry import all_rules
from replylint.testing import docstring_cases, mismatch, parse_cases

FIXTURES = Path(__file__).parent


def cases():
    for path in sorted(FIXTURES.glob("RL*.md")):
        code = path.name.split("_", 1)[0]
        for case in parse_cases(path.read_text(encoding="utf-8")):
            yield pytest.param(code, case, id=f"{path.name}::{case.title}")


def test_the_entry_point_registers_the_rule():
    assert "RL901" in all_rules()


@pytest.mark.parametrize(("code", "case"), list(cases()))
def test_fixture_case(code, case):
    rule = all_rules()[code]
    assert mismatch(case, [rule]) is None


def test_docstring_examples():
    rule = all_rules()["RL901"]
    for case in docstring_cases(rule):
        assert mismatch(case, [rule]) is None
