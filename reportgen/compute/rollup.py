"""Rolling units' figures up into the province's: numerators and denominators summed, never
percentages averaged; plain figures summed; tasks' statuses counted per unit.

Takes the units' figures (`source.units.UnitFigures`) and, when given, the list of units
expected; gives the totals, the units missing, and the data of a figures file a province
report includes with `bao_gom` (totals, per-unit figures for the breakdown appendix, the
task tally).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import field
from decimal import Decimal

from reportgen.compute import periods
from reportgen.errors import Diagnostics, suggestion
from reportgen.records import record
from reportgen.source.model import Indicator, Target, Unit
from reportgen.source.units import UnitFigures, UnitList

RATIO, VALUE, RATE_ONLY, EMPTY = "tu_so/mau_so", "gia_tri", "ty_le", "không có số liệu"
REPORTED_ID = "so_don_vi_bao_cao"
BREAKDOWN_ID = "chi-tiet-don-vi"
BREAKDOWN_KIND = "chi_tieu_don_vi"
TASKS_KIND = "nhiem_vu_tong_hop"
TASK_STATUSES = ("hoan_thanh", "dang_trien_khai", "thuong_xuyen", "chua_hoan_thanh", "cho_huong_dan")
NOT_REPORTED = "Chưa báo cáo"


def kind_of(ind: Indicator) -> str:
    if ind.numerator is not None:
        return RATIO
    if ind.value is not None:
        return VALUE
    if ind.rate is not None:
        return RATE_ONLY
    return EMPTY


def _definition(ind: Indicator) -> dict:
    """What must be the same in every unit for a sum to mean anything."""
    return {
        "cách tính": kind_of(ind),
        "đơn vị tính": ind.unit or "(không ghi)",
        "co_the_vuot": ind.may_exceed,
        "thành phần": [(p.id, kind_of(p), p.unit or ind.unit or "(không ghi)") for p in ind.parts],
        "thanh_phan_la_tong": ind.parts_are_whole,
    }


def _differences(first: dict, other: dict) -> list[str]:
    out = []
    for key, value in first.items():
        if other[key] != value:
            shown = (lambda v: ", ".join(f"{p[0]} ({p[1]}, {p[2]})" for p in v) or "(không có)") \
                if key == "thành phần" else str
            out.append(f"{key} {shown(other[key])} khác {shown(value)}")
    return out


@record
class Total:
    """One indicator summed over the units that report it."""

    first: Indicator  # the definition, as the first unit wrote it
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    value: Decimal | None = None
    parts: list[Total] = field(default_factory=list)
    by_unit: dict = field(default_factory=dict)  # unit code -> Indicator
    as_of: set = field(default_factory=set)
    targets: list | None = None
    previous: object = None
    previous_complete: bool = True

    @property
    def id(self) -> str:
        return self.first.id

    def add(self, ind: Indicator) -> None:
        for name in ("numerator", "denominator", "value"):
            figure = getattr(ind, name)
            if figure is not None:
                setattr(self, name, (getattr(self, name) or Decimal(0)) + Decimal(str(figure)))
        for total, part in zip(self.parts, ind.parts):
            total.add(part)


@record
class TaskTally:
    appendix: str
    text: str  # the task, as the first unit wrote it
    counts: Counter
    units: int = 0


@record
class Rollup:
    figures: list[UnitFigures]
    period: str | None
    totals: list[Total]
    expected: UnitList | None
    missing: list[Unit]
    tasks: list[TaskTally]

    @property
    def units(self) -> list[Unit]:
        """Units in the list's order when there is a list, else in the order of their codes."""
        reported = {f.unit.code: f.unit for f in self.figures}
        if self.expected:
            return [u for u in self.expected.units if u.code in reported]
        return [reported[c] for c in sorted(reported)]


