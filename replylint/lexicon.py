"""The general Chinese word list (the jieba segmenter's dictionary), loaded once on demand."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

MAX_WORD = 4


@lru_cache(maxsize=1)
def words() -> frozenset[str]:
    """Every word of two to four characters in the jieba dictionary."""
    out = set()
    with (resources.files("jieba") / "dict.txt").open(encoding="utf-8") as handle:
        for line in handle:
            word = line.split(" ", 1)[0]
            if 2 <= len(word) <= MAX_WORD:
                out.add(word)
    return frozenset(out)
