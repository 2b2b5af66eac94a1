"""A second template for another province's layout (templates/bao-cao-lien-nganh) and its example
(inputs/tinh-vi-du-2025-lien-nganh.yaml): every shape at once, no warning, the decree check clean;
appendix labels per template and the header block on each appendix's first page."""

import re
import zipfile
from pathlib import Path

from conftest import run_cli

from reportgen.check import check_docx
from reportgen.compute.numbering import appendix_label

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "inputs" / "tinh-vi-du-2025-lien-nganh.yaml"


def _built(tmp_path):
    out = tmp_path / "ln.docx"
    result = run_cli("build", "--strict", EXAMPLE, "-o", out)
    assert result.exit_code == 0, result.output
    assert "cảnh báo" not in result.output
    return out


def test_the_example_builds_without_a_warning_and_the_check_finds_nothing(tmp_path):
    out = _built(tmp_path)
    assert check_docx(out) == []


def _sections(xml: str) -> list[str]:
    """The document body cut at each section break (w:sectPr inside a paragraph)."""
    return re.split(r"<w:sectPr\b.*?</w:sectPr>", xml, flags=re.DOTALL)


def test_each_appendix_page_starts_with_the_agency_and_the_quoc_hieu(tmp_path):
    xml = zipfile.ZipFile(_built(tmp_path)).read("word/document.xml").decode("utf-8")
    sections = _sections(xml)
    appendices = [s for s in sections if re.search(r">PHỤ LỤC (01|02|SỐ 3)<", s)]
    assert len(appendices) == 3
    for section in appendices:
        label = re.search(r">PHỤ LỤC (01|02|SỐ 3)<", section).start()
        head = section[:label]
        assert head.count("<w:tbl>") == 1  # one table, above the label
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in head and "Độc lập - Tự do - Hạnh phúc" in head
        assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ - CÔNG AN TỈNH" in head
        assert "Số:" not in head  # the number and date belong to the first page only
    assert "(Ban hành kèm theo Báo cáo số 45/BC-SKHCN-CAT ngày 20/12/2025 của" in appendices[0]
    assert "(Kèm theo Báo cáo số 45/BC-SKHCN-CAT ngày 20/12/2025)" in appendices[2]  # its own line


def test_an_appendix_of_text_and_two_tables(tmp_path):
    xml = zipfile.ZipFile(_built(tmp_path)).read("word/document.xml").decode("utf-8")
    third = next(s for s in _sections(xml) if ">PHỤ LỤC SỐ 3<" in s)
    first, second = third.index("Bảng 1. Chỉ tiêu"), third.index("Bảng 2. Chỉ tiêu")
    assert third.count("<w:tbl>") == 3  # the header block and two data tables
    assert third.index("<w:tbl>", first) < second  # a table between the two paragraphs
    assert third.index("<w:tbl>", second) > second


def test_appendix_label_forms():
    assert appendix_label(1, 2, "la_ma", True) == "Phụ lục I"
    assert appendix_label(1, 2, "so_2_chu_so", True, caps=True) == "PHỤ LỤC 01"
    assert appendix_label(2, 2, "so_chu", True) == "Phụ lục số 2"
    assert appendix_label(2, 2, "so_chu", True, caps=True) == "PHỤ LỤC SỐ 2"
    assert appendix_label(1, 1, "so", True, caps=True) == "PHỤ LỤC"
    assert appendix_label(1, 1, "so", False) == "Phụ lục 1"
