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


def test_the_partners_of_a_character_are_exactly_the_characters_confusable_with_it():
    confusion = load_tables().confusion
    pairs = {(low, high) for table in (confusion.sound, confusion.shape) for low, highs in table.items() for high in highs}
    assert all(high in confusion.partners(low) and low in confusion.partners(high) for low, high in pairs)
    characters = {char for pair in pairs for char in pair}
    assert {tuple(sorted((char, other))) for char in characters for other in confusion.partners(char)} == pairs
    assert all(len(set(confusion.partners(char))) == len(confusion.partners(char)) for char in characters)
    assert confusion.partners("。") == ""


def test_the_built_in_tables_come_from_the_keeper_of_the_run_and_only_they_do(tmp_path):
    from replylint.tables import _load_tables, built_in_kept_by

    asked, validated = [], load_tables()

    def keeper(name, make):
        asked.append(name)
        return make()

    _load_tables.cache_clear()
    try:
        with built_in_kept_by(keeper):
            assert load_tables() == validated and asked == ["tables"]
            (tmp_path / "punctuation.toml").write_text("", encoding="utf-8")
            assert load_tables((str(tmp_path),)) == validated and asked == ["tables"]  # a user's tables: not kept
        _load_tables.cache_clear()
        with built_in_kept_by(lambda name, make: "something else"):  # what was kept is not tables: validated again
            assert load_tables() == validated
    finally:
        _load_tables.cache_clear()
