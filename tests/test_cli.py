"""The command line as staff use it: batch builds, PDF, text rendering, output placement."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from conftest import MINI, run_cli

ROOT = Path(__file__).resolve().parents[1]


def project(tmp_path, names=("report",)):
    """A project folder: inputs/ with copies of the small report, templates/ from the repo."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(MINI / "agency.yaml", inputs / "agency.yaml")
    for name in names:
        shutil.copy(MINI / "report.yaml", inputs / f"{name}.yaml")
    (tmp_path / "templates").symlink_to(ROOT / "templates")
    return inputs


def test_build_writes_to_outputs_beside_inputs(tmp_path):
    inputs = project(tmp_path)
    result = run_cli("build", inputs / "report.yaml")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "outputs/report.docx").is_file()


def test_batch_build_goes_on_past_a_broken_file_and_summarises(tmp_path):
    inputs = project(tmp_path, ("a", "b", "c"))
    broken = inputs / "b.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("ky_hieu: BC-UBND", "ky_hieu: [x]"), encoding="utf-8")
    result = run_cli("build", inputs)
    assert result.exit_code == 1
    assert (tmp_path / "outputs/a.docx").is_file() and (tmp_path / "outputs/c.docx").is_file()
    assert not (tmp_path / "outputs/b.docx").exists()
    assert "Tổng kết: dựng xong 2/3 báo cáo." in result.output
    assert "b.yaml:" in result.output and "ky_hieu" in result.output
    assert "agency.yaml" not in result.output  # included files are not reports


def test_batch_build_in_parallel_processes_from_a_shell(tmp_path):
    inputs = project(tmp_path, ("a", "b", "c", "d"))
    done = subprocess.run([sys.executable, "-m", "reportgen", "build", "-j", "2", str(inputs)],
                          capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "outputs").glob("*.docx")) == ["a.docx", "b.docx", "c.docx", "d.docx"]
    assert "Đang dựng" not in done.stderr  # not a terminal: plain lines, no progress bar
    assert done.stdout.count(" → ") == 4


def test_text_rendering_for_diffs(tmp_path):
    out = tmp_path / "r.docx"
    assert run_cli("build", "--text", MINI / "report.yaml", "-o", out).exit_code == 0
    text = (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert "Số: 117/BC-UBND\tBình Định, ngày 05 tháng 7 năm 2024" in text
    assert "1.1.1. Văn bản" in text and "^1 Quyết định số 637/QĐ-UBND ngày 26/02/2024." in text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by scripts/setup.sh")
def test_pdf_through_libreoffice(tmp_path):
    out = tmp_path / "r.docx"
    result = run_cli("build", "--pdf", MINI / "report.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "r.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "KẾT QUẢ THỰC HIỆN NHIỆM VỤ" in text
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert "Pages:" in info


def test_pdf_without_libreoffice_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    result = run_cli("build", "--pdf", MINI / "report.yaml", "-o", tmp_path / "r.docx")
    assert result.exit_code == 1
    assert "chưa cài LibreOffice" in result.output and "apt-get install" in result.output


def test_every_built_report_passes_the_decree_check(tmp_path):
    out = tmp_path / "r.docx"
    assert run_cli("build", MINI / "report.yaml", "-o", out).exit_code == 0
    result = run_cli("check", out)
    assert result.exit_code == 0, result.output
    assert "Không phát hiện sai lệch nào" in result.output


def test_check_reports_a_nonconforming_document(tmp_path):
    out = tmp_path / "r.docx"
    run_cli("build", MINI / "report.yaml", "-o", out)
    doc = Document(str(out))
    doc.sections[0].left_margin = doc.sections[0].left_margin // 2
    bad = tmp_path / "bad.docx"
    doc.save(str(bad))
    result = run_cli("check", bad)
    assert result.exit_code == 1
    assert "[margins]" in result.output and "mục 1" in result.output


def test_check_on_a_file_that_is_not_docx(tmp_path):
    junk = tmp_path / "x.docx"
    junk.write_text("not a zip")
    result = run_cli("check", junk)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
