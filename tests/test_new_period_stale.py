"""Typed period and cut-off mentions of an earlier period: found, located, explained, accepted."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import run_cli

from reportgen.compute.periods import parse
from reportgen.compute.stale import mentions, stale_in_text

ROOT = Path(__file__).resolve().parents[1]
MONTHLY = Path(__file__).parent / "data" / "thang" / "inputs"
REPORT = "de-an-06-thang-10-2025.yaml"


@pytest.mark.parametrize("text, found", [
    ("Trong tháng 10 năm 2025", [("tháng 10 năm 2025", "thang-10-2025")]),
    ("NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2025", [("THÁNG 11 NĂM 2025", "thang-11-2025")]),
    ("kết quả tháng 9/2025", [("tháng 9/2025", "thang-9-2025")]),
    ("Quý III/2025 và quý 2 năm 2024", [("Quý III/2025", "quy-3-2025"), ("quý 2 năm 2024", "quy-2-2024")]),
    ("6 tháng đầu năm 2024, 6 THÁNG CUỐI NĂM 2024", [("6 tháng đầu năm 2024", "6thang-2024"),
                                                     ("6 THÁNG CUỐI NĂM 2024", "6thang-cuoi-2024")]),
    ("9 tháng năm 2024", [("9 tháng năm 2024", "9thang-2024")]),
    ("so với năm 2022", [("năm 2022", "nam-2022")]),
    # a cited document's date is not a period; a law's name is not either
    ("Quyết định số 540/QĐ-UBND ngày 07 tháng 02 năm 2024 và ngày 18/01/2024", []),
    ("theo Luật Cư trú năm 2020", []),
    ("Hiến pháp năm 2013", []),
    # what Jinja computes is not typed
    ("Trong {{ bao_cao.ky }} và {{ 'năm 2020' }}", []),
])
def test_period_mentions(text, found):
    assert [(m.text, m.period.id) for m in mentions(text) if m.period] == found


@pytest.mark.parametrize("text, day", [
    ("tính đến ngày 25/10/2025", dt.date(2025, 10, 25)),
    ("Tính đến ngày 24 tháng 4 năm 2024, 100%", dt.date(2024, 4, 24)),
    ("số liệu đến hết ngày 30/6/2024", dt.date(2024, 6, 30)),
])
def test_cut_off_dates(text, day):
    assert [m.day for m in mentions(text)] == [day]


@pytest.mark.parametrize("text, shown", [
    ("tính đến ngày 25/10/2025", "ngày 25/10/2025"),
    ("Tính đến NGÀY  24 tháng 4 năm 2024, 100%", "NGÀY  24 tháng 4 năm 2024"),
    ("số liệu đến 30/6/2024", "30/6/2024"),
    ("đến ngày1 30/6/2024", None),  # `ngày1` is no day word: the date is not a cut-off
])
def test_a_cut_off_date_is_shown_with_its_day_word(text, shown):
    """The `ngày` before a date is part of the mention (its text is what the message quotes and
    what a next period replaces), and what comes before it decides that it is a cut-off."""
    assert [m.text for m in mentions(text)] == ([shown] if shown else [])


def test_earlier_periods_are_stale_the_report_s_own_and_later_ones_are_not():
    november = parse("thang-11-2025")
    text = "tháng 10 năm 2025, tháng 11 năm 2025, THÁNG 12 NĂM 2025, năm 2025, năm 2024, Quý III/2025, tính đến 14/11/2025"
    assert [(m.text, e) for m, e in stale_in_text(text, november)] == [
        ("tháng 10 năm 2025", "{{ bao_cao.ky_truoc.label_long }}"),
        ("năm 2024", "năm {{ bao_cao.ky.year - 1 }}"),
        ("Quý III/2025", None),
    ]


def test_carried_text_is_read_with_the_meaning_it_had():
    """From the October report: its own month, its next month and last year's figure, seen from November."""
    text = ("tháng 10 năm 2025; THÁNG 11 NĂM 2025; năm 2025; so với tháng 9 năm 2025; tính đến ngày 25/10/2025; "
            "tầm nhìn đến năm 2030; tháng 3 năm 2025")
    stale = stale_in_text(text, parse("thang-11-2025"), previous=parse("thang-10-2025"),
                          previous_date=dt.date(2025, 10, 25))
    assert [(m.text, e) for m, e in stale] == [
        ("tháng 10 năm 2025", "{{ bao_cao.ky.label_long }}"),
        ("THÁNG 11 NĂM 2025", "{{ bao_cao.ky_sau.label_long }}"),
        ("tháng 9 năm 2025", "{{ bao_cao.ky_truoc.label_long }}"),
        ("ngày 25/10/2025", "ngày {{ bao_cao.tinh_den | ngay_ngan }}"),
    ]  # a target year and a month already past in October are not made wrong by November


