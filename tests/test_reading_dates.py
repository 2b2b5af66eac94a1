"""Dates as staff write them, day first, wherever a date goes; impossible dates say why."""

import datetime as dt

import pytest
from conftest import run_cli
from test_reading_numbers import built_bytes, line_of, rewrite

from reportgen import formatting as F


@pytest.mark.parametrize("typed", ["31/10/2025", "31-10-2025", "31.10.2025", "ngày 31 tháng 10 năm 2025",
                                   "Ngày  31 tháng 10 năm 2025", "2025-10-31"])
def test_read_date(typed):
    assert F.read_date(typed) == dt.date(2025, 10, 31)


@pytest.mark.parametrize("typed,message", [
    ("29/02/2025", 'ngày "29/02/2025" không tồn tại: tháng 2 năm 2025 chỉ có 28 ngày'),
    ("31/4/2024", 'ngày "31/4/2024" không tồn tại: tháng 4 năm 2024 chỉ có 30 ngày'),
    ("10/13/2025", 'ngày "10/13/2025" không tồn tại: không có tháng 13 (tháng từ 1 đến 12)'),
    ("31/10/25", 'ngày "31/10/25": ghi năm đủ bốn chữ số (ví dụ 31/10/2025)'),
    ("tháng 10", ('"tháng 10" không phải là một ngày; viết ví dụ 31/10/2025, 31-10-2025, 31.10.2025, '
                 "ngày 31 tháng 10 năm 2025 hoặc 2025-10-31")),
])
def test_impossible_or_unreadable_date(typed, message):
    with pytest.raises(F.ReadingError) as caught:
        F.read_date(typed)
    assert str(caught.value) == message


@pytest.mark.parametrize("spelling", ["05/7/2024", "05-07-2024", "5.7.2024", "ngày 05 tháng 7 năm 2024",
                                      '"2024-07-05"'])
def test_every_spelling_of_the_issue_date_builds_the_same_bytes(mini_copy, tmp_path, spelling):
    iso = built_bytes(mini_copy, tmp_path / "iso.docx")
    rewrite(mini_copy, ("ngay: 2024-07-05", f"ngay: {spelling}"), ("ngay: 2024-06-10", "ngay: 10/6/2024"))
    assert built_bytes(mini_copy, tmp_path / "vn.docx") == iso


def test_indicator_date_the_vietnamese_way(mini_copy, tmp_path):
    rewrite(mini_copy, ("ty_le_ghi: 95.14", "ty_le_ghi: 95.14\n    tinh_den: 16/6/2024"))
    result = run_cli("validate", "--strict", mini_copy)
    assert "tinh_den" not in result.output


def test_impossible_issue_date_names_the_line_and_the_month(mini_copy):
    rewrite(mini_copy, ("ngay: 2024-07-05", "ngay: 29/02/2025"))
    result = run_cli("validate", mini_copy)
    assert result.exit_code == 1
    line = line_of(mini_copy, "ngay: 29/02/2025")
    assert (f'report.yaml:{line}:7: lỗi [ngay]: ngày "29/02/2025" không tồn tại: tháng 2 năm 2025 chỉ có 28 ngày'
            in result.output)
    assert "YYYY-MM-DD" not in result.output


def test_month_first_is_not_guessed(mini_copy):
    rewrite(mini_copy, ("ngay: 2024-06-10", "ngay: 6/31/2024"))
    result = run_cli("validate", mini_copy)
    line = line_of(mini_copy, "ngay: 6/31/2024")
    assert (f'report.yaml:{line}:9: lỗi [van_ban_yeu_cau.ngay]: ngày "6/31/2024" không tồn tại: không có tháng 31'
            in result.output)
