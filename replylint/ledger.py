"""The ledger: what the letters have said, gathered by subject and ordered in time.

Every metric (metric key and topic, as the figure rules group them) with the value each
letter gives and when it holds; every policy title with its spellings (grouped by the
variant test RL201 uses) and its 文号; every organisation with the forms of its name. A
pure function of a corpus and, optionally, the findings of a check, which mark the values
a rule flagged. ``filtered`` keeps the subjects that mention a word and the letters
written in a date range.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
import datetime as dt
from decimal import Decimal

from replylint.compare import stated_figures
from replylint.conflicts import majority, sides_of
from replylint.corpus import Corpus, Letter, group_by
from replylint.extract.figures import Figure
from replylint.extract.scope import Scope
from replylint.models import Finding, Model, Span
from replylint.tables import load_tables
from replylint.variants import cited_variant_groups


class LetterRef(Model):
    """A letter of the ledger: its path, its 成文日期 and its 发文字号."""

    path: str
    date: dt.date | None = None
    docno: str | None = None


class Where(Model):
    """A place in a letter: the letter, its date, the position and the text as written."""

    path: str
    date: dt.date | None = None
    line: int
    column: int
    end_line: int
    end_column: int
    text: str

    @classmethod
    def of(cls, letter: Letter, span: Span, text: str) -> Where:
        """The place of ``span`` in ``letter``, its text with the spaces of PDF extraction folded."""
        return cls(path=letter.path, date=letter.date, line=span.line, column=span.column,
                   end_line=span.end_line, end_column=span.end_column, text="".join(text.split()))


class Flag(Model):
    """A finding that points at a value: its rule, its fingerprint (the finding's anchor) and
    the role the value plays in it (``earlier``/``later`` of a decrease, ``value`` of a conflict)."""

    rule: str
    name: str
    fingerprint: str
    role: str | None = None


class Point(Model):
    """One value a letter gives for a metric, as written and normalised, with its time scope."""

    where: Where
    value: Decimal
    high: Decimal | None = None
    unit: str
    approx: str | None = None
    bound: str | None = None
    phrase: str
    scope: Scope
    flags: tuple[Flag, ...] = ()

    @property
    def written(self) -> str:
        """The value as the letter writes it."""
        return self.where.text

    @property
    def normalised(self) -> str:
        """The value in the metric's base unit, with thousands separators (``108,000,000 元``)."""
        value = format(self.value, ",f")
        if self.high is not None:
            value += f"–{self.high:,f}"
        return f"{'…'.join(w for w in (self.approx, self.bound) if w)}{value} {self.unit}".strip()

    @property
    def running(self) -> bool:
        """Whether the value is a running total (累计) or counted up to a date (截至)."""
        return self.scope.cumulative or self.scope.kind == "as_of"


class Metric(Model):
    """A measure that letters state values for, and the values in time order.

    ``label`` is its fullest phrase as written; ``part`` marks a part of a total (其中),
    ``planned`` a target or plan: both are kept apart from the plain measure, as the rules do.
    """

    key: str
    topic: str | None = None
    label: str
    part: bool = False
    planned: bool = False
    points: tuple[Point, ...]

    @property
    def letters(self) -> tuple[str, ...]:
        """The paths of the letters that state the metric, each once, in time order."""
        return tuple(dict.fromkeys(p.where.path for p in self.points))

    @property
    def cumulative(self) -> bool:
        """Whether the metric's values are running totals (every value is)."""
        return all(p.running for p in self.points)


class Use(Model):
    """One place where a letter writes a title or a name, with the 文号 and issuing date it gives."""

    where: Where
    docno: str | None = None
    issued: str | None = None


class Form(Model):
    """One spelling of a title or a name, with every place it is written."""

    text: str
    uses: tuple[Use, ...]


class PolicyTitle(Model):
    """A policy document: the spelling most letters give, all its spellings and its 文号."""

    title: str | None
    docnos: tuple[str, ...] = ()
    forms: tuple[Form, ...]

    @property
    def variant(self) -> bool:
        """Whether the letters spell the title in more than one way."""
        return len(self.forms) > 1


class Organisation(Model):
    """An organisation: the key linking its names, and each form of its name."""

    key: str
    forms: tuple[Form, ...]


class Ledger(Model):
    """Every metric, policy title and organisation the letters mention."""

    letters: tuple[LetterRef, ...]
    metrics: tuple[Metric, ...]
    titles: tuple[PolicyTitle, ...]
    organisations: tuple[Organisation, ...]

    def filtered(self, match: str | None = None, since: dt.date | None = None, until: dt.date | None = None) -> Ledger:
        """The subjects that mention ``match`` (a substring of a metric, topic, title, 文号 or
        name), with only the places in letters dated from ``since`` to ``until`` (inclusive)."""

        def dated(day: dt.date | None) -> bool:
            if since is None and until is None:
                return True
            return day is not None and (since is None or since <= day) and (until is None or day <= until)

        def forms(items: Iterable[Form]) -> tuple[Form, ...]:
            out = (f.model_copy(update={"uses": tuple(u for u in f.uses if dated(u.where.date))}) for f in items)
            return tuple(f for f in out if f.uses)

        def has(*texts: str | None) -> bool:
            return match is None or any(match in t for t in texts if t)

        metrics = [m.model_copy(update={"points": tuple(p for p in m.points if dated(p.where.date))}) for m in self.metrics]
        titles = [t.model_copy(update={"forms": forms(t.forms)}) for t in self.titles]
        organisations = [o.model_copy(update={"forms": forms(o.forms)}) for o in self.organisations]
        return Ledger(
            letters=tuple(ref for ref in self.letters if dated(ref.date)),
            metrics=tuple(m for m in metrics if m.points and has(m.key, m.topic, m.label, *(p.phrase for p in m.points))),
            titles=tuple(t for t in titles if t.forms and has(*t.docnos, *(f.text for f in t.forms))),
            organisations=tuple(o for o in organisations if o.forms and has(o.key, *(f.text for f in o.forms))),
        )


def build_ledger(corpus: Corpus, findings: Iterable[Finding] = ()) -> Ledger:
    """The ledger of ``corpus``; a value that a location of one of ``findings`` points at carries its flag."""
    flags: dict[tuple[str, int, int], list[Flag]] = defaultdict(list)
    for finding in findings:
        for loc in finding.locations:
            flags[(loc.path, loc.line, loc.column)].append(
                Flag(rule=finding.rule, name=finding.name, fingerprint=finding.fingerprint, role=loc.role))
    return Ledger(
        letters=tuple(
            LetterRef(path=letter.path, date=letter.date,
                      docno=letter.structure.docno.text if letter.structure.docno else None)
            for letter in _in_time_order(corpus.letters)
        ),
        metrics=_metrics(corpus, flags),
        titles=_titles(corpus),
        organisations=_organisations(corpus),
    )


def _in_time_order(letters: Iterable[Letter]) -> list[Letter]:
    """Letters by date (undated last), then path."""
    return sorted(letters, key=lambda letter: (letter.date is None, letter.date or dt.date.min, letter.path))


def _point(letter: Letter, fig: Figure, flags: dict[tuple[str, int, int], list[Flag]]) -> Point:
    return Point(
        where=Where.of(letter, fig.span, fig.raw), value=fig.value, high=fig.high, unit=fig.unit,
        approx=fig.approx, bound=fig.bound, phrase=fig.metric, scope=fig.scope,
        flags=tuple(flags.get((letter.path, fig.span.line, fig.span.column), ())),
    )


def _metrics(corpus: Corpus, flags: dict[tuple[str, int, int], list[Flag]]) -> tuple[Metric, ...]:
    """The metrics of the figures the figure rules compare (those with a metric key)."""
    metrics = []
    for (key, topic, part, planned), items in group_by(stated_figures(corpus), lambda item: item[1].group_key).items():
        order = {letter.path: i for i, letter in enumerate(_in_time_order(letter for letter, _ in items))}
        items = sorted(items, key=lambda item: (order[item[0].path], item[1].span.start))
        metrics.append(Metric(
            key=key, topic=topic, label=max((fig.metric for _, fig in items), key=len), part=part, planned=planned,
            points=tuple(_point(letter, fig, flags) for letter, fig in items),
        ))
    return tuple(sorted(metrics, key=lambda m: (m.topic is None, m.topic or "", m.points[0].where.date or dt.date.max, m.key)))


def _when(use: Use) -> tuple:
    """Uses in time order: by letter date (undated last), path and line."""
    return (use.where.date is None, use.where.date or dt.date.min, use.where.path, use.where.line, use.where.column)


def _forms(uses: Iterable[tuple[str, Use]]) -> tuple[Form, ...]:
    """The forms of some uses, each with its uses, most used first."""
    grouped = group_by(uses, lambda item: item[0])
    forms = [Form(text=text, uses=tuple(sorted((use for _, use in items), key=_when))) for text, items in grouped.items()]
    return tuple(sorted(forms, key=lambda f: -len({u.where.path for u in f.uses})))


def _titles(corpus: Corpus) -> tuple[PolicyTitle, ...]:
    """Policy titles, spellings that are variants of each other under RL201's test as one title;
    a 文号 cited without a title is a title of its own unless a titled citation carries it."""
    titles = [(letter, claim) for letter, claim in corpus.claims("title") if claim.key and claim.role == "document"]
    cited: dict[str, set[str]] = defaultdict(set)
    for letter, claim in titles:
        cited[letter.path].add(claim.key)
    group_of = {key: group[0] for group in cited_variant_groups(cited.values(), load_tables().variants.title) for key in group}
    entries = []
    for items in group_by(titles, lambda item: group_of.get(item[1].key, item[1].key)).values():
        sides = sides_of((letter, claim.key, claim.span) for letter, claim in items)
        uses = [(claim.key, Use(where=Where.of(letter, claim.span, claim.raw), docno=claim.docno_key,
                                issued=claim.issued.label() if claim.issued else None)) for letter, claim in items]
        entries.append(PolicyTitle(
            title=majority(sides) or next(iter(sides)),
            docnos=tuple(dict.fromkeys(claim.docno_key for _, claim in items if claim.docno_key)),
            forms=_forms(uses),
        ))
    carried = {docno for entry in entries for docno in entry.docnos}
    bare = [(letter, claim) for letter, claim in corpus.claims("title")
            if claim.title is None and claim.docno_key and claim.docno_key not in carried]
    for docno, items in group_by(bare, lambda item: item[1].docno_key).items():
        uses = [(claim.docno_key, Use(where=Where.of(letter, claim.span, claim.raw), docno=docno)) for letter, claim in items]
        entries.append(PolicyTitle(title=None, docnos=(docno,), forms=_forms(uses)))
    return tuple(sorted(entries, key=lambda t: (not t.variant, -len({u.where.path for f in t.forms for u in f.uses}),
                                                t.title or "")))


def _organisations(corpus: Corpus) -> tuple[Organisation, ...]:
    """Organisations by the key that links the forms of their names."""
    names = group_by(corpus.claims("name"), lambda item: item[1].key)
    out = [
        Organisation(key=key, forms=_forms((claim.name, Use(where=Where.of(letter, claim.span, claim.raw)))
                                           for letter, claim in items))
        for key, items in names.items()
    ]
    return tuple(sorted(out, key=lambda o: (-len(o.forms), -sum(len(f.uses) for f in o.forms), o.key)))
