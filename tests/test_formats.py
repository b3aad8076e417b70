"""Letters read from .docx, PDF and HTML give the findings their text gives, at findable places."""

import io
import json
import re
import subprocess
import sys
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replylint import formats

from replylint.cli import main
from replylint.engine import lint, read_letter
from replylint.source import Source
from tests.conftest import ROOT, SEEDS
from tests.documents import (
    docx_of,
    flowed_pdf_of,
    html_of,
    join_tracked,
    pdf_layout,
    pdf_of,
    scanned_pdf,
    spaced_pdf_of,
)

SEED_FILES = sorted(SEEDS.glob("*.txt"))
SEED_000 = SEEDS / "000_1815a8eff367fdb9.txt"
LONE_QUOTE = (39, 70)  # line and column of the unmatched ” in seed 000


def seed_text(path=SEED_000):
    return path.read_text(encoding="utf-8")


def written(folder, suffix, make):
    """Each seed written by ``make`` into ``folder`` under its own name with ``suffix``."""
    folder.mkdir()
    for seed in SEED_FILES:
        data = make(seed_text(seed))
        target = folder / (seed.stem + suffix)
        target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return folder


def findings(report, squash=False):
    """The findings as (rule, offending texts) with their counts; ``squash`` drops whitespace."""
    def text(t):
        return "".join(t.split()) if squash else t

    return Counter((f.rule, tuple(text(loc.text) for loc in f.locations)) for f in report.findings)


def read_letter_bytes(folder, name, data):
    """The letter read from ``data`` written to ``folder/name``."""
    path = folder / name
    path.write_bytes(data)
    return read_letter(str(path))


def lint_bytes(folder, name, data):
    """The report of checking ``data`` written to ``folder/name``."""
    path = folder / name
    path.write_bytes(data)
    return lint([str(path)])


def lone_quote(report):
    """The location of the unmatched quote reported in seed 000, whatever its format."""
    [finding] = [f for f in report.findings if f.rule == "RL401" and f.locations[0].path.rsplit("/", 1)[-1].startswith("000")]
    return finding.locations[0]


@pytest.fixture(scope="module")
def text_report():
    return lint([str(SEEDS)])


@pytest.fixture(scope="module")
def docx_report(tmp_path_factory):
    return lint([str(written(tmp_path_factory.mktemp("w") / "docx", ".docx", docx_of))])


@pytest.fixture(scope="module")
def pdf_report(tmp_path_factory):
    return lint([str(written(tmp_path_factory.mktemp("p") / "pdf", ".pdf", pdf_of))])


def test_seeds_as_docx_give_the_same_findings_as_their_text(text_report, docx_report):
    assert len(docx_report.files) == 5 and not docx_report.errors
    assert findings(docx_report) == findings(text_report)
    assert findings(text_report)


def test_seeds_as_pdf_give_the_same_findings_as_their_text_whitespace_aside(text_report, pdf_report):
    assert len(pdf_report.files) == 5 and not pdf_report.errors
    assert findings(pdf_report, squash=True) == findings(text_report, squash=True)


def test_seeds_flowed_by_reportlab_give_the_same_findings_whitespace_aside(tmp_path, text_report):
    report = lint([str(written(tmp_path / "flowed", ".pdf", flowed_pdf_of))])
    assert len(report.files) == 5 and not report.errors
    assert findings(report, squash=True) == findings(text_report, squash=True)
    assert "第 1 页" not in report.corpus.letters[0].source.text


def test_docx_finding_names_the_paragraph_and_the_offset_in_it(docx_report):
    loc = lone_quote(docx_report)
    line, column = LONE_QUOTE
    assert loc.where == f"paragraph {line}, offset {column - 1}"
    assert loc.text == "”"


def test_pdf_finding_names_the_page_line_and_column_it_is_printed_at(pdf_report):
    line, column = LONE_QUOTE
    printed = [p for p in pdf_layout(seed_text()) if p.source_line == line and p.start < column]
    where = printed[-1]
    expected_col = column - where.start
    assert where.text[expected_col - 1] == "”"
    assert lone_quote(pdf_report).where == f"page {where.page}, line {where.number}, col {expected_col}"
    assert where.page == 2


