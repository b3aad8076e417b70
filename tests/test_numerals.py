"""Chinese and Arabic numerals: parsing one number and scanning running text for quantities."""

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from replylint.numerals import (
    DEFAULT_UNITS,
    Quantity,
    parse_chinese_integer,
    parse_number,
    scan_quantities,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
D = Decimal


def only(text: str, units=DEFAULT_UNITS) -> Quantity:
    """The one quantity in ``text``."""
    found = scan_quantities(text, units)
    assert len(found) == 1, found
    return found[0]


def raws(text: str) -> list[str]:
    return [q.raw for q in scan_quantities(text)]


# --- parse_chinese_integer -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("一百零八", 108), ("两", 2), ("二十三", 23), ("十三", 13), ("〇", 0), ("零", 0),
        ("两千零二十三", 2023), ("一万二千", 12000), ("三亿五千万", 350000000), ("二〇二三", 2023),
        ("一千零一十", 1010), ("十万零一十", 100010), ("一百八十", 180), ("万亿", 10**12),
        ("一千二百三十四万五千六百七十八", 12345678), ("一九九八", 1998),
    ],
)
def test_chinese_numerals_are_read_as_integers(written, value):
    assert parse_chinese_integer(written) == value


@pytest.mark.parametrize(
    "written",
    ["", "一是", "abc", "三四", "一二三", "十四五", "一万二", "一百八", "亿万", "千百", "几十", "3千"],
)
def test_chinese_integer_rejects_what_is_not_one_numeral(written):
    assert parse_chinese_integer(written) is None


# --- parse_number -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("5400", D(5400)), ("1.08", D("1.08")), ("1,208", D(1208)), ("１２３", D(123)),
        ("１２．５", D("12.5")), ("2.66万", D(26600)), ("1.08亿", D(108000000)),
        ("1.08 亿", D(108000000)), ("5400万", D(54000000)), ("0.54亿", D(54000000)),
        ("1亿", D(100000000)), ("1.5万亿", D(1500000000000)), ("3万5千", D(35000)),
        ("3亿4500万", D(345000000)), ("一百零八", D(108)), ("3千", D(3000)),
    ],
)
def test_written_numbers_parse_to_exact_decimals(written, value):
    parsed = parse_number(written)
    assert isinstance(parsed, Decimal)
    assert parsed == value


@pytest.mark.parametrize("written", ["1 208", "12,34", "1,2345", "abc", "", "5%", "约5", "-5", "1.2.3", "几"])
def test_parse_number_rejects_anything_but_one_number(written):
    assert parse_number(written) is None


# --- scan_quantities: forms -------------------------------------------------------------------


def test_space_between_number_scale_and_unit_is_one_quantity():
    text = "累计发放贷款 1.08 亿元，带动"
    q = only(text)
    assert (q.raw, q.value, q.unit, q.scale) == ("1.08 亿元", D(108000000), "元", "亿")
    assert text[q.start:q.end] == q.raw


def test_wan_and_yi_amounts_of_the_same_money_have_equal_values():
    wan, yi = scan_quantities("贷款5400万元，即0.54亿元")
    assert wan.value == yi.value == D(54000000)
    assert (wan.unit, wan.scale, yi.unit, yi.scale) == ("元", "万", "元", "亿")


def test_unit_is_reported_without_its_scale():
    q = only("服务规上工业企业2.66万家次，")
    assert (q.value, q.unit, q.scale) == (D(26600), "家次", "万")


def test_newline_does_not_join_a_number_to_its_unit():
    assert [(q.raw, q.unit) for q in scan_quantities("共 5\n家")] == [("5", None)]


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("整体覆盖率达到 97.5%，", "97.5%", D("97.5"), "%"),
        ("增长４０％。", "４０％", D(40), "%"),
        ("占百分之五十。", "百分之五十", D(50), "%"),
    ],
)
def test_percentages_are_percent_quantities(text, raw, value, unit):
    q = only(text)
    assert (q.raw, q.value, q.unit, q.kind) == (raw, value, unit, "percent")


def test_percentages_listed_with_a_pause_mark_are_separate():
    assert raws("完成省下达目标175.29%、134.29%。") == ["175.29%", "134.29%"]


