"""A JSON Schema of the input format, generated from the cerberus schema (schema.py) and the
table kinds of the templates.

Editors (VS Code's YAML extension and others using yaml-language-server) use it to complete
keys, show what each key means (key_docs.py) and flag mistakes as staff type. It is derived,
never written by hand, so it cannot drift: `reportgen schema` writes it, reading the project's
templates/ and the built-in ones, so an appendix row is checked against the columns and statuses
of its table kind.

Required keys: items of a list (an indicator, an appendix, a group, a block) always; a report's
own keys and its mappings (co_quan, chu_ky) only in a file without `bao_gom`, since an included
file may give them.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import field
from pathlib import Path

from reportgen.records import record
from reportgen.source import schema as S
from reportgen.source.key_docs import DESCRIPTIONS, EXAMPLES
from reportgen.source.loader import load_plain
from reportgen.source.templates import template_names

SCHEMA_FILE = Path("schema", "reportgen.schema.json")
MODELINE_PREFIX = "# yaml-language-server: $schema="
ROW_CONTROL_KEYS = ("trang_thai", "ket_qua", "chi_tieu")

_SIMPLE = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean", "list": "array",
           "dict": "object"}


def _ref(name: str, description: str | None = None) -> dict:
    out: dict = {"$ref": f"#/$defs/{name}"}
    if description:
        out["description"] = description
    return out


def describe(path: str, rules: dict | None = None) -> str | None:
    """The Vietnamese text of a key: its schema's own `mo_ta`, else key_docs by place, else by name."""
    own = ((rules or {}).get("meta") or {}).get("mo_ta")
    if own:
        return own[0].upper() + own[1:]
    # a part of an indicator (thanh_phan) reads like the indicator itself; a group inside a
    # group like a group
    general = re.sub(r"(\.nhom)+", ".nhom", path.replace(".thanh_phan", ""))
    return DESCRIPTIONS.get(path) or DESCRIPTIONS.get(general)


# What the reader accepts (source/reading.py, formatting.read_number/read_date): figures the
# Vietnamese way (1.423.297, 95,09) and dates day first (31/10/2025, ngày 31 tháng 10 năm 2025).
NUMBER_TEXT = r"^[-+−]?(\d{1,3}([. \u00a0]\d{3})+|\d+)(,\d+)?$"
DATE_TEXT = (r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}"
             r"|([Nn]gày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})$")


def _one_type(name: str, rules: dict, path: str) -> dict:
    if name == "date":
        return {"type": "string", "pattern": DATE_TEXT}
    if name in ("number", "integer"):
        return {"anyOf": [{"type": name}, {"type": "string", "pattern": NUMBER_TEXT}]}
    out: dict = {"type": _SIMPLE[name]}
    inner = rules.get("schema")
    if name == "dict":
        if isinstance(inner, dict) and inner:
            out.update(mapping(inner, path))
        elif "valuesrules" in rules:
            out["additionalProperties"] = convert(rules["valuesrules"], path)
    if name == "list" and isinstance(inner, dict) and "type" in inner:
        out["items"] = convert(inner, path, item=True)
    return out


def convert(rules: dict, path: str, item: bool = False) -> dict:
    types = rules.get("type", [])
    types = types if isinstance(types, list) else [types]
    variants = [_one_type(t, rules, path) for t in types] or [{}]
    out = variants[0] if len(variants) == 1 else {"anyOf": variants}
    if "allowed" in rules:
        out["enum"] = list(rules["allowed"])
    if "regex" in rules:
        out["pattern"] = f"^{rules['regex']}$"
    if "min" in rules:
        out["minimum"] = rules["min"]
    if "max" in rules:
        out["maximum"] = rules["max"]
    if rules.get("empty") is False and types == ["string"]:
        out["minLength"] = 1
    if rules.get("nullable"):
        out = {"anyOf": [out, {"type": "null"}]}
    if not item:
        description = describe(path, rules)
        if description:
            out["description"] = description
        if path in EXAMPLES:
            out["examples"] = EXAMPLES[path]
    return out


def mapping(schema: dict, path: str = "") -> dict:
    prefix = f"{path}." if path else ""
    properties = {key: convert(rules, prefix + key) for key, rules in schema.items()}
    required = [key for key, rules in schema.items() if rules.get("required")]
    out = {"properties": properties, "additionalProperties": False}
    if required:
        out["required"] = required
    return out


# --- table kinds, read from the templates ----------------------------------------------

