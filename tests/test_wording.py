"""The wording rules (RL302-RL305): their tables, their grammar and their corpus behaviour."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from replylint.checks.missing_measure_word import missing
from replylint.engine import run_rules
from replylint.registry import all_rules
from replylint.tables import TableError, load_tables
from replylint.testing import corpus_of

RULES = all_rules()
MEASURE = load_tables().measure_words


@pytest.mark.parametrize("text", MEASURE.examples.flag)
def test_measure_word_table_flag_examples_are_flagged(text):
    assert list(missing(text, MEASURE))


@pytest.mark.parametrize("text", MEASURE.examples.clean)
def test_measure_word_table_clean_examples_stay_clean(text):
    assert not list(missing(text, MEASURE))


_counted = st.tuples(
    st.integers(min_value=1, max_value=999),
    st.sampled_from("家个项座所批"),
    st.sampled_from(["示范工厂", "示范车间", "标杆项目", "重点企业", "公共平台"]),
)
_joiner = st.sampled_from(["、", "及", "和", "与", "以及", "、 "])


def _listing(items, joiners, space):
    parts = []
    for (number, measure, noun), joiner in zip(items, [*joiners, ""]):
        parts.append(f"{number}{space}{measure}{noun}{joiner}")
    return "认定" + "".join(parts) + "。"


@given(st.lists(_counted, min_size=2, max_size=5), st.lists(_joiner, min_size=4, max_size=4), st.sampled_from(["", " "]))
def test_a_list_whose_items_all_carry_measure_words_stays_clean(items, joiners, space):
    assert not list(missing(_listing(items, joiners, space), MEASURE))


@given(
    st.lists(_counted, min_size=2, max_size=5),
    st.lists(_joiner, min_size=4, max_size=4),
    st.sampled_from(["", " "]),
    st.data(),
)
def test_the_one_list_item_without_its_measure_word_is_flagged_at_its_number(items, joiners, space, data):
    drop = data.draw(st.integers(min_value=0, max_value=len(items) - 1))
    number, _, noun = items[drop]
    items = [*items[:drop], (number, "", noun), *items[drop + 1 :]]
    text = _listing(items, joiners, space)
    found = [count for count, _ in missing(text, MEASURE)]
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == str(number)


@given(st.integers(min_value=1, max_value=1899), st.sampled_from(list(MEASURE.near_homophones)))
def test_a_near_homophone_after_a_count_is_flagged_with_the_measure_word_meant(number, char):
    [(count, meant)] = list(missing(f"共有{number}{char}单位参与。", MEASURE))
    assert count.after == char and meant == MEASURE.near_homophones[char]


@given(st.integers(min_value=1990, max_value=2099), st.integers(min_value=1, max_value=12), st.sampled_from(["", " "]))
def test_jiezhi_before_a_date_is_flagged_and_jiezhi_after_it_is_not(year, month, space):
    table = load_tables().confusables
    assert [e.right for _, _, e in table.matches(f"截止{space}{year}{space}年{month}月，累计完成")] == ["截至"]
    assert not list(table.matches(f"截至{space}{year}{space}年{month}月，累计完成"))
    assert not list(table.matches(f"申报于{year}年{month}月截止"))


def test_a_lexicon_entry_that_fails_its_own_example_refuses_to_load(tmp_path):
    (tmp_path / "confusables.toml").write_text(
        '[[entry]]\nwrong = "其它"\nright = "其他"\nsource = "test"\nflag = ["其他"]\n', encoding="utf-8"
    )
    with pytest.raises(TableError, match="flag example"):
        load_tables((str(tmp_path),))


def test_a_near_homophone_that_is_a_measure_word_refuses_to_load(tmp_path):
    (tmp_path / "measure_words.toml").write_text('[near_homophones]\n"家" = "个"\n', encoding="utf-8")
    with pytest.raises(TableError, match="near_homophones"):
        load_tables((str(tmp_path),))


def test_confusion_pairs_are_symmetric_and_typed():
    confusion = load_tables().confusion
    assert confusion.kind("格", "络") == confusion.kind("络", "格") == "shape"
    assert confusion.kind("法", "发") == "sound"
    assert confusion.kind("省", "市") is None


def test_the_redundant_fix_writes_the_right_text():
    text = "对国土空间开发保护做作出总体安排。"
    [finding] = run_rules(corpus_of([("a.txt", text)]), [RULES["RL303"]])
    [edit] = finding.fix.edits
    assert text[: edit.start] + edit.replacement + text[edit.end :] == "对国土空间开发保护作出总体安排。"


@pytest.mark.parametrize("text", ["持续进行进行调研。", "持续进行进行进行调研。"])
def test_a_doubled_word_fix_keeps_one_copy(text):
    [finding] = run_rules(corpus_of([("a.txt", text)]), [RULES["RL303"]])
    [edit] = finding.fix.edits
    assert text[: edit.start] + edit.replacement + text[edit.end :] == "持续进行调研。"


def test_uncertain_and_disputed_entries_offer_no_fix_and_keep_their_severity():
    findings = run_rules(corpus_of([("a.txt", "诚挚感谢您们。截止2022年，其它单位。")]), [RULES["RL304"]])
    by_text = {f.locations[0].text: f for f in findings}
    assert by_text["您们"].severity == "info" and by_text["您们"].fix is None
    assert by_text["截止"].severity == "error" and by_text["截止"].fix is not None
    assert by_text["其它"].severity == "info"


def test_a_near_variant_gives_one_finding_naming_every_letter_with_the_usual_form():
    letters = [(f"l{i:03d}.txt", "推动经济高质量发展。") for i in range(60)]
    letters.append(("slip.txt", "推动经济高质量法展。"))
    [finding] = run_rules(corpus_of(letters), [RULES["RL305"]])
    assert finding.locations[0].path == "slip.txt" and finding.locations[0].text == "法"
    assert len(finding.locations) == 61
    assert {loc.role for loc in finding.locations[1:]} == {"common"}


def _near_variant_messages(letters):
    return [f.message_en for f in run_rules(corpus_of(letters), [RULES["RL305"]])]


def test_a_paragraph_repeated_in_one_letter_is_not_a_norm_until_another_letter_has_it():
    letters = [("a.txt", "经济高质量发展。\n经济高质量发展。\n经济高质量发展。"), ("b.txt", "经济高质量法展。")]
    assert _near_variant_messages(letters) == []
    [message] = _near_variant_messages([*letters, ("c.txt", "经济高质量发展。")])
    assert "“质量发展” occurs 4 times in a.txt, c.txt" in message


def test_paragraphs_that_differ_only_in_figures_count_as_one_phrase_repeated():
    letters = [(f"{year}.txt", f"{year}年经济高质量发展。") for year in (2023, 2024, 2025)]
    [message] = _near_variant_messages([*letters, ("slip.txt", "经济高质量法展。")])
    assert "occurs 3 times in 2023.txt, 2024.txt, 2025.txt" in message


def test_a_slip_pasted_into_two_letters_is_not_seen_once():
    letters = [(f"l{i}.txt", "经济高质量发展。") for i in range(3)]
    assert _near_variant_messages([*letters, ("d.txt", "经济高质量法展。"), ("e.txt", "经济高质量法展。")]) == []


def test_of_two_forms_equally_common_the_first_seen_is_named():
    letters = [("a.txt", "推进质量发展。推进质量伐展。"), ("b.txt", "推进质量伐展。推进质量发展。"),
               ("c.txt", "推进质量发展。推进质量伐展。"), ("d.txt", "推进质量法展。")]
    [message] = _near_variant_messages(letters)
    assert "while “质量发展” occurs 3 times" in message


def test_each_letter_with_the_usual_form_is_named_once_at_its_first_occurrence():
    letters = [("a.txt", "前言。\n经济高质量发展。\n经济高质量发展。"), ("b.txt", "经济高质量发展。"),
               ("c.txt", "经济高质量法展。")]
    [finding] = run_rules(corpus_of(letters), [RULES["RL305"]])
    assert [(loc.path, loc.line, loc.column, loc.text) for loc in finding.locations] == [
        ("c.txt", 1, 6, "法"), ("a.txt", 2, 4, "质量发展"), ("b.txt", 1, 4, "质量发展")]


def test_a_pair_used_in_a_repeated_paragraph_is_attested():
    letters = [("a.txt", "推动企业向数字化、网格化、智能化方向转型。"),
               ("b.txt", "推动企业向数字化、网络化、智能化方向转型。"),
               ("c.txt", "实现数字化、网络化、智能化发展。全方位数字化网络化智能化转型。")]
    assert len(_near_variant_messages(letters)) == 1
    assert _near_variant_messages([*letters, ("d.txt", "推进网格管理。"), ("e.txt", "推进网格管理。")]) == []