def _check_units(figures: list[UnitFigures], expected: UnitList | None, diags: Diagnostics) -> list[UnitFigures]:
    seen: dict[str, UnitFigures] = {}
    known = expected.by_code() if expected else None
    kept = []
    for fig in figures:
        if fig.unit is None:
            diags.error(fig.where(()), 'tệp số liệu không ghi đơn vị báo cáo: thêm don_vi: {ma: "...", ten: "...", '
                                       "cap: xa} (mã theo Quyết định 19/2025/QĐ-TTg)")
            continue
        here = fig.where(("don_vi", "ma"))
        if fig.unit.level == "tinh":
            diags.error(here, f'đơn vị "{fig.unit.name}" là cấp tỉnh: tệp này là số liệu tổng hợp, '
                              "không cộng vào số liệu của các đơn vị")
            continue
        if fig.unit.code in seen:
            diags.error(here, f'mã đơn vị "{fig.unit.code}" đã có trong {seen[fig.unit.code].shown}',
                        related=seen[fig.unit.code].where(("don_vi", "ma")))
            continue
        if known is not None and fig.unit.code not in known:
            diags.error(here, f'mã đơn vị "{fig.unit.code}" ({fig.unit.name}) không có trong danh sách '
                              f"{expected.path.name}{suggestion(fig.unit.code, known)}")
            continue
        if known is not None and known[fig.unit.code].name != fig.unit.name:
            diags.warning(here, f'tên đơn vị "{fig.unit.name}" khác với tên trong danh sách: '
                                f'"{known[fig.unit.code].name}"', related=expected.locations[fig.unit.code])
        seen[fig.unit.code] = fig
        kept.append(fig)
    return kept


def _check_period(figures: list[UnitFigures], diags: Diagnostics) -> str | None:
    for fig in figures:
        if fig.period:
            try:
                periods.parse(fig.period)
            except periods.PeriodError as exc:
                diags.error(fig.where(("ky",)), str(exc))
    first = next((f for f in figures if f.period), None)
    for fig in figures:
        if first and fig.period != first.period:
            diags.error(fig.where(("ky",)), f'kỳ báo cáo "{fig.period or "(không ghi)"}" khác với kỳ '
                                            f'"{first.period}" của {first.shown}', related=first.where(("ky",)))
    return first.period if first else None


def _new_total(ind: Indicator) -> Total:
    return Total(ind, parts=[Total(p) for p in ind.parts], targets=ind.targets, previous=ind.previous)


def _fold_extras(total: Total, ind: Indicator) -> None:
    """Cut-off dates, targets and previous-period figures: kept only where they still mean something."""
    if ind.as_of:
        total.as_of.add(ind.as_of)
    if total.targets != ind.targets:
        total.targets = None
    prev = ind.previous
    if prev is None or isinstance(prev, dict) != isinstance(total.previous, dict) or not total.previous_complete:
        total.previous_complete = False
        return
    if total.by_unit:  # not the first unit: add its previous figures
        if isinstance(prev, dict):
            total.previous = {k: Decimal(str(total.previous[k])) + Decimal(str(prev[k]))
                              for k in total.previous if k in prev}
        else:
            total.previous = Decimal(str(total.previous)) + Decimal(str(prev))


def _sum_indicators(figures: list[UnitFigures], diags: Diagnostics) -> list[Total]:
    totals: dict[str, Total] = {}
    origin: dict[str, UnitFigures] = {}  # the file that first declared each indicator
    for fig in figures:
        for ind in fig.indicators:
            label = f'chỉ tiêu "{ind.id}"'
            if kind_of(ind) in (RATE_ONLY, EMPTY):
                diags.error(ind.location, f"{label} chỉ có tỷ lệ, không có tử số và mẫu số nên không cộng được: "
                                          "ghi tu_so và mau_so (hoặc gia_tri)" if kind_of(ind) == RATE_ONLY
                            else f"{label} không có số liệu (tu_so/mau_so hoặc gia_tri)")
                continue
            if ind.id not in totals:
                totals[ind.id], origin[ind.id] = _new_total(ind), fig
            total = totals[ind.id]
            first_fig = origin[ind.id]
            differences = _differences(_definition(total.first), _definition(ind))
            if differences:
                diags.error(ind.location, f"{label} của {fig.shown} định nghĩa khác với {first_fig.shown}: "
                                          f"{'; '.join(differences)}", related=total.first.location)
                continue
            if " ".join(ind.name.split()) != " ".join(total.first.name.split()):
                diags.warning(ind.location, f'{label} của {fig.shown} có tên "{ind.name}", khác tên trong '
                                            f'{first_fig.shown}: "{total.first.name}" (tổng hợp dùng tên sau)',
                              related=total.first.location)
            _fold_extras(total, ind)
            total.add(ind)
            total.by_unit[fig.unit.code] = ind
    for total in totals.values():
        for fig in figures:
            if fig.unit.code not in total.by_unit and fig.unit.code:
                diags.warning(fig.where(("chi_tieu",)), f'{fig.shown} không có chỉ tiêu "{total.id}" '
                                                        f"(có trong {origin[total.id].shown}); "
                                                        "tổng chỉ gồm các đơn vị có báo cáo chỉ tiêu này")
    return list(totals.values())


