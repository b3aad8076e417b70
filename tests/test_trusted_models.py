"""Models that extraction and the rules build without validation are the models validation
builds: the same values of the same types, the same fields set."""

import pytest

from replylint.corpus import Corpus
from replylint.engine import read_letter
from replylint.models import Location, Model
from replylint.registry import all_rules
from replylint.testing import corpus_of, parse_cases
from tests.conftest import ROOT, SEEDS


def _everything(letters):
    """Every model the letters hold and the rules give, as text that shows each value's type."""
    corpus = Corpus(tuple(letters))
    findings = [f for rule in all_rules().values() for f in rule(corpus)]
    return [repr((letter.structure, letter.claims)) for letter in corpus] + [repr(f) for f in findings], [
        (type(m).__name__, m.model_fields_set) for letter in corpus for m in letter.claims
    ]


def _validated(cls, **values):
    return cls(**values)


def test_models_built_unvalidated_equal_those_validation_builds(monkeypatch):
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    cases = [case for path in sorted((ROOT / "tests" / "rules").glob("*.md"))
             for case in parse_cases(path.read_text(encoding="utf-8"))]
    fast = _everything([read_letter(p) for p in paths]), [_everything(corpus_of(case.letters)) for case in cases]
    monkeypatch.setattr(Model, "trusted", classmethod(_validated))
    checked = _everything([read_letter(p) for p in paths]), [_everything(corpus_of(case.letters)) for case in cases]
    assert fast == checked


def test_an_unknown_or_missing_field_is_still_an_error():
    place = {"path": "a.txt", "line": 1, "column": 1, "end_line": 1, "end_column": 2, "text": "甲"}
    assert Location.trusted(**place) == Location(**place)
    assert Location.trusted(**place).__pydantic_fields_set__ is Location(**place).__pydantic_fields_set__
    with pytest.raises(TypeError, match="Location"):
        Location.trusted(**place, colour="red")
    with pytest.raises(TypeError, match="Location"):
        Location.trusted(path="a.txt")
