"""The figures of a report as rows for the Government's reporting system (biểu mẫu).

Takes the indicators of a report or a figures file, its unit and period; gives plain
data: one row per indicator (its parts and, in a roll-up, each unit's figure on rows
of their own), keyed by the indicator's id and the unit's official code, grouped by
the indicator's `nhom` (one sheet each in the XLSX). Numbers stay numbers.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from reportgen import formatting as F
from reportgen.compute import periods
from reportgen.compute.indicators import percentage
from reportgen.source.model import Indicator, Unit

DEFAULT_GROUP = "Chỉ tiêu"
FIELDS = ("ma_chi_tieu", "ten_chi_tieu", "thuoc_chi_tieu", "ma_don_vi", "ten_don_vi", "ky", "tu_so", "mau_so",
          "gia_tri", "ty_le", "don_vi_tinh", "tinh_den", "muc_tieu", "muc_tieu_ghi")


def _number(value):
    """An int when whole (1.195.107 stays exact), else a float."""
    if value is None:
        return None
    value = Decimal(str(value))
    return int(value) if value == value.to_integral_value() else float(value)


def _ratio(ind: Indicator, decimals: int):
    value = percentage(ind)
    return None if value is None else _number(F.round_half_up(value, decimals))


def _row(ind: Indicator, ind_id: str, parent: Indicator | None, unit: Unit | None, period: str | None,
         decimals: int) -> dict:
    source = parent or ind
    return {
        "ma_chi_tieu": ind_id,
        "ten_chi_tieu": ind.name,
        "thuoc_chi_tieu": parent.id if parent else None,
        "ma_don_vi": unit.code if unit else None,
        "ten_don_vi": unit.name if unit else None,
        "ky": period,
        "tu_so": _number(ind.numerator),
        "mau_so": _number(ind.denominator),
        "gia_tri": _number(ind.value),
        "ty_le": _ratio(ind, decimals),
        "don_vi_tinh": ind.unit or source.unit,
        "tinh_den": (ind.as_of or source.as_of).isoformat() if (ind.as_of or source.as_of) else None,
        "muc_tieu": [{"giao": t.by, "gia_tri": _number(t.value), "thap_nhat": t.at_least} for t in ind.targets],
        "muc_tieu_ghi": _targets_text(ind),
    }


def _targets_text(ind: Indicator) -> str | None:
    """`Chính phủ giao 80%; Ủy ban nhân dân tỉnh giao thấp nhất 90%` (the form's Mục tiêu column)."""
    is_ratio = ind.numerator is not None or ind.rate is not None
    texts = [f"{t.by} giao {'thấp nhất ' if t.at_least else ''}{F.percent(t.value) if is_ratio else F.number(t.value)}"
             for t in ind.targets]
    return "; ".join(texts) or None


def figure_rows(indicators: list[Indicator], unit: Unit | None, period: str | None,
                decimals: int = 2) -> list[tuple[str, dict]]:
    """(group, row) for every indicator, its parts after it, and each unit's figure after those."""
    by_base: dict[str, list[Indicator]] = {}
    for ind in indicators:
        if ind.base_id:
            by_base.setdefault(ind.base_id, []).append(ind)
    rows = []
    for ind in indicators:
        if ind.base_id:
            continue
        group = ind.group or DEFAULT_GROUP
        rows.append((group, _row(ind, ind.id, None, unit, period, decimals)))
        rows.extend((group, _row(p, f"{ind.id}.{p.id}", ind, unit, period, decimals)) for p in ind.parts)
        for unit_figure in by_base.get(ind.id, []):
            row = _row(unit_figure, ind.id, None, unit_figure.of_unit, period, decimals)
            row["ten_chi_tieu"] = ind.name
            row["tinh_den"] = row["tinh_den"] or (ind.as_of.isoformat() if ind.as_of else None)
            rows.append((group, row))
    return rows


def period_label(period: str | None) -> str | None:
    try:
        return periods.parse(period).label if period else None
    except periods.PeriodError:
        return None


def export_data(indicators: list[Indicator], unit: Unit | None, period: str | None, agency: str | None,
                as_of: dt.date | None, decimals: int = 2) -> dict:
    """Everything the writers need: header facts and the rows grouped, in the order declared."""
    groups: dict[str, list[dict]] = {}
    for group, row in figure_rows(indicators, unit, period, decimals):
        groups.setdefault(group, []).append(row)
    return {
        "don_vi": {"ma": unit.code, "ten": unit.name, "cap": unit.level} if unit else None,
        "co_quan": agency,
        "ky": period,
        "ky_ten": period_label(period),
        "ngay": as_of.isoformat() if as_of else None,
        "nhom": [{"ten": name, "chi_tieu": rows} for name, rows in groups.items()],
    }


# --- collection workbooks ------------------------------------------------------------------

RATIO_INPUT, VALUE_INPUT, RATE_INPUT = "tu_so/mau_so", "gia_tri", "ty_le"
NOT_COLLECTED = ("so_don_vi_bao_cao",)  # the roll-up's own count of units, not a unit's figure


def _form_entry(ind: Indicator, parent: Indicator | None = None) -> dict:
    kind = RATIO_INPUT if ind.numerator is not None else RATE_INPUT if ind.rate is not None else VALUE_INPUT
    return {
        "id": ind.id,
        "ten": ind.name,
        "don_vi": ind.unit or (parent.unit if parent else None),
        "cach_tinh": kind,
        "co_the_vuot": ind.may_exceed or bool(parent and parent.may_exceed),
        "nhom": (parent or ind).group or DEFAULT_GROUP,
        "thanh_phan_la_tong": ind.parts_are_whole,
        "muc_tieu_ghi": _targets_text(ind),
        "muc_tieu": [{"giao": t.by, "gia_tri": _number(t.value), "thap_nhat": t.at_least} for t in ind.targets],
        "thanh_phan": [_form_entry(p, ind) for p in ind.parts],
    }


TASKS_TALLY_KIND = "nhiem_vu_tong_hop"  # a roll-up's task table: its rows are the tasks handed out
STATUS_NAMES = {"hoan_thanh": "Hoàn thành", "dang_trien_khai": "Đang triển khai",
                "thuong_xuyen": "Thực hiện thường xuyên", "chua_hoan_thanh": "Chưa hoàn thành",
                "cho_huong_dan": "Chờ hướng dẫn"}


def task_list(tables: list[tuple]) -> list[dict]:
    """The tasks a unit reports on: rows with a status (a unit's task table) or the rows of a
    roll-up's task table, once each, in order. `tables` holds (appendix id, title, table)."""
    tasks, seen = [], set()
    for appendix_id, title, table in tables:
        for group in table.groups:
            for row in group.rows:
                cell = row.values.get("noi_dung")
                text = " ".join(cell.raw.split()) if getattr(cell, "raw", None) else None
                if not text or (row.status is None and table.kind != TASKS_TALLY_KIND):
                    continue
                if (appendix_id, text.casefold()) not in seen:
                    seen.add((appendix_id, text.casefold()))
                    source = "nhiem-vu" if table.kind == TASKS_TALLY_KIND else appendix_id
                    tasks.append({"bang": source, "tieu_de": None if table.kind == TASKS_TALLY_KIND else title,
                                  "noi_dung": text})
    return tasks


def form_data(indicators: list[Indicator], period: str | None, agency: str | None,
              tasks: list[dict] | None = None) -> dict:
    """The indicators a unit fills in, grouped, and its tasks; the period and who asks for them."""
    dates = sorted({i.as_of for i in indicators if isinstance(i.as_of, dt.date) and not i.base_id})
    groups: dict[str, list[dict]] = {}
    for ind in indicators:
        if ind.base_id or ind.id in NOT_COLLECTED:
            continue
        groups.setdefault(ind.group or DEFAULT_GROUP, []).append(_form_entry(ind))
    return {
        "ky": period,
        "ky_ten": period_label(period),
        "co_quan": agency,
        "tinh_den": dates[-1].isoformat() if dates else None,
        "nhom": [{"ten": name, "chi_tieu": entries} for name, entries in groups.items()],
        "nhiem_vu": tasks or [],
        "trang_thai": STATUS_NAMES,
        "tieu_de_nhiem_vu": f"KẾT QUẢ THỰC HIỆN NHIỆM VỤ {period_label(period).upper()}" if period_label(period)
        else "KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
    }
