"""PDFs of a batch: `reportgen build DIR --pdf` converts every report's .docx in one LibreOffice
run; prints one report with its PDF alone, a batch of N, and the cost of each further PDF.

    .venv/bin/python benchmarks/bench_pdf_batch.py [--reports 10] [-j 2]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import EXAMPLE, project, reportgen, run_process


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=10)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = project(Path(tmp))
        for path in inputs.glob("*.yaml"):
            if path.name != EXAMPLE.name:
                path.unlink()
        one, _ = run_process(reportgen("build", str(inputs / EXAMPLE.name), "--pdf"))
        for n in range(1, args.reports):
            shutil.copy(inputs / EXAMPLE.name, inputs / f"{EXAMPLE.stem}-{n:03d}.yaml")
        batch, _ = run_process(reportgen("build", str(inputs), "--pdf", "-j", str(args.jobs)))
        made = len(list((Path(tmp) / "outputs").glob("*.pdf")))
    further = (batch - one) / (args.reports - 1)
    print(f"one report with its PDF: {one:.2f} s; {args.reports} reports with their PDFs ({made} PDFs) on "
          f"{args.jobs} workers: {batch:.2f} s; each further PDF {further:.2f} s (target ≤ 0.3 s)")


if __name__ == "__main__":
    main()
