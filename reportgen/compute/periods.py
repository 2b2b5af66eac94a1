"""Reporting periods: month, quarter, 6 months, 9 months, year, and their data cut-off windows.

An administrative report (Nghị định 09/2019/NĐ-CP, chế độ báo cáo) counts its figures from
the 15th of the month before the period to the 14th of its last month; the 6-, 9-month and
yearly reports start on 15 December of the year before. A statistical report (outside ND09)
counts calendar periods: from the first day of the period to its last.
"""

from __future__ import annotations

import datetime as dt
import re

from reportgen.formatting import days_in_month, roman
from reportgen.records import record

MONTH = "month"
QUARTER = "quarter"
HALF = "half"  # number 1: first 6 months, 2: last 6 months
NINE_MONTHS = "nine_months"
YEAR = "year"

# Highest `number` of each kind; None for kinds that have no number.
_NUMBER_RANGE: dict[str, int | None] = {
    MONTH: 12,
    QUARTER: 4,
    HALF: 2,
    NINE_MONTHS: None,
    YEAR: None,
}

ACCEPTED_FORMS = (
    "thang-<1..12>-<năm>, quy-<1..4>-<năm>, 6thang-<năm>, "
    "6thang-cuoi-<năm>, 9thang-<năm>, nam-<năm>"
)

_ID_PATTERNS = [
    (re.compile(r"thang-(\d{1,2})-(\d{4})"), MONTH),
    (re.compile(r"quy-(\d)-(\d{4})"), QUARTER),
    (re.compile(r"6thang-(\d{4})"), HALF),
    (re.compile(r"6thang-cuoi-(\d{4})"), HALF),
    (re.compile(r"9thang-(\d{4})"), NINE_MONTHS),
    (re.compile(r"nam-(\d{4})"), YEAR),
]


CUT_OFF_DAY = 14  # ND09: the data of a period is counted up to the 14th of its last month


@record(frozen=True)
class Window:
    """The first and last day whose figures a report counts."""

    start: dt.date
    end: dt.date

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


class PeriodError(ValueError):
    """An unknown or impossible reporting period."""