@pytest.mark.parametrize(
    ("text", "raw", "approx"),
    [
        ("帮助企业减负超0.16亿元，", "超0.16亿元", "超"),
        ("授信额度近 5.39 亿元，", "近 5.39 亿元", "近"),
        ("活动参加企业约 400 家次", "约 400 家次", "约"),
        ("累计为企业提供智能改造方案 4500 余套。", "4500 余套", "余"),
        ("参会企业 6800多家。", "6800多家", "多"),
        ("累计2256多家，", "2256多家", "多"),
        ("与超300家企业签订", "超300家", "超"),
        ("达到50%以上，", "50%以上", "以上"),
        ("约20吨左右", "约20吨左右", "约…左右"),
        ("约3517多家", "约3517多家", "约…多"),
        ("已有十几家企业", "十几家", "几"),
        ("数十家企业", "数十家", "数"),
    ],
)
def test_approximation_words_are_kept_with_the_number(text, raw, approx):
    q = only(text)
    assert (q.raw, q.approx, q.bound) == (raw, approx, None)


def test_many_before_the_scale_multiplies_like_the_scale():
    q = only("投入200多万元")
    assert (q.raw, q.value, q.unit, q.scale, q.approx) == ("200多万元", D(2000000), "元", "万", "多")


@pytest.mark.parametrize(
    ("text", "bound"),
    [("利息最高不超过 40%的比例", "最高不超过"), ("全市至少 50 亿元", "至少"), ("给予最高500万元奖励", "最高")],
)
def test_bound_words_directly_before_the_number_are_bounds(text, bound):
    assert only(text).bound == bound


@pytest.mark.parametrize("text", ["全市至少投入 50 亿元", "评价人数达942人", "覆盖率高达 90%"])
def test_words_that_are_not_directly_before_or_not_bounds_are_ignored(text):
    q = only(text)
    assert (q.bound, q.approx) == (None, None)


@pytest.mark.parametrize("text", ["近两年我市相继出台", "近 3 年", "签约 30 个项目", "最近 3 年"])
def test_words_that_only_look_like_approximations_are_ignored(text):
    q = only(text)
    assert q.approx is None
    assert not q.raw.startswith(("近", "约"))


@pytest.mark.parametrize(
    ("text", "raw", "low", "high", "unit"),
    [
        ("今年 1-3 月共为", "1-3 月", D(1), D(3), "月"),
        ("市财政 2022-2025 年安排", "2022-2025 年", D(2022), D(2025), "年"),
        ("发布《2020-2022年度中山市", "2020-2022年度", D(2020), D(2022), "年度"),
        ("占比10%～20%之间", "10%～20%", D(10), D(20), "%"),
        ("占比10%-20%之间", "10%-20%", D(10), D(20), "%"),
        ("培育和支持 1～2 家掌握", "1～2 家", D(1), D(2), "家"),
        ("认定3至5家", "3至5家", D(3), D(5), "家"),
        ("三至五家", "三至五家", D(3), D(5), "家"),
        ("第1—2", "1—2", D(1), D(2), None),
        ("补贴5-10万元", "5-10万元", D(50000), D(100000), "元"),
        ("补贴5万～10万元", "5万～10万元", D(50000), D(100000), "元"),
    ],
)
def test_ranges_have_a_low_and_a_high_end(text, raw, low, high, unit):
    q = only(text)
    assert (q.raw, q.value, q.high, q.unit, q.kind) == (raw, low, high, unit, "range")


@pytest.mark.parametrize("text", ["电话：0760-88308273）", "日期 2023-06-25 前", "GB/T 15835-2011"])
def test_hyphenated_identifiers_are_not_quantities(text):
    assert scan_quantities(text) == []


def test_a_clause_dash_between_numbers_is_not_a_range():
    assert [q.kind for q in scan_quantities("共1——2")] == ["number", "number"]


def test_ratios_keep_all_their_terms():
    for text in ("国家、省级、市级1:1:1的财政资金", "按1：1：1配套"):
        q = only(text)
        assert (q.kind, q.value, q.terms) == ("ratio", D(1), (D(1), D(1), D(1)))


@pytest.mark.parametrize("text", ["重点培育“4+6+4”产业集群", "形成“1+3”办学体系", "组建了“1+1+N”的产业"])
def test_formulas_are_left_to_the_formula_parser(text):
    assert scan_quantities(text) == []


