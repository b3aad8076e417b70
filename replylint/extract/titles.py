"""Titles: documents named in 《》, the 文号 cited with them, standalone 文号, issuing dates.

``《中山市推进制造业数字化智能化转型发展若干政策措施》（中府〔2022〕1号）`` gives one claim
with its title, its 文号 and, when the sentence says so (``2022年1月市政府印发《…》``), the
month it was issued. A 文号 cited on its own (``根据中府办〔2020〕22号文件``) is a claim whose
title is ``None``. The letter's own 发文字号 is not a citation and is left out. Titles are read
from the view, so a title cut by a page break is whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from replylint.claims import Claim
from replylint.extract.dating import When, governing_date
from replylint.letter import Structure
from replylint.models import Span
from replylint.source import Source

_TITLE = re.compile(r"《(?P<title>[^《》\n]{2,120})》")
_DOCNO_BODY = (
    r"(?P<docno>(?P<prefix>[\u4e00-\u9fff]{1,10}?)\s*[〔\[［【(（]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］】)）]"
    r"\s*第?\s*(?P<serial>\d{1,5})\s*号)"
)
# A 文号 in brackets right after a title.
_CITED_DOCNO = re.compile(r"\s*[（(]\s*" + _DOCNO_BODY + r"\s*[）)]")
# A 文号 anywhere; its prefix is cut after the last word that may precede it in a sentence.
_DOCNO = re.compile(_DOCNO_BODY)
_LEAD_WORDS = re.compile(r"^.*(?:根据|依据|按照|参照|落实|执行|贯彻|印发|出台|转发|即|和|及|与|以|的|是)")
# Separators allowed between titles of one run: 印发《A》、《B》以及《C》.
_RUN_GAP = re.compile(r"(?:\s|、|和|及|与|以及)*")
# Verbs of issuance, as they stand right before a run of titles.
_ISSUE_VERB = re.compile(r"(?:印发|出台|发布|颁布|推出|制定|修订)(?:了|实施了)?\s*$")
# The proposal a letter answers, named in 《》: a suggestion, not a policy.
_PROPOSAL_TAIL = re.compile(r"(?:建议|提案|议案)$")
_PROPOSAL_NUMBER = re.compile(r"\s*[（(]\s*(?:提案|建议|议案转建议|议案)\s*第")
_KEY_DROP = re.compile(r"[\s*#\u3000]+")

TitleRole = Literal["document", "proposal"]


class Title(Claim):
    """A document named in 《》 (``title``), or a 文号 cited on its own (``title`` is ``None``).

    ``key`` is the title with whitespace and markup removed (characters kept), for grouping;
    ``docno_key`` is the 文号 with 〔〕 brackets and no spaces. ``issued`` is the date the
    sentence gives for its issuing, ``role`` tells a policy document from a proposal's name.
    """

    kind: Literal["title"] = "title"
    title: str | None = None
    key: str | None = None
    role: TitleRole = "document"
    docno: str | None = None
    docno_key: str | None = None
    docno_span: Span | None = None
    issued: When | None = None


def title_key(title: str) -> str:
    """The title with whitespace and Markdown markup removed, every other character kept."""
    return _KEY_DROP.sub("", title)


def docno_key(prefix: str, year: str, serial: str) -> str:
    """A 文号 in canonical form, such as ``中府〔2022〕1号``."""
    return f"{title_key(prefix)}〔{year}〕{int(serial)}号"


def extract_titles(source: Source, structure: Structure) -> Iterator[Title]:
    """Every title and cited 文号 of the letter, in text order."""
    letter_date = structure.date.value if structure.date else None
    taken: list[tuple[int, int]] = []
    for para in source.paragraphs:
        text = para.text
        run_start = run_end = 0
        for m in _TITLE.finditer(text):
            if m.start() == 0 or not _RUN_GAP.fullmatch(text, run_end, m.start()):
                run_start = m.start()
            cited = _CITED_DOCNO.match(text, m.end())
            run_end = cited.end() if cited else m.end()
            taken.append((para.start + m.start(), para.start + run_end))
            verb = _ISSUE_VERB.search(text, 0, run_start)
            title = title_key(m["title"])
            proposal = bool(_PROPOSAL_TAIL.search(title) or _PROPOSAL_NUMBER.match(text, m.end()))
            span = source.view_span(para.start + m.start(), para.start + m.end())
            dated = governing_date(text, verb.start(), letter_date) if verb and not proposal else None
            yield Title.trusted(
                span=span, raw=source.excerpt(span), title=title, key=title,
                role="proposal" if proposal else "document",
                issued=dated[0] if dated else None,
                **(_docno_fields(source, para.start, cited) if cited else {}),
            )
    own = structure.docno.span if structure.docno else None
    # Every 文号 ends in 号: paragraphs without one are not searched (the pattern is slow to fail).
    for para in (p for p in source.paragraphs if "号" in p.text):
        for d in _DOCNO.finditer(para.text):
            lead = _LEAD_WORDS.match(d["prefix"])
            start = para.start + d.start("prefix") + (lead.end() if lead else 0)
            # A cited title's 文号, or the letter's own (compared where its span would start, before building it).
            if any(s <= start < e for s, e in taken) or (own is not None and source.view_to_text[start] == own.start):
                continue
            fields = _docno_fields(source, para.start, d, start)
            yield Title.trusted(span=fields["docno_span"], raw=source.excerpt(fields["docno_span"]), **fields)


def _docno_fields(source: Source, offset: int, m: re.Match, start: int | None = None) -> dict:
    """The 文号 fields of a claim from a match of ``_DOCNO_BODY`` in a paragraph at ``offset``."""
    start = offset + m.start("docno") if start is None else start
    prefix = source.view[start : offset + m.end("prefix")]
    span = source.view_span(start, offset + m.end("docno"))
    return dict(docno=source.view[start : offset + m.end("docno")], docno_key=docno_key(prefix, m["year"], m["serial"]),
                docno_span=span)
