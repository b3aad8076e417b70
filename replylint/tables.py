"""What rules know, loaded from ``rules/*.toml`` into one validated model.

Each TOML file is one table, named by its file stem, with its own schema below. A user's
tables (from the configuration's ``tables`` folders) merge over the built-in ones key by key:
mappings are merged, lists are extended. A table that carries examples checks them when it is
loaded and refuses to load when one fails; the built-in tables alone skip that at run time,
since the test suite checks their examples.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError, ValidationInfo, model_validator

from replylint.doubled_words import DoubledWords
from replylint.models import Model
from replylint.variants import VariantPolicy, is_variant
from replylint.termbase import Termbase
from replylint.substitution import BUILT_IN, SubstitutionTable, examples_wanted

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class TableError(ValueError):
    """A rules table is malformed or fails its own examples."""


class Reduplication(Model):
    """Reduplicated forms that are words, for the doubled-character rule."""

    allow: tuple[str, ...] = ()
    # Characters that are doubled only by accident when they stand alone (的的, 了了).
    function_chars: str = ""
    # Verbs after which a doubled noun or measure word means "every" (河河有人管, 村村通).
    distributive_next: str = ""
    # Examples: text that must be flagged (``flag``) and text that must stay clean (``clean``).
    flag: tuple[str, ...] = ()
    clean: tuple[str, ...] = ()


class Ranges(Model):
    """Units that end a numeric range, for the hyphen-range rule (RL405)."""

    units: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    flag: tuple[str, ...] = ()
    clean: tuple[str, ...] = ()


class Examples(Model):
    """Text a rule must flag and text it must leave alone (checked by the test suite)."""

    flag: tuple[str, ...] = ()
    clean: tuple[str, ...] = ()


class Parallel(Model):
    """Organisation endings and list frames, for the comma-between-parallel-items rule (RL403)."""

    suffixes: tuple[str, ...] = ()
    frames: tuple[tuple[str, str], ...] = ()
    max_item: int = 6
    min_items: int = 3
    flag: tuple[str, ...] = ()
    clean: tuple[str, ...] = ()


class Punctuation(Model):
    """What the punctuation rules know."""

    ranges: Ranges = Ranges()
    parallel: Parallel = Parallel()


class Lists(Model):
    """Words the list, sum and formula extractors read counts, totals and parts by."""

    count_measures: tuple[str, ...] = ()
    defining_measures: tuple[str, ...] = ()
    enumeration_measures: tuple[str, ...] = ()
    enumeration_leads: tuple[str, ...] = ()
    summary_leads: tuple[str, ...] = ()
    summary_measures: tuple[str, ...] = ()
    list_openers: tuple[str, ...] = ()
    list_restarts: tuple[str, ...] = ()
    conjunctions: tuple[str, ...] = ()
    approximations: tuple[str, ...] = ()
    max_item_chars: int = 24
    max_closed_count: int = 10
    total_markers: tuple[str, ...] = ()
    part_markers: tuple[str, ...] = ()
    total_links: tuple[str, ...] = ()
    change_words: tuple[str, ...] = ()
    non_nouns: tuple[str, ...] = ()
    formula_openers: tuple[str, ...] = ()
    date_units: tuple[str, ...] = ()


class Variants(Model):
    """When two spellings are one name written two ways, for titles and for organisations."""

    title: VariantPolicy = VariantPolicy()
    organisation: VariantPolicy = VariantPolicy()
    # Examples: [kind, first, second] pairs that must be variants, and pairs that must not.
    variant: tuple[tuple[str, str, str], ...] = ()
    distinct: tuple[tuple[str, str, str], ...] = ()

    @model_validator(mode="after")
    def _examples_hold(self, info: ValidationInfo) -> Variants:
        if not examples_wanted(info):
            return self
        for expected, examples in ((True, self.variant), (False, self.distinct)):
            for kind, first, second in examples:
                if is_variant(first, second, getattr(self, kind)) != expected:
                    raise ValueError(f"{kind} example {first} / {second} is not {'a variant' if expected else 'distinct'}")
        return self


class Organisations(Model):
    """Where names of organisations start and end, and the accepted short forms of each."""

    city_prefixes: tuple[str, ...] = ()
    city_short: tuple[str, ...] = ()
    starts_after: str = ""
    suffixes: tuple[str, ...] = ()
    not_after: dict[str, str] = {}
    sub_units: tuple[str, ...] = ()
    stop_words: tuple[str, ...] = ()
    aliases: tuple[tuple[str, ...], ...] = ()

    @model_validator(mode="after")
    def _aliases_distinct(self) -> Organisations:
        forms = [form for group in self.aliases for form in group]
        repeated = sorted({form for form in forms if forms.count(form) > 1})
        if repeated:
            raise ValueError(f"organisation aliases listed twice: {repeated}")
        return self


class FigureMetric(Model):
    """How the phrase around a number becomes a metric key (see ``rules/figures.toml``)."""

    lead: tuple[str, ...] = ()
    trail: tuple[str, ...] = ()
    drop: str = ""
    synonyms: tuple[tuple[str, str], ...] = ()
    verbs: tuple[str, ...] = ()
    change: tuple[str, ...] = ()
    comparison_lead: tuple[str, ...] = ()
    comparison: tuple[str, ...] = ()
    part: tuple[str, ...] = ()
    plan: tuple[str, ...] = ()
    bound: tuple[str, ...] = ()


class FigureScope(Model):
    """Words of time scope: running totals, the letter's own date, relative years."""

    cumulative: tuple[str, ...] = ()
    rate: tuple[str, ...] = ()
    current: tuple[str, ...] = ()
    relative_years: dict[str, int] = {}


