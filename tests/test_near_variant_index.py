"""RL305's index: counted a share of the windows at a time, it finds what counting every
window at once and comparing every pair of windows finds, in the same order."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replylint.checks.corpus_near_variant import WINDOWS_PER_PART, Index, Variant, variants
from replylint.tables import load_tables
from replylint.testing import corpus_of

TABLES = load_tables()
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
@given(letters=corpora(), windows_per_part=st.sampled_from([1, 2, 5, 40, WINDOWS_PER_PART]))
def test_counting_in_shares_finds_what_comparing_every_pair_finds(letters, windows_per_part):
    # Letters share paragraphs, as boilerplate does: the first letter's are repeated.
    corpus = corpus_of([(f"l{n}.txt", "\n".join(paras + letters[0][:1])) for n, paras in enumerate(letters)])
    index = Index(corpus, TABLES.near_variant, windows_per_part)
    assert variants(index, TABLES.confusion) == plain_variants(corpus, TABLES.near_variant, TABLES.confusion)


def test_a_small_budget_counts_in_several_shares_and_finds_the_same_slip():
    corpus = corpus_of([("a.txt", "经济高质量发展。"), ("b.txt", "经济高质量发展。高质量发展。"),
                        ("c.txt", "经济高质量法展。")])
    whole = Index(corpus, TABLES.near_variant)
    shared = Index(corpus, TABLES.near_variant, windows_per_part=3)
    assert len(list(whole.counts())) == 1 and len(list(shared.counts())) > 1
    found = variants(shared, TABLES.confusion)
    assert [(v.rare, v.common, v.position, v.kind, v.count) for v in found] == [("质量法展", "质量发展", 2, "sound", 3)]
    assert found == variants(whole, TABLES.confusion)
