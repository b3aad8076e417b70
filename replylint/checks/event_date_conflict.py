"""RL601 event-date-conflict."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.conflicts import date_conflict
from replylint.corpus import Corpus, group_by
from replylint.models import Finding
from replylint.registry import rule


@rule(
    "RL601",
    severity="warning",
    message_zh="{verb}{object}的时间前后不一：{sides_zh}",
    message_en="{verb}{object} is dated differently: {sides_en}",
)
def event_date_conflict(corpus: Corpus) -> Iterator[Finding]:
    """The same one-off event dated differently, across letters or within one.

    ## What it flags
    An action done once (成立, 组建, 设立, 启动, 认定, 入选, 召开 …) on the same named object
    (a quoted name such as “数字化智能化改造升级政策走进产业集群”宣讲团, or a body such as
    招商引资工作指挥部) that one sentence dates in one year and another in another year, or
    in another month of the same year. One finding names every date with the letters that
    give it, pointing at each date. Only letters of one jurisdiction are compared: two
    counties may each set up a “四好农村路”专家指导组 in their own year.

    ## Why it matters
    A body is set up once. When one reply says 2022 and a later one 2023, a sentence was
    probably copied into the later letter and its year moved on with the rest.

    ## Example
    ### Bad
    ```letter a.txt
    2022年市工信局联合三大运营商成立“数字化转型政策进园区”宣讲团，开展政策宣讲。
    ```
    ```letter b.txt
    2023 年市工信局联合行业协会成立“数字化转型政策进园区”宣讲团，下沉镇街。 <!-- expect: RL601 -->
    ```
    ### Good
    ```letter a.txt
    2022年市工信局成立“数字化转型政策进园区”宣讲团，2023年宣讲团走进企业。
    ```
    ```letter b.txt
    2022年12月，市工信局成立“数字化转型政策进园区”宣讲团。2023年组织宣讲100场。
    ```

    ## Known false positives
    An event that does happen every year under the same name (an annual 座谈会 or a yearly
    round of 认定) when the letters name it without its year or edition.
    """
    for _, uses in group_by(corpus.claims("event"), lambda use: (use[0].jurisdiction, use[1].key)).items():
        if not corpus.reported(*(letter for letter, _ in uses)):
            continue
        first = uses[0][1]
        finding = date_conflict(
            event_date_conflict, ((letter, claim.when, claim.date_span) for letter, claim in uses),
            verb=first.verb, object=first.object,
        )
        if finding:
            yield finding
