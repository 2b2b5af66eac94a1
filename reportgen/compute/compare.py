"""`reportgen diff A.yaml B.yaml`: how each figure and each task changed between two reports.

A change of a rate is the difference of the rates as printed (rounded to the template's
decimals), so `95,14%` → `99,13%` reads `tăng 3,99 điểm phần trăm`, never the 4 that the
unrounded rates would give. A figure still marked `chua_cap_nhat` says so instead of
passing last period's number as this one's.
"""

from __future__ import annotations

import textwrap
import unicodedata
from decimal import Decimal

from reportgen import formatting as F
from reportgen.compute.indicators import main_value, percentage
from reportgen.source.model import Indicator, Report, TableInput, Text

HEADERS = ("Chỉ tiêu", "Kỳ trước", "Kỳ này", "Thay đổi")
NOT_UPDATED = "chưa cập nhật"
NAME_WIDTH = 60


def _rounded_rate(ind: Indicator, decimals: int) -> Decimal | None:
    rate = percentage(ind)
    return None if rate is None else F.round_half_up(rate, decimals)


def _shown(ind: Indicator | None, decimals: int) -> str:
    if ind is None:
        return "—"
    rate = _rounded_rate(ind, decimals)
    if ind.numerator is not None and rate is not None:
        return f"{F.number(ind.numerator)}/{F.number(ind.denominator)} ({F.percent(rate, decimals)})"
    if rate is not None:
        return F.percent(rate, decimals)
    value = main_value(ind)
    return F.number(value) if value is not None else "—"


def _change(old: Indicator | None, new: Indicator | None, decimals: int) -> str:
    if old is None:
        return "mới"
    if new is None:
        return "bỏ"
    old_rate, new_rate = _rounded_rate(old, decimals), _rounded_rate(new, decimals)
    try:
        if old_rate is not None and new_rate is not None:
            return F.change(new_rate, old_rate, decimals=decimals, kind="points")
        old_value, new_value = main_value(old), main_value(new)
        if old_value is None or new_value is None:
            return ""
        return F.change(Decimal(str(new_value)), Decimal(str(old_value)))
    except F.FormattingError:
        return "—"


def rows(old: list[Indicator], new: list[Indicator], not_updated: set = frozenset(),
         decimals: int = 2) -> list[tuple[str, str, str, str]]:
    """One row per indicator of either report: name [id], before, after, the change."""
    before = {i.id: i for i in old}
    after = {i.id: i for i in new}
    ids = list(after) + [i for i in before if i not in after]
    out = []
    for ind_id in ids:
        a, b = before.get(ind_id), after.get(ind_id)
        name = (b or a).name
        change = NOT_UPDATED if b is not None and ind_id in not_updated else _change(a, b, decimals)
        out.append((f"{name} [{ind_id}]", _shown(a, decimals), _shown(b, decimals), change))
    return out


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 1 for c in unicodedata.normalize("NFC", text))


def _wrapped(text: str, width: int) -> list[str]:
    """The name on as many lines as it needs; an id (`[...]`) is never cut."""
    lines = textwrap.wrap(unicodedata.normalize("NFC", text), width, break_long_words=False,
                          break_on_hyphens=False)
    return lines or [""]


def table(data: list[tuple], max_name: int = NAME_WIDTH) -> str:
    lines: list[tuple] = []
    for row in data:
        names = _wrapped(row[0], max_name)
        lines.append((names[0],) + tuple(row[1:]))
        lines.extend((name,) + ("",) * (len(HEADERS) - 1) for name in names[1:])
    everything = [HEADERS] + lines
    widths = [max(_width(str(line[i])) for line in everything) for i in range(len(HEADERS))]

    def render(line):
        return "  ".join(str(cell) + " " * (widths[i] - _width(str(cell))) for i, cell in enumerate(line)).rstrip()

    return "\n".join([render(HEADERS), "  ".join("-" * w for w in widths)] + [render(line) for line in lines])


# --- the tasks of the appendices -------------------------------------------------------------

def _cell_text(value) -> str:
    if isinstance(value, Text):
        return " ".join(value.raw.split())
    if isinstance(value, list) and value and getattr(value[0], "text", None) is not None:
        return " ".join(value[0].text.raw.split())
    return ""


def _row_key(values: dict) -> str:
    """What identifies a task across periods: its first text (nội dung, tên, ...)."""
    for key in ("noi_dung", "ten"):
        if key in values and _cell_text(values[key]):
            return _cell_text(values[key])
    return next((t for t in (_cell_text(v) for v in values.values()) if t), "")


def _statuses(table: TableInput) -> dict[str, str | None]:
    found = {}
    for group in table.groups:
        for row in group.rows:
            key = _row_key(row.values)
            if key and key not in found:
                found[key] = row.status
    return found


def _tables(report: Report) -> dict[str, TableInput]:
    return {(a.table.id or a.id): a.table for a in report.appendices if a.table is not None}


def task_changes(old: Report, new: Report, status_name=lambda kind, status: status) -> list[str]:
    """Lines for each appendix table: rows whose status changed, rows added and removed."""
    before, after = _tables(old), _tables(new)
    out = []
    for table_id in list(after) + [t for t in before if t not in after]:
        a = _statuses(before[table_id]) if table_id in before else {}
        b = _statuses(after[table_id]) if table_id in after else {}
        kind = (after.get(table_id) or before.get(table_id)).kind

        def name(status, kind=kind):
            return status_name(kind, status) if status else "không ghi trạng thái"
        lines = []
        for key in b:
            if key not in a:
                lines.append(f"  + mới ({name(b[key])}): {key}")
            elif a[key] != b[key]:
                lines.append(f"  ~ {name(a[key])} → {name(b[key])}: {key}")
        lines += [f"  - bỏ ({name(a[key])}): {key}" for key in a if key not in b]
        if lines:
            out.append(f"Phụ lục {table_id}: {len(lines)} dòng thay đổi")
            out += [textwrap.fill(line, 100, subsequent_indent="      ", break_long_words=False) for line in lines]
    return out
