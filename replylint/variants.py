"""Spelling variants: which distinct strings are the same name written two ways.

A variant is a *small edit* of the same name: the two strings align along almost all their
length and differ by a few substituted characters or by one inserted stretch (《…产业园区与
产业集群…》 against 《…产业园区数字化管理与产业集群…》). A different name differs in its
key content: a different year or number (第二批, 2021-2025年, 十四五), or a substituted
stretch of several characters on both sides (标杆示范 against 平台项目).

Comparison is never all-pairs. Strings are blocked by their rarest character bigrams (prefix
filtering): two strings that may be variants share at least one of the rarest bigrams of
each, so only strings that share one are compared.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from replylint.corpus import group_by
from replylint.models import Model
from replylint.package_files import package_file
from replylint.sorted_lines import find_line

# Characters that carry an edition, a year or a count: a difference in them makes another document.
NUMERALS = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十百千万零〇○两")


class VariantPolicy(Model):
    """How far two strings may differ and still be one name written two ways."""

    # Shortest string compared at all (after normalisation).
    min_length: int = 6
    # Share of the longer string that must align with the shorter one.
    min_shared: float = 0.75
    # Characters substituted one for one, in all; each pair must sound alike or be interchangeable.
    max_substituted: int = 2
    # Characters one side has and the other lacks, as a share of the longer string.
    max_inserted: float = 0.25
    # Separate stretches of difference.
    max_edits: int = 2
    # Groups of characters that writers swap freely (和/与/及, 的/之).
    interchangeable: tuple[str, ...] = ()
    # Words whose presence on one side only makes another document (补充, 暂行, 办公厅 …).
    distinct_words: tuple[str, ...] = ()
    # How a stretch present on one side only may start the string: a place prefix (中山市).
    edge_prefix: str = ""
    # A stretch that starts or ends with one of these adds or drops an item (和下放, 等事项).
    scope_marks: str = ""
    # The document type a title ends with (管理办法, 实施细则): a stretch added right before it
    # names the document's own subject (课后服务经费管理办法 is not 课后服务管理办法).
    type_tail: str = ""
    # Characters that end a place name: a substitution of one (省/县) or right before one
    # (兰州市/广州市) changes the place.
    place_marks: str = ""


def sounds_alike(a: str, b: str) -> bool:
    """Whether two characters share a reading, tones ignored (推进/推近, 副/付)."""
    return bool(set(_readings(a)) & set(_readings(b)))


# The combining tone marks of pinyin (ā á ǎ à), dropped to compare readings without tones.
_TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0304\u030c"))


@lru_cache(maxsize=4096)
def _readings(char: str) -> tuple[str, ...]:
    """The readings of a CJK character without tones, as pypinyin's ``Style.NORMAL`` gives them.

    Read from pypinyin's character table alone.
    """
    if not "\u4e00" <= char <= "\u9fff":
        return ()
    line = find_line(_pinyin_text(), ord(char), _code_of)
    written = json.loads(line.rstrip(",").partition(": ")[2]) if line else ""
    readings = (unicodedata.normalize("NFD", r).translate(_TONE_MARKS) for r in written.split(","))
    return tuple(dict.fromkeys(unicodedata.normalize("NFC", r).replace("ü", "v") for r in readings if r))


@lru_cache(maxsize=1)
def _pinyin_text() -> str:
    """pypinyin's table of the readings of each character, as its JSON file writes it: one
    ``"code point": "readings",`` line a character, sorted by code point, looked up by binary
    search (:func:`_readings`). Read from the file alone: importing ``pypinyin.pinyin_dict``
    would run the package's ``__init__`` and make a dict of 42,000 entries (0.06 s), and
    parsing the JSON would make one too (0.016 s), where a run looks up a few dozen characters.
    A file laid out otherwise is parsed and written out that way."""
    text = package_file("pypinyin", "pinyin_dict.json", "its character table").read_text(encoding="utf-8")
    if text.startswith("{\n") and text.endswith("\n}") and _sorted_by_code(_sample_lines(text, 64)):
        return text
    table = json.loads(text)
    entries = sorted((int(code), readings) for code, readings in table.items())
    return "{\n" + "\n".join(f'"{code}": {json.dumps(readings, ensure_ascii=False)},' for code, readings in entries) + "\n}"


def _sample_lines(text: str, count: int) -> list[str]:
    """``count - 1`` lines of ``text`` spread evenly over it, the first and last lines left out."""
    lines = []
    for part in range(1, count):
        start = text.rfind("\n", 0, len(text) * part // count) + 1
        lines.append(text[start : text.find("\n", start)])
    return lines


def _sorted_by_code(lines: list[str]) -> bool:
    """Whether every line is one ``"code point": "readings",`` entry, in order of code point
    (given a sample of the table's lines, spread over it, this checks its layout)."""
    codes = [_code_of(line) for line in lines]
    return all(0 <= code for code in codes) and codes == sorted(codes)


def _code_of(line: str) -> int:
    """The code point of a line of the readings table: -1 before the entries (``{``) or for a
    line that is no entry, and more than any code point after them (``}``)."""
    if line == "}":
        return 0x110000
    if not line.startswith('"') or '": "' not in line:
        return -1
    head = line[1 : line.index('"', 1)]
    return int(head) if head.isdigit() else -1


def _alike(a: str, b: str, policy: VariantPolicy) -> bool:
    return sounds_alike(a, b) or any(a in group and b in group for group in policy.interchangeable)


def is_variant(a: str, b: str, policy: VariantPolicy) -> bool:
    """Whether ``a`` and ``b`` (different strings) are one name written two ways under ``policy``.

    They are when they differ in at most ``max_edits`` stretches, each either a one-for-one
    substitution of characters that sound alike or are interchangeable (not in a place name
    nor its level: 省人大 is not 县人大),
    or a stretch that the longer string adds (inside it, or a place prefix at its start) that
    holds no numeral and no distinguishing word, adds no item to a list and does not stand
    right before the document type (经费 in …经费管理办法); and when most of
    the longer string aligns. The shorter string loses nothing but substituted characters.
    """
    if a == b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < policy.min_length:
        return False
    edits = [op for op in Levenshtein.opcodes(short, long_) if op.tag != "equal"]
    if len(edits) > policy.max_edits:
        return False
    substituted = inserted = 0
    for op in edits:
        mine, theirs = short[op.src_start : op.src_end], long_[op.dest_start : op.dest_end]
        if NUMERALS & set(mine + theirs):
            return False
        if op.tag == "replace":
            if len(mine) != len(theirs) or not all(_alike(x, y, policy) for x, y in zip(mine, theirs)):
                return False
            if set(mine + theirs + short[op.src_end : op.src_end + 2]) & set(policy.place_marks):
                return False
            substituted += len(mine)
            continue
        if op.tag == "delete":
            return False
        at_end = op.dest_end == len(long_)
        at_start = op.dest_start == 0
        if at_end or (at_start and not (policy.edge_prefix and re.fullmatch(policy.edge_prefix, theirs))):
            return False
        if theirs[0] in policy.scope_marks or theirs[-1] in policy.scope_marks:
            return False
        if _names_subject(long_, op.dest_start, op.dest_end, policy):
            return False
        if any(word in theirs for word in policy.distinct_words):
            return False
        inserted += len(theirs)
    shared = len(long_) - inserted - substituted
    return (
        substituted <= policy.max_substituted
        and inserted <= policy.max_inserted * len(long_)
        and shared >= policy.min_shared * len(long_)
    )


def _names_subject(long_: str, start: int, end: int, policy: VariantPolicy) -> bool:
    """Whether the stretch ``long_[start:end]`` stands right before the title's document type
    (经费 in 课后服务经费管理办法) and could not be read one character earlier, as a stretch
    that repeats the text before it (推进推进 against 推进) could."""
    return (
        bool(policy.type_tail)
        and re.fullmatch(policy.type_tail, long_[end:]) is not None
        and long_[start - 1 : start] != long_[end - 1]
    )


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def candidate_pairs(keys: Iterable[str], policy: VariantPolicy) -> set[tuple[str, str]]:
    """Pairs of distinct keys that share one of the rarest bigrams of each (prefix filtering).

    The prefix of a key is as long as the number of its bigrams that the policy's edits may
    destroy, plus one; so any two variants under ``policy`` share a prefix bigram.
    """
    keys = sorted({k for k in keys if len(k) >= policy.min_length})
    grams = {k: _bigrams(k) for k in keys}
    df = Counter(g for gs in grams.values() for g in gs)
    index: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        destroyed = 2 * policy.max_substituted + policy.max_edits + int(policy.max_inserted * len(key))
        for gram in sorted(grams[key], key=lambda g: (df[g], g))[: destroyed + 1]:
            index[gram].append(key)
    pairs = set()
    for members in index.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pairs.add((a, b) if a < b else (b, a))
    return pairs


def variant_groups(keys: Iterable[str], policy: VariantPolicy) -> list[list[str]]:
    """Groups of two or more keys linked by variant pairs (connected components), each sorted."""
    parent: dict[str, str] = {}

    def root(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in candidate_pairs(keys, policy):
        if is_variant(a, b, policy):
            parent[root(a)] = root(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for key in parent:
        groups[root(key)].append(key)
    return [sorted(g) for g in groups.values() if len(g) > 1]



def cited_variant_groups(cited: Iterable[set[str]], policy: VariantPolicy) -> list[list[str]]:
    """The variant groups of the keys some letters cite, each letter's keys given as one set.

    A group of which one letter cites two spellings of different lengths is left out: a
    letter that cites both side by side names two documents.
    """
    cited = list(cited)
    groups = variant_groups(set().union(*cited), policy)
    group_of = {key: index for index, group in enumerate(groups) for key in group}
    two_documents = {
        index for keys in cited for index, spellings in group_by(keys & group_of.keys(), group_of.get).items()
        if len({len(key) for key in spellings}) > 1
    }
    return [group for index, group in enumerate(groups) if index not in two_documents]
