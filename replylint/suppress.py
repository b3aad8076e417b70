"""Hiding accepted findings: suppression comments in Markdown letters, and baseline files.

In a Markdown letter, ``<!-- replylint-disable-next-line RL301 -->`` hides findings on the
next line, and ``<!-- replylint-disable RL401 -->`` … ``<!-- replylint-enable -->`` hides
them on every line between. Codes (or rule names, or code prefixes) are optional: without
them every rule is meant. A finding is hidden when ANY of its locations is covered: a
cross-letter finding is one conflict, and accepting it in one of its letters accepts it.

Plain-text letters cannot carry comments (they are published as they are); a baseline file
lists the fingerprints of accepted findings instead. Fingerprints are made of the rule and
the text around each location, not of line numbers, so they survive unrelated edits.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from replylint.corpus import Letter
from replylint.models import Finding

MARKDOWN_SUFFIXES = (".md", ".markdown")
_DIRECTIVE = re.compile(
    r"<!--\s*replylint-(?P<verb>disable-next-line|disable|enable)(?P<codes>(?:[\s,]+[\w-]+)*)\s*-->"
)
BASELINE_VERSION = 1


@dataclass(frozen=True)
class Region:
    """Lines ``first..last`` (1-based, inclusive) where the named rules (all when empty) are off."""

    first: int
    last: int
    codes: frozenset[str]

    def covers(self, line: int, finding: Finding) -> bool:
        """Whether this region hides ``finding`` at ``line``."""
        if not self.first <= line <= self.last:
            return False
        return not self.codes or any(
            finding.rule.startswith(code) or code == finding.name.upper() for code in self.codes
        )


def regions(text: str) -> list[Region]:
    """The suppression regions that the comments of a Markdown text declare."""
    out: list[Region] = []
    open_: dict[frozenset[str], int] = {}
    last_line = text.count("\n") + 1
    for m in _DIRECTIVE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        codes = frozenset(c.upper() for c in re.split(r"[\s,]+", m["codes"]) if c)
        if m["verb"] == "disable-next-line":
            end_line = text.count("\n", 0, m.end()) + 1
            out.append(Region(end_line + 1, end_line + 1, codes))
        elif m["verb"] == "disable":
            open_.setdefault(codes, line)
        else:
            for key in [k for k in open_ if not codes or k == codes or (k and k <= codes)]:
                out.append(Region(open_.pop(key), line, key))
    out.extend(Region(first, last_line, codes) for codes, first in open_.items())
    return out


def suppressed_by_comments(findings: Iterable[Finding], letters: Iterable[Letter]) -> tuple[list[Finding], int]:
    """The findings no comment hides, and how many were hidden."""
    by_path = {
        letter.path: regions(letter.source.text)
        for letter in letters
        if letter.source is not None and letter.path.lower().endswith(MARKDOWN_SUFFIXES)
    }
    findings = list(findings)
    kept: list[Finding] = []
    for finding in findings:
        hidden = any(
            region.covers(loc.line, finding) for loc in finding.locations for region in by_path.get(loc.path, ())
        )
        if not hidden:
            kept.append(finding)
    return kept, len(findings) - len(kept)


def write_baseline(path: str | Path, findings: Sequence[Finding]) -> int:
    """Write the fingerprints of ``findings`` to a baseline file; returns how many."""
    entries = sorted(
        (
            {
                "fingerprint": f.fingerprint,
                "rule": f.rule,
                "path": f.locations[0].path if f.locations else "",
                "text": f.locations[0].text if f.locations else "",
                "message": f.message_en,
            }
            for f in findings
        ),
        key=lambda e: (e["path"], e["rule"], e["fingerprint"]),
    )
    document = {"tool": "replylint", "version": BASELINE_VERSION, "findings": entries}
    Path(path).write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(entries)


class BaselineError(ValueError):
    """A baseline file cannot be read."""


def read_baseline(path: str | Path) -> frozenset[str]:
    """The fingerprints a baseline file accepts."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
        return frozenset(entry["fingerprint"] for entry in document["findings"])
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc}") from None
    except (ValueError, KeyError, TypeError):
        raise BaselineError(f"{path}: not a replylint baseline (write one with --write-baseline)") from None


def outside_baseline(findings: Iterable[Finding], accepted: frozenset[str]) -> tuple[list[Finding], int]:
    """The findings the baseline does not accept, and how many it hid."""
    findings = list(findings)
    kept = [f for f in findings if f.fingerprint not in accepted]
    return kept, len(findings) - len(kept)
