"""List, sum and formula claims, and the count and sum rules, on text written every which way."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replylint.engine import run_rules
from replylint.extract.formulas import extract_formulas
from replylint.extract.lists import extract_lists
from replylint.extract.sums import extract_sums
from replylint.letter import parse_structure
from replylint.registry import all_rules
from replylint.source import Source
from replylint.testing import corpus_of

EXTRACTORS = (extract_lists, extract_sums, extract_formulas)


def claims(extractor, text: str) -> list:
    source = Source(path="letter.txt", text=text)
    return list(extractor(source, parse_structure(source)))


def findings(code: str, text: str) -> list:
    return run_rules(corpus_of([("letter.txt", text)]), [all_rules()[code]])


# Lists


def test_three_aspects_laid_out_after_a_colon_are_three_items():
    (claim,) = claims(extract_lists, "主要包括以下三个方面：一是强化统筹协调；二是加大资金投入；三是优化公共服务。")
    assert (claim.count, claim.layout, claim.open) == (3, "enumerated", False)
    assert claim.items == ("强化统筹协调", "加大资金投入", "优化公共服务")


def test_items_summed_up_by_a_count_after_them_are_read():
    (claim,) = claims(extract_lists, "（一）简化审批。（二）减免租金。（三）加强培训。共三项措施已全部落实。")
    assert claim.count == 3 and claim.items == ("简化审批", "减免租金", "加强培训")


def test_items_in_paragraphs_of_their_own_are_read_after_the_count():
    text = "重点抓好四项工作：\n一是稳增长。\n二是调结构。\n三是促创新。\n四是惠民生。\n"
    (claim,) = claims(extract_lists, text)
    assert claim.count == 4 and len(claim.items) == 4


def test_open_list_of_companies_keeps_its_items_and_is_open():
    (claim,) = claims(extract_lists, "已推动美的、格力、海尔等 12 家企业建成示范工厂。")
    assert claim.items == ("美的", "格力", "海尔") and claim.open and claim.count == 12


def test_etc_before_a_defining_count_closes_the_list():
    (claim,) = claims(extract_lists, "围绕研发设计、生产制造、经营管理等三大环节开展诊断。")
    assert not claim.open and claim.items == ("研发设计", "生产制造", "经营管理")


def test_last_item_joined_by_a_conjunction_counts_either_way():
    (claim,) = claims(extract_lists, "涵盖电子信息、家用电器及五金制品三大行业。")
    assert claim.items == ("电子信息", "家用电器", "五金制品") and claim.item_counts() == (3, 2)


def test_items_in_title_marks_and_quotes_stay_whole():
    text = "印发《关于研发、生产协同的意见》、“专精特新、小巨人”名录两项文件。"
    (claim,) = claims(extract_lists, text)
    assert claim.items == ("《关于研发、生产协同的意见》", "“专精特新、小巨人”名录")


def test_count_inside_quotes_or_a_range_is_not_a_list_count():
    text = "落实市委、市政府关于打造“十大舰队”的部署，支持A公司、B公司等1-2家企业。"
    assert claims(extract_lists, text) == []


def test_numbers_listed_as_quantities_are_not_items():
    assert claims(extract_lists, "已拥有国家级2个、省级29个、市级86个示范项目。") == []


# Sums


def test_total_with_parts_after_qizhong_names_each_part():
    (claim,) = claims(extract_sums, "共有企业120家，其中大型企业20家、中型企业35家、小型企业65家。")
    assert claim.total == 120 and [p.value for p in claim.parts] == [20, 35, 65]
    assert claim.marker == "其中" and not claim.exhaustive


def test_parts_before_a_heji_total_are_exhaustive_and_scaled():
    (claim,) = claims(extract_sums, "全年培训一线工人8000人、管理人员4000人，合计1.2万人。")
    assert claim.total == 12000 and claim.parts_sum() == 12000 and claim.exhaustive


def test_a_number_that_counts_other_things_is_not_a_part():
    text = "全市共梳理 583 个信息系统，其中 55 个市级单位共梳理 445 个信息系统，24 个镇区共梳理 138 个信息系统。"
    (claim,) = claims(extract_sums, text)
    assert [p.value for p in claim.parts] == [445, 138]


def test_a_change_after_the_parts_is_not_a_part():
    (claim,) = claims(extract_sums, "共有企业120家，其中大型企业20家，比上年增加5家。")
    assert [p.value for p in claim.parts] == [20]


# Formulas


def test_formula_spelt_out_after_baokuo_gives_its_parts():
    (claim,) = claims(extract_formulas, "构建“2+5”发展格局，包括2个核心区和5个产业园。")
    assert claim.parts == (2, 5) and claim.spelt == (2, 5)


def test_formula_with_a_letter_term_is_read_but_not_spelt_out_by_lists():
    (claim,) = claims(extract_formulas, "形成“1+N”政策体系。出台标杆示范、平台赋能两大细则。")
    assert claim.parts == (1, None) and claim.spelt == ()


def test_unquoted_arithmetic_is_not_a_formula():
    assert claims(extract_formulas, "增长 3+2 个百分点。") == []


# Properties

TEXT = st.text(
    alphabet=st.sampled_from(list("、，。；：“”《》（）() 等共其中合计即一二三两九十大类项家个人是所0123456789+万亿元N\n企业A甲")),
    max_size=120,
)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_extractors_never_raise_and_spans_are_exact(text):
    source = Source(path="letter.txt", text=text)
    structure = parse_structure(source)
    for extractor in EXTRACTORS:
        for claim in extractor(source, structure):
            assert source.text[claim.span.start : claim.span.end] == claim.raw


LABELS = st.sampled_from(["高级", "中级", "初级", "一线工人", "管理人员", "技术人员"])
UNITS = st.sampled_from(["人", "家", "个", "项"])


def sum_letter(labels, values, unit, total) -> str:
    parts = "、".join(f"{label}{value}{unit}" for label, value in zip(labels, values))
    return f"本年度完成了{parts}共{total}{unit}的评价。"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(LABELS, st.integers(1, 9999)), min_size=2, max_size=5), UNITS)
def test_parts_that_add_up_are_never_flagged(parts, unit):
    labels, values = zip(*parts)
    assert findings("RL111", sum_letter(labels, values, unit, sum(values))) == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(LABELS, st.integers(1, 9999)), min_size=2, max_size=5), UNITS, st.integers(1, 500), st.booleans())
def test_a_perturbed_total_is_always_flagged(parts, unit, delta, down):
    labels, values = zip(*parts)
    total = sum(values) - delta if down and sum(values) - delta >= max(values) else sum(values) + delta
    (finding,) = findings("RL111", sum_letter(labels, values, unit, total))
    assert finding.locations[0].text == f"{total}{unit}"



def breakdown_letter(labels, values, unit, total) -> str:
    parts = "、".join(f"{label}{value}{unit}" for label, value in zip(labels, values))
    return f"全区共有企业{total}{unit}，其中{parts}。"


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(LABELS, st.integers(1, 9999)), min_size=2, max_size=5), UNITS, st.integers(0, 500))
def test_a_breakdown_after_qizhong_that_fits_its_total_is_never_flagged(parts, unit, slack):
    labels, values = zip(*parts)
    assert findings("RL111", breakdown_letter(labels, values, unit, sum(values) + slack)) == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(LABELS, st.integers(1, 9999)), min_size=2, max_size=5), UNITS, st.integers(1, 500))
def test_a_breakdown_after_qizhong_that_overflows_its_total_is_always_flagged(parts, unit, excess):
    labels, values = zip(*parts)
    total = max(max(values), sum(values) - excess)
    if total == sum(values):
        return
    (finding,) = findings("RL111", breakdown_letter(labels, values, unit, total))
    assert finding.rule == "RL111"


# A letter from another bureau, written unlike the seeds: clean as written, and each slip
# introduced into it gives exactly one finding of the expected rule.

HEALTH_LETTER = (Path(__file__).parent / "data" / "health_bureau_letter.txt").read_text(encoding="utf-8")
COUNT_RULES = ("RL110", "RL111", "RL112", "RL113")
SLIPS = [
    ("312 家", "310 家", "RL111"),
    ("合计 230 名", "合计 231 名", "RL111"),
    ("四项工作", "五项工作", "RL110"),
    ("等 3 个镇街", "等 2 个镇街", "RL110"),
    ("即 1 家牵头", "即 2 家牵头", "RL113"),
    ("三家医院", "两家医院", "RL110"),
    ("以上三项", "以上四项", "RL110"),
    ("“3+2+1”", "“3+3+1”", "RL113"),
    ("四个工作专班", "五个工作专班", "RL110"),
    ("其中线上培训 8000", "其中线上培训 18000", "RL112"),
]


def all_findings(text: str) -> list:
    rules = [all_rules()[code] for code in COUNT_RULES]
    return run_rules(corpus_of([("letter.txt", text)]), rules)


def test_another_bureaus_correct_letter_gives_no_finding():
    assert all_findings(HEALTH_LETTER) == []


@pytest.mark.parametrize(("old", "new", "code"), SLIPS, ids=[s[1] for s in SLIPS])
def test_each_slip_in_another_bureaus_letter_gives_one_finding(old, new, code):
    assert HEALTH_LETTER.count(old) == 1
    (finding,) = all_findings(HEALTH_LETTER.replace(old, new))
    assert finding.rule == code


def test_claims_of_the_seeds_survive_a_json_round_trip():
    from replylint.engine import read_letter

    seeds = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))
    kinds = {"list", "sum", "formula"}
    claims = [c for path in seeds for c in read_letter(str(path)).claims if c.kind in kinds]
    assert {c.kind for c in claims} == kinds
    for claim in claims:
        assert type(claim).model_validate_json(claim.model_dump_json()) == claim
