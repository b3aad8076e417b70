"""Documents made in the tests from letter text: .docx (python-docx), PDF (reportlab), HTML.

Nothing binary is committed: every fixture is written here, from the seed letters or from
letters in the tests, in layouts a bureau's documents have.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

CONTACT = re.compile(r"^[（(]?\s*联系")
CC = re.compile(r"^(?:\*\*)?抄\s*送")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT_BOX_XML = (
    '<w:r xmlns:w="{w}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:v="urn:schemas-microsoft-com:vml">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{content}</wps:txbx>'
    "</wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox>"
    "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def docx_of(text: str, *, table: bool = False, text_box: bool = False, tracked: tuple[int, int, str] | None = None) -> bytes:
    """A .docx with one paragraph per line of ``text`` (blank lines as empty paragraphs).

    ``table`` puts the lines from the contact line to 抄送 into a one-column table, a row per
    line; ``text_box`` puts the 抄送 line into a text box anchored in an empty paragraph;
    ``tracked=(line, column, deleted)`` splits line ``line`` at ``column`` into a tracked
    insertion and adds a tracked deletion of ``deleted`` there, so that only accepting the
    changes gives the line back. Every variant has a running header and footer.
    """
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "中山市工业和信息化局文件"
    document.sections[0].footer.paragraphs[0].text = "- 1 -"
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if CONTACT.match(line)), None) if table else None
    last = next((i for i, line in enumerate(lines) if CC.match(line)), None)
    for number, line in enumerate(lines, start=1):
        index = number - 1
        if first is not None and last is not None and first <= index <= last:
            if index == first:
                rows = [row for row in lines[first : last + 1] if row.strip()]
                grid = document.add_table(rows=len(rows), cols=1)
                for cell_row, row_text in zip(grid.rows, rows):
                    cell_row.cells[0].text = row_text
            continue
        if text_box and index == last:
            paragraph = document.add_paragraph()
            content = f'<w:txbxContent><w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p></w:txbxContent>'
            paragraph._p.append(parse_xml(TEXT_BOX_XML.format(w=W_NS, content=content)))
            continue
        paragraph = document.add_paragraph()
        if tracked and tracked[0] == number:
            cut = tracked[1] - 1
            paragraph.add_run(line[:cut])
            paragraph._p.append(parse_xml(_change("del", "delText", tracked[2])))
            paragraph._p.append(parse_xml(_change("ins", "t", line[cut:])))
        else:
            paragraph.add_run(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def join_tracked(data: bytes, *numbers: int) -> bytes:
    """The .docx ``data`` with the marks of body paragraphs ``numbers`` deleted as tracked changes."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document(io.BytesIO(data))
    for number in numbers:
        mark = f'<w:rPr xmlns:w="{W_NS}"><w:del w:id="{number}" w:author="审核" w:date="2023-06-01T00:00:00Z"/></w:rPr>'
        document.paragraphs[number - 1]._p.get_or_add_pPr().append(parse_xml(mark))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _change(kind: str, tag: str, text: str) -> str:
    return (
        f'<w:{kind} xmlns:w="{W_NS}" w:id="1" w:author="审核" w:date="2023-06-01T00:00:00Z">'
        f'<w:r><w:{tag} xml:space="preserve">{escape(text)}</w:{tag}></w:r></w:{kind}>'
    )


# PDF page layout, in points (A4): a running header, body lines, a page number at the foot.
PAGE_W, PAGE_H = 595, 842
LEFT, WIDTH, SIZE, LEADING, INDENT = 72, 451, 14, 22, 28
BODY_TOP, BODY_BOTTOM = 760, 80
FONT = "STSong-Light"
_TOKEN = re.compile(r"[A-Za-z0-9.%\-]+|.", re.S)


@dataclass(frozen=True)
class PdfLine:
    """One printed body line: which text line it comes from and where that part starts."""

    page: int
    number: int
    source_line: int
    start: int
    text: str


