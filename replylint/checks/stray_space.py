"""RL404 stray-space."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.cjk import CJK_PUNCT, HAN, is_han
from replylint.corpus import Corpus, Letter
from replylint.models import Finding
from replylint.query import at_view, paragraphs
from replylint.registry import rule
from replylint.source import Paragraph

_CHINESE = f"[{HAN}{re.escape(''.join(sorted(CJK_PUNCT)))}]"
_SPACE = r"[ \t\u00a0]"
# A run of spaces with a Chinese character or full-width mark on each side. It opens with a
# space rather than with its look-behind so that the regex engine can skip to the next space.
_GAP = re.compile(f"{_SPACE}(?<={_CHINESE}{_SPACE}){_SPACE}*(?={_CHINESE})")
_ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇\d]+[条章节款编]$")
_HAN_RUN_END = re.compile(f"[{HAN}]+$")
_HAN_RUN_START = re.compile(f"[{HAN}]+")
_NUMBERED_HEADING = re.compile(r"^[#*\s]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


def _padded_name(text: str, start: int, end: int) -> bool:
    """A two-character name padded to three positions (房 钦): one lone character each side."""
    return not is_han(text[start - 2 : start - 1]) and not is_han(text[end + 1 : end + 2])


def _article_number(text: str, start: int) -> bool:
    """The space that follows an article or chapter number (第十七条 变更…), as laws lay out."""
    return _ARTICLE.search(text, 0, start) is not None


def _couplet(text: str, start: int, end: int) -> bool:
    """Two parallel phrases of equal length set apart by a space (勠力同心谋新篇 砥砺前行开新局)."""
    left = _HAN_RUN_END.search(text, 0, start)
    right = _HAN_RUN_START.match(text, end)
    return bool(left and right) and len(left.group()) == len(right.group()) >= 4


def _heading_run_on(text: str, start: int, end: int) -> bool:
    """A numbered heading and the sentence after it run together (…的建议 吸收采纳该建议。).

    The space stands for a lost line break, so deleting it would be wrong.
    """
    heading = _NUMBERED_HEADING.match(text)
    if heading is None or not text[heading.end() : start].strip(" *"):
        return False
    rest = text[end:].rstrip(" *")
    return "。" not in text[:start] and rest.endswith("。") and "。" not in rest[:-1]


def stray_gaps(letter: Letter, para: Paragraph) -> list[tuple[int, int]]:
    """View offsets (start, end) of the stray spaces in one paragraph of ``letter``.

    A gap is stray when Chinese characters or full-width marks stand on both sides of it.
    A gap next to a digit or a Latin letter (``截至 2022 年``) is a PDF-extraction artefact
    and never stray; so is a gap where a page break joins two lines.
    """
    text, source = para.text, letter.source
    out = []
    for m in _GAP.finditer(text):
        start, end = m.span()
        first, last = source.view_to_text[para.start + start - 1], source.view_to_text[para.start + end]
        if "\n" in source.text[first:last] or "\r" in source.text[first:last]:
            continue
        if any((_padded_name(text, start, end), _heading_run_on(text, start, end),
                _article_number(text, start), _couplet(text, start, end))):
            continue
        out.append((start, end))
    return out


@rule(
    "RL404",
    severity="info",
    message_zh="汉字之间有多余的空格（本段 {count} 处）",
    message_en="stray space between Chinese characters ({count} in this paragraph)",
    per_letter=True,
)
def stray_space(corpus: Corpus) -> Iterator[Finding]:
    """A space between two Chinese characters or full-width marks, once per paragraph.

    ## What it flags
    Spaces with a Chinese character or a full-width mark on both sides, such as
    ``市政协十三届 一次会议``. One finding per paragraph, at its first stray space; the fix
    deletes all of them. Spaces between Chinese and digits or Latin letters (``截至 2022
    年`` ``5G 基站``) are never flagged: they are PDF-extraction artefacts, and no standard
    asks for them or against them in official letters.

    ## Why it matters
    Chinese is written without spaces between words; a space inside a name or a title shows
    up as a gap in the published letter (often where a title was broken over two lines).

    ## Example
    ### Bad
    ```letter
    中山市工业和信息化局关于市政协十三届 一次会议第131412号提案答复的函 <!-- expect: RL404 -->
    ```
    ### Good
    ```letter
    截至 2022 年，累计建成 5G 基站 8274 座。联系人：房　钦、李 华。
    ```

    ## Known false positives
    A two-character name padded with a space to line up with three-character names is left
    alone (``李 华``); a padded name of another length is flagged. The space after an article
    number (``第十七条 变更``) and between two parallel phrases of equal length (``勠力同心谋新篇
    砥砺前行开新局``) is layout, not a slip. A numbered heading run
    together with the next sentence (``…的建议 吸收采纳该建议。``) is not flagged: its space
    stands for a line break, not for nothing.
    """
    for letter, para in paragraphs(corpus):
        gaps = stray_gaps(letter, para)
        if not gaps:
            continue
        places = [at_view(letter, para.start + start, para.start + end) for start, end in gaps]
        yield stray_space.finding(
            places[:1],
            count=len(gaps),
            fix=("删除多余的空格 / delete the stray spaces", [(place, "") for place in places]),
        )
