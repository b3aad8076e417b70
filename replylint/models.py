"""The shared value types: spans, locations, fixes and findings.

Every model is frozen and forbids unknown fields: models are hashable, safe to share between
rules, and a typo in data fails when it is loaded rather than silently later.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
Lang = Literal["zh", "en"]


M = TypeVar("M", bound="Model")


class Model(BaseModel):
    """Base of every replylint model: immutable, strict about its fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    def model_post_init(self, context: Any, /) -> None:
        # Every model of a class built with the same fields shares one set of their names:
        # pydantic gives each instance a set of its own, 728 bytes, which was two thirds of
        # a span's memory and a third of a corpus's. Sharing is safe because the models are
        # frozen: only a copy's set is ever changed (model_copy copies it first).
        given = self.__pydantic_fields_set__
        every = _fields(type(self))[1]
        shared = every if len(given) == len(every) else _shared_fields_set(tuple(sorted(given)))
        object.__setattr__(self, "__pydantic_fields_set__", shared)

    @classmethod
    def trusted(cls: type[M], **values: Any) -> M:
        """A model of ``values``, which the caller has built with the declared types: not
        validated (extraction builds about a hundred models a letter, and validating took
        twice as long as building). Fields left out take their defaults; an unknown or a
        missing required field is still an error."""
        template, required = _template(cls)
        data = dict(template)
        data.update(values)
        if len(data) != len(template) or not required <= values.keys():
            raise TypeError(f"{cls.__name__}: unknown or missing fields in {sorted(values)}")
        return _rebuild(cls, data, None if len(values) == len(template) else tuple(sorted(values)))

    def __reduce__(self) -> tuple:
        # A pickle the letter cache loads fast (it loads thousands of models): the dict of
        # field values itself, which the unpickler builds in C, and, unless every field was
        # set (the common case), the names of those set as one tuple that every model with
        # them shares, so that a letter's pickle holds it once; rebuilt without validation,
        # as pydantic's own does. Values a cached_property keeps in the dict are left out.
        cls = type(self)
        names, every = _fields(cls)
        data = self.__dict__
        if len(data) != len(every):
            data = {name: data[name] for name in names}
        if len(self.__pydantic_fields_set__) == len(every):
            return _rebuild, (cls, data)
        return _rebuild, (cls, data, _names_of(self.__pydantic_fields_set__))


@cache
def _fields(cls: type[Model]) -> tuple[tuple[str, ...], set[str]]:
    """The names of a model class's fields, in order, and the shared set of all of them."""
    names = tuple(cls.__pydantic_fields__)
    return names, _shared_fields_set(tuple(sorted(names)))


def _shared_fields_set(names: tuple[str, ...]) -> set[str]:
    """The one set of field names shared by every model whose fields set are ``names`` (sorted)."""
    shared = _FIELDS_SETS.get(names)
    if shared is None:
        shared = _FIELDS_SETS[names] = set(names)
        _NAMES[id(shared)] = names
    return shared


def _names_of(fields_set: set[str]) -> tuple[str, ...]:
    """The sorted names of a set of fields, one tuple for every set equal to it."""
    names = _NAMES.get(id(fields_set))
    return names if names is not None and _FIELDS_SETS[names] is fields_set else tuple(sorted(fields_set))


_FIELDS_SETS: dict[tuple[str, ...], set[str]] = {}
_NAMES: dict[int, tuple[str, ...]] = {}  # by id of a shared set, its key in _FIELDS_SETS


@cache
def _template(cls: type[Model]) -> tuple[dict[str, Any], frozenset[str]]:
    """Every field of a model class in order with its default (``None`` for a required
    field), and the names of the required fields."""
    fields = cls.__pydantic_fields__
    return {name: info.default if not info.is_required() else None for name, info in fields.items()}, frozenset(
        name for name, info in fields.items() if info.is_required()
    )


