"""`reportgen new`: the next period's report, edited from a copy of the last one.

The new files are the old ones with only what changes touched (see yaml_edit.py): the
period, the number and day left blank, the old request document removed, every figure
kept but flagged `chua_cap_nhat: true` with its value copied to `ky_truoc`, tasks carried
over by their table kind's rule (`sang_ky_moi`), the paths of includes and of the
editor's schema resolved from the new file's folder. The report's own parts (the folder
of the same name) are copied the same way; shared includes stay shared.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import field
from pathlib import Path

from reportgen.pyyaml import yaml

from reportgen.compute import periods
from reportgen.compute.yaml_edit import YamlText
from reportgen.errors import Diagnostic, Location, ReportError, display_path
from reportgen.records import record
from reportgen.source.loader import parse_file
from reportgen.source.templates import load_template

MODELINE = re.compile(r"^(# yaml-language-server: \$schema=)(\S+)(.*)$")
SCHEMA_FILE = Path("schema") / "reportgen.schema.json"
KEEP, CLEAR = "giu", "xoa"
BY_TEMPLATE, KEEP_FINISHED, DROP_FINISHED = "theo-mau", "giu", "bo"
NOT_UPDATED = "chua_cap_nhat"
NOT_UPDATED_NOTE = "số của kỳ trước: nhập số kỳ này rồi xóa dòng này"
VALUE_KEYS = ("gia_tri", "tu_so", "mau_so", "ty_le")
DROP_AT_NEW_YEAR, DROP_EVERY_PERIOD = "nam_moi", "moi_ky"


@record
class NewReport:
    source: Path
    target: Path
    old_period: periods.Period
    new_period: periods.Period
    old_date: dt.date | None
    files: dict = field(default_factory=dict)    # Path -> YAML text
    to_fill: list = field(default_factory=list)  # what the clerk must do, in Vietnamese


def _plain(node):
    if isinstance(node.value, dict):
        return {k: _plain(v) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return [_plain(v) for v in node.value]
    return node.value


def _problem(path: Path, message: str) -> ReportError:
    return ReportError(Diagnostic(Location(display_path(path)), message))


# --- names and paths -------------------------------------------------------------------------

def _id_parts(period: periods.Period) -> tuple[str, str]:
    """(`thang-10`, `2025`): the id without its year, and the year."""
    year = str(period.year)
    return period.id[: -len(year) - 1], year


def renamed(stem: str, old: periods.Period, new: periods.Period) -> str:
    """The file name with its period part replaced: de-an-06-thang-10-2025 → de-an-06-thang-11-2025,
    binh-dinh-2024-6thang → binh-dinh-2024-6thang-cuoi; without one, the new period's id is added."""
    old_part, old_year = _id_parts(old)
    new_part, new_year = _id_parts(new)
    for before, after in ((f"{old_part}-{old_year}", f"{new_part}-{new_year}"),
                          (f"{old_year}-{old_part}", f"{new_year}-{new_part}")):
        match = re.search(rf"(?<![\w]){re.escape(before)}(?![\w])", stem)
        if match and not (before.startswith(old_year) and stem[match.end():].startswith("-cuoi")):
            return stem[:match.start()] + after + stem[match.end():]
    if old.kind == periods.YEAR and stem.count(old_year) == 1:
        return stem.replace(old_year, new_year)
    return f"{stem}-{new.id}"


def _absolute(path: Path) -> Path:
    """The path made absolute without following links (a linked folder keeps its place)."""
    return Path(os.path.normpath(os.path.abspath(path)))


def _relative(path: Path, folder: Path) -> str:
    return Path(os.path.relpath(_absolute(path), _absolute(folder))).as_posix()


def _schema_for(folder: Path) -> Path | None:
    for candidate in [_absolute(folder), *_absolute(folder).parents]:
        if (candidate / SCHEMA_FILE).is_file():
            return candidate / SCHEMA_FILE
    return None


def _fix_modeline(doc: YamlText, old_file: Path, new_file: Path) -> None:
    first = doc.lines[0].rstrip("\r\n") if doc.lines else ""
    match = MODELINE.match(first)
    if match:
        schema = _absolute(old_file.parent / match.group(2))
        new_ref = _relative(schema, new_file.parent)
        if new_ref != match.group(2):
            doc.set_line(1, f"{match.group(1)}{new_ref}{match.group(3)}")
        return
    schema = _schema_for(new_file.parent)
    if schema is not None and doc.lines:
        doc.insert_line(1, f"# yaml-language-server: $schema={_relative(schema, new_file.parent)}")


