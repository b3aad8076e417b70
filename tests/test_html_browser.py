"""End to end: the HTML report opened in headless Chromium shows the findings and runs no letter text."""

import shutil
import subprocess
import tempfile

import pytest

from replylint.config import Config
from replylint.engine import lint
from replylint.report import html

pytestmark = pytest.mark.e2e
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--virtual-time-budget=3000", "--dump-dom",
]
EVIL = (
    "结合产业的的优势<script>document.documentElement.setAttribute('data-pwned','script')</script>"
    "<script>alert(1)</script><img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">\n"
)


def dump_dom(page_path):
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [BROWSER, *FLAGS, f"--user-data-dir={profile}", page_path.as_uri()],
            capture_output=True, text=True, encoding="utf-8", timeout=120,
        )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.skipif(BROWSER is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
def test_html_report_of_the_seeds_shows_the_findings_in_a_browser(seed_report, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(html.render(seed_report, "en"), encoding="utf-8")
    dom = dump_dom(page)
    assert dom.count('<tr class="finding"') == len(seed_report.findings) > 0
    assert f"{len(seed_report.findings)} shown" in dom, "the page's filter script did not run"
    for finding in seed_report.findings:
        assert finding.rule in dom


@pytest.mark.skipif(BROWSER is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
def test_letter_text_with_script_and_onerror_runs_nothing(tmp_path):
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "evil<b>.txt").write_text(EVIL, encoding="utf-8")
    report = lint([str(tmp_path / "letters")], config=Config())
    page = tmp_path / "report.html"
    page.write_text(html.render(report, "en"), encoding="utf-8")
    dom = dump_dom(page)
    assert "1 shown" in dom
    assert "data-pwned" not in dom.replace("setAttribute('data-pwned'", "")
    assert "<img" not in dom and dom.count("<script") == 1 and "<b>" not in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
