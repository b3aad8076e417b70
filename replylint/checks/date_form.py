"""RL505 date-form."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.query import problem_values
from replylint.registry import At, rule

_CHINESE = re.compile(r"[〇○零OＯ一二三四五六七八九十]")
_SEPARATOR = re.compile(r"[.．\-－/／]")
_SHORT_YEAR = re.compile(r"^\d{2}\s*年")
_PADDED = re.compile(r"(?:^|[^\d\s])\s*[0０]\d")
_FULL_WIDTH = re.compile(r"[０-９]")


def problems(text: str) -> list[tuple[str, str]]:
    """What is wrong with the form of a 成文日期, as (Chinese, English) pairs.

    Spaces between the numbers and 年/月/日 are left alone: they are what PDF extraction
    leaves behind, not part of the letter.
    """
    out = []
    if _CHINESE.search(text):
        out.append(("应使用阿拉伯数字", "use Arabic numerals"))
    if _FULL_WIDTH.search(text):
        out.append(("应使用半角阿拉伯数字", "use half-width digits"))
    if _SEPARATOR.search(text):
        out.append(("应写作“××××年×月×日”", "write it as ××××年×月×日"))
    if _SHORT_YEAR.match(text):
        out.append(("年份应标全称", "write the year in full"))
    if _PADDED.search(text):
        out.append(("月、日不编虚位", "no leading zeros in month and day"))
    return out


@rule(
    "RL505",
    severity="error",
    message_zh="成文日期“{date}”格式不规范：{problems_zh}",
    message_en="the date “{date}” is malformed: {problems_en}",
    per_letter=True,
)
def date_form(corpus: Corpus) -> Iterator[Finding]:
    """A 成文日期 in Chinese numerals, with leading zeros, a short year or dots and dashes.

    ## What it flags
    The date under the signature when it is not written ``2023年6月5日``: Chinese numerals
    (二〇二三年六月五日, or a mix of both systems), full-width digits, month or day padded with a zero
    (2023年06月05日), a two-digit year, or a numeric form (2023.6.5, 2023-6-5, 2023/6/5).
    The fix writes the date in the standard form when the year is written in full. Spaces
    inside the date (``2024 年 7 月 8 日``) are PDF-extraction artifacts and are not flagged.

    ## Why it matters
    GB/T 9704-2012 7.3.5.4: the 成文日期 is written in Arabic numerals, year, month and day
    in full, the year in four digits, and month and day without 虚位 (1, not 01). The 1999
    edition used Chinese numerals; templates from before 2012 still carry them.

    ## Example
    ### Bad
    ```letter
    专此答复。

    中山市工业和信息化局

    2023年06月05日 <!-- expect: RL505 -->
    ```
    ### Good
    ```letter
    专此答复。

    中山市工业和信息化局

    2024 年 7 月 8 日
    ```

    ## Known false positives
    Letters of bodies whose own rules still ask for Chinese numerals in the 成文日期; turn
    the rule off for them.
    """
    for letter in corpus:
        dated = letter.structure.date
        if dated is None or not (found := problems(dated.text)):
            continue
        place = At(letter, dated.span, "date")
        fix = None
        if not _SHORT_YEAR.match(dated.text):
            right = f"{dated.value.year}年{dated.value.month}月{dated.value.day}日"
            fix = (f"改为“{right}” / write “{right}”", [(place, right)])
        yield date_form.finding(
            [place], fix=fix, date=dated.text, **problem_values(found),
        )