def pdf_layout(text: str) -> list[PdfLine]:
    """Lay the non-blank lines of ``text`` out as indented paragraphs wrapped at the page width.

    Words of Latin letters and digits are never split; a space at a wrap is dropped, as word
    processors do. ``number`` counts the lines of a page from 1, the running header being
    line 1, so body lines start at 2.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _font()
    per_page = (BODY_TOP - BODY_BOTTOM) // LEADING + 1
    out: list[PdfLine] = []
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        start, width, limit, current = 0, 0.0, WIDTH - INDENT, ""
        position = 0
        for token in _TOKEN.findall(line):
            w = stringWidth(token, FONT, SIZE)
            if current and width + w > limit:
                out.append(_placed(len(out), per_page, line_no, start, current))
                start, width, limit, current = position, 0.0, WIDTH, ""
                if token == " ":
                    start += 1
                    position += 1
                    continue
            current += token
            width += w
            position += len(token)
        out.append(_placed(len(out), per_page, line_no, start, current))
    return out


def _placed(index: int, per_page: int, source_line: int, start: int, text: str) -> PdfLine:
    return PdfLine(index // per_page + 1, index % per_page + 2, source_line, start, text)


def pdf_of(text: str, header: str = "中山市工业和信息化局") -> bytes:
    """A PDF of ``text`` laid out by :func:`pdf_layout`, with a running header and ``- N -`` at the foot."""
    from reportlab.pdfgen import canvas

    _font()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_W, PAGE_H))
    page = 0
    for line in pdf_layout(text):
        if line.page != page:
            if page:
                pdf.showPage()
            page = line.page
            pdf.setFont(FONT, 10)
            pdf.drawString(LEFT, 800, header)
            pdf.drawCentredString(PAGE_W / 2, 40, f"- {page} -")
        pdf.setFont(FONT, SIZE)
        indent = INDENT if line.start == 0 else 0
        pdf.drawString(LEFT + indent, BODY_TOP - (line.number - 2) * LEADING, line.text)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def flowed_pdf_of(text: str) -> bytes:
    """A PDF of ``text`` laid out by reportlab's own paragraph flow (CJK wrapping, which moves
    closing punctuation off a line start), with ``第 N 页`` at the foot and a running header."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    _font()
    style = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=18, firstLineIndent=24, wordWrap="CJK")

    def decorate(canvas, document):
        canvas.setFont(FONT, 9)
        canvas.drawString(LEFT, PAGE_H - 40, "中山市工业和信息化局")
        canvas.drawCentredString(PAGE_W / 2, 30, f"第 {document.page} 页")

    out = io.BytesIO()
    story = [Paragraph(escape(line), style) for line in text.split("\n") if line.strip()]
    SimpleDocTemplate(out, pagesize=(PAGE_W, PAGE_H)).build(story, onFirstPage=decorate, onLaterPages=decorate)
    return out.getvalue()


def spaced_pdf_of(lines: list[tuple[str, float, str, int]]) -> bytes:
    """A one-page PDF of ``(text, character spacing, alignment, size)`` lines, alignment being
    ``center``, ``left``, ``indent`` or ``right``: a title set larger, a title or signature set
    with widened spacing, as letters print them."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    _font()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_W, PAGE_H))
    for number, (text, spacing, align, size) in enumerate(lines):
        width = stringWidth(text, FONT, size) + spacing * len(text)
        x = {"center": LEFT + (WIDTH - width) / 2, "left": LEFT, "indent": LEFT + INDENT, "right": LEFT + WIDTH - width}[align]
        line = pdf.beginText(x, BODY_TOP - number * LEADING)
        line.setFont(FONT, size)
        line.setCharSpace(spacing)
        line.textLine(text)
        pdf.drawText(line)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def scanned_pdf() -> bytes:
    """A PDF with no text layer: a page holding only a drawing, as a scan holds only an image."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_W, PAGE_H))
    pdf.rect(72, 72, 300, 500, fill=1)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def html_of(text: str, *, docno: str = "中工信函〔2023〕59号", published: str = "2023-06-20") -> str:
    """A government-site page: navigation, breadcrumb, metadata table, the letter in ``div#zoom``, footer."""
    paragraphs = "\n".join(f"<p style=\"text-indent:2em\">&nbsp;{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>答复的函_中山市工业和信息化局</title>
<script>var _hmt = _hmt || []; document.write("发文字号：无");</script>
<style>.nav li {{ display: inline; }}</style></head>
<body>
<div class="header"><div class="logo">中山市工业和信息化局</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 建议提案办理</div>
<div class="main">
<table class="meta">
<tr><td>索引号：</td><td>11442000007130043X/2023-00123</td><td>分类：</td><td>建议提案办理</td></tr>
<tr><td>发布机构：</td><td>中山市工业和信息化局</td><td>成文日期：</td><td></td></tr>
<tr><td>发文字号：</td><td>{html.escape(docno)}</td><td>发布日期：</td><td>{published}</td></tr>
<tr><td>主题分类：</td><td colspan="3">综合政务</td></tr>
</table>
<h1 class="title">答复的函</h1>
<div class="info">来源：本网 发布时间：{published} 浏览次数：<span id="hits">128</span></div>
<div id="zoom" class="article-content">
{paragraphs}
</div>
<div class="share">分享到：微信 微博</div>
</div>
<div class="footer"><p>主办单位：中山市工业和信息化局 版权所有</p><p>网站标识码：4420000012 粤ICP备05000000号</p></div>
</body></html>
"""
