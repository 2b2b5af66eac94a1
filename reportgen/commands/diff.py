"""`reportgen diff`: the indicators of two periods side by side."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reportgen.commands.common import EXIT_INVALID, print_diagnostics
from reportgen.errors import ReportError


@click.command(name="diff")
@click.argument("old", type=click.Path(exists=True, dir_okay=False))
@click.argument("new", type=click.Path(exists=True, dir_okay=False))
def diff_command(old, new):
    """So sánh chỉ tiêu giữa hai báo cáo (kỳ trước, kỳ này)."""
    from reportgen.compute.compare import rows, table
    from reportgen.source.loader import load
    from reportgen.source.model import build_report
    from reportgen.source.validate import check_report

    reports = []
    for path in (Path(old), Path(new)):
        try:
            loaded = load(path)
            check_report(loaded).raise_if_errors()
            reports.append(build_report(loaded, path))
        except ReportError as exc:
            print_diagnostics(exc)
            sys.exit(EXIT_INVALID)
    click.echo(table(rows(reports[0].indicators, reports[1].indicators)))
