"""Figures: numbers with a unit that a letter asserts, with what they count and when.

A figure carries its exact value (万/亿 applied), its unit, its approximation word and bound,
the metric phrase as written and its normalised key, the topic the sentence names (a
programme in quotation marks such as “数字贷”), and its time scope resolved against the
letter's 成文日期. Numbers that are not figures are skipped: years and dates, durations,
section, document and proposal numbers, phone numbers, formulas such as “4+6+4”, 5G,
ordinals (第 6, 前三名), numbers inside 《》 titles and list counts such as 九大.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Literal

from replylint.claims import Claim
from replylint.extract import metric as metrics
from replylint.extract.scope import Scope, comma_bounds, find_marks, scope_at, sentence_bounds
from replylint.letter import Structure
from replylint.numerals import DEFAULT_UNITS, Quantity, scan_quantities
from replylint.source import Paragraph, Source
from replylint.tables import Figures, load_tables

_ORDINAL_BEFORE = ("第", "前")
_QUOTED = re.compile(r"“[^“”]*”|《[^《》]*》")
_HEADING_START = ("（", "(", "**", "#")
_SENTENCE_END = re.compile(r"[。！？!?]")


class Figure(Claim):
    """A number with a unit, what it counts (metric and topic) and when it holds (scope)."""

    kind: Literal["figure"] = "figure"
    value: Decimal
    high: Decimal | None = None
    unit: str
    approx: str | None = None
    bound: str | None = None
    numeral: str = "arabic"
    metric: str
    metric_key: str | None = None
    topic: str | None = None
    scope: Scope = Scope()
    part: bool = False
    planned: bool = False
    sentence: int = 0

    @property
    def group_key(self) -> tuple[str, str | None, bool, bool] | None:
        """What figures must share to state the same measure: key, topic, part and plan."""
        return None if self.metric_key is None else (self.metric_key, self.topic, self.part, self.planned)


def extract_figures(source: Source, structure: Structure) -> Iterator[Figure]:
    """Every figure of the letter, in text order."""
    table = load_tables().figures
    letter_date = structure.date.value if structure.date else None
    terms = metrics.quoted_terms(source.view)
    sentence_base = 0
    for para in source.paragraphs:
        yield from _paragraph_figures(source, para, table, letter_date, terms, sentence_base)
        sentence_base += len(_SENTENCE_END.findall(para.text)) + 1


def _is_figure(text: str, q: Quantity, table: Figures) -> bool:
    if q.unit is None or q.unit in table.skip_units or q.kind == "ratio":
        return False
    before = text[: q.start].rstrip()
    if before.endswith(_ORDINAL_BEFORE) or text[q.end : q.end + 1] == "内":
        return False
    return before.count("《") <= before.count("》")


def _paragraph_figures(
    source: Source, para: Paragraph, table: Figures, letter_date: date | None, terms: frozenset[str], base: int
) -> list[Figure]:
    text = para.text
    quantities = [q for q in scan_quantities(text, DEFAULT_UNITS) if _is_figure(text, q, table)]
    if not quantities:
        return []
    terms = frozenset(term for term in terms if term in text)  # the letter's terms this paragraph names, once
    marks = find_marks(text, letter_date, table.scope)
    written = metrics.phrases(text, [(q.start, q.end) for q in quantities], marks, table.metric.verbs)
    heading_topic = _heading_topic(text, terms)
    found: list[Figure] = []
    previous: tuple[int, str, str] | None = None  # (sentence start, core, unit family)
    for q, phrase in zip(quantities, written, strict=True):
        sentence = sentence_bounds(text, q.start)
        topic = metrics.topic_at(text, q.start, q.end, sentence, terms) or heading_topic
        norm = metrics.normalise(phrase, topic, table.metric)
        family = metrics.family(q.unit, table)
        before = previous if previous and previous[0] == sentence[0] else None
        core = metrics.completed(norm.core, before and before[1], before is not None and before[2] == family, table.metric)
        if norm.core is not None and core is not None:
            previous = (sentence[0], core, family)
        span = source.view_span(para.start + q.start, para.start + q.end)
        found.append(Figure.trusted(
            span=span,
            raw=source.text[span.start : span.end],
            value=q.value,
            high=q.high,
            unit=q.unit,
            approx=q.approx,
            bound=q.bound or _bound_before(text, sentence[0], q.start, norm.bound),
            numeral=q.numeral,
            metric=phrase,
            metric_key=metrics.key(core, family) if core else None,
            topic=topic,
            scope=scope_at(text, q.start, marks, letter_date, table.scope),
            part=_after(text, sentence[0], q.start, table.metric.part),
            planned=norm.planned or _after(text, comma_bounds(text, q.start)[0], q.start, table.metric.plan),
            sentence=base + len(_SENTENCE_END.findall(text, 0, q.start)),
        ))
    return _unkey_enumerations(found)


def _unkey_enumerations(found: list[Figure]) -> list[Figure]:
    """Drop the key of figures that share key and scope with a different value in one sentence.

    ``提前完成省下达目标175.29%、134.29%`` or ``其中…445 个信息系统，…138 个信息系统`` list
    values of different subjects under one phrase: none of them can be compared alone.
    """
    values: dict[tuple, set] = {}
    for fig in found:
        values.setdefault((fig.sentence, fig.group_key, fig.scope), set()).add(fig.value)
    return [
        fig.model_copy(update={"metric_key": None})
        if fig.metric_key and len(values[(fig.sentence, fig.group_key, fig.scope)]) > 1 else fig
        for fig in found
    ]


def _bound_before(text: str, start: int, end: int, bound: str | None) -> str | None:
    """The bound word of the metric phrase when it stands before the figure (至少投入 50 亿元).

    The phrase also reads after the figure, where a bound belongs to what follows
    (约10%的人…“不超过家周边1公里”).
    """
    return bound if bound and _after(text, start, end, (bound,)) else None


def _after(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` occurs in ``text[start:end]`` outside quotation marks."""
    window = text[start:end]
    # Most windows hold none of the words at all: the quotations are only taken out for the rest.
    return any(word in window for word in words) and any(word in _QUOTED.sub("", window) for word in words)


def _heading_topic(text: str, terms: frozenset[str]) -> str | None:
    """The quoted term of a numbered heading that opens the paragraph (（二）开展“数字贷”…)."""
    if not text.lstrip().startswith(_HEADING_START):
        return None
    first = text[: sentence_bounds(text, 0)[1]]
    found = [(first.find(f"“{t}”"), t) for t in terms if f"“{t}”" in first]
    return min(found)[1] if found else None

