import datetime as dt
from decimal import Decimal

import pytest

from reportgen.formatting import (
    FormattingError,
    change,
    count,
    letter,
    long_date,
    money,
    number,
    percent,
    place_date_line,
    ratio_percent,
    roman,
    short_date,
)


@pytest.mark.parametrize(
    "value, decimals, expected",
    [
        (1195107, None, "1.195.107"),
        (4.8, None, "4,8"),
        (0, None, "0"),
        (999, None, "999"),
        (1000, None, "1.000"),
        (-1500, None, "-1.500"),
        (Decimal("60.370"), 2, "60,37"),
        (Decimal("100.00"), 2, "100"),
        (Decimal("60.370"), None, "60,37"),
        (Decimal("1234567.891"), None, "1.234.567,891"),
        (0.005, 2, "0,01"),
        (Decimal("0.125"), 2, "0,13"),  # half-up, not banker's 0,12
        (Decimal("0.135"), 2, "0,14"),
        (1.005, 2, "1,01"),  # float goes through str(), not its binary value
        (2.675, 2, "2,68"),
        (-0.005, 2, "-0,01"),
        (-0.004, 2, "0"),  # no "-0"
        (99.999, 2, "100"),
        (12345.6789, 0, "12.346"),
        (Decimal("1E+3"), None, "1.000"),
        (10**18, None, "1.000.000.000.000.000.000"),
    ],
)
def test_number(value, decimals, expected):
    assert number(value, decimals) == expected


@pytest.mark.parametrize("bad", ["12", None, True, float("nan"), float("inf"), Decimal("NaN")])
def test_number_rejects_non_numbers(bad):
    with pytest.raises(FormattingError):
        number(bad)


@pytest.mark.parametrize(
    "value, decimals, expected",
    [
        (95.1412, 2, "95,14%"),
        (100, 2, "100%"),
        (0, 2, "0%"),
        (112.5, 2, "112,5%"),
        (Decimal("99.995"), 2, "100%"),
        (Decimal("99.7"), 2, "99,7%"),
        (95.1462, 1, "95,1%"),
        (95.15, 1, "95,2%"),
        (1234.5, 2, "1.234,5%"),
    ],
)
def test_percent(value, decimals, expected):
    assert percent(value, decimals) == expected


def test_ratio_percent_is_exact_decimal():
    result = ratio_percent(1195107, 1256188)
    assert isinstance(result, Decimal)
    assert result == Decimal("95.14")
    assert percent(result) == "95,14%"


@pytest.mark.parametrize(
    "numerator, denominator, decimals, expected",
    [
        (1, 3, 2, Decimal("33.33")),
        (2, 3, 2, Decimal("66.67")),
        (1, 8, 2, Decimal("12.50")),
        (1, 8, 1, Decimal("12.5")),
        (1, 1600, 2, Decimal("0.06")),  # 0,0625 → 0,06
        (1, 2000, 2, Decimal("0.05")),  # 0,05 exactly
        (1, 40000, 2, Decimal("0.00")),
        (1, 80, 2, Decimal("1.25")),
        (1, 800, 2, Decimal("0.13")),  # 0,125 rounds up
        (5, 5, 2, Decimal("100")),
        (9, 8, 2, Decimal("112.5")),  # over 100%
        (0, 7, 2, Decimal("0")),
    ],
)
def test_ratio_percent(numerator, denominator, decimals, expected):
    assert ratio_percent(numerator, denominator, decimals) == expected


def test_ratio_percent_without_rounding():
    assert ratio_percent(1, 8, None) == Decimal("12.5")
    third = ratio_percent(1, 3, None)
    assert str(third).startswith("33." + "3" * 40)  # more digits than float or default Decimal


def test_ratio_percent_rounds_half_up_not_half_even():
    # 0.125 % and 0.135 % differ in the last digit under banker's rounding.
    assert ratio_percent(1, 800) == Decimal("0.13")
    assert ratio_percent(Decimal("0.0135"), 1, 2) == Decimal("1.35")
    assert ratio_percent(Decimal("0.000125"), 1, 3) == Decimal("0.013")


