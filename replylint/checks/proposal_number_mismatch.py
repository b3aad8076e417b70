"""RL503 proposal-number-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.letter import Proposal
from replylint.models import Finding
from replylint.registry import At, rule


def family(kind: str | None) -> str | None:
    """提案 for a 政协 proposal; 建议 for a deputy's suggestion (建议, 议案, 议案转建议)."""
    if kind is None:
        return None
    return "提案" if kind == "提案" else "建议"


def differs(cited: Proposal, answered: Proposal) -> bool:
    """Whether a cited proposal is not the one the title answers: another number or kind.

    Numbers are compared as numbers: 第0187号 and 第187号 are one proposal written two ways.
    """
    kinds = family(cited.kind), family(answered.kind)
    return _value(cited.number) != _value(answered.number) or (None not in kinds and kinds[0] != kinds[1])


def _value(number: str | None) -> int | None:
    return int(number) if number and number.isdigit() else None


def _named(proposal: Proposal) -> str:
    return f"{proposal.kind or ''}第{proposal.number}号"


@rule(
    "RL503",
    severity="error",
    message_zh="正文引用的“{cited}”与标题答复的“{answered}”不一致",
    message_en="the body cites “{cited}” but the title answers “{answered}”",
    per_letter=True,
)
def proposal_number_mismatch(corpus: Corpus) -> Iterator[Finding]:
    """The proposal cited where the letter acknowledges it differs from the one its title answers.

    ## What it flags
    A letter whose title answers one proposal (``第131412号提案``) while the sentence that
    acknowledges it (``你们提出的《……》（提案第131421号）收悉``) cites another number, or
    cites a suggestion (建议, 议案) where the title answers a 提案, or the reverse. Other
    proposals mentioned later in the body are not compared.

    ## Why it matters
    The number identifies the proposal in the handling system of the 政协 or the 人大; a
    reply filed under one number and quoting another is answered to the wrong proposal or
    was adapted from another reply without correcting the number.

    ## Example
    ### Bad
    ```letter
    关于市政协十三届一次会议第131412号提案答复的函

    莫丽（等）委员：

    你们提出的《关于加强重视产业服务平台的建议》（提案第131421号）收悉，现答复如下： <!-- expect: RL503 -->
    ```
    ### Good
    ```letter
    关于市十六届人大四次会议第2024111号代表建议答复的函

    李翔宇等代表：

    你们提出的《关于推动中小企业数字化转型的建议》（建议第2024111号）收悉，现答复如下：
    ```

    ## Known false positives
    A reply that answers several proposals together but names only one in its title.
    """
    for letter in corpus:
        answered = letter.structure.proposal
        if answered is None or answered.number_span is None:
            continue
        for cited in letter.structure.citations:
            if differs(cited, answered):
                yield proposal_number_mismatch.finding(
                    [At(letter, cited.span, "cited"), At(letter, answered.number_span, "title")],
                    cited=_named(cited), answered=_named(answered),
                )
