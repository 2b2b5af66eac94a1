"""Validation: the cerberus schema, then the rules a schema cannot say.

Every problem becomes a Diagnostic naming file, line, column, the field and
what was expected, in Vietnamese. All problems are collected in one run.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from reportgen.errors import Diagnostics, suggestion
from reportgen.formatting import days_in_month
from reportgen.source import schema as S
from reportgen.source.conforms import conforms
from reportgen.source.loader import LoadedYaml
from reportgen.source.markup import check_markup
from reportgen.source.reading import read_values, unreadable

if TYPE_CHECKING:
    from cerberus import Validator

# cerberus (and importlib.metadata, which it imports) is imported only when the quick walk
# (conforms) is in doubt: a report that conforms never needs it.

_TYPE_NAMES = {
    "string": "một chuỗi văn bản",
    "integer": "một số nguyên",
    "number": "một số",
    "date": "một ngày (ví dụ 31/10/2025, ngày 31 tháng 10 năm 2025 hoặc 2025-10-31)",
    "dict": "một khối khóa: giá trị",
    "list": "một danh sách (các dòng bắt đầu bằng \"- \")",
    "boolean": "true hoặc false",
}


def _type_name(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "số nguyên"
    if isinstance(value, float):
        return "số thập phân"
    if isinstance(value, (dt.date, dt.datetime)):
        return "ngày"
    if isinstance(value, str):
        return "chuỗi"
    if isinstance(value, dict):
        return "khối khóa: giá trị"
    if isinstance(value, list):
        return "danh sách"
    if value is None:
        return "giá trị rỗng"
    return type(value).__name__


def _expected_types(constraint) -> str:
    names = constraint if isinstance(constraint, list) else [constraint]
    return " hoặc ".join(_TYPE_NAMES.get(n, n) for n in names)


def _leaf_errors(error_list):
    from cerberus import errors as cerr

    for error in error_list:
        if error.is_group_error and error.code not in (cerr.NONEOF.code, cerr.ONEOF.code, cerr.ANYOF.code):
            yield from _leaf_errors(error.child_errors)
        else:
            yield error


def _message(error, known: list[str]) -> str:
    from cerberus import errors as cerr

    code = error.code
    if code == cerr.UNKNOWN_FIELD.code:
        field = error.document_path[-1]
        return f'khóa "{field}" không được dùng ở đây{suggestion(field, known)}'
    if code == cerr.REQUIRED_FIELD.code:
        return f'thiếu trường bắt buộc "{error.document_path[-1]}"'
    if code == cerr.BAD_TYPE.code:
        return f"cần {_expected_types(error.constraint)}, nhưng đang là {_type_name(error.value)}"
    if code in (cerr.EMPTY_NOT_ALLOWED.code, cerr.NOT_NULLABLE.code):
        return "không được để trống"
    if code == cerr.UNALLOWED_VALUE.code:
        allowed = ", ".join(str(a) for a in error.constraint)
        return f'giá trị "{error.value}" không hợp lệ; chọn một trong: {allowed}{suggestion(error.value, error.constraint)}'
    if code == cerr.REGEX_MISMATCH.code:
        return f'giá trị "{error.value}" không đúng dạng'
    if code == cerr.MIN_VALUE.code:
        return f"giá trị {error.value} nhỏ hơn mức thấp nhất {error.constraint}"
    if code == cerr.MAX_VALUE.code:
        return f"giá trị {error.value} lớn hơn mức cao nhất {error.constraint}"
    if code == cerr.MIN_LENGTH.code:
        return "danh sách không được để trống"
    if code == cerr.DEPENDENCIES_FIELD.code:
        needed = error.constraint if isinstance(error.constraint, (list, tuple)) else [error.constraint]
        return f'khi có "{error.document_path[-1]}" thì phải có cả {", ".join(needed)}'
    if code == cerr.EXCLUDES_FIELD.code:
        other = error.constraint if isinstance(error.constraint, str) else ", ".join(error.constraint)
        return f'không dùng "{error.document_path[-1]}" cùng với "{other}"'
    return f"giá trị không hợp lệ ({error.rule})"


def _keys_at(schema: dict, parent: tuple) -> list[str]:
    """The keys the schema allows in the mapping at `parent` (for "did you mean" suggestions)."""
    current = schema  # a mapping schema: key -> rules
    for part in parent:
        if isinstance(part, int):
            continue  # a list index: the item's schema was taken with the list's key
        inner = current.get(part, {}).get("schema", {})
        current = inner.get("schema", {}) if inner.get("type") == "dict" else inner  # a list of mappings
    return list(current)


_VALIDATORS: dict = {}


def _validator(schema: dict, allow_unknown: bool) -> Validator:
    """One validator per schema: building one checks the schema itself, which costs more than
    validating a small mapping (a roll-up validates thousands of files against the same schema)."""
    key = (id(schema), allow_unknown)
    if key not in _VALIDATORS:
        from cerberus import Validator

        _VALIDATORS[key] = (schema, Validator(schema, allow_unknown=allow_unknown))  # keeps `schema` alive
    return _VALIDATORS[key][1]


def check_mapping(document: dict, schema: dict, path: tuple, loaded: LoadedYaml, diags: Diagnostics,
                  allow_unknown: bool = False) -> bool:
    """Validate one mapping against a cerberus schema; report every error with its location.

    Each value is first read for its field's kind from the text as typed (source/reading.py)."""
    errors_before = len(diags.errors)
    read_values(document, schema, path, loaded, diags)
    read_failed = len(diags.errors) > errors_before
    if conforms(document, schema, allow_unknown):  # the quick walk; cerberus only when in doubt
        return not read_failed
    validator = _validator(schema, allow_unknown)
    if validator.validate(document):
        return not read_failed
    from cerberus import errors as cerr

    for error in _leaf_errors(validator._errors):
        field = path + tuple(error.document_path)
        if unreadable(loaded, field):
            continue  # already said why it could not be read
        where = loaded.where_key(field) if error.code == cerr.UNKNOWN_FIELD.code else loaded.where(field)
        diags.error(where, _message(error, _keys_at(schema, tuple(error.document_path[:-1]))), field)
    return False


