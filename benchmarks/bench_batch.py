"""A batch: 100 reports (copies of the 40-task example) built by one `reportgen build inputs/`,
whole process; prints the time per report amortised, on the given number of workers.

    .venv/bin/python benchmarks/bench_batch.py [--reports 100] [-j 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import EXAMPLE, project, reportgen, run_process


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = project(Path(tmp))
        for path in inputs.glob("*.yaml"):
            if path.name != EXAMPLE.name:
                path.unlink()  # only the example and its copies are built
        for n in range(1, args.reports):
            shutil.copy(inputs / EXAMPLE.name, inputs / f"{EXAMPLE.stem}-{n:03d}.yaml")
        seconds, _ = run_process(reportgen("build", str(inputs), "-j", str(args.jobs)))
        one, _ = run_process(reportgen("build", str(inputs / EXAMPLE.name)))
    print(f"{args.reports} reports on {args.jobs} workers: {seconds:.2f} s, "
          f"{seconds / args.reports * 1000:.0f} ms per report amortised (target ≤ 30 ms); "
          f"one report alone {one * 1000:.0f} ms")


if __name__ == "__main__":
    main()
