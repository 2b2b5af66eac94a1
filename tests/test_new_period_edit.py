"""Editing a YAML file in place: only the edited values change, every other byte stays."""

import shutil
from pathlib import Path

import yaml
from conftest import run_cli

from reportgen.compute.yaml_edit import YamlText

ROOT = Path(__file__).resolve().parents[1]
MONTHLY = Path(__file__).parent / "data" / "thang" / "inputs"

SOURCE = """\
# đầu tệp
ky: thang-10-2025   # kỳ
so: 7
ngay:
  ngay: 25
  thang: 10
  nam: 2025
dong: [{a: 1}, {a: 2}, {a: 3}]
chi_tieu:
  # chỉ tiêu thứ nhất
  - id: x
    tu_so: 1
    mau_so: 2
    ghi_chu: >-
      một đoạn gấp
      hai dòng

  # chỉ tiêu thứ hai
  - {id: y, gia_tri: 5, ty_le_ghi: 3}
cuoi: het
"""


def test_edits_touch_only_their_values():
    doc = YamlText(SOURCE)
    doc.set_scalar(("ky",), "thang-11-2025")
    doc.set_scalar(("so",), None)
    doc.set_scalar(("ngay", "thang"), "11")
    doc.delete(("ngay", "ngay"))
    doc.delete(("dong", 1))
    doc.add_after(("chi_tieu", 0, "mau_so"), "chua_cap_nhat", "true", "ghi chú")
    doc.add_after(("chi_tieu", 0, "mau_so"), "ky_truoc", "{tu_so: 1, mau_so: 2}")
    doc.delete(("chi_tieu", 1, "ty_le_ghi"))
    doc.add_after(("chi_tieu", 1, "gia_tri"), "chua_cap_nhat", "true")
    assert doc.result() == """\
# đầu tệp
ky: thang-11-2025   # kỳ
so:
ngay:
  thang: 11
  nam: 2025
dong: [{a: 1}, {a: 3}]
chi_tieu:
  # chỉ tiêu thứ nhất
  - id: x
    tu_so: 1
    mau_so: 2
    chua_cap_nhat: true  # ghi chú
    ky_truoc: {tu_so: 1, mau_so: 2}
    ghi_chu: >-
      một đoạn gấp
      hai dòng

  # chỉ tiêu thứ hai
  - {id: y, gia_tri: 5, chua_cap_nhat: true}
cuoi: het
"""


def test_a_deleted_item_takes_its_own_comment_and_leaves_the_next_one_s():
    doc = YamlText(SOURCE)
    doc.delete(("chi_tieu", 0))
    out = doc.result()
    assert "# chỉ tiêu thứ nhất" not in out and "một đoạn gấp" not in out
    assert "  # chỉ tiêu thứ hai\n  - {id: y" in out
    assert yaml.safe_load(out)["chi_tieu"] == [{"id": "y", "gia_tri": 5, "ty_le_ghi": 3}]


def test_the_last_item_of_a_flow_list_and_a_block_entry_at_the_end():
    doc = YamlText(SOURCE)
    doc.delete(("dong", 2))
    doc.delete(("cuoi",))
    out = doc.result()
    assert "dong: [{a: 1}, {a: 2}]\n" in out and out.endswith("  - {id: y, gia_tri: 5, ty_le_ghi: 3}\n")


def test_windows_line_endings_and_a_byte_order_mark_are_kept():
    doc = YamlText("\ufeff" + SOURCE.replace("\n", "\r\n"))
    doc.set_scalar(("ky",), "thang-11-2025")
    doc.add_after(("chi_tieu", 0, "mau_so"), "chua_cap_nhat", "true")
    out = doc.result()
    assert out.startswith("\ufeff# đầu tệp\r\nky: thang-11-2025   # kỳ\r\n")
    assert "    mau_so: 2\r\n    chua_cap_nhat: true\r\n" in out
    assert "\n" not in out.replace("\r\n", "")


def test_new_keeps_a_windows_file_windows(tmp_path, monkeypatch):
    inputs = tmp_path / "inputs"
    shutil.copytree(MONTHLY, inputs)
    (tmp_path / "templates").symlink_to(ROOT / "templates")
    (tmp_path / "schema").symlink_to(ROOT / "schema")
    for path in inputs.rglob("*.yaml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    monkeypatch.chdir(tmp_path)
    result = run_cli("new", "--from", "inputs/de-an-06-thang-10-2025.yaml")
    assert result.exit_code == 0, result.output
    for path in (inputs / "de-an-06-thang-11-2025.yaml", inputs / "de-an-06-thang-11-2025" / "chi-tieu.yaml"):
        data = path.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf# yaml-language-server: $schema=")
        assert b"\n" not in data.replace(b"\r\n", b"")
    assert run_cli("validate", "--nhap", inputs / "de-an-06-thang-11-2025.yaml").exit_code == 0


def test_a_file_not_in_utf8_is_refused_by_name(tmp_path):
    inputs = tmp_path / "inputs"
    shutil.copytree(MONTHLY, inputs)
    (tmp_path / "templates").symlink_to(ROOT / "templates")
    report = inputs / "de-an-06-thang-10-2025.yaml"
    report.write_bytes(report.read_text(encoding="utf-8").encode("cp1258", errors="replace"))
    result = run_cli("new", "--from", report)
    assert result.exit_code == 1
    assert "de-an-06-thang-10-2025.yaml:3:1: lỗi: tệp không được lưu bằng mã UTF-8" in result.output
    assert not (inputs / "de-an-06-thang-11-2025.yaml").exists()
