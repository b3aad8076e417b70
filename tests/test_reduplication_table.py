"""The self-test examples of rules/reduplication.toml hold for the doubled-character rule."""

import pytest

from replylint.checks.doubled_character import doubled_character
from replylint.tables import load_tables
from replylint.testing import corpus_of

TABLE = load_tables().reduplication


@pytest.mark.parametrize("text", TABLE.flag)
def test_each_flag_example_is_flagged(text):
    assert len(doubled_character(corpus_of([("a.txt", text)]))) == 1


@pytest.mark.parametrize("text", TABLE.clean)
def test_each_clean_example_stays_clean(text):
    assert doubled_character(corpus_of([("a.txt", text)])) == []
