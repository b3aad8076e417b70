"""Chinese and Arabic numerals: parse one written number, find every quantity in running text.

Pure functions; values are exact :class:`~decimal.Decimal`, never floats, with 万/亿 applied.
Spans are code-point offsets into the text as given (no NFKC): ``text[q.start:q.end] == q.raw``.

How ambiguous text is read (rules rely on this):

- Spaces (not newlines) may separate a number from 万/亿 and from its unit: ``1.08 亿元`` is one
  quantity. Spaces inside digits are never thousands separators; only ``,`` between 3-digit groups.
- 万/亿 written after Arabic digits are a *scale*: ``5400万元`` and ``0.54亿元`` are both
  54000000 with unit 元. Arabic digits with 十/百/千 (``3千人``, N-04) are read too, as ``mixed``.
- Chinese numerals are quantities only when they are safe: followed by a unit (or 大, as in
  九大主要任务), or written with 十/百/千/万/亿 starting with a digit (二十三). Never a lone 一
  or 零 (一批 一是 一体化 零部件), a lone 百/千/万/亿 (每万人 千人计划 百企), a numeral after 第 or an opening
  quote (第四 “十大舰队”), 十分, 十四五, session numbers (二次会议), or adjacent digits (三四个).
- Arabic digits touching Latin letters (5G, 4K, V1.0), a ``+`` (formulas such as 4+6+4), a dotted
  chain (1.2.3) or written with a leading zero (0760) are not quantities.
- A hyphen between two numbers is a range only when a unit follows (``1-3 月``, ``2020-2022年度``);
  otherwise the whole hyphenated chain is an identifier and skipped (``0760-88308273``, dates like
  ``2023-06-25``, standard numbers). ``～ ~ — – 至 到`` make a range even without a unit.
  In ``5-10万元`` the scale of the second number applies to the first (50000 to 100000).
- ``1:1:1`` is a ratio of its terms (so is a clock time ``10:30``, a known false positive).
- Bounds (至少 最高 不超过 …) count only directly before the number; 达/高达 are not bounds.
  Approximation words (约 近 超 逾 多 余 左右 以上 …) stack into one string, ``约…多`` for
  ``约3517多家``. 近 before a period (近两年, 近 3 年) means "recent" and is not kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from functools import lru_cache
from typing import NamedTuple

DEFAULT_UNITS: tuple[str, ...] = (
    "元", "万元", "亿元", "家", "家次", "个", "项", "座", "人", "人次", "名", "套", "场", "期",
    "笔", "次", "条", "批", "类", "所", "只", "台", "件", "份", "户", "位", "种", "部", "辆",
    "张", "篇", "款", "栋", "间", "层", "年", "年度", "个月", "月", "日", "天", "周", "季度", "倍",
    "%", "个百分点", "百分点", "亿条", "万次", "吨", "亩", "平方米", "公里", "千米", "米", "千瓦",
    "千克", "岗位", "标识",
)

_SPACE_CHARS = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000"
_SP = f"[{_SPACE_CHARS}]"
_ARABIC = r"(?:[0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
_CN = "零〇一二三四五六七八九两十百千万亿几"
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_SCALES = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.", ",")
_MAX_DIGITS = 24

_TIME_UNITS = frozenset({"年", "年度", "个月", "月", "日", "天", "周", "季度"})
_BOUNDS = ("最高不超过", "最多不超过", "不超过", "不高于", "不多于", "不少于", "不低于",
           "至少", "最多", "最高", "最低", "最少")
_APPROX_BEFORE = ("将近", "接近", "大约", "超过", "不到", "不足", "约", "近", "超", "逾")
# The last characters of the bound and approximation words: a number after any other has none.
_QUALIFIER_ENDS = frozenset(word[-1] for word in _BOUNDS + _APPROX_BEFORE)
_WORD_ENDS_IN_APPROX = frozenset("签合履集公预节制特邀违守相最附临赶")  # 签约 最近 赶超 …
_NOT_COUNTED_AFTER = frozenset("第“‘「『《\"'")
_SESSION = ("会议", "全会", "全体会议", "常委会")

_BODY_RE = re.compile(rf"(?:{_ARABIC}(?:{_SP}*(?=[万亿]))?|[{_CN}])+")
_TOKEN_RE = re.compile(rf"{_ARABIC}|[{_CN}]")
_START_RE = re.compile(rf"(?<![0-9０-９A-Za-z.．+＋])[0-9０-９{_CN}]")
_SIMPLE_RE = re.compile(rf"{_ARABIC}(?:{_SP}*(?:万亿|亿|万))?")
_PERCENT_WORD_RE = re.compile(rf"百分之(?:{_ARABIC}|[{_CN}]+)")
_CHAIN_RE = re.compile(rf"[0-9０-９.．,]+(?:{_SP}*[-－]{_SP}*[0-9０-９.．,]+)*")
_DOTTED_RE = re.compile(r"[.．][0-9０-９]")
_DASH_RE = re.compile(rf"{_SP}*([-－～~〜–—至到]){_SP}*(?=[0-9０-９{_CN}])")
_RATIO_RE = re.compile(rf"{_ARABIC}(?:{_SP}*[:：]{_SP}*{_ARABIC})+")
_SUFFIX_RE = re.compile(rf"({_SP}*)(左右|上下(?![游半级班层])|以上|以下)")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text, with its span, exact value and the words that qualify it."""

    start: int  # code-point offsets: text[start:end] == raw
    end: int
    raw: str  # as written, with bound and approximation words and the unit
    value: Decimal  # exact, 万/亿 applied; the low end of a range, the first term of a ratio
    high: Decimal | None  # the high end of a range
    unit: str | None  # unit or measure word without the scale: 亿元 -> 元, ％ -> %
    scale: str | None  # 万, 亿 or 万亿: the largest written in the number
    approx: str | None  # 约 近 超 多 余 左右 以上 几 数 …; several joined by …, as in 约…多
    bound: str | None  # 至少 最高 不超过 … directly before the number
    kind: str  # number, percent, ratio or range
    numeral: str  # arabic (万/亿 allowed), chinese, or mixed (3千人, 5百万)
    terms: tuple[Decimal, ...] = ()  # the terms of a ratio 1:1:1


