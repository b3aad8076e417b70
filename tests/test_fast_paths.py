"""The fast paths give what the plain definitions give."""

import json
import re
import subprocess
import sys
from decimal import Decimal, localcontext

from hypothesis import given
from hypothesis import strategies as st

from replylint.extract.names import _boundaries
from replylint.extract.metric import _edge_patterns, _strip
from replylint.extract.phrases import CLAUSE_END, CLOSING, OPENING, clause_start, outside_quotes, split_outside_quotes
from replylint.extract.scope import _patterns, _phrases, clause_bounds, sentence_bounds
from replylint.numerals import _APPROX_BEFORE, _BOUNDS, _QUALIFIER_ENDS, _evaluate, _structured, _tidy, _word_before
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


@given(TEXT, st.data())
def test_a_clause_starts_where_a_walk_back_over_every_character_stops(text, data):
    end = data.draw(st.integers(0, len(text)))
    depth, k = 0, end
    while k > 0:
        c = text[k - 1]
        if c in CLOSING:
            depth += 1
        elif c in OPENING:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and c in CLAUSE_END:
            break
        k -= 1
    assert clause_start(text, end) == k


@given(TEXT)
def test_text_splits_at_the_separators_a_walk_over_every_character_finds_outside_quotes(text):
    pieces, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c in OPENING:
            depth += 1
        elif c in CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0 and c in "、，":
            pieces.append((start, i))
            start = i + 1
    assert split_outside_quotes(text, "、，") == [*pieces, (start, len(text))]


TIME_TEXT = st.lists(st.sampled_from(
    ["2022", "2023", "19", "20", "年", "月", "日", "内", "起", "3", "12", "-", "至", "、", " ", "截至", "截止", "今年",
     "上年", "本年度", "上", "下", "半年", "第", "一", "季度", "以来", "至今", "近", "来", "目前", "首期", "度", "末", "，"]
)).map("".join)


@given(TIME_TEXT)
def test_time_phrases_are_what_searching_each_pattern_through_the_text_finds(text):
    pats = _patterns(load_tables().figures.scope)
    plain = [(kind, m.span(), m.groupdict()) for kind, pattern, _, _ in pats.items
             for m in pattern.finditer(text) if m.end() > m.start()]
    assert [(kind, m.span(), m.groupdict()) for kind, m in _phrases(text, pats)] == plain


@given(st.from_regex(r"[0-9]{1,30}(\.[0-9]{1,8})?", fullmatch=True))
def test_one_arabic_number_has_the_value_and_tidy_form_the_structured_reading_gives(token):
    with localcontext() as ctx:
        ctx.prec = 64
        plain = _structured([token])
    assert _evaluate([token]) == plain  # 0.0 keeps its exponent, 0 does not: the tidy forms agree
    if plain is not None:
        with localcontext() as ctx:
            ctx.prec = 64
            tidy = plain.quantize(Decimal(1)) if plain == plain.to_integral_value() else plain.normalize()
        assert str(_tidy(_evaluate([token]))) == str(tidy)


@given(st.text(alphabet="约近超过不最高至少大签多于足到将接逾 3"))
def test_no_bound_or_approximation_word_ends_before_a_character_that_ends_none_of_them(text):
    for p in range(1, len(text) + 1):
        if text[p - 1] not in _QUALIFIER_ENDS:
            assert _word_before(text, p, 0, _BOUNDS) is None and _word_before(text, p, 0, _APPROX_BEFORE) is None


@given(st.lists(st.sampled_from(["累计", "已", "共", "计划", "至少", "达到", "达", "为", "的", "贷款", "发放", "企业", "家"]))
       .map("".join))
def test_a_stripped_metric_core_has_nothing_more_to_strip(core):
    table = load_tables().figures.metric
    edges = _edge_patterns(table.lead, table.bound, table.trail)
    stripped = _strip(core, edges, table)[0]
    assert _strip(stripped, edges, table) == (stripped, None, False)


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


def test_loading_the_engine_the_word_list_and_the_readings_imports_neither_jieba_nor_pypinyin():
    code = ("import sys; from replylint import engine, cli; from replylint.lexicon import is_word; assert is_word('建设'); "
            "from replylint.variants import sounds_alike; assert sounds_alike('推', '退'); "
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
