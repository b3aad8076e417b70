"""The general Chinese word list (the jieba segmenter's dictionary), loaded once on demand."""

from __future__ import annotations

import re
from functools import lru_cache

from replylint.package_files import package_file

MAX_WORD = 4
# One line of the dictionary, "word frequency tag", for a word of two to MAX_WORD characters.
_ENTRY = re.compile(rf"^(\S{{2,{MAX_WORD}}}) \S+ (\S+)[ \t\r]*$", re.MULTILINE)


@lru_cache(maxsize=1)
def tags() -> dict[str, str]:
    """Every word of two to four characters in the jieba dictionary, with its part of speech."""
    text = package_file("jieba", "dict.txt", "its dictionary").read_text(encoding="utf-8")
    return dict(_ENTRY.findall(text))


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """Every word of two to four characters in the jieba dictionary."""
    return frozenset(tags())


def crosses_word(text: str, start: int, end: int) -> bool:
    """Whether a word of the list overlaps ``text[start:end]`` and reaches outside it.

    Such a word shows that the span is not a word of its own there: 成份 in 组成份额 is
    crossed by 组成, 定单 in 确定单位 by 确定.
    """
    lexicon = words()
    for first in range(max(0, start - MAX_WORD + 1), end):
        for length in range(2, MAX_WORD + 1):
            last = first + length
            if last <= start or last > len(text):
                continue
            if (first < start or last > end) and text[first:last] in lexicon:
                return True
    return False
