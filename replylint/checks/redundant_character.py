"""RL303 redundant-character."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.query import at_view, paragraphs
from replylint.registry import rule
from replylint.substitution import substitution_findings
from replylint.tables import load_tables


@rule(
    "RL303",
    severity="warning",
    message_zh="“{wrong}”疑为改稿遗留的多余字，宜作“{right}”（{source}）",
    message_en="“{wrong}” looks like a leftover of revision; write “{right}” (source: {source})",
    per_letter=True,
)
def redundant_character(corpus: Corpus) -> Iterator[Finding]:
    """Characters left over from revision, such as 做作出 or a word typed twice.

    ## What it flags
    Near-synonyms that were both kept when one replaced the other (做作出, 作做出, 截至到,
    根据按照, 积极的地推进), from the lexicon in ``rules/redundant.toml``; and a word of two
    to four characters typed twice (进行进行), where no word crosses the doubled form's edges
    (优势产业产业链 is 产业 + 产业链) and the form is not reduplication (研究研究, 一步一步).

    ## Why it matters
    The editing rules count an extra character as an error; in a published reply it reads
    as carelessness towards the proposer.

    ## Example
    ### Bad
    ```letter
    对中山市域范围内国土空间开发保护做作出总体安排。 <!-- expect: RL303 -->
    ```
    ### Good
    ```letter
    对中山市域范围内国土空间开发保护作出总体安排，推动优势产业产业链协同，一步一步推进。
    ```

    ## Known false positives
    Reduplicated verbs that the allow-list lacks (琢磨琢磨); add them to ``doubled.allow`` in
    ``rules/redundant.toml``.
    """
    table = load_tables().redundant
    yield from substitution_findings(redundant_character, table, corpus)
    for letter, para in paragraphs(corpus):
        for start, end, unit in table.doubled.doubles(para.text):
            place = at_view(letter, para.start + start, para.start + end)
            yield redundant_character.finding(
                [place],
                fix=("删除重复的词 / remove the repeated word", [(place, unit)]),
                wrong=para.text[start:end],
                right=unit,
                source="standards.md L-02",
            )
