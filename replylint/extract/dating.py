"""When a sentence says something happened: the date that governs a verb in the same sentence.

Shared by the title extractor (when a policy was issued) and the event extractor (when a
body was set up, a list announced). Only point dates count: a year, a year and month, or
今年/去年 resolved against the letter's date; ranges (2022-2025 年), periods (2022 年以来,
2022 年起), as-of dates (截至 2022 年末) and plans (计划/拟/将) give no date.
"""

from __future__ import annotations

import re
from datetime import date

from replylint.models import Model

# A point date. Groups: absolute year (y), relative year (rel), month (m).
_DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})\s*年|(?P<rel>今年|去年|上年))(?:\s*(?P<m>1[0-2]|0?[1-9])\s*月)?"
)
# What must not come right before a point date (a range's second end, an as-of date).
_NOT_BEFORE = re.compile(r"(?:[-—–~～至到]|截至|截止|截止到|到|至)\s*$")
# What must not follow it (a range, a period, an end point, a season, a fiscal year count).
_NOT_AFTER = re.compile(r"^\s*(?:[-—–~～至到]|\d{1,2}\s*[-—–~～至到]|以来|以前|以后|前|后|起|底|末|初|度|内|上半年|下半年|第)")
# Words between the date and the verb that make the action a plan, not a fact.
_PLANNED = re.compile(r"计划|拟|将|准备|正在|争取|力争|预计|打算")
# A sentence ends at these; a date never governs across them.
SENTENCE_END = re.compile(r"[。；;！？!?]")


class When(Model):
    """A point date a sentence gives: the year, the month when stated, and the text."""

    year: int
    month: int | None = None
    text: str

    def label(self) -> str:
        """``2022`` or ``2022-01``."""
        return f"{self.year}" if self.month is None else f"{self.year}-{self.month:02d}"

    def conflicts(self, other: When) -> bool:
        """Whether two dates cannot both be right: different years, or different stated months."""
        if self.year != other.year:
            return True
        return self.month is not None and other.month is not None and self.month != other.month


def sentence_start(text: str, pos: int) -> int:
    """Offset where the sentence holding ``text[pos]`` starts."""
    ends = [m.end() for m in SENTENCE_END.finditer(text, 0, pos)]
    return ends[-1] if ends else 0


def point_dates(text: str, start: int, end: int, letter_date: date | None) -> list[tuple[When, int, int]]:
    """Every point date in ``text[start:end]``, resolved against the letter's date, with its offsets."""
    out = []
    for m in _DATE.finditer(text, start, end):
        if _NOT_BEFORE.search(text[max(0, m.start() - 3) : m.start()]) or _NOT_AFTER.match(text[m.end() : m.end() + 4]):
            continue
        if m["y"]:
            year = int(m["y"])
        elif letter_date is not None:
            year = letter_date.year - (0 if m["rel"] == "今年" else 1)
        else:
            continue
        month = int(m["m"]) if m["m"] else None
        out.append((When(year=year, month=month, text=m.group()), m.start(), m.end()))
    return out


def governing_date(text: str, verb_start: int, letter_date: date | None) -> tuple[When, int, int] | None:
    """The point date nearest before the verb at ``verb_start`` in the same sentence, with its offsets.

    ``None`` when the sentence gives none before the verb, or when a plan word (计划, 拟, 将 …)
    stands between that date and the verb.
    """
    start = sentence_start(text, verb_start)
    dates = point_dates(text, start, verb_start, letter_date)
    if not dates:
        return None
    nearest = dates[-1]
    if _PLANNED.search(text, nearest[2], verb_start):
        return None
    return nearest
