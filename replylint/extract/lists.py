"""List claims: an enumeration with its stated count and the items the letter actually lists.

Three layouts are read, each from one paragraph of the view (and, for laid-out items, the
paragraphs that continue the enumeration):

- items before the count, inline: ``提出了A、B、…、I等九大主要任务``, ``A、B等 3 家企业``,
  ``家电、照明灯饰两大传统产业``;
- the count before items laid out as 一是/二是 or （一）（二）: ``两类人才给予支持。一是…二是…``,
  ``主要包括以下三个方面：一是…；二是…；三是…。``;
- laid-out items before a count that sums them up: ``（一）…（二）…（三）… 共三项措施``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal, NamedTuple

from replylint.claims import Claim
from replylint.extract import phrases
from replylint.letter import Structure
from replylint.models import Span
from replylint.source import Paragraph, Source
from replylint.tables import Lists, load_tables

_ITEM_IS_QUANTITY = re.compile(r"\d+(?:\.\d+)?\s*[\u4e00-\u9fff%]{0,2}$")
_NO_LIST_BEFORE = "、的第" + phrases.CLAUSE_END + phrases.OPENING
_NOUN = re.compile(r"[\u4e00-\u9fff“”]{0,6}")
# 等 inside an item ends an earlier list (A等品牌位列), unless it is part of a word (高等, 等级).
_ETC_INSIDE = re.compile(r"(?<=[^高平同对均中初上优次])等(?!级)(?=\S)")
_ITEM_TEXT = re.compile(r"[^，,。；;：:]{1,24}")
_COLON = re.compile("[：:]")
_MAX_LAID_OUT = 20  # paragraphs of laid-out items looked back at from a summing-up count


class ListClaim(Claim):
    """An enumeration: its stated count, the items listed, and whether 等 leaves it open.

    等 before a defining count (九大主要任务, 两类人才) closes the list rather than opening
    it: the letter names the whole set, so ``open`` is False and the items must all be there.

    ``joined_last`` says the last item was split at a conjunction (家电和照明灯饰), so the
    letter may also mean one item fewer (人力资源和社会保障局 is one name).
    """

    kind: Literal["list"] = "list"
    count: int
    count_raw: str
    count_span: Span
    noun: str
    items: tuple[str, ...]
    open: bool
    approximate: bool
    layout: Literal["inline", "enumerated"]
    joined_last: bool = False

    def item_counts(self) -> tuple[int, ...]:
        """The numbers of items the letter may mean: one, or two when the last was joined."""
        n = len(self.items)
        return (n, n - 1) if self.joined_last else (n,)


@lru_cache(maxsize=8)
def _count_pattern(table: Lists) -> re.Pattern[str]:
    measures = phrases.alternation(table.count_measures)
    return re.compile(
        rf"(?=[\d{phrases.CHINESE_DIGITS}])"  # first a quick look for a numeral, which most positions fail
        rf"(?<![0-9.．A-Za-z{phrases.CHINESE_DIGITS}一百千万亿第\-－～~—–至到])"
        rf"(?P<num>\d+|[{phrases.CHINESE_DIGITS}]{{1,3}})\s*(?P<more>余|多)?(?P<measure>{measures})"
    )


class _Found(NamedTuple):
    """Where a list lies in the view, and what it lists."""

    start: int
    end: int
    items: list[str]
    open: bool = False
    layout: Literal["inline", "enumerated"] = "enumerated"
    joined: bool = False


def extract_lists(source: Source, structure: Structure) -> Iterator[ListClaim]:
    """Every enumeration with a stated count in the letter, in text order."""
    table = load_tables().lists
    paragraphs = source.paragraphs
    count_pattern = _count_pattern(table)  # looked up once per letter, not once per paragraph
    for index, para in enumerate(paragraphs):
        outside = None  # which characters stand outside quotes, read once a count needs it
        for m in count_pattern.finditer(para.text):
            count = phrases.count_value(m["num"])
            if not count or count < 2:
                continue
            if outside is None:
                outside = phrases.outside_quotes(para.text)
            if not outside[m.start()]:
                continue
            found = _inline(para, m, table) or _announced(paragraphs, index, m, table) or _summed_up(paragraphs, index, m, table)
            if found is not None:
                yield _claim(source, para, m, count, found, table)


def _claim(source: Source, para: Paragraph, m: re.Match[str], count: int, found: _Found, table: Lists) -> ListClaim:
    span = source.view_span(found.start, found.end)
    count_span = source.view_span(para.start + m.start(), para.start + m.end())
    before = para.text[max(0, m.start() - 4) : m.start()].rstrip()
    return ListClaim(
        span=span,
        raw=source.excerpt(span),
        count=count,
        count_raw=source.excerpt(count_span),
        count_span=count_span,
        noun=m["measure"] + _NOUN.match(para.text, m.end()).group().strip("“”"),
        items=tuple(found.items),
        open=found.open,
        approximate=bool(m["more"]) or any(before.endswith(word) for word in table.approximations),
        layout=found.layout,
        joined_last=found.joined,
    )


def _inline(para: Paragraph, m: re.Match[str], table: Lists) -> _Found | None:
    """Items written before the count in the same clause: ``A、B、C等3家企业``."""
    text = para.text
    end = len(text[: m.start()].rstrip())
    hit = phrases.last_word(text[max(0, end - 3) : end], table.approximations)
    if hit and text[:end].endswith(hit[1]):
        end = len(text[: end - len(hit[1])].rstrip())
    is_open = False
    for word in ("等等", "等"):
        if text[:end].endswith(word):
            end, is_open = len(text[: end - len(word)].rstrip()), True
            break
    if end == 0 or text[end - 1] in _NO_LIST_BEFORE:
        return None
    start = phrases.clause_start(text, end)
    segment = text[start:end]
    pieces = [segment[a:b] for a, b in phrases.split_outside_quotes(segment, "、")]
    for i in range(len(pieces) - 1, 0, -1):
        hit = phrases.last_word(pieces[i], table.list_restarts)
        if hit:
            pieces = [pieces[i][hit[0] + len(hit[1]) :], *pieces[i + 1 :]]
            break
    if len(pieces) < 2 and not is_open:
        return None
    hit = phrases.last_word(pieces[0], table.list_openers)
    if hit and pieces[0][hit[0] + len(hit[1]) :].strip():
        pieces[0] = pieces[0][hit[0] + len(hit[1]) :]
    items, joined = _split_last(pieces, table)
    items = [item.strip() for item in items]
    is_open = is_open and m["measure"] not in table.defining_measures
    if not is_open and m["num"].isdigit() and int(m["num"]) > table.max_closed_count:
        return None
    if any(
        not item or len(item) > table.max_item_chars or _ITEM_IS_QUANTITY.search(item) or _ETC_INSIDE.search(item)
        for item in items
    ):
        return None
    first = start + segment.find(items[0]) if items[0] in segment else start
    return _Found(para.start + first, para.start + m.end(), items, is_open, "inline", joined)


def _split_last(pieces: list[str], table: Lists) -> tuple[list[str], bool]:
    """Split the last item at a conjunction outside quotes: ``B和C`` → ``B``, ``C``."""
    last = pieces[-1]
    hit = phrases.last_word(last, table.conjunctions)
    if hit is None or hit[0] == 0 or not last[hit[0] + len(hit[1]) :].strip():
        return pieces, False
    return [*pieces[:-1], last[: hit[0]], last[hit[0] + len(hit[1]) :]], True


def _announced(paragraphs, index: int, m: re.Match[str], table: Lists) -> _Found | None:
    """Items laid out after the count: ``两类人才给予支持。一是…二是…``."""
    para = paragraphs[index]
    text = para.text
    if m["measure"] not in table.enumeration_measures:
        return None
    stop = phrases.sentence_end(text, m.end())
    colon = hit.start() if (hit := _COLON.search(text, m.end(), stop)) else stop
    if colon == len(text):
        return None  # the sentence does not end: a heading or a cut paragraph, not an announcement
    ends_with_colon = text[colon] in "：:"
    lead = any(text[max(0, m.start() - 4) : m.start()].rstrip().endswith(w) for w in table.enumeration_leads)
    if not (m["num"][0] in phrases.CHINESE_DIGITS or lead or ends_with_colon):
        return None
    rest = colon + 1
    if text[rest:].strip():
        first = phrases.leading_marker(text[rest:].lstrip(), ordinal=1)
    elif (ends_with_colon or lead) and index + 1 < len(paragraphs):
        first = phrases.leading_marker(paragraphs[index + 1].text, ordinal=1)
    else:
        first = None  # a paragraph that ends in a full stop does not announce the next section
    if first is None:
        return None
    items, end = _sequence(paragraphs, index, rest, first.style)
    return _Found(para.start + m.start(), end, items) if len(items) >= 2 else None


def _sequence(paragraphs, index: int, offset: int, style: str) -> tuple[list[str], int]:
    """Items of an enumeration from ``offset`` of paragraph ``index``, and the view end of its
    last marker; it goes on in following paragraphs that each start with the next marker."""
    items: list[str] = []
    end = paragraphs[index].start + offset
    for k in range(index, len(paragraphs)):
        para = paragraphs[k]
        if k > index and phrases.leading_marker(para.text, style, len(items) + 1) is None:
            break
        for marker in phrases.markers(para.text, offset if k == index else 0):
            if marker.style != style:
                continue
            if marker.ordinal != len(items) + 1:
                return items, end
            items.append(_item_at(para.text, marker.end))
            end = para.start + marker.end
    return items, end


def _summed_up(paragraphs, index: int, m: re.Match[str], table: Lists) -> _Found | None:
    """Laid-out items before a count that sums them up: ``（一）…（二）…（三）… 共三项措施``."""
    para = paragraphs[index]
    if m["measure"] not in table.summary_measures:
        return None
    before = para.text[: m.start()].rstrip()
    lead = next((word for word in table.summary_leads if before.endswith(word)), None)
    if lead is None or before[: -len(lead)].rstrip()[-1:] not in ("", *phrases.SENTENCE_END):
        return None
    k = index
    while k > 0 and index - k < _MAX_LAID_OUT and phrases.leading_marker(paragraphs[k - 1].text):
        k -= 1
    found = [(p, marker) for p in paragraphs[k:index] for marker in phrases.markers(p.text)]
    found += [(para, marker) for marker in phrases.markers(para.text) if marker.end <= m.start()]
    if not found:
        return None
    run = [(p, marker) for p, marker in found if marker.style == found[-1][1].style]
    ones = [i for i, (_, marker) in enumerate(run) if marker.ordinal == 1]
    run = run[ones[-1] :] if ones else []
    if len(run) < 2 or [marker.ordinal for _, marker in run] != list(range(1, len(run) + 1)):
        return None
    items = [_item_at(p.text, marker.end) for p, marker in run]
    return _Found(run[0][0].start + run[0][1].start, para.start + m.end(), items)


def _item_at(text: str, offset: int) -> str:
    """The first clause of a laid-out item, as its name."""
    item = _ITEM_TEXT.match(text, offset)
    return item.group() if item else ""
