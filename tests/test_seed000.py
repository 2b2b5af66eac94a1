"""Báo cáo số 258/BC-UBND (seed 000, sơ kết năm 2024) rebuilt: the shapes it needs, as printed."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from conftest import Built, run_cli

from reportgen.check import check_docx
from reportgen.pipeline import prepare
from reportgen.writers.text import write_text

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "inputs" / "binh-dinh-2024-nam.yaml"


@functools.cache
def text() -> str:
    return write_text(prepare(REPORT, strict=True).document)


def _docx(tmp_path) -> Built:
    out = tmp_path / "nam.docx"
    result = run_cli("build", "--strict", REPORT, "-o", out)
    assert result.exit_code == 0, result.output
    return Built(out)


def test_tallies_are_counted_from_the_appendices():
    t = text()
    assert "- Tổng số nhiệm vụ đã hoàn thành: 37 nhiệm vụ." in t
    assert "- Có 02 nhiệm vụ đang thực hiện theo lộ trình hướng dẫn của Bộ Công an." in t
    assert "- Có 01 nhiệm vụ chuyển đổi sang năm 2025." in t
    assert "toàn tỉnh đã triển khai hoàn thành 16 Mô hình (Gồm mô hình 1, 4, 5, 6, 7, 8, 17," in t
    assert "đang tiếp tục triển khai 26 mô hình (có Phụ lục 02 gửi kèm theo)" in t
    # the same counts in Phụ lục 01, row 2, as the original lists them there
    assert "* Đã hoàn thành triển khai: 16 mô hình." in t
    assert "* Đang triển khai: 18 (3, 9, 11, 15, 16," in t
    assert "* Chưa triển khai: 08 (10, 12, 13, 14, 19, 21, 22, 33)." in t


def test_group_rows_count_their_rows():
    t = text()
    assert "IV\tVỀ PHÁT TRIỂN CÔNG DÂN SỐ (07 NHIỆM VỤ)" in t  # the original typed (08 NHIỆM VỤ)
    assert "VII\tVỀ CÔNG TÁC THÔNG TIN, TUYÊN TRUYỀN (04 NHIỆM VỤ)" in t
    assert "II\tNHÓM TIỆN ÍCH PHÁT TRIỂN KINH TẾ XÃ HỘI (17 MÔ HÌNH)" in t
    rows = re.findall(r"^(\d+)\t", t.split("Phụ lục 01\n")[1].split("Phụ lục 02\n")[0], re.MULTILINE)
    assert rows == [str(n) for n in range(1, 41)]  # STT runs on through the seven groups


def test_appendix_labels_and_guiding_lines_as_the_original_writes_them(tmp_path):
    xml = _docx(tmp_path).xml("word/document.xml")
    assert ">Phụ lục 01<" in xml and ">Phụ lục 02<" in xml
    assert "(Kèm theo Báo cáo số 258/BC-UBND ngày 31/12/2024 của Ủy ban nhân dân tỉnh Bình Định)" in xml
    assert "(Ban hành kèm theo Báo cáo số 258/BC-UBND ngày 31/12/2024 của Ủy ban nhân dân tỉnh)" in xml
    assert "(Có Phụ lục 01 chi tiết kết quả thực hiện gửi kèm theo)" in text()


def test_the_decree_check_accepts_ban_hanh_kem_theo(tmp_path):
    built = _docx(tmp_path)
    findings = check_docx(built.path)
    assert [f for f in findings if f.severity == "error"] == []
    assert not [f for f in findings if f.rule == "appendix"]


def test_enumerations_restart_under_each_lead_paragraph():
    t = text()
    assert "(1) Đăng ký thường trú: 94.183 hồ sơ; trực tiếp 480 hồ sơ; trực tuyến 93.703 hồ sơ" in t
    assert "(11) Thủ tục làm con dấu thu nhỏ" in t
    assert "(1) Đăng ký khai sinh: 1.058 hồ sơ, trong đó: 8 hồ sơ trực tiếp" in t
    assert "(14) Đăng ký dự thi tốt nghiệp THPT" in t
    assert "\n(vi) Ứng dụng trong lĩnh vực thuế\n" in t
    assert "\n(2) Kết quả triển khai ứng dụng công dân số tại địa phương\n" in t
    assert "- Một là, tăng cường sự lãnh đạo" in t and "- Bốn là, chủ động đầu tư" in t


def test_figures_typed_wrong_in_the_original_are_printed_computed():
    t = text()
    assert "đạt 19,5% (6.210/31.847 trường hợp)" in t  # the original: 25.6%
    assert "4.601 hồ sơ, trong đó: 104 hồ sơ trực tiếp; 4.497 hồ sơ trực tuyến" in t  # the original: 107
    assert "hồ sơ trực tuyến phát sinh đạt 90,32%, vượt chỉ tiêu" in t  # 90,3% in III.1, 90,32% in II.7.1
    assert t.count("Quyết định số 4466/QĐ-UBND ngày 19") == 0
    assert "in, phát hành hơn 110.000 tờ rơi" in t
