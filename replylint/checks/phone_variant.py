"""RL506 phone-variant."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.corpus import Corpus, Letter, group_by
from replylint.contacts import Phone
from replylint.listing import listed
from replylint.models import Finding
from replylint.registry import At, rule


def form(phone: Phone) -> str:
    """How a number is written, spaces aside: 88308273, 0760-88308273, （0760）88308273."""
    return re.sub(r"\s+", "", phone.text)


def _phones(corpus: Corpus) -> Iterator[tuple[Letter, Phone]]:
    for letter in corpus:
        for contact in letter.structure.contacts:
            for phone in contact.phones:
                yield letter, phone


@rule(
    "RL506",
    severity="info",
    message_zh="同一电话号码写法不一：{forms_zh}",
    message_en="one phone number is written in different forms: {forms_en}",
)
def phone_variant(corpus: Corpus) -> Iterator[Finding]:
    """The same contact phone number written in different forms across letters.

    ## What it flags
    A number given on the contact lines of the letters sometimes with its area code and
    sometimes without (88308273 and 0760-88308273), or with different separators. One
    finding per number lists every form with the letters that use it, one location per
    letter. Numbers with different area codes are different numbers and are left alone.

    ## Why it matters
    The letters of one bureau are published side by side; a contact number written two
    ways looks like two numbers, and the form without the area code cannot be dialled from
    outside the city. GB/T 9704-2012 7.3.6 puts the contact in the 附注; a bureau usually
    fixes one form for it.

    ## Example
    ### Bad
    ```letter a.txt
    2023年6月25日

    (联系人及电话：房钦，88308273) <!-- expect: RL506 -->
    ```
    ```letter b.txt
    2024年7月8日

    （联系人及电话：江莹、李金吉，0760-88308273）
    ```
    ### Good
    ```letter a.txt
    2023年6月25日

    （联系人：房钦，联系电话：0760-88308273）
    ```
    ```letter b.txt
    2024年7月8日

    （联系人及电话：江莹、李金吉，0760-88308273；李兴国，0760-88307014）
    ```

    ## Known false positives
    Two cities' numbers that share the local digits, one written without its area code.
    """
    for local, uses in group_by(_phones(corpus), lambda use: use[1].local).items():
        areas = {phone.area for _, phone in uses if phone.area}
        letters_by_form = group_by(uses, lambda use: form(use[1]))
        if len(areas) > 1 or len(letters_by_form) < 2:
            continue
        listing = {
            shown: sorted({letter.label for letter, _ in group}) for shown, group in letters_by_form.items()
        }
        first = {}
        for letter, phone in uses:
            first.setdefault(letter.path, At(letter, phone.span, form(phone)))
        yield phone_variant.finding(
            list(first.values()),
            forms_zh="；".join(f"{shown}（{listed(labels, '、')}）" for shown, labels in listing.items()),
            forms_en="; ".join(f"{shown} ({listed(labels, ', ')})" for shown, labels in listing.items()),
        )
