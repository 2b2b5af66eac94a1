"""`reportgen new`: the next period's report, started from the last one.

Same template, agency, signer, recipients and shared includes; the period set to
the new one; the number and day left blank for the clerk; every indicator's
value moved to its previous-period value (`ky_truoc`); finished tasks dropped
or kept as the table kind says; the narrative kept as a draft or cleared to its
section headings. Nothing existing is ever overwritten.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from reportgen.compute import periods
from reportgen.errors import Diagnostic, Location, ReportError, display_path
from reportgen.source.loader import parse_file
from reportgen.source.templates import find_templates_root

MODELINE = "# yaml-language-server: $schema={}"
KEEP, CLEAR = "giu", "xoa"


@dataclass
class NewReport:
    files: dict = field(default_factory=dict)   # Path -> YAML text
    to_fill: list = field(default_factory=list)  # what the user must fill in, in Vietnamese


def _plain(path: Path) -> dict:
    """The YAML of one file as plain data (located nodes are not needed here)."""
    def strip(node):
        if isinstance(node.value, dict):
            return {k: strip(v) for k, v in node.value.items()}
        if isinstance(node.value, list):
            return [strip(v) for v in node.value]
        return node.value
    return strip(parse_file(path))


def _replace_labels(text, old: periods.Period, new: periods.Period):
    if not isinstance(text, str):
        return text
    pairs = [(old.next().label, new.next().label), (old.label, new.label),
             (old.next().label_without_year, new.next().label_without_year),
             (old.label_without_year, new.label_without_year)]
    marker = "\x00{}\x00"
    for i, (before, _) in enumerate(pairs):
        text = text.replace(before, marker.format(i))
    for i, (_, after) in enumerate(pairs):
        text = text.replace(marker.format(i), after)
    return text


def _carry_indicator(ind: dict) -> dict:
    out = copy.deepcopy(ind)
    if "tu_so" in ind and "mau_so" in ind:
        out["ky_truoc"] = {"tu_so": ind["tu_so"], "mau_so": ind["mau_so"]}
    elif "gia_tri" in ind:
        out["ky_truoc"] = ind["gia_tri"]
    elif "ty_le" in ind:
        out["ky_truoc"] = {"gia_tri": ind["ty_le"]}
    out.pop("ty_le_ghi", None)  # a percentage typed for the old figures no longer applies
    out.pop("tinh_den", None)
    for part in out.get("thanh_phan") or []:
        part.pop("ty_le_ghi", None)
    return out


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


def _drop_finished(table: dict, finished: set, report: NewReport, where: str) -> dict:
    out = copy.deepcopy(table)
    out.pop("so_luong", None)
    groups = out.get("nhom") or [{"dong": out.get("dong") or []}]
    dropped = 0
    for group in groups:
        group.pop("so_luong", None)
        rows = group.get("dong") or []
        group["dong"] = [r for r in rows if r.get("trang_thai") not in finished]
        dropped += len(rows) - len(group["dong"])
    if "nhom" in out:
        out["nhom"] = [g for g in groups if g["dong"]]
    else:
        out["dong"] = groups[0]["dong"]
    if dropped:
        report.to_fill.append(f"{where}: đã bỏ {dropped} nhiệm vụ hoàn thành ở kỳ trước; cập nhật trạng thái các dòng còn lại")
    return out


def _finished_statuses(template_root: Path | None, template: str, kind: str) -> set:
    if template_root is None:
        return set()
    for folder in (template_root / template / "bang", template_root / "_chung" / "bang"):
        path = folder / f"{kind}.yaml"
        if path.is_file():
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            return set((data.get("sang_ky_moi") or {}).get("bo_trang_thai") or [])
    return set()


def _dump(data: dict, schema_ref: str, header: list[str]) -> str:
    lines = [MODELINE.format(schema_ref)] + [f"# {h}" for h in header]
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False)
    return "\n".join(lines) + "\n" + body


def plan(source: Path, period_id: str, target: Path, narrative: str = KEEP) -> NewReport:
    new_period = periods.parse(period_id)
    data = _plain(source)
    if "mau" not in data:
        raise ReportError(Diagnostic(Location(display_path(source)), "tệp này không phải báo cáo (thiếu khóa mau:)"))
    old_period = periods.parse(data["ky"]) if data.get("ky") else new_period.previous()
    result = NewReport()
    own_folder = source.parent / source.stem
    new_folder = target.parent / target.stem
    root = find_templates_root(source.parent)
    schema_for = lambda path: Path("../" * (len(path.relative_to(target.parent).parts) - 1) + "../schema/reportgen.schema.json").as_posix()

    includes = []
    for entry in data.get("bao_gom") or []:
        included = (source.parent / entry).resolve()
        if included.parent == own_folder.resolve():
            new_path = new_folder / included.name
            result.files[new_path] = _carry_file(included, data, old_period, new_period, root, result)
            includes.append(f"{target.stem}/{included.name}")
        else:
            includes.append(Path(__import__("os").path.relpath(included, target.parent)).as_posix())

    new = dict(data)
    new["bao_gom"] = includes
    new["ky"] = new_period.id
    new.pop("so", None)
    end = new_period.end
    new["ngay"] = {"thang": end.month, "nam": end.year}
    result.to_fill.append("ngay: điền ngày ký (đang để trống ngày, tháng " f"{end.month}/{end.year})")
    result.to_fill.append("so: số văn bản do văn thư cấp khi ký (đang để trống)")
    if "van_ban_yeu_cau" in new:
        new.pop("van_ban_yeu_cau")
        result.to_fill.append("van_ban_yeu_cau: văn bản yêu cầu báo cáo của kỳ mới (đã bỏ văn bản của kỳ trước)")
    for key in ("trich_yeu", "mo_dau", "ket_thuc"):
        if key in new:
            new[key] = _replace_labels(new[key], old_period, new_period)
    for i, ind in enumerate(new.get("chi_tieu") or []):
        new["chi_tieu"][i] = _carry_indicator(ind)
    if new.get("chi_tieu"):
        result.to_fill.append("chi_tieu: nhập số liệu kỳ mới (số liệu kỳ trước đã chuyển sang ky_truoc)")
    if narrative == CLEAR:
        new["noi_dung"] = _clear_body(new.get("noi_dung")) or [{"doan": "(Nội dung báo cáo kỳ mới)"}]
        result.to_fill.append("noi_dung: viết nội dung kỳ mới (chỉ giữ lại các đề mục)")
    else:
        result.to_fill.append("noi_dung: bản nháp lấy từ kỳ trước, cần sửa cho kỳ mới")
    new["phu_luc"] = [_carry_appendix(a, data, root, result, "phu_luc") for a in new.get("phu_luc") or []] or None
    if new["phu_luc"] is None:
        new.pop("phu_luc")
    header = [f"Báo cáo {new_period.label}, lập từ {source.name} bằng `reportgen new`.", "Cần điền:"] + \
             [f"  - {item}" for item in result.to_fill]
    result.files = {target: _dump(new, schema_for(target), header), **result.files}
    return result


def _carry_appendix(appendix: dict, data: dict, root, result: NewReport, where: str) -> dict:
    out = copy.deepcopy(appendix)
    table = out.get("bang")
    if table:
        finished = _finished_statuses(root, data["mau"], table.get("loai", ""))
        out["bang"] = _drop_finished(table, finished, result, f"{where} {appendix.get('id', '')}")
    return out


def _carry_file(path: Path, report: dict, old, new, root, result: NewReport) -> str:
    data = _plain(path)
    if "chi_tieu" in data:
        data["chi_tieu"] = [_carry_indicator(i) for i in data["chi_tieu"]]
        result.to_fill.append(f"{path.name}: nhập số liệu kỳ mới (số liệu kỳ trước đã chuyển sang ky_truoc)")
    if "phu_luc" in data:
        data["phu_luc"] = [_carry_appendix(a, report, root, result, path.name) for a in data["phu_luc"]]
        for appendix in data["phu_luc"]:
            appendix["tieu_de"] = _replace_labels(appendix.get("tieu_de"), old, new)
    return _dump(data, "../../schema/reportgen.schema.json", [f"Phần của báo cáo {new.label}."])


def write(result: NewReport) -> None:
    from reportgen.output import write_atomic

    existing = [p for p in result.files if p.exists()]
    if existing:
        raise ReportError(Diagnostic(Location(display_path(existing[0])),
                                     "tệp đã có; reportgen new không ghi đè, hãy chọn tên khác bằng -o"))
    for path, text in result.files.items():
        write_atomic(path, text.encode("utf-8"))