def project(tmp_path):
    inputs = tmp_path / "inputs"
    shutil.copytree(MONTHLY, inputs)
    (tmp_path / "templates").symlink_to(ROOT / "templates")
    (tmp_path / "schema").symlink_to(ROOT / "schema")
    return inputs / REPORT


def write_paragraph(report: Path, paragraph: str, extra: str = "") -> None:
    text = report.read_text(encoding="utf-8")
    text = text.replace("      - Tiếp tục thực hiện các nhiệm vụ còn lại.\n",
                        f"      - Tiếp tục thực hiện các nhiệm vụ còn lại.\n      - >-\n{paragraph}")
    report.write_text(text.replace("ky: thang-10-2025\n", f"ky: thang-10-2025\n{extra}"), encoding="utf-8")


FOLDED = ("        Kết quả này cao hơn cùng kỳ; riêng số thuế của năm\n"
          "        2024 là 65 tỷ đồng, tăng 30% so với năm 2023.\n")


def test_validate_warns_at_the_line_inside_a_folded_paragraph_and_strict_refuses(tmp_path):
    report = project(tmp_path)
    write_paragraph(report, FOLDED)
    result = run_cli("validate", report)
    assert result.exit_code == 0, result.output
    line = report.read_text(encoding="utf-8").splitlines().index(FOLDED.splitlines()[0]) + 1
    column = FOLDED.splitlines()[0].rindex("năm") + 1
    assert (f"{REPORT}:{line}:{column}: cảnh báo: \"năm 2024\" là kỳ trước kỳ của báo cáo (tháng 10/2025), được gõ tay "
            "nên không đổi theo kỳ; nếu là kỳ của báo cáo, viết năm {{ bao_cao.ky.year }}; nếu cố ý nói về kỳ đó, "
            'viết năm {{ bao_cao.ky.year - 1 }} hoặc ghi "năm 2024" vào ky_so_sanh') in result.output
    assert "năm 2023" not in result.output  # it follows "so với": a comparison is meant
    assert run_cli("validate", "--strict", report).exit_code == 1


@pytest.mark.parametrize("accepted", ["ky_so_sanh: [năm 2024]\n", "ky_so_sanh: nam-2024\n"])
def test_a_meant_mention_is_accepted_by_text_or_by_period(tmp_path, accepted):
    report = project(tmp_path)
    write_paragraph(report, FOLDED, accepted)
    result = run_cli("validate", "--strict", report)
    assert result.exit_code == 0, result.output


def test_new_lists_meant_mentions_again_and_drops_the_list(tmp_path, monkeypatch):
    report = project(tmp_path)
    write_paragraph(report, FOLDED, "ky_so_sanh: [năm 2024]\n")
    monkeypatch.chdir(tmp_path)
    result = run_cli("new", "--from", report)
    assert result.exit_code == 0, result.output
    new = (report.parent / "de-an-06-thang-11-2025.yaml").read_text(encoding="utf-8")
    assert "ky_so_sanh" not in new
    assert "ky_so_sanh: đã bỏ" in result.output
    # seen from November, last year is still 2024 and 2023: the comparison needs no change
    assert '"năm 2024"' not in result.output and '"năm 2023"' not in result.output
