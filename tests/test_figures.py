"""Figure claims: values, units, metric keys, topics and time scopes, on seeds and on text
written the way other bureaus write."""

import json
import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replylint.corpus import Corpus, Letter
from replylint.engine import read_letter, run_rules
from replylint.extract.figures import Figure
from replylint.registry import all_rules
from replylint.source import Source
from replylint.tables import load_tables

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GOLDEN = Path(__file__).parent / "golden" / "figures.jsonl"
DATED = "\n\n2023年6月25日\n"


def figures(text: str, dated: str = DATED) -> list[Figure]:
    letter = Letter.from_source(Source(path="t.txt", text=text + dated))
    return [c for c in letter.claims if c.kind == "figure"]


def one(text: str, dated: str = DATED) -> Figure:
    found = figures(text, dated)
    assert len(found) == 1, [f.raw for f in found]
    return found[0]


def seed_figure(name: str, raw: str) -> tuple[Letter, Figure]:
    letter = read_letter(str(next(p for p in SEEDS if p.name.startswith(name))))
    return letter, next(c for c in letter.claims if c.kind == "figure" and c.raw == raw)


def test_seed_loan_totals_share_metric_key_and_topic():
    a_letter, a = seed_figure("000", "1.08 亿元")
    b_letter, b = seed_figure("003", "5400万元")
    assert (a.value, b.value) == (Decimal(108000000), Decimal(54000000))
    assert a.metric_key == b.metric_key and a.topic == b.topic == "数字贷"
    assert a.scope.cumulative and b.scope.cumulative
    assert (a_letter.date, b_letter.date) == (date(2023, 6, 25), date(2023, 6, 29))


def test_loan_total_written_by_another_bureau_matches_the_seed_key():
    _, seed = seed_figure("000", "1.08 亿元")
    fig = one("我市开展“数字贷”贴息。截至2023年底，全市累计发放数字贷贷款3.2亿元。")
    assert fig.value == Decimal(320000000) and fig.unit == "元"
    assert (fig.metric_key, fig.topic) == (seed.metric_key, seed.topic)
    assert fig.scope.kind == "as_of" and fig.scope.end == date(2023, 12, 31) and fig.scope.cumulative


def test_months_of_this_year_resolve_against_the_letter_date():
    fig = one("今年1—5月，共办理贷款120笔。")
    assert (fig.value, fig.unit) == (Decimal(120), "笔")
    assert fig.scope.kind == "relative"
    assert (fig.scope.start, fig.scope.end) == (date(2023, 1, 1), date(2023, 5, 31))


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("2023年上半年，新增备案企业45家。", "period", date(2023, 1, 1), date(2023, 6, 25)),
        ("2022年下半年，新增备案企业45家。", "period", date(2022, 7, 1), date(2022, 12, 31)),
        ("去年全市共认定示范车间 15 个。", "relative", date(2022, 1, 1), date(2022, 12, 31)),
        ("截至目前，已建成充电桩 1,200 个。", "relative", None, date(2023, 6, 25)),
        ("截止 2022 年，累计建成 5G 基站 8274 座。", "as_of", None, date(2022, 12, 31)),
        ("2023 年 1-3 月共为 125 家企业办理贷款。", "period", date(2023, 1, 1), date(2023, 3, 31)),
        ("二〇二二年以后的事不算；2022年，全市补助企业777家。", "year", date(2022, 1, 1), date(2022, 12, 31)),
        ("今年以来，走访企业 300 家。", "relative", date(2023, 1, 1), date(2023, 6, 25)),
        ("2024年第一季度，培训人员 80 名。", "period", date(2024, 1, 1), date(2024, 3, 31)),
        ("截至5月底，累计发放贷款 3 亿元。", "as_of", None, date(2023, 5, 31)),
        ("截至11月底，累计发放贷款 3 亿元。", "as_of", None, date(2022, 11, 30)),
    ],
)
def test_time_scopes_are_resolved(text, kind, start, end):
    fig = figures(text)[-1]
    assert (fig.scope.kind, fig.scope.start, fig.scope.end) == (kind, start, end)