def test_pdf_drops_running_header_and_page_numbers_but_keeps_a_signature_that_repeats_them(tmp_path):
    text = read_letter_bytes(tmp_path, "letter.pdf", pdf_of(seed_text())).source.text
    assert "- 1 -" not in text and "- 2 -" not in text
    assert text.count("中山市工业和信息化局") == seed_text().count("中山市工业和信息化局")
    assert "\n\n" in text  # pages are separated by a blank line


def test_pdf_paragraph_cut_by_a_page_break_reads_whole_in_the_view(tmp_path):
    letter = read_letter_bytes(tmp_path, "letter.pdf", pdf_of(seed_text()))
    cut = [p for p in pdf_layout(seed_text()) if p.number == 2 and p.start > 0]
    assert cut, "the layout must cut a paragraph across pages"
    before = letter.source.text.index(cut[0].text)
    assert letter.source.text[before - 2 : before] == "\n\n"
    assert any(cut[0].text in para.text and para.text.index(cut[0].text) > 0 for para in letter.source.paragraphs)


def test_pdf_letters_spaced_out_for_a_title_or_signature_read_without_spaces(tmp_path):
    letter = read_letter_bytes(tmp_path, "letter.pdf", spaced_pdf_of([
        ("关于市政协十三届二次会议第132033号提案答复的函", 1, "center", 16),
        ("某某委员：", 0, "left", 14),
        ("现答复如下：我们联合 11 家银行，结合产业的的优势。", 0, "indent", 14),
        ("专此答复。", 0, "indent", 14),
        ("中山市工业和信息化局", 9, "right", 14),
        ("2023年6月25日", 0, "right", 14),
    ]))
    assert letter.structure.title.text == "关于市政协十三届二次会议第132033号提案答复的函"
    assert letter.structure.signature.text == "中山市工业和信息化局"
    assert "联合 11 家银行" in letter.source.text
    assert letter.source.where(letter.source.text.index("的的")) == "page 1, line 3, col 23"


