"""PDF with a text layer: lines in reading order, paragraphs rebuilt, running heads dropped.

pdfminer.six lays each page out into text lines. Lines wrapped inside a paragraph are joined
again: a line continues the previous one when the previous reaches the right margin and this
one is not indented. Pages are separated by a blank line, so a paragraph cut by a page break
is rejoined by the source view exactly as for a text file. Running headers and footers are
dropped: a bare page number (``- 3 -``, ``第 3 页``) or a line repeated, digits aside, at the
top or bottom of at least half the pages.

Positions: ``page P, line L, col C``: ``L`` counts the text lines of page ``P`` in reading
order from 1 (running headers included), ``C`` the characters of that line from 1.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from replylint.formats.base import TextBuilder
from replylint.source import is_page_number

NO_TEXT = "no text layer (a scanned PDF?)"
EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be running heads
INDENT = 0.8  # an indent of this many character heights opens a paragraph
FULL = 2.5  # a line ending within this many character heights of the margin is full
WORD_GAP = 0.1  # a gap this many character sizes wider than the line's usual one is a space
SAME_SIZE = 0.1  # lines of one paragraph differ in size by at most this fraction
PITCH = 1.3  # lines of one paragraph are at most this many usual line pitches apart
HEIGHT_SLACK = 4  # points: running heads at heights this close count as the same place
_PAGE_OF = re.compile(r"^\s*(?:\d{1,3}\s*/\s*\d{1,3}|page\s*\d{1,3}(?:\s*of\s*\d{1,3})?)\s*$", re.I)
_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")


@dataclass(frozen=True)
class _Line:
    """One laid-out text line of a page."""

    page: int
    number: int
    text: str
    x0: float
    x1: float
    top: float
    size: float


def extract(data: bytes) -> tuple[str, tuple]:
    """The letter text of a PDF and the origin of each line; ``ValueError`` for a scan."""
    pages = _pages(data)
    if not any(pages):
        raise ValueError(NO_TEXT)
    running = _running_heads(pages)
    body = []
    for page in pages:
        edges = _edges(page)
        body.append([line for line in page if not (line in edges and _is_running(line, running))])
    lines = [line for page in body for line in page]
    if not lines:
        raise ValueError(NO_TEXT)
    layout = _Layout.of(body)
    out = TextBuilder()
    for page in body:
        previous = None
        for line in page:
            if previous is not None and not layout.continues(previous, line):
                out.end_line()
            elif previous is not None and _LATIN_END.search(previous.text) and _LATIN_START.match(line.text):
                out.add(" ", f"page {previous.page}, line {previous.number}", "col", len(previous.text) + 1)
            out.add(line.text, f"page {line.page}, line {line.number}", "col", 1)
            previous = line
        out.end_line(blank=True)
    return out.result()


def _pages(data: bytes) -> list[list[_Line]]:
    """Every page's non-blank text lines in reading order."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLineHorizontal
    from pdfminer.psexceptions import PSException

    pages: list[list[_Line]] = []
    try:
        for number, layout in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams()), start=1):
            found = []
            for box in layout:
                if isinstance(box, LTTextContainer):
                    found.extend(item for item in box if isinstance(item, LTTextLineHorizontal))
            lines = []
            for item in found:
                text = _text(item).strip()
                if text:
                    size = max(item.height, 1.0)
                    lines.append(_Line(number, len(lines) + 1, text, item.x0, item.x1, item.y1, size))
            pages.append(lines)
    except (PSException, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"not a readable PDF: {exc}") from None
    return pages


def _text(line) -> str:
    """A line's text, with a space only where the gap between two characters is wider than usual.

    Letters spaced out for emphasis (a title set as ``答 复 函``, a justified line) keep a
    wider gap between every pair of characters; that gap is the line's usual one, not a space.
    """
    from pdfminer.layout import LTChar

    chars = [item for item in line if isinstance(item, LTChar)]
    gaps = sorted(b.x0 - a.x1 for a, b in zip(chars, chars[1:]))
    usual = max(gaps[len(gaps) // 2], 0.0) if gaps else 0.0
    out = []
    for previous, char in zip([None, *chars], chars):
        text = char.get_text()
        if previous is not None and char.x0 - previous.x1 > usual + WORD_GAP * char.size:
            if not text.isspace() and not out[-1].isspace():
                out.append(" ")
        out.append(text)
    return "".join(out)


def _edges(page: list[_Line]) -> list[_Line]:
    """The lines at the top and at the bottom of a page."""
    by_height = sorted(page, key=lambda line: -line.top)
    return by_height[:EDGE_LINES] + by_height[-EDGE_LINES:]


def _key(line: _Line) -> tuple[str, int]:
    """A line's text with digits and spaces blurred (page numbers do not count), and its height.

    A running head repeats at the same height on every page; a signature that happens to
    repeat the organ's name in the header does not sit there.
    """
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text)), round(line.top / HEIGHT_SLACK)


def _running_heads(pages: list[list[_Line]]) -> set[tuple[str, int]]:
    """The keys of lines repeated at a page edge on at least half the pages (two at least)."""
    seen = Counter(key for page in pages for key in {_key(line) for line in _edges(page)})
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, count in seen.items() if count >= needed}


def _is_running(line: _Line, running: set[tuple[str, int]]) -> bool:
    """Whether a line at a page edge is a running header, footer or page number."""
    return is_page_number(line.text) or bool(_PAGE_OF.match(line.text)) or _key(line) in running


@dataclass(frozen=True)
class _Layout:
    """The body's text block: its left and right margins and its usual line pitch."""

    left: float
    right: float
    pitch: float

    @classmethod
    def of(cls, pages: list[list[_Line]]) -> _Layout:
        """Measure the margins and pitch of the body lines of every page."""
        lines = [line for page in pages for line in page]
        right = sorted(line.x1 for line in lines)[int(0.9 * (len(lines) - 1))]
        steps = sorted(a.top - b.top for page in pages for a, b in zip(page, page[1:]) if a.top > b.top)
        return cls(min(line.x0 for line in lines), right, steps[len(steps) // 2] if steps else 0.0)

    def continues(self, previous: _Line, line: _Line) -> bool:
        """Whether ``line`` is the wrapped rest of the paragraph ``previous`` belongs to.

        The previous line reaches the right margin, this one is not indented, both are set in
        the same size and no wider gap than the usual line pitch parts them.
        """
        full = previous.x1 >= self.right - FULL * previous.size
        indented = line.x0 - self.left > INDENT * line.size
        same_size = abs(line.size - previous.size) <= SAME_SIZE * previous.size
        close = previous.top - line.top <= PITCH * self.pitch
        return full and not indented and same_size and close
