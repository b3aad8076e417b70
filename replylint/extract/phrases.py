"""Small text helpers the list, sum and formula extractors share.

They read the analysis view one paragraph at a time and know about the marks that keep a
phrase whole: an item inside “…” or 《…》 is never split at a 、 or a conjunction inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from replylint.numerals import parse_chinese_integer

OPENING = "“《（(「『【〔"
CLOSING = "”》）)」』】〕"
_MARKS = re.compile(f"[{re.escape(OPENING + CLOSING)}]")
CLAUSE_END = "，,。；;：:！!？?\n"
SENTENCE_END = "。；;！!？?\n"
_SENTENCE_MARK = re.compile(f"[{re.escape(SENTENCE_END)}]")
CHINESE_DIGITS = "两二三四五六七八九十"
# Enumeration markers: 一是 / 二是 after a sentence mark or at the start, and （一）（二）.
MARKER = re.compile(
    rf"(?:(?<=[。；;：:，,\s“])|^)(?P<shi>[一{CHINESE_DIGITS}]{{1,3}})是|[（(](?P<paren>[一{CHINESE_DIGITS}]{{1,3}})[）)]"
)


@lru_cache(maxsize=64)
def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first, for building patterns once."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def count_value(numeral: str) -> int | None:
    """The value of a count written in Arabic digits or Chinese numerals (7, 九, 两)."""
    numeral = numeral.strip()
    if numeral.isascii() and numeral.isdigit():
        return int(numeral)
    return parse_chinese_integer(numeral)


def clause_start(text: str, end: int) -> int:
    """Where the clause that ends at ``end`` starts: after the last clause mark outside quotes.

    An opening quote or bracket that is not closed before ``end`` also starts the clause.
    """
    depth = 0
    for mark in reversed([m.start() for m in _CLAUSE_MARKS.finditer(text, 0, end)]):
        c = text[mark]
        if c in CLOSING:
            depth += 1
        elif c in OPENING and depth:
            depth -= 1
        elif depth == 0:  # an unclosed opening mark, or a clause mark outside quotes
            return mark + 1
    return 0


def split_outside_quotes(text: str, separators: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``text`` between separators that stand outside quotes."""
    pieces, depth, start = [], 0, 0
    for m in _marks_and(separators).finditer(text):
        i, c = m.start(), m.group()
        if c in OPENING:
            depth += 1
        elif c in CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0 and c in separators:
            pieces.append((start, i))
            start = i + 1
    pieces.append((start, len(text)))
    return pieces


@lru_cache(maxsize=8)
def _marks_and(separators: str) -> re.Pattern[str]:
    """A pattern for the quote and bracket marks and ``separators``: the walks over a text stop
    only at these, and pass over all other characters at once, in the regex engine."""
    return re.compile(f"[{re.escape(OPENING + CLOSING + separators)}]")


_CLAUSE_MARKS = _marks_and(CLAUSE_END)


def outside_quotes(text: str) -> list[bool]:
    """For each character of ``text``, whether it stands outside every quote and bracket."""
    flags: list[bool] = []
    depth = done = 0
    for mark in _MARKS.finditer(text):
        flags.extend([depth == 0] * (mark.start() - done))
        flags.append(False)
        depth = depth + 1 if mark.group() in OPENING else max(0, depth - 1)
        done = mark.end()
    flags.extend([depth == 0] * (len(text) - done))
    return flags


def last_word(text: str, words: Iterable[str]) -> tuple[int, str] | None:
    """The rightmost occurrence outside quotes of any of ``words`` in ``text``: (index, word)."""
    flags: list[bool] | None = None  # read only once a word is found: most texts hold none
    best: tuple[int, str] | None = None
    for word in words:
        i = text.rfind(word)
        if i >= 0 and flags is None:
            flags = outside_quotes(text)
        while i >= 0 and not flags[i]:
            i = text.rfind(word, 0, i)
        if i >= 0 and (best is None or i + len(word) > best[0] + len(best[1])):
            best = (i, word)
    return best


class Marker(NamedTuple):
    """An enumeration marker: where it is, its style (``shi`` 一是, ``paren`` （一）), its number."""

    start: int
    end: int
    style: str
    ordinal: int


def markers(text: str, start: int = 0) -> list[Marker]:
    """The enumeration markers of ``text`` from ``start``, in text order."""
    out = []
    for m in MARKER.finditer(text, start):
        style = "shi" if m["shi"] else "paren"
        ordinal = parse_chinese_integer(m[style])
        if ordinal:
            out.append(Marker(m.start(), m.end(), style, ordinal))
    return out


def leading_marker(text: str, style: str | None = None, ordinal: int | None = None) -> Marker | None:
    """The marker ``text`` starts with (of ``style`` and ``ordinal`` when given), if any.

    An opening quotation mark may stand before it: a quoted enumeration over several
    paragraphs opens each with “ (“一是…；“二是…).
    """
    found = markers(text)
    if not found or text[: found[0].start].strip("“") != "":
        return None
    first = found[0]
    if (style and first.style != style) or (ordinal and first.ordinal != ordinal):
        return None
    return first


def sentence_end(text: str, start: int) -> int:
    """Index of the first sentence mark at or after ``start`` (``len(text)`` when none)."""
    mark = _SENTENCE_MARK.search(text, start)
    return mark.start() if mark else len(text)