def test_ratio_percent_zero_denominator():
    with pytest.raises(FormattingError, match="mẫu số bằng 0") as caught:
        ratio_percent(5, 0)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, ZeroDivisionError)


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        (18535000000, "dong", "18.535.000.000 đồng"),
        (0, "dong", "0 đồng"),
        (18535000000, "trieu", "18.535 triệu đồng"),
        (1500000, "trieu", "1,5 triệu đồng"),
        (1234567, "trieu", "1,23 triệu đồng"),
        (1235000, "trieu", "1,24 triệu đồng"),
        (4_800_000_000, "ty", "4,8 tỷ đồng"),
        (18535000000, "ty", "18,54 tỷ đồng"),
        (1_000_000_000, "ty", "1 tỷ đồng"),
        (-2_500_000, "trieu", "-2,5 triệu đồng"),
        (10**15, "dong", "1.000.000.000.000.000 đồng"),
        (123_456_789_012_345_678, "dong", "123.456.789.012.345.678 đồng"),
        (123_456_789_012_345_678, "trieu", "123.456.789.012,35 triệu đồng"),
        (10**21 + 5 * 10**6, "ty", "1.000.000.000.000,01 tỷ đồng"),
    ],
)
def test_money(value, unit, expected):
    assert money(value, unit) == expected


def test_money_defaults_to_dong():
    assert money(1195107) == "1.195.107 đồng"


def test_money_unknown_unit_lists_units():
    with pytest.raises(FormattingError, match="dong, trieu, ty"):
        money(1000, "usd")


@pytest.mark.parametrize(
    "n, expected",
    [(0, "0"), (1, "01"), (4, "04"), (9, "09"), (10, "10"), (99, "99"), (1234, "1.234")],
)
def test_count(n, expected):
    assert count(n) == expected


def test_count_without_padding():
    assert count(4, pad=False) == "4"
    assert count(1234, pad=False) == "1.234"


@pytest.mark.parametrize("bad", [-1, 2.5, "4"])
def test_count_rejects_non_counts(bad):
    with pytest.raises(FormattingError):
        count(bad)


@pytest.mark.parametrize(
    "d, expected",
    [
        (dt.date(2024, 2, 7), "ngày 07 tháng 02 năm 2024"),
        (dt.date(2024, 1, 18), "ngày 18 tháng 01 năm 2024"),
        (dt.date(2024, 3, 8), "ngày 08 tháng 3 năm 2024"),
        (dt.date(2024, 7, 5), "ngày 05 tháng 7 năm 2024"),
        (dt.date(2024, 9, 30), "ngày 30 tháng 9 năm 2024"),
        (dt.date(2024, 10, 10), "ngày 10 tháng 10 năm 2024"),
        (dt.date(2024, 11, 15), "ngày 15 tháng 11 năm 2024"),
        (dt.date(2023, 12, 1), "ngày 01 tháng 12 năm 2023"),
    ],
)
def test_long_date(d, expected):
    assert long_date(d) == expected


def test_long_date_accepts_datetime():
    assert long_date(dt.datetime(2024, 6, 16, 14, 30)) == "ngày 16 tháng 6 năm 2024"


@pytest.mark.parametrize(
    "d, expected",
    [
        (dt.date(2024, 2, 7), "07/02/2024"),
        (dt.date(2024, 2, 19), "19/02/2024"),
        (dt.date(2024, 1, 3), "03/01/2024"),
        (dt.date(2024, 7, 5), "05/7/2024"),
        (dt.date(2024, 6, 28), "28/6/2024"),
        (dt.date(2023, 4, 5), "05/4/2023"),
        (dt.date(2024, 3, 14), "14/3/2024"),
        (dt.date(2023, 12, 1), "01/12/2023"),
        (dt.date(2024, 10, 4), "04/10/2024"),
    ],
)
def test_short_date(d, expected):
    assert short_date(d) == expected


def test_place_date_line():
    assert place_date_line("Bình Định", dt.date(2024, 7, 5)) == "Bình Định, ngày 05 tháng 7 năm 2024"
    assert place_date_line("Hà Nội", dt.date(2024, 2, 7)) == "Hà Nội, ngày 07 tháng 02 năm 2024"


