"""RL402 half-width-punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.cjk import CJK_PUNCT, HAN_RE, SkipZones, is_ascii_word, is_han, neighbour
from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.query import at_view, paragraphs
from replylint.registry import rule

FULL_WIDTH = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
_MARK = re.compile(r"[,:;()?!]")


def in_chinese_context(text: str, index: int) -> bool:
    """Whether the mark at ``index`` stands in Chinese text rather than in a number or Latin text.

    Its nearest neighbour on either side (spaces skipped) is a Chinese character; or one
    neighbour is a full-width mark and the other is no ASCII letter or digit (``”,“``). Marks
    between digits (``1,208`` ``1:1`` ``10:30``) and between Latin words stay ASCII.
    """
    left, right = neighbour(text, index, -1), neighbour(text, index, 1)
    if is_han(left) or is_han(right):
        return True
    return (left in CJK_PUNCT or right in CJK_PUNCT) and not (is_ascii_word(left) or is_ascii_word(right))


def half_width_marks(text: str) -> list[int]:
    """Indexes of the half-width marks in ``text`` that stand in Chinese text.

    A pair of round brackets counts as one: both are flagged when either stands in Chinese
    text or when they enclose a Chinese character (``(A类)``), so that a fix never leaves a
    full-width bracket closed by a half-width one. URLs and e-mail addresses are skipped.
    """
    if not _MARK.search(text):
        return []  # most paragraphs hold no half-width mark and need no skip zones
    skip = SkipZones(text)
    flagged: set[int] = set()
    opened: list[int] = []
    pairs: list[tuple[int, int]] = []
    for m in _MARK.finditer(text):
        index, char = m.start(), m.group()
        if index in skip:
            continue
        if char == "(":
            opened.append(index)
        elif char == ")" and opened:
            pairs.append((opened.pop(), index))
        if in_chinese_context(text, index):
            flagged.add(index)
    for start, end in pairs:
        if start in flagged or end in flagged or HAN_RE.search(text, start, end):
            flagged.update((start, end))
    return sorted(flagged)


@rule(
    "RL402",
    severity="warning",
    message_zh="中文里的半角“{mark}”应为全角“{full}”",
    message_en="half-width “{mark}” in Chinese text should be full-width “{full}”",
    per_letter=True,
)
def half_width_punctuation(corpus: Corpus) -> Iterator[Finding]:
    """A half-width comma, colon, semicolon, bracket, question or exclamation mark in Chinese text.

    ## What it flags
    Each ASCII ``, : ; ( ) ? !`` whose nearest neighbour (spaces skipped) is a Chinese
    character, and both brackets of a half-width pair that encloses Chinese text, such as
    ``(A类)`` or ``(一)``. The fix replaces the mark with its full-width form.

    ## Why it matters
    GB/T 15834-2011 (chapter 5) gives Chinese marks a full character position, and
    GB/T 9704-2012 asks for the full-width colon after 主送机关, 附件 and 抄送. Half-width
    marks are the commonest slip of a letter typed with the input method in English mode.

    ## Example
    ### Bad
    ```letter
    为大力发展先进制造业,推动工业互联网发展。 <!-- expect: RL402 -->
    ```
    ### Good
    ```letter
    共 1,208 家企业，比例为 1:1:1，会议于 10:30 开始，详见 http://www.zs.gov.cn/a?id=1,IoT 与 5G+AI。
    ```

    ## Known false positives
    An English phrase quoted inside Chinese text keeps its own punctuation, but a mark at its
    very edge, next to a Chinese character, is flagged. Chinese characters inside a URL
    (rare) end the URL for this rule.
    """
    for letter, para in paragraphs(corpus):
        for index in half_width_marks(para.text):
            mark = para.text[index]
            place = at_view(letter, para.start + index, para.start + index + 1)
            full = FULL_WIDTH[mark]
            yield half_width_punctuation.finding(
                [place],
                mark=mark,
                full=full,
                fix=(f"改为全角“{full}” / use the full-width “{full}”", [(place, full)]),
            )
