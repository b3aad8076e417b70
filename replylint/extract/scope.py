"""Time scopes of figures: the phrases that say when a figure holds, resolved to dates.

A letter says *when* a figure holds in many ways: a year (``2022年``), a period
(``2023 年 1-3 月``, ``2022-2025 年``, ``2023年上半年``), an as-of date (``截至2022年末``,
``截止 2022 年``), a running total (``累计``), or words relative to the letter's 成文日期
(``今年``, ``去年``, ``今年以来``, ``截至目前``, ``目前``), and plans (``首期``, ``5年内``).
:func:`find_marks` finds these phrases in a paragraph; :func:`scope_at` picks the one that
governs a figure and resolves it against the letter's date.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from replylint.letter import chinese_ordinal
from replylint.models import Model
from replylint.tables import FigureScope

ScopeKind = Literal["year", "period", "as_of", "cumulative", "relative", "none"]

_SENTENCE_END = "。！？!?\n"
_CLAUSE_END = _SENTENCE_END + "；;，,：:（）()、"
_COMMA_END = _CLAUSE_END.replace("、", "")
_SEMICOLON_END = "；;" + _SENTENCE_END
_OPEN, _CLOSE = "（(", "）)"
_BRACKETS = _OPEN + _CLOSE
_CLOSING_BRACKET = re.compile(f"[{_CLOSE}]")
_YEAR = r"(?P<y>(?:19|20)\d{2})\s*年"
_YEAR_FIRST = "12"  # the digits a year of _YEAR starts with
_SPACE = r"\s*"
_CN_SMALL = "一二三四五六七八九十两"
_BASE_BEFORE = ("比", "较", "照", "于")
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


class Scope(Model):
    """When a figure holds: the kind of scope, its phrase, and its dates when resolvable.

    ``start``/``end`` bound the period the figure covers (both inclusive); an as-of or
    running total has only ``end``, the date it is counted up to. ``cumulative`` is set by
    累计 and its kin, alone or on top of a year or period (``2023 年累计``).
    """

    kind: ScopeKind = "none"
    phrase: str | None = None
    start: date | None = None
    end: date | None = None
    cumulative: bool = False

    @property
    def resolved(self) -> bool:
        """Whether the scope names a definite time (a period or a date it runs up to)."""
        return self.end is not None and (self.start is not None or self.kind in ("as_of", "cumulative", "relative"))

    def describe(self, lang: str = "zh") -> str:
        """The scope for messages: its phrase as written and its resolved dates."""
        zh = lang == "zh"
        words = self.phrase or ("未注明时间" if zh else "no time stated")
        if self.start and self.end:
            return f"{words}，{self.start}至{self.end}" if zh else f"{words}, {self.start} to {self.end}"
        if self.end:
            return f"{words}，截至{self.end}" if zh else f"{words}, up to {self.end}"
        return words


# The scope of a figure without one: frozen, so every such figure shares it.
_NO_SCOPE = Scope()


@dataclass(frozen=True)
class Mark:
    """A time phrase found in a paragraph, with the scope it states (not yet cumulative)."""

    start: int
    end: int
    scope: Scope


@dataclass(frozen=True)
class _Patterns:
    # kind, pattern, whether it starts with a year, and a word each of its phrases holds
    items: tuple[tuple[str, re.Pattern[str], bool, str], ...]
    cumulative: re.Pattern[str]
    year_at: re.Pattern[str]  # empty matches where a year phrase starts, overlapping ones too


def _patterns(table: FigureScope) -> _Patterns:
    return _compile(tuple(table.relative_years), table.current, table.cumulative)


@lru_cache(maxsize=8)
def _compile(relative: tuple[str, ...], current_words: tuple[str, ...], cumulative_words: tuple[str, ...]) -> _Patterns:
    rel_words = sorted(relative, key=len, reverse=True)
    rel = "|".join(map(re.escape, rel_words)) or "(?!)"
    # Most patterns start with a year. A lookahead at its first character lets the search pass
    # over every other position at once instead of trying each alternative there.
    year = rf"{_lookahead(_YEAR_FIRST + ''.join(word[0] for word in rel_words))}(?:{_YEAR}|(?P<rel>{rel}))"
    dash = r"\s*[-－—–~～至到]\s*"
    until = "(?:截至|截止|截止到|截至到)"
    month = rf"(?P<m>\d{{1,2}}){_SPACE}月"
    day_end = rf"(?:{_SPACE}(?P<d>\d{{1,2}}){_SPACE}日)?{_SPACE}(?:末|底)?"
    current = "|".join(map(re.escape, sorted(current_words, key=len, reverse=True))) or "(?!)"
    # Each kind with the word its phrases always hold, if any: a paragraph without it is not searched.
    items = (
        ("as_of", rf"{until}{_SPACE}{year}(?:{_SPACE}{month})?{day_end}", "截"),
        ("as_of_month", rf"{until}{_SPACE}{month}{day_end}", "截"),
        ("current", rf"(?:{current})", ""),
        ("months", rf"{year}{_SPACE}(?P<m1>\d{{1,2}}){dash}(?P<m2>\d{{1,2}}){_SPACE}月(?:份)?", "月"),
        ("years", rf"{_lookahead(_YEAR_FIRST)}(?P<y1>(?:19|20)\d{{2}})(?:{dash}|\s*、\s*)(?P<y2>(?:19|20)\d{{2}}){_SPACE}年度?", "年"),
        ("from_within", rf"{_lookahead(_YEAR_FIRST)}{_YEAR}{_SPACE}起{_SPACE}(?P<n>\d{{1,2}}|[{_CN_SMALL}]{{1,2}}){_SPACE}年内", "年内"),
        ("within", rf"(?P<n>\d{{1,2}}|[{_CN_SMALL}]{{1,2}}){_SPACE}年内", "年内"),
        ("recent", rf"近(?:\d{{1,2}}|[{_CN_SMALL}]{{1,2}})?{_SPACE}年(?:来)?", "近"),
        ("half", rf"{year}{_SPACE}(?P<h>上|下)半年", "半年"),
        ("quarter", rf"{year}{_SPACE}第?(?P<q>[一二三四1-4]){_SPACE}季度", "季度"),
        ("month", rf"{year}{_SPACE}(?P<m>\d{{1,2}}){_SPACE}月(?:份)?(?:{_SPACE}(?P<d>\d{{1,2}}){_SPACE}日)?", "月"),
        ("since", rf"{year}{_SPACE}(?:以来|至今)", ""),
        ("year", rf"{year}(?:度)?", ""),
        ("first", r"首期", "首期"),
    )
    cumulative = "|".join(map(re.escape, cumulative_words)) or "(?!)"
    compiled = tuple((kind, re.compile(p), p.startswith(year), needs) for kind, p, needs in items)
    return _Patterns(compiled, re.compile(cumulative), re.compile(f"(?={year})"))


def _lookahead(first: str) -> str:
    """A lookahead for one of the characters of ``first``."""
    return f"(?=[{re.escape(first)}])"


def find_marks(text: str, letter_date: date | None, table: FigureScope) -> list[Mark]:
    """Every time phrase of ``text``, left to right, overlaps resolved to the earliest-longest."""
    marks: list[Mark] = []
    last_end = -1
    for kind, m in sorted(_phrases(text, _patterns(table)), key=lambda found: (found[1].start(), -found[1].end())):
        start, end = m.span()
        if start < last_end or _in_title(text, start) or (kind == "year" and _comparison_base(text, start)):
            continue
        scope = _resolve(kind, m, letter_date, table)
        if scope is not None:
            marks.append(Mark(start, end, scope))
            last_end = end
    return marks


def _phrases(text: str, pats: _Patterns) -> list[tuple[str, re.Match[str]]]:
    """Every (non-empty) match of every kind of time phrase in ``text``, overlaps kept, with its kind.

    What ``finditer`` of each pattern finds, faster: a phrase that starts with a year is tried only
    at the few offsets where a year starts, and a kind only in text that holds its word.
    """
    years = [m.start() for m in pats.year_at.finditer(text)]
    found = []
    for kind, pattern, after_year, needs in pats.items:
        if needs in text:
            matches = _matches_at(pattern, text, years) if after_year else pattern.finditer(text)
            found.extend((kind, m) for m in matches if m.end() > m.start())
    return found


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds when its (non-empty) matches can only begin at ``starts``."""
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(text, start)):
            end = m.end()
            yield m


