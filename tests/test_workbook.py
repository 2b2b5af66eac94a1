"""Collection workbooks: `reportgen form` makes one, a unit fills it (here with openpyxl),
`reportgen collect` reads it back into the unit's figures file; a bad cell is reported with
its file:sheet!cell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from conftest import run_cli
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "inputs" / "tinh-vi-du-2025-quy-3"
UNIT = EXAMPLE / "don-vi" / "99001-phuong-hoa-son.yaml"
TTHC, DINH_DANH, CDS, NV = "Thủ tục hành chính", "Định danh điện tử", "Chuyển đổi số", "Nhiệm vụ"


@pytest.fixture
def form(tmp_path) -> Path:
    out = tmp_path / "mau.xlsx"
    result = run_cli("form", EXAMPLE.parent / "tinh-vi-du-2025-quy-3.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    assert "(4 chỉ tiêu, 3 nhiệm vụ, 4 trang tính)" in result.output
    return out


def fill(form: Path, target: Path, **changes) -> Path:
    """Phường Hòa Sơn's figures typed in, then `changes` ({"sheet!cell": value}) on top."""
    wb = load_workbook(form)
    cells = {f"{TTHC}!D4": "99001", f"{TTHC}!D5": "Phường Hòa Sơn",
             f"{TTHC}!E12": 2845, f"{TTHC}!F12": 2870, f"{TTHC}!E13": 2410, f"{TTHC}!F13": 2870,
             f"{TTHC}!G14": 1530, f"{TTHC}!G15": 880,
             f"{DINH_DANH}!E12": 41230, f"{DINH_DANH}!F12": 48905, f"{CDS}!G12": 12,
             f"{NV}!C12": "Hoàn thành", f"{NV}!D12": "Quyết định số 12/QĐ-UBND", f"{NV}!C13": "Hoàn thành",
             f"{NV}!C14": "Đang triển khai"}
    cells.update({k.replace("__", "!"): v for k, v in changes.items()})
    for address, value in cells.items():
        sheet, cell = address.split("!")
        wb[sheet][cell] = value
    wb.save(target)
    return target


