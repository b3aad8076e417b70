"""RL302 missing-measure-word."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.query import at_view, paragraphs
from replylint.registry import rule
from replylint.tables import MeasureWords, load_tables

# An Arabic integer (not part of a decimal, code or ordinal) and the Chinese character after it.
_COUNT = re.compile(r"(?<![\dA-Za-z.\-/:#+第前后])(\d+)[ \t]*(?=([\u4e00-\u9fff]))")
# What may stand between two coordinated counted items: the end of the first item's noun
# phrase, then a coordinator.
_COORDINATED = re.compile(r"^[^，。；：！？,;:!?\d]*?(?:、|以及|及|和|与)[ \t]*$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Count:
    """An Arabic number in a paragraph and the character that follows it."""

    start: int
    end: int
    after: str
    # Where the character after it is: right after the number or after spaces.
    after_at: int


def counts(text: str) -> list[Count]:
    """Every bare Arabic integer of ``text`` followed by a Chinese character."""
    # _COUNT opens with a look-behind, which keeps the regex engine from skipping ahead to a
    # digit by itself; starting at the first digit spares it the text before.
    first_digit = _DIGIT.search(text)
    if first_digit is None:
        return []
    matches = _COUNT.finditer(text, first_digit.start())
    return [Count(m.start(1), m.end(1), m.group(2), m.end()) for m in matches]


def mistyped(text: str, count: Count, table: MeasureWords) -> bool:
    """Whether the character after ``count`` is a near-homophone typed for a measure word.

    Years are left alone: 2025将 lacks 年, not a measure word.
    """
    return count.after in table.near_homophones and not _YEAR.match(text[count.start : count.end])


def coordinated_runs(text: str, found: list[Count]) -> list[list[Count]]:
    """Counts joined by coordinators (、 及 和 与 以及) into lists of two or more items."""
    runs: list[list[Count]] = []
    for count in found:
        if runs and _COORDINATED.match(text[runs[-1][-1].after_at : count.start]):
            runs[-1].append(count)
        else:
            runs.append([count])
    return [run for run in runs if len(run) > 1]


def bare_in_list(text: str, found: list[Count], table: MeasureWords) -> Iterator[Count]:
    """The one item of a coordinated list that lacks the measure word every other item has."""
    for run in coordinated_runs(text, found):
        bare = [c for c in run if not table.measured(text, c.after_at) and not mistyped(text, c, table)]
        if len(bare) == 1:
            yield bare[0]


def missing(text: str, table: MeasureWords) -> Iterator[tuple[Count, str | None]]:
    """Each count of ``text`` that lacks its measure word, with the measure word it was typed for."""
    found = counts(text)
    for count in found:
        if mistyped(text, count, table):
            yield count, table.near_homophones[count.after]
    for count in bare_in_list(text, found, table):
        yield count, None


@rule(
    "RL302",
    severity="warning",
    message_zh="“{text}”：数字后缺少量词{hint}",
    message_en="“{text}”: the number lacks its measure word{hint_en}",
    per_letter=True,
)
def missing_measure_word(corpus: Corpus) -> Iterator[Finding]:
    """An Arabic number followed by a character where a measure word belongs.

    ## What it flags
    A count whose measure word was mistyped as a near-homophone (15 将示范车间 for 15 家,
    8 各镇街 for 8 个), and an item of a coordinated list of counts that lacks the measure
    word every other item has (10 家示范工厂、15 个示范车间及 10 工业互联网标杆示范项目).
    The measure words and the near-homophones are in ``rules/measure_words.toml``.

    ## Why it matters
    A count without its measure word is a typing slip or a word lost in revision; figures
    are what readers quote from a reply letter, so they must read cleanly (GB/T 15835-2011
    asks for numbers with their units; standards.md N-08).

    ## Example
    ### Bad
    ```letter
    2022 年认定发布 10 家数字化智能化示范工厂、15 将示范车间。 <!-- expect: RL302 -->
    ```
    ### Good
    ```letter
    2022 年认定 10 家示范工厂、15 个示范车间，加快 5G 建设，1.0版本，位列第3，14天快反比例达50%。
    ```

    ## Known false positives
    A number that is the subject of a sentence (前10将获得 is skipped, 共10将获得 is not);
    a list whose items legitimately mix counted and uncounted nouns.
    """
    table = load_tables().measure_words
    for letter, para in paragraphs(corpus):
        for count, meant in missing(para.text, table):
            place = at_view(letter, para.start + count.start, para.start + count.after_at + 1)
            text = para.text[count.start : count.after_at + 1]
            yield missing_measure_word.finding(
                [place],
                text=text,
                hint=f"（疑为“{meant}”）" if meant else "",
                hint_en=f" (“{count.after}” looks like a slip for “{meant}”)" if meant else "",
            )
