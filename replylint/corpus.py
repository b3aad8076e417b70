"""Letters and the corpus they form: what every rule receives."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any, TypeVar

from replylint.letter import Structure, parse_structure
from replylint.models import Span
from replylint.places import jurisdiction
from replylint.source import Source

CONTEXT_CHARS = 8
T = TypeVar("T")


@dataclass(frozen=True)
class Letter:
    """One file: its source text (when read from disk), its structure and its claims.

    A letter loaded from a claims file has no source; ``excerpts`` then holds the text and
    context of the spans its claims and structure point at, by ``(start, end)``.
    """

    path: str
    source: Source | None
    structure: Structure
    claims: tuple[Any, ...] = ()
    excerpts: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_source(cls, source: Source) -> Letter:
        """Parse the structure of a decoded source and extract its claims."""
        from replylint.extract import extract_claims

        structure = parse_structure(source)
        return cls(source.path, source, structure, extract_claims(source, structure))

    @property
    def date(self) -> date | None:
        """The letter's 成文日期, when it has one."""
        return self.structure.date.value if self.structure.date else None

    @cached_property
    def jurisdiction(self) -> str | None:
        """The place the letter's issuer governs (浙江省), from its organ or signature."""
        organ = self.structure.organ or self.structure.signature
        return jurisdiction(organ.text) if organ else None

    @cached_property
    def figures_by_sentence(self) -> dict[int, list[Any]]:
        """The letter's figures grouped by the sentence that states them, in claim order."""
        return group_by((claim for claim in self.claims if claim.kind == "figure"), lambda claim: claim.sentence)

    @property
    def label(self) -> str:
        """How messages name this letter: its path and date."""
        return f"{self.path} ({self.date.isoformat()})" if self.date else self.path

    def excerpt(self, span: Span) -> str:
        """The original text of a span (from the excerpts when the letter has no source)."""
        if self.source is None:
            return self.excerpts.get((span.start, span.end), ("", ""))[0]
        return self.source.text[span.start : span.end]

    def context(self, span: Span) -> str:
        """The span's text with a few characters either side, line breaks folded away."""
        if self.source is None:
            return self.excerpts.get((span.start, span.end), ("", ""))[1]
        text = self.source.text
        around = text[max(0, span.start - CONTEXT_CHARS) : span.end + CONTEXT_CHARS]
        return "".join(around.split())


class TextLetter(Letter):
    """A letter decoded but not parsed, for the rules that read only text (``text_only``): its
    structure is parsed when first asked for (a message names a letter with its date), and it
    has no claims. Otherwise it is the letter :meth:`Letter.from_source` would give."""

    @classmethod
    def of(cls, source: Source) -> TextLetter:
        """The unparsed letter of a decoded source."""
        letter = object.__new__(cls)
        for name, value in (("path", source.path), ("source", source), ("claims", ()), ("excerpts", {})):
            object.__setattr__(letter, name, value)
        return letter

    @cached_property
    def structure(self) -> Structure:  # type: ignore[override]  # a field of Letter, parsed here when asked for
        """The letter's structure, parsed from its text the first time it is asked for."""
        assert self.source is not None
        return parse_structure(self.source)


@dataclass(frozen=True)
class Corpus:
    """All letters under check, with their claims indexed by kind.

    ``focus`` holds the paths of the letters whose findings will be reported, when that is
    not every letter (a pre-commit run checks a few letters against a whole archive). It is
    a hint: a cross-letter rule may skip work that cannot give a finding touching one of
    them, and gives the same findings on those letters either way.
    """

    letters: tuple[Letter, ...]
    focus: frozenset[str] | None = field(default=None, compare=False)
    _by_kind: dict[str, list[tuple[Letter, Any]]] = field(init=False, repr=False, compare=False)
    _shared: dict[Callable[[Corpus], Any], Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, list[tuple[Letter, Any]]] = defaultdict(list)
        for letter in self.letters:
            for claim in letter.claims:
                index[claim.kind].append((letter, claim))
        object.__setattr__(self, "_by_kind", dict(index))
        object.__setattr__(self, "_shared", {})

    def focused(self, paths: set[str] | frozenset[str]) -> Corpus:
        """The same letters with ``focus`` on ``paths``; no focus when they name every letter.
        The claim index is shared, not built again."""
        focus = None if all(letter.path in paths for letter in self.letters) else frozenset(paths)
        if focus == self.focus:
            return self
        corpus = Corpus.__new__(Corpus)
        for name, value in (("letters", self.letters), ("focus", focus), ("_by_kind", self._by_kind), ("_shared", {})):
            object.__setattr__(corpus, name, value)
        return corpus

    def in_focus(self) -> Iterator[Letter]:
        """The letters whose findings will be reported (every letter without a focus)."""
        return iter(self.letters) if self.focus is None else (letter for letter in self.letters if letter.path in self.focus)

    def reported(self, *letters: Letter) -> bool:
        """Whether a finding that points at ``letters`` would be reported: one of them is in focus."""
        return self.focus is None or any(letter.path in self.focus for letter in letters)

    def shared(self, make: Callable[[Corpus], T]) -> T:
        """``make(self)``, made the first time a rule asks and shared by the rules that ask
        after it: what several rules derive alike from the corpus and its focus (the figures
        the figure rules compare). ``make`` must depend on nothing else."""
        if make not in self._shared:
            self._shared[make] = make(self)
        return self._shared[make]

    def claims(self, kind: str) -> list[tuple[Letter, Any]]:
        """Every claim of one kind, with the letter that makes it, in corpus order."""
        return self._by_kind.get(kind, [])

    @cached_property
    def with_source(self) -> tuple[Letter, ...]:
        """The letters whose text is available (not those loaded from a claims file)."""
        return tuple(letter for letter in self.letters if letter.source is not None)

    def __iter__(self) -> Iterator[Letter]:
        return iter(self.letters)

    def __len__(self) -> int:
        return len(self.letters)


def group_by(items: Iterable[Any], key) -> dict[Any, list[Any]]:
    """Group items by ``key(item)``, keeping their order; a ``None`` key is left out."""
    groups: dict[Any, list[Any]] = defaultdict(list)
    for item in items:
        k = key(item)
        if k is not None:
            groups[k].append(item)
    return dict(groups)
