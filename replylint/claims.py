"""The claims a letter makes: the common base, and loading and dumping them as JSON Lines.

Each kind of claim is a frozen model that subclasses :class:`Claim` with a literal ``kind``,
defined next to its extractor in ``replylint/extract/``. Every claim keeps the span of its
original text, and ``raw`` is exactly that text: ``source.text[span.start:span.end] == raw``.

A claims file has one JSON object a line: first a ``letter`` record for each letter (its
path, its structure and the excerpts its claims and structure point at), then a ``claim``
record for each claim, naming its letter by path. Any subclass of :class:`Claim` with a
literal ``kind`` that has been imported (every module of ``replylint.extract`` is) can be
read back; rules run on such letters without their text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, get_args

from pydantic import ValidationError

from replylint.letter import Structure
from replylint.models import Model, Span

if TYPE_CHECKING:
    from replylint.corpus import Corpus, Letter


class Claim(Model):
    """One normalised assertion of a letter, with the span of its original text."""

    kind: str
    span: Span
    raw: str


class ClaimsFileError(ValueError):
    """A claims file line that is not a valid letter or claim record."""


class Excerpt(Model):
    """A stretch of a letter's original text that a claim or a structural field points at."""

    start: int
    end: int
    text: str
    context: str


class LetterRecord(Model):
    """The header of one letter in a claims file: enough for rules to run without its text."""

    record: Literal["letter"] = "letter"
    path: str
    structure: Structure
    excerpts: tuple[Excerpt, ...] = ()


def claim_kinds() -> dict[str, type[Claim]]:
    """Every claim kind known, by its literal ``kind``: the subclasses of :class:`Claim`."""
    import replylint.extract  # noqa: F401  (importing the package imports every extractor module)

    kinds: dict[str, type[Claim]] = {}
    pending = list(Claim.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        for value in get_args(cls.model_fields["kind"].annotation):
            kinds[value] = cls
    return kinds


def _spans(value: Any) -> Iterator[Span]:
    """Every span inside a model, a tuple or a dict, depth first."""
    if isinstance(value, Span):
        yield value
    elif isinstance(value, Model):
        for name in type(value).model_fields:
            yield from _spans(getattr(value, name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _spans(item)


def dump_lines(letters: Iterable[Letter]) -> Iterator[str]:
    """The claims file of ``letters``: one JSON line per letter, then one per claim."""
    letters = list(letters)
    for letter in letters:
        spans = {(s.start, s.end): s for s in _spans((letter.structure, letter.claims))}
        excerpts = tuple(
            Excerpt(start=s.start, end=s.end, text=letter.excerpt(s), context=letter.context(s))
            for _, s in sorted(spans.items())
        )
        record = LetterRecord(path=letter.path, structure=letter.structure, excerpts=excerpts)
        yield json.dumps(record.model_dump(mode="json"), ensure_ascii=False)
    for letter in letters:
        for claim in letter.claims:
            yield json.dumps({"record": "claim", "path": letter.path, "claim": claim.model_dump(mode="json")},
                             ensure_ascii=False)


def load_lines(lines: Iterable[str], name: str = "<claims>") -> Corpus:
    """The corpus a claims file describes; raises :class:`ClaimsFileError` naming the bad line."""
    from replylint.corpus import Corpus, Letter

    kinds = claim_kinds()
    headers: dict[str, LetterRecord] = {}
    claims: dict[str, list[Claim]] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if data.get("record") == "letter":
                header = LetterRecord.model_validate(data)
                headers[header.path] = header
                claims.setdefault(header.path, [])
                continue
            if data.get("record") != "claim":
                raise ClaimsFileError("a record must be a letter or a claim")
            kind = data["claim"].get("kind")
            if kind not in kinds:
                raise ClaimsFileError(f"unknown claim kind {kind!r}")
            if data["path"] not in headers:
                raise ClaimsFileError(f"claim of {data['path']!r} before its letter record")
            claims[data["path"]].append(kinds[kind].model_validate(data["claim"]))
        except (ValueError, KeyError, TypeError, AttributeError, ValidationError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ClaimsFileError(f"{name}:{number}: {reason}") from None
    return Corpus(tuple(
        Letter(path, None, header.structure, tuple(claims[path]),
               excerpts={(e.start, e.end): (e.text, e.context) for e in header.excerpts})
        for path, header in headers.items()
    ))
