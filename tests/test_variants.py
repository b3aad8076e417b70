"""The variant test and its blocking: variants are found, different documents stay apart."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from replylint.tables import load_tables
from replylint.variants import candidate_pairs, is_variant, variant_groups

TITLE = load_tables().variants.title
NATIONAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecspell" / "policy_titles_national.txt"
WORDS = ["推进", "制造业", "数字化", "智能化", "转型", "发展", "产业", "集群", "园区", "平台", "标杆", "示范",
         "认定", "奖励", "贷款", "贴息", "风险", "补偿", "人才", "服务", "体系", "建设", "工业", "互联网"]
title_bodies = st.lists(st.sampled_from(WORDS), min_size=4, max_size=9).map("".join)


def test_the_four_implementing_rules_of_the_seeds_are_four_documents():
    rules = [
        "中山市制造业企业数字化智能化标杆示范认定与奖励实施细则",
        "中山市工业互联网与数字赋能平台项目认定与奖励实施细则",
        "中山市制造业数字化智能化转型银行贷款贴息与风险补偿实施细则",
        "中山市产业园区数字化管理与产业集群数字化转型试点资助实施细则",
    ]
    assert variant_groups(rules, TITLE) == []
    with_variant = [*rules, "中山市产业园区与产业集群数字化转型试点资助实施细则"]
    assert variant_groups(with_variant, TITLE) == [sorted([rules[3], with_variant[4]])]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("中山市推进制造业数字化智能化转型发展若干政策措施", "中山市促进制造业数字化智能化转型发展若干政策措施"),
        ("国务院关于兰州市城市总体规划的批复", "国务院关于广州市城市总体规划的批复"),
        ("国务院关于山西省土地利用总体规划的批复", "国务院关于陕西省土地利用总体规划的批复"),
        ("2017年第二季度全国政府网站抽查情况通报", "2017年第三季度全国政府网站抽查情况通报"),
        ("国务院关于做好当前粮食工作的通知", "国务院办公厅关于做好当前粮食工作的通知"),
        ("关于加快发展服务业的若干意见", "关于加快发展服务业的若干意见的通知"),
    ],
)
def test_different_documents_are_not_variants(first, second):
    assert not is_variant(first, second, TITLE)


@given(body=title_bodies, cut=st.integers(1, 8))
def test_a_title_with_one_to_three_characters_dropped_inside_is_a_variant(body, cut):
    full = "中山市" + body + "实施细则"
    start = 3 + min(cut, len(body) - 3)
    short = full[:start] + full[start + 2 :]
    assert is_variant(full, short, TITLE) == is_variant(short, full, TITLE)
    if len(full) >= 8 and not set("和与及、等") & {full[start], full[start + 1]}:
        assert is_variant(full, short, TITLE)


@given(bodies=st.lists(title_bodies, min_size=1, max_size=30, unique=True), which=st.integers(0, 29))
def test_blocking_never_loses_a_variant_pair(bodies, which):
    titles = ["中山市" + body + "管理办法" for body in bodies]
    target = titles[which % len(titles)]
    variant = target[:6] + "新型" + target[6:]
    keys = [*titles, variant]
    found = candidate_pairs(keys, TITLE)
    assert (min(target, variant), max(target, variant)) in found
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if is_variant(a, b, TITLE):
                assert (min(a, b), max(a, b)) in found


@pytest.mark.skipif(not NATIONAL.exists(), reason="the shared national titles are not beside the project")
def test_few_national_titles_pass_for_variants_of_each_other():
    titles = {line.strip() for line in NATIONAL.read_text(encoding="utf-8").splitlines() if line.strip()}
    pairs = [(a, b) for a, b in candidate_pairs(titles, TITLE) if is_variant(a, b, TITLE)]
    # Measured: 45 pairs among 5,413 distinct titles, all an inserted qualifier (服务业 / 养老服务业).
    assert len(pairs) <= 50


def test_readings_are_pypinyins_toneless_readings_for_every_cjk_character():
    from pypinyin import Style, pinyin

    from replylint.variants import _readings

    for code in range(0x4E00, 0xA000):
        char = chr(code)
        expected = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
        assert _readings(char) == (tuple(expected[0]) if expected else ()), char
    assert _readings("A") == _readings("，") == ()
    assert set(_readings("绿")) == {"lv", "lu"}


def test_a_readings_table_laid_out_otherwise_is_read_all_the_same(tmp_path, monkeypatch):
    import json

    from replylint import variants
    from replylint.package_files import package_file

    table = json.loads(package_file("pypinyin", "pinyin_dict.json", "").read_text(encoding="utf-8"))
    shuffled = dict(sorted(table.items(), key=lambda item: item[1]))  # one line, keys out of order
    (tmp_path / "pinyin_dict.json").write_text(json.dumps(shuffled, ensure_ascii=False), encoding="utf-8")
    expected = [variants._readings(char) for char in "绿数推退行长乐〇"]
    monkeypatch.setattr(variants, "package_file", lambda package, name, what: tmp_path / name)
    variants._pinyin_text.cache_clear()
    variants._readings.cache_clear()
    try:
        assert [variants._readings(char) for char in "绿数推退行长乐〇"] == expected
    finally:
        variants._pinyin_text.cache_clear()
        variants._readings.cache_clear()
