"""Title claims: titles in 《》, their 文号, standalone 文号 and issuing dates."""

from hypothesis import given
from hypothesis import strategies as st

from replylint.corpus import Letter
from replylint.source import Source


def _titles(text: str):
    letter = Letter.from_source(Source(path="t.txt", text=text))
    claims = [c for c in letter.claims if c.kind == "title"]
    for claim in claims:
        assert text[claim.span.start : claim.span.end] == claim.raw
    return claims


def test_title_with_a_half_width_bracketed_docno_gets_both():
    (claim,) = _titles("依据《佛山市工业企业技术改造三年行动计划实施细则》(佛府办 〔2019〕 7 号)给予资助。")
    assert claim.key == "佛山市工业企业技术改造三年行动计划实施细则"
    assert claim.docno_key == "佛府办〔2019〕7号"
    assert claim.raw.startswith("《") and claim.role == "document"


def test_a_docno_cited_alone_is_a_claim_without_title_but_the_letters_own_number_is_not():
    text = "粤工信函〔2023〕12号\n\n关于省人大代表建议答复的函\n\n根据粤府〔2021〕45号文件精神，结合实际推进工作。\n"
    claims = _titles(text)
    assert [(c.title, c.docno_key) for c in claims] == [(None, "粤府〔2021〕45号")]
    assert claims[0].raw == "粤府〔2021〕45号"


def test_issuing_date_comes_from_the_sentence_and_covers_a_run_of_titles():
    text = "去年11月，省政府办公厅先后印发了《甲方案》、《乙方案》以及《丙方案》。2023年落实《丁办法》。\n\n2024年3月2日\n"
    claims = {c.key: c for c in _titles(text)}
    assert claims["甲方案"].issued.label() == "2023-11"
    assert claims["丙方案"].issued.label() == "2023-11"
    assert claims["丁办法"].issued is None


def test_plans_periods_and_ranges_give_no_issuing_date():
    text = "2021年以来出台《甲办法》；2022-2025年印发《乙办法》；2023年拟出台《丙办法》；截至2022年末发布《丁办法》。"
    assert all(c.issued is None for c in _titles(text))


def test_a_title_cut_by_a_page_break_is_one_title_with_its_original_span():
    text = "为推动转型，我市出台《东莞市推进制造业数字化智能化转型发展若干\n\n政策措施》，成效明显。"
    (claim,) = _titles(text)
    assert claim.key == "东莞市推进制造业数字化智能化转型发展若干政策措施"
    assert "\n\n" in claim.raw


def test_the_name_of_a_proposal_is_marked_as_a_proposal():
    claims = _titles("你们提出的《关于加快建设智慧港口的议案》（议案转建议第2023015号）收悉。引用《港口条例》。")
    assert [c.role for c in claims] == ["proposal", "document"]


@given(
    prefix=st.sampled_from(["中府", "粤工信函", "佛府办", "国办发"]),
    year=st.integers(1990, 2030),
    serial=st.integers(1, 999),
    brackets=st.sampled_from(["〔〕", "[]", "［］", "()", "（）", "【】"]),
    spaces=st.sampled_from(["", " "]),
    ordinal=st.sampled_from(["", "第"]),
)
def test_a_docno_written_in_any_style_gets_one_key(prefix, year, serial, brackets, spaces, ordinal):
    docno = f"{prefix}{spaces}{brackets[0]}{year}{brackets[1]}{spaces}{ordinal}{serial}{spaces}号"
    (claim,) = _titles(f"出台《某某管理办法》（{docno}）。")
    assert claim.docno_key == f"{prefix}〔{year}〕{serial}号"


@given(
    year=st.integers(1995, 2030),
    month=st.one_of(st.none(), st.integers(1, 12)),
    space=st.sampled_from(["", " "]),
    verb=st.sampled_from(["印发", "出台了", "发布", "相继印发", "正式颁布"]),
    subject=st.sampled_from(["", "市政府", "省工信厅于", "，我局"]),
)
def test_an_issuing_date_written_in_any_style_is_read_back(year, month, space, verb, subject):
    when = f"{year}{space}年" + (f"{space}{month}{space}月" if month else "")
    (claim,) = _titles(f"{when}{subject}{verb}《某某管理办法》。")
    assert (claim.issued.year, claim.issued.month) == (year, month)
