"""The fixture harness for rules, public so that outside rule packs can reuse it.

A fixture is Markdown: each heading at the chosen level is a case; each fenced block whose
info string starts with ``letter`` is one letter of the case (``letter NAME`` names it); a
finding is expected at the end of every line marked ``<!-- expect: RL101 -->``. A case with
no marker must stay clean. Markers are stripped before the letter is built, so line and
column numbers are those of the letter as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from replylint.corpus import Corpus, Letter
from replylint.engine import run_rules
from replylint.models import Finding
from replylint.registry import Rule
from replylint.source import Source

_FENCE = re.compile(r"^```letter(?:[ \t]+(?P<name>\S+))?[ \t]*\n(?P<body>.*?)^```[ \t]*$", re.S | re.M)
_MARKER = re.compile(r"[ \t]*<!--\s*expect:\s*(?P<codes>RL\d{3}(?:\s*,\s*RL\d{3})*)\s*-->[ \t]*$")


@dataclass
class Case:
    """One fixture case: its title, its letters and the findings it expects."""

    title: str
    letters: list[tuple[str, str]] = field(default_factory=list)
    expected: set[tuple[str, int, str]] = field(default_factory=set)


def parse_cases(markdown: str, level: int = 2) -> list[Case]:
    """Split Markdown into cases at headings of ``level`` and read their letters and markers."""
    heading = re.compile(rf"^{'#' * level}[ \t]+(.+?)[ \t]*$", re.M)
    marks = list(heading.finditer(markdown))
    cases = []
    for i, mark in enumerate(marks):
        body = markdown[mark.end() : marks[i + 1].start() if i + 1 < len(marks) else len(markdown)]
        case = Case(mark.group(1))
        for n, fence in enumerate(_FENCE.finditer(body), start=1):
            name = fence["name"] or f"letter{n}.txt"
            lines = []
            for number, line in enumerate(fence["body"].split("\n"), start=1):
                m = _MARKER.search(line)
                if m:
                    for code in re.split(r"\s*,\s*", m["codes"]):
                        case.expected.add((name, number, code))
                    line = line[: m.start()]
                lines.append(line)
            case.letters.append((name, "\n".join(lines)))
        if case.letters:
            cases.append(case)
    return cases


def corpus_of(letters: list[tuple[str, str]]) -> Corpus:
    """A corpus built from (name, text) pairs, as if read from files of those names."""
    return Corpus(tuple(Letter.from_source(Source(path=name, text=text)) for name, text in letters))


def findings_for(case: Case, rules: list[Rule]) -> list[Finding]:
    """Run ``rules`` on the case's letters."""
    return run_rules(corpus_of(case.letters), rules)


def actual(findings: list[Finding]) -> set[tuple[str, int, str]]:
    """The (letter, line, code) of every location of every finding."""
    return {(loc.path, loc.line, f.rule) for f in findings for loc in f.locations[:1]}


def mismatch(case: Case, rules: list[Rule]) -> str | None:
    """``None`` when the case's findings are exactly the expected ones, else an explanation."""
    findings = findings_for(case, rules)
    got = actual(findings)
    if got == case.expected:
        return None
    lines = [f"case {case.title!r}:"]
    for item in sorted(case.expected - got):
        lines.append(f"  missing  {item[0]}:{item[1]} {item[2]}")
    for f in findings:
        loc = f.locations[0]
        if (loc.path, loc.line, f.rule) not in case.expected:
            lines.append(f"  extra    {loc.path}:{loc.line}:{loc.column} {f.rule} {f.message_en} [{loc.text}]")
    return "\n".join(lines)


def docstring_cases(rule: Rule) -> list[Case]:
    """The Bad and Good cases of a rule's ``## Example`` section."""
    doc = rule.doc
    start = doc.find("## Example")
    if start < 0:
        return []
    rest = doc[start + len("## Example") :]
    end = re.search(r"^## ", rest, re.M)
    return parse_cases(rest[: end.start()] if end else rest, level=3)
