"""`reportgen schema`: the JSON Schema editors use, generated from the validator's own schema."""

import json
from pathlib import Path

import jsonschema
import yaml
from conftest import MINI, run_cli

ROOT = Path(__file__).resolve().parents[1]


def _schema():
    result = run_cli("schema")
    assert result.exit_code == 0
    return json.loads(result.output)


def _as_json(path):
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def test_committed_schema_is_the_generated_one():
    assert (ROOT / "schema/reportgen.schema.json").read_text(encoding="utf-8") == run_cli("schema").output, \
        "stale: run reportgen schema -o schema/reportgen.schema.json"


def test_schema_is_valid_and_accepts_every_example():
    schema = _schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted((ROOT / "inputs").glob("**/*.yaml")) + [MINI / "report.yaml"]
    for path in files:
        assert list(validator.iter_errors(_as_json(path))) == [], path


def test_schema_flags_unknown_keys_wrong_types_and_unknown_blocks():
    validator = jsonschema.Draft202012Validator(_schema())
    data = _as_json(MINI / "report.yaml")
    data["ky_hieuu"] = "BC-UBND"
    data["so"] = [1]
    data["noi_dung"].append({"gachh": "x"})
    messages = " ".join(e.message for e in validator.iter_errors(data))
    assert "ky_hieuu" in messages and "[1]" in messages
    assert len(list(validator.iter_errors(data))) >= 3


def test_example_inputs_carry_the_editor_modeline():
    for path in sorted((ROOT / "inputs").glob("**/*.yaml")):
        text = path.read_text(encoding="utf-8")
        if "Tệp do reportgen rollup tạo ra" in "\n".join(text.splitlines()[:5]):
            continue  # written by reportgen rollup, not edited by hand
        first = text.splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=")[1]).resolve()
        assert target == ROOT / "schema/reportgen.schema.json", path


# --- what editors show: descriptions, required keys, table rows per kind -----------------------

def _properties(node, path=""):
    """Every declared key of the schema (not the conditional clauses), with its place."""
    if isinstance(node, dict):
        for key, child in (node.get("properties") or {}).items():
            yield f"{path}.{key}", child
            yield from _properties(child, f"{path}.{key}")
        for key, child in node.items():
            if key not in ("properties", "allOf", "if", "then"):
                yield from _properties(child, path)
    elif isinstance(node, list):
        for child in node:
            yield from _properties(child, path)


def test_every_key_has_a_vietnamese_description():
    schema = _schema()
    missing = [path for path, child in _properties(schema) if isinstance(child, dict) and not child.get("description")]
    assert missing == [], "add a description to reportgen/source/key_docs.py, or meta: {mo_ta: ...} in schema.py"
    assert schema["properties"]["chu_ky"]["properties"]["ho_ten"]["description"] == "Họ và tên người ký"
    assert "ct.id" in schema["properties"]["chi_tieu"]["items"]["properties"]["id"]["description"]


def _report():
    data = _as_json(MINI / "report.yaml")
    data.update(_as_json(MINI / "agency.yaml"))
    data.pop("bao_gom")
    return data


def test_a_report_without_includes_must_be_complete_one_with_includes_need_not():
    validator = jsonschema.Draft202012Validator(_schema())
    data = _report()
    assert list(validator.iter_errors(data)) == []
    del data["chu_ky"]["ho_ten"], data["luu"]
    messages = sorted(e.message for e in validator.iter_errors(data))
    assert messages == ["'ho_ten' is a required property", "'luu' is a required property"]
    data["bao_gom"] = ["chung.yaml"]
    assert list(validator.iter_errors(data)) == []
    # list items are never merged with included files: an indicator without its name is incomplete
    data["chi_tieu"][0].pop("ten")
    assert [e.message for e in validator.iter_errors(data)] == ["'ten' is a required property"]


def test_appendix_rows_are_checked_against_their_table_kind():
    validator = jsonschema.Draft202012Validator(_schema())
    data = _report()
    rows = data["phu_luc"][0]["bang"]["nhom"][0]["dong"]
    rows[0]["trang_thai"] = "xong"
    rows[1]["noi_dungg"] = "x"
    data["phu_luc"][0]["bang"]["tieu_de_cot"] = {"ten_cot": "Tên"}
    messages = " | ".join(sorted(e.message for e in validator.iter_errors(data)))
    assert "'xong' is not one of ['hoan_thanh', 'chua_hoan_thanh', 'cho_huong_dan', 'thuong_xuyen', " \
           "'dang_trien_khai']" in messages
    assert "'noi_dungg' was unexpected" in messages
    assert "'ten_cot' is not one of" in messages
    data = _report()
    data["phu_luc"][0]["bang"]["loai"] = "nhiem_vuu"
    assert "'nhiem_vuu' is not one of" in " ".join(e.message for e in validator.iter_errors(data))


def test_row_kinds_come_from_the_templates_read(tmp_path):
    from reportgen.source.json_schema import build

    kinds = tmp_path / "templates" / "rieng" / "bang"
    kinds.mkdir(parents=True)
    (kinds / "can_bo.yaml").write_text("ten: Bảng cán bộ\ncot:\n  - {khoa: stt, tieu_de: STT}\n"
                                       "  - {khoa: ho_ten, tieu_de: Họ và tên}\n"
                                       "trang_thai:\n  nghi_huu: {ten: nghỉ hưu}\n", encoding="utf-8")
    schema = build([tmp_path / "templates"])
    row = schema["$defs"]["dong_can_bo"]
    assert list(row["properties"]) == ["stt", "ho_ten", "trang_thai", "ket_qua", "chi_tieu"]  # a row may give its STT
    assert row["properties"]["ho_ten"]["description"] == "Cột «Họ và tên» (Bảng cán bộ)"
    assert row["properties"]["trang_thai"]["enum"] == ["nghi_huu"]
    assert schema["$defs"]["bang"]["properties"]["loai"]["enum"] == ["can_bo"]
    assert schema["properties"]["mau"]["examples"] == ["rieng"]  # offered when typing mau:


def test_a_misspelt_block_key_is_reported_as_that_key():
    validator = jsonschema.Draft202012Validator(_schema())
    data = _report()
    data["noi_dung"] = [{"khaon": "Công tác chỉ đạo"}, {"muc": "A", "canh": "giua"}, "Một đoạn."]
    messages = sorted(e.message for e in validator.iter_errors(data))
    assert len(messages) == 2 and all("was unexpected" in m for m in messages), messages
    assert "'khaon'" in messages[0] + messages[1] and "'canh'" in messages[0] + messages[1]


def test_modeline_for_resolves_from_the_files_folder(tmp_path):
    from reportgen.source.json_schema import modeline_for

    (tmp_path / "schema").mkdir()
    (tmp_path / "schema/reportgen.schema.json").write_text("{}", encoding="utf-8")
    assert modeline_for(tmp_path / "inputs/x.yaml") == "# yaml-language-server: $schema=../schema/reportgen.schema.json"
    assert modeline_for(tmp_path / "inputs/2025/x.yaml") == \
        "# yaml-language-server: $schema=../../schema/reportgen.schema.json"
    assert modeline_for(tmp_path / "x.yaml") == "# yaml-language-server: $schema=schema/reportgen.schema.json"
    assert modeline_for(tmp_path.parent / "elsewhere" / "x.yaml") is None
