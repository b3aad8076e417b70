"""The registry, the rule documentation and the fixtures stay consistent."""

import re
from pathlib import Path

import pytest

from replylint.registry import CODE_PATTERN, NAME_PATTERN, all_rules
from replylint.testing import docstring_cases, parse_cases

FIXTURES = Path(__file__).parent / "rules"
RULES = all_rules()
SECTIONS = ("## What it flags", "## Why it matters", "## Example", "## Known false positives")


def test_every_rule_has_exactly_one_fixture_and_every_fixture_a_rule():
    files = {p.name.split("_", 1)[0]: p for p in FIXTURES.glob("RL*.md")}
    assert sorted(files) == sorted(RULES)
    for code, path in files.items():
        assert path.stem == f"{code}_{RULES[code].name.replace('-', '_')}"


@pytest.mark.parametrize("code", sorted(RULES))
def test_fixture_has_a_flagged_case_and_a_clean_case(code):
    path = next(FIXTURES.glob(f"{code}_*.md"))
    cases = parse_cases(path.read_text(encoding="utf-8"))
    assert any(c.expected for c in cases), "no case expects a finding"
    assert any(not c.expected for c in cases), "no case must stay clean"


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_documented_with_bad_and_good_examples(code):
    rule = RULES[code]
    assert CODE_PATTERN.match(rule.code) and NAME_PATTERN.match(rule.name)
    assert rule.summary.endswith("."), "summary line must be one sentence"
    for section in SECTIONS:
        assert section in rule.doc, f"missing {section}"
    cases = {c.title: c for c in docstring_cases(rule)}
    assert cases.get("Bad") and cases["Bad"].expected, "Bad example must expect a finding"
    assert cases.get("Good") and not cases["Good"].expected
    # Words of the language in the template itself, or a value the rule fills in it (``{problem_zh}``).
    assert re.search(r"[\u4e00-\u9fff]", _filled(rule.message_zh, "_zh", "中文")), "the Chinese message has no Chinese"
    assert re.search(r"[A-Za-z]{3,}", _filled(rule.message_en, "_en", "english")), "the English message has no English"


def _filled(template: str, suffix: str, word: str) -> str:
    """``template`` with its placeholders for values in one language as ``word``, the others empty."""
    return re.sub(r"\{(\w+)\}", lambda m: word if m[1].endswith(suffix) else "", template)


def test_rule_names_are_unique():
    names = [r.name for r in RULES.values()]
    assert len(names) == len(set(names))
