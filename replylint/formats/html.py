"""Web pages: the letter's body found on a typical government-site page, and its metadata.

Such a page wraps the letter in navigation, a breadcrumb, a metadata table (索引号, 发文字号,
发布日期, 主题分类…) and a footer. The body is the first element matching a known content
container (``#zoom``, ``.TRS_Editor``, ``.article-content``…), else the element holding the
most paragraph text. Each block element (``p``, ``div``, ``h1``…, ``li``, ``td``) with text
becomes a line; ``<br>`` starts another.

The metadata is read as structure: when the body has no 发文字号 line, the table's 发文字号
is put before the body; when it has no date line, the table's 成文日期 (else 发布日期) is
put after it, written as ``2023年6月15日``.

Positions: the element path, from the nearest ancestor with an ``id`` (else ``body``), each
step ``tag[n]`` counting the element's same-tag siblings from 1 (``div#zoom > p[4]``), then
``offset``, the number of characters before the position in that element's text.
"""

from __future__ import annotations

import re

from replylint.formats.base import TextBuilder
from replylint.letter import parse_structure
from replylint.source import Source

CONTAINERS = (
    "#zoom", ".TRS_Editor", ".trs_editor_view", ".article-content", ".article_content", "#UCAP-CONTENT",
    ".pages_content", "#content", ".content", "article", "main",
)
MIN_BODY_CHARS = 40
BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "table", "pre",
    "blockquote", "section", "article", "center", "dd", "dt", "ul", "ol", "form",
}
SKIPPED = {"script", "style", "noscript", "nav", "header", "footer", "iframe", "button", "select", "template"}
_SPACE = re.compile(r"[ \t\r\n\f]+")
_EDGE = " \t\r\n\f\xa0\u3000"
_LABEL = re.compile(r"^\s*(?P<label>发文字号|文号|成文日期|发布日期)\s*[：:]?(?P<value>.*)$", re.S)
_DATE_VALUE = re.compile(r"^(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?$")
# What a metadata value must look like to be taken: a 文号 with its year and serial, a date.
_VALUES = {
    "发文字号": re.compile(r"[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d+\s*号$"),
    "成文日期": _DATE_VALUE,
    "发布日期": _DATE_VALUE,
}


def extract(data: bytes) -> tuple[str, tuple]:
    """The letter text of a web page and the element path of each line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    root = soup.body or soup
    body = _container(root)
    walker = _Walker()
    walker.block(body)
    lines = walker.lines
    structure = parse_structure(Source(path="", text="\n".join(text for text, _, _ in lines)))
    meta = _metadata(root, body)
    docno = meta.get("发文字号")
    if structure.docno is None and docno:
        lines.insert(0, (docno[0], docno[1], 0))
    date = meta.get("成文日期") or meta.get("发布日期")
    if structure.date is None and date:
        m = _DATE_VALUE.match(date[0])
        lines.append((f"{int(m['y'])}年{int(m['m'])}月{int(m['d'])}日", date[1], 0))
    out = TextBuilder()
    for text, place, offset in lines:
        out.line(text, place, "offset", offset)
    return out.result()


def _container(root):
    """The element that holds the letter."""
    for selector in CONTAINERS:
        for element in root.select(selector):
            if len(_SPACE.sub("", element.get_text())) >= MIN_BODY_CHARS:
                return element
    best, best_chars = root, 0
    for element in root.find_all(BLOCKS - {"p"}):
        chars = sum(len(p.get_text(strip=True)) for p in element.find_all("p", recursive=False))
        if chars > best_chars:
            best, best_chars = element, chars
    return best


def path(element) -> str:
    """The element's path from its nearest ancestor with an id (or ``body``): ``div#zoom > p[4]``."""
    steps = []
    node = element
    while node is not None and node.name not in ("body", "[document]"):
        if node.get("id"):
            steps.append(f"{node.name}#{node['id']}")
            break
        steps.append(f"{node.name}[{len(node.find_previous_siblings(node.name)) + 1}]")
        node = node.parent
    else:
        steps.append("body")
    return " > ".join(reversed(steps))


class _Walker:
    """Collects the lines of a container: one per block element with text, split at ``<br>``."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str, int]] = []
        self.pending: list[str] = []
        self.owner = None
        self.offset = 0

    def block(self, element) -> None:
        """Read a block element: its own text becomes lines, nested blocks their own."""
        self.flush()
        outer = self.owner, self.offset
        self.owner, self.offset = element, 0
        self.children(element)
        self.flush()
        self.owner, self.offset = outer

    def children(self, element) -> None:
        """Read the children of an element in order: text, line breaks, inline and block elements."""
        for child in element.children:
            name = getattr(child, "name", None)
            if name is None:
                if _is_text(child):
                    self.pending.append(_SPACE.sub(" ", str(child)))
            elif name == "br":
                self.flush(advance=1)
            elif name in BLOCKS:
                self.block(child)
            elif name not in SKIPPED:
                self.children(child)

    def flush(self, advance: int = 0) -> None:
        """End the line gathered so far, recording its element path and offset."""
        line = "".join(self.pending).strip(_EDGE)
        self.pending = []
        if line and self.owner is not None:
            self.lines.append((line, path(self.owner), self.offset))
        self.offset += len(line) + advance


def _metadata(root, body) -> dict[str, tuple[str, str]]:
    """Label → (value, element path) from the page's metadata outside the body, values checked.

    The value is the rest of the label's text (``发文字号：中工信函〔2023〕59号``) or else the next
    text on the page (the next table cell, the ``<span>`` after a ``<label>``).
    """
    found: dict[str, tuple[str, str]] = {}
    for string in root.find_all(string=_LABEL):
        if any(parent is body for parent in string.parents):
            continue
        m = _LABEL.match(str(string))
        value, owner = m["value"].strip(_EDGE), string.parent
        if not value:
            following = next((s for s in string.next_elements if _is_text(s) and s.strip(_EDGE)), None)
            if following is None:
                continue
            value, owner = str(following).strip(_EDGE), following.parent
        label = "发文字号" if m["label"] == "文号" else m["label"]
        if _VALUES[label].search(value):
            found.setdefault(label, (value, path(owner)))
    return found


def _is_text(node) -> bool:
    """Whether a node is page text (not a comment, doctype or other markup string)."""
    from bs4.element import NavigableString, PreformattedString, Script, Stylesheet, TemplateString

    return isinstance(node, NavigableString) and not isinstance(node, (PreformattedString, Script, Stylesheet, TemplateString))
