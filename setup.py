"""Packaging: every folder of reportgen/ (code, and data such as the starter project of
`reportgen init`), plus the repository's templates/ shipped inside the package as
`reportgen.mau_co_san` (the built-in templates), so a bare `pip install` can build reports.

Packages and their data files are listed from the tree, so a new folder or data file is
shipped without editing this file (tests/test_init_wheel.py checks the wheel holds them all)."""

from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent
BUILTIN = "reportgen.mau_co_san"
FOLDERS = {"reportgen": HERE / "reportgen", BUILTIN: HERE / "templates"}


def _packages(name: str, root: Path) -> dict[str, Path]:
    """`root` and each subfolder whose name Python could import (others are data of their parent)."""
    found = {name: root}
    for folder in sorted(p for p in root.rglob("*") if p.is_dir() and "__pycache__" not in p.parts):
        parts = folder.relative_to(root).parts
        if all(part.isidentifier() for part in parts):
            found[".".join((name, *parts))] = folder
    return found


def _data(folder: Path, packages: dict[str, Path]) -> list[str]:
    """The files of `folder` that are not code, and those of subfolders that are not packages."""
    inner = {p for p in packages.values() if p != folder}
    files = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
            continue
        if any(parent in inner for parent in path.parents if parent != folder and folder in parent.parents):
            continue  # it belongs to a subpackage
        files.append(path.relative_to(folder).as_posix())
    return files


packages = {}
for name, root in FOLDERS.items():
    packages.update(_packages(name, root))
package_data = {name: data for name, folder in packages.items() if (data := _data(folder, packages))}

setup(packages=list(packages), package_dir={BUILTIN: "templates"}, package_data=package_data)
