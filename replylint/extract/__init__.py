"""Claim extraction: pure functions from one letter to the claims it makes."""

from __future__ import annotations

from replylint.letter import Structure
from replylint.source import Source


def extract_claims(source: Source, structure: Structure) -> tuple:
    """Every claim the letter makes, in text order."""
    return ()
