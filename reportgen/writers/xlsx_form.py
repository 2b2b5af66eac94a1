"""The collection workbook (biểu nhập số liệu) a unit fills in, from `compute.export.form_data()`.

One sheet per group of indicators, one row per indicator (its parts on rows below it);
the unit, the period and the cut-off date in the header. Only the input cells (yellow)
are unlocked; each is validated (whole numbers, numerator not above denominator unless
the indicator may exceed 100%); rates are formulas. Where every input cell is, and the
indicators' definitions, are kept as JSON in a very hidden sheet, so that
`source.workbook` reads the figures back without guessing from the layout.
"""

from __future__ import annotations

import json

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import quote_sheetname
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from reportgen.writers.xlsx import (
    DATE,
    FONT,
    INTEGER,
    PERCENT,
    column_headers,
    fixed_moment,
    save_stable,
    sheet_title,
    style_body,
    title_rows,
)

FORMAT = "reportgen-bieu-nhap/1"
DEFINITIONS_SHEET = "_dinh_nghia"
CHUNK = 30000  # an Excel cell holds at most 32.767 characters
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
UNUSED_FILL = PatternFill("solid", fgColor="EDEDED")
UNLOCKED = Protection(locked=False)
COLUMNS = (("STT", 6), ("Mã chỉ tiêu", 20), ("Tên chỉ tiêu", 46), ("Đơn vị tính", 12), ("Tử số", 14),
           ("Mẫu số", 14), ("Giá trị", 14), ("Tỷ lệ (%)", 10), ("Mục tiêu", 24), ("Ghi chú", 24))
NUMERATOR, DENOMINATOR, VALUE, RATE, TARGET, NOTE = "E", "F", "G", "H", "I", "J"
FIRST_DATA_ROW = 11


def _input(cell, number_format: str | None = None) -> None:
    style_body(cell, number_format)
    cell.fill = INPUT_FILL
    cell.protection = UNLOCKED


def _validation(ws, cell: str, kind: str, formula: str, message: str, operator: str | None = None,
                second: str | None = None) -> None:
    rule = DataValidation(type=kind, operator=operator, formula1=formula, formula2=second, allow_blank=True,
                          showErrorMessage=True, errorTitle="Số liệu không hợp lệ", error=message)
    rule.add(cell)
    ws.add_data_validation(rule)


def _ratio_inputs(ws, row: int, may_exceed: bool) -> None:
    n, d = f"{NUMERATOR}{row}", f"{DENOMINATOR}{row}"
    cap = "" if may_exceed else f",OR(ISBLANK({d}),{n}<={d})"
    _validation(ws, n, "custom", f"AND(ISNUMBER({n}),{n}>=0,{n}=INT({n}){cap})",
                "Tử số là số nguyên không âm" + ("" if may_exceed else ", không lớn hơn mẫu số") + ".")
    cap = "" if may_exceed else f",OR(ISBLANK({n}),{n}<={d})"
    _validation(ws, d, "custom", f"AND(ISNUMBER({d}),{d}>0,{d}=INT({d}){cap})",
                "Mẫu số là số nguyên lớn hơn 0" + ("" if may_exceed else ", không nhỏ hơn tử số") + ".")
    _input(ws[n], INTEGER)
    _input(ws[d], INTEGER)
    ws[f"{RATE}{row}"] = f'=IF(AND(ISNUMBER({n}),ISNUMBER({d}),{d}>0),ROUND({n}/{d}*100,2),"")'
    style_body(ws[f"{RATE}{row}"], PERCENT)
    for column in (VALUE,):
        ws[f"{column}{row}"].fill = UNUSED_FILL


