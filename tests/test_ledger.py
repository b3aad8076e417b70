"""The ledger: the seeds' figures over time, title spellings, organisation forms; table, CSV, JSON."""

import csv
import io
import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from replylint.cli import main
from replylint.corpus import Corpus, Letter
from replylint.engine import check_corpus, discover, load_corpus
from replylint.ledger import Ledger, build_ledger
from replylint.report import ledger_html
from replylint.report.ledger import render_csv, render_json, render_table
from replylint.source import Source

from conftest import SEEDS


@pytest.fixture(scope="module")
def seed_corpus():
    files, _ = discover([str(SEEDS)])
    return load_corpus(files)[0]


@pytest.fixture(scope="module")
def ledger(seed_corpus):
    findings = check_corpus(seed_corpus, select_codes=ledger_html.FLAGGED_RULES).findings
    return build_ledger(seed_corpus, findings)


def letter(path: str, text: str) -> Letter:
    return Letter.from_source(Source.from_bytes(path, text.encode()))


def loans(ledger: Ledger):
    return next(m for m in ledger.metrics if m.key == "发放贷款|money" and m.topic == "数字贷")


def test_digital_loans_are_listed_across_three_letters_with_dates_and_scopes(ledger):
    metric = loans(ledger)
    rows = [(p.where.path[-24:-21], p.where.date, p.scope.phrase, p.written, p.value) for p in metric.points]
    assert rows == [
        ("000", date(2023, 6, 25), "累计", "1.08亿元", 108_000_000),
        ("003", date(2023, 6, 29), "累计", "5400万元", 54_000_000),
        ("001", date(2024, 7, 8), "2023年累计", "2.91亿元", 291_000_000),
    ]
    assert metric.cumulative and metric.points[2].scope.end == date(2023, 12, 31)


def test_a_total_that_shrinks_carries_the_flag_of_its_finding(ledger):
    flags = {p.written: [(f.rule, f.role) for f in p.flags] for p in loans(ledger).points}
    assert flags == {"1.08亿元": [("RL101", "earlier")], "5400万元": [("RL101", "later")], "2.91亿元": []}


def test_two_spellings_of_one_implementing_rule_are_one_title_with_two_forms(ledger):
    rules = [t for t in ledger.filtered("实施细则").titles]
    variants = [t for t in rules if t.variant]
    assert len(variants) == 1
    entry = variants[0]
    assert entry.title == "中山市产业园区数字化管理与产业集群数字化转型试点资助实施细则"
    assert [f.text for f in entry.forms] == [entry.title, "中山市产业园区与产业集群数字化转型试点资助实施细则"]
    assert [u.where.date for u in entry.forms[1].uses] == [date(2022, 6, 15)]
    assert len(rules) > len(variants), "titles spelt one way are listed too"


def test_a_title_lists_the_docno_letters_cite_it_with(ledger):
    policy = next(t for t in ledger.titles if t.title == "中山市推进制造业数字化智能化转型发展若干政策措施")
    assert policy.docnos == ("中府〔2022〕1号",)


def test_organisation_forms_are_grouped_by_their_key(ledger):
    bureau = next(o for o in ledger.organisations if o.key == "工业和信息化局")
    assert {f.text for f in bureau.forms} == {"市工信局", "中山市工业和信息化局"}


def test_filter_keeps_subjects_that_mention_the_word(ledger):
    found = ledger.filtered("数字贷")
    assert found.metrics and all(m.topic == "数字贷" or "数字贷" in m.label for m in found.metrics)
    assert not found.organisations
    assert ledger.filtered("工信局").organisations[0].key == "工业和信息化局"


def test_date_range_keeps_only_letters_written_in_it(ledger):
    found = ledger.filtered("发放贷款", since=date(2023, 6, 26), until=date(2024, 1, 1))
    assert [p.written for p in loans(found).points] == ["5400万元"]
    assert [ref.date for ref in found.letters] == [date(2023, 6, 29)]


@settings(max_examples=30, deadline=None)
@given(st.dates(date(2022, 1, 1), date(2025, 1, 1)), st.dates(date(2022, 1, 1), date(2025, 1, 1)))
def test_a_date_range_keeps_exactly_the_values_of_letters_dated_in_it(ledger, since, until):
    kept = {(p.where.path, p.where.line, p.where.column) for m in ledger.filtered(None, since, until).metrics for p in m.points}
    expected = {(p.where.path, p.where.line, p.where.column) for m in ledger.metrics for p in m.points
                if since <= p.where.date <= until}
    assert kept == expected


def test_figures_without_a_metric_key_and_proposal_names_stay_out():
    corpus = Corpus((letter("a.txt", "关于加快数字化转型的建议收悉。截至2023年末，累计认定标杆企业 12 家。\n\n2024年1月5日\n"),))
    built = build_ledger(corpus)
    assert [p.written for m in built.metrics for p in m.points] == ["12家"]
    assert not built.titles


def test_terminal_table_fits_80_columns(ledger):
    out = io.StringIO()
    render_table(ledger.filtered("数字贷"), Console(file=out, width=80, no_color=True, highlight=False))
    text = out.getvalue()
    assert max(cell_len(line) for line in text.splitlines()) <= 80
    assert "5400万元 ⚑RL101" in text and "2023年累计" in text


def test_csv_opens_with_a_bom_and_reads_back_chinese(tmp_path):
    out = tmp_path / "ledger.csv"
    assert main(["ledger", str(SEEDS), "--format", "csv", "-o", str(out), "--metric", "数字贷"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    shrunk = next(r for r in rows if r["written"] == "5400万元")
    assert shrunk["topic"] == "数字贷" and shrunk["subject"] == "累计发放贷款" and shrunk["flags"] == "RL101"
    assert shrunk["value"] == "54000000" and shrunk["unit"] == "元" and shrunk["letter_date"] == "2023-06-29"


def test_csv_without_bom_on_request(tmp_path):
    out = tmp_path / "ledger.csv"
    assert main(["ledger", str(SEEDS), "--format", "csv", "--no-bom", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"section,")


def test_json_reads_back_into_the_same_ledger(ledger):
    assert Ledger.model_validate(json.loads(render_json(ledger))) == ledger
    assert render_csv(ledger).count("\r\n") > len(ledger.metrics)


def test_bad_date_is_a_usage_error(capsys):
    assert main(["ledger", str(SEEDS), "--since", "2023/06/01"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_a_path_with_no_letters_is_a_usage_error(tmp_path, capsys):
    assert main(["ledger", str(tmp_path / "missing")]) == 2
    assert "no such file" in capsys.readouterr().err
