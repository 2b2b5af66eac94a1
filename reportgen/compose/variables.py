"""The names a template's texts see: `bao_cao` (the report's number, date, period, agency …) and the filters."""

from __future__ import annotations

import dataclasses
import datetime as dt

from reportgen import formatting as F
from reportgen.compute import periods
from reportgen.compute.documents import citation, number_symbol
from reportgen.compute.indicators import numeric
from reportgen.source.model import Report
from reportgen.source.templates import TYPE_NAMES, Template


def filters() -> dict:
    """Jinja filters; each accepts a number or a formatted figure (ct.X.gia_tri)."""
    return {
        "so": lambda v, decimals=None: F.number(numeric(v), decimals),
        "phan_tram": lambda v, decimals=2: F.percent(numeric(v), decimals),
        "tien": lambda v: F.money(numeric(v)),
        "trieu_dong": lambda v: F.money(numeric(v), "trieu"),
        "ty_dong": lambda v: F.money(numeric(v), "ty"),
        "ngay": F.long_date,
        "ngay_ngan": F.short_date,
        "dem": lambda v: F.count(int(numeric(v))),
        "la_ma": F.roman,
        "ky": lambda period_id: periods.parse(period_id).label,
    }


def _month(month: int) -> str:
    """The decree pads only months 1 and 2."""
    return f"{month:02d}" if month <= 2 else str(month)


def document_number(number: str | None) -> str | None:
    """The decree pads numbers below 10 with a leading zero: `Số: 05/BC-UBND`."""
    if number and number.isdigit() and int(number) < 10:
        return f"{int(number):02d}"
    return number


# The two editions of a report: the electronic one goes into the agency's document system,
# which gives the number and the day (Nghị định 30, Điều 15.3; Phụ lục I, III.1.c: "đối với văn
# bản điện tử, không phải điền thông tin tại các vị trí này"); the paper one prints them.
EDITIONS = ("dien-tu", "giay")


def for_edition(report: Report, edition: str | None) -> Report:
    """The report as the edition prints it: the electronic edition leaves the number and the day blank."""
    if edition != "dien-tu":
        return report
    return dataclasses.replace(report, number=None, date=dataclasses.replace(report.date, day=None))


class Day(dt.date):
    """A date that prints the long way (`ngày 14 tháng 11 năm 2025`); `| ngay_ngan` gives 14/11/2025."""

    def __str__(self) -> str:
        return F.long_date(self)


def as_day(day: dt.date) -> Day:
    return Day(day.year, day.month, day.day)


class DataWindow:
    """`bao_cao.chot_so_lieu`: the days whose figures the report counts (ND09, or the calendar)."""

    def __init__(self, window: periods.Window):
        self.tu_ngay, self.den_ngay = as_day(window.start), as_day(window.end)

    def __str__(self) -> str:
        return f"từ ngày {F.short_date(self.tu_ngay)} đến ngày {F.short_date(self.den_ngay)}"


def period_variables(period: periods.Period | None, statistical: bool) -> dict:
    """The period of the report, the ones before and after it, and its data window."""
    if period is None:
        return {"ky": None, "ky_truoc": None, "ky_sau": None, "chot_so_lieu": None, "tinh_den": None}
    window = DataWindow(period.data_window(statistical))
    return {"ky": period, "ky_truoc": period.previous(), "ky_sau": period.next(), "chot_so_lieu": window,
            "tinh_den": window.den_ngay}


def _blank(text: str | None, width: int = 5) -> str:
    return text if text else " " * width


def report_variables(report: Report, template: Template, period: periods.Period | None, render_text) -> dict:
    d = report.date
    kind = report.kind or template.settings["loai_van_ban"]
    request = None
    if report.request:
        q = report.request
        number, cite = number_symbol(q), citation(q, with_subject=False)
        request = {"loai": q.kind, "so": q.number or "", "ky_hieu": q.symbol or "", "so_ky_hieu": number,
                   "ngay": F.long_date(q.date) if q.date else "", "ngay_ngan": F.short_date(q.date) if q.date else "",
                   "co_quan": q.issuer or "", "trich_yeu": q.subject or "", "trich_dan": cite}
    return {
        "so": document_number(report.number) or "",
        "ky_hieu": report.symbol,
        "so_ky_hieu": f"{_blank(document_number(report.number))}/{report.symbol}",
        "ngay": F.long_date(d.date) if d.day else f"ngày {' ' * 5} tháng {_month(d.month)} năm {d.year}",
        "ngay_ngan": F.short_date(d.date) if d.day else f"{' ' * 4}/{_month(d.month)}/{d.year}",
        "nam": d.year,
        "loai": kind,
        "ten_loai": TYPE_NAMES.get(kind, ""),
        "co_quan": report.agency.name,
        "co_quan_ngan": report.agency.short_name,
        "dia_danh": report.place,
        **period_variables(period, template.settings.get("che_do_bao_cao") == "thong_ke"),
        "kinh_gui": [render_text(t) for t in report.recipients],
        "van_ban_yeu_cau": request,
    }
