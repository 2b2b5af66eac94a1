"""Packaging: reportgen's code, plus the repository's templates/ shipped inside the package as
`reportgen.mau_co_san` (the built-in templates), so a bare `pip install` can build reports."""

from pathlib import Path

from setuptools import find_packages, setup

TEMPLATES = Path(__file__).parent / "templates"
BUILTIN = "reportgen.mau_co_san"


def builtin_packages() -> list[str]:
    """The templates folder and each subfolder whose name Python could import (else setuptools warns)."""
    names = [BUILTIN]
    for folder in sorted(p for p in TEMPLATES.rglob("*") if p.is_dir()):
        parts = folder.relative_to(TEMPLATES).parts
        if all(part.isidentifier() for part in parts):
            names.append(".".join((BUILTIN, *parts)))
    return names


setup(packages=find_packages(include=["reportgen*"]) + ["reportgen.starter"] + builtin_packages(),
      package_dir={BUILTIN: "templates"})
