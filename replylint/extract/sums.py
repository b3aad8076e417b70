"""Sum claims: a total with the parts the letter gives for it.

Two forms are read, each inside one sentence of the view:

- parts then their total: ``高级灯具制造工75人、中级18人、初级14人共107人`` (also 合计, 总计);
  the parts claim to make up the whole (``exhaustive``);
- a total then ``其中`` and parts (dates are labels, not counts: ``其中2021年完成41个``): ``全市共梳理 583 个信息系统，其中 55 个市级单位共梳理 445 个
  信息系统，24 个镇区共梳理 138 个信息系统``; the parts may list only some of the whole. A
  rate is no whole: in ``签约率达32.5%，其中重点人群签约率达78.6%`` the 78.6% is a group's own rate.

A part always shares its total's unit; after ``其中`` it must also count the same thing: a
number whose unit is followed by another noun (``55 个市级单位``) is not a part of ``583 个
信息系统``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from replylint.claims import Claim
from replylint.extract import phrases
from replylint.numerals import scan_quantities
from replylint.letter import Structure
from replylint.models import Model, Span
from replylint.source import Source
from replylint.tables import Lists, load_tables

_NOUN = re.compile(r"[\u4e00-\u9fff]{1,4}")
# A date inside a part's label (、2022年完成, 、2023年上半年完成): part of the label, not a count.
_DATE = re.compile(r"\d{4}年(?:\d{1,2}月)?")
_MAX_LABEL = 12


class Part(Model):
    """One part of a sum: its value and where the letter writes it."""

    value: Decimal
    raw: str
    span: Span


class SumClaim(Claim):
    """A stated total and the parts the letter gives for it, all in one unit.

    ``exhaustive``: the parts claim to make up the whole (they come before 共/合计). ``siblings``:
    the parts are one enumeration (大型企业50家、中型企业45家), not a part and a part of it
    (其中规上企业80家，规上企业中高新技术企业50家).
    """

    kind: Literal["sum"] = "sum"
    total: Decimal
    total_raw: str
    total_span: Span
    unit: str
    parts: tuple[Part, ...]
    marker: str
    exhaustive: bool
    siblings: bool
    approximate: bool

    def parts_sum(self) -> Decimal:
        """The parts added up."""
        return sum((p.value for p in self.parts), Decimal(0))


_Patterns = tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]  # total, part and change words


@lru_cache(maxsize=8)
def _patterns(table: Lists) -> _Patterns:
    total = re.compile(rf"(?:{phrases.alternation(table.total_markers)})(?:{phrases.alternation(table.total_links)})?\s*")
    part = re.compile(phrases.alternation(table.part_markers))
    change = re.compile(phrases.alternation(table.change_words))
    return total, part, change


def extract_sums(source: Source, structure: Structure) -> Iterator[SumClaim]:
    """Every total with its parts in the letter, in text order."""
    table = load_tables().lists
    patterns = _patterns(table)  # looked up once per letter, not once per paragraph
    for para in source.paragraphs:
        quantities = [q for q in scan_quantities(para.text) if q.unit]
        counts = [q for q in quantities if q.unit not in table.date_units]
        for found in (*_parts_then_total(para.text, quantities, patterns), *_total_then_parts(para.text, counts, patterns, table)):
            yield _claim(source, para.start, *found)


def _claim(source: Source, offset: int, total, parts, marker: str, exhaustive: bool, siblings: bool) -> SumClaim:
    first = min(parts[0].start, total.start)
    last = max(parts[-1].end, total.end)
    span = source.view_span(offset + first, offset + last)
    total_span = source.view_span(offset + total.start, offset + total.end)
    return SumClaim(
        span=span,
        raw=source.excerpt(span),
        total=total.value,
        total_raw=source.excerpt(total_span),
        total_span=total_span,
        unit=total.unit,
        parts=tuple(_part(source, offset, q) for q in parts),
        marker=marker,
        exhaustive=exhaustive,
        siblings=siblings,
        approximate=any(q.approx or q.bound for q in (total, *parts)),
    )


def _part(source: Source, offset: int, q) -> Part:
    span = source.view_span(offset + q.start, offset + q.end)
    return Part(value=q.value, raw=source.excerpt(span), span=span)


def _parts_then_total(text: str, quantities: list, patterns: _Patterns) -> Iterator[tuple]:
    """``A 75人、B 18人、C 14人共107人``: the run of parts just before a total marker."""
    total_re, _, change = patterns
    by_start = {q.start: i for i, q in enumerate(quantities)}
    for m in total_re.finditer(text):
        index = by_start.get(m.end())
        if index is None or index == 0:
            continue
        total = quantities[index]
        parts = []
        gap = text[quantities[index - 1].end : m.start()]
        if gap.strip(" ，,、"):
            continue
        for q in reversed(quantities[:index]):
            boundary = parts[-1].start if parts else m.start()
            label = text[q.end : boundary] if parts else gap
            if q.unit != total.unit or (parts and not _is_label(label, change)):
                break
            parts.append(q)
        if len(parts) >= 2:
            yield total, parts[::-1], text[m.start() : m.end()].strip(), True, True


def _is_label(label: str, change: re.Pattern[str], separators: str = "、，,和及与") -> bool:
    """Whether the text between two parts is a separator and a label (、中级), nothing more."""
    return (
        bool(label)
        and label[0] in separators
        and len(label) <= _MAX_LABEL
        and not any(c in phrases.SENTENCE_END or c.isdigit() for c in label)
        and not change.search(label)
    )


def _total_then_parts(text: str, quantities: list, patterns: _Patterns, table: Lists) -> Iterator[tuple]:
    """``…583 个信息系统，其中…445 个信息系统，…138 个信息系统``."""
    _, part_re, change = patterns
    for m in part_re.finditer(text):
        total = _whole(text, quantities, m.start(), m.end())
        if total is None or total.kind == "percent":
            continue
        stop = phrases.sentence_end(text, m.end())
        parts, lead_start = [], m.end()
        for q in quantities:
            if q.start < m.end() or q.end > stop:
                continue
            if q.unit != total.unit:
                break
            lead = text[lead_start : q.start]
            lead_start = q.end
            if _same_thing(text, total, q, table) and not change.search(lead):
                parts.append(q)
        if parts:
            siblings = all(_is_label(_DATE.sub("", text[a.end : b.start]), change, "、") for a, b in zip(parts, parts[1:]))
            yield total, parts, m.group(), False, siblings


def _whole(text: str, quantities: list, start: int, end: int):
    """The figure ``其中`` (at ``start:end``) divides, in its sentence: the last one in the unit of
    the first figure after it (``改造老旧小区126个，涉及居民1.8万户，其中2021年完成41个``), else the
    last one before it; ``None`` when the sentence has none."""
    before = [q for q in quantities if q.end <= start and not any(c in phrases.SENTENCE_END for c in text[q.end : start])]
    first = next((q for q in quantities if q.start >= end), None)
    same_unit = [q for q in before if first is not None and q.unit == first.unit]
    return (same_unit or before or [None])[-1]


def _same_thing(text: str, total, part, table: Lists) -> bool:
    """Whether ``part`` counts what ``total`` counts, judged by the nouns after their units."""
    noun_total, noun_part = _noun_after(text, total.end, table), _noun_after(text, part.end, table)
    return not noun_total or not noun_part or noun_total[:2] == noun_part[:2]


def _noun_after(text: str, end: int, table: Lists) -> str:
    m = _NOUN.match(text, end)
    if m is None or any(m.group().startswith(w) for w in table.non_nouns):
        return ""
    return m.group()