def _written_like(node, text: str) -> str:
    """A new scalar written with the quotes the old one had."""
    if node is not None and node.style == "'":
        return "'" + text.replace("'", "''") + "'"
    if node is not None and node.style == '"':
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


# --- figures ---------------------------------------------------------------------------------

def _raw(doc: YamlText, path: tuple) -> str:
    node = doc.node(path)
    return doc.text[node.start_mark.index:node.end_mark.index].strip()


def _carry_indicator(doc: YamlText, path: tuple, ind: dict, new: periods.Period, statistical: bool) -> bool:
    present = [k for k in VALUE_KEYS if k in ind]
    if not present or NOT_UPDATED in ind:
        return False
    if "tu_so" in ind and "mau_so" in ind:
        previous = f"{{tu_so: {_raw(doc, path + ('tu_so',))}, mau_so: {_raw(doc, path + ('mau_so',))}}}"
    elif "gia_tri" in ind:
        previous = _raw(doc, path + ("gia_tri",))
    elif "ty_le" in ind:
        previous = f"{{gia_tri: {_raw(doc, path + ('ty_le',))}}}"
    else:
        return False
    last = max(present, key=lambda k: doc.line_of(path + (k,)))
    if "ky_truoc" in ind:
        doc.delete(path + ("ky_truoc",))
    doc.add_after(path + (last,), NOT_UPDATED, "true", NOT_UPDATED_NOTE)
    doc.add_after(path + (last,), "ky_truoc", previous)
    if "ty_le_ghi" in ind:  # a percentage typed for last period's figures
        doc.delete(path + ("ty_le_ghi",))
    for i, part in enumerate(ind.get("thanh_phan") or []):
        if isinstance(part, dict) and "ty_le_ghi" in part:
            doc.delete(path + ("thanh_phan", i, "ty_le_ghi"))
    if "tinh_den" in ind:
        end = new.data_window(statistical).end
        doc.set_scalar(path + ("tinh_den",), end.isoformat())
    return True


# --- tables ----------------------------------------------------------------------------------

