"""`reportgen diff`: the figures and tasks of two periods side by side."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reportgen.commands.common import EXIT_INVALID, print_diagnostics
from reportgen.errors import ReportError


def _read(path: Path):
    from reportgen.compute.period_checks import not_updated
    from reportgen.source.loader import load
    from reportgen.source.model import build_report
    from reportgen.source.templates import load_template
    from reportgen.source.validate import check_report

    loaded = load(path)
    check_report(loaded).raise_if_errors()
    report = build_report(loaded, path)
    template = load_template(report.template, path, loaded.where(("mau",)))
    return report, template, set(not_updated(loaded))


@click.command(name="diff")
@click.argument("old", type=click.Path(exists=True, dir_okay=False))
@click.argument("new", type=click.Path(exists=True, dir_okay=False))
def diff_command(old, new):
    """So sánh chỉ tiêu và nhiệm vụ giữa hai báo cáo (kỳ trước, kỳ này)."""
    from reportgen.compute.compare import rows, table, task_changes

    try:
        (before, _, _), (after, template, flagged) = _read(Path(old)), _read(Path(new))
    except ReportError as exc:
        print_diagnostics(exc)
        sys.exit(EXIT_INVALID)

    def status_name(kind: str, status: str) -> str:
        try:
            spec = template.table_kind(kind, before.location).data.get("trang_thai") or {}
        except ReportError:
            return status
        return (spec.get(status) or {}).get("ten", status)

    decimals = template.settings["ty_le_thap_phan"]
    click.echo(table(rows(before.indicators, after.indicators, flagged, decimals)))
    changes = task_changes(before, after, status_name)
    if changes:
        click.echo("")
        click.echo("\n".join(changes))
