"""Event and name claims on sentences written unlike the seeds."""

from replylint.corpus import Letter
from replylint.source import Source


def _claims(text: str, kind: str):
    letter = Letter.from_source(Source(path="t.txt", text=text))
    claims = [c for c in letter.claims if c.kind == kind]
    for claim in claims:
        assert text[claim.span.start : claim.span.end] == claim.raw
    return claims


def test_a_dated_establishment_of_a_quoted_body_is_an_event():
    (event,) = _claims("2021年9月，省商务厅会同有关部门正式组建“外贸稳增长”工作专班，统筹推进。", "event")
    assert event.action == "establish" and event.when.label() == "2021-09"
    assert event.key == "establish:外贸稳增长工作专班"
    assert event.raw.startswith("2021年9月") and event.raw.endswith("工作专班")


def test_this_year_is_resolved_against_the_letters_date():
    (event,) = _claims("今年3月启动“湾区智造”行动。\n\n2024年5月6日\n", "event")
    assert (event.when.year, event.when.month) == (2024, 3)


def test_figures_plans_and_as_of_dates_are_not_events():
    text = "2023年认定12家示范工厂。2024年将成立“产业联盟”。截至2022年底成立“专家团”。2022年以来设立“服务站”。"
    assert _claims(text, "event") == []


def test_an_unquoted_body_needs_a_body_suffix():
    text = "2020年成立市数字经济发展领导小组，2021年成立了工作机制。"
    assert [e.object for e in _claims(text, "event")] == ["市数字经济发展领导小组"]


def test_names_start_at_the_city_or_after_a_boundary_and_end_at_their_suffix():
    text = "经综合佛山市工业和信息化局、市发改局意见，佛山市顺德区科达洁能股份有限公司、佛山市技师学院与市政府办公室对接。"
    names = [c.name for c in _claims(text, "name")]
    assert names == ["佛山市工业和信息化局", "市发改局", "佛山市顺德区科达洁能股份有限公司", "佛山市技师学院", "市政府办公室"]


def test_names_are_not_cut_mid_word_and_running_text_is_not_a_name():
    text = "引导电子科技大学中山学院与企业合作，市镇联合开展宣讲，认定25家市级工业互联网公共技术服务平台，拓展市场监管局职能。"
    names = [c.name for c in _claims(text, "name")]
    assert "中山学院" not in names
    assert not any(n.startswith("市级") or n.startswith("市镇") or n.startswith("场") for n in names)


def test_short_and_full_forms_of_a_bureau_share_a_key():
    text = "中山市工业和信息化局牵头，2022年市工信局组织召开座谈会，市发展改革局与市发改局参加。"
    keys = {c.name: c.key for c in _claims(text, "name")}
    assert keys["中山市工业和信息化局"] == keys["市工信局"] == "工业和信息化局"
    assert keys["市发展改革局"] == keys["市发改局"]


def test_cohandling_and_cc_units_are_names_of_their_origin():
    text = (
        "关于市政协十三届二次会议第132033号提案答复的函\n\n民盟某市委会：\n\n"
        "经综合市财政局、科技局意见，现答复如下：\n\n正文。\n\n抄送：市政府办公室、市政协提案委。\n"
    )
    origins = {c.name: c.origin for c in _claims(text, "name")}
    assert origins["市财政局"] == "cohandler" and origins["科技局"] == "cohandler"
    assert origins["市政府办公室"] == "cc" and origins["市政协提案委"] == "cc"