def _task_text(row) -> str | None:
    cell = row.values.get("noi_dung")
    raw = getattr(cell, "raw", None)
    return " ".join(raw.split()) if raw else None


def _task_rows(fig: UnitFigures):
    for appendix_id, table in fig.tables:
        for group in table.groups:
            for row in group.rows:
                text = _task_text(row)
                if row.status is not None and text is not None:
                    yield appendix_id, text, row


def _tally_tasks(figures: list[UnitFigures], diags: Diagnostics) -> list[TaskTally]:
    """How many units gave each status to each task (the same `noi_dung`); a unit counts once."""
    tallies: dict[tuple, TaskTally] = {}
    for fig in figures:
        counted: dict[tuple, object] = {}
        for appendix_id, text, row in _task_rows(fig):
            key = (appendix_id, text.casefold())
            if row.status not in TASK_STATUSES:
                diags.error(row.location, f'trạng thái "{row.status}" không tổng hợp được; dùng một trong: '
                                          f"{', '.join(TASK_STATUSES)}{suggestion(row.status, TASK_STATUSES)}")
                continue
            if key in counted:
                diags.warning(row.location, "nhiệm vụ này đã có ở một dòng trên của cùng đơn vị; chỉ tính dòng đầu",
                              related=counted[key])
                continue
            counted[key] = row.location
            tally = tallies.setdefault(key, TaskTally(appendix_id, text, Counter()))
            tally.counts[row.status] += 1
            tally.units += 1
    return list(tallies.values())


def roll_up(figures: list[UnitFigures], expected: UnitList | None = None) -> tuple[Rollup, Diagnostics]:
    diags = Diagnostics()
    kept = _check_units(figures, expected, diags)
    period = _check_period(kept, diags)
    totals = _sum_indicators(kept, diags)
    tasks = _tally_tasks(kept, diags)
    reported = {f.unit.code for f in kept}
    missing = [u for u in expected.units if u.code not in reported] if expected else []
    return Rollup(kept, period, totals, expected, missing, tasks), diags


# --- the figures file a province report includes ------------------------------------------

def _plain_number(value):
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _figures(total: Total) -> dict:
    if total.numerator is not None:
        return {"tu_so": _plain_number(total.numerator), "mau_so": _plain_number(total.denominator)}
    return {"gia_tri": _plain_number(total.value)}


def _targets(targets: list[Target]) -> list[dict]:
    return [{"giao": t.by, "gia_tri": t.value, **({"thap_nhat": True} if t.at_least else {})} for t in targets]


def _previous(total: Total):
    if not total.previous_complete or total.previous is None:
        return None
    if isinstance(total.previous, dict):
        return {k: _plain_number(v) for k, v in total.previous.items()}
    return _plain_number(total.previous)


def indicator_data(total: Total) -> dict:
    ind = total.first
    data = {"id": ind.id, "ten": ind.name}
    if ind.unit:
        data["don_vi"] = ind.unit
    if ind.group:
        data["nhom"] = ind.group
    data.update(_figures(total))
    if total.as_of:
        data["tinh_den"] = max(total.as_of)
    if total.targets:
        data["muc_tieu"] = _targets(total.targets)
    if _previous(total) is not None:
        data["ky_truoc"] = _previous(total)
    if ind.may_exceed:
        data["co_the_vuot"] = True
    if total.parts:
        data["thanh_phan"] = [{"id": p.first.id, "ten": p.first.name,
                               **({"don_vi": p.first.unit} if p.first.unit else {}), **_figures(p)}
                              for p in total.parts]
        if ind.parts_are_whole:
            data["thanh_phan_la_tong"] = True
    return data


def unit_indicator_id(indicator_id: str, code: str) -> str:
    return f"{indicator_id}__{re.sub(r'[^A-Za-z0-9_]', '_', code)}"


def _unit_indicator(total: Total, unit: Unit) -> dict:
    ind = total.by_unit[unit.code]
    data = {"id": unit_indicator_id(total.id, unit.code), "ten": f"{total.first.name} ({unit.name})",
            "cua_don_vi": {"ma": unit.code, "ten": unit.name, "cap": unit.level, "chi_tieu": total.id}}
    if total.first.unit:
        data["don_vi"] = total.first.unit
    if ind.numerator is not None:
        data.update(tu_so=ind.numerator, mau_so=ind.denominator)
    else:
        data["gia_tri"] = ind.value
    if ind.may_exceed:
        data["co_the_vuot"] = True
    return data


