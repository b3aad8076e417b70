"""RL507 docno-serial-order."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.corpus import Corpus, Letter, group_by
from replylint.models import Finding
from replylint.registry import At, rule


def _series(letter: Letter) -> tuple[str, int] | None:
    """The numbering series of a dated letter: its 文号 prefix and year."""
    docno = letter.structure.docno
    return (docno.prefix, docno.year) if docno and letter.date and docno.serial.isdigit() else None


@rule(
    "RL507",
    severity="info",
    message_zh="{later}的{later_docno}序号较大，成文日期却早于{earlier}的{earlier_docno}",
    message_en="{later_docno} in {later} has the higher serial but is dated before {earlier_docno} in {earlier}",
)
def docno_serial_order(corpus: Corpus) -> Iterator[Finding]:
    """Letters of one issuer whose 文号 serials run against their dates.

    ## What it flags
    Within one numbering series (the same 机关代字 and year, such as 中工信函〔2023〕), a
    letter whose serial is higher than another's while its 成文日期 is earlier. Each
    letter out of order is one finding, set against the latest-dated letter of a lower
    serial. Equal dates are in order.

    ## Why it matters
    Serials are given in the order letters are issued (GB/T 9704-2012 7.2.5: 发文顺序号), so
    within a year they rise with the dates. A serial that runs backwards usually means a
    wrong date, often one left over from the template, or a wrong number.

    ## Example
    ### Bad
    ```letter a.txt
    中工信函〔2023〕75号 <!-- expect: RL507 -->

    2023年6月20日
    ```
    ```letter b.txt
    中工信函〔2023〕59号

    2023年6月25日
    ```
    ### Good
    ```letter a.txt
    中工信函〔2023〕75号

    2023年6月29日
    ```
    ```letter b.txt
    中工信函〔2023〕59号

    2023年6月25日
    ```

    ## Known false positives
    A number reserved before the letter was signed, for a letter whose signing was delayed.
    """
    for letters in group_by(corpus, _series).values():
        latest: Letter | None = None
        for letter in sorted(letters, key=lambda item: int(item.structure.docno.serial)):
            serial = letter.structure.docno.serial
            if (
                latest is not None
                and latest.date > letter.date
                and latest.structure.docno.serial != serial
                and corpus.reported(letter, latest)
            ):
                yield docno_serial_order.finding(
                    [At(letter, letter.structure.docno.span, "later serial"),
                     At(latest, latest.structure.docno.span, "earlier serial")],
                    later=letter.label, later_docno=letter.structure.docno.text,
                    earlier=latest.label, earlier_docno=latest.structure.docno.text,
                )
            if latest is None or letter.date > latest.date:
                latest = letter
