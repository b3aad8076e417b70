"""The engine: from paths to a report. Discovery, reading, rule running, in one function each."""

from __future__ import annotations

import gc
import glob
import hashlib
import json
import os
import stat
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from functools import cached_property, partial
from fnmatch import fnmatch
from pathlib import Path
from typing import Any, TypeVar

from replylint import __version__, formats
from replylint.cache import LetterCache
from replylint.config import Config
from replylint.corpus import Corpus, Letter, TextLetter, group_by
from replylint.models import FileError, Finding
from replylint.parallel import rule_processes
from replylint.registry import Rule, all_rules
from replylint.source import DecodeError, Source
from replylint.suppress import outside_baseline, read_baseline, suppressed_by_comments
from replylint.tables import built_in_kept_by, user_tables

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
        source = self._sources.get(path)
        return source.line(line) if source is not None else None

    @cached_property
    def _sources(self) -> dict[str, Source]:
        """The source of each letter that has one, by path (the first, should a path repeat)."""
        sources: dict[str, Source] = {}
        for letter in self.corpus:
            if letter.source is not None:
                sources.setdefault(letter.path, letter.source)
        return sources


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
        status = os.stat(path)
        if stat.S_ISDIR(status.st_mode):
            raise ValueError("is a directory, not a letter")
        size = status.st_size
        limit = MAX_DOCUMENT_BYTES if formats.handles(path) else MAX_BYTES
        if size > limit:
            raise ValueError(f"file is too large ({size / 2**20:.0f} MB; letters over {limit // 2**20} MB are not read)")
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise ValueError((exc.strerror or str(exc)).lower()) from None
    if not data.strip():
        raise ValueError("file is empty")
    return data


def parse_letter(path: str, data: bytes) -> Letter:
    """Decode and parse the bytes of one letter; raises ``ValueError`` with a one-line reason."""
    return Letter.from_source(decode_letter(path, data))


def decode_letter(path: str, data: bytes) -> Source:
    """The text of one letter's bytes (a document's text extracted), to be parsed; raises
    ``ValueError`` with a one-line reason."""
    if formats.handles(path):
        text, origins = formats.read(path, data)
        return Source(path=display_path(path), text=text, origins=origins)
    try:
        return Source.from_bytes(display_path(path), data)
    except DecodeError as exc:
        raise ValueError(str(exc)) from None


B = TypeVar("B", bound="BuiltInRules")


@dataclass(frozen=True)
class BuiltInRules(ABC):
    """Some of replylint's own rules of a run, to be run where the letters are read (a
    reading process finds each by its code): ``codes`` name the rules, ``options`` give their
    keyword options by code and ``tables`` the user's table folders. Each kind says which
    rules it takes."""

    codes: tuple[str, ...]
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    tables: tuple[str, ...] = ()

    @classmethod
    def of(cls: type[B], rules: Iterable[Rule], options: Mapping[str, Mapping[str, Any]], tables: Sequence[str]) -> B:
        """The rules among ``rules`` that replylint itself defines and that this kind takes."""
        codes = tuple(rule.code for rule in rules if cls.takes(rule) and _built_in(rule))
        return cls(codes, {code: options[code] for code in codes if code in options}, tuple(tables))

    @staticmethod
    @abstractmethod
    def takes(rule: Rule) -> bool:
        """Whether rules of this kind include ``rule``."""

    def _run(self, corpus: Corpus, checked: set[str] | None = None) -> tuple[tuple[Finding, ...], tuple[FileError, ...]]:
        """The findings of these rules on ``corpus`` that touch ``checked``, and the crashes of any that raised."""
        errors: list[FileError] = []
        registry = all_rules()
        with user_tables(self.tables):
            rules = [registry[code] for code in self.codes]
            findings = run_rules(corpus, rules, errors, options=self.options, checked=checked)
        return tuple(findings), tuple(errors)


