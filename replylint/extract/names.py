"""Names of organisations: bureaus, committees, companies, colleges, associations, centres.

Precision before recall. A name is read only where its start is certain: at the city's full
name (中山市…), or at 市, the city's short name or a place the word list knows (佛山市, 广东省)
where a name may start (after punctuation, or a word such as 经 由 与); it ends at the first suffix of ``rules/organisations.toml``
(局, 委员会, 有限公司, 学院 …) that does not start a longer word, and holds no word of
running text. The co-handling units and the 抄送 units of the letter's structure are names
too, as written (人力资源和社会保障局 after 市金融局、 stands for 市人力资源和社会保障局).

``key`` links the forms of one body: without the city prefix, with an accepted short form
replaced by the full one (市工信局 and 中山市工业和信息化局 share the key 工业和信息化局).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Literal

from replylint.claims import Claim
from replylint.lexicon import is_word
from replylint.letter import Structure
from replylint.source import Source
from replylint.tables import Organisations, load_tables

MAX_NAME = 24
# The characters a name is made of, as many as a name may hold.
_NAME_CHARS = re.compile(rf"[\u4e00-\u9fff（）]{{0,{MAX_NAME}}}")
_TITLE = re.compile(r"《[^《》\n]*》")
# What a name starting after a boundary begins with: 市 (not 市场), or another place's name.
# Another place's name that may start a name: 佛山市, 广东省 (when the word list knows it).
_PLACE = re.compile(r"[\u4e00-\u9fff]{2,3}?[省市区县](?!场)")
_MARKUP = re.compile(r"[\s*#\u3000]+")
# Every character but the Chinese ones of [\u4e00-\u9fff], as a class of its own (not negated).
_NOT_CHINESE = "\x00-\u4dff\ua000-\U0010ffff"

Origin = Literal["body", "organ", "signature", "cohandler", "cc"]


class Name(Claim):
    """An organisation's name as written (``name``), the key of the body it names, and where it stands."""

    kind: Literal["name"] = "name"
    name: str
    key: str
    origin: Origin = "body"


def name_key(name: str, table: Organisations) -> str:
    """The key of the body a name names: no city prefix, short forms replaced by full ones."""
    key = _MARKUP.sub("", name)
    for prefix in table.city_prefixes:
        if key.startswith(prefix):
            key = key[len(prefix) :]
            break
    else:
        if key.startswith("市") and not key.startswith("市场"):
            key = key[1:]
    return _aliases(table).get(key, key)


@lru_cache(maxsize=4)
def _aliases_cached(aliases: tuple[tuple[str, ...], ...]) -> dict[str, str]:
    return {form: group[0] for group in aliases for form in group}


def _aliases(table: Organisations) -> dict[str, str]:
    return _aliases_cached(table.aliases)


def name_end(text: str, start: int, table: Organisations) -> int | None:
    """Where a name that starts at ``text[start]`` ends, or ``None`` when no suffix ends it soon."""
    limit = _NAME_CHARS.match(text, start).end()
    by_length = _suffixes_by_length(table.suffixes)
    for last in _last_chars(table.suffixes).finditer(text, start + 1, limit):
        end = last.end()
        for length, suffixes in by_length:
            suffix = text[end - length : end]
            if length <= end - start and suffix in suffixes and text[end : end + 1] not in table.not_after.get(suffix, ""):
                if end - start > length or text[start] == "市":
                    return _with_sub_unit(text, end, limit, table)
    return None