@pytest.mark.parametrize("text", ["累计建成 5G 基站", "5G/6G 技术", "4K 超高清", "V1.0 版本", "第 1.2.3 节"])
def test_digits_inside_technical_names_are_not_quantities(text):
    assert scan_quantities(text) == []


def test_per_ten_thousand_people_is_not_a_quantity_but_the_rate_is():
    assert raws("每万人拥有 5G 基站数 18.7 座，") == ["18.7 座"]


@pytest.mark.parametrize(
    "text",
    [
        "一是对特聘人才", "二是对青年", "一些企业", "一批数字化", "招投融一体化", "统一部署", "一站式服务",
        "“一对一”的专项咨询", "建设一企一台账", "全省排名第四", "“十大舰队”", "百企攻坚", "十分认可",
        "“十四五”规划", "市政协十三届二次会议", "三级联动", "六税两费", "三四个", "精密零部件", "千万不能", "万一",
    ],
)
def test_chinese_numerals_inside_words_are_not_quantities(text):
    assert scan_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit"),
    [
        ("对在我市全职工作的两类人才给予支持", "两类", D(2), "类"),
        ("拓展人才培养渠道等九大主要任务", "九大", D(9), "大"),
        ("联合三大运营商", "三大", D(3), "大"),
        ("《新时代人才高质量发展二十三条》", "二十三条", D(23), "条"),
        ("品牌位列二十名内", "二十名", D(20), "名"),
        ("共三亿五千万元", "三亿五千万元", D(350000000), "元"),
        ("二〇二三年", "二〇二三年", D(2023), "年"),
    ],
)
def test_chinese_numerals_with_a_measure_word_are_counts(text, raw, value, unit):
    q = only(text)
    assert (q.raw, q.value, q.unit, q.numeral) == (raw, value, unit, "chinese")


def test_arabic_digits_with_shi_bai_qian_are_read_and_marked_mixed():
    q = only("共3千人")
    assert (q.value, q.unit, q.numeral) == (D(3000), "人", "mixed")
    assert only("共3亿4500万元").numeral == "arabic"


def test_a_unit_beginning_with_qian_is_not_a_thousand():
    q = only("全长5千米")
    assert (q.value, q.unit) == (D(5), "千米")


def test_a_date_gives_year_month_and_day():
    found = scan_quantities("2023年6月25日")
    assert [(q.value, q.unit, q.kind) for q in found] == [
        (D(2023), "年", "number"), (D(6), "月", "number"), (D(25), "日", "number")
    ]


def test_numbers_in_a_document_number_are_ordinary_numbers():
    assert [(q.raw, q.unit) for q in scan_quantities("中工信函〔2023〕59号")] == [("2023", None), ("59", None)]


def test_thousands_separators_and_full_width_digits_are_read():
    assert only("岗位 1,208 个").value == D(1208)
    assert only("共１２３家").value == D(123)


def test_the_caller_units_replace_the_defaults_and_may_carry_a_scale():
    found = scan_quantities("提供 4500 余套，5 家", ["套"])
    assert [(q.raw, q.unit) for q in found] == [("4500 余套", "套"), ("5", None)]
    q = only("归集数据量 90.12 亿条", ["亿条"])
    assert (q.value, q.unit, q.scale) == (D(9012000000), "条", "亿")
    assert only("增长 8%", []).unit == "%"


def test_seed_letters_are_scanned_with_exact_spans():
    text = (SEEDS / "000_1815a8eff367fdb9.txt").read_text(encoding="utf-8")
    found = scan_quantities(text)
    assert all(text[q.start:q.end] == q.raw for q in found)
    raw = [q.raw for q in found]
    assert {"1.08 亿元", "超 0.16 亿元", "4500 余套", "2022-2025 年", "最高不超过 40%", "两类"} <= set(raw)
    assert not any("G" in r or "+" in r for r in raw)


# --- hypothesis ------------------------------------------------------------------------------

