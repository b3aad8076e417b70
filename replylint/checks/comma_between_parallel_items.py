"""RL403 comma-between-parallel-items."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from replylint.cjk import HAN
from replylint.corpus import Corpus, Letter
from replylint.models import Finding
from replylint.query import at_view, paragraphs
from replylint.registry import rule
from replylint.source import Paragraph
from replylint.tables import Parallel, load_tables

_COMMA = "，,"
# What may follow the last item of a list that is not itself part of the item.
_AFTER_LIST = "等|意见|和|及|与|联合|共同|的"


def _suffix_alternation(table: Parallel) -> str:
    """A regex alternation of the table's organisation endings, longest first."""
    return "|".join(re.escape(s) for s in sorted(table.suffixes, key=len, reverse=True))


@lru_cache(maxsize=4)
def list_patterns(table: Parallel) -> tuple[re.Pattern[str], ...]:
    """Patterns of comma-separated lists: one per frame, and one for items sharing an ending."""
    item = rf"[{HAN}]{{1,{table.max_item}}}"
    repeat = f"{{{table.min_items - 1},}}"
    framed = [
        re.compile(rf"{re.escape(open_)}(?P<items>{item}(?:[{_COMMA}]{item}){repeat}){re.escape(close)}")
        for open_, close in table.frames
    ]
    suffixes = _suffix_alternation(table)
    same_ending = re.compile(
        rf"(?P<items>[{HAN}]{{0,{table.max_item - 1}}}?(?P<suffix>{suffixes})"
        rf"(?:[{_COMMA}][{HAN}]{{0,{table.max_item - 1}}}?(?P=suffix)){repeat})"
        rf"(?=[^{HAN}]|$|{_AFTER_LIST})"
    )
    return (*framed, same_ending)


@lru_cache(maxsize=4)
def _first_item_end(table: Parallel) -> re.Pattern[str]:
    """An organisation ending followed by a comma, as the first item of a same-ending list ends."""
    return re.compile(f"(?:{_suffix_alternation(table)})[{_COMMA}]")


def _list_matches(text: str, table: Parallel) -> Iterator[re.Match[str]]:
    """The matches of each pattern of ``list_patterns`` in ``text``, pattern by pattern."""
    *framed, same_ending = list_patterns(table)
    for pattern in framed:
        yield from pattern.finditer(text)
    # A same-ending list starts at most max_item - 1 characters before the ending of its first
    # item, so the text before the first such ending need not be scanned.
    first_end = _first_item_end(table).search(text)
    if first_end:
        yield from same_ending.finditer(text, max(0, first_end.start() - (table.max_item - 1)))


def comma_lists(text: str, table: Parallel) -> list[tuple[int, int]]:
    """(start, end) of each list of short parallel items separated by 逗号 in ``text``.

    A list has at least ``min_items`` items of at most ``max_item`` Chinese characters, and
    either stands inside a frame (经综合…意见, 包括…等) or has items that all end in the same
    organisation ending (局, 委, 镇 …). Lists found both ways are reported once.
    """
    if sum(text.count(comma) for comma in _COMMA) < table.min_items - 1:
        return []  # too few commas for any list; saves running the patterns on most paragraphs
    found: dict[int, int] = {}
    for m in _list_matches(text, table):
        items = re.split(f"[{_COMMA}]", m["items"])
        if all(len(item) <= table.max_item for item in items):
            start, end = m.span("items")
            if not any(s < end and start < e for s, e in found.items()):
                found[start] = end
    return sorted(found.items())


@rule(
    "RL403",
    severity="warning",
    message_zh="并列词语“{items}”之间宜用顿号“、”，不用逗号",
    message_en="the parallel items “{items}” take the enumeration comma “、”, not “，”",
    per_letter=True,
)
def comma_between_parallel_items(corpus: Corpus) -> Iterator[Finding]:
    """Short parallel items, such as the units of a co-handler list, separated by 逗号.

    ## What it flags
    Three or more items of at most six characters separated by ``，`` that stand in a frame
    such as ``经综合…意见`` or ``包括…等``, or that all end in the same organisation ending
    (``市发改局，市金融局，科技局``). The finding points at each separating comma. No fix:
    the rule is a heuristic. A 抄送 block that separates every unit with 逗号 is left alone:
    GB/T 9704-2012 (7.4.2 and its sample pages) lays it out so; one that also uses 顿号 is
    checked like running text.

    ## Why it matters
    GB/T 15834-2011 (4.5.3.1) separates parallel words with the 顿号; the 逗号 is for pauses
    between clauses. A co-handler list with commas reads as a series of clauses.

    ## Example
    ### Bad
    ```letter
    经综合市发改局，金融局，科技局意见，现答复如下： <!-- expect: RL403 -->
    ```
    ### Good
    ```letter
    经综合市发改局、金融局、科技局意见，现答复如下：由市交通局牵头，财政局配合，民政局参与。
    ```

    ## Known false positives
    Three short clauses that each end in an organisation name (``请教育局，卫健局，民政局``
    as the objects of separate verbs are rare). Two items are never flagged, nor items of more
    than six characters, nor a list that mixes 顿号 and 逗号.
    """
    table = load_tables().punctuation.parallel
    for letter, para in paragraphs(corpus):
        lists = comma_lists(para.text, table)
        if not lists or _commas_only_cc(letter, para):
            continue
        for start, end in lists:
            commas = [i for i in range(start, end) if para.text[i] in _COMMA]
            places = [at_view(letter, para.start + i, para.start + i + 1, "separator") for i in commas]
            yield comma_between_parallel_items.finding(places, items=para.text[start:end])


def _commas_only_cc(letter: Letter, para: Paragraph) -> bool:
    """Whether the paragraph is a 抄送 block that separates every unit with 逗号 (GB/T 9704-2012).

    A block that uses 顿号 too follows the practice of 顿号 between units of one kind, so a run
    of same-kind units with 逗号 in it is still a slip.
    """
    span = letter.source.view_span(para.start, para.end)
    in_cc = any(span.start <= unit.span.start < span.end for unit in letter.structure.cc)
    return in_cc and "、" not in para.text
