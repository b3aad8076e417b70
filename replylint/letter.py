"""The structure of a reply letter (GB/T 9704-2012 and common practice), parsed from its view.

Every field is optional: a part the letter lacks is ``None`` (or empty), never an exception.
Every field keeps the span of its original text.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from replylint.models import Model, Span
from replylint.source import Paragraph, Source

CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


class Field(Model):
    """A piece of the letter's text with its span."""

    text: str
    span: Span


class DocNumber(Model):
    """A 发文字号 such as 中工信函〔2023〕59号."""

    text: str
    span: Span
    prefix: str
    year: int
    serial: str
    open_bracket: str
    close_bracket: str


class LetterDate(Model):
    """The 成文日期 with its value."""

    text: str
    span: Span
    value: date


class Proposal(Model):
    """The proposal or suggestion the letter answers."""

    text: str
    span: Span
    body: Literal["政协", "人大"] | None = None
    session: str | None = None
    kind: str | None = None
    number: str | None = None


class Section(Model):
    """A numbered heading or item: 一、 (level 1), （一） (level 2), 一是 (level 3), 1. (level 4)."""

    level: int
    marker: str
    ordinal: int
    title: str
    span: Span


class Contact(Model):
    """A contact line: the people named and their phone numbers."""

    text: str
    span: Span
    names: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()


class Structure(Model):
    """Every structural field of a reply letter; anything missing is ``None`` or empty."""

    classification: Field | None = None
    organ: Field | None = None
    docno: DocNumber | None = None
    title: Field | None = None
    proposal: Proposal | None = None
    addressee: Field | None = None
    cohandlers: tuple[Field, ...] = ()
    sections: tuple[Section, ...] = ()
    closing: Field | None = None
    signature: Field | None = None
    date: LetterDate | None = None
    contacts: tuple[Contact, ...] = ()
    publication: Field | None = None
    cc: tuple[Field, ...] = ()


_MARKUP = re.compile(r"^[#>\s*]*|[\s*]*$")
_CLASSIFICATION = re.compile(r"^[（(]\s*[A-DＡ-Ｄ]\s*类\s*[）)]$")
_DOCNO = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{1,12}?)\s*(?P<open>[〔\[［(（【])\s*(?P<year>\d{4})\s*(?P<close>[〕\]］)）】])\s*第?\s*(?P<serial>\d+)\s*号"
)
_DATE = re.compile(
    r"^(?P<y>\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$"
)
_TITLE = re.compile(r"关于.*(?:答复|回复|办理).*的?(?:函|意见|报告)$|答复的函$")
_PROPOSAL = re.compile(
    r"(?P<body>政协|人大)[^第]{0,30}?(?P<session>[一二三四五六七八九十\d]+\s*届\s*[一二三四五六七八九十\d]*\s*次?\s*会议)?[^第]{0,12}?"
    r"(?:(?P<kind1>议案转建议|提案|建议|议案))?\s*第\s*(?P<number>\d{4,})\s*号\s*(?P<kind2>议案转建议|代表建议|建议|提案|议案)?"
)
_ADDRESSEE = re.compile(r"^[^，。；]{2,40}[：:]$|^[^。；]{2,60}(?:委员|代表|委会|同志|先生|女士)[：:]$")
_COHANDLERS = re.compile(r"经综合(?P<units>.+?)(?:等有关单位|等单位|有关单位)?意见")
_CLOSING = re.compile(r"^(?:专此答复|特此答复|此复|特此函复)")
_CONTACT = re.compile(r"^[（(]?\s*(?:联系人|联系电话)")
_PHONE = re.compile(r"(?<!\d)(?:0\d{2,3}\s*[-－—]\s*)?\d{7,8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)")
_PUBLICATION = re.compile(r"^公开方式\s*[：:]")
_CC = re.compile(r"^抄\s*送\s*[：:]")
_SECTION_MARKERS = (
    (1, re.compile(r"^(?P<marker>(?P<num>[一二三四五六七八九十]{1,3})、)")),
    (2, re.compile(r"^(?P<marker>[（(]\s*(?P<num>[一二三四五六七八九十]{1,3})\s*[）)])")),
    (3, re.compile(r"(?:^|(?<=[。；;]))(?P<marker>(?P<num>[一二三四五六七八九十]{1,3})是)")),
    (4, re.compile(r"^(?P<marker>(?P<num>\d{1,2})\s*[.．、])(?!\d)")),
)
_SPLIT_UNITS = re.compile(r"[、，,；;]")


def chinese_ordinal(text: str) -> int | None:
    """The value of a small Chinese numeral used for numbering (一 … 九十九), or an Arabic one."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    value = (CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)
    return value if value else None


def _year(text: str) -> int:
    return int(text) if text.isdigit() else int("".join(str(CN_DIGITS[c]) for c in text))


def _part(source: Source, para: Paragraph, start: int, end: int) -> Field:
    return Field(text=para.text[start:end], span=source.view_span(para.start + start, para.start + end))


def _stripped(para: Paragraph) -> tuple[int, int]:
    """Start and end of the paragraph's text inside its Markdown markup."""
    lead = _MARKUP.match(para.text)
    start = lead.end() if lead else 0
    end = len(para.text)
    while end > start and para.text[end - 1] in " *\t\u3000":
        end -= 1
    return start, end