# --- the body -------------------------------------------------------------------------

def block_kind(block: dict) -> list[str]:
    return [key for key in S.BLOCKS if key in block]


def check_blocks(blocks, path: tuple, loaded: LoadedYaml, diags: Diagnostics, kinds=tuple(S.BLOCKS)) -> None:
    if not isinstance(blocks, list):
        diags.error(loaded.where(path), f"cần {_TYPE_NAMES['list']}, nhưng đang là {_type_name(blocks)}", path)
        return
    for index, block in enumerate(blocks):
        here = path + (index,)
        if isinstance(block, str):
            continue
        if not isinstance(block, dict):
            diags.error(loaded.where(here), f"mỗi khối phải là một đoạn văn bản hoặc một khối như muc:, khoan:, gach:; "
                                            f"đang là {_type_name(block)}", here)
            continue
        found = [k for k in block_kind(block) if k in kinds]
        if len(found) != 1:
            keys = ", ".join(kinds)
            if not found:
                unknown = next(iter(block), "")
                hint = suggestion(unknown, kinds)
                diags.error(loaded.where_key(here + (unknown,)) if unknown else loaded.where(here),
                            f'không rõ loại khối "{unknown}"{hint}; dùng một trong: {keys}', here)
            else:
                diags.error(loaded.where(here), f"một khối chỉ có một loại, ở đây có {', '.join(found)}", here)
            continue
        kind = found[0]
        if not check_mapping(block, S.BLOCKS[kind], here, loaded, diags):
            continue
        if "noi_dung" in block:
            inner = kinds if kind in ("muc", "khoan", "diem", "liet_ke", "doan") else \
                tuple(k for k in kinds if k in ("doan", "gach", "cong", "liet_ke", "bang"))
            check_blocks(block["noi_dung"], here + ("noi_dung",), loaded, diags, inner)


# --- rules a schema cannot say ---------------------------------------------------------

SYMBOL_PATTERN = re.compile(r"^[A-ZĐ][A-ZĐa-zđ0-9]*(-[A-ZĐ][A-ZĐ0-9]*)+$")
AUTHORITY_PREFIXES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")
_KIND_CODES = {"bao_cao": "BC", "to_trinh": "TTr", "ke_hoach": "KH", "thong_bao": "TB"}


def _check_symbol(data: dict, kind: str, loaded: LoadedYaml, diags: Diagnostics) -> None:
    symbol = data.get("ky_hieu")
    if not isinstance(symbol, str):
        return
    where = loaded.where(("ky_hieu",))
    if not SYMBOL_PATTERN.match(symbol):
        diags.error(where, f'ký hiệu "{symbol}" không đúng dạng: viết hoa, các phần nối bằng dấu gạch nối, '
                           "ví dụ BC-UBND (báo cáo) hoặc UBND-KSTT (công văn)", ("ky_hieu",))
        return
    first = symbol.split("-")[0]
    if kind == "cong_van" and first == "CV":
        diags.error(where, 'công văn không có mã loại "CV" trong ký hiệu: viết mã cơ quan trước, ví dụ UBND-KSTT',
                    ("ky_hieu",))
    expected = _KIND_CODES.get(kind)
    if expected and first != expected:
        diags.error(where, f'ký hiệu của văn bản loại này phải bắt đầu bằng "{expected}-", đang là "{symbol}"',
                    ("ky_hieu",))


