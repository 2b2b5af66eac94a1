"""A JSON Schema of the input format, generated from the cerberus schema (schema.py).

Editors (VS Code's YAML extension and others) use it to complete keys and flag
mistakes as staff type. It is derived, never written by hand, so it cannot drift.
"""

from __future__ import annotations

import json

from reportgen.source import schema as S

_SIMPLE = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean", "list": "array",
           "dict": "object"}
BLOCK_REF = {"$ref": "#/$defs/khoi"}
BODY = {"type": "array", "items": {"anyOf": [{"type": "string"}, BLOCK_REF]},
        "description": "Các khối nội dung: đoạn văn, muc, khoan, diem, gach, cong, bang"}


def _one_type(name: str, rules: dict) -> dict:
    if name == "date":
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    out: dict = {"type": _SIMPLE[name]}
    inner = rules.get("schema")
    if name == "dict":
        if isinstance(inner, dict) and inner:
            out.update(mapping(inner))
        elif "valuesrules" in rules:
            out["additionalProperties"] = convert(rules["valuesrules"])
    if name == "list" and isinstance(inner, dict) and "type" in inner:
        out["items"] = convert(inner)
    return out


def convert(rules: dict) -> dict:
    types = rules.get("type", [])
    types = types if isinstance(types, list) else [types]
    variants = [_one_type(t, rules) for t in types] or [{}]
    out = variants[0] if len(variants) == 1 else {"anyOf": variants}
    if "allowed" in rules:
        out["enum"] = list(rules["allowed"])
    if "regex" in rules:
        out["pattern"] = f"^{rules['regex']}$"
    if "min" in rules:
        out["minimum"] = rules["min"]
    if "max" in rules:
        out["maximum"] = rules["max"]
    if rules.get("nullable"):
        out = {"anyOf": [out, {"type": "null"}]}
    description = (rules.get("meta") or {}).get("mo_ta")
    if description:
        out["description"] = description
    return out


def mapping(schema: dict) -> dict:
    properties = {key: convert(rules) for key, rules in schema.items()}
    required = [key for key, rules in schema.items() if rules.get("required")]
    out = {"properties": properties, "additionalProperties": False}
    if required:
        out["required"] = required
    return out


def _with_body(obj: dict, key: str = "noi_dung") -> dict:
    if key in obj.get("properties", {}):
        obj["properties"][key] = BODY
    return obj


def _drop_required(obj: dict) -> None:
    """Mappings (not list items) are merged with included files, so nothing is required in one file."""
    obj.pop("required", None)
    for child in obj.get("properties", {}).values():
        for variant in child.get("anyOf", [child]):
            if variant.get("type") == "object":
                _drop_required(variant)


def build() -> dict:
    report = {"type": "object", **mapping(S.REPORT)}
    report["properties"]["bao_gom"] = {"type": "array", "items": {"type": "string"},
                                       "description": "Các tệp YAML được gộp vào báo cáo này"}
    _drop_required(report)  # a report's mappings may be completed by included files
    _with_body(report)
    appendix = report["properties"]["phu_luc"]["items"]
    _with_body(appendix)
    blocks = []
    for rules in S.BLOCKS.values():
        block = {"type": "object", **mapping(rules)}
        _with_body(block)
        blocks.append(block)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "reportgen: báo cáo hành chính theo Nghị định 30/2020/NĐ-CP",
        **report,
        "$defs": {"khoi": {"oneOf": blocks}},
    }


def render() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
