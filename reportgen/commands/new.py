"""`reportgen new`: the next period's report, started from the last one."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reportgen.commands.common import EXIT_INVALID, print_diagnostics
from reportgen.errors import ReportError, display_path


@click.command(name="new")
@click.option("--from", "source", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Báo cáo kỳ trước.")
@click.option("--ky", "period", required=True, help="Kỳ mới: thang-9-2024, quy-3-2024, 6thang-2024, 9thang-2024, nam-2024...")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Tệp báo cáo mới (mặc định: <kỳ>.yaml cạnh tệp cũ).")
@click.option("--noi-dung", "narrative", type=click.Choice(["giu", "xoa"]), default="giu", show_default=True,
              help="giu: giữ nội dung kỳ trước làm bản nháp; xoa: chỉ giữ các đề mục.")
def new_report(source, period, output, narrative):
    """Lập báo cáo kỳ mới từ báo cáo kỳ trước (không ghi đè tệp có sẵn)."""
    from reportgen.compute import next_period, periods
    from reportgen.pipeline import prepare

    source = Path(source)
    try:
        periods.parse(period)
    except periods.PeriodError as exc:
        raise click.BadParameter(str(exc), param_hint="--ky") from None
    target = Path(output) if output else source.parent / f"{period}.yaml"
    try:
        result = next_period.plan(source, period, target, narrative)
        next_period.write(result)
    except ReportError as exc:
        print_diagnostics(exc)
        sys.exit(EXIT_INVALID)
    for path in result.files:
        click.echo(f"đã tạo {display_path(path)}")
    click.echo("Cần điền:")
    for item in result.to_fill:
        click.echo(f"  - {item}")
    try:
        prepare(target)
        click.echo(f"{display_path(target)}: hợp lệ.")
    except ReportError as exc:
        click.echo("Các chỗ còn phải sửa trước khi dựng:")
        print_diagnostics(exc)