def parse_chinese_integer(s: str) -> int | None:
    """Value of a Chinese numeral: 一百零八 → 108, 两千零二十三 → 2023, 三亿五千万 → 350000000,
    十三 → 13, 〇 → 0, a year digit by digit 二〇二三 → 2023. None if ``s`` is not one numeral,
    including colloquial 一万二 and adjacent digits 三四 (an approximation, not 34)."""
    s = s.strip()
    if not s or any(c not in _DIGITS and c not in _MULTIPLIERS for c in s):
        return None
    value = _evaluate(list(s))
    return None if value is None else int(value)


def parse_number(s: str) -> Decimal | None:
    """Exact value of one written number: ``5400``, ``1.08``, ``1,208``, ``１２３``, Chinese
    numerals, and 万/亿 (also 十/百/千) after Arabic digits: ``2.66万`` → 26600, ``1.08 亿`` →
    108000000, ``3亿4500万``, ``3万5千``. No units, signs or approximation words; None otherwise."""
    s = s.strip()
    if not _BODY_RE.fullmatch(s):
        return None
    value = _evaluate(_TOKEN_RE.findall(s))
    return None if value is None else _tidy(value)


def scan_quantities(text: str, units: Sequence[str] = DEFAULT_UNITS) -> list[Quantity]:
    """Every quantity in running text, left to right, non-overlapping; never raises.

    ``units`` are the units and measure words to recognise (longest match wins); a leading
    万/亿 in a unit (万元, 亿条) is read as the scale. %, ％ and ‰ are always units.
    Several extractors scan the same paragraphs, so results are remembered per text."""
    return list(_scan(text, tuple(units)))


@lru_cache(maxsize=4096)
def _scan(text: str, units: tuple[str, ...]) -> tuple[Quantity, ...]:
    grammar = _grammar(units)
    found: list[Quantity] = []
    pos = 0
    while (match := _START_RE.search(text, pos)) is not None:
        floor = found[-1].end if found else 0
        quantity, pos = _read(text, match.start(), floor, grammar)
        if quantity is not None:
            found.append(quantity)
    return tuple(found)


def _arabic(token: str) -> Decimal | None:
    plain = token.translate(_FULL_WIDTH)
    return None if len(plain) > _MAX_DIGITS else Decimal(plain)


def _leading_zero(token: str) -> bool:
    """An integer part written with a leading zero (0760, 05): an identifier, not a count."""
    integer = token.translate(_FULL_WIDTH).split(".")[0]
    return len(integer) > 1 and integer[0] == "0"


