"""RL104 approximation-conflict."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.extract.figures import Figure
from replylint.models import Finding
from replylint.registry import At, rule

_DIGITS = re.compile(r"[0-9０-９][0-9０-９,.．]*")
_LEFTOVER = ("多", "余")


@rule(
    "RL104",
    severity="warning",
    message_zh="“{text}”{problem_zh}",
    message_en="“{text}” {problem_en}",
    per_letter=True,
)
def approximation_conflict(corpus: Corpus) -> Iterator[Finding]:
    """Approximation words stacked on one figure, or 多/余 after an exact-looking number.

    ## What it flags
    A figure that carries two approximation words (约…左右, 超过…以上, 近…多), an
    approximation word together with a bound (至少…以上), or 多/余 after a number that is not
    round (``2256多家``, ``1.5万多人``): 多 and 余 stand for what is left over after a round
    number (GB/T 15835-2011, 4.3; editorial practice).

    ## Why it matters
    One marker makes a number approximate; two contradict or repeat each other, and 多 after
    an exact number claims a precision the word denies.

    ## Example
    ### Bad
    ```letter
    全市新增596家规上工业企业数字化转型，累计2256多家。 <!-- expect: RL104 -->
    ```
    ### Good
    ```letter
    累计为企业提供智能改造方案 4500 余套，现场参会企业 6800多家，推荐 70 多家企业，约 1068 家企业获取贷款。
    ```

    ## Known false positives
    Whether 约 with 左右 is an error is disputed (the message says so); 余 meaning "the rest"
    right after a number is rare but possible. A decimal before 万 or 亿 with 多/余
    (``1.5万余户``) is common in published letters; the reference treats it as an error
    (GB/T 15835 notes in ``reference/standards.md``), so it is flagged; ignore RL104 per
    file or suppress the line where a house style accepts it.
    """
    for letter, fig in corpus.claims("figure"):
        problem = _problem(fig)
        if problem:
            yield approximation_conflict.finding(
                [At(letter, fig.span, "figure")], text="".join(fig.raw.split()),
                problem_zh=problem[0], problem_en=problem[1],
            )


def _problem(fig: Figure) -> tuple[str, str] | None:
    """What is wrong with the figure's approximation words, in Chinese and in English."""
    words = [w for w in (fig.approx or "").split("…") if w]
    if len(words) > 1:
        return (f"叠用了约数词“{'”“'.join(words)}”，只保留一个（“约…左右”是否算错有争议）",
                f"stacks the approximation words {' and '.join(words)}; keep one (约…左右 is disputed)")
    if words and fig.bound:
        return (f"同时用了“{fig.bound}”和“{words[0]}”，意思重复或矛盾",
                f"combines the bound {fig.bound} with the approximation word {words[0]}")
    if words and words[0] in _LEFTOVER and fig.numeral == "arabic" and not _round(fig.raw):
        return (f"中的“{words[0]}”接在非整数后，不能表示约数；应写确数或改为整数加“{words[0]}”",
                f"puts {words[0]} after a number that is not round; state the exact number or round it")
    return None


def _round(raw: str) -> bool:
    """Whether the written number ends in 0 and has no decimals (4500, 70), as 多/余 need."""
    number = _DIGITS.search(raw)
    digits = number.group().rstrip(",.．") if number else ""
    return bool(digits) and "." not in digits and "．" not in digits and digits[-1] in "0０"
