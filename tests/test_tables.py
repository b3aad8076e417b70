"""The rules tables: the built-in ones hold their own examples, and only they may skip them."""

import pytest
from pydantic import ValidationError

from replylint.substitution import BUILT_IN, SubstitutionTable
from replylint.tables import Tables, _read_dir, builtin_dir, load_tables

FAILING_ENTRY = {"entry": [{"wrong": "其它", "right": "其他", "source": "test", "flag": ["其他"]}]}


def test_every_built_in_table_holds_its_own_examples():
    # Without the built-in context every example of every table is checked, as for a user's tables.
    tables = Tables.model_validate(_read_dir(builtin_dir()))
    assert tables == load_tables()


def test_an_entry_that_fails_its_example_refuses_to_load_unless_it_is_built_in():
    with pytest.raises(ValidationError, match="flag example"):
        SubstitutionTable.model_validate(FAILING_ENTRY)
    assert SubstitutionTable.model_validate(FAILING_ENTRY, context=BUILT_IN).entry[0].wrong == "其它"


def test_a_users_table_is_checked_with_the_built_in_ones_it_merges_over(tmp_path):
    (tmp_path / "variants.toml").write_text('distinct = [["title", "江门市中小企业服务体系建设实施方案", "江门市中小企业服务体系建设实事方案"]]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="is not distinct"):
        load_tables((str(tmp_path),))


def test_an_empty_lexicon_matches_nothing():
    assert list(SubstitutionTable().matches("其它文字截止2022年")) == []
