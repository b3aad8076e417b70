"""Small Chinese numerals as letters use them for numbering: 一、, （二）, 十三届, 二〇二三年."""

from __future__ import annotations

CN_DIGITS = {
    "〇": 0, "○": 0, "零": 0, "O": 0, "Ｏ": 0,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
NUMERAL = "一二三四五六七八九十"


def chinese_ordinal(text: str) -> int | None:
    """The value of a small Chinese numeral used for numbering (一 … 九十九), or an Arabic one."""
    if text.isdigit():
        return int(text)
    if not text or any(ch not in CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or not set(tens + ones) <= CN_DIGITS.keys():
        return None
    value = (CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)
    return value if value else None
