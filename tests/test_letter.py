"""The letter parser: every structural field, from the seeds and from letters laid out differently."""

import json
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replylint.cli import main
from replylint.letter import Structure, parse_date, parse_structure
from replylint.models import Model
from replylint.ordinals import chinese_ordinal
from replylint.source import Source

from tests.conftest import SEEDS


def parse(text: str) -> Structure:
    return parse_structure(Source(path="x.txt", text=text))


def seed(name: str) -> Structure:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return parse_structure(Source.from_bytes(str(path), path.read_bytes()))


def texts(fields) -> list[str]:
    return [f.text for f in fields]


def test_parse_command_prints_the_fields_of_letter_001(capsys):
    assert main(["parse", str(next(SEEDS.glob("001_*.txt")))]) == 0
    parsed = json.loads(capsys.readouterr().out)
    assert parsed["docno"]["text"] == "中工信函〔2024〕80号"
    assert parsed["date"]["value"] == "2024-07-08"
    assert parsed["proposal"]["number"] == "2024111"
    [contact] = parsed["contacts"]
    assert contact["names"] == ["江莹", "李金吉"]
    assert [p["text"] for p in contact["phones"]] == ["0760-88308273"]
    assert [u["text"] for u in parsed["cc"]] == ["市人大常委会选联工委", "市政府办公室", "市财政局", "市人力资源和社会保障局"]


@pytest.mark.parametrize(
    ("name", "docno", "body", "session", "kind", "number", "addressee"),
    [
        ("000", "中工信函〔2023〕59号", "政协", "十三届二次会议", "提案", "132033", "民盟中山市委会："),
        ("001", "中工信函〔2024〕80号", "人大", "十六届人大四次会议", "建议", "2024111", "李翔宇等代表："),
        ("002", "中工信函〔2022〕51号", "政协", "十三届一次会议", "提案", "131412", "莫丽（等）委员："),
        ("003", "中工信函〔2023〕75号", "政协", "十三届二次会议", "提案", "132017", "民建中山市委会，李丽娟（等）委员："),
        ("004", "中工信函〔2022〕31号", "人大", "十六届人大一次会议", "议案转建议", "2022067", "杨涛（等）代表："),
    ],
)
def test_the_header_of_every_seed_is_read(name, docno, body, session, kind, number, addressee):
    letter = seed(name)
    assert letter.classification.text == "(A类)"
    assert letter.organ.text == "中山市工业和信息化局"
    assert letter.docno.text == docno
    assert letter.title.text.endswith("答复的函")
    proposal = letter.proposal
    assert (proposal.body, proposal.session, proposal.kind, proposal.number) == (body, session, kind, number)
    assert letter.addressee.text == addressee


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_the_tail_of_every_seed_is_read_without_markdown(name):
    letter = seed(name)
    assert letter.closing.text.startswith("专此答复")
    assert letter.signature.text == "中山市工业和信息化局"
    assert letter.publication.text == "主动公开"
    assert letter.cc and all("*" not in unit.text and unit.text for unit in letter.cc)
    assert letter.contacts and all(c.names and c.phones for c in letter.contacts)
    assert letter.cohandlers and letter.sections


def test_the_seeds_cite_the_proposal_they_answer_in_the_acknowledgement():
    assert [(c.kind, c.number) for c in seed("002").citations] == [("提案", "131412")]
    assert [(c.kind, c.number) for c in seed("001").citations] == [("建议", "2024111")]
    assert seed("000").citations == ()


def test_co_handling_units_are_read_without_the_trailing_et_cetera():
    assert texts(seed("001").cohandlers) == ["市财政局", "人力资源和社会保障局"]
    assert texts(seed("004").cohandlers) == ["市发展改革局", "商务局", "财政局", "税务局", "沙溪镇", "大涌镇"]


def test_co_handling_units_joined_by_he_or_counted_are_read_one_by_one():
    letter = parse("经综合市财政局和市税务局、教育和体育局等3个单位意见，现答复如下：")
    assert texts(letter.cohandlers) == ["市财政局", "市税务局", "教育和体育局"]


def test_sections_are_read_at_every_level():
    sections = seed("003").sections
    assert [(s.level, s.ordinal) for s in sections[:5]] == [(1, 1), (2, 1), (3, 1), (3, 2), (3, 3)]
    assert sections[0].title == "政策服务，引导助力走专精特新道路"
    assert sections[23].title == "数字经济支撑，推动优势传统产业集群转型升级"


def test_a_sentence_after_a_heading_on_its_line_is_not_its_title():
    assert parse("感谢支持。\n\n五、关于强化标杆带动的建议 吸收采纳该建议。").sections[0].title == "关于强化标杆带动的建议"
    assert parse("感谢支持。\n\n一、关于推进 5G 建设。").sections[0].title == "关于推进 5G 建设"


