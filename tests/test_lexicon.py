"""The word list: rules/lexicon.txt is what jieba's dictionary gives, and a word is found in
it by binary search exactly when a dictionary of its entries holds it."""

import importlib.util
import sys

from hypothesis import given
from hypothesis import strategies as st

from replylint import lexicon
from replylint.tables import builtin_dir
from tests.conftest import ROOT

ENTRIES = dict(line.split(" ") for line in (builtin_dir() / "lexicon.txt").read_text(encoding="utf-8").splitlines())
WORDS = sorted(ENTRIES)


def _build_lexicon():
    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "tools" / "build_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_lexicon"] = module
    spec.loader.exec_module(module)
    return module


def test_the_shipped_word_list_is_what_the_installed_jieba_dictionary_gives():
    tool = _build_lexicon()
    assert (builtin_dir() / "lexicon.txt").read_text(encoding="utf-8") == tool.lexicon_text(tool.jieba_dictionary())


def test_the_word_list_is_sorted_with_one_tag_per_word_of_two_to_four_characters():
    lines = (builtin_dir() / "lexicon.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(ENTRIES) > 300_000
    assert [line.split(" ")[0] for line in lines] == WORDS
    assert all(2 <= len(word) <= lexicon.MAX_WORD and tag for word, tag in ENTRIES.items())


def test_the_tool_keeps_the_last_tag_of_a_word_listed_twice_and_skips_other_lengths():
    tool = _build_lexicon()
    assert tool.entries("谢谢 100 v\n我 9 r\n建设 5 vn\n谢谢 3 l\n长长的路 2 n\n一二三四五 1 m\n") == [
        ("建设", "vn"), ("谢谢", "l"), ("长长的路", "n")]


def test_known_words_have_their_tags_and_others_none():
    assert lexicon.tag("谢谢") == ENTRIES["谢谢"] and lexicon.is_word("常常")
    assert lexicon.tag(WORDS[0]) == ENTRIES[WORDS[0]] and lexicon.tag(WORDS[-1]) == ENTRIES[WORDS[-1]]
    for absent in ("", "的的", "谢", "建设 n", "\n", " ", "\U0010ffff"):
        assert lexicon.tag(absent) is None


@given(st.sampled_from(WORDS) | st.text(alphabet="谢常建设的了中山市数字化 n\n", max_size=5))
def test_a_lookup_agrees_with_a_dictionary_of_the_entries(word):
    assert lexicon.tag(word) == ENTRIES.get(word)