def _breakdown(rollup: Rollup, chosen: list[Total], title: str, total_label: str) -> dict:
    listed = rollup.expected.units if rollup.expected else rollup.units
    groups = []
    for total in chosen:
        rows = []
        for unit in listed:
            if unit.code in total.by_unit:
                rows.append({"chi_tieu": unit_indicator_id(total.id, unit.code), "ten": unit.name, "ma": unit.code})
            else:
                reported = any(f.unit.code == unit.code for f in rollup.figures)
                rows.append({"ten": unit.name, "ma": unit.code,
                             "ghi_chu": "Không báo cáo chỉ tiêu này" if reported else NOT_REPORTED})
        rows.append({"chi_tieu": total.id, "ten": total_label})
        unit_word = f" (đơn vị tính: {total.first.unit})" if total.first.unit else ""
        groups.append({"ten": f"{total.first.name}{unit_word}", "dong": rows})
    return {"id": BREAKDOWN_ID, "tieu_de": title, "bang": {"loai": BREAKDOWN_KIND, "nhom": groups}}


def _task_table(rollup: Rollup, title: str) -> dict:
    rows = [{"noi_dung": t.text, "so_don_vi": t.units,
             **{status: t.counts[status] for status in TASK_STATUSES if t.counts[status]}}
            for t in rollup.tasks]
    return {"id": "nhiem-vu-tong-hop", "tieu_de": title, "bang": {"loai": TASKS_KIND, "dong": rows}}


@record
class Layout:
    """What the figures file carries besides the totals (chosen on the command line)."""

    breakdown: list[str] = field(default_factory=list)  # indicator ids with a per-unit table
    breakdown_title: str = "SỐ LIỆU CHI TIẾT THEO ĐƠN VỊ"
    tasks_title: str = "TỔNG HỢP KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ"
    total_label: str = "Tổng cộng"


def unknown_breakdown(rollup: Rollup, layout: Layout) -> list[str]:
    """Messages for breakdown ids no unit reports."""
    ids = [t.id for t in rollup.totals]
    return [f'không có chỉ tiêu "{i}" để lập bảng chi tiết{suggestion(i, ids)}; các chỉ tiêu: {", ".join(ids)}'
            for i in layout.breakdown if i not in ids]


def figures_data(rollup: Rollup, layout: Layout) -> dict:
    """The figures file as data: `don_vi` (the province), `ky`, `chi_tieu`, `phu_luc`."""
    data: dict = {}
    if rollup.expected and rollup.expected.province:
        province = rollup.expected.province
        data["don_vi"] = {"ma": province.code, "ten": province.name, "cap": "tinh"}
    if rollup.period:
        data["ky"] = rollup.period
    indicators = [indicator_data(t) for t in rollup.totals]
    if rollup.expected:
        indicators.append({"id": REPORTED_ID, "ten": "Đơn vị đã báo cáo số liệu", "don_vi": "đơn vị",
                           "tu_so": len(rollup.figures), "mau_so": len(rollup.expected.units)})
    chosen = [t for i in layout.breakdown for t in rollup.totals if t.id == i]
    for total in chosen:
        indicators.extend(_unit_indicator(total, u) for u in rollup.units if u.code in total.by_unit)
    data["chi_tieu"] = indicators
    appendices = []
    if chosen:
        appendices.append(_breakdown(rollup, chosen, layout.breakdown_title, layout.total_label))
    if rollup.tasks:
        appendices.append(_task_table(rollup, layout.tasks_title))
    if appendices:
        data["phu_luc"] = appendices
    return data


def summary_lines(rollup: Rollup, mark: str) -> list[str]:
    """What the figures file says about itself (its opening comment); `mark` first, so the next
    roll-up recognises its own output however long the list of missing units is."""
    lines = [f"{mark}: sửa số liệu ở tệp của đơn vị rồi tổng hợp lại, không sửa ở đây.",
             f"Số liệu tổng hợp từ {len(rollup.figures)} đơn vị"
             + (f" (danh sách {rollup.expected.path.name}: {len(rollup.expected.units)} đơn vị)"
                if rollup.expected else "") + ", cộng tử số và mẫu số, không lấy bình quân các tỷ lệ."]
    if rollup.missing:
        lines.append(f"Chưa báo cáo ({len(rollup.missing)}): "
                     + "; ".join(f"{u.name} ({u.code})" for u in rollup.missing))
    return lines
