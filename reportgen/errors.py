"""Diagnostics: every problem a user can cause, with where it is and what was expected."""

from __future__ import annotations

import functools
import os
from dataclasses import field
from pathlib import Path
from typing import NamedTuple

from reportgen.records import record


class Location(NamedTuple):
    """Where a value is: file, line, column (0 when not known). Immutable and ordered by its
    fields; a tuple because the loader makes one per value (100,000 for a 10,000-row table)
    and a tuple is made in half the time of a frozen dataclass."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


def display_path(path: str | Path) -> str:
    """A path as the user would type it: relative to the working folder when possible."""
    return _shown(os.getcwd(), os.fspath(path))


# A build shows some forty paths, and resolving one looks at each folder on its way (a batch
# in a deep folder made ~500 lstat calls a report): each path is resolved once per working
# folder. Only what is shown is kept; the checks on where a file may be read or written
# resolve their paths themselves, every time.
@functools.lru_cache(maxsize=4096)
def _shown(folder: str, path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(_resolved_folder(folder)))
    except ValueError:
        return str(Path(path))


@functools.lru_cache(maxsize=4)
def _resolved_folder(folder: str) -> Path:
    return Path(folder).resolve()


def format_field_path(path: tuple) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@record(frozen=True)
class Diagnostic:
    location: Location
    message: str
    field: tuple = ()
    severity: str = "error"  # "error" or "warning"
    related: Location | None = None

    def render(self) -> str:
        kind = "lỗi" if self.severity == "error" else "cảnh báo"
        where = f" [{format_field_path(self.field)}]" if self.field else ""
        text = f"{self.location}: {kind}{where}: {self.message}"
        if self.related:
            text += f" (xem {self.related})"
        return text


@record
class Diagnostics:
    """Collects every problem of a run, so the user sees them all at once."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, location: Location, message: str, field: tuple = (), related: Location | None = None):
        self.items.append(Diagnostic(location, message, tuple(field), "error", related))

    def warning(self, location: Location, message: str, field: tuple = (), related: Location | None = None):
        self.items.append(Diagnostic(location, message, tuple(field), "warning", related))

    def extend(self, other: "Diagnostics") -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def sorted(self) -> list[Diagnostic]:
        unique = dict.fromkeys(self.items)
        return sorted(unique, key=lambda d: (d.location.file, d.location.line, d.location.column, d.message))

    def raise_if_errors(self, strict: bool = False) -> None:
        if self.errors or (strict and self.warnings):
            raise ReportError(self)


class ReportError(Exception):
    """Raised with every diagnostic found; the CLI prints them and exits non-zero."""

    def __init__(self, diagnostics: Diagnostics | Diagnostic):
        if isinstance(diagnostics, Diagnostic):
            diagnostics = Diagnostics([diagnostics])
        self.diagnostics = diagnostics
        super().__init__("\n".join(d.render() for d in diagnostics.sorted()))


def suggestion(word: str, choices) -> str:
    """' (có phải ý bạn là "x"?)' when a close match exists, else ''."""
    import difflib  # only a report with a mistake needs it

    matches = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f' (có phải ý bạn là "{matches[0]}"?)' if matches else ""


class ReferenceProblem(Exception):
    """A name in a text that refers to nothing (an indicator, an appendix, a table).

    Raised by the values a template reads; the renderer reports it at the text's location."""