PLAIN = """【B类】
　　中山市科学技术局
　　中科函[2023]第012号
　　关于对市政协十三届二次会议
　　第132100号提案答复的函
　　张三委员:
　　你们提出的《关于加强科技创新的建议》（提案第132100号）收悉。经征求市财政局、市发展和改革局等单位意见，现答复如下：
　　一、总体情况
　　（一）项目进展。一是完成调研；二是出台政策。
　　1. 第一项工作。
　　特此函复。
　　二〇二三年六月二十五日
　　联系人：张三；联系电话：0760-1234567
　　公开方式：依申请公开
　　抄送：市政府办公室，
　　　　　市财政局。
"""


def test_a_plain_letter_with_indentation_and_half_width_brackets_is_read():
    letter = parse(PLAIN)
    assert letter.classification.text == "【B类】"
    assert letter.organ.text == "中山市科学技术局"
    assert (letter.docno.open_bracket, letter.docno.close_bracket, letter.docno.di, letter.docno.serial) == ("[", "]", True, "012")
    assert letter.addressee.text == "张三委员:"
    assert texts(letter.cohandlers) == ["市财政局", "市发展和改革局"]
    assert [(s.level, s.marker) for s in letter.sections] == [(1, "一、"), (2, "（一）"), (3, "一是"), (3, "二是"), (4, "1.")]
    assert letter.closing.text == "特此函复。"
    assert letter.signature is None
    assert letter.publication.text == "依申请公开"


def test_a_title_broken_over_two_lines_is_joined_with_its_proposal():
    letter = parse(PLAIN)
    assert letter.title.text == "关于对市政协十三届二次会议第132100号提案答复的函"
    assert (letter.proposal.body, letter.proposal.term, letter.proposal.meeting, letter.proposal.number) == ("政协", 13, 2, "132100")


def test_a_date_in_chinese_numerals_is_read():
    assert parse(PLAIN).date.value == date(2023, 6, 25)


def test_a_contact_with_semicolon_and_labels_gives_name_and_phone():
    [contact] = parse(PLAIN).contacts
    assert contact.names == ("张三",)
    assert [(p.area, p.local) for p in contact.phones] == [("0760", "1234567")]


def test_a_cc_list_over_two_lines_is_read_whole():
    assert texts(parse(PLAIN).cc) == ["市政府办公室", "市财政局"]


def test_two_people_with_their_own_phones_are_two_contacts():
    letter = parse("专此答复。\n\n（联系人：张三，电话：0760-88308273；李四，手机：13912345678）")
    assert [(c.names, tuple(p.text for p in c.phones)) for c in letter.contacts] == [
        (("张三",), ("0760-88308273",)),
        (("李四",), ("13912345678",)),
    ]


def test_a_markdown_letter_with_bold_labels_and_headings_is_read():
    letter = parse(
        "# 中山市工业和信息化局\n\n---\n\n## 关于市政协十四届二次会议第59号提案答复的函\n\n**王五委员：**\n\n"
        "感谢支持。\n\n### 一、总体情况\n\n**专此答复。**\n\n**2024年3月5日**\n\n**公开方式：**主动公开\n\n**抄送：**市政府办公室。"
    )
    assert letter.organ.text == "中山市工业和信息化局"
    assert letter.docno is None
    assert letter.proposal.number == "59" and letter.proposal.session == "十四届二次会议"
    assert letter.addressee.text == "王五委员："
    assert letter.sections[0].title == "总体情况"
    assert letter.date.value == date(2024, 3, 5)
    assert letter.publication.text == "主动公开"
    assert texts(letter.cc) == ["市政府办公室"]


def test_a_document_number_cited_in_a_first_sentence_is_not_the_letters_own():
    letter = parse("认真落实《国务院关于中西部地区承接产业转移的指导意见》（国发〔2010〕28号），加强我省与沿海地区合作")
    assert letter.docno is None


def test_a_document_number_line_with_its_signer_is_read():
    letter = parse("浙江省农业农村厅\n\n浙农函〔2024〕5号　　签发人：王通林\n\n关于省政协十三届二次会议第215号提案答复的函")
    assert letter.docno.text == "浙农函〔2024〕5号"


def test_a_contact_with_bold_markdown_labels_gives_name_and_phone():
    [contact] = parse("浙江省农业农村厅\n\n2024年3月15日\n\n**联系人：**陈建华\u3000**联系电话：**0571-86757890").contacts
    assert contact.names == ("陈建华",) and [p.text for p in contact.phones] == ["0571-86757890"]


def test_a_signer_on_a_line_of_its_own_is_skipped_and_the_title_read():
    letter = parse("浙江省农业农村厅\n\n浙农函〔2024〕5号\n\n签发人：王通林\n\n关于省政协十三届二次会议第215号提案答复的函\n\n九三学社浙江省委会：")
    assert letter.docno.text == "浙农函〔2024〕5号"
    assert letter.proposal.number == "215" and letter.addressee.text == "九三学社浙江省委会："


def test_a_publication_note_in_brackets_is_read():
    letter = parse("专此答复。\n\n中山市工业和信息化局\n\n2023年6月25日\n\n（此件主动公开）")
    assert letter.publication.text == "主动公开"
    assert letter.signature.text == "中山市工业和信息化局"


