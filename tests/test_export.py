"""reportgen export: every indicator with its codes and figures, as a biểu-mẫu-shaped XLSX and as
JSON; read back they give the report's figures; the same input gives the same bytes."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from conftest import run_cli
from openpyxl import load_workbook

from reportgen.errors import display_path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "inputs" / "tinh-vi-du-2025-quy-3.yaml"
UNIT = ROOT / "inputs" / "tinh-vi-du-2025-quy-3" / "don-vi" / "99002-phuong-bac-son.yaml"
HEADERS = ["STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "Mã đơn vị", "Tên đơn vị", "Kỳ báo cáo", "Tử số", "Mẫu số",
           "Giá trị", "Tỷ lệ (%)", "Đơn vị tính", "Số liệu tính đến ngày", "Mục tiêu"]


def export(tmp_path, source=REPORT, name="bc"):
    xlsx, js = tmp_path / f"{name}.xlsx", tmp_path / f"{name}.json"
    result = run_cli("export", source, "--xlsx", xlsx, "--json", js)
    assert result.exit_code == 0, result.output
    return xlsx, js


def rows_of(js: Path) -> list[dict]:
    data = json.loads(js.read_text(encoding="utf-8"))
    return [row for group in data["nhom"] for row in group["chi_tieu"]]


def test_json_has_every_indicator_with_its_codes_and_figures(tmp_path):
    _, js = export(tmp_path)
    data = json.loads(js.read_text(encoding="utf-8"))
    assert (data["dinh_dang"], data["ky"], data["ky_ten"], data["ngay"]) == \
        ("reportgen-chi-tieu/1", "quy-3-2025", "Quý III/2025", "2025-09-22")
    assert data["don_vi"] == {"ma": "99", "ten": "Tỉnh Hòa Sơn", "cap": "tinh"}
    assert [g["ten"] for g in data["nhom"]] == ["Thủ tục hành chính", "Định danh điện tử", "Chuyển đổi số", "Chỉ tiêu"]
    rows = rows_of(js)
    total = next(r for r in rows if r["ma_chi_tieu"] == "so_hoa_ho_so" and r["ma_don_vi"] == "99")
    assert total == {"ma_chi_tieu": "so_hoa_ho_so",
                     "ten_chi_tieu": "Hồ sơ thủ tục hành chính được số hóa kết quả giải quyết",
                     "thuoc_chi_tieu": None, "ma_don_vi": "99", "ten_don_vi": "Tỉnh Hòa Sơn", "ky": "quy-3-2025",
                     "tu_so": 6352, "mau_so": 6455, "gia_tri": None, "ty_le": 98.4, "don_vi_tinh": "hồ sơ",
                     "tinh_den": "2025-09-14", "muc_tieu": [], "muc_tieu_ghi": None}
    # each commune's figure on its own row, keyed by the commune's code
    commune = next(r for r in rows if r["ma_chi_tieu"] == "so_hoa_ho_so" and r["ma_don_vi"] == "99002")
    assert (commune["tu_so"], commune["mau_so"], commune["ty_le"], commune["ten_don_vi"]) == \
        (1962, 1990, 98.59, "Phường Bắc Sơn")
    part = next(r for r in rows if r["ma_chi_tieu"] == "ho_so_truc_tuyen.toan_trinh")
    assert (part["thuoc_chi_tieu"], part["gia_tri"], part["don_vi_tinh"]) == ("ho_so_truc_tuyen", 3161, "hồ sơ")
    target = next(r for r in rows if r["ma_chi_tieu"] == "tai_khoan_dinh_danh" and r["ma_don_vi"] == "99")
    assert target["muc_tieu"] == [{"giao": "Ủy ban nhân dân tỉnh", "gia_tri": 80, "thap_nhat": True}]
    assert target["muc_tieu_ghi"] == "Ủy ban nhân dân tỉnh giao thấp nhất 80%"


def test_xlsx_reads_back_to_the_same_figures_as_the_json(tmp_path):
    xlsx, js = export(tmp_path)
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Thủ tục hành chính", "Định danh điện tử", "Chuyển đổi số", "Chỉ tiêu"]
    read_back = []
    for ws in wb.worksheets:
        header = next(r for r in range(1, 12) if ws.cell(row=r, column=1).value == "STT")
        assert [c.value for c in ws[header]] == HEADERS
        assert [c.value for c in ws[header + 1]] == [f"({i})" for i in range(1, 14)]
        for row in ws.iter_rows(min_row=header + 2, values_only=True):
            read_back.append(dict(zip(["ma_chi_tieu", "ma_don_vi", "tu_so", "mau_so", "gia_tri", "ty_le"],
                                      [row[1], row[3], row[6], row[7], row[8], row[9]])))
    expected = [{k: r[k] for k in ("ma_chi_tieu", "ma_don_vi", "tu_so", "mau_so", "gia_tri", "ty_le")}
                for r in rows_of(js)]
    assert read_back == expected
    ws = wb["Thủ tục hành chính"]
    assert ws["A2"].value == "Cơ quan báo cáo: Ủy ban nhân dân tỉnh Hòa Sơn"
    assert ws["A4"].value == "Kỳ báo cáo: Quý III/2025 (quy-3-2025)"
    numerator = ws.cell(row=9, column=7)
    assert numerator.value == 6352 and numerator.number_format == "#,##0"  # a number, shown 6.352 in Vietnamese
    assert ws.cell(row=9, column=10).number_format == "0.00"
    assert ws.cell(row=9, column=12).value.date().isoformat() == "2025-09-14"
    assert ws.cell(row=9, column=12).number_format == "dd/mm/yyyy"


def test_the_same_report_gives_the_same_bytes(tmp_path):
    first_xlsx, first_json = export(tmp_path, name="a")
    second_xlsx, second_json = export(tmp_path, name="b")
    assert first_xlsx.read_bytes() == second_xlsx.read_bytes()
    assert first_json.read_bytes() == second_json.read_bytes()
    archive = zipfile.ZipFile(first_xlsx)
    core = archive.read("docProps/core.xml").decode()
    assert "<dcterms:created" in core and "2025-09-22T00:00:00Z</dcterms:created>" in core
    assert "2025-09-22T00:00:00Z</dcterms:modified>" in core
    assert {info.date_time for info in archive.infolist()} == {(2025, 9, 22, 0, 0, 0)}


def test_a_units_figures_file_exports_with_its_code(tmp_path):
    _, js = export(tmp_path, UNIT, "xa")
    rows = rows_of(js)
    assert {r["ma_don_vi"] for r in rows} == {"99002"}
    assert [(r["ma_chi_tieu"], r["tu_so"], r["mau_so"], r["gia_tri"]) for r in rows] == [
        ("so_hoa_ho_so", 1962, 1990, None), ("ho_so_truc_tuyen", 1604, 1990, None),
        ("ho_so_truc_tuyen.toan_trinh", None, None, 1011), ("ho_so_truc_tuyen.mot_phan", None, None, 593),
        ("tai_khoan_dinh_danh", 30118, 36540, None), ("to_cong_nghe_so", None, None, 9)]


def test_export_never_writes_over_an_input(tmp_path):
    before = UNIT.read_bytes()
    result = run_cli("export", UNIT, "--json", UNIT)
    assert result.exit_code == 1
    shown = display_path(UNIT)
    assert f"{shown}: lỗi: đây là tệp đầu vào mà lệnh này đọc ({shown}); không ghi đè" in result.output
    assert UNIT.read_bytes() == before


def test_export_needs_an_output(tmp_path):
    result = run_cli("export", UNIT)
    assert result.exit_code == 2
    assert "cần ít nhất một trong hai: --xlsx TỆP.xlsx hoặc --json TỆP.json" in result.output