class LetterChecks(BuiltInRules):
    """The built-in per-letter rules of a run, applied to each letter as it is read.

    Run in the processes that parse the letters, they share the parallel work, and their
    findings are cached with the letter. Rules from outside replylint run after reading, as
    cross-letter rules do: their code is not in the cache key.
    """

    @staticmethod
    def takes(rule: Rule) -> bool:
        """Per-letter rules."""
        return rule.per_letter

    def run(self, letter: Letter) -> tuple[tuple[Finding, ...], tuple[FileError, ...]]:
        """The findings of these rules on one letter, and the crashes of any that raised."""
        return self._run(Corpus((letter,)))

    @cached_property
    def key(self) -> str:
        """A digest of everything the findings depend on besides the letter and replylint's
        code: the rules, their options, and the files that the options and tables name."""
        digest = hashlib.sha256(json.dumps([self.codes, self.options, self.tables], sort_keys=True, default=str).encode())
        named = [Path(value) for value in _strings(self.options)]
        for path in [*named, *(p for folder in self.tables for p in sorted(Path(folder).glob("*.toml")))]:
            if path.is_file():
                digest.update(os.fsencode(path) + b"\0" + path.read_bytes())
        return digest.hexdigest()[:16]


class TextRules(BuiltInRules):
    """The built-in cross-letter rules of a run that read only the letters' text (``text_only``).

    In a run that reports on some letters of a larger corpus (a pre-commit run), a process
    that has no letters left to parse runs them on the decoded, unparsed letters
    (:class:`~replylint.corpus.TextLetter`) while this process loads the cached ones.
    """

    @staticmethod
    def takes(rule: Rule) -> bool:
        """Cross-letter rules that read nothing but text."""
        return rule.text_only and not rule.per_letter

    def run(self, files: Sequence[tuple[str, bytes]], checked: set[str]) -> EarlyCross:
        """The findings that touch ``checked`` of these rules on the letters of ``files``
        (path and bytes, in corpus order), decoded; files that do not decode are left out,
        as the corpus leaves them out."""
        letters = []
        for path, data in files:
            try:
                letters.append(TextLetter.of(decode_letter(path, data)))
            except ValueError:
                continue
        findings, crashes = self._run(Corpus(tuple(letters)), checked)
        return EarlyCross({code: tuple(f for f in findings if f.rule == code) for code in self.codes}, crashes)


def _built_in(rule: Rule) -> bool:
    """Whether a rule is one of replylint's own, as registered: its code is in the cache key,
    and a reading process finds it by its code."""
    return rule.check.__module__.startswith("replylint.checks.") and all_rules().get(rule.code) is rule


def _strings(value: Any) -> Iterator[str]:
    """Every string inside nested mappings and sequences of options."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


@dataclass(frozen=True)
class Read:
    """What reading one file gave: its letter, or why it could not be read, and the
    findings and rule crashes of the run's per-letter checks on it (when they ran)."""

    letter: Letter | None = None
    error: FileError | None = None
    findings: tuple[Finding, ...] | None = None
    crashes: tuple[FileError, ...] = ()


# A file to read: its path and bytes, the checks to run on it, and the cache to keep it in.
Todo = tuple[str, bytes, LetterChecks | None, LetterCache | None]


def _read(item: Todo) -> Read:
    """Parse one file, run ``checks`` on it when they are given, and cache what it gave.

    The reading process writes the cache entry: the process that called it need not pickle
    the letter once more.
    """
    path, data, checks, cache = item
    try:
        letter = parse_letter(path, data)
    except ValueError as exc:
        return Read(error=FileError(path=display_path(path), reason=str(exc)))
    read = _checked(Read(letter), checks)
    _store(cache, path, data, read, checks)
    return read


def _checked(read: Read, checks: LetterChecks | None) -> Read:
    """``read`` with the findings of ``checks`` on its letter (unchanged without checks)."""
    if checks is None or read.letter is None:
        return read
    findings, crashes = checks.run(read.letter)
    return Read(read.letter, findings=findings, crashes=crashes)


def load_corpus(
    paths: Iterable[str], *, jobs: int = 1, cache: LetterCache | None = None
) -> tuple[Corpus, list[FileError]]:
    """Read every path into a corpus; files that cannot be read become errors, not exceptions.

    Letters found in ``cache`` are not parsed again; the others are parsed by ``jobs``
    processes when there are enough of them to repay starting the processes.
    """
    reads = read_files(paths, jobs=jobs, cache=cache)
    return Corpus(tuple(r.letter for r in reads if r.letter)), [r.error for r in reads if r.error]


def read_files(
    paths: Iterable[str],
    *,
    jobs: int = 1,
    cache: LetterCache | None = None,
    checks: LetterChecks | None = None,
    checked: set[str] | None = None,
) -> list[Read]:
    """Read every path, in order, as :func:`load_corpus` does, and run ``checks`` on the
    letters whose (display) paths are in ``checked`` (every letter when ``None``)."""
    return _read_files(paths, jobs, cache, checks, checked, None)[0]


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


