"""The engine: from paths to a report. Discovery, reading, rule running, in one function each."""

from __future__ import annotations

import gc
import glob
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from replylint import __version__, formats
from replylint.cache import LetterCache
from replylint.config import Config
from replylint.corpus import Corpus, Letter
from replylint.models import FileError, Finding
from replylint.registry import Rule
from replylint.source import DecodeError, Source
from replylint.suppress import outside_baseline, read_baseline, suppressed_by_comments
from replylint.tables import user_tables

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.docx", "*.pdf", "*.html", "*.htm")
MAX_BYTES = 10 * 1024 * 1024
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # a PDF or .docx carries images (seals, scans of signatures) besides its text
PARALLEL_MIN_FILES = 64


def display_path(path: str) -> str:
    """A path safe to print: bytes that are not UTF-8 in a file name show as U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


@dataclass(frozen=True)
class Report:
    """What a run found: the files checked, the findings and the files that could not be read."""

    files: tuple[str, ...]
    findings: tuple[Finding, ...]
    errors: tuple[FileError, ...] = ()
    version: str = __version__
    rules: tuple[Rule, ...] = field(default=(), compare=False)
    corpus: Corpus = field(default_factory=lambda: Corpus(()), compare=False)
    # Findings hidden by suppression comments, and by the baseline.
    suppressed: int = 0
    baselined: int = 0
    config: Config | None = field(default=None, compare=False)

    def source_line(self, path: str, line: int) -> str | None:
        """The text of one original line of a checked file, for showing context."""
        for letter in self.corpus:
            if letter.path == path and letter.source is not None:
                return letter.source.line(line)
        return None


def discover(
    paths: Sequence[str], include: Sequence[str] = DEFAULT_INCLUDE, exclude: Sequence[str] = ()
) -> tuple[list[str], list[FileError]]:
    """Expand files, directories and globs into the letter files to check, in sorted order.

    A file named explicitly is checked whatever its extension; files found in directories
    must match ``include``. Paths matching ``exclude`` are skipped either way.
    """
    found: dict[str, None] = {}
    errors: list[FileError] = []

    def excluded(path: str) -> bool:
        return any(fnmatch(path, pat) or fnmatch(os.path.basename(path), pat) for pat in exclude)

    for raw in paths:
        matches = sorted(glob.glob(raw, recursive=True)) if glob.has_magic(raw) else [raw]
        if not matches:
            errors.append(FileError(path=raw, reason="no file matches this pattern"))
        for path in matches:
            if os.path.isdir(path):
                for root, dirs, files in os.walk(path):
                    dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(os.path.join(root, d)))
                    for name in sorted(files):
                        full = os.path.join(root, name)
                        if any(fnmatch(name, pat) for pat in include) and not excluded(full):
                            found[os.path.normpath(full)] = None
            elif os.path.exists(path):
                if not excluded(path):
                    found[os.path.normpath(path)] = None
            else:
                errors.append(FileError(path=path, reason="no such file or directory"))
    return list(found), errors


def read_letter(path: str) -> Letter:
    """Read, decode and parse one letter; raises ``ValueError`` with a one-line reason."""
    return parse_letter(path, read_bytes(path))


def read_bytes(path: str) -> bytes:
    """The bytes of a letter file; raises ``ValueError`` with a one-line reason."""
    try:
        if os.path.isdir(path):
            raise ValueError("is a directory, not a letter")
        size = os.path.getsize(path)
        limit = MAX_DOCUMENT_BYTES if formats.handles(path) else MAX_BYTES
        if size > limit:
            raise ValueError(f"file is too large ({size / 2**20:.0f} MB; letters over {limit // 2**20} MB are not read)")
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValueError((exc.strerror or str(exc)).lower()) from None
    if not data.strip():
        raise ValueError("file is empty")
    return data


def parse_letter(path: str, data: bytes) -> Letter:
    """Decode and parse the bytes of one letter; raises ``ValueError`` with a one-line reason."""
    if formats.handles(path):
        text, origins = formats.read(path, data)
        return Letter.from_source(Source(path=display_path(path), text=text, origins=origins))
    try:
        return Letter.from_source(Source.from_bytes(display_path(path), data))
    except DecodeError as exc:
        raise ValueError(str(exc)) from None


def _parse_or_error(item: tuple[str, bytes]) -> Letter | FileError:
    path, data = item
    try:
        return parse_letter(path, data)
    except ValueError as exc:
        return FileError(path=display_path(path), reason=str(exc))


def load_corpus(
    paths: Iterable[str], *, jobs: int = 1, cache: LetterCache | None = None
) -> tuple[Corpus, list[FileError]]:
    """Read every path into a corpus; files that cannot be read become errors, not exceptions.

    Letters found in ``cache`` are not parsed again; the others are parsed by ``jobs``
    processes when there are enough of them to repay starting the processes.
    """
    with _collector_paused():
        return _load_corpus(paths, jobs, cache)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: loading makes many objects and no cycles, and
    collections triggered by the allocations would walk the growing corpus again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_corpus(paths: Iterable[str], jobs: int, cache: LetterCache | None) -> tuple[Corpus, list[FileError]]:
    results: dict[str, Letter | FileError] = {}
    todo: list[tuple[str, bytes]] = []
    for path in paths:
        try:
            data = read_bytes(path)
        except ValueError as exc:
            results[path] = FileError(path=display_path(path), reason=str(exc))
            continue
        cached = cache.get(path, data) if cache else None
        if cached is not None:
            results[path] = cached
        else:
            results[path] = None  # keeps the corpus in path order
            todo.append((path, data))
    if jobs > 1 and len(todo) >= PARALLEL_MIN_FILES:
        from concurrent.futures import ProcessPoolExecutor

        _load_shared_data()
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parsed = list(pool.map(_parse_or_error, todo, chunksize=max(1, len(todo) // (jobs * 8))))
    else:
        parsed = [_parse_or_error(item) for item in todo]
    for (path, data), outcome in zip(todo, parsed):
        results[path] = outcome
        if cache and isinstance(outcome, Letter):
            cache.put(path, data, outcome)
    letters = [r for r in results.values() if isinstance(r, Letter)]
    errors = [r for r in results.values() if isinstance(r, FileError)]
    return Corpus(tuple(letters)), errors


def _load_shared_data() -> None:
    """Load the rules tables and the word list before the parsing processes start: forked
    processes inherit them instead of each loading its own."""
    from replylint.lexicon import tags
    from replylint.tables import load_tables

    load_tables()
    tags()


def run_rules(
    corpus: Corpus,
    rules: Iterable[Rule],
    errors: list[FileError] | None = None,
    *,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    checked: set[str] | None = None,
) -> list[Finding]:
    """Run every rule over the corpus and return the findings in report order.

    ``options`` gives keyword options per rule code. Per-letter rules read only the letters
    whose paths are in ``checked`` (every letter when ``None``); the others read the corpus.
    A rule that raises is reported in ``errors`` (when given) and the others still run;
    without ``errors`` the exception propagates, as tests want.
    """
    from replylint.plugins import RuleError

    findings: set[Finding] = set()
    own = corpus if checked is None else Corpus(tuple(letter for letter in corpus if letter.path in checked))
    for rule in rules:
        try:
            findings.update(rule(own if rule.per_letter else corpus, **(options or {}).get(rule.code, {})))
        except RuleError as exc:
            if errors is None:
                raise
            errors.append(FileError(path=exc.path, reason=str(exc)))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the run
            if errors is None:
                raise
            errors.append(FileError(path=f"<rule {rule.code}>", reason=f"the rule crashed: {type(exc).__name__}: {exc}"))
    return sorted(findings, key=Finding.sort_key)


def lint(
    paths: Sequence[str | os.PathLike] | str | os.PathLike,
    *,
    config: Config | str | os.PathLike | None = None,
    select_codes: Sequence[str] = (),
    ignore_codes: Sequence[str] = (),
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    corpus: Sequence[str] = (),
    baseline: str | os.PathLike | None = None,
    progress: Callable[[str], None] | None = None,
    jobs: int = 1,
    cache: LetterCache | None = None,
) -> Report:
    """Check the letters under ``paths`` with the selected rules.

    ``paths`` is one path or several. ``config`` is a :class:`~replylint.config.Config`, the
    path of a configuration file, or ``None`` to look for one above ``paths``. The keyword
    arguments override it. The letters
    under ``corpus`` (and the configuration's ``corpus`` folders) are read too, for the
    cross-letter rules, but only findings that touch a file under ``paths`` are reported.
    ``progress`` is called with each file as it is read and each rule as it runs; ``jobs``
    processes parse the letters; ``cache`` keeps parsed letters between runs.
    """
    from replylint import selection

    paths = [os.fspath(paths)] if isinstance(paths, (str, os.PathLike)) else [os.fspath(p) for p in paths]
    cfg = selection.resolve_config(config, paths)
    files, errors = discover(paths, include or cfg.include or DEFAULT_INCLUDE, [*cfg.exclude, *exclude])
    extra = selection.corpus_files(cfg, corpus, files)
    letters, read_errors = load_corpus(_tracked(files + extra, progress), jobs=jobs, cache=cache)
    errors = [FileError(path=display_path(e.path), reason=e.reason) for e in errors] + read_errors
    return check_corpus(
        letters, config=cfg, select_codes=select_codes, ignore_codes=ignore_codes, errors=errors,
        checked={display_path(f) for f in files}, baseline=baseline, progress=progress,
    )


def check_corpus(
    letters: Corpus,
    *,
    config: Config | str | os.PathLike | None = None,
    select_codes: Sequence[str] = (),
    ignore_codes: Sequence[str] = (),
    errors: Sequence[FileError] = (),
    checked: set[str] | None = None,
    baseline: str | os.PathLike | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Check a corpus already built (read from files, or loaded from a claims file).

    Only findings that touch a letter in ``checked`` are reported (every letter when ``None``).
    """
    from replylint import selection

    cfg = selection.resolve_config(config, [letter.path for letter in letters])
    checked = {letter.path for letter in letters} if checked is None else checked
    rules = selection.rules(cfg, select_codes, ignore_codes)
    errors = list(errors)
    with user_tables([cfg.relative(t) for t in cfg.tables]):
        findings = run_rules(letters, _tracked(rules, progress, key=lambda r: r.code), errors,
                             options=selection.options(cfg, rules), checked=checked)
    findings = [
        selection.with_severity(f, cfg)
        for f in findings
        if f.paths() & checked and not selection.ignored_in_file(f, cfg)
    ]
    findings, suppressed = suppressed_by_comments(findings, letters)
    baselined = 0
    if baseline is not None:
        findings, baselined = outside_baseline(findings, read_baseline(baseline))
    return Report(
        files=tuple(letter.path for letter in letters if letter.path in checked),
        findings=tuple(findings),
        errors=tuple(errors),
        rules=tuple(rules),
        corpus=letters,
        suppressed=suppressed,
        baselined=baselined,
        config=cfg,
    )


def _tracked(items: Sequence[Any], progress: Callable[[str], None] | None, key=str) -> Iterator[Any]:
    for item in items:
        yield item
        if progress is not None:
            progress(key(item))
