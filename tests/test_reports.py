"""The SARIF, GitHub, HTML and statistics outputs, and the language of every output."""

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from replylint.cli import main
from replylint.config import Config
from replylint.engine import lint
from replylint.report import github, html, sarif
from replylint.report import json as json_report

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
CONSISTENCY = '[[rule]]\ncode = "ZS101"\nname = "spelling"\nkind = "consistency"\neither = ["数字经济", "数码经济"]\n'


@pytest.fixture()
def cross_report(tmp_path):
    """Two letters with a cross-letter finding, a doubled character and an unbalanced quote."""
    plugin = tmp_path / "rules.toml"
    plugin.write_text(CONSISTENCY, encoding="utf-8")
    (tmp_path / "甲.txt").write_text("发展数字经济，结合产业的的优势。\n", encoding="utf-8")
    (tmp_path / "乙.txt").write_text("推出“数码经济, 扶持%政策。\n", encoding="utf-8")
    return lint([str(tmp_path)], config=Config(plugins=(str(plugin),)))


def test_sarif_of_the_seeds_is_valid_sarif_2_1_0(seed_report):
    log = sarif.report_dict(seed_report, "en")
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"RL301", "RL401"}
    assert len(run["results"]) == len(seed_report.findings)


def test_sarif_carries_rule_help_regions_related_locations_and_fingerprints(cross_report):
    log = sarif.report_dict(cross_report, "zh")
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert "## What it flags" in rules["RL301"]["help"]["text"]
    assert rules["RL401"]["defaultConfiguration"]["level"] == "error"
    [cross] = [r for r in run["results"] if r["ruleId"] == "ZS101"]
    assert len(cross["relatedLocations"]) == 1
    assert cross["partialFingerprints"]["replylint/v1"]
    [slip] = [r for r in run["results"] if r["ruleId"] == "RL301"]
    region = slip["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (1, 12, 14)
    assert slip["message"]["text"] == "“的的”疑为误重复的字"
    assert run["tool"]["driver"]["rules"][slip["ruleIndex"]]["id"] == "RL301"


def test_github_annotations_have_the_workflow_command_form(seed_report):
    lines = github.render(seed_report, "en").splitlines()
    assert any(
        line.startswith("::error file=")
        and line.endswith(
            "seeds/000_1815a8eff367fdb9.txt,line=39,col=70,endLine=39,endColumn=71,"
            "title=RL401 unbalanced-pair::“”” has no matching mark"
        )
        for line in lines
    )
    for line in lines:
        assert re.match(r"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=\S+ \S+::", line)


def test_github_escapes_percent_newlines_commas_and_colons():
    assert github.escape_data("100%\r\nok") == "100%25%0D%0Aok"
    assert github.escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def test_a_cross_letter_annotation_names_the_other_letters(cross_report):
    [line] = [x for x in github.render(cross_report, "en").splitlines() if "ZS101" in x]
    assert "乙.txt,line=1,col=4," in line and "(see also " in line and "甲.txt:1:3)" in line


def test_html_escapes_letter_text_and_inlines_everything(tmp_path):
    (tmp_path / "evil.txt").write_text(
        "产业的的优势<script>alert(1)</script><img src=x onerror=alert(1)>“未闭合\n", encoding="utf-8"
    )
    page = html.render(lint([str(tmp_path)], config=Config()), "en")
    assert "<script>alert(1)" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<script>") == 1 and "http://" not in page.replace("http-equiv", "")
    assert "<mark>的的</mark>" in page


def test_html_shows_a_cross_letter_finding_side_by_side(cross_report):
    page = html.render(cross_report, "zh")
    row = next(r for r in page.split("<tr ") if 'data-rule="ZS101"' in r)
    assert row.count('<figure class="passage"') == 2
    assert "<mark>数码经济</mark>" in row and "<mark>数字经济</mark>" in row
    assert "检查报告" in page


@pytest.mark.parametrize("fmt", ["table", "json", "sarif", "github", "html"])
def test_every_output_uses_the_chosen_language(fmt, capsys):
    for lang, word in (("zh", "疑为误重复的字"), ("en", "looks like a character typed twice")):
        main([str(SEEDS), "--isolated", "--format", fmt, "--lang", lang, "--no-color"])
        out = capsys.readouterr().out
        assert word in out, (fmt, lang)


def test_statistics_counts_findings_per_rule(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("产业的的优势，完成了了任务，“未闭合\n", encoding="utf-8")
    main([str(tmp_path), "--isolated", "--statistics", "--no-color"])
    lines = [line.split() for line in capsys.readouterr().out.strip().splitlines()]
    assert lines == [["2", "RL301", "doubled-character", "warning"], ["1", "RL401", "unbalanced-pair", "error"]]


def test_json_summary_counts_hidden_findings(seed_report):
    assert json_report.report_dict(seed_report)["summary"]["hidden"] == {"comments": 0, "baseline": 0}


def test_no_progress_output_when_standard_error_is_not_a_terminal():
    done = subprocess.run(
        [sys.executable, "-m", "replylint", "seeds", "--isolated", "--format", "sarif"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
    )
    assert done.stderr == ""
    json.loads(done.stdout)
