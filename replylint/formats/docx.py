"""Word documents (.docx): the body's paragraphs, tables and text boxes as the accepted text.

The body is walked in document order: each paragraph becomes a line (a manual line break
inside it starts another), each table cell's paragraphs follow in row order, and a text box's
paragraphs follow the paragraph that anchors it. Tracked changes read as if accepted: inserted
runs are kept, deleted ones dropped, and a paragraph whose mark was deleted runs on into the
next. Headers, footers, footnotes and comments are not part of
the letter and are left out.

Positions: ``paragraph N`` counts the body's paragraphs from 1, empty ones included (what
python-docx's ``Document.paragraphs[N - 1]`` is); ``table T, row R, cell C`` (with
``paragraph K`` when the cell has more than one); ``text box B, paragraph K``; then ``offset``,
the number of characters before the position in that paragraph.
"""

from __future__ import annotations

import io
import zipfile

from replylint.formats.base import TextBuilder

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, TBL, TR, TC, SDT, SDT_CONTENT = (W + t for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
T, TAB, BR, CR, TXBX = (W + t for t in ("t", "tab", "br", "cr", "txbxContent"))
# Subtrees that hold no accepted text of the paragraph itself: deletions, moved-away text,
# properties, text boxes (read separately) and the fallback copy of a text box.
DELETED_MARK = f"{W}pPr/{W}rPr/{W}del"
SKIP = {W + "del", W + "moveFrom", W + "pPr", W + "rPr", TXBX, MC + "Fallback"}


def extract(data: bytes) -> tuple[str, tuple]:
    """The letter text of a .docx and the origin of each line."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except (PackageNotFoundError, zipfile.BadZipFile, XMLSyntaxError, KeyError, ValueError) as exc:
        raise ValueError(f"not a readable Word document (.docx): {exc}") from None
    walker = _Walker()
    walker.blocks(body, None)
    return walker.out.result()


class _Walker:
    """Walks the body in order, numbering paragraphs, tables and text boxes as it goes."""

    def __init__(self) -> None:
        self.out = TextBuilder()
        self.paragraphs = 0
        self.tables = 0
        self.text_boxes = 0

    def blocks(self, parent, cell: str | None) -> None:
        """Paragraphs and tables under ``parent``; ``cell`` names the table cell, if in one."""
        count = 0
        children = [c for c in parent if c.tag in (P, TBL, SDT)]
        many = sum(c.tag == P for c in children) > 1
        for child in children:
            if child.tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.blocks(content, cell)
            elif child.tag == TBL:
                self.table(child)
            else:
                count += 1
                if cell is None:
                    self.paragraphs += 1
                    place = f"paragraph {self.paragraphs}"
                else:
                    place = f"{cell}, paragraph {count}" if many else cell
                self.paragraph(child, place)

    def table(self, tbl) -> None:
        """Every cell of a table, row by row."""
        self.tables += 1
        number = self.tables
        for r, row in enumerate(tbl.findall(TR), start=1):
            for c, tc in enumerate(row.findall(TC), start=1):
                self.blocks(tc, f"table {number}, row {r}, cell {c}")

    def paragraph(self, p, place: str) -> None:
        """One paragraph's accepted text, a line per manual line break, then its text boxes.

        A paragraph whose mark is a tracked deletion runs on into the next, as it does once
        the change is accepted.
        """
        pieces: list[str] = []
        _text(p, pieces)
        lines = "".join(pieces).split("\n")
        merged = p.find(DELETED_MARK) is not None
        offset = 0
        for index, line in enumerate(lines):
            self.out.add(line, place, "offset", offset)
            if index < len(lines) - 1 or not merged:
                self.out.end_line()
            offset += len(line) + 1
        boxes = _text_boxes(p)
        if boxes:
            self.out.end_line()
        for box in boxes:
            self.text_boxes += 1
            for k, inner in enumerate(box.findall(P), start=1):
                self.paragraph(inner, f"text box {self.text_boxes}, paragraph {k}")


def _text(element, out: list[str]) -> None:
    """Append the accepted text under ``element``: runs' text, tabs and line breaks."""
    for child in element:
        tag = child.tag
        if tag in SKIP:
            continue
        if tag == T:
            out.append(child.text or "")
        elif tag == TAB:
            out.append("\t")
        elif tag in (BR, CR):
            out.append("\n")
        else:
            _text(child, out)


def _text_boxes(p) -> list:
    """The text boxes anchored in a paragraph, each once (not its fallback copy)."""
    boxes = []
    for box in p.iter(TXBX):
        ancestors = {a.tag for a in box.iterancestors()}
        if MC + "Fallback" not in ancestors and TXBX not in ancestors:
            boxes.append(box)
    return boxes
