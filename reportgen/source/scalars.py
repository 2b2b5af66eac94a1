"""What a plain YAML scalar means: YAML 1.2's core types, without YAML 1.1's surprises.

PyYAML follows YAML 1.1, where `yes`, `no`, `on` and `off` are booleans, `1:30` is the
number 90 (base 60), `0o12` and `012` are octal and `1_000` is a thousand. Staff type
none of these meaning that. Here only `true`/`false` are booleans, only digits (with an
optional decimal point and exponent) are numbers, `YYYY-MM-DD` is a date, and anything
else is text. What a field finally holds is decided later from the field's kind
(source/reading.py), from the scalar's text as written, which is always kept.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from reportgen.pyyaml import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

STR_TAG = "tag:yaml.org,2002:str"
MERGE_TAG = "tag:yaml.org,2002:merge"
# Tags a user may write explicitly (`!!str 05`); any other tag is almost always text
# that starts with "!" and was meant literally.
STANDARD_TAGS = {STR_TAG, MERGE_TAG, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
                 "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
                 "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

# The first characters a typed scalar can start with (null, true/false, numbers, dates);
# any other text is text.
_TYPED_STARTS = frozenset("0123456789+-.~nNtTfF")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")


class _TextResolver:
    """Every scalar is composed as text but the merge key `<<`: what PyYAML's resolver decides
    with only that implicit resolver, without looking up the table for each scalar."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode and not self.yaml_path_resolvers:
            return _implicit_tag(value, implicit)
        return super().resolve(kind, value, implicit)


class Loader(_TextResolver, _BaseLoader):
    """The C parser when available, with no implicit types: every plain scalar is composed
    as text and typed by `resolve_plain` (merge keys `<<` still work)."""

    yaml_implicit_resolvers: ClassVar[dict] = {}


Loader.add_implicit_resolver(MERGE_TAG, re.compile(r"^(?:<<)$"), ["<"])


class PurePythonLoader(_TextResolver, yaml.SafeLoader):
    """The same without libyaml (used where the C parser is not installed, and in tests)."""

    yaml_implicit_resolvers: ClassVar[dict] = {}


PurePythonLoader.add_implicit_resolver(MERGE_TAG, re.compile(r"^(?:<<)$"), ["<"])


def resolve_plain(text: str):
    """None, True/False, an int, a float, a date, or the text itself."""
    if text and text[0] not in _TYPED_STARTS:
        return text
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    match = _DATE.match(text)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            return text  # an impossible date: the field that expects a date says why
    return text


def _implicit_tag(value: str, implicit: tuple) -> str:
    return MERGE_TAG if implicit[0] and value == "<<" else STR_TAG


def scalar_tag(event: yaml.ScalarEvent) -> str:
    """The tag a scalar event is composed with: its own, else text (or merge for a plain `<<`),
    as `Loader` resolves it."""
    tag = event.tag
    if tag is None or tag == "!":
        return _implicit_tag(event.value, event.implicit)
    return tag


def is_plain(scalar) -> bool:
    """A scalar (node or event) written without quotes (libyaml says "", the Python parser None)."""
    return not scalar.style


def scalar_value(scalar, tag: str):
    """The value of a scalar (node or event) composed with `tag`: quoted and block scalars are
    text, plain ones resolved."""
    if scalar.style:
        return scalar.value
    return resolve_plain(scalar.value) if tag == STR_TAG else _explicit(scalar.value, tag)


def _explicit(text: str, tag: str):
    """`!!int 5`, `!!bool true`: honoured when the text fits, else the text."""
    value = resolve_plain(text)
    kinds = {"tag:yaml.org,2002:int": int, "tag:yaml.org,2002:float": (int, float),
             "tag:yaml.org,2002:bool": bool, "tag:yaml.org,2002:timestamp": dt.date}
    wanted = kinds.get(tag)
    if tag == "tag:yaml.org,2002:null":
        return None
    if wanted and isinstance(value, wanted):
        return value
    return text


# --- what YAML read otherwise than it was meant -------------------------------------------------

_DECIMAL_PART = re.compile(r"[-+]?[\d.]+")


def quoted(text: str) -> str:
    """The text as a YAML string (`yaml_errors.quoted`); that module is loaded only for a problem."""
    from reportgen.source.yaml_errors import quoted as yaml_quoted

    return yaml_quoted(text)


def split_decimal(previous, key, value, lines: list[str]) -> bool:
    """`{gia_tri: 95,5}`: the comma of a Vietnamese decimal read as the flow separator. The three
    are scalars (nodes or events): the value before, this pair's key and its value; `previous`
    and `value` None when they are not scalars."""
    if previous is None or value is None or value.value or not key.value.isdigit():
        return False
    if not (is_plain(previous) and _DECIMAL_PART.fullmatch(previous.value) and is_plain(value)):
        return False
    mark = key.start_mark
    line = lines[mark.line] if mark.line < len(lines) else ""
    return mark.column > 0 and line[mark.column - 1] == ","


def tag_problem(tag: str, mark, lines: list[str]) -> str:
    """A value YAML took for a tag (`!quan trọng`): almost always a text meant literally."""
    line = lines[mark.line] if mark.line < len(lines) else ""
    return (f'"{tag}" được YAML hiểu là một thẻ (tag) vì văn bản bắt đầu bằng dấu !; đặt cả văn bản trong '
            f"ngoặc kép, ví dụ: {quoted(line[mark.column:].strip())}")
