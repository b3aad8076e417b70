"""The claims a letter makes: the common base, and loading and dumping them as JSON Lines.

Each kind of claim is a frozen model that subclasses :class:`Claim` with a literal ``kind``,
defined next to its extractor in ``replylint/extract/``. Every claim keeps the span of its
original text, and ``raw`` is exactly that text: ``source.text[span.start:span.end] == raw``.
"""

from __future__ import annotations

from replylint.models import Model, Span


class Claim(Model):
    """One normalised assertion of a letter, with the span of its original text."""

    kind: str
    span: Span
    raw: str
