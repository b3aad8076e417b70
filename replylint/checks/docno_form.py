"""RL502 docno-form."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.letter import DOCNO
from replylint.models import Finding
from replylint.query import at_view, paragraphs, problem_values
from replylint.registry import rule

BRACKETS = ("〔", "〕")


def problems(match: re.Match) -> list[tuple[str, str]]:
    """What is wrong with one 发文字号 match, as (Chinese, English) pairs; empty when it is right."""
    out = []
    if (match["open"], match["close"]) != BRACKETS:
        out.append((f"年份应使用六角括号〔〕，不用“{match['open']}{match['close']}”",
                    f"the year goes in 〔〕, not {match['open']}{match['close']}"))
    if len(match["year"]) != 4:
        out.append(("年份应标全称", "the year must be written in full"))
    if match["di"]:
        out.append(("序号前不加“第”", "no 第 before the serial number"))
    if match["serial"].startswith("0"):
        out.append((f"序号不编虚位（{match['serial']}应为{int(match['serial'])}）",
                    f"no leading zeros in the serial ({match['serial']} should be {int(match['serial'])})"))
    return out


@rule(
    "RL502",
    severity="error",
    message_zh="发文字号“{docno}”格式不规范：{problems_zh}",
    message_en="document number “{docno}” is malformed: {problems_en}",
    per_letter=True,
)
def docno_form(corpus: Corpus) -> Iterator[Finding]:
    """A 发文字号 written with the wrong brackets, a 第 or a serial padded with zeros.

    ## What it flags
    The letter's own 发文字号 and every document number it cites (机关代字 + year in
    brackets + serial + 号) whose year is not in the tortoise-shell brackets 〔〕 (but in
    [] ［］ () （） 【】 or the look-alikes ﹝﹞), whose year is shortened, whose serial carries
    a 第, or whose serial starts with 0. The fix rewrites the brackets, the 第 and the zeros
    when the year is written in full.

    ## Why it matters
    GB/T 9704-2012 7.2.5 fixes the form: 发文机关代字、年份、发文顺序号; the year in full in
    六角括号 〔〕; the serial without 虚位 (1, not 01) and without 第. A wrong bracket is the
    commonest slip of input methods and of templates copied from web pages.

    ## Example
    ### Bad
    ```letter
    中工信函[2023]第059号 <!-- expect: RL502 -->
    ```
    ### Good
    ```letter
    中工信函〔2023〕59号

    市政府办公室印发了《政策措施》（中府办〔2020〕22号），另见（2023）粤0105民初123号判决。
    ```

    ## Known false positives
    Numbering schemes that are not 发文字号 but share the shape 代字 + bracketed year +
    serial + 号, such as some internal registers; court case numbers put the bracket first
    and are not flagged.
    """
    for letter, para in paragraphs(corpus):
        if "号" not in para.text:
            continue  # every document number ends in 号; saves running DOCNO on most paragraphs
        for match in DOCNO.finditer(para.text):
            found = problems(match)
            if not found:
                continue
            place = at_view(letter, para.start + match.start("open"), para.start + match.end())
            fix = None
            if len(match["year"]) == 4 and not any(c in letter.excerpt(place.span) for c in "\r\n"):
                right = f"〔{match['year']}〕{int(match['serial'])}号"
                fix = (f"改为“{right}” / write “{right}”", [(place, right)])
            yield docno_form.finding(
                [place], fix=fix, docno=match.group(), **problem_values(found),
            )
