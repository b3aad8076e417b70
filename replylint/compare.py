"""Helpers the figure rules share: which values a figure admits, grouping, and wording.

Rules never compare every figure with every other: they group figures by what they measure
(:attr:`Figure.group_key`, within the issuer's jurisdiction: :func:`by_measure`) and then by
the value stated, and compare the few value groups.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from decimal import Decimal

from replylint.corpus import Corpus, Letter, group_by
from replylint.extract.figures import Figure
from replylint.listing import listed
from replylint.registry import At
from replylint.tables import FigureCompare, load_tables

Stated = tuple[Letter, Figure]
Interval = tuple[Decimal | None, Decimal | None]


def stated_figures(corpus: Corpus, keep: Callable[[Letter, Figure], bool] = lambda letter, fig: True) -> list[Stated]:
    """Every figure with a metric key that ``keep`` accepts, with its letter.

    With a focus on some letters, only the figures whose metric key one of those letters
    states: groups by measure (:func:`by_measure`) never mix metric keys, so the others
    could not share a group, and so a finding, with a letter in focus.
    """
    return [(letter, fig) for letter, fig in corpus.shared(_measured) if keep(letter, fig)]


def _measured(corpus: Corpus) -> list[Stated]:
    """The figures :func:`stated_figures` chooses from, worked out once for the figure rules of a run."""
    figures = corpus.claims("figure")
    if corpus.focus is None:
        return [(letter, fig) for letter, fig in figures if fig.metric_key is not None]
    keys = {claim.metric_key for letter in corpus.in_focus() for claim in letter.claims if claim.kind == "figure"}
    keys.discard(None)
    return [(letter, fig) for letter, fig in figures if fig.metric_key in keys]


def by_measure(items: Iterable[Stated], scope: Callable[[Figure], tuple] = lambda fig: ()) -> list[list[Stated]]:
    """Figures of :func:`stated_figures` grouped by what they measure and by ``scope(fig)``, in
    order of first appearance.

    A figure's measure is its :attr:`Figure.group_key`, within its issuer's jurisdiction, and
    for the effect of another figure (惠及居民1.2万户) the measure it is the effect of. Letters
    of different places (安吉县, 武汉市江汉区) never state the same measure, however alike
    their wording.
    """
    verbs = load_tables().figures.compare.effect_verbs  # looked up once, not once a figure

    def key(item: Stated) -> tuple:
        letter, fig = item
        return (letter.jurisdiction, fig.group_key, _cause(letter, fig, verbs), *scope(fig))

    return list(group_by(items, key).values())


def _cause(letter: Letter, fig: Figure, verbs: tuple[str, ...]) -> str | None:
    """The metric key of the figure before ``fig`` in its sentence when ``fig`` counts its
    effect (starts with one of ``verbs``)."""
    if not (fig.metric_key or "").startswith(verbs):
        return None
    before = [c for c in letter.figures_by_sentence[fig.sentence] if c.span.start < fig.span.start]
    return max(before, key=lambda c: c.span.start).metric_key if before else ""


def interval(fig: Figure, table: FigureCompare) -> Interval:
    """The values a figure admits: exact values one point (a range its two ends), an
    approximation a band around it, a bound everything on one side (``None`` = unbounded)."""
    low: Decimal | None = fig.value
    high: Decimal | None = fig.high if fig.high is not None else fig.value
    words = [w for w in (fig.approx or "").split("…") if w]
    t = table.tolerance
    for word in words:
        if word in table.around:
            low, high = low * (1 - t), high * (1 + t) if high is not None else None
        elif word in table.below:
            low = low * (1 - t)
        elif word in table.open_above:
            high = None
        elif word in table.above:
            high = high * (1 + t) if high is not None else None
    if fig.bound in table.lower_bounds:
        high = None
    elif fig.bound in table.upper_bounds:
        low = Decimal(0)
    return low, high


def overlap(a: Interval, b: Interval) -> bool:
    """Whether two intervals share a value."""
    return (a[1] is None or b[0] is None or b[0] <= a[1]) and (b[1] is None or a[0] is None or a[0] <= b[1])


def below(a: Interval, b: Interval) -> bool:
    """Whether every value of ``a`` is smaller than every value of ``b``."""
    return a[1] is not None and b[0] is not None and a[1] < b[0]


def stated_value(fig: Figure) -> tuple:
    """The value a figure states: value, range end, approximation and bound."""
    return (fig.value, fig.high, fig.approx, fig.bound)


def by_value(items: Iterable[Stated]) -> list[list[Stated]]:
    """Figures grouped by the value they state."""
    groups = group_by(items, lambda item: stated_value(item[1]))
    return [groups[k] for k in sorted(groups, key=lambda k: (k[0], k[1] or 0, k[2] or "", k[3] or ""))]


def as_of(letter: Letter, fig: Figure) -> date | None:
    """The date a running total is counted up to: its scope's end, else the letter's date."""
    return fig.scope.end or letter.date


def shown(fig: Figure) -> str:
    """The figure as written, without the spaces PDF extraction leaves."""
    return "".join(fig.raw.split())


def measure(items: Sequence[Stated]) -> str:
    """What some figures count, for messages: the fullest metric phrase, and the topic."""
    fig = max((fig for _, fig in items), key=lambda f: len(f.metric))
    what = fig.metric or (fig.metric_key or "").split("|")[0]
    return f"{what}（{fig.topic}）" if fig.topic else what


def letters(items: Sequence[Stated]) -> str:
    """The letters of some figures, each once, with their dates; past five, how many more."""
    return listed(list(dict.fromkeys(letter.label for letter, _ in items)), "、")


def scopes(items: Sequence[Stated], lang: str = "zh") -> str:
    """The time scopes of some figures, each once; past five, how many more."""
    return listed(list(dict.fromkeys(fig.scope.describe(lang) for _, fig in items)), "; ")


def side(items: Sequence[Stated], lang: str = "zh") -> str:
    """One side of a disagreement: the value, the letters and their scopes."""
    if lang == "zh":
        return f"{shown(items[0][1])}（{letters(items)}；{scopes(items, lang)}）"
    return f"{shown(items[0][1])} ({letters(items)}; {scopes(items, lang)})"



def old_new(old: Sequence[Stated], new: Sequence[Stated]) -> dict[str, str]:
    """Message values for an earlier and a later side, in Chinese and in English."""
    return {"old": side(old), "new": side(new), "old_en": side(old, "en"), "new_en": side(new, "en")}


def places(items: Iterable[Stated], role: str) -> list[At]:
    """One place per letter (its first such figure), with a role such as ``earlier``."""
    first: dict[str, Stated] = {}
    for letter, fig in items:
        first.setdefault(letter.path, (letter, fig))
    return [At(letter, fig.span, role) for letter, fig in first.values()]
