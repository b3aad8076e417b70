"""Termbases: the official titles (with their 文号) and organisation names a bureau uses.

A termbase comes from the built-in ``termbase`` table, from user tables, and from the files
the configuration's ``termbase`` key names. A file is TOML (``titles`` — strings or tables
with ``title`` and ``docno`` — and ``names``) or plain text, one entry a line: a line
holding 《…》 is a title, optionally followed by its 文号 in brackets; any other line is a
name; ``#`` starts a comment.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from replylint.models import Model

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_TITLE_LINE = re.compile(r"^《(?P<title>[^《》]+)》\s*(?:[（(](?P<docno>[^（）()]+)[）)])?\s*$")


class TermbaseError(ValueError):
    """A termbase file cannot be read."""


class Title(Model):
    """An official title, without its book-title marks, and its 文号 when it has one."""

    title: str
    docno: str | None = None


class Termbase(Model):
    """Official titles and organisation names."""

    titles: tuple[Title, ...] = ()
    names: tuple[str, ...] = ()

    def merged(self, other: Termbase) -> Termbase:
        """This termbase with the entries of ``other`` added."""
        titles = {t.title: t for t in (*self.titles, *other.titles)}
        names = dict.fromkeys((*self.names, *other.names))
        return Termbase(titles=tuple(titles.values()), names=tuple(names))


def parse_text(text: str) -> Termbase:
    """A plain-text termbase: one title or name a line."""
    titles: list[Title] = []
    names: list[str] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = _TITLE_LINE.match(line)
        if m:
            titles.append(Title(title=m["title"], docno=m["docno"]))
        else:
            names.append(line)
    return Termbase(titles=tuple(titles), names=tuple(names))


def parse_toml(data: dict) -> Termbase:
    """A TOML termbase: ``titles`` (strings or {title, docno}) and ``names``."""
    titles = [Title(title=t.strip("《》")) if isinstance(t, str) else t for t in data.get("titles", [])]
    return Termbase.model_validate({"titles": titles, "names": data.get("names", [])})


@lru_cache(maxsize=16)
def load_termbase(paths: tuple[str, ...]) -> Termbase:
    """The termbase of the files in ``paths``, merged in order."""
    termbase = Termbase()
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8")
            part = parse_toml(tomllib.loads(text)) if path.endswith(".toml") else parse_text(text)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValidationError) as exc:
            raise TermbaseError(f"{path}: not a termbase: {str(exc).splitlines()[0]}") from None
        termbase = termbase.merged(part)
    return termbase


def combined(parts: Iterable[Termbase]) -> Termbase:
    """Several termbases as one."""
    out = Termbase()
    for part in parts:
        out = out.merged(part)
    return out