def _indicator_row(ws, row: int, stt: str, entry: dict, sheet: str, cells: list) -> None:
    values = (stt, entry["id"], entry["ten"], entry["don_vi"])
    for col, value in enumerate(values, start=1):
        style_body(ws.cell(row=row, column=col, value=value))
    for column in (NUMERATOR, DENOMINATOR, VALUE, RATE):
        style_body(ws[f"{column}{row}"])
    style_body(ws.cell(row=row, column=9, value=entry["muc_tieu_ghi"]))
    _input(ws[f"{NOTE}{row}"])
    kind = entry["cach_tinh"]
    where = {"o_ghi_chu": [sheet, f"{NOTE}{row}"]}
    if kind == "tu_so/mau_so":
        _ratio_inputs(ws, row, entry["co_the_vuot"])
        where.update(o_tu_so=[sheet, f"{NUMERATOR}{row}"], o_mau_so=[sheet, f"{DENOMINATOR}{row}"])
    elif kind == "ty_le":
        top = None if entry["co_the_vuot"] else "100"
        _validation(ws, f"{RATE}{row}", "decimal", "0", "Tỷ lệ (%) là một số từ 0"
                    + ("" if top else " trở lên") + (" đến 100." if top else "."),
                    "between" if top else "greaterThanOrEqual", top)
        _input(ws[f"{RATE}{row}"], PERCENT)
        where["o_ty_le"] = [sheet, f"{RATE}{row}"]
        for column in (NUMERATOR, DENOMINATOR, VALUE):
            ws[f"{column}{row}"].fill = UNUSED_FILL
    else:
        _validation(ws, f"{VALUE}{row}", "whole", "0", "Giá trị là số nguyên không âm.", "greaterThanOrEqual")
        _input(ws[f"{VALUE}{row}"], INTEGER)
        where["o_gia_tri"] = [sheet, f"{VALUE}{row}"]
        for column in (NUMERATOR, DENOMINATOR, RATE):
            ws[f"{column}{row}"].fill = UNUSED_FILL
    cells.append({**{k: v for k, v in entry.items() if k != "thanh_phan"}, **where, "thanh_phan": []})


def _header(ws, data: dict, first: str | None, unit_cells: dict) -> int:
    lines = [("BIỂU NHẬP SỐ LIỆU", True)]
    if data.get("co_quan"):
        lines.append((f"Gửi: {data['co_quan']}", False))
    if data.get("ky_ten"):
        lines.append((f"Kỳ báo cáo: {data['ky_ten']}", False))
    row = title_rows(ws, lines, len(COLUMNS)) - 1
    labels = (("ma_don_vi", "Mã đơn vị (theo danh mục của Quyết định 19/2025/QĐ-TTg):", "@"),
              ("ten_don_vi", "Tên đơn vị:", None), ("cap", "Cấp (xa hoặc so-nganh):", None),
              ("tinh_den", "Số liệu tính đến ngày (ngày/tháng/năm):", DATE))
    for key, label, number_format in labels:
        ws.cell(row=row, column=1, value=label).font = Font(name=FONT, bold=True, size=11)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        cell = ws.cell(row=row, column=4)
        if first is None:
            _input(cell, number_format)
            unit_cells[key] = [ws.title, cell.coordinate]
        else:
            cell.value = f"={quote_sheetname(first)}!{unit_cells[key][1]}"
            style_body(cell, number_format)
        ws.merge_cells(start_row=row, start_column=4, end_row=row, end_column=5)
        row += 1
    if first is None:
        _validation(ws, unit_cells["cap"][1], "list", '"xa,so-nganh"', "Cấp là xa hoặc so-nganh.")
        ws[unit_cells["cap"][1]] = "xa"
        _validation(ws, unit_cells["tinh_den"][1], "date", "1", "Ngày không hợp lệ (ngày/tháng/năm).",
                    "greaterThanOrEqual")
    note = ws.cell(row=row, column=1, value="Nhập số liệu vào các ô nền vàng (số nguyên, không gõ dấu chấm "
                                             "phân cách hàng nghìn); tỷ lệ tự tính.")
    note.font = Font(name=FONT, italic=True, size=11)
    note.alignment = Alignment(wrap_text=False)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(COLUMNS))
    return row + 2


