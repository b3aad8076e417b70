"""Safe fixes: applying the certain corrections that findings carry, and writing them back.

Fixes are applied in memory, pass after pass (a fix can uncover another: ``(一) 构建`` →
``（一） 构建`` → ``（一）构建``) until no fix changes anything, so fixing twice changes
nothing the second time. In one pass a fix that overlaps a fix already taken is deferred to
the next pass; ``Plan.deferred`` counts those still left when the passes end. A file is
written only when its bytes are still those that were read, through a temporary file in the
same folder that is flushed, synced and renamed over the original, in the original
encoding, with its BOM and line endings.
"""

from __future__ import annotations

import codecs
import difflib
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from replylint.corpus import Corpus, Letter
from replylint.engine import run_rules
from replylint.models import Edit, FileError, Finding, Fix
from replylint.registry import Rule
from replylint.source import Source, digest

MAX_PASSES = 10
DOCUMENT_NOT_FIXED = "not fixed: --fix rewrites text files only; correct this document in the program that made it"


class FileChanged(Exception):
    """The file on disk is no longer the one that was read; it is left as it is."""


def choose(findings: Sequence[Finding]) -> tuple[list[Fix], int]:
    """The fixes to apply in one pass, in report order, and how many were deferred.

    A fix is taken whole or not at all: it is deferred when one of its edits overlaps an edit
    of a fix already taken.
    """
    taken: dict[Fix, None] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    deferred = 0
    for finding in sorted(findings, key=Finding.sort_key):
        fix = finding.fix
        if fix is None or fix in taken:
            continue
        if any(_overlaps(edit, spans.get(edit.path, ())) for edit in fix.edits):
            deferred += 1
            continue
        taken[fix] = None
        for edit in fix.edits:
            spans.setdefault(edit.path, []).append((edit.start, edit.end))
    return list(taken), deferred


def _overlaps(edit: Edit, spans: Sequence[tuple[int, int]]) -> bool:
    # Two insertions at one point overlap too: their order would be a guess.
    return any(edit.start < end and start < edit.end or edit.start == start == end == edit.end for start, end in spans)


def keeps_lines(fix: Fix, letters: dict[str, Letter]) -> bool:
    """Whether every edit of ``fix`` keeps the line breaks of the text it replaces.

    A fix never joins or splits lines: one that would (a span running over a page break)
    is not applied.
    """
    for edit in fix.edits:
        letter = letters.get(edit.path)
        if letter is None or letter.source is None:
            return False
        old = letter.source.text[edit.start : edit.end]
        if [c for c in old if c in "\r\n"] != [c for c in edit.replacement if c in "\r\n"]:
            return False
    return True


def on_text_files(fix: Fix, letters: dict[str, Letter]) -> bool:
    """Whether every edit of ``fix`` is to a text file: a document (.docx, PDF, HTML) is never rewritten."""
    return not any(_is_document(letters.get(edit.path)) for edit in fix.edits)


