"""A batch with --pdf: every report's PDF from ONE LibreOffice run, each checked (PDF/A-2b, fonts)
and given its signature boxes' file as a report built alone is; two reports of the same name in
different folders do not collide."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reportgen.commands import build as build_command
from reportgen.commands.build import BuildOptions, build_many
from reportgen.pdf.inspect import open_pdf, pdfa_identification
from reportgen.writers import pdf as writer
from tests.conftest import FIXTURES, signing_report_copies

REPORT = FIXTURES / "ky-so" / "report.yaml"
needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by scripts/setup.sh")


def two_reports(tmp_path: Path) -> list[Path]:
    """The same report twice, under the same file name in two projects."""
    return signing_report_copies(tmp_path, ("a", "b"))


@needs_office
def test_a_batch_makes_every_pdf_in_one_office_run(tmp_path, office_runs):
    runs = office_runs
    reports = two_reports(tmp_path)
    options = BuildOptions(pdf=True, edition="dien-tu")
    done = []
    results = build_many(reports, options, done.append, workers=1)
    assert len(runs) == 1
    assert [r.ok for r in results] == [True, True], [r.messages for r in results]
    assert len(done) == 2
    for report, result in zip(reports, results):
        pdf = build_command.default_output(report, ".pdf")
        assert pdfa_identification(open_pdf(pdf.read_bytes())).part == "2"
        sidecar = pdf.with_name(pdf.stem + ".ky-so.json")
        assert json.loads(sidecar.read_text(encoding="utf-8"))
        assert result.written[-2].endswith(".pdf") and result.written[-1].endswith(".ky-so.json")


def test_a_pdf_that_fails_its_check_fails_only_its_report(tmp_path, monkeypatch):
    """Each PDF of the batch is checked on its own: one refused, the other written."""
    reports = two_reports(tmp_path)
    outcomes = iter([writer.ReportError(writer.Diagnostic(writer.Location("x.pdf"), "phông chữ không nhúng")), None])

    def convert(documents, runs=1):
        out = []
        for docx in documents:
            problem = next(outcomes)
            if problem is None:
                shutil.copy(FIXTURES / "ky-so" / "report.yaml", docx.with_suffix(".pdf"))  # stands for a PDF
                out.append(docx.with_suffix(".pdf"))
            else:
                out.append(problem)
        return out

    monkeypatch.setattr(writer, "convert_many", convert)
    monkeypatch.setattr(writer, "convert_with_sidecars",
                        lambda documents, runs=1, requests=None: (convert(documents, runs), [None] * len(documents)))
    monkeypatch.setattr("reportgen.pdf.boxes.write_sidecar",
                        lambda pdf, *a, **k: (pdf.with_name(pdf.stem + ".ky-so.json"), []))
    results = build_many(reports, BuildOptions(pdf=True, edition="dien-tu"), workers=1)
    assert [r.ok for r in results] == [False, True]
    assert any("phông chữ không nhúng" in m for m in results[0].messages)
    assert results[0].written[-1].endswith(".docx")  # its .docx stays, the PDF is said to be missing
    assert results[1].written[-2].endswith(".pdf")