@_collector_paused()
def _read_files(
    paths: Iterable[str],
    jobs: int,
    cache: LetterCache | None,
    checks: LetterChecks | None,
    checked: set[str] | None,
    text_rules: TextRules | None,
) -> tuple[list[Read], EarlyCross | None]:
    """:func:`read_files`, and what ``text_rules`` found when a spare process ran them as the
    letters were read (``None`` when they are left to run on the corpus)."""
    reads: dict[str, Read] = {}
    todo: list[Todo] = []
    stored: list[tuple[Todo, str]] = []  # the files whose letters the cache holds, with their entries
    texts: list[tuple[str, bytes]] = []  # every file read, for text_rules
    for path in paths:
        try:
            data = read_bytes(path)
        except ValueError as exc:
            reads[path] = Read(error=FileError(path=display_path(path), reason=str(exc)))
            continue
        texts.append((path, data))
        wanted = checks if checks is not None and (checked is None or display_path(path) in checked) else None
        reads[path] = Read()  # keeps the reads in path order
        entry = cache.stored(path, data) if cache is not None else None
        if entry is None:
            todo.append((path, data, wanted, cache))
        else:
            stored.append(((path, data, wanted, cache), entry))

    def load_stored() -> list[Todo]:
        """Load the letters the cache holds into ``reads``; the files whose entry would not load."""
        missed = []
        for item, entry in stored:
            path, data, wanted, _ = item
            cached = cache.load(entry, wanted.key if wanted else None)
            if cached is None:
                missed.append(item)
                continue
            letter, findings = cached
            reads[path] = Read(letter, findings=findings)
            if wanted and findings is None:
                reads[path] = _checked(reads[path], wanted)
                _store(cache, path, data, reads[path], wanted)
        return missed

    # Text-only rules run aside in a run that reports on some letters of a corpus of plain
    # text files: decoding them all is then cheap next to loading the cached letters.
    aside = None
    if (
        text_rules is not None
        and text_rules.codes
        and checked is not None
        and any(display_path(path) not in checked for path, _ in texts)
        and not any(formats.handles(path) for path, _ in texts)
    ):
        aside = partial(text_rules.run, texts, checked)
    early_cross = None
    if jobs > 1 and (todo or aside) and len(todo) + len(stored) >= PARALLEL_MIN_FILES:
        # The other processes parse while this one loads the cached letters: a pre-commit
        # run on one changed letter of a large corpus parses it while the rest loads, and
        # a process with nothing left to parse runs the text-only rules.
        from replylint.parallel import map_shared

        if len(todo) >= PARALLEL_MIN_FILES:
            # This process will parse letters too: forked processes inherit the data loaded
            # here. With only a few to parse, the others load it while this one loads the cache.
            _load_shared_data()
        fresh, missed, early_cross = map_shared(_read, todo, jobs, meanwhile=load_stored, aside=aside)
    else:
        missed = load_stored()
        fresh = [_read(item) for item in todo]
    for (path, *_), read in zip(todo + missed, fresh + [_read(item) for item in missed]):
        reads[path] = read
    return list(reads.values()), early_cross


def _store(cache: LetterCache | None, path: str, data: bytes, read: Read, checks: LetterChecks | None) -> None:
    """Cache a parsed letter, with its findings when ``checks`` ran on it without a crash."""
    if cache is not None and read.letter is not None:
        clean = checks is not None and read.findings is not None and not read.crashes
        cache.put(path, data, read.letter, checks.key if clean else None, read.findings if clean else None)


def _load_shared_data() -> None:
    """Load the rules tables and the word list before the parsing processes start: forked
    processes inherit them instead of each loading its own."""
    from replylint import lexicon
    from replylint.tables import load_tables

    load_tables()
    lexicon.load()  # the word list, which name extraction and RL301 look words up in


@dataclass(frozen=True)
class EarlyCross:
    """What cross-letter rules found while the letters were read (:class:`TextRules`): their
    findings by code, and the crashes of any that raised."""

    by_code: Mapping[str, tuple[Finding, ...]]
    crashes: tuple[FileError, ...] = ()


@dataclass(frozen=True)
class EarlyFindings:
    """What rules found while the letters were read: the per-letter rules ``codes`` ran on
    each letter whose path ``by_path`` maps to its findings, and ``cross`` holds the findings
    of the cross-letter rules that ran then, by code."""

    codes: frozenset[str]
    by_path: Mapping[str, tuple[Finding, ...]]
    cross: Mapping[str, tuple[Finding, ...]] = field(default_factory=dict)


