import datetime as dt

import pytest

from reportgen.compute.periods import (
    ACCEPTED_FORMS,
    HALF,
    MONTH,
    NINE_MONTHS,
    QUARTER,
    YEAR,
    Period,
    PeriodError,
    parse,
)

CASES = [
    # id, kind, number, label, label without year, start, end
    ("thang-9-2024", MONTH, 9, "tháng 9/2024", "tháng 9", (2024, 9, 1), (2024, 9, 30)),
    ("thang-2-2024", MONTH, 2, "tháng 2/2024", "tháng 2", (2024, 2, 1), (2024, 2, 29)),
    ("thang-2-2023", MONTH, 2, "tháng 2/2023", "tháng 2", (2023, 2, 1), (2023, 2, 28)),
    ("thang-12-2024", MONTH, 12, "tháng 12/2024", "tháng 12", (2024, 12, 1), (2024, 12, 31)),
    ("quy-1-2024", QUARTER, 1, "Quý I/2024", "Quý I", (2024, 1, 1), (2024, 3, 31)),
    ("quy-2-2024", QUARTER, 2, "Quý II/2024", "Quý II", (2024, 4, 1), (2024, 6, 30)),
    ("quy-3-2024", QUARTER, 3, "Quý III/2024", "Quý III", (2024, 7, 1), (2024, 9, 30)),
    ("quy-4-2024", QUARTER, 4, "Quý IV/2024", "Quý IV", (2024, 10, 1), (2024, 12, 31)),
    ("6thang-2024", HALF, 1, "6 tháng đầu năm 2024", "6 tháng đầu năm", (2024, 1, 1), (2024, 6, 30)),
    ("6thang-cuoi-2024", HALF, 2, "6 tháng cuối năm 2024", "6 tháng cuối năm",
     (2024, 7, 1), (2024, 12, 31)),
    ("9thang-2024", NINE_MONTHS, None, "9 tháng năm 2024", "9 tháng", (2024, 1, 1), (2024, 9, 30)),
    ("nam-2024", YEAR, None, "năm 2024", "năm", (2024, 1, 1), (2024, 12, 31)),
]


@pytest.mark.parametrize("period_id, kind, number, label, short_label, start, end", CASES)
def test_parse(period_id, kind, number, label, short_label, start, end):
    period = parse(period_id)
    assert period == Period(kind, int(period_id[-4:]), number)
    assert period.id == period_id
    assert period.label == label
    assert str(period) == label
    assert period.label_without_year == short_label
    assert period.start == dt.date(*start)
    assert period.end == dt.date(*end)
    assert period.year == int(period_id[-4:])


def test_parse_tolerates_case_spaces_and_leading_zero():
    assert parse("  Quy-3-2024 ").id == "quy-3-2024"
    assert parse("thang-09-2024").id == "thang-9-2024"


def test_periods_are_hashable_values():
    assert parse("quy-3-2024") == parse("quy-3-2024")
    assert len({parse("quy-3-2024"), parse("quy-3-2024"), parse("quy-2-2024")}) == 2
    with pytest.raises(AttributeError):
        parse("nam-2024").year = 2025


@pytest.mark.parametrize(
    "period_id, previous_id, next_id",
    [
        ("thang-9-2024", "thang-8-2024", "thang-10-2024"),
        ("thang-1-2025", "thang-12-2024", "thang-2-2025"),
        ("thang-12-2024", "thang-11-2024", "thang-1-2025"),
        ("quy-1-2025", "quy-4-2024", "quy-2-2025"),
        ("quy-4-2024", "quy-3-2024", "quy-1-2025"),
        ("6thang-2024", "6thang-cuoi-2023", "6thang-cuoi-2024"),
        ("6thang-cuoi-2024", "6thang-2024", "6thang-2025"),
        ("9thang-2024", "9thang-2023", "9thang-2025"),
        ("nam-2024", "nam-2023", "nam-2025"),
    ],
)
def test_previous_and_next(period_id, previous_id, next_id):
    period = parse(period_id)
    assert period.previous().id == previous_id
    assert period.next().id == next_id
    assert period.previous().next() == period
    assert period.next().previous() == period


def test_a_year_of_months_walks_back_to_the_same_month():
    period = parse("thang-3-2024")
    for _ in range(12):
        period = period.next()
    assert period.id == "thang-3-2025"


@pytest.mark.parametrize(
    "bad",
    ["quy-5-2024", "quy-0-2024", "thang-13-2024", "thang-0-2024", "6thang-dau-2024",
     "nam-24", "nam-0000", "nam 2024", "quarter-3-2024", "", "thang-9", "9thang-cuoi-2024"],
)
def test_unknown_ids_list_the_accepted_forms(bad):
    with pytest.raises(PeriodError) as caught:
        parse(bad)
    message = str(caught.value)
    assert message == (
        f'kỳ báo cáo "{bad}" không hợp lệ; dùng một trong các dạng: '
        "thang-<1..12>-<năm>, quy-<1..4>-<năm>, 6thang-<năm>, 6thang-cuoi-<năm>, "
        "9thang-<năm>, nam-<năm>"
    )
    assert ACCEPTED_FORMS in message
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    "kind, year, number",
    [("week", 2024, 1), (QUARTER, 2024, 5), (MONTH, 2024, None), (YEAR, 2024, 1), (HALF, 2024, 3)],
)
def test_impossible_periods_cannot_be_built(kind, year, number):
    with pytest.raises(PeriodError):
        Period(kind, year, number)
