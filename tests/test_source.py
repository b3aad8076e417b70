"""The source: decoding, the analysis view that rejoins page-broken paragraphs, and its map back."""

import codecs
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from replylint.source import DecodeError, Source, decode

from tests.conftest import SEEDS

# Characters that matter to the view: line breaks of every kind, spaces of every width,
# Chinese punctuation that decides joining, numbering and Markdown markers.
_TRICKY = list("\n\r\n \u3000\t\f\u2028\x85中山实用性。，、；：一二（）()#*-—1234567890年月日局抄送")
_PIECES = ["\r\n", "\n\n", "。\n\n", "一、关于", "（二）", "2023年6月25日", "- 3 -", "**抄送：**"]
TEXTS = st.lists(st.one_of(st.sampled_from(_TRICKY + _PIECES), st.characters())).map("".join)


def naive_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``, counting \\n, \\r\\n and \\r as line breaks.

    The \\r of a \\r\\n pair belongs to the line it ends, like any other character of it.
    """
    line, column = 1, 1
    for index, char in enumerate(text[:offset]):
        if char == "\n" or (char == "\r" and text[index + 1 : index + 2] != "\n"):
            line, column = line + 1, 1
        else:
            column += 1
    return line, column


def seed(name: str) -> Source:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return Source.from_bytes(str(path), path.read_bytes())


@given(TEXTS)
def test_every_view_character_is_the_original_character_it_maps_to(text):
    source = Source(path="x.txt", text=text)
    assert len(source.view) == len(source.view_to_text)
    for index, char in enumerate(source.view):
        if char != "\n":
            assert text[source.view_to_text[index]] == char


@given(TEXTS)
def test_the_view_map_is_strictly_increasing(text):
    mapping = Source(path="x.txt", text=text).view_to_text
    assert all(a < b for a, b in zip(mapping, mapping[1:]))


@given(TEXTS)
def test_the_view_runs_are_the_longest_runs_of_consecutive_offsets_in_the_map(text):
    source = Source(path="x.txt", text=text)
    mapping = source.view_to_text
    starts = [(i, offset) for i, offset in enumerate(mapping) if not i or offset != mapping[i - 1] + 1]
    assert list(source.view_runs) == starts


@given(TEXTS)
def test_a_pickled_source_has_the_same_view_and_map(text):
    import pickle

    source = Source(path="x.txt", text=text)
    back = pickle.loads(pickle.dumps(source))
    assert (back.view, back.view_to_text, back.view_runs) == (source.view, source.view_to_text, source.view_runs)
    assert back == source


@given(TEXTS)
def test_paragraphs_are_the_view_lines_that_hold_text(text):
    source = Source(path="x.txt", text=text)
    for para in source.paragraphs:
        assert source.view[para.start : para.end] == para.text
        assert "\n" not in para.text and para.text.strip()


@given(TEXTS, st.data())
def test_a_span_starts_and_ends_where_positions_put_its_offsets(text, data):
    source = Source(path="x.txt", text=text)
    start = data.draw(st.integers(-2, len(text) + 2))
    end = data.draw(st.integers(start, len(text) + 3))
    span = source.span(start, end)
    assert (span.start, span.end) == (start, end)
    assert (span.line, span.column) == source.position(start)
    assert (span.end_line, span.end_column) == source.position(end)


@given(TEXTS, st.data())
def test_positions_count_lines_and_code_points_like_a_naive_scan(text, data):
    source = Source(path="x.txt", text=text)
    offset = data.draw(st.integers(0, len(text)))
    assert source.position(offset) == naive_position(text, offset)


@given(TEXTS, st.data())
def test_spans_carry_the_positions_of_both_ends(text, data):
    source = Source(path="x.txt", text=text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = source.span(start, end)
    assert (span.line, span.column) == naive_position(text, start)
    assert (span.end_line, span.end_column) == naive_position(text, end)


@given(TEXTS, st.integers(-5, 200), st.integers(-5, 200))
def test_view_span_never_raises_and_stays_inside_the_text(text, start, end):
    source = Source(path="x.txt", text=text)
    span = source.view_span(start, end)
    assert 0 <= span.start <= span.end <= len(text)


@given(TEXTS)
def test_line_returns_the_original_line_without_its_break(text):
    source = Source(path="x.txt", text=text)
    lines = re.split(r"\r\n|\r|\n", text)
    assert [source.line(n) for n in range(1, len(lines) + 1)] == lines
    assert source.line(0) is None and source.line(len(lines) + 1) is None


@pytest.mark.parametrize(
    ("name", "joined", "original"),
    [
        ("000", "实用性", "实\n\n用性"),
        ("001", "中山黑湖网络科技有限公司", "中\n\n山黑湖网络科技有限公司"),
        ("000", "揭榜挂帅", "揭榜\n\n挂帅"),
    ],
)
def test_a_word_cut_by_a_page_break_reads_whole_in_the_view(name, joined, original):
    source = seed(name)
    index = source.view.index(joined)
    span = source.view_span(index, index + len(joined))
    assert source.text[span.start : span.end] == original


@pytest.mark.parametrize(
    ("name", "first", "second"),
    [
        ("000", "一、关于加强政策引导，鼓励企业敢于数字化转型的建议", "吸收采纳该建议。"),
        ("001", "中山市工业和信息化局", "中工信函〔2024〕80号"),
        ("001", "四次会议第2024111号代表建议答复的函", "李翔宇等代表："),
        ("000", "中山市工业和信息化局", "2023年6月25日"),
    ],
)
def test_real_paragraph_boundaries_are_kept(name, first, second):
    texts = [para.text for para in seed(name).paragraphs]
    assert any(a.rstrip("*").endswith(first) and b.startswith(second) for a, b in zip(texts, texts[1:]))


def test_indentation_and_form_feeds_stay_out_of_the_view():
    source = Source(path="x.txt", text="\u3000\u3000一、总体情况\f\n\n\u3000\u3000吸收采纳。\r\n")
    assert [p.text for p in source.paragraphs] == ["一、总体情况", "吸收采纳。"]


def test_a_bare_page_number_between_two_halves_of_a_paragraph_is_dropped():
    source = Source(path="x.txt", text="我们将继续推进，加快\n\n- 3 -\n\n数字化转型。")
    assert [p.text for p in source.paragraphs] == ["我们将继续推进，加快数字化转型。"]


def test_a_running_line_without_a_full_stop_does_not_swallow_the_signature_or_date():
    source = Source(path="x.txt", text="专此答复，感谢支持\n\n中山市工业和信息化局\n\n2023年6月25日")
    assert len(source.paragraphs) == 3


def test_a_document_number_line_with_its_signer_does_not_swallow_the_title():
    source = Source(path="x.txt", text="宁环函〔2023〕88号\u3000\u3000签发人：周建国\n\n南京市生态环境局关于市政协十五届二次会议\n\n第20230412号提案答复的函")
    assert source.paragraphs[0].text == "宁环函〔2023〕88号\u3000\u3000签发人：周建国"


def test_a_signer_line_of_its_own_does_not_swallow_the_title():
    source = Source(path="x.txt", text="宁环函〔2023〕88号\n\n签发人：周建国\n\n南京市生态环境局关于市政协十五届二次会议第1号提案答复的函")
    assert [p.text for p in source.paragraphs][1:] == ["签发人：周建国", "南京市生态环境局关于市政协十五届二次会议第1号提案答复的函"]


def test_a_sentence_citing_a_document_number_still_runs_on_over_a_page_break():
    source = Source(path="x.txt", text="根据《通知》（国发〔2010〕28号），加强\n\n区域合作。")
    assert [p.text for p in source.paragraphs] == ["根据《通知》（国发〔2010〕28号），加强区域合作。"]


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        ("答复的函".encode(), "utf-8", False),
        (codecs.BOM_UTF8 + "答复的函".encode(), "utf-8", True),
        ("答复的函，抄送：市政府办公室".encode("gb18030"), "gb18030", False),
    ],
)
def test_supported_encodings_decode_to_the_same_text(data, encoding, bom):
    text, found, had_bom = decode(data)
    assert text.startswith("答复的函") and found == encoding and had_bom == bom


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", codecs.BOM_UTF8 + b"\xff\xfe\xfd", bytes([0x81, 0x20, 0xff]) * 4],
)
def test_bytes_that_are_not_text_raise_a_one_line_reason(data):
    with pytest.raises(DecodeError) as error:
        decode(data)
    assert str(error.value) and "\n" not in str(error.value)
