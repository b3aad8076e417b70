"""The shared value types: frozen pydantic models that share their sets of field names."""

from __future__ import annotations

import pickle
import pickletools

from replylint.models import Model, Span

SPAN = {"start": 3, "end": 5, "line": 1, "column": 4, "end_line": 1, "end_column": 6}


def test_models_built_with_the_same_fields_share_one_set_of_field_names():
    first, second = Span(**SPAN), Span(**{**SPAN, "start": 4})
    assert first.model_fields_set == set(SPAN)
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__


def test_models_of_one_class_built_with_other_fields_keep_a_set_of_their_own():
    from replylint.models import Location

    place = {"path": "a.txt", "line": 1, "column": 1, "end_line": 1, "end_column": 2, "text": "甲"}
    bare, with_role = Location(**place), Location(**place, role="rare")
    assert bare.model_fields_set == set(place)
    assert with_role.model_fields_set == {*place, "role"}
    assert Location(**place, role="common").__pydantic_fields_set__ is with_role.__pydantic_fields_set__


def test_a_copy_with_changes_does_not_change_the_set_of_the_models_it_was_shared_with():
    from replylint.models import Location

    bare = Location(path="a.txt", line=1, column=1, end_line=1, end_column=2, text="甲")
    other = Location(path="b.txt", line=2, column=1, end_line=2, end_column=2, text="乙")
    changed = bare.model_copy(update={"role": "rare"})
    assert changed.model_fields_set == bare.model_fields_set | {"role"}
    assert bare.model_fields_set == other.model_fields_set == {"path", "line", "column", "end_line", "end_column", "text"}


def test_a_pickled_model_shares_the_set_of_the_models_built_here():
    back = pickle.loads(pickle.dumps(Span(**SPAN)))
    assert back == Span(**SPAN)
    assert back.__pydantic_fields_set__ is Span(**SPAN).__pydantic_fields_set__


def test_a_span_built_without_validation_is_the_span_validation_builds():
    fast, checked = Span.of(*SPAN.values()), Span(**SPAN)
    assert fast == checked and hash(fast) == hash(checked) and repr(fast) == repr(checked)
    assert fast.__pydantic_fields_set__ is checked.__pydantic_fields_set__
    assert fast.model_dump() == SPAN


def test_a_pickled_model_keeps_which_of_its_fields_were_set():
    from replylint.models import Location

    bare = Location(path="a.txt", line=1, column=1, end_line=1, end_column=2, text="甲")
    full = bare.model_copy(update={"role": None, "where": None})
    for model in (bare, full):
        back = pickle.loads(pickle.dumps(model))
        assert back == model and back.model_fields_set == model.model_fields_set
        assert back.__pydantic_fields_set__ is pickle.loads(pickle.dumps(model)).__pydantic_fields_set__  # one set
    assert pickle.loads(pickle.dumps(bare)).__pydantic_fields_set__ is bare.__pydantic_fields_set__
    other = Location(path="b.txt", line=2, column=1, end_line=2, end_column=2, text="乙")
    # The models' names set is one tuple, pickled once: the second model adds only its arguments' tuple.
    assert _tuples(pickle.dumps([bare, other])) == _tuples(pickle.dumps([bare])) + 1


def _tuples(data: bytes) -> int:
    """How many tuples a pickle builds."""
    return sum(1 for op, _, _ in pickletools.genops(data) if op.name.startswith("TUPLE"))


class One(Model):
    """A model of one field."""

    value: int = 0


class Empty(Model):
    """A model without fields."""


def test_models_of_one_field_and_of_none_come_back_from_a_pickle():
    for model in (One(value=7), One(), Empty()):
        back = pickle.loads(pickle.dumps(model))
        assert back == model and back.model_fields_set == model.model_fields_set


def test_a_pickle_leaves_out_what_a_cached_property_kept_in_the_model():
    from replylint.tables import MeasureWords

    words = MeasureWords(measure="家 亿元 万平方米")  # of different lengths: their order is fixed
    assert words.words == ("万平方米", "亿元", "家")  # kept in the model's __dict__ from now on
    back = pickle.loads(pickle.dumps(words))
    assert set(back.__dict__) == set(MeasureWords.model_fields)
    assert back == words and back.words == words.words
