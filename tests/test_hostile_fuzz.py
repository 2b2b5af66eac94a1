"""Fuzzing: an example with random damage (lines deleted, duplicated, re-indented, cut short,
random characters and Jinja put in) always ends in exit 0 or 1 with Vietnamese diagnostics,
never an exception, an internal error or a changed input."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile.corpus import FORBIDDEN, MODELS, changed, make_pristine, snapshot
from reportgen.cli import main

FILES = (MODELS, "inputs/binh-dinh-2024-mo-hinh/chi-tieu.yaml", "inputs/binh-dinh-2024-mo-hinh/phu-luc-2.yaml",
         "inputs/chung/ubnd-binh-dinh.yaml")
SNIPPETS = ("{{ ct.x }}", "{{ 'a' * 10**9 }}", "{% for i in range(10**5) %}", "{{ bao_cao.clear() }}", "&a [*a]",
            "*a", ": :", "- - -", "[[[[", "{{", "%}", ".nan", "1e300", "\x00", "\x07", "\t", "? ", "!!python/object:os.system",
            "'", '"', "|", ">-", "#", "^[", "**", "\\", "2024-02-30", "31/02/2024", "1.423.297", "95,09%", "ｍａｕ")
TEXT = st.text(alphabet=st.sampled_from(list(":-[]{}&*!|>'\"%@#\t\n ,.0123456789abcxyzđăươ") + ["ệ", "Ộ"]),
               max_size=40)


@st.composite
def damage(draw):
    file = draw(st.sampled_from(FILES))
    kind = draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "insert", "replace-value", "truncate",
                                 "snippet"]))
    return file, kind, draw(st.integers(min_value=0, max_value=10_000)), draw(TEXT), draw(st.sampled_from(SNIPPETS))


def apply(project: Path, file: str, kind: str, position: int, text: str, snippet: str) -> None:
    path = project / file
    lines = path.read_text(encoding="utf-8").split("\n")
    index = position % len(lines)
    line = lines[index]
    if kind == "delete":
        del lines[index]
    elif kind == "duplicate":
        lines.insert(index, line)
    elif kind == "indent":
        lines[index] = "  " + line
    elif kind == "dedent":
        lines[index] = line.lstrip()
    elif kind == "insert":
        lines.insert(index, text)
    elif kind == "replace-value":
        key = line.split(":", 1)[0] if ":" in line else line
        lines[index] = f"{key}: {text}"
    elif kind == "truncate":
        content = "\n".join(lines)
        path.write_text(content[:position % (len(content) + 1)], encoding="utf-8")
        return
    else:
        lines[index] = line + " " + snippet
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    return make_pristine(tmp_path_factory.mktemp("fuzz") / "du-an")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damage())
def test_damaged_example_ends_in_a_message(pristine, damaged):
    work = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        project = work / "du-an"
        shutil.copytree(pristine, project, symlinks=True)
        apply(project, *damaged)
        before = snapshot(project)
        cwd = os.getcwd()
        os.chdir(project)
        try:
            result = CliRunner().invoke(main, ["build", MODELS, "-o", "outputs/fuzz.docx"])
        finally:
            os.chdir(cwd)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert result.exit_code in (0, 1), result.output
        for word in FORBIDDEN:
            assert word not in result.output, result.output
        if result.exit_code == 1:
            assert "lỗi" in result.output
        assert not [k for k in changed(before, snapshot(project)) if not k.startswith("outputs/")]
    finally:
        shutil.rmtree(work, ignore_errors=True)
