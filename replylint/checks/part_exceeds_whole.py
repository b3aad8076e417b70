"""RL112 part-exceeds-whole."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.registry import At, rule


@rule(
    "RL112",
    severity="error",
    message_zh="分项“{part_raw}”大于其总数“{total_raw}”",
    message_en="the part “{part_raw}” is larger than its whole “{total_raw}”",
    per_letter=True,
)
def part_exceeds_whole(corpus: Corpus) -> Iterator[Finding]:
    """A part, such as a figure after 其中, that is larger than the whole it belongs to.

    ## What it flags
    A figure given as part of a total (after 其中, or before 共/合计) in the same unit and
    counting the same thing, whose value exceeds the total: ``走访服务企业1.37万家次，其中现场
    走访2.66万家次``. Values are compared after 万/亿 are applied.

    ## Why it matters
    A part larger than its whole is impossible: one of the two figures is wrong, usually
    swapped or mistyped during revision.

    ## Example
    ### Bad
    ```letter
    设立2亿元风险补偿专项资金池，其中首期5亿元已到账。 <!-- expect: RL112 -->
    ```
    ### Good
    ```letter
    联系走访服务规上工业企业2.66万家次，其中现场走访1.37万家次。设立5亿元资金池，其中首期2亿元已到账。
    ```

    ## Known false positives
    A figure after 其中 that shares the total's unit but counts something else the noun
    after the unit does not reveal (``其中 30 亿元``, where the 30 is a different budget).
    Approximate or bounded figures (至少50亿元) are not checked.
    """
    for letter, claim in corpus.claims("sum"):
        if claim.approximate:
            continue
        for part in claim.parts:
            if part.value > claim.total:
                yield part_exceeds_whole.finding(
                    [At(letter, part.span, "part"), At(letter, claim.total_span, "whole")],
                    part_raw=part.raw.strip(),
                    total_raw=claim.total_raw.strip(),
                )
