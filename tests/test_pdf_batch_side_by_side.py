"""A larger batch with --pdf on two workers: its documents are shared between two LibreOffice runs
side by side, the signature boxes are found on the two workers, and every PDF still gets its own
checked PDF and a boxes' file that names it (its bytes' sha256) with the boxes a report built alone gets."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from reportgen.commands import build as build_command
from reportgen.commands.build import BuildOptions, build_many
from reportgen.pdf.inspect import open_pdf, pdfa_identification
from tests.conftest import FIXTURES, signing_report_copies

REPORT = FIXTURES / "ky-so" / "report.yaml"
needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by scripts/setup.sh")


def reports(tmp_path: Path, count: int) -> list[Path]:
    return signing_report_copies(tmp_path, [f"p{n}" for n in range(count)])


@needs_office
def test_six_reports_on_two_workers_share_two_office_runs(tmp_path, office_runs):
    runs = office_runs
    *paths, single = reports(tmp_path, 7)
    results = build_many(paths, BuildOptions(pdf=True, edition="dien-tu"), workers=2)
    assert [r.ok for r in results] == [True] * 6, [r.messages for r in results]
    assert len(runs) == 2
    converted = sorted(Path(a).name for command in runs for a in command if a.endswith(".docx"))
    assert converted == [f"{n}.docx" for n in range(6)]
    assert build_many([single], BuildOptions(pdf=True, edition="dien-tu"), workers=2)[0].ok
    alone = json.loads(build_command.default_output(single, ".ky-so.json").read_text(encoding="utf-8"))
    assert alone["o_ky"]
    for path, result in zip(paths, results):
        pdf = build_command.default_output(path, ".pdf")
        assert pdfa_identification(open_pdf(pdf.read_bytes())).part == "2"
        sidecar = json.loads(pdf.with_name(pdf.stem + ".ky-so.json").read_text(encoding="utf-8"))
        assert sidecar["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
        assert sidecar["o_ky"] == alone["o_ky"] and sidecar["canh_bao"] == alone["canh_bao"]
        assert result.written[-2].endswith(".pdf") and result.written[-1].endswith(".ky-so.json")
