"""The metric of a figure: the phrase that says what is counted, and its normalised key.

The phrase is the figure's clause with the number taken out: ``累计发放贷款 1.08 亿元`` gives
``累计发放贷款``, and ``认定 25 家市级…平台`` and ``认定市级…平台 25 家`` give the same
phrase. When two figures share a clause (``联合 11 家银行发布 16 个金融产品``), the first
reads up to the second (``联合银行发布``) and the second from the last verb between them
(``发布金融产品``). The key drops what belongs to the scope or the sentence (累计, 已, 共, 全市 …), the
topic and particles, rewrites synonyms, and adds the unit family, so ``元`` never meets ``家``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from replylint.extract.scope import Mark, clause_bounds
from replylint.tables import FigureMetric, Figures

_QUOTED = re.compile(r"[“\"]([^“”\"\n]{2,12})[”\"]")
_SPACE = re.compile(r"\s+")
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")


@dataclass(frozen=True)
class Normalised:
    """A metric phrase reduced to its core, with the bound and plan words it carried."""

    core: str | None
    bound: str | None
    planned: bool


def _alternation(words: Sequence[str]) -> re.Pattern[str]:
    ordered = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered)) if ordered else "(?!)")


@lru_cache(maxsize=8)
def _verbs(verbs: tuple[str, ...]) -> re.Pattern[str]:
    return _alternation(verbs)


def phrases(text: str, spans: Sequence[tuple[int, int]], marks: Sequence[Mark], verbs: tuple[str, ...]) -> list[str]:
    """The metric phrase of each figure (given by its span in ``text``), time phrases removed."""
    masked = _mask(text, marks)
    out: list[str] = []
    left_from: int | None = None
    for i, (start, end) in enumerate(spans):
        c0, c1 = clause_bounds(text, start)
        left = max(c0, left_from or 0)
        nxt = spans[i + 1][0] if i + 1 < len(spans) and spans[i + 1][0] < c1 else None
        if nxt is None:
            right_end, left_from = c1, None
        else:
            cuts = [m.start() for m in _verbs(verbs).finditer(text, end, nxt)]
            right_end, left_from = nxt, (cuts[-1] if cuts else nxt)
        out.append(_SPACE.sub("", masked[left:start] + masked[end:right_end]))
    return out


def _mask(text: str, marks: Sequence[Mark]) -> str:
    """``text`` with every time phrase blanked out (offsets kept); marks come in text order, apart."""
    pieces: list[str] = []
    done = 0
    for mark in marks:
        pieces += (text[done : mark.start], " " * (mark.end - mark.start))
        done = mark.end
    pieces.append(text[done:])
    return "".join(pieces)


def normalise(phrase: str, topic: str | None, table: FigureMetric) -> Normalised:
    """Reduce a metric phrase to the core that names the measure."""
    core = _BRACKETED.sub("", phrase.translate(_deletions(table.drop)))
    if topic:
        core = core.replace(topic, "")
    bound = next((word for word in _lead_words((), table.bound) if word in core), None)
    if bound:
        core = core.replace(bound, "", 1)
    edges = _edge_patterns(table.lead, table.bound, table.trail)
    stripped, bound1, planned = _strip(core, edges, table)
    core = stripped
    for old, new in table.synonyms:
        core = core.replace(old, new)
    # Stripping stops where nothing more is stripped: only a core a synonym rewrote needs it again.
    core, bound2, planned2 = _strip(core, edges, table) if core != stripped else (core, None, False)
    return Normalised(core or None, bound or bound1 or bound2, planned or planned2)


@lru_cache(maxsize=8)
def _deletions(drop: str) -> dict[int, None]:
    """A ``str.translate`` table that deletes the ``drop`` characters and 的."""
    return dict.fromkeys(map(ord, drop + "的"))


def _strip(
    core: str, edges: tuple[re.Pattern[str], re.Pattern[str]], table: FigureMetric
) -> tuple[str, str | None, bool]:
    lead, trail = edges
    bound, planned = None, False
    changed = True
    while changed and core:
        changed = False
        if first := lead.match(core):
            word = first.group()
            bound = bound or (word if word in table.bound else None)
            planned = planned or word in table.plan
            core, changed = core[len(word) :], True
        # The longest trailing word that is not the whole core.
        if last := trail.search(core, 1):
            core, changed = core[: last.start()], True
    return core, bound, planned


@lru_cache(maxsize=8)
def _edge_patterns(
    lead: tuple[str, ...], bound: tuple[str, ...], trail: tuple[str, ...]
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The longest lead or bound word at the start, and the trailing words at the end."""
    trailing = sorted(trail, key=len, reverse=True)
    return (re.compile("|".join(map(re.escape, _lead_words(lead, bound))) or "(?!)"),
            re.compile(f"(?:{'|'.join(map(re.escape, trailing)) or '(?!)'})\\Z"))


@lru_cache(maxsize=8)
def _lead_words(lead: tuple[str, ...], bound: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(lead) | set(bound), key=len, reverse=True))


def completed(core: str | None, before: str | None, same_family: bool, table: FigureMetric) -> str | None:
    """The core of a figure, completed from the figure before it in its sentence (``before``).

    A figure with no phrase of its own takes the phrase before it, change words dropped
    (新增596家…，累计2256多家), when it counts in the same unit family; a comparison
    (比上年增长 8%) is a comparison of the figure before it.
    """
    if before is None:
        return None if core is not None and _is_comparison(core, table) else core
    if core is None:
        return _without_change(before, table) if same_family else None
    return before + core if _is_comparison(core, table) else core


def _is_comparison(core: str, table: FigureMetric) -> bool:
    return core.startswith(table.comparison_lead) or core in table.comparison


def _without_change(core: str, table: FigureMetric) -> str:
    for word in sorted(table.change, key=len, reverse=True):
        if core.startswith(word) and len(core) > len(word):
            return core[len(word) :]
    return core


def family(unit: str, table: Figures) -> str:
    """The unit family: units of one family measure the same kind of thing (个/项/件)."""
    return next((name for name, units in table.families.items() if unit in units), unit)


def key(core: str, unit_family: str) -> str:
    """The metric key: the normalised core and the unit family."""
    return f"{core}|{unit_family}"


def quoted_terms(text: str) -> frozenset[str]:
    """Short terms a letter puts in quotation marks (“数字贷”), formulas such as “4+6” left out."""
    return frozenset(t for t in _QUOTED.findall(text) if not re.search(r"[+＋\d]", t))


def topic_at(text: str, start: int, end: int, sentence: tuple[int, int], terms: frozenset[str]) -> str | None:
    """The quoted term that the figure's sentence names nearest before it, else nearest after."""
    s0, s1 = sentence
    best_before: tuple[int, str] | None = None
    best_after: tuple[int, str] | None = None
    for term in terms:
        at = text.find(term, s0, s1)
        while at >= 0:
            if at + len(term) <= start and (best_before is None or at > best_before[0]):
                best_before = (at, term)
            elif at >= end and (best_after is None or at < best_after[0]):
                best_after = (at, term)
            at = text.find(term, at + len(term), s1)
    chosen = best_before or best_after
    return chosen[1] if chosen else None
