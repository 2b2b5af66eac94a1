"""What every command shares: exit codes, finding the reports in a folder, printing diagnostics."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reportgen.errors import ReportError, display_path

EXIT_INVALID = 1
EXIT_INTERNAL = 2


def report_files(paths: tuple[str, ...]) -> list[Path]:
    """Files given, and in folders every YAML file that names a template (`mau:`)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for candidate in sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml")):
                head = candidate.read_text(encoding="utf-8", errors="replace")
                if any(line.startswith("mau:") for line in head.splitlines()):
                    found.append(candidate)
        else:
            found.append(path)
    return found


def print_diagnostics(error: ReportError) -> None:
    for diagnostic in error.diagnostics.sorted():
        click.echo(diagnostic.render(), err=True)


def run_reporting(action, path: Path) -> int:
    """Run `action(path)`; a user's problem prints its diagnostics, a bug of ours says so plainly."""
    try:
        action(path)
        return 0
    except ReportError as exc:
        print_diagnostics(exc)
        count = len(exc.diagnostics.errors) or len(exc.diagnostics.items)
        click.echo(f"{display_path(path)}: {count} lỗi, không tạo tệp.", err=True)
        return EXIT_INVALID
    except Exception as exc:
        click.echo(f"{display_path(path)}: lỗi nội bộ của reportgen ({type(exc).__name__}: {exc}). "
                   "Hãy báo lỗi này kèm tệp đầu vào.", err=True)
        if "--debug" in sys.argv:
            raise
        return EXIT_INTERNAL
