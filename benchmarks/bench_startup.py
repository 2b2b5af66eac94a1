"""Start-up: how long a process spends importing before it works, over a bare interpreter.

    .venv/bin/python benchmarks/bench_startup.py [--runs 15]

Measured on reportgen as a user has it: installed from this folder (pip, not editable) into a
virtual environment of its own that finds the libraries in .venv. The development install
would not do: its editable finder imports pathlib and importlib.util while `site` starts, so
a bare interpreter pays them there and a build seems ~10 ms quicker than it is.

Three figures, each the median of alternating runs, all measured from our first line of
code (after the interpreter and `site` have started, which a bare `python -c pass` pays too):
- `reportgen --help`: the command group alone, whole run;
- a build until its first byte of work: the moment the loader first reads the report
  (an audit hook on `open`), i.e. the imports the command and the reading stage need;
- all the imports of a build: every module a build of the example loads, imported alone.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BYTECODE_ENV, EXAMPLE, PYTHON, installed_python, project

FIRST_READ = """
import sys, time
start = time.perf_counter()
report = sys.argv[1]
seen = []
def first_read(event, args):
    if event == "open" and not seen and str(args[0]) == report:
        seen.append(time.perf_counter() - start)
sys.addaudithook(first_read)
sys.argv = ["reportgen", "build", report, "-o", sys.argv[2]]
try:
    from reportgen.program import run
    run()
except SystemExit:
    pass
sys.stderr.write("FIRST_READ %.6f\\n" % seen[0])
"""

HELP = """
import sys, time
start = time.perf_counter()
sys.argv = ["reportgen", "--help"]
try:
    from reportgen.program import run
    run()
except SystemExit:
    pass
sys.stderr.write("ELAPSED %.6f\\n" % (time.perf_counter() - start))
"""

MODULES_OF_A_BUILD = """
import json, sys
sys.argv = ["reportgen", "build", sys.argv[1], "-o", sys.argv[2]]
before = set(sys.modules)
try:
    from reportgen.program import run
    run()
except SystemExit:
    pass
print(json.dumps(sorted(set(sys.modules) - before)))
"""

IMPORT_ALL = """
import gc, importlib, json, sys, time
gc.disable()
names = json.loads(sys.argv[1])
start = time.perf_counter()
for name in names:
    try:
        importlib.import_module(name)
    except ImportError:
        pass
sys.stderr.write("ELAPSED %.6f\\n" % (time.perf_counter() - start))
"""


def seconds(python: str, folder: Path, code: str, *args: str, tag: str) -> float:
    done = subprocess.run([python, "-c", code, *args], cwd=folder, env=BYTECODE_ENV, capture_output=True, text=True,
                          check=True)
    line = next(x for x in done.stderr.splitlines() if x.startswith(tag + " "))
    return float(line.split()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        python = installed_python(Path(tmp) / "venv")
        folder = Path(tmp) / "project"
        report = str(project(folder) / EXAMPLE.name)
        out = str(folder / "outputs" / "startup.docx")
        modules = subprocess.run([python, "-c", MODULES_OF_A_BUILD, report, out], cwd=folder, env=BYTECODE_ENV,
                                 capture_output=True, text=True, check=True).stdout.splitlines()[-1]
        names = [n for n in json.loads(modules) if not n.startswith("__main__")]
        help_runs, first_read_runs, all_runs = [], [], []
        for _ in range(args.runs):
            help_runs.append(seconds(python, folder, HELP, tag="ELAPSED"))
            first_read_runs.append(seconds(python, folder, FIRST_READ, report, out, tag="FIRST_READ"))
            all_runs.append(seconds(python, folder, IMPORT_ALL, json.dumps(names), tag="ELAPSED"))
    print(f"reportgen --help, whole:                      {statistics.median(help_runs) * 1000:5.0f} ms")
    print(f"a build, until it first reads the report:     {statistics.median(first_read_runs) * 1000:5.0f} ms "
          "(target ≤ 60 ms)")
    print(f"a build's imports, all ({len(names)} modules):          {statistics.median(all_runs) * 1000:5.0f} ms")


if __name__ == "__main__":
    main()