def _tables(data, path: tuple = ()):
    """Every table (a mapping under `bang` with a `loai`) outside the indicators."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "chi_tieu" and path == ():
                continue
            if key == "bang" and isinstance(value, dict) and isinstance(value.get("loai"), str):
                yield path + (key,), value
            else:
                yield from _tables(value, path + (key,))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _tables(item, path + (i,))


def _dropped_statuses(kind: dict, rule: str, old: periods.Period, new: periods.Period) -> set:
    carry = kind.get("sang_ky_moi") or {}
    finished = set(carry.get("bo_trang_thai") or [])
    if rule == KEEP_FINISHED:
        return set()
    if rule == DROP_FINISHED:
        return finished
    if carry.get("bo_khi", DROP_EVERY_PERIOD) == DROP_AT_NEW_YEAR and new.year == old.year:
        return set()
    return finished


def _carry_table(doc: YamlText, path: tuple, table: dict, kind: dict, dropped: set, where: str, result: NewReport):
    groups = table.get("nhom") if isinstance(table.get("nhom"), list) else None
    group_paths = [(path + ("nhom", i), g) for i, g in enumerate(groups)] if groups else [(path, table)]
    names = {k: (v or {}).get("ten", k) for k, v in (kind.get("trang_thai") or {}).items()}
    total_left, total_dropped, kept_finished = 0, 0, 0
    finished = set((kind.get("sang_ky_moi") or {}).get("bo_trang_thai") or [])
    for group_path, group in group_paths:
        rows = group.get("dong") if isinstance(group.get("dong"), list) else []
        gone = [i for i, r in enumerate(rows) if isinstance(r, dict) and r.get("trang_thai") in dropped]
        kept_finished += sum(1 for r in rows if isinstance(r, dict) and r.get("trang_thai") in finished - dropped)
        left = len(rows) - len(gone)
        total_left += left
        total_dropped += len(gone)
        if groups and rows and not left:
            doc.delete(group_path)
            continue
        for i in gone:
            doc.delete(group_path + ("dong", i))
        if gone and groups and "so_luong" in group:
            doc.set_scalar(group_path + ("so_luong",), str(left))
    if total_dropped and "so_luong" in table:
        doc.set_scalar(path + ("so_luong",), str(total_left))
    label = f"{where}: bảng {table.get('id') or where}"
    if total_dropped:
        statuses = ", ".join(names.get(s, s) for s in sorted(dropped))
        result.to_fill.append(f"{label}: đã bỏ {total_dropped} dòng ({statuses}) của kỳ trước; "
                              f"còn {total_left} dòng, cập nhật trạng thái của chúng")
    elif kept_finished:
        result.to_fill.append(f"{label}: giữ {kept_finished} dòng đã {', '.join(names.get(s, s) for s in sorted(finished))} "
                              f"(kế hoạch năm {result.new_period.year} chưa kết thúc); cập nhật trạng thái các dòng khác")


# --- one file --------------------------------------------------------------------------------

def _carry_parts(doc: YamlText, data: dict, file: Path, template, rule: str, result: NewReport,
                 statistical: bool) -> None:
    where = display_path(file)
    carried = 0
    for i, ind in enumerate(data.get("chi_tieu") or []):
        if isinstance(ind, dict) and _carry_indicator(doc, ("chi_tieu", i), ind, result.new_period, statistical):
            carried += 1
    if carried:
        result.to_fill.append(f"{where}: {carried} chỉ tiêu giữ số kỳ trước và ghi {NOT_UPDATED}: true; "
                              f"nhập số kỳ này rồi xóa dòng {NOT_UPDATED} (số kỳ trước đã chép sang ky_truoc)")
    for path, table in _tables(data):
        if not table.get("id") and path[:1] == ("phu_luc",) and len(path) == 3:
            table = {**table, "id": (data["phu_luc"][path[1]] or {}).get("id")}
        try:
            kind = template.table_kind(table["loai"], Location(where)).data
        except ReportError:
            continue  # an unknown kind is reported when the new report is checked
        dropped = _dropped_statuses(kind, rule, result.old_period, result.new_period)
        _carry_table(doc, path, table, kind, dropped, where, result)


def _clear_body(blocks: list) -> list:
    """Only the section skeleton: `muc` and heading `khoan` titles, without their text."""
    kept = []
    for block in blocks or []:
        if isinstance(block, dict) and ("muc" in block or ("khoan" in block and block.get("kieu") != "doan")):
            kind = "muc" if "muc" in block else "khoan"
            item = {kind: block[kind]}
            children = _clear_body(block.get("noi_dung"))
            if children:
                item["noi_dung"] = children
            kept.append(item)
    return kept


class _IndentedLists(yaml.SafeDumper):
    """Writes `- item` under its key indented, as most people write it (`key:\n  - item`)."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def _lists_indented(doc: YamlText, path: tuple) -> bool:
    node = doc.node(path)
    if not isinstance(node, yaml.SequenceNode) or not node.value or node.flow_style:
        return False
    return node.value[0].start_mark.column - 2 > doc.key_column(path)


