"""Rolling up a whole country's communes: 3.321 unit files (the number of cấp xã units after
1 July 2025) generated into a temporary folder, rolled up, then the result exported.

    .venv/bin/python benchmarks/bench_rollup.py [--units 3321] [--runs 3]

Prints the time of each step (median of the runs) and the peak Python memory of a roll-up.
The export reads the province's figures (totals, no per-unit breakdown): a breakdown of
3.321 units is beyond what one report may hold (the loader's 40.000-value limit); a
province's own communes (about 100) are far below it.
The files are synthetic (fixed seed), shaped like the example's communes: four indicators,
one with parts, and a three-task table.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportgen.compute.export import export_data
from reportgen.compute.rollup import Layout, figures_data, roll_up, summary_lines
from reportgen.source.units import figure_files, load_unit_list, read_all, read_figures
from reportgen.writers.figures_yaml import write_figures_yaml
from reportgen.writers.json_export import write_json
from reportgen.writers.xlsx import write_export_xlsx

STATUSES = ("hoan_thanh", "dang_trien_khai", "thuong_xuyen", "chua_hoan_thanh")
TASKS = ("Rà soát, công bố lại danh mục thủ tục hành chính cấp xã",
         "Kiện toàn Tổ công nghệ số cộng đồng ở các thôn, tổ dân phố",
         "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực")


def unit_file(code: str, rng: random.Random) -> str:
    files = rng.randint(150, 4000)
    online = rng.randint(files // 2, files)
    whole = rng.randint(0, online)
    people = rng.randint(3000, 60000)
    rows = "".join(f"        - noi_dung: {task}\n          trang_thai: {rng.choice(STATUSES)}\n" for task in TASKS)
    return f"""don_vi: {{ma: "{code}", ten: Xã Số {code}, cap: xa}}
ky: quy-3-2025
chi_tieu:
  - {{id: so_hoa_ho_so, ten: Hồ sơ TTHC được số hóa, nhom: Thủ tục hành chính, don_vi: hồ sơ,
     tu_so: {rng.randint(files * 9 // 10, files)}, mau_so: {files}, tinh_den: 2025-09-14}}
  - id: ho_so_truc_tuyen
    ten: Hồ sơ TTHC tiếp nhận trực tuyến
    nhom: Thủ tục hành chính
    don_vi: hồ sơ
    tu_so: {online}
    mau_so: {files}
    thanh_phan:
      - {{id: toan_trinh, ten: toàn trình, gia_tri: {whole}}}
      - {{id: mot_phan, ten: một phần, gia_tri: {online - whole}}}
    thanh_phan_la_tong: true
  - {{id: tai_khoan_dinh_danh, ten: Tài khoản định danh điện tử mức độ 2, nhom: Định danh điện tử,
     don_vi: công dân, tu_so: {rng.randint(people * 6 // 10, people)}, mau_so: {people}}}
  - {{id: to_cong_nghe_so, ten: Tổ công nghệ số cộng đồng, nhom: Chuyển đổi số, don_vi: tổ,
     gia_tri: {rng.randint(2, 20)}}}
phu_luc:
  - id: nhiem-vu
    tieu_de: NHIỆM VỤ
    bang:
      loai: nhiem_vu
      dong:
{rows}"""


def generate(folder: Path, count: int) -> Path:
    rng = random.Random(2025)
    units = folder / "don-vi"
    units.mkdir()
    listed = ["tinh: {ma: \"00\", ten: Cả nước (thử)}", "don_vi:"]
    for n in range(1, count + 1):
        code = f"{n:05d}"
        (units / f"{code}.yaml").write_text(unit_file(code, rng), encoding="utf-8")
        listed.append(f'  - {{ma: "{code}", ten: Xã Số {code}, cap: xa}}')
    (folder / "danh-sach.yaml").write_text("\n".join(listed) + "\n", encoding="utf-8")
    return units


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(action):
    """Wall-clock seconds, the result, and CPU seconds (this process and its worker processes):
    on a busy machine the wall clock mostly measures the others."""
    start, cpu = time.perf_counter(), _cpu()
    result = action()
    return time.perf_counter() - start, result, _cpu() - cpu


def rollup_once(units: Path, unit_list: Path, out: Path, breakdown: tuple = ("so_hoa_ho_so",)):
    figures, diags = read_all(figure_files([units]))
    result, problems = roll_up(figures, load_unit_list(unit_list))
    assert not diags.errors and not problems.errors, (diags.errors + problems.errors)[:3]
    data = figures_data(result, Layout(list(breakdown)))
    out.write_bytes(write_figures_yaml(data, summary_lines(result, "Tệp do reportgen rollup tạo ra")))
    return result


def export_once(path: Path) -> int:
    figures = read_figures(path)
    data = export_data(figures.indicators, figures.unit, figures.period, None, None)
    return len(write_export_xlsx(data)) + len(write_json(data))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=3321)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        generating, units, _ = timed(lambda: generate(folder, args.units))
        out = folder / "tong-hop.yaml"
        totals = folder / "tong-hop-chi-tong.yaml"
        rollups, exports, rollup_cpu, export_cpu = [], [], [], []
        for _ in range(args.runs):
            seconds, result, cpu = timed(lambda: rollup_once(units, folder / "danh-sach.yaml", out))
            rollups.append(seconds)
            rollup_cpu.append(cpu)
            rollup_once(units, folder / "danh-sach.yaml", totals, ())
            seconds, size, cpu = timed(lambda: export_once(totals))
            exports.append(seconds)
            export_cpu.append(cpu)
        tracemalloc.start()
        rollup_once(units, folder / "danh-sach.yaml", out)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reportgen", "rollup", str(units), "--danh-sach",
                        str(folder / "danh-sach.yaml"), "--chi-tiet", "so_hoa_ho_so", "-o", str(folder / "cli.yaml")],
                       check=True, capture_output=True, cwd=ROOT)
        cli = time.perf_counter() - start
        total = next(t for t in result.totals if t.id == "so_hoa_ho_so")
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        print(f"{args.units} unit files generated in {generating:.1f} s "
              f"({sum(p.stat().st_size for p in units.iterdir()) / 1e6:.1f} MB)")
        print(f"roll-up (read + validate + sum + write {out.stat().st_size / 1e6:.1f} MB of YAML with a per-unit "
              f"breakdown of one indicator), {args.runs} runs: median {statistics.median(rollups):.2f} s "
              f"(CPU {statistics.median(rollup_cpu):.2f} s over all processes)")
        print(f"export of the province's figures (XLSX + JSON, {size / 1e3:.0f} kB), {args.runs} runs: "
              f"median {statistics.median(exports):.2f} s (CPU {statistics.median(export_cpu):.2f} s)")
        print(f"reportgen rollup from the shell (with interpreter start): {cli:.2f} s")
        print(f"peak Python memory of one roll-up: {peak / 1e6:.0f} MB")
        print(f"check: so_hoa_ho_so = {int(total.numerator)}/{int(total.denominator)} over "
              f"{len(total.by_unit)} units; tasks tallied: {len(result.tasks)}")


if __name__ == "__main__":
    main()
