"""Proposals and suggestions named in a letter: body (政协/人大), session, kind and number.

``关于市政协十三届二次会议第132033号提案答复的函`` answers proposal 132033 of the 13th 政协's
second session; ``市十六届人大 四次会议第2024111号代表建议`` is suggestion 2024111 of the
16th 人大's fourth session (届 before 人大, as such titles write it); ``《关于…的提案》（第0187号）``
cites proposal 0187 by its title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from replylint.models import Model, Span
from replylint.ordinals import NUMERAL, chinese_ordinal
from replylint.source import Source

# How far (in characters) a session or body may stand before the proposal number it qualifies.
NEAR = 12
_CJK = "\u4e00-\u9fff"
_KIND = r"议案转建议|(?:人大)?代表建议|建议|提案|议案"
# The number, with its 第 or, when that is left out, of three digits or more and not a 文号's serial;
# after the proposal's own title it stands in brackets: 《关于…的提案》（第0187号）.
_NUMBER = re.compile(
    rf"(?P<kind1>{_KIND})?\s*(?:》\s*[（(]\s*)?(?:(?P<di>第)\s*(?P<number>\d+)|(?<![\d〕﹞\]］)）】])(?P<bare>\d{{3,}}))\s*号\s*(?P<kind2>{_KIND})?"
)
_SESSION = re.compile(
    rf"(?:第\s*)?(?P<term>[{NUMERAL}\d]{{1,3}})\s*届\s*(?P<mid>[{_CJK}]{{0,12}}?)\s*(?:第\s*)?"
    rf"(?P<meeting>[{NUMERAL}\d]{{1,3}})\s*次\s*(?:会议|全会|全体会议)?"
)
_BODY = re.compile(r"政协|政治协商|人大|人民代表大会")
_MARKUP_BREAK = re.compile(r"\n[#>*\s]*")


class Proposal(Model):
    """A proposal or suggestion: the one the title answers, or one the body cites.

    ``session`` is the session as written without spaces (十三届二次会议, 十六届人大四次会议);
    ``term`` and ``meeting`` are its numbers (届 and 次). ``kind`` is 提案, 建议, 议案 or
    议案转建议 (代表建议 reads as 建议).
    """

    text: str
    span: Span
    body: Literal["政协", "人大"] | None = None
    session: str | None = None
    term: int | None = None
    meeting: int | None = None
    kind: str | None = None
    number: str | None = None
    number_span: Span | None = None


def find_proposals(source: Source, text: str, base: int) -> Iterator[Proposal]:
    """Every numbered proposal in ``text`` (found at view offset ``base``) that names its kind."""
    for m in _NUMBER.finditer(text):
        if m["kind1"] or m["kind2"]:
            yield _proposal(source, text, base, m)


def _last(matches: Iterator[re.Match]) -> re.Match | None:
    found = None
    for found in matches:
        pass
    return found


def _body_name(word: str) -> Literal["政协", "人大"]:
    return "人大" if word in ("人大", "人民代表大会") else "政协"


def _proposal(source: Source, text: str, base: int, m: re.Match) -> Proposal:
    """The proposal of a number match in ``text``, with the session and body written just before it."""
    kind = m["kind1"] or m["kind2"]
    if kind and kind.endswith("代表建议"):
        kind = "建议"
    number = "number" if m["number"] else "bare"
    number_start = m.start("di") if m["di"] else m.start(number)
    number_end = text.find("号", m.end(number)) + 1
    begin = m.start() if m["kind1"] else number_start
    end = len(text[: m.end()].rstrip())
    values: dict = {}
    session = _last(_SESSION.finditer(text, 0, begin))
    if session is not None and begin - session.end() <= NEAR:
        begin = session.start()
        values.update(
            session=re.sub(r"\s+", "", session.group()), term=chinese_ordinal(session["term"]),
            meeting=chinese_ordinal(session["meeting"]),
        )
        if inner := _BODY.search(session["mid"]):
            values["body"] = _body_name(inner.group())
    body = _last(_BODY.finditer(text, 0, begin))
    if "body" not in values and body is not None and begin - body.end() <= NEAR:
        values["body"] = _body_name(body.group())
        begin = body.start()
    return Proposal(
        text=_MARKUP_BREAK.sub("", text[begin:end]), span=source.view_span(base + begin, base + end),
        kind=kind, number=m[number], number_span=source.view_span(base + number_start, base + number_end),
        **values,
    )
