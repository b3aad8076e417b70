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
import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import Literal

from replylint.models import Model, Span
from replylint.source import Paragraph, Source

CN_DIGITS = {
    "〇": 0, "○": 0, "零": 0, "O": 0, "Ｏ": 0,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
# How many paragraphs the header may span before the body must have started.
HEADER_PARAGRAPHS = 15
# How many paragraphs a title may be broken into.
TITLE_PARTS = 3
# How far (in characters) a session or body may stand before the proposal number it qualifies.
NEAR = 12
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


class Section(Model):
    """A numbered heading or item: 一、 (level 1), （一） (level 2), 一是 (level 3), 1. (level 4)."""

    level: int
    marker: str
    ordinal: int
    title: str
    span: Span


class Phone(Model):
    """A telephone number as written, with its area code and local number (digits only)."""

    text: str
    span: Span
    area: str | None = None
    local: str


class Contact(Model):
    """The people named on a contact line, with the phone numbers given for them."""

    text: str
    span: Span
    names: tuple[str, ...] = ()
    phones: tuple[Phone, ...] = ()


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
_NUMERAL = "一二三四五六七八九十"
_MARKUP = re.compile(r"^[#>\s*]*|[\s*]*$")
_MARKUP_BREAK = re.compile(r"\n[#>*\s]*")
_EDGE_MARKUP = " *\t\u3000"
_CLASSIFICATION = re.compile(
    r"^(?:[（(【\[]\s*[A-DＡ-Ｄ]\s*类\s*[）)】\]]|[A-DＡ-Ｄ]\s*类|(?:答复|办理)?类别\s*[：:]\s*[A-DＡ-Ｄ]\s*类?)$"
)
DOCNO = re.compile(
    rf"(?P<prefix>[{_CJK}]{{1,12}}?)\s*(?P<open>[〔﹝\[［(（【])\s*(?P<year>\d{{4}}|\d{{2}})\s*"
    r"(?P<close>[〕﹞\]］)）】])\s*(?P<di>第)?\s*(?P<serial>\d+)\s*号"
)
_YEAR = r"\d{4}|\d{2}|[〇○零OＯ一二三四五六七八九]{4}"
_DAY = rf"\d{{1,2}}|[{_NUMERAL}]{{1,3}}"
_DATE = re.compile(
    rf"^(?P<y>{_YEAR})\s*年\s*(?P<m>{_DAY})\s*月\s*(?P<d>{_DAY})\s*日$"
    r"|^(?P<y2>\d{4})\s*(?P<sep>[.．\-－/／])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<d2>\d{1,2})$"
)
_TITLE = re.compile(r"(?:关于|^对)(?=[^。]*(?:答复|回复|复函|办理))[^。]{2,190}(?:函|答复|意见|报告|情况|复)$")
_TITLE_START = re.compile(r"关于|^对")
_KIND = r"议案转建议|(?:人大)?代表建议|建议|提案|议案"
_NUMBER = re.compile(rf"(?P<kind1>{_KIND})?\s*第\s*(?P<number>\d+)\s*号\s*(?P<kind2>{_KIND})?")
_SESSION = re.compile(
    rf"(?:第\s*)?(?P<term>[{_NUMERAL}\d]{{1,3}})\s*届\s*(?P<mid>[{_CJK}]{{0,12}}?)\s*(?:第\s*)?"
    rf"(?P<meeting>[{_NUMERAL}\d]{{1,3}})\s*次\s*(?:会议|全会|全体会议)?"
)
_BODY = re.compile(r"政协|政治协商|人大|人民代表大会")
_LABEL = re.compile(r"^(?:抄\s*送|公开方式|公开属性|联系人|联系电话|附\s*件|主\s*送|印\s*发)")
_ADDRESSEE = re.compile(r"^(?!.*(?:如下|经(?:综合|征求|汇总)))[^。；;]{2,80}[：:]$")
_ORGAN = re.compile(rf"^[{_CJK}（）()]{{2,40}}(?:局|委员会|委|办公室|办|厅|部|院|政府|中心|会|处|署)$")
_COHANDLERS = re.compile(
    r"经(?:综合|征求|汇总|商|会商)(?P<units>[^。；]{2,160}?)(?:等(?:有关|相关)?单位|(?:有关|相关)单位)?(?:的)?意见"
)
_ACKNOWLEDGED = re.compile(r"收悉|收到")
_CLOSING = re.compile(r"^(?:专此答复|特此答复|专此函复|特此函复|特此函告|此复)")
_CONTACT = re.compile(r"^[（(]?\s*(?:联系人|联系电话|联系方式|经办人|承办人)")
_TAIL_START = re.compile(f"{_CLOSING.pattern}|{_CONTACT.pattern}|^抄\\s*送|^公开(?:方式|属性|类型)|^[（(]此件")
_CONTACT_LABELS = re.compile(r"联系人及(?:联系)?电话|联系电话|联系方式|联系人|经办人|承办人|办公电话|手机|电话")
_HONORIFIC = re.compile(r"(?:同志|先生|女士|科长|主任)$")
_PHONE = re.compile(
    r"(?<!\d)1[3-9]\d{9}(?!\d)"
    r"|(?<!\d)(?:[（(]\s*(?P<area1>0\d{2,3})\s*[）)]\s*|(?P<area2>0\d{2,3})\s*[-－—–]\s*)(?P<local>\d{7,8})(?!\d)"
    r"|(?<![\d\-－—–])(?P<bare>[2-9]\d{6,7})(?!\d)"
)
_PUBLICATION = re.compile(r"^公开(?:方式|属性|类型)\s*\**\s*[：:]|^[（(]\s*此件")
_CC = re.compile(r"^抄\s*送\s*\**\s*[：:]")
_UNIT_LIST = re.compile(rf"^[{_CJK}（）()、，,；;\s*]+[。.]?$")
_SECTION_MARKERS = (
    (1, re.compile(rf"^(?P<marker>(?P<num>[{_NUMERAL}]{{1,3}})\s*、)")),
    (2, re.compile(rf"^(?P<marker>[（(]\s*(?P<num>[{_NUMERAL}]{{1,3}})\s*[）)])")),
    (3, re.compile(rf"(?:^|(?<=[。；;]))(?P<marker>(?P<num>[{_NUMERAL}]{{1,3}})是)")),
    (4, re.compile(r"^(?P<marker>(?P<num>\d{1,2})\s*[.．、])(?!\d)")),
)
_SPLIT_UNITS = re.compile(r"[、，,；;]")
_SPLIT_NAMES = re.compile(r"[、，,：:；;（）()\s/]+")


def chinese_ordinal(text: str) -> int | None:
    """The value of a small Chinese numeral used for numbering (一 … 九十九), or an Arabic one."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or not set(tens + ones) <= CN_DIGITS.keys():
        return None
    value = (CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)
    return value if value else None


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
        return Field(text=para.text[start:end], span=self.span(para, start, end))

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
            last, _, last_end = lines[index + parts - 1]
            fields["title"] = _joined(reader, lines[index : index + parts])
            if proposal := _title_proposal(reader, para, start, last, last_end):
                fields["proposal"] = proposal
            index += parts
            if index < len(lines) and _ADDRESSEE.match(_text(lines[index])) and not _LABEL.match(_text(lines[index])):
                fields["addressee"] = reader.field(*lines[index])
                index += 1
            return fields, index
        if _TAIL_START.match(text) or parse_date(text):
            return fields, index
        if "classification" not in fields and _CLASSIFICATION.match(text):
            fields["classification"] = reader.field(para, start, end)
        elif "docno" not in fields and "。" not in text and (m := DOCNO.search(text)):
            fields["docno"] = _docno(reader, para, start, m)
        elif not fields.keys() - {"classification"} and _ORGAN.match(text) and "关于" not in text:
            fields["organ"] = reader.field(para, start, end)
        elif _ADDRESSEE.match(text) and not _LABEL.match(text):
            fields["addressee"] = reader.field(para, start, end)
            return fields, index + 1
        elif re.search(r"[。，；：:]", text) or len(text) > 150:
            return fields, index
        index += 1
    return fields, index


def _text(line: tuple[Paragraph, int, int]) -> str:
    para, start, end = line
    return para.text[start:end]


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
                or _LABEL.match(piece) or (parts > 1 and _TITLE.search(piece)):
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
    return Field(text=text, span=reader.source.view_span(first.start + start, last.start + end))


def _docno(reader: _Reader, para: Paragraph, offset: int, m: re.Match) -> DocNumber:
    return DocNumber(
        text=m.group(), span=reader.span(para, offset + m.start(), offset + m.end()), prefix=m["prefix"],
        year=_year(m["year"]), year_text=m["year"], serial=m["serial"],
        open_bracket=m["open"], close_bracket=m["close"], di=bool(m["di"]),
    )


def _title_proposal(reader: _Reader, first: Paragraph, start: int, last: Paragraph, end: int) -> Proposal | None:
    """The proposal a title answers: the first numbered 提案/建议 in it, with body and session."""
    base = first.start + start
    text = reader.source.view[base : last.start + end]
    return next(_proposals(reader, text, base), None)


def _proposals(reader: _Reader, text: str, base: int) -> Iterator[Proposal]:
    """Every numbered proposal in ``text`` (found at view offset ``base``) that names its kind."""
    for m in _NUMBER.finditer(text):
        if m["kind1"] or m["kind2"]:
            yield _proposal(reader, text, base, m)


def _last(matches: Iterator[re.Match]) -> re.Match | None:
    found = None
    for found in matches:
        pass
    return found


def _body_name(word: str) -> Literal["政协", "人大"]:
    return "人大" if word in ("人大", "人民代表大会") else "政协"


def _proposal(reader: _Reader, text: str, base: int, m: re.Match) -> Proposal:
    """The proposal of a number match in ``text``, with the session and body written just before it."""
    kind = m["kind1"] or m["kind2"]
    if kind and kind.endswith("代表建议"):
        kind = "建议"
    number_start = text.rfind("第", 0, m.start("number"))
    number_end = text.find("号", m.end("number")) + 1
    begin = m.start() if m["kind1"] else number_start
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
        text=_MARKUP_BREAK.sub("", text[begin : m.end()]).strip(), span=reader.source.view_span(base + begin, base + len(text[: m.end()].rstrip())),
        kind=kind, number=m["number"], number_span=reader.source.view_span(base + number_start, base + number_end),
        **values,
    )


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
        if (value := parse_date(text)) is not None:
            tail["date"] = LetterDate(text=text, span=reader.span(para, start, end), value=value)
            if "signature" not in tail and previous is not None and _ORGAN.match(previous[0].text[previous[1] : previous[2]]):
                tail["signature"] = reader.field(*previous)
        elif _CONTACT.match(text):
            tail["contacts"].extend(_contacts(reader, para, start, end))
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


def _opening(reader: _Reader, para: Paragraph, start: int, end: int, body: dict) -> None:
    """Read the opening paragraphs: the proposals acknowledged and the co-handling units."""
    text = para.text[start:end]
    if not body["citations"] and (acknowledged := _ACKNOWLEDGED.search(text)):
        body["citations"].extend(_proposals(reader, text[: acknowledged.start()], para.start + start))
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


def _digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(c)) for c in text if unicodedata.decimal(c, None) is not None)


def _phone(reader: _Reader, para: Paragraph, offset: int, m: re.Match) -> Phone:
    area = m["area1"] or m["area2"]
    return Phone(
        text=m.group(), span=reader.span(para, offset + m.start(), offset + m.end()),
        area=_digits(area) if area else None, local=_digits(m["local"] or m["bare"] or m.group()),
    )


def _names(text: str) -> list[str]:
    """The personal names in a piece of a contact line."""
    out = []
    for word in _SPLIT_NAMES.split(_CONTACT_LABELS.sub(" ", text)):
        word = _HONORIFIC.sub("", word)
        if re.fullmatch(rf"[{_CJK}·]{{2,4}}", word) and word not in ("联系", "及"):
            out.append(word)
    return out


def _contacts(reader: _Reader, para: Paragraph, start: int, end: int) -> list[Contact]:
    """The contacts of one line: each phone goes with the names written before it.

    ``江莹、李金吉，0760-88308273`` is one contact of two people; ``张三，电话：1234567；李四，
    电话：7654321`` is two contacts.
    """
    text = para.text[start:end]
    groups: list[list] = []
    cursor = 0
    for m in _PHONE.finditer(text):
        names = _names(text[cursor : m.start()])
        phone = _phone(reader, para, start, m)
        if names or not groups:
            groups.append([cursor, m.end(), names, [phone]])
        else:
            groups[-1][1] = m.end()
            groups[-1][3].append(phone)
        cursor = m.end()
    rest = _names(text[cursor:])
    if rest and groups and not groups[-1][2]:
        groups[-1][1:3] = [len(text), rest]
    elif rest or not groups:
        groups.append([cursor, len(text), rest, []])
    if len(groups) == 1:
        groups[0][:2] = [0, len(text)]
    out = []
    for seg_start, seg_end, names, phones in groups:
        while len(groups) > 1 and seg_start < seg_end and text[seg_start] in "、，,；;：: （(":
            seg_start += 1
        field = reader.field(para, start + seg_start, start + seg_end)
        out.append(Contact(text=field.text, span=field.span, names=tuple(names), phones=tuple(phones)))
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
            out.append(Section(
                level=level, marker=m["marker"], ordinal=ordinal, title=title,
                span=reader.span(para, start + m.start(), start + max(title_end, m.end())),
            ))
    return sorted(out, key=lambda s: s.span.start)


def _title_end(text: str, start: int, level: int) -> int:
    """A heading's title runs to its first full stop (or the paragraph end)."""
    stop = re.compile(r"[。；;]" if level >= 2 else r"。").search(text, start)
    end = stop.start() if stop else len(text)
    while end > start and text[end - 1] in _EDGE_MARKUP:
        end -= 1
    return end
