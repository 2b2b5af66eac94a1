import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"


def run_cli(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result


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
    (tmp_path / "templates").symlink_to(Path(__file__).resolve().parents[1] / "templates")
    return folder / "report.yaml"


@pytest.fixture
def built_mini(tmp_path):
    out = tmp_path / "mini.docx"
    result = run_cli("build", MINI / "report.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    return Built(out)
