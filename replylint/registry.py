"""The Rule type, the ``@rule`` decorator that registers one, and rule selection.

A rule is a check function with its metadata: a stable code, a kebab-case name, a group, a
default severity and a message template in Chinese and in English. Its docstring is its
documentation. The registry is a plain dict from code to rule.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from replylint.models import SEVERITY_RANK, Edit, Finding, Fix, Location, Severity, Span

if TYPE_CHECKING:
    from replylint.corpus import Corpus, Letter

GROUPS = {
    "1": "figures",
    "2": "names",
    "3": "wording",
    "4": "punctuation",
    "5": "format",
    "6": "timeline",
    "9": "custom",  # RL9xx: kept free for outside rule packs
}
CODE_PATTERN = re.compile(r"^RL[0-9]\d\d$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

Check = Callable[..., Iterable[Finding]]


@dataclass(frozen=True)
class At:
    """One place a finding points at: a letter, a span of its original text, and a role."""

    letter: Letter
    span: Span
    role: str | None = None

    def location(self) -> Location:
        """The report location of this place."""
        where = self.letter.source.where(self.span.start) if self.letter.source else None
        return Location.at(self.letter.path, self.span, self.letter.excerpt(self.span), self.role, where)


@dataclass(frozen=True)
class Rule:
    """A registered check with its metadata; call ``finding`` from the check to report."""

    code: str
    name: str
    group: str
    severity: Severity
    message_zh: str
    message_en: str
    check: Check
    # A per-letter rule reads one letter at a time: its findings on a letter do not depend on
    # the other letters, so a run need only give it the letters whose findings it reports.
    per_letter: bool = False
    # A text-only rule reads nothing of a letter but its path, text and structure, never its
    # claims: a run may give it letters decoded but not parsed (TextLetter), in a spare process.
    text_only: bool = False

    @property
    def doc(self) -> str:
        """The rule's documentation (its check's docstring)."""
        return inspect.getdoc(self.check) or ""

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.splitlines()[0] if self.doc else ""

    @property
    def options(self) -> dict[str, Any]:
        """Keyword options of the check with their defaults."""
        params = inspect.signature(self.check).parameters.values()
        return {p.name: p.default for p in params if p.kind is p.KEYWORD_ONLY}

    def finding(
        self,
        places: Sequence[At],
        *,
        fix: tuple[str, Sequence[tuple[At, str]]] | None = None,
        **values: Any,
    ) -> Finding:
        """Build a finding at ``places``, formatting both message templates with ``values``.

        ``fix`` is ``(description, [(place, replacement), ...])`` for a certain correction.
        """
        locations = tuple(place.location() for place in places)
        return Finding.trusted(
            rule=self.code,
            name=self.name,
            group=self.group,
            severity=self.severity,
            message_zh=self.message_zh.format(**values),
            message_en=self.message_en.format(**values),
            locations=locations,
            fix=_fix(fix),
            fingerprint=fingerprint(self.code, places),
        )

    def __call__(self, corpus: Corpus, **options: Any) -> list[Finding]:
        return list(self.check(corpus, **options))


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    *,
    severity: Severity,
    message_zh: str,
    message_en: str,
    name: str | None = None,
    per_letter: bool = False,
    text_only: bool = False,
) -> Callable[[Check], Rule]:
    """Register the decorated check function as a rule under ``code``.

    ``per_letter`` declares that the rule's findings on a letter depend on that letter alone;
    ``text_only`` that the rule reads the letters' text and structure but not their claims.
    """

    def register(check: Check) -> Rule:
        rule_name = name or check.__name__.replace("_", "-")
        if not CODE_PATTERN.match(code):
            raise ValueError(f"rule code {code!r} is not of the form RLnnn")
        if not NAME_PATTERN.match(rule_name):
            raise ValueError(f"rule name {rule_name!r} is not kebab-case")
        if severity not in SEVERITY_RANK:  # findings are built unvalidated: check it once, here
            raise ValueError(f"rule severity {severity!r} is not one of {', '.join(SEVERITY_RANK)}")
        taken = REGISTRY.get(code)
        if taken is not None and taken.check.__qualname__ != check.__qualname__:
            raise ValueError(f"rule code {code} is already taken by {taken.name}")
        if any(r.name == rule_name and r.code != code for r in REGISTRY.values()):
            raise ValueError(f"rule name {rule_name} is already taken")
        new = Rule(code, rule_name, GROUPS[code[2]], severity, message_zh, message_en, check, per_letter, text_only)
        REGISTRY[code] = new
        return new

    return register


def fingerprint(code: str, places: Sequence[At]) -> str:
    """A digest of the rule and the text around each place, not of its line or column.

    It stays the same when unrelated text moves, so baselines survive edits.
    """
    digest = hashlib.sha256(code.encode())
    for place in places:
        # surrogatepass: text given through the Python API may hold lone surrogates.
        where = place.letter.path + "\0" + place.letter.context(place.span)
        digest.update(b"\0" + where.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


def _fix(fix: tuple[str, Sequence[tuple[At, str]]] | None) -> Fix | None:
    if fix is None:
        return None
    description, changes = fix
    edits = tuple(
        Edit.trusted(path=place.letter.path, start=place.span.start, end=place.span.end, replacement=replacement)
        for place, replacement in changes
    )
    return Fix.trusted(description=description, edits=edits)


def all_rules() -> dict[str, Rule]:
    """Every registered rule, built-in and from plugins, by code."""
    from replylint import checks

    checks.load()
    return dict(sorted(REGISTRY.items()))


def select(
    rules: dict[str, Rule], select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> list[Rule]:
    """The rules whose code starts with a prefix in ``select`` (all when empty) and with none in ``ignore``."""

    def matches(code: str, prefixes: Sequence[str]) -> bool:
        return any(code.startswith(p.upper()) or p.upper() in ("ALL",) for p in prefixes)

    chosen = [r for code, r in rules.items() if not select or matches(code, select)]
    return [r for r in chosen if not matches(r.code, ignore)]
