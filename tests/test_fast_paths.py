"""The fast paths give what the plain definitions give."""

import json
import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from replylint.extract.names import _boundaries
from replylint.extract.phrases import CLOSING, OPENING, outside_quotes
from replylint.extract.scope import clause_bounds, sentence_bounds
from replylint.report.json import render
from replylint.tables import load_tables
from tests.conftest import ROOT

TEXT = st.text(alphabet=OPENING + CLOSING + "。！？，、；：（）\n中文ab1")


def _depth_flags(text):
    flags, depth = [], 0
    for c in text:
        if c in OPENING or c in CLOSING:
            depth = depth + 1 if c in OPENING else max(0, depth - 1)
            flags.append(False)
        else:
            flags.append(depth == 0)
    return flags


@given(TEXT)
def test_a_character_is_outside_quotes_when_no_quote_or_bracket_is_open(text):
    assert outside_quotes(text) == _depth_flags(text)


@given(TEXT, st.data())
def test_a_sentence_runs_from_the_last_stop_before_a_position_to_the_first_after(text, data):
    pos = data.draw(st.integers(0, len(text)))
    for bounds, stops in ((sentence_bounds, "。！？!?\n"), (clause_bounds, "。！？!?\n；;，,：:（）()、")):
        start, end = bounds(text, pos)
        assert not any(c in stops for c in text[start:end])
        assert start == 0 or text[start - 1] in stops
        assert end == len(text) or text[end] in stops
        assert start <= pos <= end


def test_the_json_report_is_the_text_json_dumps_writes(seed_report):
    from replylint.report.json import report_dict

    text = render(seed_report, "zh")
    assert text == json.dumps(report_dict(seed_report, "zh"), ensure_ascii=False, indent=2) + "\n"


def test_the_json_report_written_a_finding_at_a_time_is_the_text_json_dumps_writes(seed_report):
    import dataclasses

    from replylint.report.json import pieces, report_dict

    odd = seed_report.findings[0].model_copy(update={"message_zh": "第一行\n第二行 \ud800 “引号”", "message_en": "a\nb"})
    for report in (dataclasses.replace(seed_report, findings=()),
                   dataclasses.replace(seed_report, findings=(odd, *seed_report.findings[1:3]))):
        expected = json.dumps(report_dict(report, "zh"), ensure_ascii=False, indent=2) + "\n"
        assert "".join(pieces(report, "zh")) == expected


def test_loading_the_engine_and_the_word_list_imports_neither_jieba_nor_pypinyin():
    code = ("import sys; from replylint import engine, cli; from replylint.lexicon import words; words(); "
            "print(sorted(m for m in ('jieba', 'pypinyin', 'pkg_resources') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


@given(st.text(alphabet="市场中山佛广东省区县经由与，、a1 \n𠀀"))
def test_names_may_start_where_the_plain_boundary_pattern_finds_a_place(text):
    table = load_tables().organisations
    at_start, after_boundary = _boundaries(table.starts_after, table.city_short)
    plain = re.compile(rf"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[{re.escape(table.starts_after)}])){at_start.pattern}")
    fast = ([0] if at_start.match(text) else []) + [m.end() for m in after_boundary.finditer(text)]
    assert fast == [m.start() for m in plain.finditer(text)]