def test_the_workbook_is_a_form(form):
    wb = load_workbook(form)
    assert wb.sheetnames == [TTHC, DINH_DANH, CDS, NV, "_dinh_nghia"]
    assert wb["_dinh_nghia"].sheet_state == "veryHidden"
    ws = wb[TTHC]
    assert ws["A2"].value == "Gửi: Ủy ban nhân dân tỉnh Hòa Sơn"
    assert ws["A3"].value == "Kỳ báo cáo: Quý III/2025"
    assert ws["A4"].value == "Mã đơn vị (theo danh mục của Quyết định 19/2025/QĐ-TTg):"
    assert ws["D7"].value == dt.datetime(2025, 9, 14)
    assert [c.value for c in ws[10]] == ["STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Tử số", "Mẫu số",
                                         "Giá trị", "Tỷ lệ (%)", "Mục tiêu", "Ghi chú"]
    assert [ws.cell(row=12, column=c).value for c in (1, 2, 4)] == ["1", "so_hoa_ho_so", "hồ sơ"]
    assert ws["C14"].value == "Trong đó: dịch vụ công trực tuyến toàn trình"
    assert ws["H12"].value == '=IF(AND(ISNUMBER(E12),ISNUMBER(F12),F12>0),ROUND(E12/F12*100,2),"")'
    assert ws.protection.sheet
    unlocked = {c.coordinate for row in ws.iter_rows() for c in row
                if not c.protection.locked and not isinstance(c, MergedCell)}
    assert unlocked == {"D4", "D5", "D6", "D7", "E12", "F12", "J12", "E13", "F13", "J13", "G14", "J14", "G15", "J15"}
    rules = {str(r.sqref): r for r in ws.data_validations.dataValidation}
    assert rules["E12"].formula1 == "AND(ISNUMBER(E12),E12>=0,E12=INT(E12),OR(ISBLANK(F12),E12<=F12))"
    assert rules["F12"].formula1 == "AND(ISNUMBER(F12),F12>0,F12=INT(F12),OR(ISBLANK(E12),E12<=F12))"
    assert (rules["G14"].type, rules["G14"].operator, rules["G14"].formula1) == ("whole", "greaterThanOrEqual", "0")
    assert rules["E12"].error == "Tử số là số nguyên không âm, không lớn hơn mẫu số."
    assert wb[DINH_DANH]["I12"].value == "Ủy ban nhân dân tỉnh giao thấp nhất 80%"
    assert wb[DINH_DANH]["D4"].value == f"='{TTHC}'!D4"
    tasks = wb[NV]
    assert [tasks.cell(row=r, column=2).value for r in (12, 13, 14)] == [
        "Rà soát, công bố lại danh mục thủ tục hành chính thuộc thẩm quyền cấp xã sau sắp xếp đơn vị hành chính",
        "Kiện toàn Tổ công nghệ số cộng đồng ở các thôn, tổ dân phố",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực"]
    choice = {str(r.sqref): r for r in tasks.data_validations.dataValidation}["C12"]
    offered = '"Hoàn thành,Đang triển khai,Thực hiện thường xuyên,Chưa hoàn thành,Chờ hướng dẫn"'
    assert (choice.type, choice.formula1) == ("list", offered)
    assert not tasks["C12"].protection.locked and not tasks["D12"].protection.locked and tasks["B12"].protection.locked


def test_the_same_report_gives_the_same_workbook(form, tmp_path):
    again = tmp_path / "lai.xlsx"
    assert run_cli("form", EXAMPLE.parent / "tinh-vi-du-2025-quy-3.yaml", "-o", again).exit_code == 0
    assert again.read_bytes() == form.read_bytes()


def test_a_filled_workbook_reads_back_into_the_units_figures(form, tmp_path):
    filled = fill(form, tmp_path / "phuong-hoa-son.xlsx")
    folder = tmp_path / "don-vi"
    result = run_cli("collect", filled, "-o", folder)
    assert result.exit_code == 0, result.output
    out = folder / "99001-phuong-hoa-son.yaml"
    assert f"{filled} → {out}" in result.output
    collected = yaml.safe_load(out.read_text(encoding="utf-8"))
    original = yaml.safe_load(UNIT.read_text(encoding="utf-8"))
    assert collected["don_vi"] == original["don_vi"] and collected["ky"] == original["ky"]
    figures = {i["id"]: {k: i.get(k) for k in ("tu_so", "mau_so", "gia_tri", "don_vi", "muc_tieu")}
               for i in collected["chi_tieu"]}
    expected = {i["id"]: {k: i.get(k) for k in ("tu_so", "mau_so", "gia_tri", "don_vi", "muc_tieu")}
                for i in original["chi_tieu"]}
    assert figures == expected
    assert collected["phu_luc"] == [{"id": "nhiem-vu", "tieu_de": "KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ III/2025",
                                     "bang": {"loai": "nhiem_vu", "dong": [
        {"noi_dung": original["phu_luc"][0]["bang"]["dong"][0]["noi_dung"], "trang_thai": "hoan_thanh",
         "ket_qua": "Quyết định số 12/QĐ-UBND"},
        {"noi_dung": "Kiện toàn Tổ công nghệ số cộng đồng ở các thôn, tổ dân phố", "trang_thai": "hoan_thanh"},
        {"noi_dung": "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực",
         "trang_thai": "dang_trien_khai"}]}}]
    parts = collected["chi_tieu"][1]["thanh_phan"]
    assert parts == [{"id": "toan_trinh", "ten": "dịch vụ công trực tuyến toàn trình", "gia_tri": 1530},
                     {"id": "mot_phan", "ten": "dịch vụ công trực tuyến một phần", "gia_tri": 880}]
    # the collected file rolls up with the other communes' hand-written files
    for other in sorted((EXAMPLE / "don-vi").glob("*.yaml"))[1:]:
        (folder / other.name).write_bytes(other.read_bytes())
    total = tmp_path / "tong-hop.yaml"
    assert run_cli("rollup", folder, "-o", total).exit_code == 0
    rolled = yaml.safe_load(total.read_text(encoding="utf-8"))
    assert next(i for i in rolled["chi_tieu"] if i["id"] == "so_hoa_ho_so")["tu_so"] == 6352
    assert rolled["phu_luc"][0]["bang"]["dong"][0]["hoan_thanh"] == 4  # the tasks roll up as typed by hand


def test_bad_cells_are_reported_with_their_addresses(form, tmp_path):
    bad = fill(form, tmp_path / "sai.xlsx", **{
        f"{TTHC}__D4": None, f"{TTHC}__E12": 3000, f"{TTHC}__G15": "8,5", f"{TTHC}__G14": "1.530",
        f"{DINH_DANH}__F12": "abc", f"{CDS}__G12": -2, f"{TTHC}__F13": None, f"{NV}__C13": "Xong"})
    result = run_cli("collect", bad, "-o", tmp_path / "out")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"{bad}:{TTHC}!D4: lỗi: chưa nhập mã đơn vị" in lines
    assert f'{bad}:{TTHC}!E12: lỗi: chỉ tiêu "so_hoa_ho_so": tử số 3000 lớn hơn mẫu số 2870 (ô F12)' in lines
    assert f'{bad}:{TTHC}!F13: lỗi: chỉ tiêu "ho_so_truc_tuyen": chưa nhập mẫu số' in lines
    assert (f'{bad}:{TTHC}!G15: lỗi: thành phần "mot_phan" của chỉ tiêu "ho_so_truc_tuyen": giá trị: "8,5" '
            "không phải một số nguyên (ví dụ 1.423.297 hoặc 1423297)") in lines
    assert (f'{bad}:{DINH_DANH}!F12: lỗi: chỉ tiêu "tai_khoan_dinh_danh": mẫu số: "abc" không phải một số '
            "nguyên (ví dụ 1.423.297 hoặc 1423297)") in lines
    assert f'{bad}:{CDS}!G12: lỗi: chỉ tiêu "to_cong_nghe_so": giá trị: phải từ 0 trở lên, đang là -2' in lines
    assert (f'{bad}:{NV}!C13: lỗi: kết quả "Xong" không có trong danh sách; chọn một trong: Hoàn thành, '
            "Đang triển khai, Thực hiện thường xuyên, Chưa hoàn thành, Chờ hướng dẫn") in lines
    assert not any("G14" in line for line in lines)  # "1.530" typed as text is read the Vietnamese way
    assert "1/1 biểu có lỗi, không tạo tệp cho các biểu đó." in lines
    assert not (tmp_path / "out").exists()


def test_parts_that_do_not_add_up_are_reported_at_the_whole(form, tmp_path):
    bad = fill(form, tmp_path / "sai.xlsx", **{f"{TTHC}__G14": 1500})
    result = run_cli("collect", bad, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert f'{bad}:{TTHC}!E13: lỗi: chỉ tiêu "ho_so_truc_tuyen": tổng các thành phần là 2380, khác 2410' \
        in result.output


def test_a_workbook_not_made_by_form_is_refused(tmp_path):
    from openpyxl import Workbook

    other = tmp_path / "khac.xlsx"
    Workbook().save(other)
    text = tmp_path / "khong-phai.xlsx"
    text.write_text("không phải bảng tính", encoding="utf-8")
    result = run_cli("collect", other, text, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert (f"{other}: lỗi: bảng tính này không phải biểu nhập số liệu do reportgen form tạo "
            "(không có phần định nghĩa chỉ tiêu)") in result.output
    assert f"{text}: lỗi: không đọc được bảng tính: không phải tệp Excel .xlsx" in result.output


def test_codes_are_checked_against_the_list_and_hand_written_files_kept(form, tmp_path):
    stranger = fill(form, tmp_path / "la.xlsx", **{f"{TTHC}__D4": "12345"})
    result = run_cli("collect", stranger, "-o", tmp_path / "out", "--danh-sach", EXAMPLE / "danh-sach-don-vi.yaml")
    assert result.exit_code == 1
    assert f'{stranger}:{TTHC}!D4: lỗi: mã đơn vị "12345" không có trong danh sách danh-sach-don-vi.yaml' \
        in result.output
    folder = tmp_path / "don-vi"
    folder.mkdir()
    mine = folder / "99001-phuong-hoa-son.yaml"
    mine.write_bytes(UNIT.read_bytes())
    result = run_cli("collect", fill(form, tmp_path / "ok.xlsx"), "-o", folder)
    assert result.exit_code == 1
    assert f"{mine}: lỗi: tệp này đã có và không phải do reportgen tạo" in result.output
    assert mine.read_bytes() == UNIT.read_bytes()


def test_a_hand_edited_collected_file_is_kept_once_its_mark_is_removed(form, tmp_path):
    folder = tmp_path / "don-vi"
    filled = fill(form, tmp_path / "ok.xlsx")
    assert run_cli("collect", filled, "-o", folder).exit_code == 0
    out = folder / "99001-phuong-hoa-son.yaml"
    assert "sẽ được ghi lại khi đọc lại biểu" in out.read_text(encoding="utf-8")
    assert run_cli("collect", filled, "-o", folder).exit_code == 0  # its own earlier output: written again
    edited = "\n".join(line for line in out.read_text(encoding="utf-8").splitlines()
                       if "reportgen collect" not in line) + "\n"
    out.write_text(edited, encoding="utf-8")
    result = run_cli("collect", filled, "-o", folder)
    assert result.exit_code == 1 and f"{out}: lỗi: tệp này đã có và không phải do reportgen tạo" in result.output
    assert out.read_text(encoding="utf-8") == edited
    assert load_workbook(form).security.lockStructure


def test_a_workbook_whose_definitions_were_tampered_with_is_refused(form, tmp_path):
    import json

    wb = load_workbook(form)
    sheet = wb["_dinh_nghia"]
    definitions = json.loads(sheet["A1"].value)
    definitions["chi_tieu"][0]["o_tu_so"] = [TTHC, "không-phải-ô"]
    sheet["A1"] = json.dumps(definitions, ensure_ascii=False)
    broken = tmp_path / "hong.xlsx"
    wb.save(broken)
    result = run_cli("collect", broken, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert f"{broken}: lỗi: phần định nghĩa chỉ tiêu của biểu bị hỏng; hãy dùng biểu mới do reportgen form tạo" \
        in result.output
