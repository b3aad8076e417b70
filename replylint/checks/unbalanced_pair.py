"""RL401 unbalanced-pair."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.query import at_view
from replylint.registry import rule

# Opening mark -> closing mark. Half- and full-width round brackets are one family here: a
# bracket of the wrong width is the half-width rule's finding, not an unbalanced pair.
PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "〔": "〕", "【": "】", "「": "」", "『": "』"}
_FAMILY = {"(": "（", ")": "）"}
_CLOSERS = {close: open_ for open_, close in PAIRS.items()}
_MARK = re.compile("[" + re.escape("".join(PAIRS) + "".join(_CLOSERS)) + "]")
# What may stand before a paragraph's first mark: indentation and Markdown markup.
_LEAD = " \t\u3000*#>"


def unbalanced(text: str) -> list[int]:
    """Indexes of the paired marks in ``text`` that have no partner.

    Marks are matched innermost first; a closing mark that does not close the innermost
    open mark of its family is unmatched, and so is every mark still open at the end.
    """
    stacks: dict[str, list[int]] = {}
    lone: list[int] = []
    for m in _MARK.finditer(text):
        index, char = m.start(), m.group()
        if char in PAIRS:
            stacks.setdefault(_FAMILY.get(char, char), []).append(index)
        elif char in _CLOSERS:
            opener = _CLOSERS[char]
            stack = stacks.get(_FAMILY.get(opener, opener))
            if stack:
                stack.pop()
            else:
                lone.append(index)
    for stack in stacks.values():
        lone.extend(stack)
    return sorted(lone)


@rule(
    "RL401",
    severity="error",
    message_zh="“{mark}”没有配对的标点",
    message_en="“{mark}” has no matching mark",
    per_letter=True,
)
def unbalanced_pair(corpus: Corpus) -> Iterator[Finding]:
    """A quotation mark, title mark or bracket left without its partner in a paragraph.

    ## What it flags
    Paired punctuation (“” ‘’ 《》 （） 〔〕 【】) whose opening or closing mark is missing
    within the paragraph. Paragraphs cut by a page break are read whole.

    ## Why it matters
    GB/T 15834-2011 requires paired marks to balance; a lone quotation mark changes what a
    sentence quotes and usually shows that a revision went wrong.

    ## Example
    ### Bad
    ```letter
    出台《实施细则》，数字贷”贴息“免申即享”。 <!-- expect: RL401 -->
    ```
    ### Good
    ```letter
    出台《实施细则》，“数字贷”贴息“免申即享”。
    ```

    ## Known false positives
    A quotation that runs over several paragraphs opens each paragraph with “ and closes
    only at its end (GB/T 15834-2011, 4.8 引号); it is read as such, and left alone, when the
    next paragraph opens with “ too. A one-paragraph excerpt of such a quotation is flagged.
    """
    for letter in corpus.with_source:
        paras = letter.source.paragraphs
        for number, para in enumerate(paras):
            following = paras[number + 1].text if number + 1 < len(paras) else ""
            for index in unbalanced(para.text):
                if not _continued_quotation(para.text, index, following):
                    place = at_view(letter, para.start + index, para.start + index + 1)
                    yield unbalanced_pair.finding([place], mark=para.text[index])


def _continued_quotation(text: str, index: int, following: str) -> bool:
    """Whether the mark at ``index`` opens a quotation that runs on into the next paragraph.

    GB/T 15834-2011 (4.8 引号): a quotation of several paragraphs opens each with “ and closes
    only at its end, so a paragraph that starts with an unclosed “ is continued by a
    following paragraph that starts with “ too.
    """
    return text[index] == "“" and not text[:index].strip(_LEAD) and following.lstrip(_LEAD).startswith("“")
