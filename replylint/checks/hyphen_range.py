"""RL405 hyphen-range."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.query import at_view, paragraphs
from replylint.registry import rule
from replylint.tables import Ranges, load_tables

# Stand-ins for the range mark: hyphens and dashes (the writer may mean — or ～: no fix), and
# tildes that are not the full-width ～ (the intended mark is certain: fix).
_HYPHENS = "-－–‐‑"
_TILDES = "~〜"
_NUMBER = r"\d+(?:\.\d+)?"
_RANGE_MARK = re.compile(f"[{re.escape(_HYPHENS + _TILDES)}]")


@lru_cache(maxsize=4)
def range_pattern(table: Ranges) -> re.Pattern[str]:
    """The pattern of ``a-b unit`` (the unit may also follow ``a``), built from the table's units."""
    units = "|".join(re.escape(u) for u in sorted(table.units, key=len, reverse=True))
    return re.compile(
        rf"(?<![0-9A-Za-z./\-－–‐‑~〜#])(?P<a>{_NUMBER})[ \t]*(?P<ua>{units})?[ \t]*"
        rf"(?P<sep>[{_HYPHENS}{_TILDES}])[ \t]*(?P<b>{_NUMBER})[ \t]*(?P<ub>{units})(?![0-9A-Za-z\-－])"
    )


def ranges(text: str, table: Ranges) -> Iterator[re.Match[str]]:
    """The numeric ranges in ``text`` written with a hyphen or an ASCII tilde.

    A match is a range only when it reads as one: the first number is not greater than the
    second, a unit after the first number is the unit after the second, and it is no label
    (``表2-8``), phone number (``0760-88307014``), date (``2023-06-25``) or model number.
    """
    if not _RANGE_MARK.search(text):
        return  # most paragraphs hold no range mark; saves running the pattern on them
    for m in range_pattern(table).finditer(text):
        a, b = m["a"], m["b"]
        if Decimal(a) > Decimal(b) or (m["ua"] and m["ua"] != m["ub"]):
            continue
        if (len(a) > 2 and a.startswith("0")) or len(b.split(".")[0]) >= 7:
            continue
        before = text[: m.start()].rstrip(" \t")
        if any(before.endswith(label) for label in table.labels):
            continue
        yield m


@rule(
    "RL405",
    severity="warning",
    message_zh="数值范围“{range}”中的“{sep}”应为一字线“—”或浪纹线“～”",
    message_en="the “{sep}” in the range “{range}” should be the dash “—” or the wave dash “～”",
    per_letter=True,
)
def hyphen_range(corpus: Corpus) -> Iterator[Finding]:
    """A range of years, months or values joined by a hyphen or an ASCII tilde.

    ## What it flags
    ``2022-2025 年`` ``2023 年 1-3 月`` ``1-2 家`` ``10%-20%``: two numbers joined by a
    hyphen, an en dash or ``~`` and followed by a unit or measure word from
    ``rules/punctuation.toml``. A hyphen has no fix, since GB/T 15834 allows both ``—`` and
    ``～``; an ASCII ``~`` or ``〜`` is fixed to the full-width ``～``.

    ## Why it matters
    GB/T 15834-2011 (4.13) keeps the short hyphen for compound names, phone numbers,
    all-numeric dates and model numbers; the start and end of a span of time or value take
    the 一字线 ``—`` or the 浪纹线 ``～`` (GB/T 15835-2011 5.1.3 likewise).

    ## Example
    ### Bad
    ```letter
    2023 年 1-3 月共为 125 家企业办理“助保贷”。 <!-- expect: RL405 -->
    ```
    ### Good
    ```letter
    2023年1—3月、2021～2023年，联系电话 0760-88307014，成文于 2023-06-25，见表2-8，依据 GB/T 15834-2011。
    ```

    ## Known false positives
    A hyphenated serial followed by a measure word (``编号 3-5 个``) reads as a range; labels
    such as 表 and 型号 before the number are excluded (``labels`` in the table). A title
    quoted in 《》 is quoted as written, but official titles use ``—`` too.
    """
    table = load_tables().punctuation.ranges
    for letter, para in paragraphs(corpus):
        for m in ranges(para.text, table):
            sep = m["sep"]
            place = at_view(letter, para.start + m.start("sep"), para.start + m.end("sep"))
            fix = ("改为浪纹线“～” / use the wave dash “～”", [(place, "～")]) if sep in _TILDES else None
            yield hyphen_range.finding([place], range=m.group(), sep=sep, fix=fix)
