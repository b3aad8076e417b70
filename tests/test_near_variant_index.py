"""RL305's index: counted a share of the windows at a time, it finds what counting every
window at once and comparing every pair of windows finds, in the same order; counting only
the windows a letter can be in a finding with, it finds every finding touching the letter."""

from __future__ import annotations

import re
from collections import Counter
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replylint.checks import corpus_near_variant
from replylint.checks.corpus_near_variant import WINDOWS_PER_SHARE, Index, Variant, variants
from replylint.engine import run_rules
from replylint.registry import all_rules
from replylint.tables import load_tables
from replylint.testing import corpus_of

TABLES = load_tables()
RL305 = all_rules()["RL305"]
# Pairs of characters confusable by sound, and characters for the rest of the text: drawn
# from thousands, two of them rarely meet twice by chance.
PAIRS = sorted((low, high) for low, highs in TABLES.confusion.sound.items() for high in highs)[:500]
FILLER = "".join(chr(code) for code in range(0x4E00, 0x4E00 + 3000))


def plain_variants(corpus, table, confusion) -> list[Variant]:
    """The rule's definition, worked out the slow way: every window counted, every rare
    window compared with every recurring one."""
    texts = [(letter.path, re.sub(r"[^\u4e00-\u9fff]+", "", para.text))
             for letter in corpus for para in letter.source.paragraphs]
    size = table.window
    count = Counter(text[i : i + size] for _, text in texts for i in range(len(text) - size + 1))
    pairs = Counter(text[i : i + 2] for _, text in texts for i in range(len(text) - 1))
    joined = "\n".join(text for _, text in texts)
    found = []
    for rare in (window for window, n in count.items() if n == 1):
        for common in (window for window, n in count.items() if n >= table.min_count):
            differ = [i for i in range(size) if rare[i] != common[i]]
            if len(differ) != 1 or not 0 < differ[0] < size - 1:
                continue
            i = differ[0]
            kind = confusion.kind(rare[i], common[i])
            if (
                kind
                and rare[i] not in table.leave_out
                and common[i] not in table.leave_out
                and len({path for path, text in texts if common in text}) >= table.min_letters
                and pairs[rare[i - 1 : i + 1]] < 2
                and pairs[rare[i : i + 2]] < 2
            ):
                found.append(Variant(rare, common, i, kind, count[common]))
    return sorted(found, key=lambda v: (joined.find(v.rare), v.position, joined.find(v.common)))


@st.composite
def corpora(draw) -> list[list[str]]:
    """Letters (lists of paragraphs) made of filler and phrases, and a phrase with one inner
    character swapped for a confusable one put into one of them."""
    usual, slips = [], []
    for _ in range(draw(st.integers(1, 3))):
        common, rare = draw(st.sampled_from(PAIRS))
        left, right = (draw(st.text(alphabet=FILLER, min_size=1, max_size=2)) for _ in range(2))
        usual.append(left + common + right)
        slips.append(left + rare + right)
    segment = st.one_of(st.sampled_from(usual), st.text(alphabet=FILLER, min_size=1, max_size=5))
    paragraph = st.lists(segment, min_size=1, max_size=6).map("，".join)
    letters = draw(st.lists(st.lists(paragraph, min_size=1, max_size=3), min_size=2, max_size=8))
    letters[draw(st.integers(0, len(letters) - 1))].append(draw(st.sampled_from(slips)))
    return letters


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letters=corpora(), windows_per_share=st.sampled_from([1, 2, 5, 40, WINDOWS_PER_SHARE]),
       processes=st.sampled_from([1, 2]))
def test_counting_in_shares_finds_what_comparing_every_pair_finds(letters, windows_per_share, processes):
    # Letters share paragraphs, as boilerplate does: the first letter's are repeated.
    corpus = corpus_of([(f"l{n}.txt", "\n".join(paras + letters[0][:1])) for n, paras in enumerate(letters)])
    index = Index(corpus, TABLES.near_variant, windows_per_share, processes)  # shares counted in forked processes too
    assert variants(index, TABLES.confusion) == plain_variants(corpus, TABLES.near_variant, TABLES.confusion)


def test_a_small_budget_counts_in_several_shares_and_finds_the_same_slip():
    corpus = corpus_of([("a.txt", "经济高质量发展。"), ("b.txt", "经济高质量发展。高质量发展。"),
                        ("c.txt", "经济高质量法展。")])
    whole = Index(corpus, TABLES.near_variant)
    shared = Index(corpus, TABLES.near_variant, windows_per_share=3)
    assert whole.share_patterns() == ["."] and len(shared.share_patterns()) > 1
    found = variants(shared, TABLES.confusion)
    assert [(v.rare, v.common, v.position, v.kind, v.count) for v in found] == [("质量法展", "质量发展", 2, "sound", 3)]
    assert found == variants(whole, TABLES.confusion)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letters=corpora(), data=st.data())
def test_a_focus_on_one_letter_finds_every_finding_that_touches_it(letters, data):
    corpus = corpus_of([(f"l{n}.txt", "\n".join(paras)) for n, paras in enumerate(letters)])
    name = f"l{data.draw(st.integers(0, len(letters) - 1))}.txt"
    everything = {f for f in run_rules(corpus, [RL305]) if name in f.paths()}
    with counting_near_the_focus():
        assert {f for f in run_rules(corpus, [RL305], checked={name}) if name in f.paths()} == everything


def counting_near_the_focus():
    """Count only the windows near the letters in focus, however small the corpus."""
    return patch.object(corpus_near_variant, "FOCUS_FROM_WINDOWS", 0)


def test_a_focus_weighs_every_usual_form_of_a_slip_not_only_those_in_the_focused_letter():
    # 质量法展 is one character from 质量发展 (in f.txt) and from 质量乏展, which is more common
    # and not in f.txt: the finding names 质量乏展, and so does not touch f.txt.
    letters = [("f.txt", "质量发展。"), ("a.txt", "质量发展。\n质量发展。"), ("b.txt", "质量乏展。"),
               ("c.txt", "质量乏展。"), ("d.txt", "质量乏展。\n质量乏展。"), ("s.txt", "质量法展。")]
    corpus = corpus_of(letters)
    [finding] = run_rules(corpus, [RL305])
    assert "“质量乏展” occurs 4 times" in finding.message_en and "f.txt" not in finding.paths()
    for name, expected in (("f.txt", []), ("s.txt", [finding])):
        with counting_near_the_focus():
            assert [f for f in run_rules(corpus, [RL305], checked={name}) if name in f.paths()] == expected
