"""RL301 doubled-character."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.lexicon import MAX_WORD, is_word
from replylint.models import Finding
from replylint.query import at_view, paragraphs
from replylint.registry import rule
from replylint.tables import Reduplication, load_tables

_DOUBLED = re.compile(r"([\u4e00-\u9fff])\1")


def is_slip(text: str, index: int, table: Reduplication) -> bool:
    """Whether the character pair ``text[index:index + 2]`` (two equal characters) is a slip.

    The pair is legitimate when a word covers both characters (谢谢, 的的确确), when it
    starts an AABB reduplication (高高兴兴), or when either character belongs to a word with
    its other neighbour (古镇|镇, 投资|资金, 为了|了解). A function character (的, 了 …) is
    not excused by its doubled form being a word (了了): standing alone, it is a slip. Any
    other doubled character before a verb of ``distributive_next`` means "every" (河河有人管).
    """
    char = text[index]
    pair = text[index : index + 2]
    if pair in table.allow or (char not in table.function_chars and is_word(pair)):
        return False
    if char not in table.function_chars and text[index + 2 : index + 3] in table.distributive_next:
        return False
    after = text[index + 2 : index + 4]
    if len(after) == 2 and after[0] == after[1] and after[0] != char:
        return False
    for length in range(3, MAX_WORD + 1):
        for start in range(index + 2 - length, index + 1):
            if start >= 0 and is_word(text[start : start + length]):
                return False
    for length in range(2, MAX_WORD + 1):
        if index - length + 1 >= 0 and is_word(text[index - length + 1 : index + 1]):
            return False
        if is_word(text[index + 1 : index + 1 + length]):
            return False
    return True


@rule(
    "RL301",
    severity="warning",
    message_zh="“{pair}”疑为误重复的字",
    message_en="“{pair}” looks like a character typed twice",
    per_letter=True,
)
def doubled_character(corpus: Corpus) -> Iterator[Finding]:
    """A character accidentally typed twice, such as 的的 or 了了.

    ## What it flags
    Two equal Chinese characters in a row where neither reduplication nor word boundaries
    explain them: no word covers the pair, and neither character forms a word with its
    other neighbour.

    ## Why it matters
    A doubled character is the commonest slip of revision and the first thing a reader of a
    published letter notices.

    ## Example
    ### Bad
    ```letter
    结合我市传统产业的的优势，攻克技术难题。 <!-- expect: RL301 -->
    ```
    ### Good
    ```letter
    谢谢你们常常关心，人人参与；产业投资资金已到位，古镇镇政府高高兴兴地为了了解情况走访企业。
    ```

    ## Known false positives
    Rare names and technical terms that the word list lacks and that end in the character
    the next word starts with; add them to ``allow`` in ``rules/reduplication.toml``.
    """
    table = load_tables().reduplication
    for letter, para in paragraphs(corpus):
        for m in _DOUBLED.finditer(para.text):
            if is_slip(para.text, m.start(), table):
                place = at_view(letter, para.start + m.start(), para.start + m.end())
                # The fix deletes the second character alone, so a page break between stays.
                second = at_view(letter, para.start + m.start() + 1, para.start + m.end())
                yield doubled_character.finding(
                    [place],
                    pair=m.group(),
                    fix=("删除重复的字 / remove the repeated character", [(second, "")]),
                )
