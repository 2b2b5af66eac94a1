"""What a report's period says about its figures and texts (the `prepare` hook).

- figures still marked `chua_cap_nhat: true` (carried over by `reportgen new`): an error,
  a warning in a draft (`--nhap`);
- `tinh_den` of a figure: defaults to the end of the period's data window (ND09, or the
  calendar for a statistical template); a date before the window starts (last period's
  figure) or after the report's date gets a warning;
- typed period and cut-off mentions of an earlier period (see stale.py): warnings.
"""

from __future__ import annotations

import datetime as dt

from reportgen import formatting as F
from reportgen.compute import stale
from reportgen.compute.periods import Period, Window
from reportgen.errors import Diagnostics, Location
from reportgen.source.model import Report

NOT_UPDATED = "chua_cap_nhat"


def is_statistical(settings: dict) -> bool:
    return settings.get("che_do_bao_cao") == "thong_ke"


def not_updated(loaded) -> dict[str, Location]:
    """Indicator id → where its `chua_cap_nhat: true` is written."""
    found = {}
    for i, ind in enumerate(loaded.data.get("chi_tieu") or []):
        if isinstance(ind, dict) and ind.get(NOT_UPDATED) is True and isinstance(ind.get("id"), str):
            found[ind["id"]] = loaded.where(("chi_tieu", i, NOT_UPDATED))
    return found


def report_day(report: Report) -> dt.date:
    """The report's date; a draft without its day counts as the last day of its month."""
    d = report.date
    return d.date or dt.date(d.year, d.month, F.days_in_month(d.year, d.month))


def window_text(window: Window) -> str:
    return f"từ ngày {F.short_date(window.start)} đến ngày {F.short_date(window.end)}"


def _check_as_of(report: Report, window: Window, diags: Diagnostics) -> None:
    latest = report_day(report)
    for ind in report.indicators:
        if ind.as_of is None:
            ind.as_of = window.end
            continue
        where = ind.field_locations.get("tinh_den", ind.location)
        shown = F.short_date(ind.as_of)
        if ind.as_of < window.start:
            diags.warning(where, f'chỉ tiêu "{ind.id}": tính đến {shown}, trước kỳ lấy số liệu của báo cáo '
                                 f"({window_text(window)}): số của kỳ trước?")
        elif ind.as_of > latest:
            diags.warning(where, f'chỉ tiêu "{ind.id}": tính đến {shown}, sau ngày của báo cáo '
                                 f"({F.short_date(latest)})")


def check_period(report: Report, loaded, period: Period | None, settings: dict, diags: Diagnostics,
                 draft: bool = False, carried_from: tuple | None = None) -> None:
    for ind_id, where in not_updated(loaded).items():
        message = (f'chỉ tiêu "{ind_id}": số vẫn là của kỳ trước ({NOT_UPDATED}: true); '
                   f"nhập số kỳ này rồi xóa dòng {NOT_UPDATED}")
        (diags.warning if draft else diags.error)(where, message)
    if period is None:
        return
    _check_as_of(report, period.data_window(is_statistical(settings)), diags)
    previous, previous_date = carried_from or (None, None)
    for found in stale.find_stale(loaded, period, previous, previous_date):
        diags.warning(found.location, found.message())
