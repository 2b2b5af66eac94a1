"""PDFs of a batch: `reportgen build DIR --pdf` converts the reports' .docx in LibreOffice runs side
by side; prints one report with its PDF alone, a batch of N, and the cost of each further PDF
(medians of --repeat alternating runs). --stages also runs the batch once in this process and
prints when each stage starts and ends: the docx, each LibreOffice run, each PDF's check and box
search, each report's PDF and boxes' file written.

    .venv/bin/python benchmarks/bench_pdf_batch.py [--reports 10] [-j 2] [--repeat 3] [--stages]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import EXAMPLE, ROOT, project, reportgen, run_process


def batch_project(folder: Path, reports: int) -> Path:
    """A project whose inputs/ holds the example and reports - 1 copies of it."""
    inputs = project(folder)
    for path in inputs.glob("*.yaml"):
        if path.name != EXAMPLE.name:
            path.unlink()
    for n in range(1, reports):
        shutil.copy(inputs / EXAMPLE.name, inputs / f"{EXAMPLE.stem}-{n:03d}.yaml")
    return inputs


def one_and_batch(reports: int, jobs: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        inputs = batch_project(Path(tmp), reports)
        one, _ = run_process(reportgen("build", str(inputs / EXAMPLE.name), "--pdf"))
        batch, _ = run_process(reportgen("build", str(inputs), "--pdf", "-j", str(jobs)))
        made = len(list((Path(tmp) / "outputs").glob("*.pdf")))
    if made != reports:
        raise SystemExit(f"{made} PDFs for {reports} reports")
    return one, batch


def stages(reports: int, jobs: int) -> None:
    """The batch built in this process, each stage's start and end printed (seconds from the start)."""
    sys.path.insert(0, str(ROOT))
    from reportgen.commands import build
    from reportgen.pdf import boxes
    from reportgen.writers import pdf

    start, out = time.perf_counter(), sys.stdout

    def timed(module, name, label):
        function = getattr(module, name)

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            began = time.perf_counter()
            result = function(*args, **kwargs)
            print(f"{began - start:6.2f} – {time.perf_counter() - start:6.2f}  {label(*args)}", file=out)
            return result
        setattr(module, name, wrapper)

    timed(build, "_build_all", lambda paths, *rest: f"{len(paths)} .docx built")
    timed(pdf, "run_office", lambda command, *rest: f"LibreOffice run of {sum(a.endswith('.docx') for a in command)}")
    timed(pdf, "_checked", lambda data, target: f"  check of {target.name}")
    timed(boxes, "sidecar_of", lambda data, name, *rest: f"  box search of {name}")
    timed(build, "_finish_pdf", lambda result, pending, pdf_path, *rest: f"  written: {pdf_path.name} and its boxes")
    with tempfile.TemporaryDirectory() as tmp:
        inputs = batch_project(Path(tmp), reports)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                build.build.main([str(inputs), "--pdf", "-j", str(jobs)], standalone_mode=False)
            except SystemExit:
                pass
    print(f"{time.perf_counter() - start:6.2f}  done", file=out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=10)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stages", action="store_true")
    args = parser.parse_args()
    ones, batches, further = [], [], []
    for _ in range(args.repeat):
        one, batch = one_and_batch(args.reports, args.jobs)
        ones.append(one), batches.append(batch), further.append((batch - one) / (args.reports - 1))
        print(f"one report with its PDF: {one:.2f} s; {args.reports} reports with their PDFs on {args.jobs} "
              f"workers: {batch:.2f} s; each further PDF {further[-1]:.2f} s")
    print(f"medians of {args.repeat}: one {statistics.median(ones):.2f} s, batch {statistics.median(batches):.2f} s, "
          f"each further PDF {statistics.median(further):.2f} s (target ≤ 0.3 s)")
    if args.stages:
        stages(args.reports, args.jobs)


if __name__ == "__main__":
    main()