CN_DIGITS = "零一二三四五六七八九"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def chinese(n: int) -> str:
    """Standard Chinese numeral for 0 <= n < 10**8 (一千零一十, 十万零三)."""

    def group(g: int) -> str:
        out, gap = "", False
        for magnitude, mark in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = g // magnitude % 10
            if digit:
                out += ("零" if gap else "") + CN_DIGITS[digit] + mark
                gap = False
            elif out:
                gap = True
        return out

    if n == 0:
        return "零"
    high, low = divmod(n, 10**4)
    written = group(high) + "万" if high else ""
    if low:
        written += ("零" if high and low < 1000 else "") + group(low)
    return written[1:] if written.startswith("一十") else written


def scaled(value: Decimal, exponent: int, mark: str) -> str:
    return format(value.scaleb(-exponent).normalize(), "f") + mark


amounts = st.one_of(
    st.integers(min_value=0, max_value=10**12).map(Decimal),
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
)
writers = {
    "plain": lambda v: format(v, "f"),
    "thousands": lambda v: format(v, ","),
    "full width": lambda v: format(v, "f").translate(FULL_WIDTH),
    "wan": lambda v: scaled(v, 4, "万"),
    "yi": lambda v: scaled(v, 8, "亿"),
}


@given(amounts, st.sampled_from(sorted(writers)))
def test_written_amounts_parse_and_scan_back_to_their_value(value, style):
    written = writers[style](value)
    assert parse_number(written) == value
    q = only(f"共{written}元")
    assert (q.raw, q.value, q.unit) == (f"{written}元", value, "元")


def test_scaled_writer_gives_the_usual_forms():
    assert scaled(D(54000000), 4, "万") == "5400万"
    assert scaled(D(54000000), 8, "亿") == "0.54亿"


@given(st.integers(min_value=0, max_value=10**8 - 1))
def test_chinese_numerals_round_trip(n):
    written = chinese(n)
    assert parse_chinese_integer(written) == n
    assert parse_number(written) == n


@given(st.integers(min_value=2, max_value=10**8 - 1))
def test_chinese_amounts_scan_back_to_their_value(n):
    written = chinese(n)
    q = only(f"共{written}元")
    assert (q.raw, q.value, q.unit, q.numeral) == (f"{written}元", n, "元", "chinese")


def test_a_lone_yi_is_never_a_count():
    assert scan_quantities("共一元，一批，一个") == []
    assert only("两个").value == 2


@given(
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from(["-", "～", "—", "至", "－"]),
    st.sampled_from(["", " "]),
)
def test_year_ranges_round_trip(a, b, dash, space):
    low, high = sorted((a, b))
    q = only(f"于{low}{space}{dash}{space}{high} 年完成")
    written = f"{low}{space}{dash}{space}{high} 年"
    assert (q.raw, q.value, q.high, q.unit, q.kind) == (written, low, high, "年", "range")


FRAGMENTS = st.sampled_from(
    [
        "〔", "〕", "、", "%", "％", "万", "亿", "千", "百", "十", "几", "两", "一", "二", "〇", "零", "第",
        "1", "0", "9", "１", ".", "．", ",", ":", "：", "-", "－", "—", "～", "至", "到", "+", "G",
        "多", "余", "约", "近", "超", "至少", "最高不超过", "左右", "以上", "上下", "百分之", "数",
        " ", "\u3000", "\n", "家", "元", "年", "次", "会议", "大", "“", "万元", "亿元",
    ]
)
texts = st.one_of(st.text(), st.lists(st.one_of(FRAGMENTS, st.text(max_size=2)), max_size=40).map("".join))


def assert_well_formed(text: str, found: list[Quantity]) -> None:
    end = 0
    for q in found:
        assert end <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.raw
        assert isinstance(q.value, Decimal)
        assert q.kind in ("number", "percent", "ratio", "range")
        assert q.numeral in ("arabic", "chinese", "mixed")
        end = q.end


@given(texts)
def test_scanning_never_raises_and_spans_are_exact(text):
    assert_well_formed(text, scan_quantities(text))


@given(texts, st.lists(st.one_of(FRAGMENTS, st.text(max_size=3)), max_size=6))
def test_scanning_with_any_unit_list_never_raises(text, units):
    assert_well_formed(text, scan_quantities(text, units))


@given(st.text())
def test_parsing_arbitrary_text_never_raises(text):
    parse_number(text)
    parse_chinese_integer(text)
