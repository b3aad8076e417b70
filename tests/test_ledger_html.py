"""The HTML ledger: charts of figures over time, flagged values linked; checked as markup and in Chromium."""

import re
import shutil
import struct
import subprocess
import tempfile
import zlib

import pytest

from replylint.cli import main
from replylint.corpus import Corpus, Letter
from replylint.ledger import build_ledger
from replylint.report import ledger_html
from replylint.source import Source

from conftest import SEEDS

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
]
needs_browser = pytest.mark.skipif(BROWSER is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = tmp_path_factory.mktemp("ledger") / "ledger.html"
    assert main(["ledger", str(SEEDS), "--format", "html", "--lang", "en", "-o", str(path)]) == 0
    return path


def browse(page, *args):
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                              capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def pixels(png: bytes) -> list[bytes]:
    """The rows of an 8-bit RGB or RGBA PNG, unfiltered (stdlib only)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        body = png[pos + 8 : pos + 8 + length]
        header = body if kind == b"IHDR" else header
        idat += body if kind == b"IDAT" else b""
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6)
    bpp = 3 if colour == 2 else 4
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line[j] for k in range(0, stride, bpp) for j in range(k, k + 3)))
        prev = line
    return rows


def test_a_metric_stated_in_two_letters_gets_a_chart_and_one_letter_none():
    one = "截至2023年末，累计认定标杆企业 12 家。\n\n2024年1月5日\n"
    two = "截至2024年6月，累计认定标杆企业 15 家。\n\n2024年7月5日\n"
    corpus = Corpus(tuple(Letter.from_source(Source.from_bytes(p, t.encode())) for p, t in (("a.txt", one), ("b.txt", two))))
    ledger = build_ledger(corpus)
    assert [m.key for m in ledger_html.charted(ledger)] == [ledger.metrics[0].key]
    assert not ledger_html.charted(build_ledger(Corpus(corpus.letters[:1])))


def test_running_totals_are_drawn_as_steps_and_other_figures_as_lines(page):
    html = page.read_text(encoding="utf-8")
    loans = re.search(r'<svg[^>]*data-metric="发放贷款\|money"[^>]*>.*?</svg>', html).group()
    assert 'data-kind="step"' in loans and re.search(r'class="line" d="M[\d.,]+ H[\d.]+ V', loans)
    products = re.search(r'<svg[^>]*data-metric="发布金融产品\|count"[^>]*>.*?</svg>', html).group()
    assert 'data-kind="line"' in products and " L" in products


def test_flagged_values_link_to_the_finding_and_its_passages(page):
    html = page.read_text(encoding="utf-8")
    link = re.search(r'<a href="#(finding-[0-9a-f]+)"><circle class="point flagged"[^>]*data-value="5400万元"', html)
    assert link, "the shrinking value is not highlighted"
    block = re.search(rf'<div class="finding" id="{link.group(1)}">.*?</div>', html, re.S).group()
    assert block.count('<figure class="passage"') == 2
    assert "<mark>1.08 亿元</mark>" in block and "<mark>5400万元</mark>" in block
    row = re.search(r'<tr class="flagged">(?:(?!</tr>).)*5400万元.*?</tr>', html, re.S).group()
    targets = re.findall(r'href="#([^"]+)"', row)
    assert targets[0] == link.group(1) and len(targets) == 3
    assert all(f'id="{target}"' in block for target in targets[1:]), "the passage links lead nowhere"
    assert "script" not in html.lower().replace("content-security-policy", "")


@needs_browser
def test_chromium_renders_the_loans_chart_with_its_shrinking_value_highlighted(page, tmp_path):
    dom = browse(page, "--virtual-time-budget=3000", "--dump-dom")
    svg = re.search(r'<svg[^>]*data-metric="发放贷款\|money".*?</svg>', dom, re.S)
    assert svg, "the chart is not in the rendered page"
    assert re.search(r'class="point flagged"[^>]*data-role="later"[^>]*data-value="5400万元"', svg.group())
    shot = tmp_path / "ledger.png"
    browse(page, "--window-size=900,700", f"--screenshot={shot}")
    rows = pixels(shot.read_bytes())
    values = [v for row in rows for v in row[::7]]
    mean = sum(values) / len(values)
    assert sum((v - mean) ** 2 for v in values) / len(values) > 100, "the screenshot is blank"
    red = sum(1 for row in rows for i in range(0, len(row), 3) if row[i] > 180 and row[i + 1] < 60 and row[i + 2] < 60)
    assert red > 50, "no highlighted (red) value in the screenshot"


@needs_browser
def test_the_html_report_has_the_ledger_and_its_flagged_value_leads_to_the_finding_row(seed_report, tmp_path):
    from replylint.report import html

    page = tmp_path / "report.html"
    page.write_text(html.render(seed_report, "en"), encoding="utf-8")
    dom = browse(page, "--virtual-time-budget=3000", "--dump-dom")
    ledger = dom[dom.index('<section class="ledger"'):]
    target = re.search(r'<a href="#(finding-[0-9a-f]+)"><circle class="point flagged"[^>]*data-value="5400万元"', ledger)
    assert target, "the report's ledger does not highlight the shrinking value"
    row = re.search(rf'<tr class="finding" id="{target.group(1)}" data-rule="RL101".*?</tr>', dom, re.S)
    assert row and row.group().count('<figure class="passage" id="') == 2


def test_letter_text_in_the_ledger_page_is_escaped():
    texts = {"a<b>.txt": "开展“<i>贷”，累计发放贷款 5 亿元。\n\n2023年1月5日\n",
             "b.txt": "开展“<i>贷”，累计发放贷款 4 亿元。\n\n2023年3月5日\n"}
    corpus = Corpus(tuple(Letter.from_source(Source.from_bytes(p, t.encode())) for p, t in texts.items()))
    html = ledger_html.page(build_ledger(corpus), (), corpus, "en")
    assert "<i>" not in html and "<b>" not in html and "&lt;i&gt;" in html
    assert html.count("<svg") == 1
