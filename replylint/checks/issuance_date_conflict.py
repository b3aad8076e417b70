"""RL602 issuance-date-conflict."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.conflicts import date_conflict
from replylint.corpus import Corpus, group_by
from replylint.models import Finding
from replylint.registry import rule


@rule(
    "RL602",
    severity="warning",
    message_zh="《{title}》的印发时间前后不一：{sides_zh}",
    message_en="《{title}》 is said to be issued at different times: {sides_en}",
)
def issuance_date_conflict(corpus: Corpus) -> Iterator[Finding]:
    """The same policy said to be issued at different times, across letters or within one.

    ## What it flags
    A document named in 《》 after a verb of issuance (印发, 出台, 发布, 颁布, 推出, 制定)
    whose sentence dates the issuing (``2022年1月市政府印发《…》``, ``今年4月相继印发《…》``
    resolved against the letter's date), where another citation dates it in another year, or
    in another month of the same year. A year alone agrees with any month of that year. One
    finding names every date with the letters that give it, pointing at each.

    ## Why it matters
    When a policy came out is a fact a reader can check; two dates in published replies
    undermine both.

    ## Example
    ### Bad
    ```letter a.txt
    2022年1月市政府印发《中山市推进制造业数字化智能化转型发展若干政策措施》。
    ```
    ```letter b.txt
    2021年市政府印发《中山市推进制造业数字化智能化转型发展若干政策措施》。 <!-- expect: RL602 -->
    ```
    ### Good
    ```letter a.txt
    2022年1月市政府印发《中山市推进制造业数字化智能化转型发展若干政策措施》。
    ```
    ```letter b.txt
    我市于2022年出台《中山市推进制造业数字化智能化转型发展若干政策措施》，2023年继续落实。

    2023年6月25日
    ```

    ## Known false positives
    A policy revised and reissued under the same title: the dates then belong to two
    editions, which the letters should tell apart.
    """
    dated = [(letter, claim) for letter, claim in corpus.claims("title") if claim.key and claim.issued]
    for title, uses in group_by(dated, lambda use: use[1].key).items():
        if not corpus.reported(*(letter for letter, _ in uses)):
            continue
        finding = date_conflict(
            issuance_date_conflict, ((letter, claim.issued, claim.span) for letter, claim in uses), title=title
        )
        if finding:
            yield finding