@record
class KindInfo:
    """What a row of one table kind may hold: its columns (key → header) and its statuses (key → name)."""
    name: str
    titles: list = field(default_factory=list)
    columns: dict = field(default_factory=dict)
    statuses: dict = field(default_factory=dict)


def _leaf_columns(columns: list) -> list:
    out = []
    for column in columns or []:
        if isinstance(column, dict):
            out.extend(_leaf_columns(column["cot"]) if column.get("cot") else [column])
    return out


def table_kinds(roots: list[Path]) -> dict[str, KindInfo]:
    """Every table kind in these template roots (shared _chung/bang and each template's bang/).

    Kinds of the same name (a template's own, the shared one, a project's override) are merged:
    a row may use any of their columns and statuses."""
    kinds: dict[str, KindInfo] = {}
    for root in roots:
        for path in sorted(root.glob("*/bang/*.yaml")):
            if path.parent.parent.name.startswith("."):
                continue
            data = load_plain(path).data
            if not isinstance(data, dict):
                continue
            info = kinds.setdefault(path.stem, KindInfo(path.stem))
            if data.get("ten") and data["ten"] not in info.titles:
                info.titles.append(data["ten"])
            for column in _leaf_columns(data.get("cot")):
                key = column.get("khoa")
                if key == "stt":  # a row may give its own STT (printed as typed, a warning if it differs)
                    info.columns.setdefault(key, "STT ghi riêng của dòng (mặc định: tính theo thứ tự)")
                elif key:
                    info.columns.setdefault(key, str(column.get("tieu_de", key)))
            for key, status in (data.get("trang_thai") or {}).items():
                info.statuses.setdefault(key, str((status or {}).get("ten", key)))
    return dict(sorted(kinds.items()))


def _row(kind: KindInfo) -> dict:
    title = " / ".join(kind.titles) or kind.name
    properties = {key: _ref("o", f"Cột «{header}» ({title})") for key, header in kind.columns.items()}
    if kind.statuses:
        names = "; ".join(f"{key}: {name}" for key, name in kind.statuses.items())
        properties["trang_thai"] = {"enum": list(kind.statuses), "description": f"{DESCRIPTIONS['dong.trang_thai']} — {names}"}
        properties["ket_qua"] = _ref("o", DESCRIPTIONS["dong.ket_qua"])
    properties["chi_tieu"] = {"type": "string", "description": DESCRIPTIONS["dong.chi_tieu"]}
    return {"type": "object", "description": f"Một dòng của bảng loại {kind.name} ({title})",
            "properties": properties, "additionalProperties": False}


def _table(kinds: dict[str, KindInfo]) -> dict:
    table = {"type": "object", **mapping(S.TABLE, "bang")}
    props = table["properties"]
    if kinds:
        props["loai"]["enum"] = list(kinds)
        props["loai"]["description"] += ": " + ", ".join(kinds)
    levels = _group_levels(props)
    cases = []
    for name, kind in kinds.items():
        rows = {"items": _ref(f"dong_{name}")}
        groups: dict = {"items": {"properties": {"dong": rows}}}
        for _ in range(levels - 1):  # groups inside groups hold rows of the same kind
            groups = {"items": {"properties": {"dong": rows, "nhom": groups}}}
        cases.append({"if": {"properties": {"loai": {"const": name}}, "required": ["loai"]},
                      "then": {"properties": {"dong": rows, "nhom": groups,
                                              "tieu_de_cot": {"propertyNames": {"enum": list(kind.columns)}}}}})
    if cases:
        table["allOf"] = cases
    return table


def _group_levels(table_properties: dict) -> int:
    """How deep groups nest in the table schema; every level's rows become plain objects here
    (their keys are checked per table kind)."""
    table_properties["dong"]["items"] = {"type": "object"}
    levels, level = 0, table_properties
    while "nhom" in level:
        levels += 1
        level = level["nhom"]["items"]["properties"]
        if "dong" in level:
            level["dong"]["items"] = {"type": "object"}
    return levels


# --- body blocks -------------------------------------------------------------------------

def _blocks(kinds: tuple, body_ref: str, description: str) -> dict:
    """A block: the union of every kind's keys (for completion and hover, and so a misspelt key is
    reported as such), each kind's own keys once its kind key is there, and one kind key required
    when every key is known."""
    union: dict = {}
    cases = []
    for kind in kinds:
        own = mapping(S.BLOCKS[kind], "khoi")
        if "noi_dung" in own["properties"]:
            own["properties"]["noi_dung"] = _body(body_ref)
        if kind == "bang":
            own["properties"]["bang"] = _ref("bang", describe("khoi.bang"))
        union.update(own["properties"])
        cases.append({"if": {"required": [kind]},
                      "then": {"properties": {k: True for k in own["properties"]}, "additionalProperties": False}})
    cases.append({"if": {"propertyNames": {"enum": list(union)}},
                  "then": {"anyOf": [{"required": [k]} for k in kinds]}})
    # a plain string is a paragraph: one type list rather than anyOf [string, block], so an editor
    # reports a misspelt key of a block instead of "expected a string"
    return {"type": ["object", "string"], "description": description, "properties": union,
            "additionalProperties": False, "allOf": cases}


