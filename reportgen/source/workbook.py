"""Reading a filled collection workbook (made by `reportgen form`) back into a unit's figures.

The workbook carries its own definitions (a very hidden sheet, JSON): which indicators,
how each is computed and where its input cells are. Every problem is reported as
`file:sheet!cell` in Vietnamese; a figure that cannot be read for certain is an error,
never a guess. Gives the data of a figures file (`don_vi`, `ky`, `chi_tieu`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from dataclasses import field
from pathlib import Path

from reportgen.errors import (
    Diagnostic,
    Diagnostics,
    Location,
    ReportError,
    display_path,
)
from reportgen.records import record

FORMAT = "reportgen-bieu-nhap/1"
DEFINITIONS_SHEET = "_dinh_nghia"
LEVELS = ("xa", "so-nganh")
_WHOLE_TEXT = re.compile(r"^\d{1,3}(\.\d{3})+$|^\d+$")  # 1.423.297 or 1423297 typed as text
_DATE_TEXT = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


@record
class Collected:
    path: Path
    code: str | None
    name: str | None
    data: dict  # the figures file's data
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    where_code: Location | None = None


class _Reader:
    def __init__(self, path: Path, workbook):
        self.path, self.wb = path, workbook
        self.shown = display_path(path)
        self.diags = Diagnostics()

    def where(self, sheet: str, cell: str) -> Location:
        return Location(f"{self.shown}:{sheet}!{cell}")

    def raw(self, address: list):
        sheet, cell = address
        if sheet not in self.wb.sheetnames:
            self.diags.error(Location(self.shown), f'không có trang tính "{sheet}" (biểu đã bị sửa cấu trúc; '
                                                   "hãy dùng biểu mới do reportgen form tạo)")
            return None
        value = self.wb[sheet][cell].value
        return value.strip() or None if isinstance(value, str) else value

    def whole(self, address: list, label: str, minimum: int = 0):
        """A whole number, or None when empty; an error (and None) for anything else."""
        value = self.raw(address)
        where = self.where(*address)
        if value is None:
            return None
        if isinstance(value, (bool, dt.date, dt.datetime)):
            self.diags.error(where, f"{label}: cần một số nguyên, đang là {value!r}")
            return None
        if isinstance(value, str):
            if not _WHOLE_TEXT.match(value):
                self.diags.error(where, f'{label}: "{value}" không phải một số nguyên (ví dụ 1.423.297 hoặc 1423297)')
                return None
            value = int(value.replace(".", ""))
        if isinstance(value, float):
            if value != int(value):
                self.diags.error(where, f"{label}: cần một số nguyên, đang là {str(value).replace('.', ',')}")
                return None
            value = int(value)
        if value < minimum:
            self.diags.error(where, f"{label}: phải từ {minimum} trở lên, đang là {value}")
            return None
        return value

    def decimal(self, address: list, label: str, top: float | None):
        """A rate typed as a number, or as text the Vietnamese way (`95,5`); `95.5` as text is ambiguous."""
        value = self.raw(address)
        if value is None:
            return None
        if isinstance(value, str):
            text = value.removesuffix("%").strip()
            value = float(text.replace(",", ".")) if re.fullmatch(r"\d+(,\d+)?", text) else None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or (top and value > top):
            self.diags.error(self.where(*address), f"{label}: cần một số từ 0{f' đến {top:g}' if top else ' trở lên'}"
                                                   f", đang là {self.raw(address)!r}")
            return None
        return value

    def date(self, address: list):
        value = self.raw(address)
        if value is None or isinstance(value, dt.datetime):
            return value.date() if value else None
        if isinstance(value, dt.date):
            return value
        match = _DATE_TEXT.match(str(value))
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                pass
        self.diags.error(self.where(*address), f'ngày "{value}" không hợp lệ; ghi ngày/tháng/năm, ví dụ 14/9/2025')
        return None


def _definitions(path: Path, workbook) -> dict:
    shown = display_path(path)
    if DEFINITIONS_SHEET not in workbook.sheetnames:
        raise ReportError(Diagnostic(Location(shown), "bảng tính này không phải biểu nhập số liệu do reportgen form "
                                                      "tạo (không có phần định nghĩa chỉ tiêu)"))
    sheet = workbook[DEFINITIONS_SHEET]
    text = "".join(str(sheet.cell(row=r, column=1).value or "") for r in range(1, sheet.max_row + 1))
    try:
        definitions = json.loads(text)
    except ValueError:
        definitions = {}
    if definitions.get("dinh_dang") != FORMAT:
        raise ReportError(Diagnostic(Location(shown), "phần định nghĩa chỉ tiêu của biểu bị hỏng hoặc là phiên bản "
                                                      "khác; hãy dùng biểu mới do reportgen form tạo"))
    return definitions


def _entry_figures(reader: _Reader, entry: dict, label: str) -> dict | None:
    """The figures of one indicator row; None when the row is left entirely empty."""
    kind = entry["cach_tinh"]
    if kind == "tu_so/mau_so":
        numerator = reader.whole(entry["o_tu_so"], f"{label}: tử số")
        denominator = reader.whole(entry["o_mau_so"], f"{label}: mẫu số", minimum=1)
        empty = reader.raw(entry["o_tu_so"]) is None and reader.raw(entry["o_mau_so"]) is None
        if empty:
            return None
        if reader.raw(entry["o_tu_so"]) is None or reader.raw(entry["o_mau_so"]) is None:
            missing = "o_tu_so" if reader.raw(entry["o_tu_so"]) is None else "o_mau_so"
            reader.diags.error(reader.where(*entry[missing]), f"{label}: chưa nhập "
                                                              f"{'tử số' if missing == 'o_tu_so' else 'mẫu số'}")
            return {}
        if numerator is not None and denominator is not None and numerator > denominator and not entry["co_the_vuot"]:
            reader.diags.error(reader.where(*entry["o_tu_so"]),
                               f"{label}: tử số {numerator} lớn hơn mẫu số {denominator} "
                               f"(ô {entry['o_mau_so'][1]})")
        return {"tu_so": numerator, "mau_so": denominator}
    if kind == "ty_le":
        value = reader.decimal(entry["o_ty_le"], f"{label}: tỷ lệ (%)", None if entry["co_the_vuot"] else 100)
        return None if reader.raw(entry["o_ty_le"]) is None else {"ty_le": value}
    value = reader.whole(entry["o_gia_tri"], f"{label}: giá trị")
    return None if reader.raw(entry["o_gia_tri"]) is None else {"gia_tri": value}


def _indicator(reader: _Reader, entry: dict, as_of) -> dict | None:
    label = f'chỉ tiêu "{entry["id"]}"'
    figures = _entry_figures(reader, entry, label)
    if figures is None:
        if any(_entry_figures(reader, p, label) for p in entry["thanh_phan"]):
            where = entry.get("o_tu_so") or entry.get("o_gia_tri") or entry.get("o_ty_le")
            reader.diags.error(reader.where(*where), f"{label}: có số liệu thành phần nhưng chưa nhập số liệu chung")
        return None
    data = {"id": entry["id"], "ten": entry["ten"]}
    if entry.get("don_vi"):
        data["don_vi"] = entry["don_vi"]
    if entry.get("nhom"):
        data["nhom"] = entry["nhom"]
    data.update(figures)
    if as_of:
        data["tinh_den"] = as_of
    if entry["muc_tieu"]:
        data["muc_tieu"] = [{"giao": t["giao"], "gia_tri": t["gia_tri"], **({"thap_nhat": True} if t["thap_nhat"] else {})}
                            for t in entry["muc_tieu"]]
    if entry["co_the_vuot"]:
        data["co_the_vuot"] = True
    note = reader.raw(entry["o_ghi_chu"])
    if note is not None:
        data["ghi_chu"] = str(note)
    parts = []
    for part in entry["thanh_phan"]:
        part_figures = _entry_figures(reader, part, f'thành phần "{part["id"]}" của {label}')
        if part_figures is None:
            where = part.get("o_tu_so") or part.get("o_gia_tri") or part.get("o_ty_le")
            reader.diags.error(reader.where(*where), f'{label}: chưa nhập thành phần "{part["id"]}"')
            continue
        parts.append({"id": part["id"], "ten": part["ten"].removeprefix("Trong đó: "),
                      **({"don_vi": part["don_vi"]} if part.get("don_vi") not in (None, entry.get("don_vi")) else {}),
                      **part_figures})
    if parts:
        data["thanh_phan"] = parts
        if entry["thanh_phan_la_tong"]:
            data["thanh_phan_la_tong"] = True
            _check_parts(reader, entry, data, label)
    return data


def _check_parts(reader: _Reader, entry: dict, data: dict, label: str) -> None:
    whole_key = "tu_so" if "tu_so" in data else "gia_tri"
    whole = data.get(whole_key)
    values = [p.get("gia_tri", p.get("tu_so")) for p in data["thanh_phan"]]
    if whole is None or any(v is None for v in values) or sum(values) == whole:
        return
    cell = entry["o_tu_so"] if whole_key == "tu_so" else entry["o_gia_tri"]
    reader.diags.error(reader.where(*cell), f"{label}: tổng các thành phần là {sum(values)}, khác {whole}")


def _tasks(reader: _Reader, definitions: dict) -> list[dict]:
    """The task rows a unit gave a result for, as task tables (kind nhiem_vu) per appendix;
    a task left without a result is not reported."""
    statuses = definitions.get("trang_thai", [])  # [id, name] pairs, in the order offered
    by_name = {name.casefold(): status for status, name in statuses}
    tables: dict[str, dict] = {}
    for task in definitions.get("nhiem_vu", []):
        chosen = reader.raw(task["o_trang_thai"])
        if chosen is None:
            continue
        status = by_name.get(" ".join(str(chosen).split()).casefold())
        if status is None:
            reader.diags.error(reader.where(*task["o_trang_thai"]),
                               f'kết quả "{chosen}" không có trong danh sách; chọn một trong: '
                               f'{", ".join(name for _, name in statuses)}')
            continue
        row = {"noi_dung": task["noi_dung"], "trang_thai": status}
        note = reader.raw(task["o_ghi_chu"])
        if note is not None:
            row["ket_qua"] = str(note)
        table = tables.setdefault(task["bang"], {
            "id": task["bang"], "tieu_de": task.get("tieu_de") or definitions.get("tieu_de_nhiem_vu")
            or "KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "bang": {"loai": "nhiem_vu", "dong": []}})
        table["bang"]["dong"].append(row)
    return list(tables.values())


def _unit(reader: _Reader, cells: dict) -> tuple:
    code = reader.raw(cells["ma_don_vi"])
    name = reader.raw(cells["ten_don_vi"])
    level = reader.raw(cells["cap"]) or "xa"
    if code is None:
        reader.diags.error(reader.where(*cells["ma_don_vi"]), "chưa nhập mã đơn vị")
    if name is None:
        reader.diags.error(reader.where(*cells["ten_don_vi"]), "chưa nhập tên đơn vị")
    if level not in LEVELS:
        reader.diags.error(reader.where(*cells["cap"]), f'cấp "{level}" không hợp lệ; ghi xa hoặc so-nganh')
    if isinstance(code, float) and code == int(code):
        code = int(code)
    return (str(code).strip() if code is not None else None), (str(name) if name else None), level


def read_workbook(path: str | Path) -> Collected:
    """One filled workbook; its problems are in `Collected.diagnostics` (or raised when unreadable)."""
    from openpyxl import load_workbook

    path = Path(path)
    shown = display_path(path)
    try:
        workbook = load_workbook(path, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "không phải tệp Excel .xlsx"
        raise ReportError(Diagnostic(Location(shown), f"không đọc được bảng tính: {reason}")) from None
    definitions = _definitions(path, workbook)
    reader = _Reader(path, workbook)
    try:
        code, name, level = _unit(reader, definitions["o_don_vi"])
        as_of = reader.date(definitions["o_don_vi"]["tinh_den"])
        indicators = [d for d in (_indicator(reader, e, as_of) for e in definitions["chi_tieu"]) if d]
        appendices = _tasks(reader, definitions)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):  # definitions edited by hand
        raise ReportError(Diagnostic(Location(shown), "phần định nghĩa chỉ tiêu của biểu bị hỏng; hãy dùng biểu "
                                                      "mới do reportgen form tạo")) from None
    data = {"don_vi": {"ma": code, "ten": name, "cap": level}}
    if definitions.get("ky"):
        data["ky"] = definitions["ky"]
    data["chi_tieu"] = indicators
    if appendices:
        data["phu_luc"] = appendices
    if not indicators and not appendices and not reader.diags.errors:
        reader.diags.error(Location(shown), "biểu chưa nhập số liệu nào")
    return Collected(path, code, name, data, reader.diags, reader.where(*definitions["o_don_vi"]["ma_don_vi"]))
