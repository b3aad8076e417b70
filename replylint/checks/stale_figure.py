"""RL103 stale-figure."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.compare import by_measure, by_value, measure, old_new, places, stated_figures
from replylint.corpus import Corpus
from replylint.extract.figures import Figure
from replylint.models import Finding
from replylint.registry import rule
from replylint.tables import load_tables


@rule(
    "RL103",
    severity="info",
    message_zh="“{what}”在相隔 {days} 天的信函中数值未变：{old} → {new}，请确认是否已更新",
    message_en="“{what}” is unchanged between letters {days} days apart: {old_en} → {new_en}; check that it is up to date",
)
def stale_figure(corpus: Corpus, *, days: int | None = None) -> Iterator[Finding]:
    """A current figure repeated unchanged in a letter written much later.

    ## What it flags
    An exact figure that a letter states as current (累计, 目前, 截至目前) and that a letter
    written more than ``days`` days later (300 by default, ``stale_days`` in
    ``rules/figures.toml``) repeats with the same value, as current or without a time
    scope, for the same metric and topic.

    ## Why it matters
    A running total or a current count that has not moved in a year was usually copied from
    an old letter; the reader takes it as today's figure.

    ## Example
    ### Bad
    ```letter a.txt
    为企业提供 460 家次现场服务与定制方案（累计 5100 家次）。 <!-- expect: RL103 -->

    2023年6月25日
    ```
    ```letter b.txt
    摸排梳理 694 家企业，为企业提供 5100 家次现场服务与定制方案。

    2024年7月8日
    ```
    ### Good
    ```letter a.txt
    为企业提供现场服务与定制方案（累计 5100 家次）。

    2023年6月25日
    ```
    ```letter b.txt
    截至2023年6月，累计为企业提供现场服务与定制方案 5100 家次。

    2024年7月8日
    ```

    ## Known false positives
    A count that really did not change (a programme that has ended, a fixed list); the rule
    only looks at exact figures so that rounded totals (4500 余套) are left alone.
    """
    limit = days if days is not None else load_tables().figures.compare.stale_days
    current = stated_figures(corpus, lambda letter, fig: letter.date is not None and not fig.approx and _current_or_none(fig))
    for items in by_measure(current):
        for same in by_value(items):
            earlier = [item for item in same if _current(item[1])]
            if not earlier:
                continue
            start = min(letter.date for letter, _ in earlier)
            later = [item for item in same if (item[0].date - start).days > limit]
            first = [item for item in earlier if item[0].date == start]
            if later and corpus.reported(*(letter for letter, _ in first + later)):
                yield stale_figure.finding(
                    places(first, "earlier") + places(later, "later"),
                    what=measure(first + later), days=(max(letter.date for letter, _ in later) - start).days,
                    **old_new(first, later),
                )


def _current(fig: Figure) -> bool:
    """Whether the figure is stated as current: a running total or as of the letter's date."""
    return fig.scope.kind == "cumulative" or (fig.scope.kind == "relative" and fig.scope.start is None)


def _current_or_none(fig: Figure) -> bool:
    """Whether the figure is current or has no time scope at all."""
    return fig.scope.kind == "none" or _current(fig)

