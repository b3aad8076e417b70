"""Stand-in for ``replylint.numerals`` until that module lands on main: remove it then.

It offers the subset the list, sum and formula extractors use, with the same names and
meanings: ``parse_chinese_integer`` and ``scan_quantities`` (start, end, raw, value, unit,
approx, bound).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

DEFAULT_UNITS: tuple[str, ...] = (
    "元", "万元", "亿元", "家", "家次", "个", "项", "座", "人", "人次", "名", "套", "场", "期",
    "笔", "次", "条", "批", "类", "所", "只", "台", "件", "份", "户", "位", "种", "部", "辆",
    "张", "篇", "款", "栋", "间", "层", "倍", "%", "亿条", "万次", "吨", "亩",
)
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2, "〇": 0}
_SCALE = {"万": Decimal(10**4), "亿": Decimal(10**8)}


@dataclass(frozen=True)
class Quantity:
    """A number with its unit found in text."""

    start: int
    end: int
    raw: str
    value: Decimal
    unit: str | None
    approx: str | None
    bound: str | None


def parse_chinese_integer(s: str) -> int | None:
    """Value of a Chinese numeral below 一万 (两 → 2, 十三 → 13, 二十三 → 23), else None."""
    if not s or any(c not in _DIGITS and c not in "十百千" for c in s):
        return None
    total, pending = 0, None
    for c in s:
        if c in _DIGITS:
            if pending is not None:
                return None
            pending = _DIGITS[c]
        else:
            total += (1 if pending is None else pending) * {"十": 10, "百": 100, "千": 1000}[c]
            pending = None
    return total + (pending or 0)


def scan_quantities(text: str, units: Sequence[str] = DEFAULT_UNITS) -> list[Quantity]:
    """Arabic-numeral quantities (万/亿 applied) followed by one of ``units``."""
    alt = "|".join(re.escape(u) for u in sorted({u.lstrip("万亿") for u in units} - {""}, key=len, reverse=True))
    pattern = re.compile(
        rf"(?:(?P<bound>至少|最高不超过|不超过|最高|最多)\s*)?(?:(?P<pre>约|近|超过|超|逾)\s*)?"
        rf"(?<![0-9.A-Za-z+])(?P<num>\d+(?:\.\d+)?)\s*(?P<scale>[万亿])?\s*(?P<post>余|多)?(?P<unit>{alt})"
        rf"(?P<after>以上|左右)?"
    )
    out = []
    for m in pattern.finditer(text):
        value = Decimal(m["num"]) * _SCALE.get(m["scale"] or "", Decimal(1))
        approx = "".join(filter(None, (m["pre"], m["post"], m["after"]))) or None
        out.append(Quantity(m.start(), m.end(), m.group(), value, m["unit"], approx, m["bound"]))
    return out
