"""RL406 duplicated-punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.cjk import is_ascii_word, neighbour
from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.query import at_view, paragraphs
from replylint.registry import rule

# 点号 (pause and stop marks), full- and half-width. Doubled forms that are legitimate are not
# 点号 at all (…… ——) or are pairs (“”), so they never match.
_RUN = re.compile(r"[，。、；：？！,;:?!]{2,}")
# Marks that may stand together: a question mark with an exclamation mark (GB/T 15834-2011
# allows ？！ for a rhetorical question said with feeling).
_ALLOWED = frozenset({"？！", "！？", "?!", "!?"})


def duplicated_runs(text: str) -> Iterator[re.Match]:
    """The runs of two or more pause or stop marks in ``text`` that are slips.

    Left out: ``？！`` and ``！？``; runs of half-width marks only that touch an ASCII letter
    or digit (``a::b``, code, English); three or more 。 in a row, which stand in for an
    ellipsis (a different problem).
    """
    for m in _RUN.finditer(text):
        run = m.group()
        if run in _ALLOWED or (len(run) > 2 and set(run) == {"。"}):
            continue
        if run.isascii() and (
            is_ascii_word(neighbour(text, m.start(), -1)) or is_ascii_word(neighbour(text, m.end() - 1, 1))
        ):
            continue
        yield m


@rule(
    "RL406",
    severity="warning",
    message_zh="标点“{run}”重复或冲突",
    message_en="punctuation “{run}” is doubled or conflicting",
    per_letter=True,
)
def duplicated_punctuation(corpus: Corpus) -> Iterator[Finding]:
    """The same pause or stop mark typed twice, or two marks that cannot stand together.

    ## What it flags
    ``，，`` ``。。`` ``、、`` (the same mark twice: the fix keeps one) and incompatible
    neighbours such as ``，。`` ``、，`` ``；。`` (no fix: which mark is meant is not certain).

    ## Why it matters
    A point where a sentence was revised often keeps the old mark next to the new one; a
    doubled mark is an obvious slip in a published letter (GB/T 15834-2011 gives each 点号
    one position).

    ## Example
    ### Bad
    ```letter
    经综合市金融局，，科技局意见，现答复如下： <!-- expect: RL406 -->
    ```
    ### Good
    ```letter
    这难道不是好事吗？！他说：“已完成。”随后……——详见《通知》“附件”。
    ```

    ## Known false positives
    A question mark and an exclamation mark together are allowed; three or more 。 in a row
    are left to an ellipsis check.
    """
    for letter, para in paragraphs(corpus):
        for m in duplicated_runs(para.text):
            run = m.group()
            place = at_view(letter, para.start + m.start(), para.start + m.end())
            fix = None
            if len(set(run)) == 1:
                # Delete each extra mark on its own, so that a page break inside the run stays.
                extra = [(at_view(letter, para.start + i, para.start + i + 1), "") for i in range(m.start() + 1, m.end())]
                fix = (f"只保留一个“{run[0]}” / keep one “{run[0]}”", extra)
            yield duplicated_punctuation.finding([place], run=run, fix=fix)
