"""The data cut-off window of every period (Nghị định 09/2019/NĐ-CP), the template variables
that print the period and its window, and the checks of a figure's `tinh_den`."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import run_cli

from reportgen.compute.periods import parse

ROOT = Path(__file__).resolve().parents[1]
MONTHLY = Path(__file__).parent / "data" / "thang" / "inputs"
D = dt.date

ND09 = [
    # monthly: from the 15th of the month before to the 14th
    ("thang-1-2025", D(2024, 12, 15), D(2025, 1, 14)),
    ("thang-2-2025", D(2025, 1, 15), D(2025, 2, 14)),
    ("thang-3-2024", D(2024, 2, 15), D(2024, 3, 14)),
    ("thang-11-2025", D(2025, 10, 15), D(2025, 11, 14)),
    ("thang-12-2025", D(2025, 11, 15), D(2025, 12, 14)),
    # quarterly: from the 15th of the month before the quarter to the 14th of its last month
    ("quy-1-2025", D(2024, 12, 15), D(2025, 3, 14)),
    ("quy-2-2025", D(2025, 3, 15), D(2025, 6, 14)),
    ("quy-3-2025", D(2025, 6, 15), D(2025, 9, 14)),
    ("quy-4-2025", D(2025, 9, 15), D(2025, 12, 14)),
    # 6 months, 9 months and the year: from 15 December of the year before
    ("6thang-2025", D(2024, 12, 15), D(2025, 6, 14)),
    ("6thang-cuoi-2025", D(2025, 6, 15), D(2025, 12, 14)),
    ("9thang-2025", D(2024, 12, 15), D(2025, 9, 14)),
    ("nam-2025", D(2024, 12, 15), D(2025, 12, 14)),
    ("nam-2000", D(1999, 12, 15), D(2000, 12, 14)),
]

CALENDAR = [
    ("thang-2-2024", D(2024, 2, 1), D(2024, 2, 29)),
    ("thang-12-2025", D(2025, 12, 1), D(2025, 12, 31)),
    ("quy-1-2025", D(2025, 1, 1), D(2025, 3, 31)),
    ("quy-4-2025", D(2025, 10, 1), D(2025, 12, 31)),
    ("6thang-2025", D(2025, 1, 1), D(2025, 6, 30)),
    ("6thang-cuoi-2025", D(2025, 7, 1), D(2025, 12, 31)),
    ("9thang-2025", D(2025, 1, 1), D(2025, 9, 30)),
    ("nam-2025", D(2025, 1, 1), D(2025, 12, 31)),
]


@pytest.mark.parametrize("period_id, start, end", ND09)
def test_administrative_window(period_id, start, end):
    window = parse(period_id).data_window()
    assert (window.start, window.end) == (start, end)
    assert start in window and end in window
    assert start - dt.timedelta(days=1) not in window and end + dt.timedelta(days=1) not in window


@pytest.mark.parametrize("period_id, start, end", CALENDAR)
def test_statistical_window_is_the_calendar(period_id, start, end):
    window = parse(period_id).data_window(statistical=True)
    assert (window.start, window.end) == (start, end)


@pytest.mark.parametrize("kind", ["thang-1-2024", "quy-1-2024"])
def test_consecutive_windows_tile_the_years_without_gap_or_overlap(kind):
    period = parse(kind)
    for _ in range(30):
        following = period.next()
        assert following.data_window().start == period.data_window().end + dt.timedelta(days=1)
        period = following


def test_labels_with_the_year_written_out():
    assert parse("thang-10-2025").label_long == "tháng 10 năm 2025"
    assert parse("quy-3-2025").label_long == "Quý III năm 2025"
    assert parse("6thang-2025").label_long == "6 tháng đầu năm 2025"
    assert parse("nam-2025").label_long == "năm 2025"


@pytest.mark.parametrize("period_id, other_id, offset", [
    ("thang-1-2026", "thang-12-2025", 1), ("quy-1-2025", "quy-3-2024", 2), ("nam-2025", "nam-2022", 3),
    ("6thang-2025", "6thang-cuoi-2024", 1), ("thang-3-2025", "quy-1-2025", None),
])
def test_offsets_between_periods(period_id, other_id, offset):
    period, other = parse(period_id), parse(other_id)
    assert period.offset_from(other) == offset
    if offset is not None:
        assert other.shifted(offset) == period


# --- in a report -------------------------------------------------------------------------------

def project(tmp_path):
    inputs = tmp_path / "inputs"
    shutil.copytree(MONTHLY, inputs)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (tmp_path / "schema").symlink_to(ROOT / "schema")
    return inputs / "de-an-06-thang-10-2025.yaml"


def build_text(report: Path) -> tuple:
    out = report.parent.parent / "out.docx"
    result = run_cli("build", "--text", report, "-o", out)
    text = out.with_suffix(".txt").read_text(encoding="utf-8") if result.exit_code == 0 else ""
    return result, text


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_templates_print_the_period_its_neighbours_and_its_window(tmp_path):
    report = project(tmp_path)
    replace(report, "Tiếp tục thực hiện các nhiệm vụ còn lại.",
            "Kỳ {{ bao_cao.ky }}, trước là {{ bao_cao.ky_truoc }}, sau là {{ bao_cao.ky_sau.label_long }}; "
            "số liệu {{ bao_cao.chot_so_lieu }}, tính đến {{ bao_cao.tinh_den }} "
            "({{ bao_cao.tinh_den | ngay_ngan }}, từ {{ bao_cao.chot_so_lieu.tu_ngay | ngay_ngan }}).")
    result, text = build_text(report)
    assert result.exit_code == 0, result.output
    assert ("Kỳ tháng 10/2025, trước là tháng 9/2025, sau là tháng 11 năm 2025; số liệu từ ngày 15/9/2025 đến "
            "ngày 14/10/2025, tính đến ngày 14 tháng 10 năm 2025 (14/10/2025, từ 15/9/2025).") in text


def test_a_statistical_template_counts_calendar_periods(tmp_path):
    report = project(tmp_path)
    settings = tmp_path / "templates" / "de-an-06-bao-cao" / "mau.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "che_do_bao_cao: thong_ke\n", encoding="utf-8")
    replace(report, "Tiếp tục thực hiện các nhiệm vụ còn lại.", "Số liệu {{ bao_cao.chot_so_lieu }}.")
    result, text = build_text(report)
    assert result.exit_code == 0, result.output
    assert "Số liệu từ ngày 01/10/2025 đến ngày 31/10/2025." in text


def test_tinh_den_defaults_to_the_end_of_the_window(tmp_path):
    report = project(tmp_path)
    replace(report, "Tiếp tục thực hiện các nhiệm vụ còn lại.", "Hồ sơ tính đến {{ ct.ho_so.tinh_den }}.")
    result, text = build_text(report)
    assert result.exit_code == 0, result.output
    assert "Hồ sơ tính đến ngày 14 tháng 10 năm 2025." in text


@pytest.mark.parametrize("as_of, message", [
    ("2025-09-14", ('chỉ tiêu "kich_hoat": tính đến 14/9/2025, trước kỳ lấy số liệu của báo cáo '
                   "(từ ngày 15/9/2025 đến ngày 14/10/2025): số của kỳ trước?")),
    ("2025-10-26", 'chỉ tiêu "kich_hoat": tính đến 26/10/2025, sau ngày của báo cáo (25/10/2025)'),
])
def test_a_figure_outside_its_window_is_a_warning(tmp_path, as_of, message):
    report = project(tmp_path)
    figures = report.parent / "de-an-06-thang-10-2025" / "chi-tieu.yaml"
    replace(figures, "tinh_den: 2025-10-14", f"tinh_den: {as_of}")
    result = run_cli("validate", report)
    assert result.exit_code == 0, result.output
    assert f"de-an-06-thang-10-2025/chi-tieu.yaml:11:15: cảnh báo: {message}" in result.output
    assert run_cli("validate", "--strict", report).exit_code == 1


def test_a_figure_counted_after_the_cut_off_but_before_the_report_is_accepted(tmp_path):
    report = project(tmp_path)
    figures = report.parent / "de-an-06-thang-10-2025" / "chi-tieu.yaml"
    replace(figures, "tinh_den: 2025-10-14", "tinh_den: 2025-10-20")  # updated after the 14th
    result = run_cli("validate", "--strict", report)
    assert result.exit_code == 0, result.output
