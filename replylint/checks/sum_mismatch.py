"""RL111 sum-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.registry import At, rule


@rule(
    "RL111",
    severity="error",
    message_zh="各分项{parts}合计为{parts_sum}，与总数“{total_raw}”不符",
    message_en="the parts {parts} add up to {parts_sum}, not to the stated total “{total_raw}”",
    per_letter=True,
)
def sum_mismatch(corpus: Corpus) -> Iterator[Finding]:
    """Parts that do not add up to the total the letter states for them.

    ## What it flags
    A total after its parts (``高级75人、中级18人、初级14人共107人``, also 合计 and 总计) that
    differs from the parts added up; and a total before ``其中`` whose parts, enumerated with
    、 (大型企业50家、中型企业45家), add up to more than the total. Parts share the total's unit and count the same thing: in
    ``共梳理 583 个信息系统，其中 55 个市级单位共梳理 445 个信息系统`` the 55 units are not a part.

    ## Why it matters
    A reader checks sums first; one that does not add up makes every other figure in the
    letter doubtful.

    ## Example
    ### Bad
    ```letter
    完成了高级灯具制造工75人、中级18人、初级14人共108人的职业技能等级证书评价。 <!-- expect: RL111 -->
    ```
    ### Good
    ```letter
    完成了高级灯具制造工75人、中级18人、初级14人共107人的评价。全市共梳理 583 个信息系统，其中 55 个市级单位共梳理 445 个信息系统，24 个镇区共梳理 138 个信息系统。
    ```

    ## Known false positives
    Parts after 其中 that add up to less than the total are not flagged: they may list only
    some of it; nor are parts after 其中 separated by ，, which may nest (其中规上企业80家，
    规上企业中高新技术企业50家). Approximate or bounded figures (约, 超, 至少) are not checked. A number
    between the parts that shares their unit and counts the same thing but is not a part
    (``其中A 20家、B 35家，另有 5 家``) would be added in.
    """
    for letter, claim in corpus.claims("sum"):
        if claim.approximate or len(claim.parts) < 2 or any(p.value > claim.total for p in claim.parts):
            continue
        parts_sum = claim.parts_sum()
        if parts_sum == claim.total or not (claim.exhaustive or claim.siblings and parts_sum > claim.total):
            continue
        yield sum_mismatch.finding(
            [At(letter, claim.total_span, "total")],
            parts=" + ".join(p.raw.strip() for p in claim.parts),
            parts_sum=f"{parts_sum.normalize():f}",
            total_raw=claim.total_raw.strip(),
        )
