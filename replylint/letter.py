"""The structure of a reply letter (GB/T 9704-2012 and common practice), parsed from its view.

Every field is optional: a part the letter lacks is ``None`` (or empty), never an exception.
Every field keeps the span of its original text, and its text is the view's text of that span
(the original text with page breaks and Markdown markup left out).

A letter reads in three parts: the *header* (classification, issuing organ, 发文字号, title
with the proposal it answers, addressee), the *body* (co-handling units, numbered sections)
and the *tail* (closing, signature, 成文日期, contacts, 公开方式, 抄送).
"""

from __future__ import annotations

import re
from datetime import date

from replylint.contacts import Contact, parse_contacts
from replylint.models import Model, Span
from replylint.ordinals import CN_DIGITS, NUMERAL, chinese_ordinal
from replylint.proposals import Proposal, find_proposals
from replylint.source import Paragraph, Source

# How many paragraphs the header may span before the body must have started.
HEADER_PARAGRAPHS = 15
# How many paragraphs a title may be broken into.
TITLE_PARTS = 3
# The body paragraphs that may acknowledge the proposal and name the co-handling units.
OPENING_PARAGRAPHS = 3


class Field(Model):
    """A piece of the letter's text with its span."""

    text: str
    span: Span


class DocNumber(Model):
    """A 发文字号 such as 中工信函〔2023〕59号, with its parts as written."""

    text: str
    span: Span
    prefix: str
    year: int
    year_text: str
    serial: str
    open_bracket: str
    close_bracket: str
    di: bool = False


class LetterDate(Model):
    """The 成文日期 with its value."""

    text: str
    span: Span
    value: date


class Section(Model):
    """A numbered heading or item: 一、 (level 1), （一） (level 2), 一是 (level 3), 1. (level 4)."""

    level: int
    marker: str
    ordinal: int
    title: str
    span: Span


class Structure(Model):
    """Every structural field of a reply letter; anything missing is ``None`` or empty.

    ``proposal`` is the proposal the title answers; ``citations`` are the proposals the
    acknowledgement paragraph cites (``（提案第131412号）收悉``).
    """

    classification: Field | None = None
    organ: Field | None = None
    docno: DocNumber | None = None
    title: Field | None = None
    proposal: Proposal | None = None
    addressee: Field | None = None
    citations: tuple[Proposal, ...] = ()
    cohandlers: tuple[Field, ...] = ()
    sections: tuple[Section, ...] = ()
    closing: Field | None = None
    signature: Field | None = None
    date: LetterDate | None = None
    contacts: tuple[Contact, ...] = ()
    publication: Field | None = None
    cc: tuple[Field, ...] = ()


