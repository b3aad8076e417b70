"""RL113 formula-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.registry import At, rule


@rule(
    "RL113",
    severity="warning",
    message_zh="“{formula}”与文中列出的各部分（{spelt}）不一致",
    message_en="“{formula}” disagrees with the parts the letter spells out ({spelt})",
    per_letter=True,
)
def formula_mismatch(corpus: Corpus) -> Iterator[Finding]:
    """A number formula such as “1+3” whose parts disagree with what the letter spells out.

    ## What it flags
    A quoted formula (“1+3”, “4+6+4”, “1+1+N”) followed by its parts, either after 即/包括
    in the same sentence (``“1+3”办学体系，即2所公办技师学院和3所民办技工院校``) or as one
    counted list per part in the sentences that follow (``“4+6+4”产业集群。…四大…。…五大…。
    …四大…。``), where a number of the formula differs from the part spelt out.

    ## Why it matters
    The formula is the slogan readers remember; if the letter's own explanation does not
    match it, one of the two is wrong.

    ## Example
    ### Bad
    ```letter
    目前已形成“1+3”办学体系，即2所公办技师学院和3所民办技工院校。 <!-- expect: RL113 -->
    ```
    ### Good
    ```letter
    目前已形成“1+3”办学体系，即1所公办技师学院和3所民办技工院校，并组建了“1+1+N”的产业生态联合体。
    ```

    ## Known false positives
    Counted lists that follow a formula but explain something else; they are read as its
    parts only when there is one per term, in consecutive sentences right after it.
    A formula with a letter term (N) is compared only with parts after 即/包括.
    """
    for letter, claim in corpus.claims("formula"):
        if not claim.spelt or len(claim.spelt) != len(claim.parts):
            continue
        if all(p is None or s is None or p == s for p, s in zip(claim.parts, claim.spelt)):
            continue
        places = [At(letter, claim.span, "formula")]
        if claim.spelt_span is not None:
            places.append(At(letter, claim.spelt_span, "spelt"))
        yield formula_mismatch.finding(
            places,
            formula="+".join(claim.terms),
            spelt="+".join("?" if s is None else str(s) for s in claim.spelt),
        )