def _tidy(value: Decimal) -> Decimal:
    """An integer without exponent (5400), a fraction without trailing zeros (1.08)."""
    if value.as_tuple().exponent == 0:  # already tidy, as most numbers are: no context needed
        return value
    with localcontext() as ctx:
        ctx.prec = 64
        return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _evaluate(tokens: list[str]) -> Decimal | None:
    """Value of numeral tokens (Arabic numbers and single Chinese characters), or None."""
    if len(tokens) == 1 and tokens[0][0] not in _CN:  # one Arabic number, the common case: no structure to read
        return _arabic(tokens[0])
    if len(tokens) > 1 and all(t in _DIGITS and t != "两" for t in tokens):  # a year: 二〇二三, 一九九八
        if len(tokens) > 4 or (len(tokens) < 4 and not {"零", "〇"} & set(tokens)):
            return None
        return Decimal("".join(str(_DIGITS[t]) for t in tokens))
    if not tokens or tokens.count("几") > 1 or ("几" in tokens and not set(tokens) & set(_MULTIPLIERS)):
        return None
    with localcontext() as ctx:
        ctx.prec = 64
        return _structured(tokens)


def _structured(tokens: list[str]) -> Decimal | None:
    groups: list[tuple[Decimal, int]] = []  # (value, magnitude) per 万/亿 group, decreasing
    section, pending, last_small = Decimal(0), None, 10**4
    for i, token in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        mult = _MULTIPLIERS.get(token)
        if mult is None:
            if token in ("零", "〇"):
                if pending is not None:
                    return None
                continue
            if pending is not None:
                return None
            nxt = _MULTIPLIERS.get(tokens[i + 1]) if i + 1 < len(tokens) else None
            if prev in _MULTIPLIERS and prev != "十" and (nxt is None or nxt >= _MULTIPLIERS[prev]):
                return None  # colloquial 一百八, 一万二, 3万5
            if token == "几":
                pending = Decimal(1 if nxt else 0)
            else:
                pending = Decimal(_DIGITS[token]) if token in _DIGITS else _arabic(token)
            if pending is None:
                return None
        elif mult < 10**4:
            if pending is None and i == 0:
                pending = Decimal(1)
            if pending is None or pending >= 10 or mult >= last_small:
                return None
            section, pending, last_small = section + pending * mult, None, mult
        else:
            if pending is None and section == 0:
                if i == 0:
                    groups.append((Decimal(mult), mult))
                elif prev in ("万", "亿") and groups[-1][1] < mult:  # 万亿
                    value, magnitude = groups.pop()
                    groups.append((value * mult, magnitude * mult))
                else:
                    return None
            else:
                if groups and groups[-1][1] <= mult:
                    return None
                groups.append(((section + (pending or 0)) * mult, mult))
            section, pending, last_small = Decimal(0), None, 10**4
    return sum(value for value, _ in groups) + section + (pending or 0)


class _Grammar(NamedTuple):
    unit: re.Pattern[str]     # optional spaces, then a unit: after Arabic numerals
    cn_unit: re.Pattern[str]  # a unit or 大, directly after a Chinese numeral
    mid: re.Pattern[str]      # 多/余, an optional scale, then a unit: 4500 余套, 200多万元
    lead: tuple[str, ...]     # units beginning with 十/百/千 (千米, 百分点): they end a numeral


@lru_cache(maxsize=16)
def _grammar(units: tuple[str, ...]) -> _Grammar:
    names = {re.sub(r"^(?:万亿|亿|万)", "", u.strip()) for u in units} | {"%", "％", "‰"}
    names.discard("")

    def alternation(words: set[str]) -> str:
        alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return rf"(?P<unit>{alt})(?:(?<=[A-Za-z])(?![A-Za-z])|(?<![A-Za-z]))"

    unit = alternation(names)
    return _Grammar(
        unit=re.compile(rf"{_SP}*{unit}"),
        cn_unit=re.compile(alternation(names | {"大"})),
        mid=re.compile(rf"{_SP}*(?P<mid>[多余]){_SP}*(?P<scale>万亿|亿|万)?{_SP}*{unit}"),
        lead=tuple(n for n in names if n[0] in "十百千"),
    )


_grammar(DEFAULT_UNITS)  # compiled at import; a project's own unit list is compiled once, then cached


