"""The quick schema walk that lets a roll-up read thousands of files: it may say "not sure",
never "valid" where cerberus would say "invalid"."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from cerberus import Validator
from conftest import mutated
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.errors import Diagnostics
from reportgen.source import schema as S
from reportgen.source.conforms import conforms
from reportgen.source.loader import load
from reportgen.source.reading import read_values

ROOT = Path(__file__).resolve().parents[1]
UNIT = ROOT / "inputs" / "tinh-vi-du-2025-quy-3" / "don-vi" / "99001-phuong-hoa-son.yaml"
REPORT = ROOT / "inputs" / "tinh-vi-du-2025-quy-3.yaml"

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**7), st.floats(-1, 1e6, allow_nan=False),
                    st.text(max_size=6), st.sampled_from(["", "xa", "tinh", "ngang", "a b", "x-1", "99001"]),
                    st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)), st.just([]), st.just({}),
                    st.just([1, "a"]), st.just({"ma": "1"}))


def read(path: Path, schema: dict) -> dict:
    """The data as validation sees it: every scalar read for its field's kind first."""
    loaded = load(path)
    read_values(loaded.data, schema, (), loaded, Diagnostics())
    return loaded.data


UNIT_DATA = read(UNIT, S.FIGURES)
REPORT_DATA = read(REPORT, S.REPORT)


def agrees(document, schema) -> bool:
    return not conforms(document, schema) or Validator(schema).validate(document)


def test_valid_files_take_the_quick_path():
    assert conforms(UNIT_DATA, S.FIGURES)
    assert conforms(REPORT_DATA, S.REPORT)


MUTATION = {"choice": st.integers(0, 10**6), "action": st.sampled_from(["replace", "delete", "add"]),
            "new_value": SCALARS, "new_key": st.sampled_from(["x", "id", "ten", "tu_so", "gia_tri", "ty_le", "ma"])}


@settings(max_examples=250, deadline=None)
@given(**MUTATION)
def test_a_unit_file_changed_anywhere_is_never_wrongly_accepted(choice, action, new_value, new_key):
    assert agrees(mutated(UNIT_DATA, choice, action, new_value, new_key), S.FIGURES)


@settings(max_examples=150, deadline=None)
@given(**MUTATION)
def test_a_report_changed_anywhere_is_never_wrongly_accepted(choice, action, new_value, new_key):
    assert agrees(mutated(REPORT_DATA, choice, action, new_value, new_key), S.REPORT)


def _edit(path: tuple, value):
    document = copy.deepcopy(UNIT_DATA)
    target = document
    for part in path[:-1]:
        target = target[part]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return document


def test_each_kind_of_mistake_is_left_to_cerberus():
    mistakes = [(("chi_tieu", 0, "id"), "a b"),                  # regex
                (("don_vi", "cap"), "huyen"),                      # allowed
                (("don_vi", "ma"), KeyError),                      # required
                (("chi_tieu", 0, "gia_tri"), 5),                   # excludes tu_so
                (("chi_tieu", 0, "mau_so"), KeyError),             # dependencies
                (("chi_tieu", 0, "tu_so"), "nhiều"),               # type
                (("chi_tieu", 2, "muc_tieu", 0, "thap_nhat"), "có"),
                (("chi_tieu", 0, "nhom"), ""),                     # empty
                (("ky",), None),                                   # nullable
                (("chi_tieu", 0, "khong_co"), 1)]                  # unknown key
    for path, value in mistakes:
        document = _edit(path, value)
        assert not Validator(S.FIGURES).validate(document), path
        assert not conforms(document, S.FIGURES), path