def test_place_date_line_draft_leaves_day_blank():
    line = place_date_line("Bình Định", None, month=11, year=2024)
    assert line == "Bình Định, ngày      tháng 11 năm 2024"
    assert place_date_line("Bình Định", None, month=2, year=2025) == (
        "Bình Định, ngày      tháng 02 năm 2025"
    )
    assert place_date_line("Bình Định", None, month=7, year=2024) == (
        "Bình Định, ngày      tháng 7 năm 2024"
    )


def test_place_date_line_draft_without_month():
    assert place_date_line("Bình Định", None, year=2024) == (
        "Bình Định, ngày      tháng      năm 2024"
    )


@pytest.mark.parametrize(
    "d, kwargs",
    [
        (None, {"month": 11}),  # no year
        (None, {"month": 13, "year": 2024}),
        (dt.date(2024, 7, 5), {"year": 2024}),  # date and parts both given
    ],
)
def test_place_date_line_rejects_incomplete_or_conflicting(d, kwargs):
    with pytest.raises(FormattingError):
        place_date_line("Bình Định", d, **kwargs)


@pytest.mark.parametrize(
    "current, previous, kwargs, expected",
    [
        (1302, 1000, {}, "tăng 30,2%"),
        (985, 1000, {}, "giảm 1,5%"),
        (1000, 1000, {}, "không thay đổi"),
        (0, 0, {}, "không thay đổi"),
        (2000, 1000, {}, "tăng 100%"),
        (0, 1000, {}, "giảm 100%"),
        (1000.4, 1000, {}, "không thay đổi"),  # 0,04% rounds to 0
        (10005, 10000, {}, "tăng 0,1%"),  # 0,05% rounds half-up
        (1302, 1000, {"decimals": 0}, "tăng 30%"),
        (1302.5, 1000, {"decimals": 2}, "tăng 30,25%"),
        (-50, -100, {}, "tăng 50%"),  # against a negative base, up is still up
        (Decimal("96.64"), Decimal("95.14"), {"kind": "points"}, "tăng 1,5 điểm phần trăm"),
        (93.64, 95.14, {"kind": "points"}, "giảm 1,5 điểm phần trăm"),
        (95.14, 95.14, {"kind": "points"}, "không thay đổi"),
        (50, 0, {"kind": "points"}, "tăng 50 điểm phần trăm"),
    ],
)
def test_change(current, previous, kwargs, expected):
    assert change(current, previous, **kwargs) == expected


def test_change_relative_to_zero_is_an_error():
    with pytest.raises(FormattingError, match="kỳ trước bằng 0"):
        change(10, 0)


def test_change_unknown_kind():
    with pytest.raises(FormattingError, match="relative"):
        change(10, 5, kind="absolute")


@pytest.mark.parametrize(
    "n, expected",
    [(1, "I"), (2, "II"), (3, "III"), (4, "IV"), (5, "V"), (9, "IX"), (14, "XIV"),
     (40, "XL"), (49, "XLIX"), (90, "XC"), (400, "CD"), (1994, "MCMXCIV"), (3999, "MMMCMXCIX")],
)
def test_roman(n, expected):
    assert roman(n) == expected


@pytest.mark.parametrize("bad", [0, -1, 4000, 2.0])
def test_roman_out_of_range(bad):
    with pytest.raises(FormattingError):
        roman(bad)


@pytest.mark.parametrize(
    "n, expected",
    [(1, "a"), (4, "d"), (5, "đ"), (6, "e"), (7, "g"), (8, "h"), (9, "i"), (10, "k"),
     (20, "u"), (21, "v"), (22, "x"), (23, "y")],
)
def test_letter(n, expected):
    assert letter(n) == expected


def test_letter_alphabet_skips_f_j_w_z():
    letters = [letter(n) for n in range(1, 24)]
    assert "".join(letters) == "abcdđeghiklmnopqrstuvxy"
    assert not {"f", "j", "w", "z"} & set(letters)


@pytest.mark.parametrize("bad", [0, 24, -3])
def test_letter_out_of_range(bad):
    with pytest.raises(FormattingError):
        letter(bad)