def run_rules(
    corpus: Corpus,
    rules: Iterable[Rule],
    errors: list[FileError] | None = None,
    *,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    checked: set[str] | None = None,
    early: EarlyFindings | None = None,
) -> list[Finding]:
    """Run every rule over the corpus and return the findings in report order.

    ``options`` gives keyword options per rule code. Per-letter rules read only the letters
    whose paths are in ``checked`` (every letter when ``None``); the others read the corpus.
    The rules of ``early`` do not read its letters again (nor the corpus, for its cross-letter
    rules): their early findings are taken.
    A rule that raises is reported in ``errors`` (when given) and the others still run;
    without ``errors`` the exception propagates, as tests want.
    """
    from replylint.plugins import RuleError

    early = early or EarlyFindings(frozenset(), {})
    early_by_rule = group_by((f for found in early.by_path.values() for f in found), lambda f: f.rule)
    findings: set[Finding] = set()
    own = corpus if checked is None else Corpus(tuple(letter for letter in corpus if letter.path in checked))
    corpus = corpus if checked is None else corpus.focused(checked)
    unread = Corpus(tuple(letter for letter in own if letter.path not in early.by_path))
    for rule in rules:
        if rule.code in early.cross:
            findings.update(early.cross[rule.code])
            continue
        letters = own if rule.per_letter else corpus
        if rule.per_letter and rule.code in early.codes:
            findings.update(early_by_rule.get(rule.code, ()))
            if not unread.letters:
                continue
            letters = unread
        try:
            findings.update(rule(letters, **(options or {}).get(rule.code, {})))
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
    processes parse the letters, and rules may use as many; ``cache`` keeps parsed letters
    between runs.
    """
    from replylint import selection

    paths = [os.fspath(paths)] if isinstance(paths, (str, os.PathLike)) else [os.fspath(p) for p in paths]
    cfg = selection.resolve_config(config, paths)
    files, errors = discover(paths, include or cfg.include or DEFAULT_INCLUDE, [*cfg.exclude, *exclude])
    extra = selection.corpus_files(cfg, corpus, files)
    rules = selection.rules(cfg, select_codes, ignore_codes)
    options, tables = selection.options(cfg, rules), [cfg.relative(t) for t in cfg.tables]
    checks = LetterChecks.of(rules, options, tables)
    checked = {display_path(f) for f in files}
    with built_in_kept_by(cache.kept) if cache is not None else nullcontext():
        reads, cross = _read_files(_tracked(files + extra, progress), jobs, cache, checks, checked,
                                   TextRules.of(rules, options, tables))
        crashes = {crash.path: crash for read in reads for crash in read.crashes}  # one per rule, not one per letter
        errors = [FileError(path=display_path(e.path), reason=e.reason) for e in errors]
        errors += [read.error for read in reads if read.error] + list(crashes.values())
        errors += cross.crashes if cross else ()
        early = EarlyFindings(
            frozenset(checks.codes),
            {r.letter.path: r.findings for r in reads if r.letter and r.findings is not None},
            cross.by_code if cross else {},
        )
        return check_corpus(
            Corpus(tuple(read.letter for read in reads if read.letter)), config=cfg, select_codes=select_codes,
            ignore_codes=ignore_codes, errors=errors, checked=checked, baseline=baseline, progress=progress,
            early=early, jobs=jobs,
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
    early: EarlyFindings | None = None,
    jobs: int = 1,
) -> Report:
    """Check a corpus already built (read from files, or loaded from a claims file).

    Only findings that touch a letter in ``checked`` are reported (every letter when ``None``).
    ``early`` holds findings that per-letter rules gave as the letters were read. Rules may
    use ``jobs`` processes (:func:`replylint.parallel.processes_available`).
    """
    from replylint import selection

    cfg = selection.resolve_config(config, [letter.path for letter in letters])
    checked = {letter.path for letter in letters} if checked is None else checked
    rules = selection.rules(cfg, select_codes, ignore_codes)
    errors = list(errors)
    with user_tables([cfg.relative(t) for t in cfg.tables]), rule_processes(jobs):
        findings = run_rules(letters, _tracked(rules, progress, key=lambda r: r.code), errors,
                             options=selection.options(cfg, rules), checked=checked, early=early)
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