def _body(block_ref: str = "khoi") -> dict:
    return {"type": "array", "items": _ref(block_ref),
            "description": DESCRIPTIONS["noi_dung"]}


def _cell() -> dict:
    return {"anyOf": [{"type": "string"}, {"type": "number"},
                      {"type": "array", "items": _ref("khoi_o")}],
            "description": "Một ô: chữ, số, hoặc danh sách đoạn văn, gach, cong"}


# --- the report --------------------------------------------------------------------------

def _own_file_requirements(report: dict) -> list:
    """Take `required` off the report and its mappings; give it back as conditions: a report file
    (with `mau`) without `bao_gom` must have everything; any file without `bao_gom` must have
    complete mappings."""
    top = report.pop("required", [])
    nested = {}
    for key, child in report["properties"].items():
        if child.get("type") == "object" and child.get("required"):
            nested[key] = {"required": child.pop("required")}
    no_include = {"not": {"required": ["bao_gom"]}}
    return [{"if": {"required": ["mau"], **no_include}, "then": {"required": top}},
            {"if": no_include, "then": {"properties": nested}}]


def _with_unit_list(props: dict) -> None:
    """The same schema serves a list of the units that report (reportgen rollup's danh sách):
    `tinh`, and `don_vi` as a list of units."""
    unit = {"type": "object", **mapping(S.UNIT["schema"], "don_vi")}
    props["don_vi"] = {"anyOf": [unit, {"type": "array", "items": unit}], "description": describe("don_vi", S.UNIT)}
    province = {key: S.UNIT["schema"][key] for key in ("ma", "ten")}
    props["tinh"] = {"type": "object", **mapping(province, "tinh"), "description": describe("tinh")}


def build(roots: list[Path] | None = None) -> dict:
    """The schema; `roots` are the template folders whose table kinds rows are checked against."""
    kinds = table_kinds(roots or [])
    report = {"type": "object", **mapping(S.REPORT)}
    props = report["properties"]
    props["bao_gom"] = {"type": "array", "items": {"type": "string"}, "description": describe("bao_gom")}
    props["noi_dung"] = _body()
    appendix = props["phu_luc"]["items"]
    appendix["properties"]["noi_dung"] = {**_body(), "description": describe("phu_luc.noi_dung")}
    appendix["properties"]["bang"] = _ref("bang", describe("phu_luc.bang"))
    conditions = _own_file_requirements(report)
    _with_unit_list(props)
    if roots:
        props["mau"]["examples"] = template_names(roots)  # offered as completions
    defs = {
        "khoi": _blocks(tuple(S.BLOCKS), "khoi", "Một khối nội dung: muc, khoan, diem, doan, gach, cong hoặc bang"),
        "khoi_o": _blocks(S.CELL_BLOCK_KINDS, "khoi_o", "Một đoạn trong ô bảng: doan, gach hoặc cong"),
        "bang": _table(kinds),
        "o": _cell(),
        **{f"dong_{name}": _row(kind) for name, kind in kinds.items()},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "reportgen: báo cáo hành chính theo Nghị định 30/2020/NĐ-CP",
        **report,
        "allOf": conditions,
        "$defs": defs,
    }


def render(roots: list[Path] | None = None) -> str:
    return json.dumps(build(roots), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


# --- modelines ---------------------------------------------------------------------------

def schema_file_for(path: Path) -> Path | None:
    """The project's schema/reportgen.schema.json: in the folder of `path` or the nearest one above."""
    start = Path(os.path.abspath(path)).parent
    for folder in (start, *start.parents):
        if (folder / SCHEMA_FILE).is_file():
            return folder / SCHEMA_FILE
    return None


def modeline_for(path: Path) -> str | None:
    """The first line that points editors at the schema, relative to the folder of `path` (which need
    not exist yet), with forward slashes (they work on Windows too); None outside a project."""
    schema = schema_file_for(path)
    if schema is None:
        return None
    relative = os.path.relpath(schema, Path(os.path.abspath(path)).parent)
    return MODELINE_PREFIX + Path(relative).as_posix()
