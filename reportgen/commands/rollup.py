"""`reportgen rollup`: the units' figures files added up into one figures file for the province."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from reportgen.commands.common import (
    EXIT_INVALID,
    print_diagnostics,
    reports_user_errors,
)
from reportgen.errors import (
    Diagnostic,
    Diagnostics,
    Location,
    ReportError,
    display_path,
)

GENERATED_MARK = "Tệp do reportgen rollup tạo ra"


def write_output(path: Path, data: bytes, inputs: list[Path], mark: str | None = None) -> None:
    """Write atomically, never over a file the command read.

    An output (an export, a workbook) goes through the shared guard. A figures file is an
    input of the next report and usually lives under inputs/: it may replace only a file
    whose opening lines carry `mark`, i.e. an earlier output of the same command."""
    from reportgen.commands.common import explain_os_error
    from reportgen.output import guarded_write, write_atomic

    try:
        if mark is None:
            guarded_write(path, data, reads=inputs)
            return
        if path.exists():
            if any(Path(p).exists() and os.path.samefile(path, p) for p in inputs):
                raise ReportError(Diagnostic(Location(display_path(path)), "tệp kết quả trùng với một tệp đầu vào; "
                                                                           "chọn tên khác với -o (không ghi đè đầu vào)"))
            if mark not in path.read_text(encoding="utf-8", errors="replace")[:600]:
                raise ReportError(Diagnostic(Location(display_path(path)),
                                             "tệp này đã có và không phải do reportgen tạo (hoặc đã bị sửa tay, "
                                             "mất dòng ghi chú đầu tệp): không ghi đè; chọn tệp khác với -o"))
        write_atomic(path, data)
    except OSError as exc:
        raise ReportError(Diagnostic(Location(display_path(path)), explain_os_error(exc, path))) from None


def fail(error: ReportError) -> None:
    print_diagnostics(error)
    count = len(error.diagnostics.errors)
    click.echo(f"{count} lỗi, không tạo tệp.", err=True)
    sys.exit(EXIT_INVALID)


@click.command(name="rollup")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Tệp số liệu tổng hợp (YAML) để báo cáo của tỉnh đưa vào bằng bao_gom.")
@click.option("--danh-sach", "unit_list", type=click.Path(exists=True, dir_okay=False),
              help="Danh sách đơn vị phải báo cáo (mã theo Quyết định 19/2025/QĐ-TTg): liệt kê đơn vị chưa báo cáo.")
@click.option("--chi-tiet", "breakdown", multiple=True, metavar="ID",
              help="Lập phụ lục chi tiết theo đơn vị cho chỉ tiêu này (ghi nhiều lần cho nhiều chỉ tiêu).")
@click.option("--tieu-de-chi-tiet", "breakdown_title", help="Tiêu đề của phụ lục chi tiết theo đơn vị.")
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi.")
@click.option("-j", "--jobs", type=click.IntRange(1, 64),
              help="Số tiến trình đọc tệp song song (mặc định: số lõi CPU; chỉ dùng khi có từ 200 tệp).")
@reports_user_errors
def rollup_command(paths, output, unit_list, breakdown, breakdown_title, strict, jobs):
    """Tổng hợp số liệu của các đơn vị (tệp hoặc thư mục) thành số liệu của tỉnh."""
    from reportgen.compute.rollup import (
        Layout,
        figures_data,
        roll_up,
        summary_lines,
        unknown_breakdown,
    )
    from reportgen.source.json_schema import modeline_for
    from reportgen.source.units import figure_files, load_unit_list, read_all
    from reportgen.writers.figures_yaml import write_figures_yaml

    output = Path(output)
    files = [f for f in figure_files(paths) if f.resolve() != output.resolve()]
    try:
        expected = load_unit_list(unit_list) if unit_list else None
        if not files:
            raise ReportError(Diagnostic(Location(", ".join(paths)), "không có tệp số liệu .yaml nào"))
        figures, diags = read_all(files, jobs)
        result, problems = roll_up(figures, expected)
        diags.extend(problems)
        layout = Layout(list(breakdown))
        if breakdown_title:
            layout.breakdown_title = breakdown_title
        for message in unknown_breakdown(result, layout):
            diags.error(Location("--chi-tiet"), message)
        diags.raise_if_errors(strict)
        data = figures_data(result, layout)
        write_output(output, write_figures_yaml(data, summary_lines(result, GENERATED_MARK), modeline_for(output)),
                     files + ([Path(unit_list)] if unit_list else []), GENERATED_MARK)
    except ReportError as exc:
        fail(exc)
    for warning in Diagnostics(diags.warnings).sorted():
        click.echo(warning.render(), err=True)
    click.echo(f"đã tổng hợp {len(result.figures)} đơn vị, {len(result.totals)} chỉ tiêu → {display_path(output)}")
    if result.missing:
        click.echo(f"Chưa báo cáo ({len(result.missing)} đơn vị):")
        for unit in result.missing:
            click.echo(f"  - {unit.code} {unit.name}")