@lru_cache(maxsize=4)
def _suffixes_by_length(suffixes: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """The suffixes grouped by length, so that a name end is tried once per length, not per suffix."""
    return tuple((n, frozenset(s for s in suffixes if len(s) == n)) for n in sorted({len(s) for s in suffixes}))


@lru_cache(maxsize=4)
def _last_chars(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern for the characters suffixes end in: a name can end only after one of them."""
    ends = "".join(sorted({s[-1] for s in suffixes}))
    return re.compile(f"[{re.escape(ends)}]" if ends else "(?!)")


def _with_sub_unit(text: str, end: int, limit: int, table: Organisations) -> int:
    """Extend a name by a sub-unit that follows it (政府 → 政府办公室, 常委会 → 常委会选联工委)."""
    for unit in table.sub_units:
        if text.startswith(unit, end):
            return end + len(unit)
    for unit in table.sub_units:  # or one that ends the name's characters one to three after it
        if 1 <= limit - len(unit) - end <= 3 and text.startswith(unit, limit - len(unit)):
            return limit
    return end


@lru_cache(maxsize=8)
def _boundaries(starts_after: str, city_short: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where 市, the city's short name or a place name follows (the only places a name may start):
    at the start of the text, and after a non-Chinese character or a ``starts_after`` one.

    The second pattern matches that character and its match ends at the name: a pattern that
    starts with a character class lets the search pass over all other characters at once.
    """
    heads = f"(?={'|'.join(['市(?!场)', *map(re.escape, city_short), _PLACE.pattern])})"
    return re.compile(heads), re.compile(f"[{_NOT_CHINESE}{re.escape(starts_after)}]{heads}")


@lru_cache(maxsize=4)
def _prefixes(city_prefixes: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """A pattern for each of the city's full names, compiled once."""
    return tuple(re.compile(re.escape(prefix)) for prefix in city_prefixes)


def _starts(text: str, table: Organisations) -> Iterator[int]:
    """Offsets where a name may start: the city's full name anywhere, 市 or its short name after a boundary."""
    for prefix in _prefixes(table.city_prefixes):
        for m in prefix.finditer(text):
            yield m.start()
    at_start, after_boundary = _boundaries(table.starts_after, table.city_short)
    positions = [0] if at_start.match(text) else []
    positions += [boundary.end() for boundary in after_boundary.finditer(text)]
    for pos in positions:
        if text.startswith("市", pos) and not text.startswith("市场", pos) or text.startswith(table.city_short, pos):
            yield pos
        elif (lead := _PLACE.match(text, pos)) and is_word(lead.group()):
            yield pos


def _is_name(name: str, table: Organisations) -> bool:
    """Whether a name's part before its suffix is free of the words of running text."""
    longest = next((n for n, group in reversed(_suffixes_by_length(table.suffixes)) if name[-n:] in group), 0)
    core = name[: len(name) - longest]
    return not _any_of(table.stop_words).search(core)


@lru_cache(maxsize=8)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds any of ``words``."""
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def extract_names(source: Source, structure: Structure) -> Iterator[Name]:
    """Every organisation name the letter writes: its structure's units first, then its running text."""
    table = load_tables().organisations
    taken: set[int] = set()
    fields = [("organ", structure.organ), ("signature", structure.signature)]
    fields += [("cohandler", f) for f in structure.cohandlers] + [("cc", f) for f in structure.cc]
    for origin, field in fields:
        name = _MARKUP.sub("", field.text) if field else ""
        if name and name.endswith(table.suffixes) and _is_name(name, table):
            taken.update(range(field.span.start, field.span.end))
            yield Name.trusted(span=field.span, raw=source.excerpt(field.span), name=name, key=name_key(name, table), origin=origin)
    for para in source.paragraphs:
        text = para.text
        titles = [(m.start(), m.end()) for m in _TITLE.finditer(text)]
        for start in sorted(set(_starts(text, table))):
            if any(s <= start < e for s, e in titles):
                continue
            end = name_end(text, start, table)
            if end is None or not _is_name(text[start:end], table):
                continue
            if source.view_to_text[para.start + start] in taken:  # where its span would start
                continue
            span = source.view_span(para.start + start, para.start + end)
            taken.update(range(span.start, span.end))
            name = _MARKUP.sub("", text[start:end])
            yield Name.trusted(span=span, raw=source.excerpt(span), name=name, key=name_key(name, table))
