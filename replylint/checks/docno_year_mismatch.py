"""RL501 docno-year-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.registry import At, rule


@rule(
    "RL501",
    severity="error",
    message_zh="发文字号“{docno}”的年份 {year} 与成文日期 {date} 的年份不符",
    message_en="the year {year} of document number “{docno}” differs from the year of the date {date}",
    per_letter=True,
)
def docno_year_mismatch(corpus: Corpus) -> Iterator[Finding]:
    """A 发文字号 whose year differs from the year of the letter's 成文日期.

    ## What it flags
    A letter whose document number, such as 中工信函〔2023〕59号, carries a year other than
    the year of the date under its signature.

    ## Why it matters
    The year in brackets is the year the document is issued (GB/T 9704-2012, 7.2.5); a
    mismatch means the number or the date is wrong, often because a template was reused.

    ## Example
    ### Bad
    ```letter
    中工信函〔2022〕59号 <!-- expect: RL501 -->

    中山市工业和信息化局关于市政协十三届二次会议第132033号提案答复的函

    中山市工业和信息化局

    2023年6月25日
    ```
    ### Good
    ```letter
    中工信函〔2023〕59号

    中山市工业和信息化局关于市政协十三届二次会议第132033号提案答复的函

    中山市工业和信息化局

    2023年6月25日
    ```

    ## Known false positives
    A letter dated in the first days of January under a number reserved in December.
    """
    for letter in corpus:
        docno, dated = letter.structure.docno, letter.structure.date
        if docno and dated and docno.year != dated.value.year:
            yield docno_year_mismatch.finding(
                [At(letter, docno.span, "docno"), At(letter, dated.span, "date")],
                docno=docno.text, year=docno.year, date=dated.value.isoformat(),
            )
