"""The general Chinese word list: the words of two to four characters of the jieba segmenter's
dictionary, with their parts of speech, in ``rules/lexicon.txt``.

The file is sorted, so a word is found by binary search in its text: a run reads the file
(5 ms) instead of building a set of 330,000 words (0.25 s), and looks up a few hundred words.
"""

from __future__ import annotations

from functools import cache

from replylint.sorted_lines import find_line

MAX_WORD = 4


@cache
def _text() -> str:
    """The lexicon's text: one ``word tag`` line per word, sorted by word."""
    from replylint.tables import builtin_dir

    return (builtin_dir() / "lexicon.txt").read_text(encoding="utf-8")


def load() -> None:
    """Read the lexicon now (processes forked later share it)."""
    _text()


@cache
def tag(word: str) -> str | None:
    """The part of speech (jieba's tag: ``v``, ``n``, ``d`` …) of ``word``; ``None`` when it is not in the list."""
    line = find_line(_text(), word, lambda line: line.partition(" ")[0])
    return None if line is None else line.partition(" ")[2]


def is_word(text: str) -> bool:
    """Whether ``text`` is a word of the list."""
    return tag(text) is not None


def crosses_word(text: str, start: int, end: int) -> bool:
    """Whether a word of the list overlaps ``text[start:end]`` and reaches outside it.

    Such a word shows that the span is not a word of its own there: 成份 in 组成份额 is
    crossed by 组成, 定单 in 确定单位 by 确定.
    """
    for first in range(max(0, start - MAX_WORD + 1), end):
        for length in range(2, MAX_WORD + 1):
            last = first + length
            if last <= start or last > len(text):
                continue
            if (first < start or last > end) and is_word(text[first:last]):
                return True
    return False
