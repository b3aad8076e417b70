"""RL201 title-variant."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from replylint.conflicts import grouped_sides, sides_finding
from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.registry import rule
from replylint.tables import load_tables
from replylint.variants import cited_variant_groups


@rule(
    "RL201",
    severity="warning",
    message_zh="同一政策标题写法不一：{sides_zh}{majority_zh}",
    message_en="one policy title is spelt in different ways: {sides_en}{majority_en}",
)
def title_variant(corpus: Corpus) -> Iterator[Finding]:
    """The same policy title spelt in different ways, across letters or within one.

    ## What it flags
    Titles in 《》 that are one title written two ways: a few characters that sound alike or
    that writers swap (和/与) substituted, a place prefix (中山市) dropped, or a stretch added
    inside the title, while the rest aligns. Titles that differ in a numeral (an edition, a
    year), in a word that makes another document (补充, 暂行, 办公厅), or in an item added to a
    list (取消和下放) are different documents and stay apart. Two spellings that one letter
    cites side by side, one of them longer, are taken as two documents. One finding names
    every spelling with the letters that use it (pointing at each), and which spelling most letters use.

    ## Why it matters
    A policy has one title. A reader who searches for the title a letter gives must find the
    policy; two spellings suggest two policies, or an outdated working title.

    ## Example
    ### Bad
    ```letter a.txt
    我市出台《中山市产业园区数字化管理与产业集群数字化转型试点资助实施细则》。

    2023年6月25日
    ```
    ```letter b.txt
    我局印发《中山市产业园区与产业集群数字化转型试点资助实施细则》。 <!-- expect: RL201 -->

    2023年7月1日
    ```
    ### Good
    ```letter a.txt
    出台《中山市制造业企业数字化智能化标杆示范认定与奖励实施细则》《中山市工业互联网与数字赋能平台项目认定与奖励实施细则》。
    ```
    ```letter b.txt
    出台《中山市工业互联网与数字赋能平台项目认定与奖励实施细则》。
    ```

    ## Known false positives
    Two documents whose titles differ only by a qualifier inserted in the middle
    (《关于加快发展服务业的若干意见》 and 《关于加快发展养老服务业的若干意见》) when no letter
    cites both: on 5,413 national titles, 45 such pairs (1.6% of the titles) pass the test.
    """
    policy = load_tables().variants.title
    titles = [(letter, claim) for letter, claim in corpus.claims("title") if claim.key and claim.role == "document"]
    cited = defaultdict(set)
    for letter, claim in titles:
        cited[letter.path].add(claim.key)
    uses = ((letter, claim.key, claim.span) for letter, claim in titles)
    for sides in grouped_sides(cited_variant_groups(cited.values(), policy), uses):
        yield sides_finding(title_variant, sides, lambda v: f"《{v}》")