def test_a_year_of_the_letter_is_counted_up_to_the_letter_date():
    fig = one("2023年，认定示范工厂10家。")
    assert fig.scope.end == date(2023, 6, 25)


def test_running_total_in_brackets_does_not_take_the_sentence_period():
    first, second = figures("今年以来，为企业提供 460 家次现场服务（累计 5100 家次）。")
    assert first.scope.kind == "relative" and not first.scope.cumulative
    assert second.scope.kind == "cumulative" and second.metric_key == first.metric_key


def test_plan_bound_and_period_of_a_five_year_commitment():
    fig = one("中山市计划 2022 年起 5 年内全市至少投入 50 亿元用于支持企业转型。")
    assert fig.bound == "至少" and fig.planned
    assert (fig.scope.start, fig.scope.end) == (date(2022, 1, 1), date(2026, 12, 31))


def test_a_bound_word_after_the_figure_is_not_its_bound():
    share, distance = figures("每个城市都有约10%的人假期出行半径“不超过家周边1公里的距离”。")
    assert (share.approx, share.bound) == ("约", None)
    assert one("单个项目资助金额最高不超过 500 万元。").bound == "最高不超过"


def test_figures_after_qizhong_are_parts():
    whole, *parts = figures("全市共梳理 583 个信息系统，其中 55 个市级单位共梳理 445 个信息系统。")
    assert not whole.part and all(p.part for p in parts)


def test_two_figures_in_one_clause_share_the_verb_between_them():
    banks, products = figures("联合 11 家银行发布 16 个金融产品。")
    assert banks.metric == "联合银行发布" and products.metric == "发布金融产品"


def test_counts_of_firms_helped_to_different_things_do_not_share_a_key():
    subsidy, award = figures("2023年，帮助 37 家企业获得贷款贴息 921 万元。2023年，帮助 11 家企业获得奖补资金 1100 万元。")[::2]
    assert subsidy.metric_key != award.metric_key


def test_growth_rates_are_keyed_with_the_figure_they_compare():
    firms, growth, certified, total, total_growth = figures(
        "2022 年全市科技型中小企业入库 2701 家，比上年增长 8%；通过高企认定 1025 家，高企总量为 2630 家，比上年增长 14.6%。"
    )
    assert growth.metric_key != total_growth.metric_key
    assert growth.metric_key.startswith(firms.metric_key.split("|")[0])


def test_values_listed_under_one_phrase_are_not_comparable():
    first, second = figures("提前完成省下达目标175.29%、134.29%。")
    assert first.metric_key is None and second.metric_key is None


def test_letters_repeating_one_enumeration_do_not_conflict():
    text = "2022年，完成省下达目标175.29%、134.29%，比上年增长 8%；高企总量为 2630 家，比上年增长 14.6%。\n\n{}\n"
    corpus = Corpus(tuple(
        Letter.from_source(Source(path=f"{i}.txt", text=text.format(day)))
        for i, day in enumerate(("2023年6月29日", "2024年1月3日"))
    ))
    assert run_rules(corpus, [RULES["RL102"]]) == []


def test_percent_range_is_one_figure():
    fig = one("贴息比例为10%～20%。")
    assert (fig.value, fig.high, fig.unit) == (Decimal(10), Decimal(20), "%")


@pytest.mark.parametrize(
    "text",
    [
        "中工信函〔2023〕59号",
        "关于市政协十三届二次会议第132033号提案答复的函",
        "（联系人及电话：江莹，0760-88308273）",
        "重点培育“4+6+4”产业集群。",
        "加快 5G 网络建设。",
        "2021年12月我市正式成立指挥部。",
        "推出《中山市新时代人才高质量发展二十三条》。",
        "总量位居全省第 6，位列全国前三名。",
        "提出九大主要任务。",
    ],
)
def test_numbers_that_are_not_figures_are_skipped(text):
    assert figures(text) == []


def test_money_and_counts_never_share_a_key():
    firms = one("为 11 家企业授信。")
    money = one("授信 11 亿元。")
    assert firms.metric_key != money.metric_key


