"""Claim extraction: pure functions from one letter to the claims it makes.

Each module of this package extracts one kind of claim and lists its extractor in
``EXTRACTORS`` below: a function ``(source, structure) -> Iterable[Claim]``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from replylint.claims import Claim
from replylint.letter import Structure
from replylint.source import Source

Extractor = Callable[[Source, Structure], Iterable[Claim]]
EXTRACTORS: list[Extractor] = []


def extract_claims(source: Source, structure: Structure) -> tuple[Claim, ...]:
    """Every claim the letter makes, in text order."""
    claims = [claim for extractor in EXTRACTORS for claim in extractor(source, structure)]
    return tuple(sorted(claims, key=lambda c: (c.span.start, c.kind)))


from replylint.extract import events, figures, formulas, lists, names, sums, titles  # noqa: E402  (the modules import this package's names)

EXTRACTORS.extend([lists.extract_lists, sums.extract_sums, formulas.extract_formulas])
EXTRACTORS.extend([titles.extract_titles, names.extract_names, events.extract_events])
EXTRACTORS.append(figures.extract_figures)
