"""A per-file cache of parsed letters, keyed on path, content and the code that parses them.

A pre-commit run on one changed file in a large corpus re-parses only that file, and a run
over the whole corpus runs the per-letter rules only on that file. Entries are
pickles under the cache folder (``.replylint_cache`` by default); an entry made by another
version of replylint or of its rules tables is never used, because the key includes a digest
of the package's code and tables.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from replylint.corpus import Letter
from replylint.models import Finding

DEFAULT_DIR = ".replylint_cache"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of every module, rules table and the word list of this installation of replylint."""
    from replylint.tables import builtin_dir

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*package.rglob("*.py"), *builtin_dir().glob("*.toml"), builtin_dir() / "lexicon.txt"]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


class LetterCache:
    """Parsed letters stored on disk by (path, content, code) digest, each with the findings
    of the per-letter rules of the last run that checked it, under that run's checks key."""

    def __init__(self, folder: str | os.PathLike[str] = DEFAULT_DIR) -> None:
        self.folder = Path(folder) / code_digest()
        self._prefix = os.path.join(self.folder, "")

    def _entry(self, path: str, data: bytes) -> str:
        # Built as a string, not a Path: a run over 1,000 cached letters makes 1,000 of them.
        key = hashlib.sha256(path.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()
        return f"{self._prefix}{key[:2]}{os.sep}{key}.pickle"

    def stored(self, path: str, data: bytes) -> str | None:
        """Where the entry for this path and content is, when one is stored (it may still fail
        to load); ``None`` when there is none."""
        entry = self._entry(path, data)
        return entry if os.path.isfile(entry) else None

    def load(self, entry: str, checks: str | None = None) -> tuple[Letter, tuple[Finding, ...] | None] | None:
        """The cached letter of an entry that :meth:`stored` found, with its findings when they
        were stored under the checks key ``checks``; ``None`` when it cannot be loaded."""
        try:
            with open(entry, "rb") as handle:
                letter, key, findings = pickle.load(handle)
            if not isinstance(letter, Letter):
                return None
            # The findings are a pickle of their own, read only when they are wanted: a run
            # that reads the letter for the corpus alone does not pay for them.
            return letter, pickle.loads(findings) if checks is not None and key == checks else None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None

    def put(
        self, path: str, data: bytes, letter: Letter, checks: str | None = None, findings: tuple[Finding, ...] | None = None
    ) -> None:
        """Store a parsed letter, and the findings of the checks with key ``checks`` on it;
        a cache that cannot be written is silently skipped."""
        findings_pickle = pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL)
        _write(Path(self._entry(path, data)), (letter, checks, findings_pickle))

    def kept(self, name: str, make: Callable[[], Any]) -> Any:
        """The value kept under ``name`` for this code and these tables; made by ``make()`` and
        kept when there is none, or none that loads (a cache that cannot be written is skipped)."""
        entry = self.folder / f"{name}.pickle"
        try:
            with open(entry, "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            pass
        value = make()
        _write(entry, value)
        return value


def _write(entry: Path, value: Any) -> None:
    """Pickle ``value`` to ``entry`` whole or not at all (by way of a file renamed into place);
    a folder that cannot be written is skipped."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=entry.parent, delete=False) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, entry)
    except OSError:
        pass
