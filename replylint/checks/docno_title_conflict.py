"""RL202 docno-title-conflict."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.conflicts import sides_finding, sides_of
from replylint.corpus import Corpus, group_by
from replylint.models import Finding
from replylint.registry import rule


@rule(
    "RL202",
    severity="error",
    message_zh="{subject}对应不同的{what_zh}：{sides_zh}",
    message_en="{subject} is cited with different {what_en}: {sides_en}",
)
def docno_title_conflict(corpus: Corpus) -> Iterator[Finding]:
    """One title cited with two different 文号, or one 文号 cited with two different titles.

    ## What it flags
    A document named in 《》 with a 文号 in brackets after it, where another citation of the
    same title gives another 文号, or another citation of the same 文号 gives another title,
    in the same letter or in another one. One finding names every 文号 (or title) with the
    letters that give it, pointing at each.

    ## Why it matters
    The 文号 identifies a document: a title with two numbers, or a number with two titles,
    means one citation is wrong, and a reader cannot tell which document is meant.

    ## Example
    ### Bad
    ```letter a.txt
    出台《中山市推进制造业数字化智能化转型发展若干政策措施》（中府〔2022〕1号）。
    ```
    ```letter b.txt
    出台《中山市推进制造业数字化智能化转型发展若干政策措施》（中府〔2022〕2号）。 <!-- expect: RL202 -->
    ```
    ### Good
    ```letter a.txt
    出台《中山市推进制造业数字化智能化转型发展若干政策措施》（中府〔2022〕1号）。
    ```
    ```letter b.txt
    出台《中山市推进制造业数字化智能化转型发展若干政策措施》(中府〔2022〕1 号)和《中山市技术改造投资项目资助实施细则》（中工信〔2020〕183号）。
    ```

    ## Known false positives
    A document revised under a new 文号 and cited under both in letters of different years:
    the finding names both years' letters so that the reviewer can tell.
    """
    cited = [(letter, claim) for letter, claim in corpus.claims("title") if claim.key and claim.docno_key]
    yield from _conflicts(cited, by="key", value="docno_key", show=str, what=("文号", "document numbers"))
    yield from _conflicts(cited, by="docno_key", value="key", show=lambda v: f"《{v}》", what=("标题", "titles"))


def _conflicts(cited, *, by: str, value: str, show, what: tuple[str, str]) -> Iterator[Finding]:
    """One finding per ``by`` value whose citations give two or more ``value``s."""
    for subject, uses in group_by(cited, lambda use: getattr(use[1], by)).items():
        sides = sides_of((letter, getattr(claim, value), claim.docno_span) for letter, claim in uses)
        if len(sides) < 2:
            continue
        label = f"《{subject}》" if by == "key" else subject
        yield sides_finding(docno_title_conflict, sides, show, role=lambda v: value,
                            subject=label, what_zh=what[0], what_en=what[1])
