"""Shared fixtures: paths of the project and the seed letters."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_report():
    """The report of a full check of the seed letters."""
    from replylint.engine import lint

    return lint([str(SEEDS)])