@pytest.mark.parametrize("example", load_tables().figures.examples, ids=str)
def test_table_examples_hold(example):
    pair = example.same or example.differ
    a, b = (figures(text + "。")[-1] for text in pair)
    assert (a.metric_key == b.metric_key) == (example.same is not None), (a.metric_key, b.metric_key)


_ALPHABET = st.sampled_from(
    list("0123456789０１.,，。；：、（）()“”《》-—～%年月日万亿元家个项人次约近超多余累计截至目前今年去年其中第号")
    + [" ", "\n", "\n\n", "2023年", "1.08 亿元", "5400万元", "（累计", "今年以来，"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_figure_spans_are_exact_on_any_text(text):
    letter = Letter.from_source(Source(path="t.txt", text=text))
    for claim in letter.claims:
        assert letter.source.text[claim.span.start : claim.span.end] == claim.raw


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_extraction_never_raises_on_arbitrary_text(text):
    for fig in figures(text, dated=""):
        assert fig.raw.strip()


def test_figures_survive_a_json_round_trip():
    _, fig = seed_figure("000", "1.08 亿元")
    assert Figure.model_validate_json(fig.model_dump_json()) == fig


def _report_line(letter: Letter, fig: Figure) -> dict:
    data = fig.model_dump(mode="json", exclude={"span", "kind"})
    return {"path": Path(letter.path).name, "line": fig.span.line, "column": fig.span.column, **data}


def test_seed_figures_match_the_reviewed_golden_file():
    lines = [
        json.dumps(_report_line(letter, c), ensure_ascii=False, sort_keys=True)
        for letter in map(read_letter, map(str, SEEDS))
        for c in letter.claims
        if c.kind == "figure"
    ]
    if os.environ.get("REPLYLINT_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert GOLDEN.read_text(encoding="utf-8").splitlines() == lines


RULES = all_rules()
FIGURE_RULES = [RULES[code] for code in ("RL101", "RL102", "RL103", "RL104")]


@pytest.fixture(scope="module")
def seed_findings():
    corpus = Corpus(tuple(read_letter(str(p)) for p in SEEDS))
    return run_rules(corpus, FIGURE_RULES)


def test_seed_loan_total_decrease_is_reported_once_with_both_letters(seed_findings):
    found = [f for f in seed_findings if f.rule == "RL101"]
    assert len(found) == 1
    texts = [(Path(loc.path).name[:3], loc.text, loc.role) for loc in found[0].locations]
    assert texts == [("000", "1.08 亿元", "earlier"), ("003", "5400万元", "later")]
    assert "2023-06-25" in found[0].message_en and "2023-06-29" in found[0].message_en


def test_seed_figures_that_agree_or_grow_are_not_flagged(seed_findings):
    flagged = {loc.text for f in seed_findings if f.rule in ("RL101", "RL102") for loc in f.locations}
    for text in ("50亿元", "50 亿元", "11 家", "11家", "16 个", "16个", "10家", "10 家", "135 家", "207 家", "2.91 亿元"):
        assert text not in flagged
    assert not [f for f in seed_findings if f.rule == "RL102"]


def _loan_letter(i: int, value: str, day: int) -> Letter:
    text = f"完成“数字贷”项目审核，截至2023年6月{day}日，累计发放贷款{value}。\n\n2023年7月{day}日\n"
    return Letter.from_source(Source(path=f"l{i:03}.txt", text=text))


def test_two_hundred_letters_on_each_side_give_one_finding():
    letters = [_loan_letter(i, "1.08亿元", 1) for i in range(200)]
    letters += [_loan_letter(200 + i, "5400万元", 20) for i in range(200)]
    findings = run_rules(Corpus(tuple(letters)), [RULES["RL101"]])
    assert len(findings) == 1 and len(findings[0].locations) == 400


def test_two_hundred_letters_disagreeing_on_one_date_give_one_conflict():
    letters = [_loan_letter(i, "1.08亿元", 1) for i in range(200)]
    letters += [_loan_letter(200 + i, "5400万元", 1) for i in range(200)]
    findings = run_rules(Corpus(tuple(letters)), [RULES["RL102"]])
    assert len(findings) == 1 and len(findings[0].locations) == 400
