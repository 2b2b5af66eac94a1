"""`reportgen export`: a report's figures as a biểu-mẫu-shaped XLSX or as JSON."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from reportgen.commands.common import reports_user_errors
from reportgen.commands.rollup import fail, write_output
from reportgen.errors import ReportError, display_path


def read_indicators(path: Path):
    """(indicators, unit, period, agency, date, decimals, files read, tables) of a report or a figures
    file; tables are (appendix id, title, table input).

    A report (`mau:`) goes through every stage of a build, so what is exported is what
    the report prints; a figures file is read and its indicators checked."""
    from reportgen.compute.indicators import check_indicators
    from reportgen.source.loader import load

    loaded = load(path)
    if "mau" in loaded.data:
        from reportgen.pipeline import prepare

        prepared = prepare(path)
        report = prepared.report
        tables = [(a.id, a.title.raw, a.table) for a in report.appendices if a.table]
        return (report.indicators, report.unit, report.period, report.agency.name, report.date.date,
                prepared.template.settings["ty_le_thap_phan"], prepared.loaded.files, tables)
    from reportgen.source.units import read_figures

    figures = read_figures(path)
    check_indicators(figures.indicators).raise_if_errors()
    dates = [i.as_of for i in figures.indicators if isinstance(i.as_of, dt.date)]
    tables = [(appendix_id, None, table) for appendix_id, table in figures.tables]
    return (figures.indicators, figures.unit, figures.period, None, max(dates, default=None), 2, figures.files,
            tables)


@click.command(name="export")
@click.argument("report", type=click.Path(exists=True, dir_okay=False))
@click.option("--xlsx", "xlsx_path", type=click.Path(dir_okay=False), help="Tệp Excel (.xlsx) theo dạng biểu mẫu.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Tệp JSON.")
@reports_user_errors
def export_command(report, xlsx_path, json_path):
    """Kết xuất các chỉ tiêu (mã, tên, đơn vị, kỳ, tử số, mẫu số, giá trị) ra Excel hoặc JSON."""
    from reportgen.compute.export import export_data
    from reportgen.writers.json_export import write_json
    from reportgen.writers.xlsx import write_export_xlsx

    if not xlsx_path and not json_path:
        raise click.UsageError("cần ít nhất một trong hai: --xlsx TỆP.xlsx hoặc --json TỆP.json")
    path = Path(report)
    written = []
    try:
        indicators, unit, period, agency, day, decimals, files, _ = read_indicators(path)
        data = export_data(indicators, unit, period, agency, day, decimals)
        inputs = [Path(f) for f in files] + [path]
        if xlsx_path:
            write_output(Path(xlsx_path), write_export_xlsx(data), inputs)
            written.append(xlsx_path)
        if json_path:
            write_output(Path(json_path), write_json(data), inputs)
            written.append(json_path)
    except ReportError as exc:
        fail(exc)
    count = sum(len(g["chi_tieu"]) for g in data["nhom"])
    for target in written:
        click.echo(f"{display_path(path)} → {display_path(target)} ({count} dòng chỉ tiêu)")
