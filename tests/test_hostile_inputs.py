"""The hostile corpus, run in-process: every bad input and hostile template ends in a clear
Vietnamese message with its file:line, the right exit code, no traceback, and nothing written
over (inputs, templates and the previous outputs byte-identical)."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from hostile.cases import all_cases, machine_cases
from hostile.corpus import SIX, assert_outcome, changed, make_pristine, snapshot
from reportgen.cli import main

CASES = all_cases()


@pytest.fixture(scope="session")
def pristine(tmp_path_factory):
    """The example project with last run's outputs (.docx and .txt of each report) in outputs/."""
    project = make_pristine(tmp_path_factory.mktemp("pristine") / "du-an")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        result = CliRunner().invoke(main, ["build", "-j", "1", "--text", "inputs"])
    assert result.exit_code == 0, result.output
    return project


@pytest.fixture
def project(pristine, tmp_path, monkeypatch):
    copy = tmp_path / "du-an"
    shutil.copytree(pristine, copy, symlinks=True)
    monkeypatch.chdir(copy)
    return copy


def run(args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def test_the_corpus_is_large_enough():
    assert len(CASES) + len(machine_cases()) >= 150
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(reason=c.xfail, strict=True))
                                  if c.xfail else c for c in CASES], ids=str)
def test_hostile_case(case, project):
    where = case.setup(project)
    before = snapshot(project)
    code, output = run(case.args)
    assert_outcome(case, code, output, where, before, snapshot(project))


@pytest.mark.parametrize("name, code, message, args", machine_cases(), ids=[c[0] for c in machine_cases()])
def test_the_machine_fails(name, code, message, args, project, monkeypatch):
    """Disk full, read-only, no permission: said in Vietnamese, exit 1, the old outputs kept, no .tmp left."""
    import reportgen.output as output

    def failing(path, data, durable):
        raise OSError(code, "simulated", str(path))

    monkeypatch.setattr(output, "_replace", failing)
    before = snapshot(project)
    exit_code, text = run(args)
    assert exit_code == 1, text
    assert message in text and "lỗi nội bộ" not in text and "Traceback" not in text, text
    assert "simulated" not in text
    assert not changed(before, snapshot(project))


def test_an_interrupted_write_leaves_nothing_a_later_run_trips_on(project):
    """A .tmp left by a run killed while writing (its process gone) is removed by the next write."""
    litter = project / "outputs" / ".binh-dinh-2024-6thang.docx.999999999.abc.tmp"
    litter.write_bytes(b"half a docx")
    code, output = run(["build", SIX])
    assert code == 0, output
    assert not litter.exists()
    assert not list((project / "outputs").glob(".*.tmp"))


def test_a_rebuild_replaces_only_its_own_outputs(project):
    """The .txt reportgen wrote is replaced; once a clerk edits it, it is kept and the build says why."""
    code, output = run(["build", SIX, "--text"])
    assert code == 0, output
    text = project / "outputs/binh-dinh-2024-6thang.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\nghi chú của tôi", encoding="utf-8")
    code, output = run(["build", SIX, "--text"])
    assert code == 1 and "do reportgen tạo ra (hoặc đã được sửa sau đó)" in output, output
    assert text.read_text(encoding="utf-8").endswith("ghi chú của tôi")