_CJK = "\u4e00-\u9fff"
_MARKUP = re.compile(r"^[#>\s*]*|[\s*]*$")
_EDGE_MARKUP = " *\t\u3000"
_CLASSIFICATION = re.compile(
    r"^(?:[（(【\[]\s*[A-DＡ-Ｄ]\s*类\s*[）)】\]]|[A-DＡ-Ｄ]\s*类|(?:答复|办理)?类别\s*[：:]\s*[A-DＡ-Ｄ]\s*类?)$"
)
DOCNO = re.compile(
    rf"(?P<prefix>[{_CJK}]{{1,12}}?)\s*(?P<open>[〔﹝\[［(（【])\s*(?P<year>\d{{4}}|\d{{2}})\s*"
    r"(?P<close>[〕﹞\]］)）】])\s*(?P<di>第)?\s*(?P<serial>\d+)\s*号"
)
_YEAR = r"\d{4}|\d{2}|[〇○零OＯ一二三四五六七八九]{4}"
_DAY = rf"\d{{1,2}}|[{NUMERAL}]{{1,3}}"
_DATE = re.compile(
    rf"^(?P<y>{_YEAR})\s*年\s*(?P<m>{_DAY})\s*月\s*(?P<d>{_DAY})\s*日$"
    r"|^(?P<y2>\d{4})\s*(?P<sep>[.．\-－/／])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<d2>\d{1,2})$"
)
_TITLE = re.compile(r"(?:关于|^对)(?=[^。]*(?:答复|回复|复函|办理))[^。]{2,190}(?:函|答复|意见|报告|情况|复)$")
_TITLE_START = re.compile(r"关于|^对")
_LABEL = re.compile(r"^(?:抄\s*送|公开方式|公开属性|联系人|联系电话|附\s*件|主\s*送|印\s*发)")
_ADDRESSEE = re.compile(r"^(?!.*(?:如下|经(?:综合|征求|汇总)))[^。；;]{2,80}[：:]$")
_ORGAN_NAME = rf"[{_CJK}（）()]{{2,40}}(?:局|委员会|委|办公室|办|厅|部|院|政府|中心|会|处|署)"
_ORGAN = re.compile(f"^{_ORGAN_NAME}$")
_COHANDLERS = re.compile(
    rf"经(?:综合|征求|汇总|商|会商)(?P<units>[^。；]{{2,160}}?)"
    rf"(?:等(?:[\d{NUMERAL}]+个)?(?:有关|相关)?(?:单位|部门)|(?:有关|相关)(?:单位|部门))?(?:的)?意见"
)
_ACKNOWLEDGED = re.compile(r"收悉|收到")
_CLOSING = re.compile(r"^(?:专此答复|特此答复|专此函复|特此函复|特此函告|此复)")
_CONTACT = re.compile(r"^[（(]?\s*(?:联系人|联系电话|联系方式|经办人|承办人)")
_PUBLICATION = re.compile(r"^公开(?:方式|属性|类型)\s*\**\s*[：:]|^[（(]\s*此件")
_CC = re.compile(r"^抄\s*送\s*\**\s*[：:]")
_TAIL_START = re.compile("|".join(p.pattern for p in (_CLOSING, _CONTACT, _PUBLICATION, _CC)))
_UNIT_LIST = re.compile(rf"^[{_CJK}（）()、，,；;\s*]+[。.]?$")
_SECTION_MARKERS = (
    (1, re.compile(rf"^(?P<marker>(?P<num>[{NUMERAL}]{{1,3}})\s*、)")),
    (2, re.compile(rf"^(?P<marker>[（(]\s*(?P<num>[{NUMERAL}]{{1,3}})\s*[）)])")),
    # Searched for through the paragraph: a lookahead at a numeral first skips other positions fast.
    (3, re.compile(rf"(?=[{NUMERAL}])(?:^|(?<=[。；;]))(?P<marker>(?P<num>[{NUMERAL}]{{1,3}})是)")),
    (4, re.compile(r"^(?P<marker>(?P<num>\d{1,2})\s*[.．、])(?!\d)")),
)
# A signature and the date on one line: 中山市工业和信息化局  2023年6月25日.
_SIGNED = re.compile(rf"^{_ORGAN_NAME}\s+(?P<date>\S.*)$")
_HEADING_STOP = re.compile("。")
_SIGNER = re.compile(r"^签\s*发\s*人\s*[：:]")
# What a 发文字号 line never holds: the punctuation of a sentence that cites another 文号.
_RUNNING_TEXT = re.compile(r"[。，,；;《》]")
_ITEM_STOP = re.compile("[。；;]")
_TRAILING_SENTENCE = re.compile(rf"(?<=[{_CJK}])\s+[{_CJK}][^\s\d]{{0,15}}$")
# Separators between names; 和, 及 and 与 only after a name's last character (市财政局和市税务局).
_SPLIT_UNITS = re.compile(r"[、，,；;]|(?<=[局委办厅院府会镇部])[和及与](?=市|区|县|省|[\u4e00-\u9fff]{2})")


def _year(text: str) -> int:
    """A year written in Arabic digits (two digits read as 20xx) or digit by digit in Chinese."""
    if text.isdigit():
        return int(text) + (2000 if len(text) == 2 else 0)
    return int("".join(str(CN_DIGITS[c]) for c in text))


def parse_date(text: str) -> date | None:
    """The date a 成文日期 line states (2023年6月25日, 二〇二三年六月二十五日, 2023.6.25), if valid."""
    m = _DATE.match(text)
    if m is None:
        return None
    year, month, day = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
    try:
        return date(_year(year), chinese_ordinal(month) or 0, chinese_ordinal(day) or 0)
    except (ValueError, KeyError):
        return None


class _Reader:
    """Builds fields from view offsets of one source."""

    def __init__(self, source: Source) -> None:
        self.source = source

    def field(self, para: Paragraph, start: int, end: int) -> Field:
        """The field ``para.text[start:end]`` with its original span."""
        return Field.trusted(text=para.text[start:end], span=self.span(para, start, end))

    def span(self, para: Paragraph, start: int, end: int) -> Span:
        """The original span of ``para.text[start:end]``."""
        return self.source.view_span(para.start + start, para.start + end)

    def value(self, para: Paragraph, start: int, end: int) -> Field | None:
        """The field of ``para.text[start:end]`` without surrounding markup, or ``None`` if empty."""
        while start < end and para.text[start] in _EDGE_MARKUP:
            start += 1
        while end > start and para.text[end - 1] in _EDGE_MARKUP + "。.":
            end -= 1
        return self.field(para, start, end) if start < end else None


def _stripped(para: Paragraph) -> tuple[int, int]:
    """Start and end of the paragraph's text inside its Markdown markup."""
    lead = _MARKUP.match(para.text)
    start = lead.end() if lead else 0
    end = len(para.text)
    while end > start and para.text[end - 1] in _EDGE_MARKUP:
        end -= 1
    return start, end


