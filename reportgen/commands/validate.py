"""`reportgen validate`: every stage but the writers, for one report or a folder of them."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reportgen.commands.common import EXIT_INVALID, report_files, run_reporting
from reportgen.errors import display_path


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi.")
@click.option("--nhap", "draft", is_flag=True,
              help="Bản nháp: số liệu chưa cập nhật (chua_cap_nhat) chỉ là cảnh báo.")
@click.option("--debug", is_flag=True, hidden=True)
def validate(paths, strict, draft, debug):
    """Chỉ kiểm tra tệp YAML, không tạo tệp."""
    from reportgen.pipeline import prepare

    def one(path: Path) -> None:
        prepared = prepare(path, strict=strict, draft=draft)
        for warning in prepared.diagnostics.warnings:
            click.echo(warning.render(), err=True)
        click.echo(f"{display_path(path)}: hợp lệ.")

    failures = sum(1 for f in report_files(paths) if run_reporting(one, f) != 0)
    sys.exit(EXIT_INVALID if failures else 0)
