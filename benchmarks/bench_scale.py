"""How the build grows with the document: an appendix of 100, 1,000 and 10,000 task rows, and
5,000 body paragraphs; whole process (`reportgen build`), time and peak memory, per row.

    .venv/bin/python benchmarks/bench_scale.py [--rows 100 1000 10000] [--paragraphs 5000]

The reports are generated from the 40-task example: its appendix's rows repeated (their
texts, without template expressions) and its body's paragraphs repeated. The in-process split
runs in a process of its own: this one stays small, so the builds it starts (vfork) report
their own peak memory, not this process's.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BYTECODE_ENV, PYTHON, project, reportgen, run_process

REPORT = "binh-dinh-2024-6thang"
OTHER_REPORT = "tinh-vi-du-2025-quy-3"  # built first by the in-process split, for the imports
# Short rows, three values each: the loader refuses a file over 2 MB, a report over 3 MB, more
# than 120,000 values or a list of more than 10,000 items (source/limits.py); a size it refuses
# is measured on the writer alone.
ROW_TEXT = {
    "noi_dung": "Kiểm tra, giám sát việc thực hiện nhiệm vụ Đề án 06",
    "don_vi": "Công an tỉnh",
    "trang_thai": "dang_trien_khai",
}
GROUP_ROWS = 10_000
PARAGRAPH = ("Công an tỉnh đã chủ trì, phối hợp với các sở, ngành, địa phương triển khai thực hiện "
             "các nhiệm vụ được giao tại Đề án 06, bảo đảm tiến độ và chất lượng theo kế hoạch.")


def with_rows(inputs: Path, rows: int) -> Path:
    """The example with its appendix holding `rows` task rows in one group."""
    appendix_file = inputs / REPORT / "phu-luc.yaml"
    data = yaml.safe_load(appendix_file.read_text(encoding="utf-8"))
    first = data["phu_luc"][0]["bang"]["nhom"][0]
    rows_all = [dict(ROW_TEXT, noi_dung=f"{ROW_TEXT['noi_dung']} ({i})") for i in range(1, rows + 1)]
    # Groups of at most 10,000 rows: the loader's limit on one list.
    data["phu_luc"][0]["bang"]["nhom"] = [
        dict(first, id=f"nhom-{n}", dong=rows_all[start:start + GROUP_ROWS])
        for n, start in enumerate(range(0, rows, GROUP_ROWS), start=1)]
    # One row per line in flow style: a loader limit allows 2 MB per file.
    appendix_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000,
                                            default_flow_style=None), encoding="utf-8")
    return inputs / f"{REPORT}.yaml"


def with_paragraphs(inputs: Path, count: int) -> Path:
    """The example with `count` plain paragraphs in its first section."""
    report = inputs / f"{REPORT}.yaml"
    data = yaml.safe_load(report.read_text(encoding="utf-8"))
    data["noi_dung"].insert(0, {"muc": "Nội dung dài", "noi_dung": [f"{PARAGRAPH} ({i})" for i in range(count)]})
    report.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return report


def stages(report: Path) -> str:
    """The stages up to the tree (prepare) and the .docx writer, separately, in a new process."""
    command = [PYTHON, __file__, "--stages-of", str(report)]
    return subprocess.run(command, capture_output=True, text=True, check=True, env=BYTECODE_ENV).stdout.strip()


def _stages_here(report: Path) -> str:
    """In this process: the stages up to the tree (prepare) and the .docx writer, separately;
    the modules are imported by building another example first."""
    import time
    import tracemalloc

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from reportgen.commands.build import _no_cycle_collection
    from reportgen.pipeline import prepare
    from reportgen.writers.docx import write_docx

    warm = prepare(report.parent / f"{OTHER_REPORT}.yaml")
    write_docx(warm.document, warm.template.styles_path)
    with _no_cycle_collection():  # as `reportgen build` runs them
        start = time.perf_counter()
        prepared = prepare(report)
        middle = time.perf_counter()
        write_docx(prepared.document, prepared.template.styles_path)
        end = time.perf_counter()
    tracemalloc.start()  # a second run for memory: tracing slows the writer down several times
    write_docx(prepared.document, prepared.template.styles_path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return (f"prepare {middle - start:5.2f} s, write_docx {end - middle:5.2f} s "
            f"(writer's own peak Python memory {peak / 2**20:.1f} MiB)")


def writer_only(report: Path, rows: int) -> str:
    """The .docx writer alone on a tree whose appendix table has `rows` rows (the rows of
    `report`'s table repeated): what the writer costs where the loader's limits refuse the input."""
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from reportgen.document import Table
    from reportgen.pipeline import prepare
    from reportgen.writers.docx import write_docx

    prepared = prepare(report)
    table = next(b for s in prepared.document.sections for b in s.blocks if isinstance(b, Table) and b.borders)
    table.rows = (table.rows * (rows // len(table.rows) + 1))[:rows]
    start = time.perf_counter()
    write_docx(prepared.document, prepared.template.styles_path)
    seconds = time.perf_counter() - start
    return f"write_docx alone, {rows} rows: {seconds:.2f} s, {seconds / rows * 1000:.3f} ms per row"


def measure(report: Path, runs: int) -> tuple[float, float]:
    out = report.parent.parent / "outputs" / "x.docx"
    samples = [run_process(reportgen("build", str(report), "-o", str(out))) for _ in range(runs)]
    seconds = sorted(s[0] for s in samples)[len(samples) // 2]
    return seconds, max(s[1] for s in samples) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="*", default=[100, 1000, 10000])
    parser.add_argument("--paragraphs", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stages-of", type=Path, help=argparse.SUPPRESS)  # the child process of stages()
    args = parser.parse_args()
    if args.stages_of:
        print(_stages_here(args.stages_of))
        return
    print("rows     time      peak RSS   per row   | in-process stages")
    for rows in args.rows:
        with tempfile.TemporaryDirectory() as tmp:
            report = with_rows(project(Path(tmp)), rows)
            try:
                seconds, mib = measure(report, args.runs)
            except SystemExit as refused:  # the loader's input limits
                reason = str(refused).splitlines()[-2] if str(refused).count("\n") > 1 else str(refused)
                print(f"{rows:>6}  refused by the loader: {reason.split(': ', 2)[-1]}")
                print(f"        {writer_only(with_rows(project(Path(tmp) / 'small'), 1000), rows)}")
                continue
            split = stages(report)
        print(f"{rows:>6}  {seconds:6.2f} s  {mib:6.0f} MiB  {seconds / rows * 1000:6.3f} ms | {split}")
    print("(targets at 10,000 rows: ≤ 2 s, ≤ 150 MiB, cost linear)")
    with tempfile.TemporaryDirectory() as tmp:
        seconds, mib = measure(with_paragraphs(project(Path(tmp)), args.paragraphs), args.runs)
    print(f"{args.paragraphs} body paragraphs: {seconds:.2f} s, {mib:.0f} MiB (target ≤ 1 s)")


if __name__ == "__main__":
    main()
