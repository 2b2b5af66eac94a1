"""Excel workbooks with openpyxl: the exported figures laid out like a biểu mẫu, and the bytes
made stable (fixed document properties and zip entries) so the same data gives the same file.

`write_export_xlsx(data)` takes `compute.export.export_data()`'s plain data: one sheet per
group, headers in Vietnamese, numbers as numbers. Number formats are Excel's (`#,##0`,
`0.00`): Excel and LibreOffice show them with the separators of the machine's language,
so `1.195.107` and `95,14` on a Vietnamese system.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter

FONT = "Times New Roman"
INTEGER = "#,##0"
DECIMAL = "#,##0.##"
PERCENT = "0.00"
DATE = "dd/mm/yyyy"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")

# (key, header, width, number format)
EXPORT_COLUMNS = (
    ("stt", "STT", 6, None),
    ("ma_chi_tieu", "Mã chỉ tiêu", 22, None),
    ("ten_chi_tieu", "Tên chỉ tiêu", 48, None),
    ("ma_don_vi", "Mã đơn vị", 11, None),
    ("ten_don_vi", "Tên đơn vị", 24, None),
    ("ky", "Kỳ báo cáo", 13, None),
    ("tu_so", "Tử số", 14, INTEGER),
    ("mau_so", "Mẫu số", 14, INTEGER),
    ("gia_tri", "Giá trị", 14, INTEGER),
    ("ty_le", "Tỷ lệ (%)", 10, PERCENT),
    ("don_vi_tinh", "Đơn vị tính", 13, None),
    ("tinh_den", "Số liệu tính đến ngày", 13, DATE),
    ("muc_tieu_ghi", "Mục tiêu", 26, None),
)


def sheet_title(name: str, taken: set) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = SHEET_NAME_FORBIDDEN.sub("-", name).strip("'") or "Trang"
    base = base[:31]
    title, n = base, 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


def _named(cell, name: str, make) -> None:
    """Styles by name, registered once per workbook: setting font, border and alignment on each
    cell makes openpyxl hash them every time (slow for a roll-up's thousands of rows)."""
    workbook = cell.parent.parent
    if name not in workbook.named_styles:
        style = make()
        style.name = name
        workbook.add_named_style(style)
    cell.style = name


def style_header(cell, size: int = 11) -> None:
    _named(cell, f"rg-tieu-de-{size}", lambda: NamedStyle(
        font=Font(name=FONT, bold=True, size=size), border=BORDER, fill=HEADER_FILL,
        alignment=Alignment(horizontal="center", vertical="center", wrap_text=True)))


def style_body(cell, number_format: str | None = None) -> None:
    _named(cell, f"rg-o-{number_format or 'van-ban'}", lambda: NamedStyle(
        font=Font(name=FONT, size=11), border=BORDER, number_format=number_format or "General",
        alignment=Alignment(vertical="center", wrap_text=True, horizontal="right" if number_format else "left")))


def title_rows(ws, lines: list[tuple[str, bool]], width: int) -> int:
    """Merged lines across the table's width; returns the next free row."""
    for row, (text, bold) in enumerate(lines, start=1):
        ws.cell(row=row, column=1, value=text).font = Font(name=FONT, bold=bold, size=13 if row == 1 else 12)
        ws.cell(row=row, column=1).alignment = Alignment(horizontal="center" if row == 1 else "left")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    return len(lines) + 2


def column_headers(ws, row: int, columns) -> None:
    """The column titles at `row`, their numbers (1), (2), ... below, and the columns' widths."""
    for col, (title, width) in enumerate(columns, start=1):
        style_header(ws.cell(row=row, column=col, value=title))
        style_header(ws.cell(row=row + 1, column=col, value=f"({col})"), size=10)
        ws.column_dimensions[get_column_letter(col)].width = width


def _value(row: dict, key: str):
    value = row.get(key)
    if key == "tinh_den" and value:
        return dt.date.fromisoformat(value)
    if key == "gia_tri" and isinstance(value, float):
        return value
    return value


def _export_sheet(ws, data: dict, group: dict) -> None:
    unit = data.get("don_vi")
    lines = [("BIỂU SỐ LIỆU CHỈ TIÊU", True)]
    if data.get("co_quan"):
        lines.append((f"Cơ quan báo cáo: {data['co_quan']}", False))
    if unit:
        lines.append((f"Đơn vị: {unit['ten']} (mã {unit['ma']})", False))
    if data.get("ky_ten"):
        lines.append((f"Kỳ báo cáo: {data['ky_ten']} ({data['ky']})", False))
    lines.append((f"Nhóm chỉ tiêu: {group['ten']}", False))
    header_row = title_rows(ws, lines, len(EXPORT_COLUMNS))
    column_headers(ws, header_row, [(title, width) for _, title, width, _ in EXPORT_COLUMNS])
    for index, row in enumerate(group["chi_tieu"], start=1):
        r = header_row + 1 + index
        for col, (key, _, _, number_format) in enumerate(EXPORT_COLUMNS, start=1):
            value = index if key == "stt" else _value(row, key)
            if key == "gia_tri" and isinstance(value, float):
                number_format = DECIMAL
            style_body(ws.cell(row=r, column=col, value=value), number_format)
    ws.freeze_panes = ws.cell(row=header_row + 2, column=3)
    ws.print_title_rows = f"{header_row}:{header_row + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def fixed_moment(day: str | None) -> dt.datetime:
    """The report's date as the workbook's created/modified time (a fixed one when it has none)."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time()) if day else dt.datetime(2000, 1, 1)


def save_stable(wb: Workbook, moment: dt.datetime) -> bytes:
    """openpyxl stamps the current time in docProps/core.xml and on every zip entry: both are
    replaced by `moment`, and the entries rewritten in the same order with the same settings."""
    wb.properties.creator = "reportgen"
    wb.properties.lastModifiedBy = None
    wb.properties.created = moment
    buffer = io.BytesIO()
    wb.save(buffer)
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>" + stamp.encode() + rb"\g<2>", content)
            entry = zipfile.ZipInfo(item.filename, date_time=moment.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content, compresslevel=6)
    return out.getvalue()


def write_export_xlsx(data: dict) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    taken: set = set()
    for group in data["nhom"] or [{"ten": "Chỉ tiêu", "chi_tieu": []}]:
        _export_sheet(wb.create_sheet(sheet_title(group["ten"], taken)), data, group)
    return save_stable(wb, fixed_moment(data.get("ngay")))
