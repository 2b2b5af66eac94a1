"""The signature block is never split across pages: its row is kept whole (w:cantSplit), and the
closing text keeps with it, so the page a clerk signs carries the closing, Nơi nhận, the title
and the name together."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pdfplumber
from conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
QUARTER = ROOT / "inputs" / "tinh-vi-du-2025-quy-3.yaml"


def _signature_table(document_xml: str) -> str:
    at = document_xml.index("Nơi nhận:")
    return document_xml[document_xml.rindex("<w:tbl>", 0, at):document_xml.index("</w:tbl>", at)]


def test_the_signature_row_and_the_header_block_are_kept_whole(tmp_path):
    out = tmp_path / "q3.docx"
    assert run_cli("build", QUARTER, "-o", out).exit_code == 0
    document = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "<w:tr><w:trPr><w:cantSplit/></w:trPr>" in _signature_table(document)
    header = document[document.index("<w:tbl>"):document.index("</w:tbl>")]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header and "<w:cantSplit/>" in header


def test_the_quarterly_reports_signer_is_on_the_page_of_the_signature(tmp_path):
    """It used to leave the name alone at the top of page 2, the titles on page 1."""
    out = tmp_path / "q3.docx"
    built = run_cli("build", QUARTER, "--pdf", "--ban", "giay", "-o", out)
    assert built.exit_code == 0, built.output
    with pdfplumber.open(out.with_suffix(".pdf")) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    signature_page = next(text for text in pages if "Nơi nhận:" in text)
    for line in ("báo cáo Văn phòng Chính phủ theo quy", "định./.", "TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH",
                 "Trần Minh Khoa"):
        assert line in signature_page