def test_a_proposal_number_without_its_di_is_read_but_not_a_document_serial():
    assert parse("关于市十六届人大四次会议2024111号建议答复的函").proposal.number == "2024111"
    assert parse("关于中府〔2023〕123号提案答复的函").proposal is None


def test_a_signature_and_date_on_one_line_are_both_read():
    letter = parse("专此答复。\n\n中山市工业和信息化局　　2023年6月25日\n\n公开方式：主动公开")
    assert letter.signature.text == "中山市工业和信息化局"
    assert (letter.date.text, letter.date.value) == ("2023年6月25日", date(2023, 6, 25))


def test_a_formal_session_name_is_read():
    letter = parse("关于政协第十三届中山市委员会第二次会议第132033号提案答复的函")
    assert (letter.proposal.body, letter.proposal.term, letter.proposal.meeting) == ("政协", 13, 2)


def test_a_letter_with_no_header_and_no_tail_has_empty_fields():
    letter = parse("我市积极推进数字化转型，成效明显。")
    assert letter.docno is letter.title is letter.proposal is letter.date is letter.organ is None
    assert letter.cc == () and letter.contacts == ()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2023年6月25日", date(2023, 6, 25)),
        ("2024 年 7 月 8 日", date(2024, 7, 8)),
        ("二〇二三年六月二十五日", date(2023, 6, 25)),
        ("2023年06月05日", date(2023, 6, 5)),
        ("2023.6.25", date(2023, 6, 25)),
        ("2023-6-25", date(2023, 6, 25)),
        ("2023年2月30日", None),
        ("2023年6月", None),
    ],
)
def test_dates_are_read_in_their_common_forms(text, value):
    assert parse_date(text) == value


@pytest.mark.parametrize(("text", "value"), [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("九十九", 99), ("十十", None), ("二二十", None)])
def test_chinese_ordinals(text, value):
    assert chinese_ordinal(text) == value


# Letter-like text: the markers the parser keys on, shuffled with arbitrary characters.
_FRAGMENTS = [
    "(A类)", "【B类】", "中山市工业和信息化局", "中工信函〔2023〕59号", "中工信函[2023]第012号", "〔", "〕",
    "关于市政协十三届二次会议", "第132033号提案答复的函", "市十六届人大 四次会议第2024111号代表建议答复的函",
    "李翔宇等代表：", "经综合市财政局、人力资源和社会保障局等有关单位意见，", "一、", "（一）", "一是", "1.",
    "年", "月", "日", "2024 年 7 月 8 日", "二〇二三年六月二十五日", "专此答复。", "收悉", "（建议第2024111号）",
    "（联系人及电话：江莹、李金吉，0760-88308273）", "联系人：张三；联系电话：0760-1234567", "公开方式：**主动公开。",
    "抄送：", "**抄送：**市政府办公室、", "## ", "**", "---", "\n", "\n\n", "\r\n", "。", "，", "：", "　",
]
LETTERS = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=4)), max_size=40).map("".join)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(c in chars for c in short)


def _spanned(value):
    """Every (text, span, exact) in a parsed structure: fields, phones, proposal numbers, section titles.

    ``exact`` is false for a section, whose span also covers its marker.
    """
    if isinstance(value, tuple):
        for item in value:
            yield from _spanned(item)
    elif isinstance(value, Model):
        text = getattr(value, "title", None) if hasattr(value, "level") else getattr(value, "text", None)
        if text is not None and getattr(value, "span", None) is not None:
            yield text, value.span, not hasattr(value, "level")
        if getattr(value, "number_span", None) is not None:
            yield f"{value.number}号", value.number_span, False
        for name in type(value).model_fields:
            child = getattr(value, name)
            if isinstance(child, (tuple, Model)) and name not in ("span", "number_span"):
                yield from _spanned(child)


@given(st.text())
def test_the_parser_never_raises_on_arbitrary_text(text):
    parse(text)


@settings(max_examples=300)
@given(LETTERS)
def test_every_field_span_covers_the_field_text_in_the_original(text):
    source = Source(path="x.txt", text=text)
    for field_text, span, exact in _spanned(parse_structure(source)):
        original = _squash(text[span.start : span.end])
        wanted = _squash(field_text)
        assert _is_subsequence(wanted, original), (field_text, text[span.start : span.end])
        if exact and wanted:
            assert original[:1] == wanted[0] and original[-1:] == wanted[-1], (field_text, original)


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_every_field_span_of_the_seeds_covers_the_field_text_exactly(name):
    path = next(SEEDS.glob(f"{name}_*.txt"))
    source = Source.from_bytes(str(path), path.read_bytes())
    for field_text, span, exact in _spanned(parse_structure(source)):
        original = _squash(source.text[span.start : span.end])
        assert original == _squash(field_text) if exact else original.endswith(_squash(field_text)), (field_text, original)
