"""RL508 proposal-body-mismatch."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.checks.proposal_number_mismatch import family
from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.registry import At, rule

# What each body's members are called and what they hand in.
EXPECTED = {"政协": ("提案", "委员"), "人大": ("建议", "代表")}
_MEMBER = re.compile(r"(委员|代表)(?:们)?\s*[：:]$")


@rule(
    "RL508",
    severity="warning",
    message_zh="答复{body}的来件应称“{expected}”，此处却写作“{found}”",
    message_en="a reply to the {body} calls for “{expected}”, but the letter says “{found}”",
    per_letter=True,
)
def proposal_body_mismatch(corpus: Corpus) -> Iterator[Finding]:
    """A 政协 proposal called a suggestion, an 人大 suggestion called a proposal, or the wrong members addressed.

    ## What it flags
    A title that names the 政协 but a 建议 or 议案 (or the 人大 but a 提案), and an addressee
    line that names 代表 in a reply to the 政协 or 委员 in a reply to the 人大. Only a body
    the title names (市政协, 市十六届人大) is used; a title that names none is left alone.

    ## Why it matters
    政协委员 hand in 提案 and 人大代表 hand in 建议 (or 议案); the two are handled under
    different rules and numbered in different registers. Mixing them shows a reply adapted
    from one for the other body without its title or salutation being corrected.

    ## Example
    ### Bad
    ```letter
    关于市政协十三届一次会议第131412号提案答复的函

    莫丽（等）代表： <!-- expect: RL508 -->
    ```
    ### Good
    ```letter
    关于市十六届人大四次会议第2024111号代表建议答复的函

    李翔宇等代表：
    ```

    ## Known false positives
    Bodies whose own rules use other words, such as a 政协 that registers members'
    建议 besides their 提案.
    """
    for letter in corpus:
        proposal, addressee = letter.structure.proposal, letter.structure.addressee
        if proposal is None or proposal.body is None:
            continue
        kind, member = EXPECTED[proposal.body]
        if proposal.kind and family(proposal.kind) != kind:
            yield proposal_body_mismatch.finding(
                [At(letter, proposal.span, "proposal")], body=proposal.body, expected=kind, found=proposal.kind,
            )
        if addressee and (m := _MEMBER.search(addressee.text)) and m.group(1) != member:
            yield proposal_body_mismatch.finding(
                [At(letter, addressee.span, "addressee")], body=proposal.body, expected=member, found=m.group(1),
            )
