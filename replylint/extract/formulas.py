"""Formula claims: a number formula such as “4+6+4” or “1+1+N”, and its parts when spelt out.

A letter spells the parts out in one of two ways:

- after a word such as 即 or 包括 in the same sentence: ``“1+3”办学体系，即1所公办技师学院和3所
  民办技工院校``;
- as one counted list per part in the sentences that follow: ``重点培育“4+6+4”产业集群。做大做强
  A、B、C、D四大…。培育壮大E、…、J六大…。做优做强K、L、M、N四大…。``

A formula with a letter term (“1+1+N”) is spelt out only by the first way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal

from replylint.claims import Claim
from replylint.extract import phrases
from replylint.extract.lists import ListClaim, extract_lists
from replylint.letter import Structure
from replylint.models import Span
from replylint.source import Source
from replylint.tables import Lists, load_tables

_FORMULA = re.compile(r"[“\"「](?P<body>\s*(?:\d+|[A-Za-z])(?:\s*[+＋]\s*(?:\d+|[A-Za-z]))+\s*)[”\"」]")
_TERM = re.compile(r"\d+|[A-Za-z]")


class FormulaClaim(Claim):
    """A formula, its terms (a letter term has no value) and the parts the letter spells out."""

    kind: Literal["formula"] = "formula"
    terms: tuple[str, ...]
    parts: tuple[int | None, ...]
    spelt: tuple[int | None, ...] = ()
    spelt_raw: str | None = None
    spelt_span: Span | None = None


@lru_cache(maxsize=8)
def _spelt_pattern(table: Lists) -> tuple[re.Pattern[str], re.Pattern[str]]:
    opener = re.compile(phrases.alternation(table.formula_openers))
    quantity = re.compile(
        rf"(?P<num>\d+|[一{phrases.CHINESE_DIGITS}]{{1,3}}|[A-Za-z])\s*(?:{phrases.alternation(table.count_measures)})"
    )
    return opener, quantity


def extract_formulas(source: Source, structure: Structure) -> Iterator[FormulaClaim]:
    """Every quoted number formula in the letter, with its spelt-out parts when there are any."""
    table = load_tables().lists
    lists: list[ListClaim] | None = None
    for para in source.paragraphs:
        for m in _FORMULA.finditer(para.text):
            terms = tuple(_TERM.findall(m["body"]))
            parts = tuple(int(t) if t.isdigit() else None for t in terms)
            span = source.view_span(para.start + m.start(), para.start + m.end())
            spelt = _after_opener(source, para, m.end(), len(terms), table)
            if spelt is None and None not in parts:
                if lists is None:
                    lists = list(extract_lists(source, structure))
                spelt = _following_lists(source, para, span, lists, len(terms))
            values, spelt_span = spelt if spelt else ((), None)
            yield FormulaClaim(
                span=span,
                raw=source.excerpt(span),
                terms=terms,
                parts=parts,
                spelt=values,
                spelt_raw=source.excerpt(spelt_span) if spelt_span else None,
                spelt_span=spelt_span,
            )


def _after_opener(source: Source, para, offset: int, size: int, table: Lists):
    """``…，即1所公办技师学院和3所民办技工院校``: the parts after 即 in the same sentence."""
    opener, quantity = _spelt_pattern(table)
    text = para.text
    stop = phrases.sentence_end(text, offset)
    m = opener.search(text, offset, stop)
    if m is None or text[offset : m.start()].count("，") > 1:
        return None
    clause_end = next((i for i in range(m.end(), stop) if text[i] in "，,"), stop)
    found = list(quantity.finditer(text, m.end(), clause_end))
    if len(found) != size:
        return None
    values = tuple(None if q["num"].isalpha() and q["num"].isascii() else phrases.count_value(q["num"]) for q in found)
    return values, source.view_span(para.start + found[0].start(), para.start + found[-1].end())


def _following_lists(source: Source, para, span: Span, lists: list[ListClaim], size: int):
    """One counted list per part, in the sentences right after the formula's."""
    para_end = source.view_span(para.start, para.end).end
    after = [c for c in lists if span.end <= c.span.start < para_end][:size]
    if len(after) != size:
        return None
    bounds = [span.end] + [c.span.start for c in after]
    ends = [span.end] + [c.span.end for c in after]
    for previous_end, start in zip(ends, bounds[1:]):
        if sum(source.text.count(mark, previous_end, start) for mark in "。；;") > 1:
            return None
    return tuple(c.count for c in after), source.span(after[0].count_span.start, after[-1].count_span.end)
