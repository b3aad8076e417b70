"""Contact lines of a letter's 附注: the people named and the phone numbers given for them."""

from __future__ import annotations

import re
import unicodedata

from replylint.models import Model, Span
from replylint.source import Paragraph, Source

_CONTACT_LABELS = re.compile(r"联系人及(?:联系)?电话|联系电话|联系方式|联系人|经办人|承办人|办公电话|手机|电话")
_HONORIFIC = re.compile(r"(?:同志|先生|女士|科长|主任)$")
_PHONE = re.compile(
    r"(?<!\d)1[3-9]\d{9}(?!\d)"
    r"|(?<!\d)(?:[（(]\s*(?P<area1>0\d{2,3})\s*[）)]\s*|(?P<area2>0\d{2,3})\s*[-－—–]\s*)(?P<local>\d{7,8})(?!\d)"
    r"|(?<![\d\-－—–])(?P<bare>[2-9]\d{6,7})(?!\d)"
)
_SPLIT_NAMES = re.compile(r"[、，,：:；;（）()\s/*]+")


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


def _digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(c)) for c in text if unicodedata.decimal(c, None) is not None)


def _phone(source: Source, base: int, m: re.Match) -> Phone:
    area = m["area1"] or m["area2"]
    return Phone(
        text=m.group(), span=source.view_span(base + m.start(), base + m.end()),
        area=_digits(area) if area else None, local=_digits(m["local"] or m["bare"] or m.group()),
    )


def _names(text: str) -> list[str]:
    """The personal names in a piece of a contact line."""
    out = []
    for word in _SPLIT_NAMES.split(_CONTACT_LABELS.sub(" ", text)):
        word = _HONORIFIC.sub("", word)
        if re.fullmatch(r"[\u4e00-\u9fff·]{2,4}", word) and word not in ("联系", "及"):
            out.append(word)
    return out


def parse_contacts(source: Source, para: Paragraph, start: int, end: int) -> list[Contact]:
    """The contacts of one line: each phone goes with the names written before it.

    ``江莹、李金吉，0760-88308273`` is one contact of two people; ``张三，电话：1234567；李四，
    电话：7654321`` is two contacts.
    """
    text = para.text[start:end]
    groups: list[list] = []
    cursor = 0
    for m in _PHONE.finditer(text):
        names = _names(text[cursor : m.start()])
        phone = _phone(source, para.start + start, m)
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
        out.append(Contact(
            text=text[seg_start:seg_end], span=source.view_span(para.start + start + seg_start, para.start + start + seg_end),
            names=tuple(names), phones=tuple(phones),
        ))
    return out
