"""Custom rules from TOML files, built on a few check kinds, as in Vale.

A plugin file holds ``[[rule]]`` tables. Each names a ``code`` (letters then digits, not
``RL``), a kebab-case ``name``, a ``kind`` and the kind's data:

- ``existence``: ``patterns``, regexes of a phrase that must not appear;
- ``substitution``: ``swap``, regex → replacement (a wrong form and the right one);
- ``consistency``: ``either``, two regexes for two spellings of one thing (the preferred
  first); the corpus must use one of them, so a corpus that uses both gets one finding
  naming the letters of each, starting with the letters of the rarer spelling.

User regexes run with a time limit (the ``regex`` package's ``timeout``): a pattern that
backtracks catastrophically stops with a :class:`RuleError` naming the rule, the pattern and
the file, and the other rules still run.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import regex
from pydantic import Field, ValidationError, field_validator, model_validator

from replylint.corpus import Corpus, Letter
from replylint.models import Finding, Model, Severity
from replylint.query import at_view, paragraphs
from replylint.registry import NAME_PATTERN, At, Rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PATTERN_TIMEOUT = 1.0
CODE = re.compile(r"^(?!RL)[A-Z]{1,8}[0-9]{1,4}$")
MESSAGES = {
    "existence": ("避免使用“{match}”", "avoid “{match}”"),
    "substitution": ("“{match}”应为“{suggestion}”", "“{match}” should be “{suggestion}”"),
    "consistency": (
        "同一事物有两种写法：“{first}”（{first_letters}）与“{second}”（{second_letters}）",
        "one thing spelt two ways: “{first}” ({first_letters}) and “{second}” ({second_letters})",
    ),
}


class PluginError(ValueError):
    """A plugin file cannot be read or defines a bad rule."""


class RuleError(RuntimeError):
    """A rule stopped on one file (a user pattern ran out of time); the run goes on."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(reason)
        self.path = path


class RuleSpec(Model):
    """One ``[[rule]]`` of a plugin file."""

    code: str
    name: str = Field(pattern=NAME_PATTERN.pattern)
    kind: Literal["existence", "substitution", "consistency"]
    severity: Severity = "warning"
    description: str = ""
    message_zh: str | None = None
    message_en: str | None = None
    patterns: tuple[str, ...] = ()
    swap: dict[str, str] = {}
    either: tuple[str, ...] = ()

    @field_validator("code")
    @classmethod
    def _code_form(cls, code: str) -> str:
        if not CODE.match(code):
            raise ValueError(f"code {code!r} must be capital letters then digits, not starting with RL")
        return code

    @model_validator(mode="after")
    def _data_fits_kind(self) -> RuleSpec:
        needed = {"existence": bool(self.patterns), "substitution": bool(self.swap), "consistency": len(self.either) == 2}
        if not needed[self.kind]:
            what = {"existence": "patterns", "substitution": "swap", "consistency": "either (two patterns)"}[self.kind]
            raise ValueError(f"a {self.kind} rule needs {what}")
        for pattern in (*self.patterns, *self.swap, *self.either):
            try:
                regex.compile(pattern)
            except regex.error as exc:
                raise ValueError(f"bad pattern {pattern!r}: {exc}") from None
        return self


class PluginFile(Model):
    """A plugin file: its rules."""

    rule: tuple[RuleSpec, ...] = ()


def _matches(pattern: regex.Pattern, letter: Letter, text: str, code: str) -> Iterator[regex.Match]:
    try:
        yield from pattern.finditer(text, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        raise RuleError(
            letter.path, f"{code}: pattern {pattern.pattern!r} ran out of time ({PATTERN_TIMEOUT:g} s); rule stopped"
        ) from None


def _existence(spec: RuleSpec, rule: Rule, corpus: Corpus) -> Iterator[Finding]:
    compiled = [regex.compile(p) for p in spec.patterns]
    for letter, para in paragraphs(corpus):
        for pattern in compiled:
            for m in _matches(pattern, letter, para.text, spec.code):
                if m.end() > m.start():
                    yield rule.finding([at_view(letter, para.start + m.start(), para.start + m.end())], match=m.group())


def _substitution(spec: RuleSpec, rule: Rule, corpus: Corpus) -> Iterator[Finding]:
    compiled = [(regex.compile(p), replacement) for p, replacement in spec.swap.items()]
    for letter, para in paragraphs(corpus):
        for pattern, replacement in compiled:
            for m in _matches(pattern, letter, para.text, spec.code):
                suggestion = m.expand(replacement)
                if m.end() > m.start() and suggestion != m.group():
                    place = at_view(letter, para.start + m.start(), para.start + m.end())
                    fix = (f"改为“{suggestion}” / replace with “{suggestion}”", [(place, suggestion)])
                    yield rule.finding([place], fix=fix, match=m.group(), suggestion=suggestion)


def _consistency(spec: RuleSpec, rule: Rule, corpus: Corpus) -> Iterator[Finding]:
    compiled = [regex.compile(p) for p in spec.either]
    first_use: list[dict[str, tuple[At, str]]] = [{}, {}]
    for letter, para in paragraphs(corpus):
        for side, pattern in enumerate(compiled):
            if letter.path in first_use[side]:
                continue
            for m in _matches(pattern, letter, para.text, spec.code):
                place = at_view(letter, para.start + m.start(), para.start + m.end(), role=f"variant {side + 1}")
                first_use[side][letter.path] = (place, m.group())
                break
    if not (first_use[0] and first_use[1]):
        return
    # The spelling fewer letters use comes first; on a tie, the second one (the first is preferred).
    majority, minority = first_use if len(first_use[1]) <= len(first_use[0]) else first_use[::-1]
    places = [place for place, _ in minority.values()] + [place for place, _ in majority.values()]
    texts = [next(iter(side.values()))[1] for side in (minority, majority)]
    labels = ["、".join(place.letter.label for place, _ in side.values()) for side in (minority, majority)]
    yield rule.finding(places, first=texts[0], second=texts[1], first_letters=labels[0], second_letters=labels[1])


KINDS = {"existence": _existence, "substitution": _substitution, "consistency": _consistency}


def build_rule(spec: RuleSpec) -> Rule:
    """The rule a spec describes, ready to run like a built-in one."""
    zh, en = MESSAGES[spec.kind]
    kind = KINDS[spec.kind]

    def check(corpus: Corpus) -> Iterator[Finding]:
        return kind(spec, built, corpus)

    check.__doc__ = spec.description or f"A custom {spec.kind} rule."
    built = Rule(spec.code, spec.name, "custom", spec.severity, spec.message_zh or zh, spec.message_en or en, check,
                 per_letter=spec.kind != "consistency")
    return built


def load_plugins(paths: tuple[str, ...], taken: frozenset[str] = frozenset()) -> list[Rule]:
    """The rules of every plugin file in ``paths``; codes must not clash with ``taken`` or each other."""
    rules: list[Rule] = []
    seen = set(taken)
    for path in paths:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
            plugin = PluginFile.model_validate(data)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise PluginError(f"{path}: cannot read: {exc}") from None
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise PluginError(f"{path}: {where}: {first['msg'].removeprefix('Value error, ')}") from None
        for spec in plugin.rule:
            if spec.code in seen:
                raise PluginError(f"{path}: rule code {spec.code} is already taken")
            seen.add(spec.code)
            rules.append(build_rule(spec))
    return rules
