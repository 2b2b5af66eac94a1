"""@record means what @dataclass means: fields, defaults, equality, hashing, repr, frozen, slots."""

from __future__ import annotations

import dataclasses
from dataclasses import field

import pytest

from reportgen.document import Paragraph, Span
from reportgen.errors import Diagnostic
from reportgen.records import record


@record
class Row:
    label: str
    values: list = field(default_factory=list)
    note: str = ""


@record(frozen=True)
class Code:
    kind: str
    number: int = 0


@record(slots=True)
class Cell:
    text: str
    span: int = 1


@record
class Nothing:
    pass


def test_fields_defaults_and_factories_as_dataclass():
    first, second = Row("a"), Row("a")
    first.values.append(1)
    assert second.values == []  # each row its own list
    assert [f.name for f in dataclasses.fields(Row)] == ["label", "values", "note"]
    assert dataclasses.replace(Row("a", [1]), note="x") == Row("a", [1], "x")
    assert dataclasses.asdict(Row("a", [1])) == {"label": "a", "values": [1], "note": ""}


def test_equality_needs_the_same_class_and_equal_fields():
    assert Row("a", [1]) == Row("a", [1])
    assert Row("a", [1]) != Row("a", [2])
    assert Row("a") != ("a", [], "")
    assert Nothing() == Nothing()

    @record
    class OtherRow:
        label: str
        values: list = field(default_factory=list)
        note: str = ""

    assert Row("a") != OtherRow("a")


def test_only_frozen_records_hash_and_they_refuse_assignment():
    assert {Code("x", 1): "ok"}[Code("x", 1)] == "ok"
    assert hash(Code("x", 1)) == hash(Code("x", 1))
    with pytest.raises(TypeError):
        hash(Row("a"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        Code("x").number = 2


def test_repr_names_every_field():
    assert repr(Row("a", [1])) == "Row(label='a', values=[1], note='')"
    assert repr(Code("x")) == "Code(kind='x', number=0)"
    assert repr(Nothing()) == "Nothing()"


def test_slots_records_have_no_instance_dict():
    cell = Cell("x")
    assert not hasattr(cell, "__dict__")
    assert cell == Cell("x", 1) and cell != Cell("x", 2)
    with pytest.raises(AttributeError):
        cell.other = 1


def test_the_project_classes_compare_by_their_fields():
    assert Paragraph("body", [Span("Kính gửi")]) == Paragraph("body", [Span("Kính gửi")])
    assert Paragraph("body", [Span("a")]) != Paragraph("body", [Span("a", bold=True)])
    assert dataclasses.is_dataclass(Diagnostic)


def test_a_class_without_docstring_gets_a_short_one():
    assert Row.__doc__ == "Row(label, values, note)"