def _in_title(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a 《》 title, whose years are names, not scopes."""
    return text.count("《", 0, pos) > text.count("》", 0, pos)


def _comparison_base(text: str, pos: int) -> bool:
    """Whether a year phrase is the base of a comparison (比上年增长, 按照上年度…), not a scope."""
    return text[max(0, pos - 1) : pos] in _BASE_BEFORE


def _year_of(m: re.Match[str], letter_date: date | None, table: FigureScope) -> int | None:
    groups = m.groupdict()
    if groups.get("y"):
        return int(groups["y"])
    if groups.get("rel") and letter_date is not None:
        return letter_date.year + table.relative_years[groups["rel"]]
    return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _clamp(start: date, end: date, letter_date: date | None) -> date:
    """A period under way at the letter's date is counted up to that date."""
    return letter_date if letter_date and start <= letter_date < end else end


def _resolve(kind: str, m: re.Match[str], letter_date: date | None, table: FigureScope) -> Scope | None:
    phrase = re.sub(r"\s+", "", m.group())
    g = m.groupdict()
    try:
        if kind == "current":
            return Scope(kind="relative", phrase=phrase, end=letter_date)
        if kind in ("within", "recent", "first"):
            return Scope(kind="period", phrase=phrase)
        if kind == "years":
            return Scope(kind="period", phrase=phrase, start=date(int(g["y1"]), 1, 1), end=date(int(g["y2"]), 12, 31))
        if kind == "from_within":
            first = int(g["y"])
            span = chinese_ordinal(g["n"].replace("两", "二"))
            if not span:
                return None
            return Scope(kind="period", phrase=phrase, start=date(first, 1, 1), end=date(first + span - 1, 12, 31))
        year = _year_of(m, letter_date, table)
        if kind == "as_of_month" and letter_date is not None:
            kind, year = "as_of", letter_date.year if int(g["m"]) <= letter_date.month else letter_date.year - 1
        relative = bool(g.get("rel"))
        if year is None:
            return Scope(kind="relative" if relative else "period", phrase=phrase)
        if kind == "as_of":
            month = int(g["m"]) if g.get("m") else 12
            end = date(year, month, int(g["d"])) if g.get("d") else _month_end(year, month)
            return Scope(kind="as_of", phrase=phrase, end=end)
        if kind == "months":
            start, end = date(year, int(g["m1"]), 1), _month_end(year, int(g["m2"]))
        elif kind == "month":
            start = date(year, int(g["m"]), int(g["d"]) if g.get("d") else 1)
            end = start if g.get("d") else _month_end(year, int(g["m"]))
        elif kind == "half":
            start, end = (date(year, 1, 1), date(year, 6, 30)) if g["h"] == "上" else (date(year, 7, 1), date(year, 12, 31))
        elif kind == "quarter":
            q = _QUARTERS[g["q"]]
            start, end = date(year, 3 * q - 2, 1), _month_end(year, 3 * q)
        elif kind == "since":
            start, end = date(year, 1, 1), letter_date
        else:
            start, end = date(year, 1, 1), date(year, 12, 31)
        if start and end and start > end:
            return None
        scope_kind: ScopeKind = "relative" if relative else ("year" if kind == "year" else "period")
        return Scope(kind=scope_kind, phrase=phrase, start=start, end=_clamp(start, end, letter_date) if end else None)
    except (ValueError, KeyError):
        return None


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence of ``text`` that holds offset ``pos``."""
    return _bounds(text, pos, _SENTENCE_END)


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the clause (between commas, colons, brackets…) that holds ``pos``."""
    return _bounds(text, pos, _CLAUSE_END)


def comma_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the stretch between commas that holds ``pos`` (lists with 、 kept whole)."""
    return _bounds(text, pos, _COMMA_END)


def _bounds(text: str, pos: int, stops: str) -> tuple[int, int]:
    at = _stop_offsets(text, stops)
    i = bisect.bisect_left(at, pos)  # at[i - 1] < pos <= at[i]
    return (at[i - 1] + 1 if i else 0), (at[i] if i < len(at) else len(text))


@lru_cache(maxsize=256)
def _stop_offsets(text: str, stops: str) -> tuple[int, ...]:
    """Offsets of the ``stops`` characters in ``text``, found once per paragraph: each of its
    figures asks for the bounds of its sentence, clause and comma stretch and for its brackets."""
    return tuple(m.start() for m in _stop_pattern(stops).finditer(text))


@lru_cache(maxsize=8)
def _stop_pattern(stops: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(stops)}]")


def paren_group(text: str, pos: int, floor: int) -> tuple[int, int] | None:
    """The bracketed stretch ``（…）`` around ``pos`` after ``floor``, or None if there is none."""
    depth = 0
    # Only the brackets matter, and a sentence holds few: walk back over them, not every character.
    brackets = _stop_offsets(text, _BRACKETS)
    for bracket in reversed(brackets[bisect.bisect_left(brackets, floor) : bisect.bisect_left(brackets, pos)]):
        if text[bracket] in _CLOSE:
            depth += 1
        elif depth == 0:
            close = _CLOSING_BRACKET.search(text, pos)
            return bracket, close.start() if close else len(text)
        else:
            depth -= 1
    return None


def scope_at(
    text: str, pos: int, marks: Sequence[Mark], letter_date: date | None, table: FigureScope
) -> Scope:
    """The scope that governs a figure starting at ``pos``.

    The nearest time phrase before the figure in its sentence governs it, and a running-total
    word (累计) makes it and the rest of the sentence up to a semicolon a running total (rates
    such as 日均 excepted). A phrase inside brackets governs only inside them, and a phrase
    without dates (首期, 5年内) only its clause. A running total in brackets
    (``（累计 5100 家次）``) does not take the sentence's period.
    """
    s0, _ = sentence_bounds(text, pos)
    own = paren_group(text, pos, s0)
    c0, _ = clause_bounds(text, own[0] if own else pos)

    def visible_at(at: int) -> bool:
        group = paren_group(text, at, s0)
        return group is None or group == own

    def visible(mark: Mark) -> bool:
        local = mark.scope.end is None and mark.scope.start is None
        return visible_at(mark.start) and (not local or mark.start >= c0)

    before = [m for m in marks if s0 <= m.start and m.end <= pos and visible(m)]
    since_semicolon, _ = _bounds(text, pos, _SEMICOLON_END)
    total = _running_total_word(text, max(s0, since_semicolon), pos, visible_at, table)
    if total and own is not None and total.start() > own[0]:
        before = [m for m in before if own[0] <= m.start]
    if before:
        scope = before[-1].scope
        return scope.model_copy(update={"cumulative": True, "phrase": f"{scope.phrase}{total.group()}"}) if total else scope
    if total:
        return Scope(kind="cumulative", phrase=total.group(), end=letter_date, cumulative=True)
    return _NO_SCOPE


def _running_total_word(
    text: str, start: int, pos: int, visible: Callable[[int], bool], table: FigureScope
) -> re.Match[str] | None:
    """The last running-total word (累计) that reaches ``pos``, or None.

    It reaches a figure in its own clause, and one in a later clause unless that clause states
    a rate (日均解析量).
    """
    words = [m for m in _patterns(table).cumulative.finditer(text, start, pos) if visible(m.start())]
    if not words:
        return None
    clause_start = clause_bounds(text, pos)[0]
    same_clause = clause_bounds(text, words[-1].start())[0] == clause_start
    rate = any(word in text[clause_start:pos] for word in table.rate)
    return words[-1] if same_clause or not rate else None