def _rebuild(cls: type[M], data: dict[str, Any], fields_set: tuple[str, ...] | None = None) -> M:
    """A model of class ``cls`` with the field values ``data`` (in field order) and the sorted
    names ``fields_set`` of the fields set (``None``: all of them), as validation would leave
    it; nothing is validated. Pickles and the unvalidated constructors all end here, in one
    function call: unpickling a cached letter builds about 140 models."""
    model = _new(cls)
    _set_dict(model, data)
    _set_fields_set(model, _fields(cls)[1] if fields_set is None else (
        _FIELDS_SETS.get(fields_set) or _shared_fields_set(fields_set)))
    _set_extra(model, None)
    _set_private(model, None)
    return model


_new = object.__new__
# The setters of BaseModel's slots themselves: a third faster than object.__setattr__, which
# looks each name up first (a cached letter sets them on 140 models).
_set_dict, _set_fields_set, _set_extra, _set_private = (
    vars(BaseModel)[name].__set__ for name in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")
)


class Span(Model):
    """A stretch of a letter's original text.

    ``start``/``end`` are code-point offsets into the decoded original text (end exclusive);
    ``line``/``column`` are 1-based and count code points; ``end_line``/``end_column`` name
    the position just after the last character, as SARIF regions do.
    """

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of(cls, start: int, end: int, line: int, column: int, end_line: int, end_column: int) -> Span:
        """The span of these offsets and positions, which the caller has computed as ints.

        Built without validation: a letter has about 80 spans, and validating each took
        twice as long as building it.
        """
        return _rebuild(
            cls, {"start": start, "end": end, "line": line, "column": column, "end_line": end_line, "end_column": end_column}
        )


class Origin(Model):
    """Where a stretch of text extracted from a document (.docx, PDF, HTML) comes from.

    The stretch starts at offset ``start`` of the extracted text and lies at ``place`` in the
    document (``"paragraph 12"``, ``"page 2, line 14"``, ``"div#zoom > p[4]"``); its first
    character is number ``first`` when counted in ``unit`` there.
    """

    start: int
    place: str
    unit: Literal["col", "offset"] = "offset"
    first: int = 0

    def where(self, offset: int) -> str:
        """The document position of extracted-text ``offset`` (at or after ``start``)."""
        return f"{self.place}, {self.unit} {self.first + offset - self.start}"


class Location(Model):
    """Where a finding points: a file, a span in it and the offending text itself.

    ``line``/``column`` count in the letter's text (for a document, the text extracted from
    it); ``where`` names the place in the document itself and is ``None`` for text files.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    role: str | None = None
    where: str | None = None

    def label(self) -> str:
        """Where this is, for a reader: ``path:line:column``, or ``path, paragraph 12, offset 5`` in a document."""
        return f"{self.path}, {self.where}" if self.where else f"{self.path}:{self.line}:{self.column}"

    @classmethod
    def at(cls, path: str, span: Span, text: str, role: str | None = None, where: str | None = None) -> Location:
        """Build a location from a span and the text it covers."""
        return cls.trusted(
            path=path,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            text=text,
            role=role,
            where=where,
        )


class Edit(Model):
    """Replace ``text[start:end]`` of the file at ``path`` by ``replacement``."""

    path: str
    start: int
    end: int
    replacement: str


class Fix(Model):
    """A safe, certain correction: one or more edits and what they do."""

    description: str
    edits: tuple[Edit, ...]


class Finding(Model):
    """A rule's verdict: what is wrong, where, how serious, and how to fix it if certain."""

    rule: str
    name: str
    group: str
    severity: Severity
    message_zh: str
    message_en: str
    locations: tuple[Location, ...]
    fix: Fix | None = None
    fingerprint: str

    def message(self, lang: Lang = "zh") -> str:
        """The message in the chosen language."""
        return self.message_zh if lang == "zh" else self.message_en

    def paths(self) -> set[str]:
        """Every file this finding points into."""
        return {loc.path for loc in self.locations}

    def sort_key(self) -> tuple:
        """Order findings by their first location, then by rule code, then by message (a fixed order for ties)."""
        first = self.locations[0] if self.locations else None
        if first is None:
            return ("", 0, 0, self.rule, self.message_en)
        return (first.path, first.line, first.column, self.rule, self.message_en)


class FileError(Model):
    """A file that could not be checked, and why, in one line."""

    path: str
    reason: str
