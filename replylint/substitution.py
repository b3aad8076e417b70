"""Substitution lexicons: text that is wrong in a given context, and what to write instead.

A lexicon entry names the wrong text, the right text, the context in which the wrong text is
wrong (characters that must or must not come before or after it), the authority it rests on
and examples that must and must not match. A table refuses to load when one of its entries
fails its own examples. The redundant-character rule (RL303) and the confusable rule (RL304)
are such lexicons.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING

from pydantic import Field, ValidationInfo, model_validator

from replylint.lexicon import crosses_word
from replylint.models import Model, Severity

if TYPE_CHECKING:
    from replylint.corpus import Corpus
    from replylint.models import Finding
    from replylint.registry import Rule


# The validation context of the built-in tables at run time. They skip their self-test
# examples: the test suite checks those (tests/test_tables.py), and checking them again on
# every run would cost half a second. A user's tables are always checked.
BUILT_IN = {"built_in": True}


def examples_wanted(info: ValidationInfo) -> bool:
    """Whether a table under validation checks its examples: always, but for the built-in tables at run time."""
    return not (info.context or {}).get("built_in", False)


def check_examples(
    spans: Callable[[str], Iterable[tuple[int, int]]], flag: Iterable[str], clean: Iterable[str], what: str
) -> None:
    """Raise ``ValueError`` naming ``what`` unless ``spans`` finds something in every ``flag``
    example and nothing in any ``clean`` one."""
    for example in flag:
        if not any(True for _ in spans(example)):
            raise ValueError(f"{what} does not match its flag example {example!r}")
    for example in clean:
        if any(True for _ in spans(example)):
            raise ValueError(f"{what} matches its clean example {example!r}")


class Substitution(Model):
    """One entry: ``wrong`` is a slip for ``right`` where its context matches.

    ``before``/``not_before`` are fixed-width regexes, one of which must (must not) end just
    before the match; ``after``/``not_after`` are regexes one of which must (must not) start
    just after it. With ``whole_word`` the match is skipped when a dictionary word crosses its
    edge (组成份额 holds 成份 but is 组成 + 份额).
    """

    wrong: str = Field(min_length=1)
    right: str
    before: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    whole_word: bool = False
    # The severity of this entry when it differs from the rule's (截止 is an error, 其它 a note).
    severity: Severity | None = None
    # Whether ``right`` is certain enough to be applied by ``--fix``.
    certain: bool = True
    source: str = Field(min_length=1)
    flag: tuple[str, ...] = Field(min_length=1)
    clean: tuple[str, ...] = ()

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The compiled regex of the entry with its context as look-arounds."""
        parts = []
        if self.before:
            parts.append("(?:" + "|".join(f"(?<={b})" for b in self.before) + ")")
        parts.extend(f"(?<!{b})" for b in self.not_before)
        parts.append(re.escape(self.wrong))
        if self.after:
            parts.append("(?=" + "|".join(self.after) + ")")
        if self.not_after:
            parts.append("(?!" + "|".join(self.not_after) + ")")
        return re.compile("".join(parts))

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """The (start, end) of every place in ``text`` where this entry applies.

        The same places as ``pattern.finditer`` gives, found faster: the pattern is tried only
        where ``wrong`` occurs, since its look-arounds keep it from scanning for the literal.
        """
        start = text.find(self.wrong)
        while start >= 0:
            m = self.pattern.match(text, start)
            if m and not (self.whole_word and crosses_word(text, m.start(), m.end())):
                yield m.start(), m.end()
            start = text.find(self.wrong, m.end() if m else start + 1)

    @model_validator(mode="after")
    def _examples_hold(self, info: ValidationInfo) -> Substitution:
        if not examples_wanted(info):
            return self
        try:
            self.pattern
        except re.error as exc:
            raise ValueError(f"entry {self.wrong!r}: bad context regex: {exc}") from None
        if self.wrong == self.right:
            raise ValueError(f"entry {self.wrong!r}: wrong and right are the same")
        check_examples(self.spans, self.flag, self.clean, f"entry {self.wrong!r}")
        return self


class SubstitutionTable(Model):
    """A lexicon of substitutions, e.g. ``rules/confusables.toml``."""

    entry: tuple[Substitution, ...] = ()

    @model_validator(mode="after")
    def _unique(self) -> SubstitutionTable:
        seen: set[tuple] = set()
        for e in self.entry:
            key = (e.wrong, e.before, e.not_before, e.after, e.not_after)
            if key in seen:
                raise ValueError(f"entry {e.wrong!r} is listed twice with the same context")
            seen.add(key)
        return self

    @cached_property
    def _wrong_finder(self) -> re.Pattern[str]:
        """A regex matching, at any place, the longest ``wrong`` text of the table that starts there."""
        wrongs = sorted({entry.wrong for entry in self.entry}, key=len, reverse=True)
        return re.compile("|".join(map(re.escape, wrongs)) or "(?!)")  # an empty table matches nothing

    @cached_property
    def _prefix_entries(self) -> dict[str, tuple[int, ...]]:
        """For each ``wrong`` text, the indices of the entries whose ``wrong`` is a prefix of it."""
        return {
            wrong: tuple(i for i, entry in enumerate(self.entry) if wrong.startswith(entry.wrong))
            for wrong in {entry.wrong for entry in self.entry}
        }

    def _candidates(self, text: str) -> list[Substitution]:
        """The entries whose ``wrong`` text occurs in ``text``, in table order.

        The finder reports the longest ``wrong`` starting at each place where one starts; every
        shorter one starting there is a prefix of it, so ``_prefix_entries`` names them all.
        """
        found: set[int] = set()
        m = self._wrong_finder.search(text)
        while m:
            found.update(self._prefix_entries[m.group()])
            m = self._wrong_finder.search(text, m.start() + 1)
        return [self.entry[i] for i in sorted(found)]

    def matches(self, text: str) -> Iterator[tuple[int, int, Substitution]]:
        """Every (start, end, entry) where an entry applies, in text order, overlaps dropped.

        Only the entries whose ``wrong`` text occurs in ``text`` are tried.
        """
        hits = sorted(
            ((start, end, entry) for entry in self._candidates(text) for start, end in entry.spans(text)),
            key=lambda hit: (hit[0], -hit[1]),
        )
        last_end = -1
        for start, end, entry in hits:
            if start >= last_end:
                last_end = end
                yield start, end, entry


def substitution_findings(rule: Rule, table: SubstitutionTable, corpus: Corpus) -> Iterator[Finding]:
    """One finding of ``rule`` per place in ``corpus`` where an entry of ``table`` applies."""
    from replylint.query import at_view, paragraphs

    for letter, para in paragraphs(corpus):
        for start, end, entry in table.matches(para.text):
            place = at_view(letter, para.start + start, para.start + end)
            fix = (f"改为“{entry.right}” / write “{entry.right}”", [(place, entry.right)]) if entry.certain else None
            finding = rule.finding(
                [place], fix=fix, wrong=para.text[start:end], right=entry.right, source=entry.source
            )
            if entry.severity is not None and entry.severity != finding.severity:
                finding = finding.model_copy(update={"severity": entry.severity})
            yield finding
