"""The hostile corpus: copies of the example project with one thing wrong, and what a run must show.

A case copies the pristine project (the three examples, their includes, inputs/chung, the
templates, and previous outputs in outputs/), applies one fault, runs one command and
checks: the exit code; a Vietnamese message (and the file:line of the fault where the input
has one); no traceback and no English exception names; every file of the project
byte-identical afterwards (inputs, templates and the previous outputs) unless the case is
one that must succeed and write.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ("binh-dinh-2024-6thang", "binh-dinh-2024-mo-hinh", "binh-dinh-2022-nam")
SIX, MODELS, YEAR = (f"inputs/{name}.yaml" for name in EXAMPLES)
AGENCY = "inputs/chung/ubnd-binh-dinh.yaml"
SIX_FIGURES = "inputs/binh-dinh-2024-6thang/chi-tieu.yaml"
SIX_TABLE = "inputs/binh-dinh-2024-6thang/phu-luc.yaml"
TEMPLATE = "templates/de-an-06-bao-cao"
FORBIDDEN = ("Traceback", "lỗi nội bộ", "Error:", "Usage:", "Invalid value", "Exception", "ValueError",
             "TypeError", "KeyError", "AttributeError", "IndexError", "OSError", "RecursionError", "MemoryError",
             "PermissionError", "FileNotFoundError", "IsADirectoryError", "NotADirectoryError",
             "UnicodeDecodeError", "UndefinedError", "SecurityError", "TemplateNotFound", "YAMLError",
             "No such", "not found", "does not exist")


def make_pristine(dest: Path) -> Path:
    """The example project as a clerk has it: inputs/, templates/, outputs/ with last run's files."""
    (dest / "inputs").mkdir(parents=True)
    for name in EXAMPLES:
        shutil.copy(ROOT / "inputs" / f"{name}.yaml", dest / "inputs" / f"{name}.yaml")
        shutil.copytree(ROOT / "inputs" / name, dest / "inputs" / name)
    shutil.copytree(ROOT / "inputs" / "chung", dest / "inputs" / "chung")
    shutil.copytree(ROOT / "templates", dest / "templates")
    return dest


def snapshot(project: Path) -> dict:
    """Every file's SHA-256 (a symlink: where it points), by path relative to the project.

    Hashes, not the bytes: the test process stays small, so that the memory a child process
    inherits when it is forked does not count against the child's bound."""
    files = {}
    for folder, dirs, names in os.walk(project):
        for name in names + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            path = Path(folder, name)
            key = str(path.relative_to(project))
            if path.is_symlink():
                files[key] = ("->", os.readlink(path))
            else:
                files[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files


def changed(before: dict, after: dict) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


# --- editing a copy -----------------------------------------------------------------------------
def line_of(path: Path, prefix: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if line.startswith(prefix):
            return number
    raise AssertionError(f"{prefix!r} not in {path}")


def replace_line(project: Path, file: str, prefix: str, new: str) -> str:
    """Replace the first line starting with `prefix`; returns "file:line:" of the change."""
    path = project / file
    lines = path.read_text(encoding="utf-8").split("\n")
    number = line_of(path, prefix)
    lines[number - 1] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return f"{file}:{number}:"


def set_key(project: Path, file: str, key: str, value: str) -> str:
    """Give a top-level key a new value written inline (its old block removed)."""
    path = project / file
    lines = path.read_text(encoding="utf-8").split("\n")
    number = line_of(path, f"{key}:")
    end = number
    while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
        end += 1
    lines[number - 1:end] = [f"{key}: {value}"]
    path.write_text("\n".join(lines), encoding="utf-8")
    return f"{file}:{number}:"


def append(project: Path, file: str, text: str) -> str:
    path = project / file
    content = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    line = content.count("\n") + 1
    path.write_text(content + text, encoding="utf-8")
    return f"{file}:{line}:"


def replace_text(project: Path, file: str, old: str, new: str) -> str:
    path = project / file
    content = path.read_text(encoding="utf-8")
    assert old in content, (old, file)
    line = content[:content.index(old)].count("\n") + 1
    path.write_text(content.replace(old, new, 1), encoding="utf-8")
    return f"{file}:{line}:"


def set_text_expression(project: Path, expression: str, file: str = SIX) -> str:
    """Put a Jinja expression in the report's kinh_gui (a text rendered in every build)."""
    quoted = expression.replace("\\", "\\\\").replace('"', '\\"')
    return set_key(project, file, "kinh_gui", f'"{quoted}"')


def write_template(project: Path, name: str, text: str, template: str = TEMPLATE) -> str:
    path = project / template / name
    if path.is_symlink() or path.exists():
        path.unlink()
    path.write_text(text, encoding="utf-8")
    return f"{template}/{name}:"


# --- cases --------------------------------------------------------------------------------------
@dataclass
class Case:
    id: str
    setup: Callable[[Path], str | None]  # applies the fault; returns the expected "file:line:" or None
    args: list = field(default_factory=lambda: ["build", SIX])
    code: int = 1
    expect: str | None = None            # a regex the output must match (Vietnamese)
    writes: bool = False                 # a case that must succeed and may write outputs
    where_exact: bool = True             # False: the fault's file must be named, the line may differ
    creates_inputs: bool = False         # a command whose job is to create new input files (new, init)
    xfail: str | None = None             # a known defect outside this corpus's reach: why

    def __str__(self) -> str:
        return self.id


def assert_outcome(case: Case, code: int, output: str, where: str | None, before: dict, after: dict) -> None:
    assert code == case.code, f"exit {code}, expected {case.code}:\n{output}"
    for word in FORBIDDEN:
        assert word not in output, f"{word!r} in the output:\n{output}"
    if case.expect:
        assert re.search(case.expect, output), f"expected /{case.expect}/ in:\n{output}"
    if where and code != 0:
        if case.where_exact:
            assert where in output, f"expected {where} in:\n{output}"
        else:
            assert where.split(":")[0] + ":" in output, f"expected {where.split(':')[0]} in:\n{output}"
    if code != 0 or not case.writes:
        assert not changed(before, after), f"files changed: {changed(before, after)}\n{output}"
    else:
        touched = [k for k in changed(before, after) if k.startswith(("inputs/", "templates/"))]
        assert not [k for k in touched if k in before], f"inputs changed: {touched}"  # existing ones: never
        assert case.creates_inputs or not touched, f"files created in inputs/ or templates/: {touched}"
