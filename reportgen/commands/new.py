"""`reportgen new`: the next period's report, started from the last one."""

from __future__ import annotations

import os
from pathlib import Path

import click

from reportgen.commands.common import check_target, user_errors
from reportgen.errors import Diagnostic, Location, ReportError, display_path
from reportgen.output import write_atomic


def _write_new(files: dict) -> None:
    """Every file is checked before any is written: nothing existing is overwritten."""
    for path in files:
        if os.path.lexists(path):
            raise ReportError(Diagnostic(Location(display_path(path)),
                                         "tệp đã có; reportgen new không ghi đè, hãy chọn tên khác bằng -o"))
        check_target(path, path.suffix.lower(), new_only=True)
    for path, text in files.items():
        write_atomic(path, text.encode("utf-8"))  # line endings as in the text (CRLF kept)


@click.command(name="new")
@click.option("--from", "source", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Báo cáo kỳ trước.")
@click.option("--ky", "period", help="Kỳ mới: thang-9-2024, quy-3-2024, 6thang-2024, 9thang-2024, nam-2024... "
                                     "(mặc định: kỳ tiếp theo cùng loại).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Tệp báo cáo mới (mặc định: tên tệp cũ với phần kỳ đổi sang kỳ mới).")
@click.option("--noi-dung", "narrative", type=click.Choice(["giu", "xoa"]), default="giu", show_default=True,
              help="giu: giữ nội dung kỳ trước làm bản nháp; xoa: chỉ giữ các đề mục.")
@click.option("--hoan-thanh", "finished", type=click.Choice(["theo-mau", "giu", "bo"]), default="theo-mau",
              show_default=True,
              help="Các dòng đã hoàn thành của bảng nhiệm vụ: theo-mau: theo loại bảng (kế hoạch năm giữ đến "
                   "hết năm); giu: giữ lại; bo: bỏ đi.")
def new_report(source, period, output, narrative, finished):
    """Lập báo cáo kỳ mới từ báo cáo kỳ trước (không ghi đè tệp có sẵn)."""
    from reportgen.compute import next_period, periods
    from reportgen.pipeline import prepare

    source = Path(source)
    if period is not None:
        try:
            periods.parse(period)
        except periods.PeriodError as exc:
            raise click.BadParameter(str(exc), param_hint="--ky") from None
    with user_errors(source):
        result = next_period.plan(source, period, Path(output) if output else None, narrative, finished)
        _write_new(result.files)
    for path in result.files:
        click.echo(f"đã tạo {display_path(path)} ({result.new_period.label})")
    click.echo("Cần điền:")
    for item in result.to_fill:
        click.echo(f"  - {item}")
    target = result.target
    try:
        prepared = prepare(target, draft=True, carried_from=(result.old_period, result.old_date))
        problems = prepared.diagnostics.sorted()
    except ReportError as exc:
        problems = exc.diagnostics.sorted()
    if problems:
        click.echo("Các chỗ còn phải điền hoặc sửa (tệp:dòng):")
        for diagnostic in problems:
            click.echo(f"  {diagnostic.render()}")
    else:
        click.echo(f"{display_path(target)}: hợp lệ.")