def _lines(source: Source) -> list[tuple[Paragraph, int, int]]:
    """Every paragraph that holds text inside its markup, with that text's bounds."""
    out = []
    for para in source.paragraphs:
        start, end = _stripped(para)
        if start < end and para.text[start:end].strip("-—_=*"):
            out.append((para, start, end))
    return out


def parse_structure(source: Source) -> Structure:
    """Parse the structural fields of a letter from its view. Never raises on any text."""
    reader = _Reader(source)
    lines = _lines(source)
    fields, body_from = _header(reader, lines)
    body, tail = _body_and_tail(reader, lines[body_from:])
    return Structure(**fields, **body, **tail)


def _header(reader: _Reader, lines: list) -> tuple[dict, int]:
    """The header's fields and the index of the first body paragraph."""
    fields: dict = {}
    index = 0
    limit = min(len(lines), HEADER_PARAGRAPHS)
    while index < limit:
        para, start, end = lines[index]
        text = para.text[start:end]
        parts = _title_parts(lines, index) if "title" not in fields and "addressee" not in fields else 0
        if parts:
            fields["title"] = _joined(reader, lines[index : index + parts])
            if proposal := _title_proposal(reader, lines[index : index + parts]):
                fields["proposal"] = proposal
            index += parts
            if index < len(lines) and _is_addressee(_text(lines[index])):
                fields["addressee"] = reader.field(*lines[index])
                index += 1
            return fields, index
        if _TAIL_START.match(text) or _dated(text):
            return fields, index
        if "classification" not in fields and _CLASSIFICATION.match(text):
            fields["classification"] = reader.field(para, start, end)
        elif "docno" not in fields and not _RUNNING_TEXT.search(text) and (m := DOCNO.search(text)):
            fields["docno"] = _docno(reader, para, start, m)
        elif _SIGNER.match(text):
            pass  # the 签发人 of an upward or reply document, on a line of its own
        elif not fields.keys() - {"classification"} and _ORGAN.match(text) and "关于" not in text:
            fields["organ"] = reader.field(para, start, end)
        elif _is_addressee(text):
            fields["addressee"] = reader.field(para, start, end)
            return fields, index + 1
        elif re.search(r"[。，；：:]", text) or len(text) > 150:
            return fields, index
        index += 1
    return fields, index


def _text(line: tuple[Paragraph, int, int]) -> str:
    para, start, end = line
    return para.text[start:end]


def _is_addressee(text: str) -> bool:
    """Whether a header line is the salutation (``民盟中山市委会：``), not a label such as 抄送："""
    return bool(_ADDRESSEE.match(text)) and not _LABEL.match(text)


def _title_parts(lines: list, index: int) -> int:
    """How many paragraphs from ``index`` make up the title (0 when none does).

    A title broken over lines is joined, but a line that is a title by itself is never the
    continuation of an organ line above it.
    """
    text = ""
    for parts in range(1, TITLE_PARTS + 1):
        if index + parts > len(lines):
            return 0
        para, start, end = lines[index + parts - 1]
        piece = para.text[start:end]
        if "。" in piece or DOCNO.search(piece) or _CLASSIFICATION.match(piece) or _ADDRESSEE.match(piece) \
                or _TAIL_START.match(piece) or (parts > 1 and _TITLE.search(piece)):
            return 0
        if parts == 1 and not _TITLE_START.search(piece):
            return 0
        text += piece
        if _TITLE.search(text):
            return parts
    return 0


def _joined(reader: _Reader, parts: list) -> Field:
    """One field over consecutive paragraphs: their texts joined, one span from first to last."""
    (first, start, _), (last, _, end) = parts[0], parts[-1]
    text = "".join(para.text[s:e] for para, s, e in parts)
    return Field.trusted(text=text, span=reader.source.view_span(first.start + start, last.start + end))


def _docno(reader: _Reader, para: Paragraph, offset: int, m: re.Match) -> DocNumber:
    return DocNumber(
        text=m.group(), span=reader.span(para, offset + m.start(), offset + m.end()), prefix=m["prefix"],
        year=_year(m["year"]), year_text=m["year"], serial=m["serial"],
        open_bracket=m["open"], close_bracket=m["close"], di=bool(m["di"]),
    )


def _title_proposal(reader: _Reader, parts: list) -> Proposal | None:
    """The proposal a title answers: the first numbered 提案/建议 in it, with body and session."""
    (first, start, _), (last, _, end) = parts[0], parts[-1]
    base = first.start + start
    return next(find_proposals(reader.source, reader.source.view[base : last.start + end], base), None)


