"""The package's folder listing is the pipeline: no module grows past 600 lines and no stage
imports a later one (read → validate → model → compute → compose → write)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reportgen"
MAX_LINES = 600

# A stage may import the stages before it and the shared modules, never one after it.
LATER = {
    "source": {"compute", "compose", "writers", "commands", "check", "pipeline", "assemble"},
    "compute": {"compose", "writers", "commands", "check", "pipeline", "assemble"},
    "compose": {"writers", "commands", "check", "pipeline", "assemble"},
    "writers": {"source", "compute", "compose", "commands", "check", "pipeline", "assemble"},
    "check": {"source", "compute", "compose", "writers", "commands", "pipeline", "assemble"},
}


def modules():
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def imported_stages(path: Path) -> set[str]:
    stages = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "reportgen" and len(parts) > 1:
                stages.add(parts[1])
    return stages


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_is_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines"


@pytest.mark.parametrize("stage", sorted(LATER))
def test_no_stage_imports_a_later_one(stage):
    offending = {}
    for path in (PACKAGE / stage).rglob("*.py"):
        wrong = imported_stages(path) & LATER[stage]
        if wrong:
            offending[str(path.relative_to(PACKAGE))] = sorted(wrong)
    assert offending == {}


def test_every_stage_package_says_what_it_takes_and_gives():
    for stage in ("source", "compute", "compose", "writers", "commands", "check"):
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, stage
