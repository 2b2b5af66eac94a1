"""Every YAML example of the user guide (docs/huong-dan/*.md) is checked.

- a whole report (it has `mau:`) must build with no error;
- a fragment (first line `# đoạn`) is merged into the starter example of `reportgen init`
  (lists of items with an `id` by id, mappings key by key, the rest replaced) and the result
  must pass every stage and the JSON Schema;
- a wrong example (first line `# sai: TEXT`) merged the same way must fail with TEXT in a message;
- a table kind (first line `# loại bảng`) must pass the table-kind schema, a list of units
  (first line `# danh sách đơn vị`) the schema of reportgen rollup's list;
- any other block fails: every example says what it is.
And every key of the format appears in an example."""

import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from reportgen.commands.init import DEFAULT_TEMPLATE, EXAMPLE_REPORT, create_project
from reportgen.errors import Diagnostics, ReportError
from reportgen.pipeline import prepare
from reportgen.source import schema as S
from reportgen.source.json_schema import build as build_schema
from reportgen.source.loader import load_plain
from reportgen.source.templates import template_roots
from reportgen.source.validate import check_mapping

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs/huong-dan"
YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.DOTALL | re.MULTILINE)
# written by reportgen itself (reportgen rollup), never typed: no example in the guide
WRITTEN_BY_TOOLS = {"cua_don_vi"}


def _example_list():
    for page in sorted(GUIDE.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in YAML_BLOCK.finditer(text):
            yield pytest.param(match.group(1), id=f"{page.name}:{text[:match.start()].count(chr(10)) + 2}")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("huong-dan")
    create_project(folder, DEFAULT_TEMPLATE)
    return folder


def merge(base, fragment):
    merged = dict(base)
    for key, value in fragment.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = merge(old, value)
        elif key in ("chi_tieu", "phu_luc") and isinstance(old, list) and isinstance(value, list):
            ids = {item.get("id") for item in value if isinstance(item, dict)}
            merged[key] = [item for item in old if item.get("id") not in ids] + value
        else:
            merged[key] = value
    return merged


def _round_trip():
    """YAML that keeps every scalar as typed (`2.870`, `31/10/2025`), as the reader needs it."""
    handler = YAML(typ="rt")
    handler.width = 4096
    return handler


def _plain(node):
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _write_merged(project, fragment, name):
    base = _round_trip().load((project / EXAMPLE_REPORT).read_text(encoding="utf-8"))
    path = project / "inputs" / f"{name}.yaml"
    data = merge(base, fragment)
    out = io.StringIO()
    _round_trip().dump(data, out)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path, data


def _messages(path):
    try:
        prepare(path)
    except ReportError as exc:
        return [d.render() for d in exc.diagnostics.sorted()]
    return []


@pytest.mark.parametrize("text", list(_example_list()))
def test_guide_example(text, project, request):
    first = text.splitlines()[0].strip()
    data = _round_trip().load(text)
    name = re.sub(r"[^a-z0-9]+", "-", request.node.callspec.id.lower())
    if first == "# đoạn":
        path, merged = _write_merged(project, data, name)
        assert _messages(path) == []
        schema = build_schema(template_roots(project))
        as_json = json.loads(json.dumps(_plain(merged), default=str))
        assert [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(as_json)] == []
    elif first.startswith("# sai:"):
        expected = first.split(":", 1)[1].strip()
        path, _ = _write_merged(project, data, name)
        messages = _messages(path)
        assert any(expected in m for m in messages), messages
    elif first == "# danh sách đơn vị":
        from reportgen.source.units import UNIT_LIST

        path = project / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        diags = Diagnostics()
        assert check_mapping(load_plain(path).data, UNIT_LIST, (), load_plain(path), diags), \
            [d.render() for d in diags.items]
    elif first == "# loại bảng":
        path = project / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        diags = Diagnostics()
        assert check_mapping(load_plain(path).data, S.TABLE_KIND, (), load_plain(path), diags), \
            [d.render() for d in diags.items]
    else:
        assert isinstance(data, dict) and "mau" in data, "ví dụ YAML cần dòng đầu # đoạn, # sai: ... hoặc # loại bảng"
        path = project / "inputs" / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        assert _messages(path) == []


def _keys(schema: dict):
    for key, rules in schema.items():
        yield key
        inner = rules.get("schema")
        if isinstance(inner, dict) and inner.get("type") == "dict":
            inner = inner.get("schema")
        if isinstance(inner, dict) and "type" not in inner:
            yield from _keys(inner)


def test_every_key_of_the_format_has_an_example():
    examples = "\n".join(m.group(1) for page in GUIDE.glob("*.md")
                         for m in YAML_BLOCK.finditer(page.read_text(encoding="utf-8")))
    keys = set(_keys(S.REPORT)) | set(_keys(S.TABLE)) | {k for rules in S.BLOCKS.values() for k in _keys(rules)}
    keys |= set(_keys(S.TABLE_KIND)) | {"khoa", "tieu_de", "rong", "canh", "kieu"}
    missing = sorted(k for k in keys - WRITTEN_BY_TOOLS
                     if not re.search(rf"(^|[\s{{,\[-]){re.escape(k)}:", examples, re.MULTILINE))
    assert missing == [], ("keys without an example in docs/huong-dan/: add a YAML example (first line "
                           "`# đoạn`) to the page about them")


def test_the_guide_pages_are_linked_from_the_index_and_the_readme():
    index = (GUIDE / "README.md").read_text(encoding="utf-8")
    for page in GUIDE.glob("*.md"):
        if page.name != "README.md":
            assert f"({page.name})" in index, page.name
    assert "docs/huong-dan/" in (ROOT / "README.md").read_text(encoding="utf-8")