def _body_and_tail(reader: _Reader, lines: list) -> tuple[dict, dict]:
    """The body's fields (citations, co-handling units, sections) and the tail's."""
    body: dict = {"citations": [], "cohandlers": [], "sections": []}
    tail: dict = {"contacts": [], "cc": []}
    in_cc = False
    previous = None
    for number, (para, start, end) in enumerate(lines):
        text = para.text[start:end]
        if in_cc and _UNIT_LIST.match(text) and not _LABEL.match(text):
            tail["cc"].extend(_units(reader, para, start, end))
            continue
        in_cc = False
        if (dated := _dated(text)) is not None:
            offset, value = dated
            tail["date"] = LetterDate(text=text[offset:], span=reader.span(para, start + offset, end), value=value)
            if offset:
                tail["signature"] = reader.value(para, start, start + offset)
            elif "signature" not in tail and previous is not None and _ORGAN.match(_text(previous)):
                tail["signature"] = reader.field(*previous)
        elif _CONTACT.match(text):
            tail["contacts"].extend(parse_contacts(reader.source, para, start, end))
        elif m := _PUBLICATION.match(text):
            if publication := reader.value(para, start + m.end(), end - (text[-1] in "）)")):
                tail["publication"] = publication
        elif m := _CC.match(text):
            tail["cc"].extend(_units(reader, para, start + m.end(), end))
            in_cc = True
        elif _CLOSING.match(text):
            tail["closing"] = reader.field(para, start, end)
        elif "closing" in tail and "signature" not in tail and _ORGAN.match(text):
            tail["signature"] = reader.field(para, start, end)
        elif "closing" not in tail:
            sections = _sections(reader, para, start, end)
            if number < OPENING_PARAGRAPHS and not body["sections"]:
                _opening(reader, para, start, end, body)
            body["sections"].extend(sections)
        previous = (para, start, end)
    return {k: tuple(v) for k, v in body.items()}, {k: tuple(v) if isinstance(v, list) else v for k, v in tail.items()}


def _dated(text: str) -> tuple[int, date] | None:
    """Where the 成文日期 starts on a line and its value: the whole line, or after the signature."""
    if (value := parse_date(text)) is not None:
        return 0, value
    if (m := _SIGNED.match(text)) and (value := parse_date(m["date"])) is not None:
        return m.start("date"), value
    return None


def _opening(reader: _Reader, para: Paragraph, start: int, end: int, body: dict) -> None:
    """Read the opening paragraphs: the proposals acknowledged and the co-handling units."""
    text = para.text[start:end]
    if not body["citations"] and (acknowledged := _ACKNOWLEDGED.search(text)):
        body["citations"].extend(find_proposals(reader.source, text[: acknowledged.start()], para.start + start))
    if not body["cohandlers"] and (m := _COHANDLERS.search(text)):
        body["cohandlers"].extend(_units(reader, para, start + m.start("units"), start + m.end("units")))


def _units(reader: _Reader, para: Paragraph, start: int, end: int) -> list[Field]:
    """The names in a list of organisations (``市政府办公室、市政协提案委，市金融局。``)."""
    out = []
    cursor = start
    for piece in _SPLIT_UNITS.split(para.text[start:end]):
        if unit := reader.value(para, cursor, cursor + len(piece)):
            out.append(unit)
        cursor += len(piece) + 1
    return out


def _sections(reader: _Reader, para: Paragraph, start: int, end: int) -> list[Section]:
    """The numbered headings and items a paragraph opens with (and 一是 … items inside it)."""
    out = []
    body = para.text[start:end]
    for level, pattern in _SECTION_MARKERS:
        for m in pattern.finditer(body) if level == 3 else [pattern.match(body)]:
            if m is None or (ordinal := chinese_ordinal(m["num"])) is None:
                continue
            title_end = _title_end(body, m.end(), level)
            title = body[m.end() : title_end].strip(_EDGE_MARKUP)
            out.append(Section.trusted(
                level=level, marker=m["marker"], ordinal=ordinal, title=title,
                span=reader.span(para, start + m.start(), start + max(title_end, m.end())),
            ))
    return sorted(out, key=lambda s: s.span.start)


def _title_end(text: str, start: int, level: int) -> int:
    """A heading's title runs to its first full stop (or the paragraph end).

    A short sentence that extraction put on the heading's line after a gap (``……的建议
    吸收采纳该建议。``) is not part of a first-level title.
    """
    stop = (_ITEM_STOP if level >= 2 else _HEADING_STOP).search(text, start)
    end = stop.start() if stop else len(text)
    if stop and level == 1 and (gap := _TRAILING_SENTENCE.search(text, start, end)):
        end = gap.start()
    while end > start and text[end - 1] in _EDGE_MARKUP:
        end -= 1
    return end