def _check_number(data: dict, loaded: LoadedYaml, diags: Diagnostics) -> None:
    number = data.get("so")
    if number is None or isinstance(number, int):
        if isinstance(number, int) and number <= 0:
            diags.error(loaded.where(("so",)), "số văn bản phải lớn hơn 0", ("so",))
        return
    if isinstance(number, str) and number.strip() and not number.strip().isdigit():
        diags.error(loaded.where(("so",)), f'số văn bản "{number}" phải là một số (không ghi năm, không ghi ký hiệu '
                                          "ở đây; ký hiệu đặt ở ky_hieu)", ("so",))


def _check_draft_date(data: dict, loaded: LoadedYaml, diags: Diagnostics) -> None:
    value = data.get("ngay")
    if not isinstance(value, dict) or not value.get("ngay"):
        return
    year, month, day = value.get("nam"), value.get("thang"), value.get("ngay")
    if isinstance(year, int) and isinstance(month, int) and isinstance(day, int) and 1 <= month <= 12:
        last = days_in_month(year, month)
        if day > last:
            diags.error(loaded.where(("ngay", "ngay")), f"ngày {day} không có trong tháng {month}/{year} "
                                                       f"(tháng này có {last} ngày)", ("ngay", "ngay"))


def _check_signature(data: dict, loaded: LoadedYaml, diags: Diagnostics) -> None:
    signature = data.get("chu_ky")
    if not isinstance(signature, dict):  # a text or a list: the schema check reports it
        return
    lines = signature.get("tham_quyen") or []
    lines = [lines] if isinstance(lines, str) else lines
    for i, line in enumerate(lines):
        if isinstance(line, str) and not line.startswith(AUTHORITY_PREFIXES):
            field = ("chu_ky", "tham_quyen", i)
            diags.error(loaded.where(field), f'dòng thẩm quyền "{line}" phải bắt đầu bằng một trong: '
                                             f'{", ".join(AUTHORITY_PREFIXES)}', field)


def _check_unique_ids(data: dict, key: str, what: str, loaded: LoadedYaml, diags: Diagnostics) -> None:
    seen: dict[str, tuple] = {}
    for i, item in enumerate(data.get(key) or []):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        field = (key, i, "id")
        if item["id"] in seen:
            diags.error(loaded.where(field), f'{what} "{item["id"]}" được khai báo hai lần', field,
                        related=loaded.where(seen[item["id"]]))
        else:
            seen[item["id"]] = field


def check_report(loaded: LoadedYaml, default_kind: str = "bao_cao") -> Diagnostics:
    """Schema and shape rules for a whole report file (with its includes merged)."""
    diags = Diagnostics(list(loaded.warnings))
    data = loaded.data
    check_mapping(data, S.REPORT, (), loaded, diags)
    check_markup(loaded, diags)
    if isinstance(data.get("noi_dung"), list):
        check_blocks(data["noi_dung"], ("noi_dung",), loaded, diags)
    for i, appendix in enumerate(data.get("phu_luc") or []):
        if isinstance(appendix, dict) and isinstance(appendix.get("noi_dung"), list):
            check_blocks(appendix["noi_dung"], ("phu_luc", i, "noi_dung"), loaded, diags)
    kind = data.get("loai_van_ban") if isinstance(data.get("loai_van_ban"), str) else default_kind
    _check_symbol(data, kind, loaded, diags)
    _check_number(data, loaded, diags)
    _check_draft_date(data, loaded, diags)
    _check_signature(data, loaded, diags)
    _check_unique_ids(data, "chi_tieu", "chỉ tiêu", loaded, diags)
    _check_unique_ids(data, "phu_luc", "phụ lục", loaded, diags)
    return diags


def check_figures(loaded: LoadedYaml) -> Diagnostics:
    """A figures-only file (a unit's figures, a roll-up): `don_vi`, `ky`, `chi_tieu`, `phu_luc`."""
    diags = Diagnostics(list(loaded.warnings))
    data = loaded.data
    check_mapping(data, S.FIGURES, (), loaded, diags)
    for i, appendix in enumerate(data.get("phu_luc") or []):
        if isinstance(appendix, dict) and isinstance(appendix.get("noi_dung"), list):
            check_blocks(appendix["noi_dung"], ("phu_luc", i, "noi_dung"), loaded, diags)
    _check_unique_ids(data, "chi_tieu", "chỉ tiêu", loaded, diags)
    _check_unique_ids(data, "phu_luc", "phụ lục", loaded, diags)
    return diags
