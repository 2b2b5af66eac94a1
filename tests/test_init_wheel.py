"""Done as a new user would: the wheel installed into a fresh virtual environment outside the
repository, `reportgen init du-an`, and its example built, checked and converted to PDF.

No network: the wheel is built with the project venv's setuptools (--no-build-isolation) and
installed with --no-deps; the venv reaches the dependencies already installed in the project's
venv through a .pth file. Built once for the module (a few seconds)."""

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*command, cwd, timeout=300):
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}  # only the venv's
    return subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env,
                          check=False)  # the caller asserts on the return code with the output


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    build = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", out, ROOT,
                 cwd=out)
    assert build.returncode == 0, build.stderr
    assert "Editable" not in build.stderr and "Package would be ignored" not in build.stderr, build.stderr
    (found,) = out.glob("reportgen-*.whl")
    return found


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory, wheel):
    place = tmp_path_factory.mktemp("nguoi-dung")
    env = place / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    python = env / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=place)
                .stdout.strip())
    (site / "zz_phu_thuoc.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    install = _run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", wheel, cwd=place)
    assert install.returncode == 0, install.stderr
    return place, python


def test_the_wheel_holds_every_template_file_and_the_starter(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = {f"reportgen/mau_co_san/{p.relative_to(ROOT / 'templates').as_posix()}"
                 for p in (ROOT / "templates").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert templates and templates <= names, sorted(templates - names)
    data = {p.relative_to(ROOT).as_posix() for p in (ROOT / "reportgen").rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts}
    assert any(name.startswith("reportgen/starter/") for name in data)
    assert data <= names, sorted(data - names)
    code = {p.relative_to(ROOT).as_posix() for p in (ROOT / "reportgen").rglob("*.py")
            if (p.parent / "__init__.py").is_file()}
    assert code <= names, sorted(code - names)


def test_init_build_check_and_pdf_from_the_installed_wheel(fresh_env):
    place, python = fresh_env
    where = _run(python, "-c", "import reportgen, sys; print(reportgen.__file__)", cwd=place).stdout
    assert str(ROOT) not in where and "venv" in where  # the installed copy, not the repository's
    reportgen = [python, "-m", "reportgen"]
    made = _run(*reportgen, "init", "du-an", cwd=place)
    assert made.returncode == 0, made.stdout + made.stderr
    project = place / "du-an"
    assert "inputs/bao-cao-thang-10-2025.yaml: hợp lệ." in made.stdout.replace("du-an/", "")
    assert [p.name for p in (project / "templates").iterdir()] == ["README.md"]
    example = "inputs/bao-cao-thang-10-2025.yaml"
    pdf_wanted = shutil.which("soffice") or shutil.which("libreoffice")
    built = _run(*reportgen, "build", "--strict", "--text", *(["--pdf"] if pdf_wanted else []), example, cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "lỗi" not in built.stderr and "cảnh báo" not in built.stderr, built.stderr
    assert (project / "outputs/bao-cao-thang-10-2025.docx").is_file()
    if pdf_wanted:
        assert (project / "outputs/bao-cao-thang-10-2025.pdf").read_bytes()[:5] == b"%PDF-"
    checked = _run(*reportgen, "check", "outputs/bao-cao-thang-10-2025.docx", cwd=project)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    listing = _run(*reportgen, "templates", cwd=project)
    assert "de-an-06-bao-cao  (có sẵn)" in listing.stdout
