"""A batch: 100 reports (copies of the 40-task example) built by one `reportgen build inputs/`,
whole process; prints the time per report amortised, on the given number of workers.

Each copy has files of its own, as the reports of a real batch have (its number, and its
figures and appendix files carry a line of their own), so no report is read from another's
parse: only the agency's shared file (chung/) is the same for all.

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


def own_copy(inputs: Path, n: int) -> None:
    """The example as report n: its own number and its own copies of its included files."""
    stem, folder = EXAMPLE.stem, inputs / EXAMPLE.stem
    copy_folder = inputs / f"{stem}-{n:03d}"
    shutil.copytree(folder, copy_folder)
    for path in copy_folder.glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8") + f"# bản sao {n}\n", encoding="utf-8")
    text = (inputs / EXAMPLE.name).read_text(encoding="utf-8")
    text = text.replace(f"{stem}/", f"{copy_folder.name}/").replace("\nso: 117\n", f"\nso: {117 + n}\n")
    (inputs / f"{copy_folder.name}.yaml").write_text(text, encoding="utf-8")


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
            own_copy(inputs, n)
        seconds, _ = run_process(reportgen("build", str(inputs), "-j", str(args.jobs)))
        one, _ = run_process(reportgen("build", str(inputs / EXAMPLE.name)))
    print(f"{args.reports} reports on {args.jobs} workers: {seconds:.2f} s, "
          f"{seconds / args.reports * 1000:.0f} ms per report amortised (target ≤ 30 ms); "
          f"one report alone {one * 1000:.0f} ms")


if __name__ == "__main__":
    main()