def _is_document(letter: Letter | None) -> bool:
    return letter is not None and letter.source is not None and letter.source.is_document


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied; everything outside them is unchanged."""
    out = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[position : edit.start])
        out.append(edit.replacement)
        position = edit.end
    out.append(text[position:])
    return "".join(out)


@dataclass
class Plan:
    """What ``--fix`` would do: the original sources, their fixed texts and what was applied."""

    originals: dict[str, Source]
    fixed: dict[str, str] = field(default_factory=dict)
    applied: int = 0
    deferred: int = 0
    documents: set[str] = field(default_factory=set)

    @property
    def changed(self) -> list[str]:
        """The paths whose text the fixes change, in order."""
        return [path for path, text in self.fixed.items() if text != self.originals[path].text]

    def diff(self) -> str:
        """The changes as a unified diff, one file after another."""
        chunks = []
        for path in self.changed:
            old = self.originals[path].text.splitlines(keepends=True)
            new = self.fixed[path].splitlines(keepends=True)
            prefix = ("", "") if os.path.isabs(path) else ("a/", "b/")
            for line in difflib.unified_diff(old, new, fromfile=prefix[0] + path, tofile=prefix[1] + path):
                chunks.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
        return "".join(chunks)

    def refused(self) -> list[FileError]:
        """The documents (.docx, PDF, HTML) that have fixes: they are never written."""
        return [FileError(path=path, reason=DOCUMENT_NOT_FIXED) for path in sorted(self.documents)]

    def write(self) -> list[FileError]:
        """Write every changed file; a file that cannot be written safely is an error, not an exception."""
        errors = []
        for path in self.changed:
            source = self.originals[path]
            try:
                write_atomic(path, encode(self.fixed[path], source), source)
            except FileChanged as exc:
                errors.append(FileError(path=path, reason=f"not fixed: {exc}"))
            except OSError as exc:
                errors.append(FileError(path=path, reason=f"not fixed: {exc.strerror or exc}"))
        return errors


def plan(corpus: Corpus, rules: Sequence[Rule], max_passes: int = MAX_PASSES) -> Plan:
    """Apply the fixes of ``rules`` to the letters of ``corpus`` in memory until none changes anything."""
    result = Plan({letter.path: letter.source for letter in corpus.with_source})
    letters = {letter.path: letter for letter in corpus.letters}
    for _ in range(max_passes):
        # A rule that crashes contributes no fixes; the report after fixing names it.
        findings = run_rules(Corpus(tuple(letters.values())), rules, errors=[])
        result.documents.update(
            e.path for f in findings if f.fix and not on_text_files(f.fix, letters) for e in f.fix.edits
            if _is_document(letters.get(e.path))
        )
        fixes, result.deferred = choose(
            [f for f in findings if f.fix and keeps_lines(f.fix, letters) and on_text_files(f.fix, letters)]
        )
        by_path: dict[str, list[Edit]] = {}
        for fix in fixes:
            for edit in fix.edits:
                by_path.setdefault(edit.path, []).append(edit)
        changed = False
        for path, edits in by_path.items():
            letter = letters.get(path)
            if letter is None or letter.source is None:
                continue
            text = apply_edits(letter.source.text, edits)
            if text != letter.source.text:
                changed = True
                letters[path] = _reread(letter, text)
                result.fixed[path] = text
        if not changed:
            break
        result.applied += len(fixes)
    return result


def _reread(letter: Letter, text: str) -> Letter:
    source = letter.source
    return Letter.from_source(Source(path=source.path, text=text, encoding=source.encoding, bom=source.bom, digest=source.digest))


def encode(text: str, source: Source) -> bytes:
    """``text`` as bytes in the encoding of ``source``, with its BOM when it had one."""
    data = text.encode(source.encoding)
    return codecs.BOM_UTF8 + data if source.bom else data


def write_atomic(path: str, data: bytes, source: Source) -> None:
    """Replace the file at ``path`` by ``data`` if it still holds the bytes ``source`` was read from.

    Raises :class:`FileChanged` (and leaves the file alone) when it does not, or when its text
    would not re-encode to the same bytes. The new bytes go to a temporary file in the same
    folder, which is flushed, synced, given the original's permissions and renamed over it.
    A symbolic link is followed: the file it points to is replaced, the link is kept.
    """
    target = os.path.realpath(path)

    def check() -> None:
        current = Path(target).read_bytes()
        if not source.digest or digest(current) != source.digest:
            raise FileChanged("the file changed since it was read")
        if encode(source.text, source) != current:
            raise FileChanged(f"its text does not re-encode to the same {source.encoding} bytes")

    check()
    folder, name = os.path.split(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".replylint", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        shutil.copymode(target, temporary)
        check()
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _sync_folder(folder: str) -> None:
    """Make the rename durable where the platform allows it."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
