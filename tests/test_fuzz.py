"""No input breaks replylint: the source map, the parser, every extractor and every rule.

Letters are generated from arbitrary Unicode (control characters, lone surrogates written as
escapes, mixed scripts), from fragments of real letters shuffled together, with very long
lines and very deep numbering.
"""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replylint.engine import run_rules
from replylint.registry import all_rules
from replylint.testing import corpus_of
from tests.conftest import SEEDS

RULES = list(all_rules().values())
FRAGMENTS = sorted({
    piece
    for path in SEEDS.glob("*.txt")
    for line in path.read_text(encoding="utf-8").splitlines()
    for piece in line.split("，")
    if piece
})
MARKERS = ["一、", "（一）", "(二)", "一是", "1.", "〔2023〕", "第", "号", "年", "月", "日", "抄送：", "“", "”", "《", "》",
           "共", "其中", "等", "、", "累计", "截至", "亿元", "万元", "%", "\n", "\n\n", " ", "\u3000", "\r\n", "\\ud800"]

letter_text = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(MARKERS), st.text(max_size=5)), max_size=60).map("".join),
    st.integers(1, 300).map(lambda depth: "".join(f"（{'一' * (depth % 9 + 1)}）第{depth}项，" for _ in range(depth))),
    st.integers(1000, 20000).map(lambda n: "数" * n + "的的" + "1" * 50),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(letter_text, min_size=1, max_size=3))
def test_no_letter_makes_a_rule_extractor_or_the_parser_raise(texts):
    corpus = corpus_of([(f"fuzz{i}.txt", text) for i, text in enumerate(texts)])
    for finding in run_rules(corpus, RULES):
        for loc in finding.locations:
            letter = next(letter for letter in corpus if letter.path == loc.path)
            lines = re.split(r"\r\n|\r|\n", letter.source.text)
            assert 1 <= loc.line <= loc.end_line <= len(lines)
            assert loc.column >= 1
            # The position names the offending text itself, in the original file.
            if loc.line == loc.end_line:
                at = lines[loc.line - 1][loc.column - 1 : loc.end_column - 1]
            else:
                at = "\n".join([lines[loc.line - 1][loc.column - 1 :], *lines[loc.line : loc.end_line - 1],
                                lines[loc.end_line - 1][: loc.end_column - 1]])
            assert at == re.sub(r"\r\n|\r", "\n", loc.text), (finding.rule, loc)


@settings(max_examples=150, deadline=None)
@given(letter_text)
def test_every_claim_span_covers_exactly_its_raw_text(text):
    corpus = corpus_of([("fuzz.txt", text)])
    for letter in corpus:
        for claim in letter.claims:
            assert letter.source.text[claim.span.start : claim.span.end] == claim.raw
