"""Small helpers rules share for walking letters and their paragraphs."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.corpus import Corpus, Letter
from replylint.registry import At
from replylint.source import Paragraph


def paragraphs(corpus: Corpus) -> Iterator[tuple[Letter, Paragraph]]:
    """Every paragraph of every letter that has its text."""
    for letter in corpus.with_source:
        for para in letter.source.paragraphs:
            yield letter, para


def at_view(letter: Letter, start: int, end: int, role: str | None = None) -> At:
    """A place given by view offsets of ``letter``."""
    return At(letter, letter.source.view_span(start, end), role)


def problem_values(found: list[tuple[str, str]]) -> dict[str, str]:
    """A rule's list of (Chinese, English) problems as the ``problems_zh``/``problems_en`` message values."""
    return {"problems_zh": "；".join(zh for zh, _ in found), "problems_en": "; ".join(en for _, en in found)}