class FigureCompare(Model):
    """What approximation words and bounds admit, and the rules' thresholds."""

    tolerance: Decimal = Decimal("0.2")
    below: tuple[str, ...] = ()
    above: tuple[str, ...] = ()
    open_above: tuple[str, ...] = ()
    around: tuple[str, ...] = ()
    lower_bounds: tuple[str, ...] = ()
    upper_bounds: tuple[str, ...] = ()
    stale_days: int = 300
    # Verbs that start the measure of an effect of the figure before it in its sentence.
    effect_verbs: tuple[str, ...] = ()


class FigureExample(Model):
    """Two sentences whose last figures state the same measure, or different ones."""

    same: tuple[str, str] | None = None
    differ: tuple[str, str] | None = None


class Figures(Model):
    """What the figure extractor and the figure rules know."""

    skip_units: tuple[str, ...] = ()
    families: dict[str, tuple[str, ...]] = {}
    metric: FigureMetric = FigureMetric()
    scope: FigureScope = FigureScope()
    compare: FigureCompare = FigureCompare()
    examples: tuple[FigureExample, ...] = ()


class Agencies(Model):
    """How agencies are named in 抄送 and co-handling lists, for the co-handling rule."""

    collective: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    # Examples: pairs that name the same agency (``same``) and pairs that do not (``different``).
    same: tuple[tuple[str, str], ...] = ()
    different: tuple[tuple[str, str], ...] = ()


class MeasureWords(Model):
    """Measure words and units, and the characters typed for them by mistake (RL302)."""

    # Whitespace-separated measure words and units (个 家 公里 …).
    measure: str = ""
    near_homophones: dict[str, str] = {}
    examples: Examples = Examples()

    @cached_property
    def words(self) -> tuple[str, ...]:
        """The measure words and units, longest first."""
        return tuple(sorted(set(self.measure.split()), key=len, reverse=True))

    def measured(self, text: str, at: int) -> bool:
        """Whether ``text`` has a measure word or unit at offset ``at``."""
        return text.startswith(self.words, at)

    @model_validator(mode="after")
    def _homophones_are_not_measure_words(self) -> MeasureWords:
        wrong = [c for c, m in self.near_homophones.items() if c in self.words or m not in self.words]
        if wrong:
            raise ValueError(f"near_homophones must map non-measure characters to measure words: {wrong}")
        return self


class Redundant(SubstitutionTable):
    """Leftovers of revision (RL303): a lexicon of slips and the doubled-word check."""

    doubled: DoubledWords = DoubledWords()


class Confusion(Model):
    """Characters confusable by sound and by shape, each pair once under its smaller character."""

    sound: dict[str, str] = {}
    shape: dict[str, str] = {}

    def kind(self, a: str, b: str) -> str | None:
        """``"sound"`` or ``"shape"`` when the characters ``a`` and ``b`` are confusable, else ``None``."""
        low, high = min(a, b), max(a, b)
        return next((name for name, table in (("sound", self.sound), ("shape", self.shape))
                     if high in table.get(low, ())), None)

    def partners(self, char: str) -> str:
        """The characters confusable with ``char`` by sound or shape, each once."""
        return self._partners.get(char, "")

    @cached_property
    def _partners(self) -> dict[str, str]:
        found: dict[str, dict[str, None]] = defaultdict(dict)
        for table in (self.sound, self.shape):
            for low, highs in table.items():
                for high in highs:
                    found[low][high] = None
                    found[high][low] = None
        return {char: "".join(others) for char, others in found.items()}