def parse_structure(source: Source) -> Structure:
    """Parse the structural fields of a letter from its view. Never raises on any text."""
    fields: dict = {}
    sections: list[Section] = []
    cohandlers: list[Field] = []
    contacts: list[Contact] = []
    cc: list[Field] = []
    body_started = False
    for para in source.paragraphs:
        start, end = _stripped(para)
        text = para.text[start:end]
        if not text:
            continue
        whole = _part(source, para, start, end)
        if "classification" not in fields and not body_started and _CLASSIFICATION.match(text):
            fields["classification"] = whole
        elif "docno" not in fields and not body_started and (m := _DOCNO.fullmatch(text)):
            fields["docno"] = DocNumber(
                text=text, span=whole.span, prefix=m["prefix"], year=int(m["year"]), serial=m["serial"],
                open_bracket=m["open"], close_bracket=m["close"],
            )
        elif "title" not in fields and not body_started and _TITLE.search(text):
            fields["title"] = whole
            if m := _PROPOSAL.search(text):
                fields["proposal"] = _proposal(source, para, start, m)
        elif "organ" not in fields and not body_started and "docno" not in fields and "title" not in fields \
                and re.fullmatch(r"[\u4e00-\u9fff（）()]{2,40}", text) and not text.startswith("关于"):
            fields["organ"] = whole
        elif "addressee" not in fields and not body_started and _ADDRESSEE.match(text) and "title" in fields:
            fields["addressee"] = whole
            body_started = True
        elif (m := _DATE.match(text)) and (value := _date(m)) is not None:
            fields["date"] = LetterDate(text=text, span=whole.span, value=value)
        elif _CONTACT.match(text):
            contacts.append(_contact(source, para, start, end))
        elif _PUBLICATION.match(text):
            fields["publication"] = whole
        elif _CC.match(text):
            cc.extend(_units(source, para, _CC.match(text).end() + start, end))
        elif _CLOSING.match(text):
            fields["closing"] = whole
        elif fields.get("closing") and "signature" not in fields and re.fullmatch(r"[\u4e00-\u9fff（）()]{2,40}", text):
            fields["signature"] = whole
        else:
            body_started = body_started or "title" in fields
            if not cohandlers and (m := _COHANDLERS.search(text)):
                cohandlers.extend(_units(source, para, start + m.start("units"), start + m.end("units")))
            sections.extend(_sections(source, para, start, end))
    if "proposal" not in fields:
        for para in source.paragraphs[:12]:
            if m := re.search(r"[（(]\s*(?P<kind1>议案转建议|提案|建议|议案)\s*第\s*(?P<number>\d{4,})\s*号\s*[）)]", para.text):
                fields["proposal"] = _proposal(source, para, 0, m)
                break
    return Structure(**fields, sections=tuple(sections), cohandlers=tuple(cohandlers), contacts=tuple(contacts), cc=tuple(cc))


def _date(m: re.Match) -> date | None:
    month, day = chinese_ordinal(m["m"]), chinese_ordinal(m["d"])
    try:
        return date(_year(m["y"]), month or 0, day or 0)
    except (ValueError, KeyError):
        return None


def _proposal(source: Source, para: Paragraph, offset: int, m: re.Match) -> Proposal:
    groups = m.groupdict()
    body = groups.get("body")
    kind = groups.get("kind1") or groups.get("kind2")
    if kind == "代表建议":
        kind = "建议"
    session = re.sub(r"\s+", "", groups["session"]) if groups.get("session") else None
    return Proposal(
        text=m.group(), span=source.view_span(para.start + offset + m.start(), para.start + offset + m.end()),
        body=body, session=session, kind=kind, number=groups.get("number"),
    )


def _units(source: Source, para: Paragraph, start: int, end: int) -> list[Field]:
    out = []
    cursor = start
    for piece in _SPLIT_UNITS.split(para.text[start:end]) + [""]:
        name = piece.strip(" 。.\u3000")
        lead = len(piece) - len(piece.lstrip(" \u3000"))
        if name:
            s = cursor + lead
            out.append(_part(source, para, s, s + len(name)))
        cursor += len(piece) + 1
    return out


def _contact(source: Source, para: Paragraph, start: int, end: int) -> Contact:
    text = para.text[start:end]
    phones = tuple(re.sub(r"\s+", "", m.group()) for m in _PHONE.finditer(text))
    body = _PHONE.sub("", re.sub(r"联系人及电话|联系电话|联系人|电话", "", text))
    names = tuple(n for n in re.split(r"[、，,：:；;（）()\s]+", body) if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", n))
    return Contact(text=text, span=source.view_span(para.start + start, para.start + end), names=names, phones=phones)


def _sections(source: Source, para: Paragraph, start: int, end: int) -> list[Section]:
    out = []
    text = para.text
    for level, pattern in _SECTION_MARKERS:
        body = text[start:end]
        for m in pattern.finditer(body) if level == 3 else [pattern.match(body)]:
            if m is None or (ordinal := chinese_ordinal(m["num"])) is None:
                continue
            title_end = _title_end(body, m.end(), level)
            title = body[m.end() : title_end].strip(" *")
            out.append(Section(
                level=level, marker=m["marker"], ordinal=ordinal, title=title,
                span=source.view_span(para.start + start + m.start(), para.start + start + max(title_end, m.end())),
            ))
    return sorted(out, key=lambda s: s.span.start)


def _title_end(text: str, start: int, level: int) -> int:
    """A heading's title runs to its first full stop (or the paragraph end)."""
    stop = re.compile(r"[。；;]" if level >= 2 else r"。").search(text, start)
    return stop.start() if stop else len(text)
