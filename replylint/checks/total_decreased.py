"""RL101 total-decreased."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from replylint.compare import as_of, below, by_measure, by_value, interval, measure, old_new, places, stated_figures
from replylint.corpus import Corpus, Letter
from replylint.extract.figures import Figure
from replylint.models import Finding
from replylint.registry import rule
from replylint.tables import load_tables


@rule(
    "RL101",
    severity="error",
    message_zh="累计数“{what}”在较晚的信函或日期中变小了：{old} → {new}",
    message_en="the running total “{what}” went down in a later letter or as-of date: {old_en} → {new_en}",
)
def total_decreased(corpus: Corpus) -> Iterator[Finding]:
    """A running total that is smaller in a later letter, or at a later as-of date.

    ## What it flags
    A figure stated as a running total (累计, 截至…, 总计) whose value, for the same metric
    and topic, is smaller in a letter written later or at a later as-of date than an earlier
    letter or date stated. Letters that agree are listed together: one finding per decrease.
    Only totals counted from the same start (累计 against 累计, 2020—2022年累计 against
    2020—2022年累计) by letters of the same jurisdiction (浙江省, 安吉县) are compared.

    ## Why it matters
    A running total can only grow. A smaller total four days later means one of the two
    letters is wrong, and a reader who compares them will notice.

    ## Example
    ### Bad
    ```letter a.txt
    （二）开展“数字贷”。累计发放贷款 1.08 亿元。 <!-- expect: RL101 -->

    2023年6月25日
    ```
    ```letter b.txt
    完成“数字贷”项目审核42个，累计发放贷款5400万元。

    2023年6月29日
    ```
    ### Good
    ```letter a.txt
    完成“数字贷”项目审核，累计发放贷款 1.08 亿元。

    2023年6月25日
    ```
    ```letter b.txt
    2023 年累计完成 93 个“数字贷”备案，累计发放贷款 2.91 亿元。

    2024年7月8日
    ```

    ## Known false positives
    A total restated after a correction or a change of definition (a programme that starts
    counting afresh, a figure net of repayments); a metric phrase so generic that two
    different totals share it.
    """
    table = load_tables().figures.compare
    totals = stated_figures(corpus, _is_total)
    for items in by_measure(totals, lambda fig: (fig.scope.start,)):
        for high, low in combinations(reversed(by_value(items)), 2):
            if not below(interval(low[0][1], table), interval(high[0][1], table)):
                continue
            latest_low = max(as_of(*item) for item in low)
            earlier = [item for item in high if as_of(*item) < latest_low]
            if not earlier:
                continue
            first = min(as_of(*item) for item in earlier)
            later = [item for item in low if as_of(*item) > first]
            if not corpus.reported(*(letter for letter, _ in earlier + later)):
                continue
            yield total_decreased.finding(
                places(earlier, "earlier") + places(later, "later"),
                what=measure(earlier + later), **old_new(earlier, later),
            )


def _is_total(letter: Letter, fig: Figure) -> bool:
    """Whether a figure is a running total with a date it is counted up to."""
    return (fig.scope.cumulative or fig.scope.kind == "as_of") and as_of(letter, fig) is not None