class NearVariant(Model):
    """Thresholds of the corpus near-variant rule (RL305)."""

    window: int = 4
    min_count: int = 3
    min_letters: int = 2
    leave_out: str = ""


class Tables(Model):
    """Every table the rules use."""

    reduplication: Reduplication = Reduplication()
    punctuation: Punctuation = Punctuation()
    lists: Lists = Lists()
    variants: Variants = Variants()
    organisations: Organisations = Organisations()
    termbase: Termbase = Termbase()
    agencies: Agencies = Agencies()
    figures: Figures = Figures()
    measure_words: MeasureWords = MeasureWords()
    redundant: Redundant = Redundant()
    confusables: SubstitutionTable = SubstitutionTable()
    confusion: Confusion = Confusion()
    near_variant: NearVariant = NearVariant()

    @model_validator(mode="after")
    def _no_overlap(self) -> Tables:
        overlap = set(self.reduplication.flag) & set(self.reduplication.clean)
        if overlap:
            raise ValueError(f"reduplication examples are both flag and clean: {sorted(overlap)}")
        return self


def builtin_dir() -> Path:
    """The folder of the built-in tables: inside the wheel, or ``rules/`` in a source checkout."""
    packaged = resources.files("replylint") / "_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "rules"


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = _merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = old + [v for v in value if v not in old]
        else:
            merged[key] = value
    return merged


def _read_dir(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            data[path.stem] = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise TableError(f"{path}: {exc}") from None
    return data


# The user's table folders of the run under way (the configuration's ``tables``).
_ACTIVE_DIRS: ContextVar[tuple[str, ...]] = ContextVar("replylint_table_dirs", default=())


@contextmanager
def user_tables(dirs: Sequence[str]) -> Iterator[None]:
    """Within the block, ``load_tables()`` merges the tables in ``dirs`` over the built-in ones."""
    token = _ACTIVE_DIRS.set(tuple(dirs))
    try:
        yield
    finally:
        _ACTIVE_DIRS.reset(token)


# How the run keeps values between runs (the letter cache's ``kept``): given a name and a
# function that makes the value, it returns the value kept under that name, or makes it.
Keeper = Callable[[str, Callable[[], Any]], Any]
_KEEPER: ContextVar[Keeper | None] = ContextVar("replylint_tables_keeper", default=None)


@contextmanager
def built_in_kept_by(keeper: Keeper) -> Iterator[None]:
    """Within the block, the validated built-in tables come from ``keeper``, which makes them
    once and keeps them for the runs of the same code and tables: reading and validating the
    TOML files takes 0.05 s a run, loading what was kept a tenth of that."""
    token = _KEEPER.set(keeper)
    try:
        yield
    finally:
        _KEEPER.reset(token)


def load_tables(extra_dirs: tuple[str, ...] | None = None) -> Tables:
    """The built-in tables merged with the tables in ``extra_dirs`` (default: the run's), validated."""
    return _load_tables(tuple(extra_dirs) if extra_dirs is not None else _ACTIVE_DIRS.get())


@lru_cache(maxsize=8)
def _load_tables(extra_dirs: tuple[str, ...]) -> Tables:
    keeper = _KEEPER.get()
    if extra_dirs or keeper is None:
        return _validated(extra_dirs)
    tables = keeper("tables", lambda: _validated(()))
    return tables if isinstance(tables, Tables) else _validated(())


def _validated(extra_dirs: tuple[str, ...]) -> Tables:
    """The built-in tables merged with the tables in ``extra_dirs``, read and validated."""
    data = _read_dir(builtin_dir())
    for folder in extra_dirs:
        for name, table in _read_dir(Path(folder)).items():
            data[name] = _merge(data.get(name, {}), table)
    try:
        return Tables.model_validate(data, context=None if extra_dirs else BUILT_IN)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise TableError(f"rules table {where}: {first['msg']}") from None
