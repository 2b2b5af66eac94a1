import copy
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_configure(config):
    """The suite's compiled Jinja code goes to a folder of its own (its processes share it),
    never into the cache folder of whoever runs the tests."""
    if "REPORTGEN_CACHE" not in os.environ:
        config.reportgen_cache = os.environ["REPORTGEN_CACHE"] = tempfile.mkdtemp(prefix="reportgen-test-cache-")


def pytest_unconfigure(config):
    made = getattr(config, "reportgen_cache", None)
    if made:
        shutil.rmtree(made, ignore_errors=True)

MINI = FIXTURES / "mini"
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"

# The front matter of a small provincial report (de-an-06-bao-cao), for tests that add the rest.
REPORT_HEAD = """\
mau: de-an-06-bao-cao
co_quan: {ten: ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH, ten_goi: Ủy ban nhân dân tỉnh Bình Định}
so: 5
ky_hieu: BC-UBND
dia_danh: Bình Định
ngay: 2025-01-07
chu_ky: {tham_quyen: [TM. ỦY BAN NHÂN DÂN], chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}
noi_nhan: [Như trên]
luu: VT
"""


def run_cli(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


def project_with_templates(tmp_path: Path, kinds: dict[str, str] | None = None) -> Path:
    """A copy of the repository's templates in tmp_path/templates, with extra table kinds
    ({name: YAML text}) written into _chung/bang/; returns the templates folder."""
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates, dirs_exist_ok=True)
    for name, text in (kinds or {}).items():
        (templates / "_chung/bang" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return templates


def build_report(tmp_path: Path, text: str, *options):
    """Write `text` to tmp_path/r.yaml and build it to tmp_path/r.docx; returns (result, out)."""
    report = tmp_path / "r.yaml"
    report.write_text(text, encoding="utf-8")
    out = tmp_path / "r.docx"
    return run_cli("build", *options, report, "-o", out), out


def value_paths(value, prefix=()):
    """Every place in a nested value, as the keys and indexes that lead to it (the root is ())."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from value_paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from value_paths(child, prefix + (index,))


def mutated(document, choice: int, action: str, new_value, new_key: str):
    """A copy of `document` with one place (the choice-th, cycling) replaced by new_value, or
    deleted, or given a new_key beside it (delete and add only inside a mapping)."""
    document = copy.deepcopy(document)
    places = [p for p in value_paths(document) if p]
    path = places[choice % len(places)]
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if action == "replace":
        parent[last] = new_value
    elif action == "delete" and isinstance(parent, dict):
        del parent[last]
    elif action == "add" and isinstance(parent, dict):
        parent[new_key] = new_value
    return document


class Built:
    def __init__(self, path: Path):
        self.path = path
        self.zip = zipfile.ZipFile(path)

    def xml(self, name: str) -> str:
        return self.zip.read(name).decode("utf-8")


@pytest.fixture
def mini_copy(tmp_path):
    """A copy of the small report inside a project layout (templates found from the repo)."""
    folder = tmp_path / "inputs"
    shutil.copytree(MINI, folder)
    (tmp_path / "templates").symlink_to(TEMPLATES)
    return folder / "report.yaml"


@pytest.fixture
def built_mini(tmp_path):
    out = tmp_path / "mini.docx"
    result = run_cli("build", MINI / "report.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    return Built(out)


SIGNING_REPORT = FIXTURES / "ky-so" / "report.yaml"


def signing_report_copies(tmp_path: Path, folders) -> list[Path]:
    """The small signing report copied into a project per folder name (same file name in each)."""
    copies = []
    for folder in folders:
        target = tmp_path / folder / "inputs"
        shutil.copytree(SIGNING_REPORT.parent, target)
        copies.append(target / SIGNING_REPORT.name)
    return copies


@pytest.fixture
def office_runs(monkeypatch):
    """The LibreOffice commands a test runs, in order (each still runs for real)."""
    from reportgen.writers import pdf as writer

    runs = []
    real = writer.run_office

    def counted(command, home, where):
        runs.append(command)
        return real(command, home, where)

    monkeypatch.setattr(writer, "run_office", counted)
    return runs