@record(frozen=True)
class Period:
    """One reporting period; `number` is the month, quarter or half (1, 2)."""

    kind: str
    year: int
    number: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in _NUMBER_RANGE:
            raise PeriodError(
                f'loại kỳ "{self.kind}" không hợp lệ; dùng một trong: {", ".join(_NUMBER_RANGE)}'
            )
        if not 1 <= self.year <= 9999:
            raise PeriodError(f"năm {self.year} không hợp lệ")
        highest = _NUMBER_RANGE[self.kind]
        if highest is None:
            if self.number is not None:
                raise PeriodError(f'kỳ loại "{self.kind}" không có số thứ tự')
        elif self.number is None or not 1 <= self.number <= highest:
            raise PeriodError(
                f'kỳ loại "{self.kind}" cần số thứ tự từ 1 đến {highest}, nhận được {self.number}'
            )

    @property
    def id(self) -> str:
        """The short id: `thang-9-2024`, `quy-3-2024`, `6thang-cuoi-2024`..."""
        if self.kind == MONTH:
            return f"thang-{self.number}-{self.year}"
        if self.kind == QUARTER:
            return f"quy-{self.number}-{self.year}"
        if self.kind == HALF:
            return f"6thang-{self.year}" if self.number == 1 else f"6thang-cuoi-{self.year}"
        if self.kind == NINE_MONTHS:
            return f"9thang-{self.year}"
        return f"nam-{self.year}"

    @property
    def label(self) -> str:
        """`tháng 9/2024`, `Quý III/2024`, `6 tháng đầu năm 2024`, `năm 2024`..."""
        if self.kind in (MONTH, QUARTER):
            return f"{self.label_without_year}/{self.year}"
        if self.kind == NINE_MONTHS:
            return f"9 tháng năm {self.year}"
        return f"{self.label_without_year} {self.year}"

    @property
    def label_without_year(self) -> str:
        """`tháng 9`, `Quý III`, `6 tháng đầu năm`, `6 tháng cuối năm`, `9 tháng`, `năm`."""
        if self.kind == MONTH:
            return f"tháng {self.number}"
        if self.kind == QUARTER:
            return f"Quý {roman(self.number)}"
        if self.kind == HALF:
            return "6 tháng đầu năm" if self.number == 1 else "6 tháng cuối năm"
        if self.kind == NINE_MONTHS:
            return "9 tháng"
        return "năm"

    @property
    def label_long(self) -> str:
        """The label with the year written out: `tháng 9 năm 2024`, `Quý III năm 2024`."""
        if self.kind in (MONTH, QUARTER):
            return f"{self.label_without_year} năm {self.year}"
        return self.label

    @property
    def first_month(self) -> int:
        """Number of the period's first month."""
        if self.kind == MONTH:
            return self.number
        if self.kind == QUARTER:
            return 3 * self.number - 2
        if self.kind == HALF:
            return 6 * self.number - 5
        return 1

    @property
    def last_month(self) -> int:
        """Number of the period's last month."""
        if self.kind == MONTH:
            return self.number
        if self.kind == QUARTER:
            return 3 * self.number
        if self.kind == HALF:
            return 6 * self.number
        return 9 if self.kind == NINE_MONTHS else 12

    @property
    def start(self) -> dt.date:
        """First day of the period."""
        return dt.date(self.year, self.first_month, 1)

    @property
    def end(self) -> dt.date:
        """Last day of the period."""
        last_day = days_in_month(self.year, self.last_month)
        return dt.date(self.year, self.last_month, last_day)

    def data_window(self, statistical: bool = False) -> Window:
        """The days whose figures this period's report counts (ND09, or the calendar)."""
        if statistical:
            return Window(self.start, self.end)
        end = dt.date(self.year, self.last_month, CUT_OFF_DAY)
        if self.kind in (MONTH, QUARTER) or (self.kind == HALF and self.number == 2):
            month_before = self.first_month - 1
            start = dt.date(self.year - 1, 12, CUT_OFF_DAY + 1) if month_before == 0 \
                else dt.date(self.year, month_before, CUT_OFF_DAY + 1)
        else:  # 6 months, 9 months, year: from 15 December of the year before
            start = dt.date(self.year - 1, 12, CUT_OFF_DAY + 1)
        return Window(start, end)

    def offset_from(self, other: Period) -> int | None:
        """How many periods of the same kind this one is after `other` (None for another kind)."""
        if self.kind != other.kind:
            return None
        highest = _NUMBER_RANGE[self.kind]
        if highest is None:
            return self.year - other.year
        return (self.year - other.year) * highest + (self.number - other.number)

    def shifted(self, step: int) -> Period:
        """The period `step` periods after this one (before, for a negative step)."""
        return self._shift(step)

    def previous(self) -> Period:
        """The period of the same kind just before: quy-1-2025 → quy-4-2024."""
        return self._shift(-1)

    def next(self) -> Period:
        """The period of the same kind just after: 6thang-cuoi-2024 → 6thang-2025."""
        return self._shift(1)

    def _shift(self, step: int) -> Period:
        highest = _NUMBER_RANGE[self.kind]
        if highest is None:
            return Period(self.kind, self.year + step)
        year_offset, index = divmod(self.number - 1 + step, highest)
        return Period(self.kind, self.year + year_offset, index + 1)

    def __str__(self) -> str:
        return self.label


def parse(period_id: str) -> Period:
    """The period of a short id such as `quy-3-2024` or `6thang-cuoi-2024`."""
    text = period_id.strip().lower() if isinstance(period_id, str) else ""
    for pattern, kind in _ID_PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        if kind == HALF:
            number = 2 if "cuoi" in text else 1
            year = int(match.group(1))
        elif len(match.groups()) == 2:
            number, year = int(match.group(1)), int(match.group(2))
        else:
            number, year = None, int(match.group(1))
        try:
            return Period(kind, year, number)
        except PeriodError:
            break
    raise PeriodError(
        f'kỳ báo cáo "{period_id}" không hợp lệ; dùng một trong các dạng: {ACCEPTED_FORMS}'
    )