def test_pdf_without_a_text_layer_is_an_error_saying_so(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(scanned_pdf())
    (tmp_path / "letter.txt").write_text(seed_text(), encoding="utf-8")
    report = lint([str(tmp_path)])
    assert [(e.path.rsplit("/", 1)[-1], e.reason) for e in report.errors] == [("scan.pdf", "no text layer (a scanned PDF?)")]
    assert report.files == (str(tmp_path / "letter.txt"),)


def test_a_scan_named_alone_is_a_read_error_not_a_usage_error(tmp_path, capsys):
    (tmp_path / "scan.pdf").write_bytes(scanned_pdf())
    code = main([str(tmp_path / "scan.pdf"), "--no-color"])
    assert code == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "scan.pdf: error: no text layer (a scanned PDF?)" in out


def test_tracked_changes_read_as_accepted_text(text_report, tmp_path):
    line, column = LONE_QUOTE
    letter = read_letter_bytes(tmp_path, "letter.docx", docx_of(seed_text(), tracked=(line, column, "的的")))
    assert "数字贷”贴息" in letter.source.text and "的的" not in letter.source.text.split("\n")[line - 1]
    report = lint_bytes(tmp_path, "000.docx", docx_of(seed_text(), tracked=(line, column, "的的")))
    assert lone_quote(report).where == f"paragraph {line}, offset {column - 1}"


def test_a_paragraph_mark_deleted_as_a_tracked_change_joins_the_paragraphs(tmp_path):
    letter = read_letter_bytes(tmp_path, "letter.docx", join_tracked(docx_of(seed_text()), 17, 18))
    assert "很强针对性和实用性，具有重要的现实意义" in letter.source.text
    offset = letter.source.text.index("用性，具有")
    assert (letter.source.where(offset - 1), letter.source.where(offset)) == ("paragraph 17, offset 179", "paragraph 19, offset 0")


def test_contact_and_cc_in_a_table_are_read_with_their_cells(tmp_path):
    text_letter = read_letter(str(SEED_000))
    letter = read_letter_bytes(tmp_path, "letter.docx", docx_of(seed_text(), table=True))
    assert [c.text for c in letter.structure.cc] == [c.text for c in text_letter.structure.cc]
    assert [[phone.text for phone in c.phones] for c in letter.structure.contacts] == [["88308273"]]
    assert letter.source.where(letter.structure.contacts[0].span.start) == "table 1, row 1, cell 1, offset 0"
    assert letter.source.where(letter.structure.cc[1].span.start) == "table 1, row 3, cell 1, offset 11"


def test_cc_in_a_text_box_is_read_once_and_headers_are_not(tmp_path):
    letter = read_letter_bytes(tmp_path, "letter.docx", docx_of(seed_text(), text_box=True))
    assert letter.source.text.count("抄送") == 1
    assert letter.source.where(letter.structure.cc[0].span.start) == "text box 1, paragraph 1, offset 4"
    assert "中山市工业和信息化局文件" not in letter.source.text and "- 1 -" not in letter.source.text


@pytest.mark.parametrize("layout", [{"table": True}, {"text_box": True}])
def test_docx_findings_with_contact_lines_in_a_table_or_a_text_box_match_the_text(tmp_path, layout):
    for seed in SEED_FILES:
        report = lint_bytes(tmp_path, seed.stem + ".docx", docx_of(seed_text(seed), **layout))
        assert findings(report) == findings(lint([str(seed)])), seed.name


@pytest.mark.parametrize("name, data, reason", [
    ("bad.docx", b"PK\x03\x04 not really a zip", "not a readable Word document (.docx): "),
    ("bad.pdf", b"%PDF-1.4 nothing after the header", "not a readable PDF: "),
    ("cut.pdf", pdf_of("结合产业的优势。")[:400], "not a readable PDF: "),
    ("bare.html", b"<html><body><div id='zoom'></div></body></html>", "the document holds no text"),
])
def test_a_damaged_or_empty_document_is_a_one_line_error(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    [error] = lint([str(tmp_path)]).errors
    assert error.reason.startswith(reason) and "\n" not in error.reason


def test_government_page_gives_the_findings_of_the_letter_alone(tmp_path, text_report):
    folder = written(tmp_path / "html", ".html", html_of)
    report = lint([str(folder)])
    assert findings(report) == findings(text_report)
    assert lone_quote(report).where.startswith("div#zoom > p[")


def test_page_navigation_metadata_and_footer_stay_out_of_the_letter(tmp_path):
    text = read_letter_bytes(tmp_path, "page.html", html_of(seed_text()).encode()).source.text
    for chrome in ("首页", "索引号", "分享到", "版权所有", "浏览次数", "_hmt"):
        assert chrome not in text
    assert text.startswith("(A类)\n")


def test_page_metadata_gives_the_document_number_the_body_lacks(tmp_path):
    body = "\n".join(line for line in seed_text().split("\n") if "中工信函" not in line)
    letter = read_letter_bytes(tmp_path, "page.html", html_of(body, docno="中工信函〔2023〕59号").encode())
    assert letter.structure.docno.text == "中工信函〔2023〕59号"
    assert letter.source.where(letter.structure.docno.span.start) == "body > div[3] > table[1] > tr[3] > td[2], offset 0"
    full = read_letter_bytes(tmp_path, "page.html", html_of(seed_text(), docno="中工信函〔2099〕1号").encode())
    assert full.structure.docno.text == "中工信函〔2023〕59号"  # the letter's own line wins


def test_page_metadata_date_stands_in_when_the_letter_has_none(tmp_path):
    body = "\n".join(line for line in seed_text().split("\n") if not re.fullmatch(r"\d{4}年\d+月\d+日", line))
    letter = read_letter_bytes(tmp_path, "page.html", html_of(body, published="2023-06-28").encode())
    assert letter.date.isoformat() == "2023-06-28"


def test_body_with_line_breaks_and_labelled_metadata_in_a_list(tmp_path):
    page = """<html><body><ul class="nav"><li>首页</li></ul>
    <ul class="xxgk"><li><label>文号：</label><span>粤工信函〔2024〕12号</span></li>
    <li><label>成文日期：</label><span>2024年3月8日</span></li></ul>
    <div class="TRS_Editor"><div>某某代表：<br>　　您提出的关于加强中小企业融资服务的建议收悉。现答复如下：<br>
    一、关于融资服务。我们联合 11 家银行，发布 16 个产品，共共服务企业 300 家。</div></div>
    <div class="footer">网站地图</div></body></html>"""
    letter = read_letter_bytes(tmp_path, "page.htm", page.encode("utf-8"))
    lines = letter.source.text.split("\n")
    assert lines[0] == "粤工信函〔2024〕12号" and lines[1] == "某某代表：" and lines[-2] == "2024年3月8日"
    assert letter.structure.docno.year == 2024 and letter.date.isoformat() == "2024-03-08"
    assert letter.source.where(letter.source.text.index("共共")) == f"body > div[1] > div[1], offset {lines[3].index('共共') + len(lines[2]) + len(lines[1]) + 2}"


def test_table_output_shows_the_document_place_instead_of_line_and_column(tmp_path, capsys):
    target = tmp_path / "000.docx"
    target.write_bytes(docx_of(seed_text()))
    code = main([str(target), "--select", "RL401", "--no-color", "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 1 and "paragraph 39, offset 69" in out and "RL401" in out and "39:70" not in out


def test_json_locations_carry_where_for_documents_and_null_for_text(tmp_path, capsys):
    (tmp_path / "000.docx").write_bytes(docx_of(seed_text()))
    (tmp_path / "000.txt").write_text(seed_text(), encoding="utf-8")
    main([str(tmp_path), "--select", "RL401", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert report["schema_version"] == 2
    wheres = {loc["path"].rsplit(".", 1)[-1]: loc["where"] for f in report["findings"] for loc in f["locations"]}
    assert wheres == {"docx": "paragraph 39, offset 69", "txt": None}


def test_document_libraries_are_not_imported_until_a_document_is_read():
    code = (
        "import sys; from replylint.cli import main; from replylint.engine import lint; main(['--version'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'pdfminer', 'bs4', 'lxml')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.strip().endswith("[]")


def test_fix_refuses_documents_and_still_fixes_text_files(tmp_path, capsys):
    (tmp_path / "letter.docx").write_bytes(docx_of("结合我市传统产业的的优势。"))
    (tmp_path / "letter.txt").write_text("结合我市传统产业的的优势。\n", encoding="utf-8")
    before = (tmp_path / "letter.docx").read_bytes()
    main([str(tmp_path), "--fix", "--select", "RL301", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert (tmp_path / "letter.docx").read_bytes() == before
    assert (tmp_path / "letter.txt").read_text(encoding="utf-8") == "结合我市传统产业的优势。\n"
    [error] = report["errors"]
    assert error["path"].endswith("letter.docx") and "text files only" in error["reason"]


def test_page_without_a_known_container_uses_the_element_with_most_paragraph_text_and_its_charset(tmp_path):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'
        '<div class="nav"><p>首页</p></div><div class="mid"><p>某某委员：</p>'
        "<p>您提出的关于加强中小企业融资服务的提案收悉，现答复如下。</p><p>一、服务企业 300 家，共共计。</p></div>"
        '<div class="foot"><p>版权所有</p></div></body></html>'
    )
    letter = read_letter_bytes(tmp_path, "page.html", page.encode("gb18030"))
    assert letter.source.text.split("\n")[:3] == ["某某委员：", "您提出的关于加强中小企业融资服务的提案收悉，现答复如下。", "一、服务企业 300 家，共共计。"]
    assert letter.source.where(letter.source.text.index("共共")) == "body > div[2] > p[3], offset 13"


LINE = st.text(st.sampled_from("的了中山市政府，。、“”（）12 ab"), min_size=0, max_size=30)
LETTERS = st.lists(LINE, min_size=1, max_size=8).map("\n".join).filter(str.strip)


def positions(name, data):
    """Each visible character extracted from a document, with the position named for it."""
    text, origins = formats.read(name, data)
    source = Source(path=name, text=text, origins=origins)
    return [(source.where(offset), char) for offset, char in enumerate(text) if not char.isspace()]


@settings(max_examples=25, deadline=None)
@given(LETTERS)
def test_every_docx_position_names_the_character_it_points_at(letter_text):
    import docx

    data = docx_of(letter_text)
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    for where, char in positions("letter.docx", data):
        m = re.fullmatch(r"paragraph (\d+), offset (\d+)", where)
        assert paragraphs[int(m[1]) - 1][int(m[2])] == char


@settings(max_examples=25, deadline=None)
@given(LETTERS)
def test_every_html_position_in_the_body_names_the_character_it_points_at(letter_text):
    from bs4 import BeautifulSoup

    page = html_of(letter_text)
    soup = BeautifulSoup(page, "html.parser")
    for where, char in positions("page.html", page.encode("utf-8")):
        place, _, number = where.rpartition(", offset ")
        if place.startswith("div#zoom"):  # not the date the page's metadata supplies, written as 2023年6月20日
            rendered = re.sub(r"[ \t\r\n\f]+", " ", _resolve(soup, place).get_text()).strip(" \xa0\u3000")
            assert rendered[int(number)] == char


@settings(max_examples=15, deadline=None)
@given(st.lists(LINE, min_size=1, max_size=40).map("\n".join).filter(str.strip))
def test_every_pdf_position_names_the_character_printed_there(letter_text):
    layout = pdf_layout(letter_text)
    printed = {(p.page, p.number): p.text.strip() for p in layout}
    printed.update({(p.page, 1): "中山市工业和信息化局" for p in layout})  # a header seen on one page only is kept
    for where, char in positions("letter.pdf", pdf_of(letter_text)):
        page, line, col = map(int, re.fullmatch(r"page (\d+), line (\d+), col (\d+)", where).groups())
        assert printed[page, line][col - 1] == char


def _resolve(soup, place):
    """The element an element path such as ``div#zoom > p[4]`` names."""
    steps = place.split(" > ")
    first = steps[0]
    node = soup.body if first == "body" else soup.find(first.split("#")[0], id=first.split("#")[1])
    for step in steps[1:]:
        name, index = re.fullmatch(r"(\w+)\[(\d+)\]", step).groups()
        node = node.find_all(name, recursive=False)[int(index) - 1]
    return node


def test_sarif_github_and_html_reports_name_the_place_in_the_document(tmp_path):
    import jsonschema

    from replylint.report import github, html, sarif

    (tmp_path / "000.docx").write_bytes(docx_of(seed_text()))
    report = lint([str(tmp_path)], select_codes=["RL401"])
    log = sarif.report_dict(report, "en")
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    [result] = log["runs"][0]["results"]
    assert result["locations"][0]["logicalLocations"] == [{"fullyQualifiedName": "paragraph 39, offset 69", "kind": "element"}]
    assert "[paragraph 39, offset 69]" in github.render(report, "en")
    assert "000.docx, paragraph 39, offset 69" in html.render(report, "en")


def test_documents_may_be_larger_than_text_files_for_the_images_they_carry(tmp_path, monkeypatch):
    from replylint import engine

    data = docx_of(seed_text())
    monkeypatch.setattr(engine, "MAX_BYTES", len(data) - 1)
    assert read_letter_bytes(tmp_path, "letter.docx", data).structure.docno is not None
    monkeypatch.setattr(engine, "MAX_DOCUMENT_BYTES", len(data) - 1)
    with pytest.raises(ValueError, match="file is too large"):
        read_letter_bytes(tmp_path, "letter.docx", data)
