"""RL203 organisation-variant."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.conflicts import grouped_sides, sides_finding
from replylint.corpus import Corpus, group_by
from replylint.models import Finding
from replylint.registry import rule
from replylint.tables import load_tables
from replylint.variants import variant_groups


@rule(
    "RL203",
    severity="info",
    message_zh="同一机构名称写法不一：{sides_zh}{majority_zh}",
    message_en="one organisation is named in different ways: {sides_en}{majority_en}",
)
def organisation_variant(corpus: Corpus) -> Iterator[Finding]:
    """An organisation named in inconsistent forms, beyond its accepted short forms.

    ## What it flags
    Names of organisations (bureaus, committees, companies, colleges …) that name one body
    in two forms that are not accepted forms of each other: a character swapped (和/与) or
    misspelt by sound, or a few characters added inside the name. The city prefix (中山市X,
    市X, X) and the short forms listed in ``rules/organisations.toml`` (市工信局 for
    中山市工业和信息化局) are accepted and never flagged. One finding names every form with
    the letters that write it, pointing at each. Names are compared among letters of one jurisdiction:
    市人大常委会代表工作委员会 in a 深圳市 letter and 市人大常委会人事代表工作委员会 in a 广州市
    letter are two bodies.

    ## Why it matters
    An organisation's name is fixed by its establishment; a published reply that names a
    bureau two ways looks careless and, for a company, may name another company.

    ## Example
    ### Bad
    ```letter a.txt
    经综合市人力资源和社会保障局意见，现答复如下。
    ```
    ```letter b.txt
    经综合市人力资源与社会保障局意见，现答复如下。 <!-- expect: RL203 -->
    ```
    ### Good
    ```letter a.txt
    经综合中山市工业和信息化局、市发展改革局意见，现答复如下。
    ```
    ```letter b.txt
    经综合市工信局、市发改局意见，现答复如下。
    ```

    ## Known false positives
    Two bodies whose names differ by one character that sounds alike (a 分局 and its 局 are
    told apart, two similarly named companies are not).
    """
    policy = load_tables().variants.organisation
    for names in group_by(corpus.claims("name"), lambda item: item[0].jurisdiction or "").values():
        written: dict[str, str] = {}
        for _, claim in names:
            written.setdefault(claim.key, claim.name)
        uses = ((letter, claim.key, claim.span) for letter, claim in names)
        for sides in grouped_sides(variant_groups(written, policy), uses):
            if corpus.reported(*(letter for side in sides.values() for letter, _ in side)):
                yield sides_finding(organisation_variant, sides, written.get)
