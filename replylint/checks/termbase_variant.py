"""RL204 termbase-variant."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from replylint.corpus import Corpus
from replylint.models import Finding
from replylint.query import at_view, paragraphs
from replylint.registry import rule
from replylint.tables import load_tables
from replylint.termbase import Termbase, load_termbase

_TITLE = re.compile(r"《(?P<title>[^《》\n]{2,80})》(?:\s*[（(](?P<docno>[^（）()\n]{1,20}〔\d{4}〕\d+号)[）)])?")
# Characters whose change makes another instrument (2023年 → 2024年, 十三五 → 十四五), not a variant.
_NUMERALS = set("0123456789０１２３４５６７８９〇零一二三四五六七八九十百千万亿两")
MIN_NAME = 6


def _numeric_difference(a: str, b: str) -> bool:
    """Whether any character that differs between ``a`` and ``b`` is a numeral."""
    for op in Levenshtein.editops(a, b):
        changed = (a[op.src_pos] if op.tag != "insert" else "") + (b[op.dest_pos] if op.tag != "delete" else "")
        if _NUMERALS & set(changed):
            return True
    return False


@lru_cache(maxsize=8)
def _name_variants(names: tuple[str, ...]) -> re.Pattern | None:
    """A regex matching any name with one Chinese character changed inside it.

    Not among its first two characters (a place name: 中山/佛山) nor its last (the kind of
    body: 局/厅/中心), whose change names another body.
    """
    branches = []
    for name in names:
        if len(name) < MIN_NAME:
            continue
        for i in range(2, len(name) - 1):
            if name[i] in _NUMERALS:
                continue
            branches.append(f"{re.escape(name[:i])}(?!{re.escape(name[i])})[\u4e00-\u9fff]{re.escape(name[i + 1:])}")
    return re.compile("|".join(branches)) if branches else None


def _closest_name(mention: str, names: tuple[str, ...]) -> str:
    return min(names, key=lambda n: Levenshtein.distance(mention, n))


@rule(
    "RL204",
    severity="warning",
    message_zh="“{mention}”与术语库中的“{entry}”略有不同，疑为误写",
    message_en="“{mention}” differs slightly from the termbase entry “{entry}”; likely a slip",
    per_letter=True,
)
def termbase_variant(corpus: Corpus, *, termbase: tuple[str, ...] = (), chars_per_edit: int = 10) -> Iterator[Finding]:
    """A policy title, 文号 or organisation name that is a near-variant of its termbase entry.

    ## What it flags
    A title in 《》 of six or more characters that is one edit (a character changed, added
    or dropped; one more per ``chars_per_edit`` characters of the title) from an official
    title without being it; the right title followed by a 文号 other than its
    own; an official organisation name with one Chinese character changed inside it (not
    its first two characters, a place name, nor its last, the kind of body). The termbase is
    the built-in ``rules/termbase.toml``, the user's tables and the files the configuration's
    ``termbase`` key names.

    ## Why it matters
    A misquoted title or a misspelt organisation name in a published letter is an official
    error: readers cannot find the policy, and the organisation's name is its legal identity.

    ## Example
    ### Bad
    ```letter
    根据《党政机关公文处理工作条列》的要求，规范公文办理。 <!-- expect: RL204 -->
    ```
    ### Good
    ```letter
    根据《党政机关公文处理工作条例》（中办发〔2012〕14号）的要求，规范公文办理。
    ```

    ## Known false positives
    Two real instruments whose titles differ by a word or two (a 实施意见 and its 实施细则)
    when only one is in the termbase: add the other. Names of two real bodies that differ in
    one character past their first two (省 and 市 bodies are kept apart only when both are
    listed). Differences in numerals (years, 十三五/十四五) never count.
    Measured on the seeds with a termbase of their own titles and of the 15 bureau names
    they use: no finding.
    """
    base: Termbase = load_tables().termbase.merged(load_termbase(tuple(termbase)))
    docnos = {t.title: t.docno for t in base.titles}
    titles = list(docnos)
    names = frozenset(base.names)
    variants = _name_variants(base.names)
    for letter, para in paragraphs(corpus):
        for m in _TITLE.finditer(para.text):
            title, docno = m["title"], m["docno"]
            if title in docnos:
                if docno and docnos[title] and docno != docnos[title]:
                    place = at_view(letter, para.start + m.start("docno"), para.start + m.end("docno"))
                    yield termbase_variant.finding([place], mention=docno, entry=f"《{title}》（{docnos[title]}）")
                continue
            allowed = max(1, len(title) // chars_per_edit)
            best = process.extractOne(title, titles, scorer=Levenshtein.distance, score_cutoff=allowed)
            if len(title) >= MIN_NAME and best and not _numeric_difference(title, best[0]):
                place = at_view(letter, para.start + m.start("title"), para.start + m.end("title"))
                yield termbase_variant.finding([place], mention=title, entry=best[0])
        if variants is None:
            continue
        for m in variants.finditer(para.text):
            if m.group() not in names:
                place = at_view(letter, para.start + m.start(), para.start + m.end())
                yield termbase_variant.finding([place], mention=m.group(), entry=_closest_name(m.group(), base.names))
