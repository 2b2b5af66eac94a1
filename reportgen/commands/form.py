"""`reportgen form` (a collection workbook for units to fill) and `reportgen collect`
(filled workbooks read back into one figures file per unit)."""

from __future__ import annotations

import sys
import tempfile
import unicodedata
from pathlib import Path

import click

from reportgen.commands.common import EXIT_INVALID, reports_user_errors
from reportgen.commands.export import read_indicators
from reportgen.commands.rollup import fail, write_output
from reportgen.errors import (
    Diagnostic,
    Diagnostics,
    Location,
    ReportError,
    display_path,
)

COLLECTED_MARK = "Tệp do reportgen collect tạo ra"


@click.command(name="form")
@click.argument("report", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Biểu nhập số liệu (.xlsx).")
@reports_user_errors
def form_command(report, output):
    """Tạo biểu nhập số liệu (Excel) cho các đơn vị từ các chỉ tiêu của báo cáo."""
    from reportgen.compute.export import form_data, task_list
    from reportgen.writers.xlsx_form import write_form_xlsx

    path = Path(report)
    try:
        indicators, _, period, agency, _, _, files, tables = read_indicators(path)
        data = form_data(indicators, period, agency, task_list(tables))
        if not data["nhom"] and not data["nhiem_vu"]:
            raise ReportError(Diagnostic(Location(display_path(path)), "không có chỉ tiêu (chi_tieu) hay nhiệm vụ "
                                                                       "nào để lập biểu"))
        write_output(Path(output), write_form_xlsx(data), [Path(f) for f in files] + [path])
    except ReportError as exc:
        fail(exc)
    count = sum(len(g["chi_tieu"]) for g in data["nhom"])
    tasks = f", {len(data['nhiem_vu'])} nhiệm vụ" if data["nhiem_vu"] else ""
    sheets = len(data["nhom"]) + bool(data["nhiem_vu"])
    click.echo(f"{display_path(path)} → {display_path(output)} ({count} chỉ tiêu{tasks}, {sheets} trang tính)")


def unit_file_name(code: str, name: str) -> str:
    """`99001-phuong-hoa-son.yaml`: the code, then the name without accents."""
    plain = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    slug = "-".join("".join(c if c.isalnum() else " " for c in plain).split())
    safe_code = "".join(c if c.isalnum() else "-" for c in code)
    return f"{safe_code}-{slug}.yaml" if slug else f"{safe_code}.yaml"


def _checked(data: dict, comments: list[str], shown: str, modeline: str | None) -> bytes:
    """The figures file's bytes, read back through the normal loader and checked like any input."""
    from reportgen.compute.indicators import check_indicators
    from reportgen.source.units import read_figures
    from reportgen.writers.figures_yaml import write_figures_yaml

    content = write_figures_yaml(data, comments, modeline)
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "so-lieu.yaml"
        probe.write_bytes(content)
        try:
            figures = read_figures(probe)
            problems = check_indicators(figures.indicators)
        except ReportError as exc:
            problems = exc.diagnostics
    if problems.errors:
        raise ReportError(Diagnostics([Diagnostic(Location(shown), d.message) for d in problems.errors]))
    return content


@click.command(name="collect")
@click.argument("workbooks", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="Thư mục ghi tệp số liệu (YAML) của từng đơn vị.")
@click.option("--danh-sach", "unit_list", type=click.Path(exists=True, dir_okay=False),
              help="Danh sách đơn vị: kiểm tra mã đơn vị ghi trong biểu.")
@reports_user_errors
def collect_command(workbooks, output, unit_list):
    """Đọc các biểu nhập số liệu đã điền thành tệp số liệu của từng đơn vị."""
    from reportgen.source.json_schema import modeline_for
    from reportgen.source.units import load_unit_list
    from reportgen.source.workbook import read_workbook

    folder = Path(output)
    try:
        known = load_unit_list(unit_list).by_code() if unit_list else None
    except ReportError as exc:
        fail(exc)
    diags, written, seen = Diagnostics(), [], {}
    for raw in workbooks:
        path = Path(raw)
        try:
            collected = read_workbook(path)
            diags.extend(collected.diagnostics)
            if collected.diagnostics.errors:
                continue
            if collected.code in seen:
                raise ReportError(Diagnostic(collected.where_code, f'mã đơn vị "{collected.code}" đã có trong '
                                                                   f"{display_path(seen[collected.code])}"))
            if known is not None and collected.code not in known:
                raise ReportError(Diagnostic(collected.where_code, f'mã đơn vị "{collected.code}" không có trong '
                                                                   f"danh sách {Path(unit_list).name}"))
            if known is not None and known[collected.code].name != collected.name:
                diags.warning(collected.where_code, f'tên đơn vị "{collected.name}" khác với tên trong danh sách: '
                                                    f'"{known[collected.code].name}"')
            seen[collected.code] = path
            comments = [f"Số liệu của {collected.name} (mã {collected.code}), đọc từ biểu {path.name}.",
                        (f"{COLLECTED_MARK} và sẽ được ghi lại khi đọc lại biểu; nếu sửa tay tệp này, "
                         "hãy xóa dòng này để không bị ghi đè.")]
            target = folder / unit_file_name(collected.code, collected.name)
            content = _checked(collected.data, comments, display_path(path), modeline_for(target))
            write_output(target, content, [Path(w) for w in workbooks], COLLECTED_MARK)
            written.append((path, target))
        except ReportError as exc:
            diags.extend(exc.diagnostics)
    for diagnostic in diags.sorted():
        click.echo(diagnostic.render(), err=True)
    for source, target in written:
        click.echo(f"{display_path(source)} → {display_path(target)}")
    failed = len(workbooks) - len(written)
    if failed:
        click.echo(f"{failed}/{len(workbooks)} biểu có lỗi, không tạo tệp cho các biểu đó.", err=True)
        sys.exit(EXIT_INVALID)
