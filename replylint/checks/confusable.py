"""RL304 confusable."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.registry import rule
from replylint.substitution import substitution_findings
from replylint.tables import load_tables


@rule(
    "RL304",
    severity="warning",
    message_zh="“{wrong}”宜作“{right}”（{source}）",
    message_en="“{wrong}” should be “{right}” (source: {source})",
    per_letter=True,
)
def confusable(corpus: Corpus) -> Iterator[Finding]:
    """A word official letters commonly get wrong, such as 截止 before a date or 其它.

    ## What it flags
    Each entry of the lexicon in ``rules/confusables.toml`` where its context holds:
    截止 directly before a time (截至), 您们 (你们), 其它 (其他), 做出 before a verbal noun
    (作出), 的 before a complement of degree (得) or after an adverbial before its verb (地),
    misspelt set phrases from the 《咬文嚼字》 list of the commonest misprints (按步就班), and the
    variant forms whose standard form GF 1001-2001 recommends (定单 → 订单). Every entry
    cites its source; 截止 is an error, 您们 and 其它 are notes, the rest warnings.

    ## Why it matters
    These are the slips a proofreader of official documents marks first; the standard forms
    are fixed by the dictionaries and GF 1001-2001, and a published letter is judged by them.

    ## Example
    ### Bad
    ```letter
    截止 2022 年，累计建成 5G 基站 8274 座。 <!-- expect: RL304 -->
    ```
    ### Good
    ```letter
    截至 2022 年，累计建成 5G 基站 8274 座，申报于 6 月 30 日截止，其他单位作出安排。
    ```

    ## Known false positives
    截止 followed by a time that is the deadline itself (截止2022年底的申报, "applications
    closing at the end of 2022"); a variant form inside a proper name. Entries whose wrong
    form can be part of a longer word are checked only where no dictionary word crosses
    their edge, which trades a few misses for quiet.
    """
    yield from substitution_findings(confusable, load_tables().confusables, corpus)