def _lock_for_entry(ws, freeze) -> None:
    """Panes frozen above and left of `freeze`; the sheet locked but for the input cells (its
    columns and rows still resizable); printed landscape on A4."""
    ws.freeze_panes = freeze
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4


def _group_sheet(ws, data: dict, group: dict, first: str | None, unit_cells: dict, cells: list) -> None:
    header_row = _header(ws, data, first, unit_cells)
    column_headers(ws, header_row, COLUMNS)
    row = header_row + 2
    for number, entry in enumerate(group["chi_tieu"], start=1):
        _indicator_row(ws, row, str(number), entry, ws.title, cells)
        parent = cells[-1]
        row += 1
        for index, part in enumerate(entry["thanh_phan"], start=1):
            part = {**part, "ten": f"Trong đó: {part['ten']}"}
            _indicator_row(ws, row, f"{number}.{index}", part, ws.title, parent["thanh_phan"])
            row += 1
    _lock_for_entry(ws, freeze=ws.cell(row=header_row + 2, column=4))


TASK_COLUMNS = (("STT", 6), ("Nội dung, nhiệm vụ", 60), ("Kết quả thực hiện", 24), ("Ghi chú, sản phẩm", 40))


def _task_sheet(ws, data: dict, first: str | None, unit_cells: dict, tasks: list) -> None:
    """One row per task: its status chosen from a list, and a note (what was done)."""
    header_row = _header(ws, data, first, unit_cells)
    column_headers(ws, header_row, TASK_COLUMNS)
    names = list(data["trang_thai"].values())
    for number, task in enumerate(data["nhiem_vu"], start=1):
        row = header_row + 1 + number
        style_body(ws.cell(row=row, column=1, value=str(number)))
        style_body(ws.cell(row=row, column=2, value=task["noi_dung"]))
        _validation(ws, f"C{row}", "list", '"' + ",".join(names) + '"',
                    "Chọn một kết quả trong danh sách: " + ", ".join(names) + ".")
        _input(ws[f"C{row}"])
        _input(ws[f"D{row}"])
        tasks.append({**task, "o_trang_thai": [ws.title, f"C{row}"], "o_ghi_chu": [ws.title, f"D{row}"]})
    _lock_for_entry(ws, freeze=ws.cell(row=header_row + 2, column=3))


def write_form_xlsx(data: dict) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    taken: set = {DEFINITIONS_SHEET.casefold()}
    unit_cells: dict = {}
    cells: list = []
    first = None
    for group in data["nhom"]:
        ws = wb.create_sheet(sheet_title(group["ten"], taken))
        _group_sheet(ws, data, group, first, unit_cells, cells)
        first = first or ws.title
    tasks: list = []
    if data.get("nhiem_vu"):
        ws = wb.create_sheet(sheet_title("Nhiệm vụ", taken))
        _task_sheet(ws, data, first, unit_cells, tasks)
        first = first or ws.title
    if data.get("tinh_den") and first:
        from datetime import date

        wb[first][unit_cells["tinh_den"][1]] = date.fromisoformat(data["tinh_den"])
    definitions = wb.create_sheet(DEFINITIONS_SHEET)
    text = json.dumps({"dinh_dang": FORMAT, "ky": data.get("ky"), "o_don_vi": unit_cells, "chi_tieu": cells,
                       "nhiem_vu": tasks, "trang_thai": list(data.get("trang_thai", {}).items()),  # pairs keep the order
                       "tieu_de_nhiem_vu": data.get("tieu_de_nhiem_vu")}, ensure_ascii=False, sort_keys=True)
    for index in range(0, len(text), CHUNK):
        definitions.cell(row=index // CHUNK + 1, column=1, value=text[index:index + CHUNK])
    definitions.sheet_state = "veryHidden"
    definitions.protection.sheet = True
    wb.security = WorkbookProtection(lockStructure=True)  # sheets cannot be renamed, moved or unhidden
    return save_stable(wb, fixed_moment(data.get("tinh_den")))