class _Side(NamedTuple):
    """One numeral with what directly follows it (多/余, unit): a number or one end of a range."""

    start: int
    body_end: int
    end: int
    value: Decimal
    unit: str | None
    scale: str | None
    numeral: str
    mid: str | None
    tokens: list[str]


def _numeral(tokens: list[str]) -> str:
    if all(t[0] in _CN for t in tokens):
        return "chinese"
    if any(t in _DIGITS or t in ("十", "百", "千", "几") for t in tokens):
        return "mixed"
    return "arabic"


def _scale(tokens: list[str]) -> str | None:
    written = "".join(tokens)
    return next((s for s in _SCALES if s in written), None)


def _side(text: str, i: int, g: _Grammar) -> _Side | None:
    """The numeral at ``i`` with its 多/余 and unit, or None if it is not one number."""
    end = _BODY_RE.match(text, i).end()
    cut = next((j for j in range(i + 1, end) if text[j] in "十百千" and text.startswith(g.lead, j)), None)
    end = cut or end
    tokens = _TOKEN_RE.findall(text, i, end)
    value = _evaluate(tokens)
    if value is None and text[i] not in _CN:  # 10万一次性, 2022百强: keep the Arabic part
        end = _SIMPLE_RE.match(text, i).end()
        tokens = _TOKEN_RE.findall(text, i, end)
        value = _evaluate(tokens)
    if value is None:
        return None
    numeral, scale = _numeral(tokens), _scale(tokens)
    mid = g.mid.match(text, end)
    if mid and (numeral != "chinese" or not _has_space(mid.group())) and not (scale and mid["scale"]):
        scale = scale or mid["scale"]
        value *= _SCALES[mid["scale"]] if mid["scale"] else 1
        return _Side(i, end, mid.end(), _tidy(value), _unit(mid["unit"]), scale, numeral, mid["mid"], tokens)
    unit = (g.cn_unit if numeral == "chinese" else g.unit).match(text, end)
    unit_end = unit.end() if unit else end
    return _Side(i, end, unit_end, _tidy(value), _unit(unit and unit["unit"]), scale, numeral, None, tokens)


def _unit(unit: str | None) -> str | None:
    return "%" if unit == "％" else unit


def _has_space(s: str) -> bool:
    return any(c in _SPACE_CHARS for c in s)


def _read(text: str, i: int, floor: int, g: _Grammar) -> tuple[Quantity | None, int]:
    """The quantity that starts at ``i`` (if any) and the offset to resume scanning from."""
    if text.startswith("百分之", i):
        return _percent_word(text, i, floor)
    first = _side(text, i, g)
    if first is None:
        return None, _BODY_RE.match(text, i).end()
    arabic_lead = text[i] not in _CN
    if arabic_lead:
        if _leading_zero(first.tokens[0]) or _DOTTED_RE.match(text, first.body_end):
            return None, _CHAIN_RE.match(text, i).end()
        ratio = _RATIO_RE.match(text, i)
        if len(first.tokens) == 1 and first.unit is None and ratio:
            written = _TOKEN_RE.findall(ratio.group())
            terms = tuple(_arabic(t) for t in written)
            if None not in terms and not any(map(_leading_zero, written)):
                return _finish(text, i, ratio.end(), floor, first, "ratio", value=terms[0], terms=terms)
    dash = _DASH_RE.match(text, first.end) if first.mid is None else None
    if dash:
        second = _side(text, dash.end(), g)
        low = None if second is None else _range_low(text, first, second, dash)
        if low is not None:
            numeral = first.numeral if first.numeral == second.numeral else "mixed"
            if numeral != "chinese" or _chinese_ok(text, i, second, is_range=True):
                return _finish(text, i, second.end, floor, second, kind="range", value=low,
                               high=second.value, scale=second.scale or first.scale, numeral=numeral)
        if dash.group(1) in "-－" and first.unit is None and arabic_lead and text[dash.end()] not in _CN:
            return None, _CHAIN_RE.match(text, i).end()  # 0760-88308273, 2023-06-25: an identifier
    if first.numeral == "chinese":
        if not _chinese_ok(text, i, first, is_range=False):
            return None, first.body_end
    elif first.unit is None and re.match(r"[A-Za-z+＋]", text[first.body_end:first.body_end + 1]):
        return None, first.body_end  # 5G, 4K, 4+6+4
    kind = "percent" if first.unit in ("%", "‰") else "number"
    return _finish(text, i, first.end, floor, first, kind=kind)


