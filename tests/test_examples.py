"""The example reports in inputs/ build out of the box and pass the decree check."""

from pathlib import Path

import pytest

from conftest import run_cli
from reportgen.check import check_docx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "inputs").glob("*.yaml"))


@pytest.mark.parametrize("report", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_builds_and_conforms(report, tmp_path):
    out = tmp_path / f"{report.stem}.docx"
    result = run_cli("build", "--strict" if report.stem != "binh-dinh-2022-nam" else "--text", report, "-o", out)
    assert result.exit_code == 0, result.output
    errors = [f for f in check_docx(out) if f.severity == "error"]
    assert errors == []


def test_examples_exist():
    assert {p.stem for p in EXAMPLES} >= {"binh-dinh-2024-6thang", "binh-dinh-2024-mo-hinh", "binh-dinh-2022-nam"}
