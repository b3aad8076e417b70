"""One finding per conflict: the sides of a disagreement, each with the letters that take it.

A cross-letter rule groups claims by what they are about (a title, a 文号, an event), then
splits each group into *sides* by the value each claim gives (a spelling, a date). A conflict
is a group with two or more sides; its finding names every side with the letters on it (five
of a side by name, then how many more: :func:`replylint.listing.listed`) and points once at
each letter of each side.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, TypeVar

from replylint.corpus import Letter, group_by
from replylint.extract.dating import When
from replylint.listing import listed
from replylint.models import Finding, Span
from replylint.registry import At, Rule

V = TypeVar("V", bound=Hashable)
Sides = dict[V, list[tuple[Letter, Span]]]


def sides_of(items: Iterable[tuple[Letter, V, Span]]) -> Sides:
    """The letters on each side, in corpus order, each letter once per side at its first span."""
    out: Sides = {}
    placed: set[tuple[V, str]] = set()
    for letter, value, span in items:
        side = out.setdefault(value, [])
        if (value, letter.path) not in placed:
            placed.add((value, letter.path))
            side.append((letter, span))
    return out


def grouped_sides(groups: Iterable[list[V]], items: Iterable[tuple[Letter, V, Span]]) -> Iterator[Sides]:
    """The sides of each group of values (spellings of one name), in the order of ``groups``.

    ``items`` are read once and each goes to the group that holds its value, rather than
    every group scanning every item; an item whose value is in no group is left out.
    """
    groups = list(groups)
    group_of = {value: group[0] for group in groups for value in group}
    members = group_by(items, lambda item: group_of.get(item[1]))
    for group in groups:
        yield sides_of(members[group[0]])


def majority(sides: Sides) -> V | None:
    """The value most letters give, or ``None`` when no value has more letters than every other."""
    counts = sorted(((len(letters), value) for value, letters in sides.items()), key=lambda c: -c[0])
    if len(counts) < 2 or counts[0][0] > counts[1][0]:
        return counts[0][1]
    return None


def ordered(sides: Sides, last: V | None = None) -> list[V]:
    """The values, fewest letters first and, among equals, the latest to appear first; ``last`` last.

    The finding starts at a value that departs from the others.
    """
    appearance = {value: index for index, value in enumerate(sides)}
    values = sorted(sides, key=lambda v: (len(sides[v]), -appearance[v]))
    return [v for v in values if v != last] + ([last] if last in sides else [])


def describe(sides: Sides, values: list[V], show: Callable[[V], str], lang: str) -> str:
    """``《A》 (a.txt (2023-06-25), b.txt) vs 《B》 (c.txt)`` in the chosen language; past five
    letters on a side, how many more."""
    sep, join, open_, close = ("；", "、", "（", "）") if lang == "zh" else ("; ", ", ", " (", ")")
    return sep.join(
        f"{show(v)}{open_}{listed([letter.label for letter, _ in sides[v]], join)}{close}" for v in values
    )


def places(sides: Sides, values: list[V], role: Callable[[V], str]) -> list[At]:
    """One place per letter of each side, in the order of ``values``."""
    return [At(letter, span, role(v)) for v in values for letter, span in sides[v]]


def sides_finding(
    rule: Rule,
    sides: Sides,
    show: Callable[[V], str],
    *,
    show_en: Callable[[V], str] | None = None,
    role: Callable[[V], str] | None = None,
    **values: Any,
) -> Finding:
    """The finding of ``rule`` for a conflict between ``sides``, starting at a side few letters take.

    Besides ``values``, the message templates get ``sides_zh`` and ``sides_en`` (every value with
    its letters) and ``majority_zh`` and ``majority_en`` (which value most letters give, or
    nothing when none does). Each place's role is ``role(value)``, by default ``majority`` or
    ``variant``.
    """
    most = majority(sides)
    order = ordered(sides, most)
    en = show_en or show
    return rule.finding(
        places(sides, order, role or (lambda v: "majority" if v == most else "variant")),
        sides_zh=describe(sides, order, show, "zh"),
        sides_en=describe(sides, order, en, "en"),
        majority_zh=f"；多数信函为{show(most)}" if most is not None else "",
        majority_en=f"; most letters give {en(most)}" if most is not None else "",
        **values,
    )


def date_conflict(rule: Rule, uses: Iterable[tuple[Letter, When, Span]], **values: Any) -> Finding | None:
    """The finding of ``rule`` for one subject dated by ``uses``, or ``None`` when the dates agree.

    Dates disagree when two of them cannot both be right (:meth:`When.conflicts`).
    """
    sides = sides_of(uses)
    dates = list(sides)
    if not any(a.conflicts(b) for i, a in enumerate(dates) for b in dates[i + 1 :]):
        return None
    return sides_finding(rule, sides, lambda v: v.text, show_en=When.label, role=When.label, **values)
