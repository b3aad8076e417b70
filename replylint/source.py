"""Decoding a letter, and the normalised analysis view with its exact map back.

A letter extracted from PDF has paragraphs, words and names cut by page breaks
(``实\\n\\n用性``, ``中\\n\\n山黑湖网络科技有限公司``). Rules read the *view*, in which such a
paragraph is whole again; every character of the view remembers its offset in the original
text, so findings always point at the file as the user sees it.
"""

from __future__ import annotations

import bisect
import codecs
import hashlib
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache

from replylint.models import Origin, Span

ENCODINGS = ("utf-8", "gb18030")

# A paragraph that ends in one of these is complete; the next one starts afresh.
_TERMINAL = set("。！？!?；;：:…）)】〕》」』”’")
# Punctuation that shows a paragraph is running text rather than a header or signature line.
_RUNNING = re.compile("[，,、。；;：:“”]")
# Paragraph starts that open a new structural unit: numbering, headings, rules, labels.
_STRUCTURAL_START = re.compile(
    r"""^(?:
        \#|---|\*\*\s*[（(]?[一二三四五六七八九十]|>|
        [一二三四五六七八九十]+、|
        [（(][一二三四五六七八九十\d]+[）)]|
        \d+[.、．]\s*\D|
        [（(]?[A-DＡ-Ｄ]类[）)]?|
        (?:抄送|公开方式|联系人|附件|主送|\*\*)
    )""",
    re.X,
)
# A line that stands on its own: a date, or a signature (an organisation's name, no punctuation).
_STANDALONE = re.compile(
    r"^(?:[\d〇○零一二三四五六七八九]{2,4}\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日"
    r"|[\u4e00-\u9fff（）()]{2,30}(?:局|委员会|办公室|政府|厅|院|中心|委))$"
)
# A header line that may hold a colon but is never cut running text: the 发文字号, alone or
# with its 签发人 (宁环函〔2023〕88号　签发人：周建国), or the 签发人 on a line of its own.
_HEADER_LINE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,12}[〔﹝\[［(（【]\s*\d{2,4}\s*[〕﹞\]］)）】]\s*第?\s*\d+\s*号(?:\s*签发人|$)|签\s*发\s*人\s*[：:])"
)
_LINE = re.compile(r"[^\r\n]+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_HEADING = re.compile(r"^(?:#+\s*)?(?:\*\*)?\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
# A line that PDF extraction leaves behind from a running footer: a bare page number.
_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d{1,3})\s*$")


class DecodeError(ValueError):
    """The bytes are not text in any supported encoding."""


def decode(data: bytes) -> tuple[str, str, bool]:
    """Decode bytes as UTF-8 (with or without BOM) or GB18030.

    Returns ``(text, encoding, had_bom)``. Raises :class:`DecodeError` with a one-line reason
    when the bytes are binary or decode as none of the supported encodings.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8", True
        except UnicodeDecodeError as exc:
            raise DecodeError(f"starts with a UTF-8 BOM but is not valid UTF-8 (byte {exc.start})") from None
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (contains NUL bytes)")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding, False
        except UnicodeDecodeError:
            continue
    raise DecodeError("not valid UTF-8 or GB18030 text")


def digest(data: bytes) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the view: its text and where it starts in the view."""

    start: int
    text: str

    @property
    def end(self) -> int:
        """View offset just after the paragraph."""
        return self.start + len(self.text)


@dataclass(frozen=True)
class Source:
    """A decoded letter: the original text, the analysis view and the map between them.

    ``view`` has one paragraph per line: paragraphs that a page break had cut are joined, and
    blank lines and bare page numbers between paragraphs are dropped. ``view_to_text[i]`` is
    the original offset of ``view[i]``. ``digest`` is the SHA-256 of the bytes read from disk
    (empty for text built in memory): ``--fix`` refuses to write a file that no longer has it.
    A letter extracted from a document (.docx, PDF, HTML) has ``origins``: where each stretch
    of ``text`` lies in that document.
    """

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    digest: str = ""
    origins: tuple[Origin, ...] = ()
    view: str = field(init=False)
    # The map of the view as runs of consecutive offsets, (view index, original offset) where
    # each starts: the compact form a pickle keeps, from which ``view_to_text`` is built.
    view_runs: tuple[tuple[int, int], ...] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        view, runs = _build_view(self.text)
        _set_view(self, view, runs)

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> Source:
        """Decode ``data`` and build the source; raises :class:`DecodeError` on bad bytes."""
        text, encoding, bom = decode(data)
        return cls(path=path, text=text, encoding=encoding, bom=bom, digest=digest(data))

    def __reduce__(self) -> tuple:
        # A compact pickle for the letter cache: the view map as its runs, and none of the
        # cached properties, which are cheap to rebuild.
        return _restore, (tuple(getattr(self, name) for name in _init_fields()), self.view, self.view_runs)

    @cached_property
    def view_to_text(self) -> array[int]:
        """The original offset of each character of the view, built from the runs when first
        asked for: a letter loaded from the cache whose view nothing maps is spared it.

        Machine integers, not a tuple: a tuple of ints takes four times the memory, and a
        corpus holds one entry per character.
        """
        runs = self.view_runs
        mapping: list[int] = []
        for (index, offset), (following, _) in zip(runs, [*runs[1:], (len(self.view), 0)]):
            mapping.extend(range(offset, offset + following - index))
        return array("q", mapping)

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(m.end() for m in _LINE_BREAK.finditer(self.text))
        return starts

    def line(self, number: int) -> str | None:
        """The text of the 1-based original line ``number`` (line breaks are \\n, \\r\\n, \\r)."""
        if not 0 < number <= len(self._line_starts):
            return None
        start = self._line_starts[number - 1]
        end = self._line_starts[number] if number < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The view's paragraphs, in order, empty ones left out."""
        out: list[Paragraph] = []
        offset = 0
        for line in self.view.split("\n"):
            if line.strip():
                out.append(Paragraph(offset, line))
            offset += len(line) + 1
        return tuple(out)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an original-text offset; columns count code points."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        """The span of original text ``text[start:end]``."""
        line, column = self.position(start)
        starts = self._line_starts
        if 0 <= start <= end < (starts[line] if line < len(starts) else len(self.text) + 1):
            # It ends on the line it starts on, as most spans do: no second search.
            end_line, end_column = line, end - starts[line - 1] + 1
        else:
            end_line, end_column = self.position(end)
        return Span.of(start, end, line, column, end_line, end_column)

    def view_span(self, start: int, end: int) -> Span:
        """The original-text span covered by ``view[start:end]`` (``start < end``)."""
        if not self.view_to_text:
            return self.span(0, 0)
        last = len(self.view_to_text) - 1
        start = max(0, min(start, last))
        end = max(start + 1, min(end, last + 1))
        return self.span(self.view_to_text[start], self.view_to_text[end - 1] + 1)

    @property
    def is_document(self) -> bool:
        """Whether the text was extracted from a document rather than read from a text file."""
        return bool(self.origins)

    def where(self, offset: int) -> str | None:
        """The document position of an original-text offset, or ``None`` for a text file."""
        if not self.origins:
            return None
        origin = self.origins[max(bisect.bisect_right(self._origin_starts, offset) - 1, 0)]
        return origin.where(max(offset, origin.start))

    @cached_property
    def _origin_starts(self) -> list[int]:
        return [origin.start for origin in self.origins]

    def excerpt(self, span: Span) -> str:
        """The original text a span covers."""
        return self.text[span.start : span.end]


def is_page_number(line: str) -> bool:
    """Whether a line is a bare page number as running footers print it (``- 3 -``, ``第 3 页``)."""
    return bool(_PAGE_NUMBER.match(line))


@lru_cache(maxsize=1)
def _init_fields() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Source) if f.init)


def _restore(given: tuple, view: str, runs: tuple[tuple[int, int], ...]) -> Source:
    """A source from its pickled form, without building its view again."""
    source = object.__new__(Source)
    for name, value in zip(_init_fields(), given):
        object.__setattr__(source, name, value)
    _set_view(source, view, runs)
    return source


def _set_view(source: Source, view: str, runs: Sequence[tuple[int, int]]) -> None:
    """Give ``source`` its view and the runs of the view's map."""
    object.__setattr__(source, "view", view)
    object.__setattr__(source, "view_runs", tuple(runs))


def _raw_paragraphs(text: str) -> list[tuple[int, int]]:
    """Original (start, end) of each non-blank line, leading and trailing whitespace excluded.

    Whitespace is Python's (``str.isspace``): spaces, full-width spaces used as indentation,
    tabs and the form feeds that PDF extraction leaves at page ends.
    """
    out = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            start = m.start() + len(line) - len(line.lstrip())
            out.append((start, start + len(stripped)))
    return out


def continues(previous: str, following: str) -> bool:
    """Whether ``following`` is the rest of ``previous``, cut off by a page break.

    The previous paragraph must be running text (it holds Chinese sentence punctuation) that
    stops without a closing mark, and the following one must not open a new unit. A
    发文字号 line or a 签发人 line is never running text. A numbered
    heading continues only into text that is itself unterminated, as a heading is.
    """
    prev, nxt = previous.strip(" *\t\u3000"), following.strip(" \t\u3000")
    if not prev or not nxt or prev[-1] in _TERMINAL or _STRUCTURAL_START.match(nxt) or _STANDALONE.match(nxt):
        return False
    if _HEADER_LINE.match(prev):
        return False
    heading = _HEADING.match(prev)
    body = prev[heading.end() :] if heading else prev
    if not _RUNNING.search(body, 0, max(len(body) - 1, 0)):
        return False
    if heading and "。" not in body:
        return nxt.rstrip(" *")[-1:] not in _TERMINAL and "。" not in nxt
    return True


def _build_view(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The view of ``text`` and its map back, as runs of consecutive original offsets."""
    lines = [(s, e) for s, e in _raw_paragraphs(text) if not _PAGE_NUMBER.match(text[s:e])]
    pieces: list[str] = []
    runs: list[tuple[int, int]] = []
    size = 0

    def add(piece: str, offset: int) -> None:
        nonlocal size
        if not runs or offset != runs[-1][1] + size - runs[-1][0]:
            runs.append((size, offset))
        pieces.append(piece)
        size += len(piece)

    paragraph_start = 0
    for index, (start, end) in enumerate(lines):
        if index:
            prev_end = lines[index - 1][1]
            if not continues(text[paragraph_start:prev_end], text[start:end]):
                add("\n", prev_end)
                paragraph_start = start
        else:
            paragraph_start = start
        add(text[start:end], start)
    return "".join(pieces), runs
