"""A quick yes to "does this mapping satisfy its cerberus schema?", for the common case.

Cerberus builds a child validator (and checks its schema) for every nested mapping and
list item, which costs milliseconds per file: a roll-up reads thousands. `conforms()`
walks the same rules directly. It answers True only when it is sure cerberus would
accept the document; on any doubt (a failed rule, a rule it does not know) it answers
False and the caller runs cerberus, which finds and words the problems. So it changes
the speed of validation, never its outcome.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container, Mapping, Sequence, Sized
from functools import lru_cache

# cerberus's types (Validator.types_mapping) as (included, excluded) classes, written here so
# that the quick walk does not import cerberus (and importlib.metadata, which it imports): most
# reports never need cerberus. tests/test_conforms_types.py holds them equal to cerberus's.
_TYPES = {
    "binary": ((bytes, bytearray), ()),
    "boolean": ((bool,), ()),
    "container": ((Container,), (str,)),
    "date": ((dt.date,), ()),
    "datetime": ((dt.datetime,), ()),
    "dict": ((Mapping,), ()),
    "float": ((float, int), ()),
    "integer": ((int,), ()),
    "list": ((Sequence,), (str,)),
    "number": ((int, float), (bool,)),
    "set": ((set,), ()),
    "string": ((str,), ()),
}
_HANDLED = {"type", "required", "nullable", "empty", "regex", "allowed", "min", "max", "excludes", "dependencies",
            "schema", "valuesrules", "keysrules", "meta"}


@lru_cache(maxsize=256)
def _pattern(regex: str) -> re.Pattern:
    return re.compile(regex if regex.endswith("$") else regex + "$")  # as cerberus anchors it


# The checks against the abstract classes, for the plain dict, list and str that YAML gives
# first (an abstract class's isinstance is several times slower than a type's identity).
def _is_mapping(value) -> bool:
    return type(value) is dict or isinstance(value, Mapping)


def _is_list(value) -> bool:
    kind = type(value)
    return kind is list or (kind is not str and kind is not dict and isinstance(value, Sequence)
                            and not isinstance(value, str))


# The types whose check is one of those above (each the same as its _TYPES entry).
_TYPE_CHECKS = {"dict": _is_mapping, "list": _is_list}


def _has_type(value, names) -> bool:
    for name in names if isinstance(names, list) else [names]:
        kind = _TYPES.get(name)
        if kind is None:
            return False
        check = _TYPE_CHECKS.get(name)
        if check is not None:
            if check(value):
                return True
            continue
        included, excluded = kind
        if isinstance(value, included) and not isinstance(value, excluded):
            return True
    return False


def _names(rule) -> list:
    return rule if isinstance(rule, (list, tuple)) else [rule]


def _oneof_conforms(value, rules: dict, document: Mapping) -> bool:
    """`oneof` whose choices each name a type (a mapping or a list of them): sure when the value
    has the type of exactly one choice, so the others fail, and satisfies that one (with the
    field's other rules, as cerberus merges them)."""
    choices = rules["oneof"]
    if not isinstance(choices, (list, tuple)) or not all(isinstance(c, dict) and "type" in c for c in choices):
        return False
    typed = [choice for choice in choices if _has_type(value, choice["type"])]
    others = {rule: constraint for rule, constraint in rules.items() if rule != "oneof"}
    return len(typed) == 1 and _value_conforms(value, {**others, **typed[0]}, document)


def _value_conforms(value, rules: dict, document: Mapping) -> bool:
    if "oneof" in rules:
        return _oneof_conforms(value, rules, document)
    if not _HANDLED.issuperset(rules):
        return False
    if value is None:
        return bool(rules.get("nullable"))
    kind = type(value)
    if kind is str or kind is list or kind is dict:
        if not value:
            return False  # empty values skip some rules in cerberus: let it decide
    elif isinstance(value, Sized) and not isinstance(value, (int, float)) and len(value) == 0:
        return False
    if "type" in rules and not _has_type(value, rules["type"]):
        return False
    if "regex" in rules and isinstance(value, str) and not _pattern(rules["regex"]).match(value):
        return False
    if "allowed" in rules:
        items = value if _is_list(value) else [value]
        try:
            if any(item not in rules["allowed"] for item in items):
                return False
        except TypeError:
            return False
    try:
        if "min" in rules and value < rules["min"] or "max" in rules and value > rules["max"]:
            return False
    except TypeError:
        return False
    if any(other in document for other in _names(rules.get("excludes", []))):
        return False
    dependencies = rules.get("dependencies")
    if dependencies is not None and (isinstance(dependencies, Mapping)
                                     or any(d not in document for d in _names(dependencies))):
        return False
    return _nested_conforms(value, rules)


def _nested_conforms(value, rules: dict) -> bool:
    inner = rules.get("schema")
    is_list = _is_list(value)
    if inner is not None and _is_mapping(value) and not conforms(value, inner):
        return False
    if inner is not None and is_list and not all(_value_conforms(item, inner, {}) for item in value):
        return False
    for rule, items in (("valuesrules", lambda m: m.values()), ("keysrules", lambda m: m)):
        if rule in rules and (not _is_mapping(value)
                              or not all(_value_conforms(v, rules[rule], {}) for v in items(value))):
            return False
    return True


def _unrequired_by_excludes(key: str, document: Mapping, schema: dict) -> bool:
    """Cerberus lifts `required` from a field another required field present excludes
    (how a schema says "exactly one of dong and nhom")."""
    return any(isinstance(schema.get(present), dict) and schema[present].get("required")
               and key in _names(schema[present].get("excludes", [])) for present in document)


def conforms(document, schema: dict, allow_unknown: bool = False) -> bool:
    """True only when cerberus would surely accept `document` against `schema`."""
    if not _is_mapping(document):
        return False
    if not allow_unknown and any(key not in schema for key in document):
        return False
    for key, rules in schema.items():
        if not isinstance(rules, dict):
            return False
        if key not in document:
            if rules.get("required") and not _unrequired_by_excludes(key, document, schema):
                return False
            continue
        if not _value_conforms(document[key], rules, document):
            return False
    return True