def _range_low(text: str, first: _Side, second: _Side, dash: re.Match[str]) -> Decimal | None:
    """The low end if ``first dash second`` is a range, else None."""
    mark, at = dash.group(1), dash.start(1)
    if mark == "—" and "—" in text[at - 1:at] + text[at + 1:at + 2]:
        return None  # —— is a dash between clauses
    if second.mid or (mark in "-－" and second.unit is None) or _leading_zero(second.tokens[0]):
        return None
    if (first.unit is not None and first.unit != second.unit) or (first.scale and not second.scale):
        return None
    low = first.value
    if second.scale and not first.scale:  # 5-10万元: the scale is written once, on the high end
        if not text[second.start:second.body_end].endswith(second.scale):
            return None
        low = _tidy(low * _SCALES[second.scale])
    return low if low <= second.value else None


def _chinese_ok(text: str, i: int, side: _Side, is_range: bool) -> bool:
    """Whether a Chinese numeral is a quantity here (see the module docstring)."""
    body = text[i:side.body_end]
    if (i and text[i - 1] in _NOT_COUNTED_AFTER) or text.startswith("十分", i):
        return False
    if side.unit == "次" and text.startswith(_SESSION, side.end):
        return False
    if side.unit is not None:
        return is_range or body not in ("一", "零", "〇", "百", "千", "万", "亿")
    return not is_range and len(body) > 1 and body[0] in "一二三四五六七八九两" and any(
        c in _MULTIPLIERS for c in body
    )


def _percent_word(text: str, i: int, floor: int) -> tuple[Quantity | None, int]:
    match = _PERCENT_WORD_RE.match(text, i)
    tokens = _TOKEN_RE.findall(text, i + 3, match.end()) if match else []
    value = _evaluate(tokens)
    if value is None:
        return None, i + 1
    side = _Side(i, match.end(), match.end(), _tidy(value), "%", None, _numeral(tokens), None, tokens)
    return _finish(text, i, side.end, floor, side, kind="percent")


def _word_before(text: str, p: int, floor: int, words: tuple[str, ...]) -> str | None:
    return next((w for w in words if p - len(w) >= floor and text.startswith(w, p - len(w))), None)


def _skip_spaces_back(text: str, p: int, floor: int) -> int:
    while p > floor and text[p - 1] in _SPACE_CHARS:
        p -= 1
    return p


def _prefix(text: str, start: int, floor: int, unit: str | None) -> tuple[int, str | None, str | None]:
    """Start, bound and approximation word of what directly precedes the number at ``start``."""
    p = _skip_spaces_back(text, start, floor)
    if p == floor or text[p - 1] not in _QUALIFIER_ENDS:
        return start, None, None
    bound = _word_before(text, p, floor, _BOUNDS)
    if bound:
        return p - len(bound), bound, None
    approx = _word_before(text, p, floor, _APPROX_BEFORE)
    if approx is None or (approx == "近" and unit in _TIME_UNITS):
        return start, None, None
    q = p - len(approx)
    if len(approx) == 1 and q > 0 and text[q - 1] in _WORD_ENDS_IN_APPROX:
        return start, None, None
    p = _skip_spaces_back(text, q, floor)
    bound = _word_before(text, p, floor, _BOUNDS)
    return (p - len(bound), bound, approx) if bound else (q, None, approx)


def _finish(
    text: str, i: int, end: int, floor: int, side: _Side, kind: str, **fields
) -> tuple[Quantity, int]:
    """Add the words around the number (bound, approximation): the Quantity and where it ends."""
    suffix = _SUFFIX_RE.match(text, end)
    if suffix and (side.numeral != "chinese" or not suffix.group(1)):
        end = suffix.end()
    start, bound, before = _prefix(text, i, floor, side.unit)
    if side.numeral == "chinese" and text[i] in _MULTIPLIERS and i > floor and text[i - 1] == "数":
        start, before = i - 1, "数"  # 数十家, 数百万元
    words = [before, "几" if "几" in side.tokens else None, side.mid, suffix and suffix.group(2)]
    approx = "…".join(w for w in words if w) or None
    values = dict(value=side.value, high=None, unit=side.unit, scale=side.scale, numeral=side.numeral)
    values.update(fields)
    raw = text[start:end]
    return Quantity(start=start, end=end, raw=raw, approx=approx, bound=bound, kind=kind, **values), end
