"""The agency-name matching of the co-handling rule, checked against the table's own examples."""

import pytest

from replylint.checks.cohandler_missing_from_cc import same_agency
from replylint.tables import load_tables

TABLE = load_tables().agencies
NAMES = load_tables().organisations


@pytest.mark.parametrize(("a", "b"), TABLE.same)
def test_names_of_one_agency_match_either_way(a, b):
    assert same_agency(a, b, TABLE, NAMES) and same_agency(b, a, TABLE, NAMES)


@pytest.mark.parametrize(("a", "b"), TABLE.different)
def test_names_of_different_agencies_do_not_match(a, b):
    assert not same_agency(a, b, TABLE, NAMES) and not same_agency(b, a, TABLE, NAMES)