def _carry_main(doc: YamlText, data: dict, result: NewReport, narrative: str, includes: list) -> None:
    new = result.new_period
    if "ky" in data:
        doc.set_scalar(("ky",), _written_like(doc.node(("ky",)), new.id))
    else:
        doc.add_after(("ngay",), "ky", new.id)
    if data.get("so") is not None:
        doc.set_scalar(("so",), None)
        result.to_fill.append("so: số văn bản do văn thư cấp khi ký (đang để trống)")
    month = new.data_window().end
    if isinstance(data.get("ngay"), dict) and doc.node(("ngay",)).flow_style is False:
        doc.set_scalar(("ngay", "thang"), str(month.month))
        doc.set_scalar(("ngay", "nam"), str(month.year))
        if "ngay" in data["ngay"]:
            doc.delete(("ngay", "ngay"))
    else:
        doc.set_scalar(("ngay",), f"{{thang: {month.month}, nam: {month.year}}}")
    result.to_fill.append(f"ngay: điền ngày ký (đang để trống ngày, tháng {month.month}/{month.year})")
    if "van_ban_yeu_cau" in data:
        doc.delete(("van_ban_yeu_cau",))
        result.to_fill.append("van_ban_yeu_cau: văn bản yêu cầu báo cáo của kỳ mới (đã bỏ văn bản của kỳ trước)")
    if "ky_so_sanh" in data:
        doc.delete(("ky_so_sanh",))
        result.to_fill.append("ky_so_sanh: đã bỏ; các kỳ so sánh của kỳ trước được liệt kê lại dưới đây")
    for index, (old_entry, new_entry) in enumerate(includes):
        if old_entry != new_entry:
            path = ("bao_gom", index) if isinstance(data.get("bao_gom"), list) else ("bao_gom",)
            doc.set_scalar(path, _written_like(doc.node(path), new_entry))
    if narrative == CLEAR and "noi_dung" in data:
        skeleton = _clear_body(data["noi_dung"]) or [{"doan": "(Nội dung báo cáo kỳ mới)"}]
        dumper = _IndentedLists if _lists_indented(doc, ("noi_dung",)) else yaml.SafeDumper
        dumped = yaml.dump({"noi_dung": skeleton}, Dumper=dumper, allow_unicode=True, sort_keys=False, width=4096)
        doc.replace_entry(("noi_dung",), dumped.rstrip("\n").split("\n"))
        result.to_fill.append("noi_dung: viết nội dung kỳ mới (chỉ giữ lại các đề mục)")
    else:
        result.to_fill.append("noi_dung: bản nháp lấy từ kỳ trước, cần sửa cho kỳ mới")


def plan(source: Path, period_id: str | None = None, target: Path | None = None, narrative: str = KEEP,
         finished_rule: str = BY_TEMPLATE) -> NewReport:
    """The new files (not yet written) and what is left to fill in."""
    data = _plain(parse_file(source))
    if "mau" not in data:
        raise _problem(source, "tệp này không phải báo cáo (thiếu khóa mau:)")
    old_period = _period_of(source, data.get("ky"))
    if period_id is None:
        if old_period is None:
            raise _problem(source, "báo cáo không ghi ky: nên không biết kỳ tiếp theo; hãy ghi --ky (ví dụ --ky quy-1-2025)")
        new_period = old_period.next()
    else:
        new_period = periods.parse(period_id)
        old_period = old_period or new_period.previous()
    if target is None:
        target = source.parent / f"{renamed(source.stem, old_period, new_period)}{source.suffix}"
    template = load_template(data["mau"], source, Location(display_path(source)))
    statistical = template.settings.get("che_do_bao_cao") == "thong_ke"
    old_date = data.get("ngay") if isinstance(data.get("ngay"), dt.date) else None
    result = NewReport(source, target, old_period, new_period, old_date)

    own_folder = _absolute(source.parent / source.stem)
    new_folder = target.parent / target.stem
    entries = data.get("bao_gom")
    entries = entries if isinstance(entries, list) else [entries] if entries else []
    includes, copies = [], []
    for entry in entries:
        included = _absolute(source.parent / str(entry))
        if included.is_relative_to(own_folder) and included.is_file():
            copy = new_folder / included.relative_to(own_folder)
            copies.append((included, copy))
            includes.append((entry, _relative(copy, target.parent)))
        else:
            includes.append((entry, _relative(included, target.parent)))

    doc = _document(source)
    _carry_main(doc, data, result, narrative, includes)
    _carry_parts(doc, data, source, template, finished_rule, result, statistical)
    _fix_modeline(doc, source, target)
    result.files[target] = doc.result()
    for included, copy in copies:
        part = _document(included)
        _carry_parts(part, _plain(parse_file(included)), copy, template, finished_rule, result, statistical)
        _fix_modeline(part, included, copy)
        result.files[copy] = part.result()
    return result


def _period_of(source: Path, ky) -> periods.Period | None:
    if not ky:
        return None
    try:
        return periods.parse(str(ky))
    except periods.PeriodError as exc:
        raise _problem(source, str(exc)) from None


def _document(path: Path) -> YamlText:
    """The file's text exactly as saved: its line endings (Windows' CRLF) and a BOM are kept."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
    except UnicodeDecodeError:
        raise _problem(path, "tệp không lưu dạng UTF-8 nên reportgen new không sửa được mà giữ nguyên từng byte; "
                             "hãy mở tệp và lưu lại dạng UTF-8 rồi chạy lại") from None
    return YamlText(text)
