"""RL407 pause-between-marked-items."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.query import at_view, paragraphs
from replylint.registry import rule

# One item in 书名号 or quotation marks, with the bracketed note that may follow it
# (《办法》（试行）, “数字贷”（试点）). Items do not span another opening mark of their kind.
_ITEM = re.compile(
    r"(?:《[^《》\n]{1,120}》|“[^“”\n]{1,120}”)"
    r"(?P<note>[（(][^（）()\n]{0,60}[）)])?"
)
_PAUSE = "、"


def marked_item_runs(text: str) -> Iterator[list[re.Match]]:
    """Runs of two or more items in 书名号 or 引号 that follow each other directly or after a 顿号.

    Each run is the list of its items' matches, in order; what separates two neighbours is
    either nothing or a single ``、``.
    """
    pos = 0
    while (first := _ITEM.search(text, pos)) is not None:
        run = [first]
        while True:
            gap = run[-1].end()
            if text.startswith(_PAUSE, gap):
                gap += 1
            nxt = _ITEM.match(text, gap)
            if nxt is None or nxt.group()[0] != first.group()[0]:
                break
            run.append(nxt)
        if len(run) > 1:
            yield run
        pos = run[-1].end()


def needless_pauses(text: str, run: list[re.Match]) -> list[int]:
    """Offsets in ``text`` of the 顿号 between the items of ``run`` that the standard leaves out.

    None when other words stand between the marked items: when any item of the run carries a
    bracketed note (《红楼梦》（曹雪芹）、《三国演义》（罗贯中）), or when the run is part of
    a longer 顿号 list whose other items are not marked alone (沙溪“…”、“…”、大涌“…”).
    GB/T 15834-2011 keeps the 顿号 between all of them then.
    """
    start, end = run[0].start(), run[-1].end()
    if any(item["note"] for item in run) or text.startswith(_PAUSE, end) or text.endswith(_PAUSE, 0, start):
        return []
    return [left.end() for left, right in zip(run, run[1:]) if right.start() > left.end()]


@rule(
    "RL407",
    severity="info",
    message_zh="标有书名号或引号的并列成分之间通常不用顿号：{items}",
    message_en="parallel items in 书名号 or quotation marks normally take no 顿号 between them: {items}",
    per_letter=True,
)
def pause_between_marked_items(corpus: Corpus) -> Iterator[Finding]:
    """A 顿号 between parallel items that each carry 书名号 or quotation marks.

    ## What it flags
    ``《××条例》、《××办法》`` and ``“专精特新”、“小巨人”``: the ``、`` between two items
    that stand in the same kind of mark. One finding per run of items, at each 顿号. No fix:
    the standard says "normally", and a house style may keep the 顿号.

    ## Why it matters
    GB/T 15834-2011 4.5.3.5: parallel items that carry 引号 or 书名号 are already set apart
    by their marks and normally take no 顿号; a letter that writes ``》《`` in one place and
    ``》、《`` in another looks careless.

    ## Example
    ### Bad
    ```letter
    出台《中山市推进制造业数字化转型若干政策措施》、《中山市数字赋能平台认定办法》等政策。 <!-- expect: RL407 -->
    ```
    ### Good
    ```letter
    出台《若干政策措施》《认定办法》等政策，推出“数字贷”“技改贷”等产品；参阅《红楼梦》（曹雪芹）、《三国演义》（罗贯中）。
    ```

    ## Known false positives
    A house style that keeps the 顿号 (ignore RL407 in the configuration). Where other words
    stand between the marked items (a bracketed note after one of them, or a longer list that
    goes on with unmarked items) the standard keeps the 顿号, and nothing is flagged; a 书名号
    item next to a quoted one is not a run.
    """
    for letter, para in paragraphs(corpus):
        if _PAUSE not in para.text:
            continue
        for run in marked_item_runs(para.text):
            pauses = needless_pauses(para.text, run)
            if pauses:
                places = [at_view(letter, para.start + i, para.start + i + 1, "separator") for i in pauses]
                items = para.text[run[0].start():run[-1].end()]
                yield pause_between_marked_items.finding(places, items=items)
