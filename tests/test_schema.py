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
    assert (ROOT / "schema/reportgen.schema.json").read_text(encoding="utf-8") == run_cli("schema").output


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
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=")[1]).resolve()
        assert target == ROOT / "schema/reportgen.schema.json", path
