"""RL110 count-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.registry import At, rule


@rule(
    "RL110",
    severity="warning",
    message_zh="“{count_raw}”与列出的{listed}项不符{reason_zh}：{items}",
    message_en="“{count_raw}” states {count}, but {listed} items are listed{reason_en}: {items}",
    per_letter=True,
)
def count_mismatch(corpus: Corpus) -> Iterator[Finding]:
    """A stated count that does not match the items the letter lists.

    ## What it flags
    An enumeration whose count (九大主要任务, 等 3 家企业, 两类人才, 4项重点任务, 共三项措施)
    disagrees with the items actually listed before it (A、B、C等3家企业), or laid out after
    or before it as 一是/二是 or （一）（二）. A closed list must match exactly; a list left
    open by 等 (等7家企业) may list fewer items than its count, never more. Before a count
    that names a whole set (九大主要任务, 两类, 三个方面) 等 closes the list: all must be there.

    ## Why it matters
    "九大主要任务" followed by eight tasks tells the reader a task was lost in revision, and a
    published letter cannot be corrected quietly.

    ## Example
    ### Bad
    ```letter
    提出了加快产业数字化转型、打造数字资产化新模式、推进数据基础设施建设等四大主要任务。 <!-- expect: RL110 -->
    ```
    ### Good
    ```letter
    已有欧曼科技、新特丽照明、左向科技等7家企业参加评价，以家电、照明灯饰两大传统产业入选试点。
    ```

    ## Known false positives
    A number after a list that counts something else than the items and has no 等, such as
    ``组织A、B平台形成产品 5 项`` (closed counts above ``max_closed_count`` in
    ``rules/lists.toml`` are never read as list counts). A last item that is one name with
    和/与/及 inside is read both ways, so it never causes a finding by itself. Approximate
    counts (超过20个) are not checked. A whole set abbreviated on purpose with 等
    (中国移动、中国电信等三大运营商) is flagged; set ``defining_measures`` in
    ``rules/lists.toml`` to change which counts close a list.
    """
    for letter, claim in corpus.claims("list"):
        if claim.approximate:
            continue
        counts = claim.item_counts()
        if claim.open and min(counts) <= claim.count or not claim.open and claim.count in counts:
            continue
        listed = min(counts, key=lambda n: abs(n - claim.count))
        is_open = claim.open and listed > claim.count
        yield count_mismatch.finding(
            [At(letter, claim.count_span, "count")],
            count_raw=claim.count_raw,
            count=claim.count,
            listed=listed,
            items="、".join(claim.items),
            reason_zh="（“等”可少列，不可多列）" if is_open else "",
            reason_en=" (a list left open by 等 may list fewer, never more)" if is_open else "",
        )
