"""How long building the example report takes: median of several runs, in-process and from the CLI.

    .venv/bin/python benchmarks/bench_build.py [--runs 7] [REPORT.yaml]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportgen.pipeline import prepare
from reportgen.writers.docx import write_docx


def build_once(report: Path) -> tuple[float, int]:
    start = time.perf_counter()
    prepared = prepare(report)
    data = write_docx(prepared.document, prepared.template.styles_path)
    return time.perf_counter() - start, len(data)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("report", nargs="?", default=str(ROOT / "inputs/binh-dinh-2024-6thang.yaml"))
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    report = Path(args.report)
    build_once(report)  # warm-up: imports, template and table kinds from disk
    times = []
    for _ in range(args.runs):
        elapsed, size = build_once(report)
        times.append(elapsed)
    tracemalloc.start()
    build_once(report)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    with tempfile.TemporaryDirectory() as out:
        cli_times = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "reportgen", "build", str(report), "-o", f"{out}/x.docx"],
                           check=True, capture_output=True, cwd=ROOT)
            cli_times.append(time.perf_counter() - start)
    print(f"report: {report.relative_to(ROOT) if report.is_relative_to(ROOT) else report}")
    print(f"in-process build (load → docx bytes), {args.runs} runs: median {statistics.median(times) * 1000:.0f} ms, "
          f"min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    print(f"peak Python memory of one build: {peak / 1e6:.1f} MB; output {size / 1024:.0f} KiB")
    print(f"reportgen build from the shell (with interpreter start), 3 runs: median "
          f"{statistics.median(cli_times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
