"""The jurisdiction a letter speaks for, read from its issuing organ's name."""

import pytest

from replylint.corpus import Letter
from replylint.places import jurisdiction
from replylint.source import Source


@pytest.mark.parametrize(
    ("organ", "place"),
    [
        ("中山市工业和信息化局", "中山市"),
        ("浙江省农业农村厅", "浙江省"),
        ("安吉县交通运输局", "安吉县"),
        ("湖州市安吉县交通运输局", "安吉县"),
        ("武汉市江汉区住房和城乡建设局", "江汉区"),
        ("江汉区住房和城乡建设局", "江汉区"),
        ("广西壮族自治区教育厅", "广西壮族自治区"),
        ("中山市市场监督管理局", "中山市"),
        ("北京市城市管理委员会", "北京市"),
    ],
)
def test_the_innermost_place_an_organ_name_starts_with_is_its_jurisdiction(organ, place):
    assert jurisdiction(organ) == place


@pytest.mark.parametrize("organ", ["市教育局", "国务院办公厅", "", None])
def test_an_organ_without_a_place_name_has_no_jurisdiction(organ):
    assert jurisdiction(organ) is None


def test_a_letter_takes_its_jurisdiction_from_its_signature_when_it_has_no_organ_line():
    text = "关于市政协十三届二次会议第1号提案答复的函\n\n专此答复。\n\n宁波市生态环境局\n\n2023年5月26日"
    assert Letter.from_source(Source(path="x.txt", text=text)).jurisdiction == "宁波市"
