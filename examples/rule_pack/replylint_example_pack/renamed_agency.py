"""RL901 renamed-agency: an example outside rule, with its fixture in tests/."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.query import at_view, paragraphs
from replylint.registry import rule

# Former name -> current name. A real pack would keep this in a TOML table.
RENAMED = {
    "经济和信息化局": "工业和信息化局",
    "经济和信息化委员会": "工业和信息化局",
}
_FORMER = re.compile("|".join(map(re.escape, sorted(RENAMED, key=len, reverse=True))))


@rule(
    "RL901",
    severity="warning",
    message_zh="“{old}”已更名为“{new}”",
    message_en="“{old}” has been renamed “{new}”",
)
def renamed_agency(corpus: Corpus) -> Iterator[Finding]:
    """An agency called by the name it had before the 2019 reform.

    ## What it flags
    The former names of bureaus that the 2019 institutional reform renamed.

    ## Why it matters
    A reply letter that names a body which no longer exists reads as out of date.

    ## Example
    ### Bad
    ```letter
    市经济和信息化局会同有关部门研究办理。 <!-- expect: RL901 -->
    ```
    ### Good
    ```letter
    市工业和信息化局会同有关部门研究办理。
    ```

    ## Known false positives
    A sentence about the agency's history, which must use the old name.
    """
    for letter, para in paragraphs(corpus):
        for m in _FORMER.finditer(para.text):
            place = at_view(letter, para.start + m.start(), para.start + m.end())
            new = RENAMED[m.group()]
            yield renamed_agency.finding([place], old=m.group(), new=new, fix=(f"改为“{new}”", [(place, new)]))
