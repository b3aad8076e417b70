"""RL504 cohandler-missing-from-cc."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.registry import At, rule
from replylint.extract.names import name_key
from replylint.tables import Agencies, Organisations, load_tables

# How far into a name a place prefix may end (中山市 is three characters).
PREFIX_REACH = 4


def variants(name: str, table: Agencies) -> set[str]:
    """The forms of an agency name with its optional place prefix and suffix dropped."""
    forms = {name}
    for index, char in enumerate(name[:PREFIX_REACH]):
        if char in table.prefixes and len(name) - index > 2:
            forms.add(name[index + 1 :])
    for form in list(forms):
        for suffix in table.suffixes:
            if form.endswith(suffix) and len(form) > len(suffix) + 1:
                forms.add(form[: -len(suffix)])
    return forms


def _abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with characters left out, keeping its first and last."""
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(char in rest for char in short)


def agency_forms(name: str, table: Agencies, names: Organisations) -> set[str]:
    """The forms of an agency name that ``same_agency`` compares: its variants and their keys."""
    forms = variants(name, table)
    return forms | {name_key(form, names) for form in forms}


def forms_match(forms_a: set[str], forms_b: set[str]) -> bool:
    """Whether a form of one name is a form of the other or abbreviates it (see ``agency_forms``)."""
    for x in forms_a:
        for y in forms_b:
            short, long = sorted((x, y), key=len)
            if short == long or _abbreviates(short, long):
                return True
    return False


def same_agency(a: str, b: str, table: Agencies, names: Organisations) -> bool:
    """Whether two names denote the same agency (市金融局 and 金融局, 市发展改革局 and 发改局).

    Each form is also read through the organisation table's accepted short forms (科技局 is
    科学技术局).
    """
    return forms_match(agency_forms(a, table, names), agency_forms(b, table, names))


@rule(
    "RL504",
    severity="warning",
    message_zh="会办单位“{unit}”未列入抄送",
    message_en="co-handling unit “{unit}” is missing from the 抄送 line",
    per_letter=True,
)
def cohandler_missing_from_cc(corpus: Corpus) -> Iterator[Finding]:
    """A unit named in 经综合……意见 that the 抄送 line leaves out.

    ## What it flags
    Each co-handling unit named in the opening sentence (``经综合市金融局、科技局意见``)
    that no name on the 抄送 line denotes. Names match loosely: a place prefix (市, 中山市)
    and the suffix 人民政府 are optional, an abbreviation matches its full form (发改局,
    发展改革局), and so does an accepted short form of ``rules/organisations.toml`` (政数局).
    A collective name such as 各会办单位 covers every unit. Letters without a 抄送 line are
    left alone.

    ## Why it matters
    The units that contributed to a reply receive a copy of it (条例 第九条（十六）; GB/T
    9704-2012 7.4.2). A unit named in the text but missing from 抄送 was usually dropped
    when the 抄送 line was copied from another letter.

    ## Example
    ### Bad
    ```letter
    经综合市金融局、科技局意见，现答复如下： <!-- expect: RL504 -->

    抄送：市政府办公室、市金融局。
    ```
    ### Good
    ```letter
    经综合市发展改革局、人力资源和社会保障局、大涌镇意见，现答复如下：

    抄送：市政府办公室，市发改局、市人社局、大涌镇人民政府。
    ```

    ## Known false positives
    Two different agencies whose names abbreviate alike are taken as one, which hides a
    finding rather than raising a false one; a unit named under an unrelated short name
    (工信局 for 工业和信息化局 works, 经信局 for it does not) is reported.
    """
    tables = load_tables()
    table = tables.agencies
    for letter in corpus:
        cc = [unit.text for unit in letter.structure.cc]
        if not cc or any(name in table.collective for unit in cc for name in variants(unit, table)):
            continue
        cc_forms = [agency_forms(other, table, tables.organisations) for other in cc]
        for unit in letter.structure.cohandlers:
            forms = agency_forms(unit.text, table, tables.organisations)
            if not any(forms_match(forms, other) for other in cc_forms):
                yield cohandler_missing_from_cc.finding([At(letter, unit.span, "cohandler")], unit=unit.text)
