"""Start-up: `reportgen --help` loads none of the heavy libraries, and a build loads only the
ones its stages use (a report that conforms to the schema never loads cerberus)."""

from __future__ import annotations

import gc
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ["babel", "cerberus", "jinja2", "lxml", "yaml", "openpyxl", "pyhanko", "pdfplumber", "docx", "ruamel",
         "importlib.metadata"]

PROBE = """
import json, runpy, sys
heavy = json.loads(sys.argv[2])
sys.argv = ["reportgen", *json.loads(sys.argv[1])]
try:
    runpy.run_module("reportgen", run_name="__main__")
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + json.dumps(sorted(m for m in heavy if m in sys.modules)) + "\\n")
"""


def loaded_modules(args: list[str], cwd: Path, watched: list[str] = HEAVY) -> list[str]:
    result = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args), json.dumps(watched)], check=False,
                            cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120)
    line = next(x for x in result.stderr.splitlines() if x.startswith("MODULES "))
    return json.loads(line.removeprefix("MODULES "))


def test_help_loads_no_heavy_library(tmp_path):
    assert loaded_modules(["--help"], tmp_path) == []


def test_a_build_loads_only_what_its_stages_use(tmp_path):
    out = tmp_path / "bao-cao.docx"
    modules = loaded_modules(["build", str(ROOT / "inputs" / "binh-dinh-2024-6thang.yaml"), "-o", str(out)], ROOT)
    assert out.exists()
    assert modules == ["jinja2", "lxml", "yaml"]


def test_a_command_loads_no_other_command(tmp_path):
    others = [f"reportgen.commands.{name}" for name in ("sign", "form", "export", "rollup", "init", "check", "new")]
    assert loaded_modules(["validate", str(ROOT / "inputs" / "binh-dinh-2024-6thang.yaml")], ROOT, others) == []


COLLECTOR_PROBE = """
import gc, json, runpy, sys
sys.argv = ["reportgen", *json.loads(sys.argv[1])]
seen = {}
import reportgen.program as program
done = program.imports_done
def watched():
    seen["off_during_imports"] = not gc.isenabled()
    done()
    seen["on_for_the_work"] = gc.isenabled()
    seen["frozen"] = gc.get_freeze_count()
program.imports_done = watched
import reportgen.cli
reportgen.cli.imports_done = watched
try:
    runpy.run_module("reportgen", run_name="__main__")
except SystemExit as exc:
    seen["exit"] = exc.code
sys.stderr.write("\\nSEEN " + json.dumps(seen) + "\\n")
"""


def test_the_collector_is_off_for_the_imports_and_on_for_the_work(tmp_path):
    """Long commands (a batch, a roll-up of thousands of files) still collect cycles; only the
    start-up's imports run without the collector, and what they made is frozen."""
    result = subprocess.run([sys.executable, "-c", COLLECTOR_PROBE,
                             json.dumps(["validate", str(ROOT / "inputs" / "binh-dinh-2024-6thang.yaml")])],
                            check=False, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    seen = json.loads(next(x for x in result.stderr.splitlines() if x.startswith("SEEN ")).removeprefix("SEEN "))
    assert seen["exit"] == 0
    assert seen["off_during_imports"] and seen["on_for_the_work"]
    assert seen["frozen"] > 10_000


def test_a_report_with_errors_is_answered_before_the_later_stages_load(tmp_path):
    """Reading and validating come first; Jinja and lxml are loaded only for a valid report."""
    report = tmp_path / "inputs" / "bao-cao.yaml"
    report.parent.mkdir()
    report.write_text("mau: de-an-06-bao-cao\nso: năm\n", encoding="utf-8")
    modules = loaded_modules(["build", str(report)], tmp_path)
    assert "yaml" in modules and "cerberus" in modules  # the schema's messages
    assert "jinja2" not in modules and "lxml" not in modules


LAST_REPORT_PROBE = """
import gc, json, runpy, sys
sys.argv = ["reportgen", "build", *sys.argv[1:]]
import reportgen.commands.build as build
after = []
real = build.build_one
def watched(*args, **kwargs):
    result = real(*args, **kwargs)
    after.append(gc.isenabled())
    return result
build.build_one = watched
try:
    runpy.run_module("reportgen", run_name="__main__")
except SystemExit as exc:
    after.append(exc.code)
sys.stderr.write("\\nAFTER " + json.dumps(after) + "\\n")
"""


def test_the_collector_resumes_between_reports_not_after_the_last(mini_copy):
    """A process's last report leaves the collector off (its first pass would walk everything
    still alive just before the process ends); every report before it turns it back on."""
    reports = [str(mini_copy), str(mini_copy.with_name("hai.yaml"))]
    shutil.copy(reports[0], reports[1])
    result = subprocess.run([sys.executable, "-c", LAST_REPORT_PROBE, *reports, "-j", "1"], check=False,
                            cwd=mini_copy.parent, capture_output=True, text=True, encoding="utf-8", timeout=120)
    after = json.loads(next(x for x in result.stderr.splitlines() if x.startswith("AFTER ")).removeprefix("AFTER "))
    assert after == [True, False, 0]


def test_a_build_called_from_other_code_leaves_the_collector_on(mini_copy, tmp_path):
    from reportgen.commands.build import BuildOptions, build_many

    assert gc.isenabled()
    [result] = build_many([mini_copy], BuildOptions(output=str(tmp_path / "ra.docx")))
    assert result.ok and gc.isenabled()


def test_click_s_progress_bar_and_editor_are_not_loaded_until_used():
    """A build of one report shows no progress bar: Click's _termui_impl (with shlex, termios
    and tty) is not loaded, and the messages of those Click loads are Vietnamese already."""
    leftovers = ["click._termui_impl", "shlex", "termios"]
    assert loaded_modules(["validate", str(ROOT / "inputs" / "binh-dinh-2024-6thang.yaml")], ROOT, leftovers) == []


def test_a_built_report_is_freed_without_the_cycle_collector(tmp_path):
    """Once a report is built, its located YAML, model, tables, tree and package are freed by
    reference counting: no cycle holds them until the collector runs (a batch's collector
    walked them after every report)."""
    from reportgen.commands.build import BuildOptions, _build_one

    report = ROOT / "inputs" / "binh-dinh-2024-6thang.yaml"
    options = BuildOptions(output=str(tmp_path / "ra.docx"))
    assert _build_one(report, options, False).ok  # modules and caches of a first build
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        assert _build_one(report, options, False).ok
        gc.collect()
        kept = ("reportgen.source", "reportgen.document", "reportgen.compute", "reportgen.writers")
        held = sorted({type(o).__qualname__ for o in gc.garbage if type(o).__module__.startswith(kept)})
        held += [f.__qualname__ for f in gc.garbage if type(f).__name__ == "function"
                 and (f.__module__ or "").startswith(kept)]  # a closure calling itself
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert held == []
