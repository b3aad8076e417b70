"""RL102 conflicting-figure."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from replylint.compare import Stated, by_measure, by_value, interval, measure, overlap, shown, stated_figures, stated_value
from replylint.conflicts import sides_finding, sides_of
from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.registry import rule
from replylint.tables import load_tables


@rule(
    "RL102",
    severity="warning",
    message_zh="“{what}”在同一时间范围（{scope}）内数值不一致：{sides_zh}{majority_zh}",
    message_en="“{what}” has different values for the same time scope ({scope_en}): {sides_en}{majority_en}",
)
def conflicting_figure(corpus: Corpus) -> Iterator[Finding]:
    """The same metric with different values for the same time scope.

    ## What it flags
    Figures of one metric and topic, for one resolved time scope (a year, a period, an
    as-of date), whose values cannot both be true, in two letters or within one letter.
    Approximations (约, 近, 超, 多, 余) admit nearby values and bounds (至少, 最高) admit one
    side, so neither conflicts with a compatible value. Figures of one sentence are parts
    of an enumeration, not restatements, and are not compared with each other. The finding
    starts at the value fewest letters give and names which value most letters give.

    ## Why it matters
    Two values for the same thing at the same time cannot both be right; a reviewer must
    decide which letter to correct before either is published.

    ## Example
    ### Bad
    ```letter a.txt
    截至2022年末，中山地区科技支行19家。

    2023年6月29日
    ```
    ```letter b.txt
    截至 2022 年末，中山地区科技支行 21 家。 <!-- expect: RL102 -->

    2024年3月1日
    ```
    ### Good
    ```letter a.txt
    截至2022年末，中山地区科技支行19家。

    2023年6月29日
    ```
    ```letter b.txt
    截至2023年末，中山地区科技支行约 20 家。

    2024年3月1日
    ```

    ## Known false positives
    A figure revised between letters on purpose (a corrected statistic); a metric phrase so
    generic that two measures share it.
    """
    table = load_tables().figures.compare
    dated = stated_figures(corpus, lambda letter, fig: fig.scope.resolved)
    for items in by_measure(dated, lambda fig: (fig.scope.start, fig.scope.end, fig.scope.cumulative)):
        # Most groups: a figure stated once cannot disagree. A group of letters out of focus is not reported.
        if len(items) < 2 or not corpus.reported(*(letter for letter, _ in items)):
            continue
        values = by_value(items)
        if any(_conflict(a, b, table) for a, b in combinations(values, 2)):
            written = {stated_value(fig): shown(fig) for _, fig in items}
            yield sides_finding(
                conflicting_figure,
                sides_of((letter, stated_value(fig), fig.span) for letter, fig in items),
                written.__getitem__,
                what=measure(items),
                scope=items[0][1].scope.describe(),
                scope_en=items[0][1].scope.describe("en"),
            )


def _conflict(a: list[Stated], b: list[Stated], table) -> bool:
    """Whether two value groups disagree, outside a single sentence of a single letter."""
    if overlap(interval(a[0][1], table), interval(b[0][1], table)):
        return False
    sentences = {(letter.path, fig.sentence) for letter, fig in a + b}
    return len(sentences) > 1
