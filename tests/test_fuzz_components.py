"""Each component alone on hostile input: decoding, the source map, the parser, each extractor, each rule.

``test_fuzz.py`` runs the whole pipeline on generated corpora; these tests run one component
at a time, so that a crash names its component and each gets its own share of examples.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replylint.engine import run_rules
from replylint.extract import EXTRACTORS
from replylint.letter import parse_structure
from replylint.registry import all_rules
from replylint.source import DecodeError, Source
from replylint.testing import corpus_of
from tests.test_fuzz import letter_text

EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Real lone surrogates too: a str built in Python (an API user's) can hold them, unlike a decoded file.
hostile_text = st.one_of(letter_text, st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), max_size=5)
                         .flatmap(lambda s: letter_text.map(lambda t: t[: len(t) // 2] + s + t[len(t) // 2 :])))


@EXAMPLES
@given(st.binary(max_size=600))
def test_decoding_arbitrary_bytes_gives_text_or_a_decode_error(data):
    try:
        source = Source.from_bytes("fuzz.txt", data)
    except DecodeError:
        return
    line, column = source.position(len(source.text))
    assert 1 <= line <= source.text.count("\n") + source.text.count("\r") + 1 and column >= 1


@EXAMPLES
@given(hostile_text)
def test_source_map_points_every_view_character_into_the_original(text):
    source = Source(path="fuzz.txt", text=text)
    for para in source.paragraphs:
        span = source.view_span(para.start, para.end)
        assert 0 <= span.start <= span.end <= len(text)


@EXAMPLES
@given(hostile_text)
def test_parser_never_raises(text):
    parse_structure(Source(path="fuzz.txt", text=text))


@pytest.mark.parametrize("extractor", EXTRACTORS, ids=lambda e: e.__module__.rsplit(".", 1)[-1])
def test_extractor_never_raises_and_keeps_its_spans(extractor):
    @EXAMPLES
    @given(hostile_text)
    def run(text):
        source = Source(path="fuzz.txt", text=text)
        for claim in extractor(source, parse_structure(source)):
            assert text[claim.span.start : claim.span.end] == claim.raw

    run()


@pytest.mark.parametrize("rule", list(all_rules().values()), ids=lambda r: r.code)
def test_rule_never_raises_alone(rule):
    @EXAMPLES
    @given(st.lists(hostile_text, min_size=1, max_size=2))
    def run(texts):
        corpus = corpus_of([(f"fuzz{i}.txt", text) for i, text in enumerate(texts)])
        for finding in run_rules(corpus, [rule]):
            assert finding.rule == rule.code and finding.locations

    run()
