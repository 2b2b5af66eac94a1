"""The quick schema walk without cerberus: its types are cerberus's, a table kind (whose `nhom`
is one mapping or a list of them) is accepted quickly, and it never accepts what cerberus refuses."""

from __future__ import annotations

from pathlib import Path

import yaml
from cerberus import Validator
from conftest import mutated
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.source import conforms as C
from reportgen.source import schema as S

ROOT = Path(__file__).resolve().parents[1]
KINDS = sorted(ROOT.glob("templates/*/bang/*.yaml"))


def _flat(types) -> set:
    out = set()
    for kind in types if isinstance(types, tuple) else (types,):
        out |= _flat(kind) if isinstance(kind, tuple) else {kind}
    return out


def test_the_types_are_cerberus_types():
    assert set(C._TYPES) == set(Validator.types_mapping)
    for name, definition in Validator.types_mapping.items():
        included, excluded = C._TYPES[name]
        assert _flat(included) == _flat(definition.included_types), name
        assert _flat(excluded) == _flat(definition.excluded_types), name


def test_every_table_kind_takes_the_quick_path():
    assert KINDS
    for path in KINDS:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert Validator(S.TABLE_KIND).validate(data), path
        assert C.conforms(data, S.TABLE_KIND), path


def test_groups_of_the_wrong_shape_are_left_to_cerberus():
    data = yaml.safe_load(KINDS[0].read_text(encoding="utf-8"))
    for wrong in ("nhom", 3, [["x"]], {"khong_co": 1}, None):
        changed = dict(data, nhom=wrong)
        assert not C.conforms(changed, S.TABLE_KIND), wrong
        assert not Validator(S.TABLE_KIND).validate(changed), wrong


VALUES = st.one_of(st.none(), st.booleans(), st.integers(-3, 20), st.text(max_size=5),
                   st.sampled_from(["lien_tuc", "theo_nhom", "ma", "ten", "giua"]), st.just([]), st.just({}),
                   st.just([{"ten": "a"}]), st.just({"ten": "a"}), st.just(["a"]))


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(KINDS) - 1), st.integers(0, 10**6), st.sampled_from(["replace", "delete", "add"]),
       VALUES, st.sampled_from(["x", "ten", "ma", "nhom", "cot", "in_hoa"]))
def test_a_table_kind_changed_anywhere_is_never_wrongly_accepted(which, choice, action, value, key):
    document = mutated(yaml.safe_load(KINDS[which].read_text(encoding="utf-8")), choice, action, value, key)
    assert not C.conforms(document, S.TABLE_KIND) or Validator(S.TABLE_KIND).validate(document)


class _Text(str):
    pass


VALUES = [None, "", "a", _Text("a"), 0, 1.5, True, [], ["a"], [1, "a"], (), ("a",), {}, {"a": 1}, {"a": "b"},
          __import__("collections").UserList(["a"]),
          __import__("collections").OrderedDict(a="b")]
RULES = [{"type": "list"}, {"type": "dict"}, {"type": "string"}, {"type": ["list", "string"]},
         {"type": "list", "schema": {"type": "string"}}, {"type": "dict", "valuesrules": {"type": "string"}},
         {"type": "dict", "schema": {"a": {"type": "string"}}}, {"allowed": ["a", "b"]}, {"nullable": True}]


def test_the_quick_walk_agrees_with_cerberus_on_every_kind_of_value():
    """Plain dict, list and str take a shorter way through the quick walk; tuples, str
    subclasses and the other mappings and sequences still get cerberus's answer or a doubt."""
    for rules in RULES:
        for value in VALUES:
            schema = {"x": rules}
            if C.conforms({"x": value}, schema):
                assert Validator(schema).validate({"x": value}), (rules, value)
