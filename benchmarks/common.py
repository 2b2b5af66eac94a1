"""Helpers the benchmarks share: a project folder in a temporary place, timing whole processes."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
EXAMPLE = ROOT / "inputs" / "binh-dinh-2024-6thang.yaml"


def project(folder: Path) -> Path:
    """A project layout in `folder` (inputs/ copied, templates/ linked); returns its inputs/ folder."""
    inputs = folder / "inputs"
    shutil.copytree(ROOT / "inputs", inputs)
    (folder / "templates").symlink_to(ROOT / "templates")
    (folder / "schema").symlink_to(ROOT / "schema")
    (folder / "outputs").mkdir()
    return inputs


# The processes run with their modules' bytecode cached, as for an installed package (pip compiles
# it; docxtpl's is in site-packages): without it every run compiles reportgen's sources again.
# The cache is kept outside the repository.
BYTECODE_ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
                "PYTHONPYCACHEPREFIX": str(Path(tempfile.gettempdir()) / "reportgen-bench-pycache")}


def run_process(command: list[str], cwd: Path = ROOT) -> tuple[float, int]:
    """Wall time (s) and peak resident memory (KiB) of one whole process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=BYTECODE_ENV)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{child.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss


def installed_python(folder: Path) -> str:
    """A virtual environment in `folder` with reportgen installed from ROOT (pip, not editable),
    the libraries taken from .venv: reportgen as a user has it. The development install's
    editable finder imports pathlib and importlib.util while `site` starts, so a bare
    interpreter of .venv pays ~10 ms that an installed reportgen pays itself. Run it from a
    folder other than ROOT, or `-m reportgen` imports the sources there."""
    subprocess.run([PYTHON, "-m", "venv", "--without-pip", str(folder)], check=True)
    python = folder / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    target = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                            check=True, capture_output=True, text=True).stdout.strip()
    subprocess.run([PYTHON, "-m", "pip", "install", "-q", "--no-deps", "--target", target, str(ROOT)], check=True)
    # the libraries' folder as a plain path: its .pth files (the editable finder) are not run
    (Path(target) / "libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return str(python)


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def reportgen(*args: str) -> list[str]:
    return [PYTHON, "-m", "reportgen", *args]
