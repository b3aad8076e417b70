"""Words typed twice (进行进行, 加强加强): the generic half of the redundant-character rule."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import ValidationInfo, model_validator

from replylint.lexicon import MAX_WORD, is_word, tag
from replylint.models import Model
from replylint.substitution import check_examples, examples_wanted

_DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,4})\1+")


class DoubledWords(Model):
    """Which doubled words are reduplication, with self-test examples checked at load time."""

    allow: tuple[str, ...] = ()
    # Doubled units starting with one of these are reduplication (一步一步).
    allow_prefixes: tuple[str, ...] = ()
    # Parts of speech (jieba's tags) of the units checked: verbs, adverbs and function
    # words; a doubled noun is usually a compound (PPP项目|项目经理).
    tags: tuple[str, ...] = ()
    flag: tuple[str, ...] = ()
    clean: tuple[str, ...] = ()

    def doubles(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, word) of every word typed two or more times in a row in ``text``.

        The unit must be a dictionary word with one of ``tags``, the doubled form must not be
        allowed, and no dictionary word may cross the doubled form's outer edges (产业产业链
        is 产业 + 产业链).
        """
        for m in _DOUBLED.finditer(text):
            unit = m.group(1)
            if tag(unit) not in self.tags or m.group() in self.allow or unit.startswith(self.allow_prefixes):
                continue
            if self._crosses_outside(text, m.start(), m.end()):
                continue
            yield m.start(), m.end(), unit

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of every word typed two or more times in a row in ``text``."""
        return ((start, end) for start, end, _ in self.doubles(text))

    @staticmethod
    def _crosses_outside(text: str, start: int, end: int) -> bool:
        """Whether a word reaches from outside the doubled form into it."""
        for length in range(2, MAX_WORD + 1):
            for first in range(start - length + 1, start):
                if first >= 0 and is_word(text[first : first + length]):
                    return True
            for first in range(end - length + 1, end):
                if first + length <= len(text) and is_word(text[first : first + length]):
                    return True
        return False

    @model_validator(mode="after")
    def _examples_hold(self, info: ValidationInfo) -> DoubledWords:
        if examples_wanted(info):
            check_examples(self.spans, self.flag, self.clean, "the doubled-word check")
        return self
