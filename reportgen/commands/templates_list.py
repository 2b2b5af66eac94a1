"""`reportgen templates`: the templates a report in this folder can use, where each comes from,
and its table kinds with their row keys and statuses."""

from __future__ import annotations

from pathlib import Path

import click

from reportgen.errors import display_path


def describe_templates(start: Path) -> list[str]:
    from reportgen.errors import Location
    from reportgen.source.templates import (
        builtin_templates_root,
        load_template,
        template_names,
        template_roots,
    )

    roots = template_roots(start)
    builtin = builtin_templates_root()
    lines = []
    for name in template_names(roots):
        template = load_template(name, start / "_.yaml", Location("reportgen templates"))
        if builtin is not None and template.root == builtin:
            origin = "có sẵn"
        elif builtin is not None and (builtin / name).is_dir():
            origin = f"của dự án, {display_path(template.folder)}, thay mẫu có sẵn cùng tên"
        else:
            origin = f"của dự án, {display_path(template.folder)}"
        title = template.settings.get("ten") or ""
        lines.append(f"{name}  ({origin}){': ' + title if title else ''}")
        for kind_name in template.available_table_kinds():
            kind = template.table_kind(kind_name, Location("reportgen templates"))
            columns = [c for c in _leaf_keys(kind.data.get("cot") or []) if c != "stt"]
            statuses = list(kind.data.get("trang_thai") or {})
            text = f"    bảng {kind_name}: {kind.data.get('ten', '')} — cột: {', '.join(columns)}"
            if statuses:
                text += f"; trang_thai: {', '.join(statuses)}"
            lines.append(text)
    return lines


def _leaf_keys(columns: list) -> list[str]:
    keys = []
    for column in columns:
        keys.extend(_leaf_keys(column["cot"]) if column.get("cot") else [column.get("khoa", "")])
    return keys


@click.command(name="templates")
def templates_command():
    """Liệt kê các mẫu dùng được (của dự án và có sẵn) và các loại bảng của từng mẫu."""
    import sys

    from reportgen.commands.common import EXIT_INVALID, print_diagnostics
    from reportgen.errors import ReportError

    try:
        lines = describe_templates(Path.cwd())
    except ReportError as exc:
        print_diagnostics(exc)
        sys.exit(EXIT_INVALID)
    click.echo("\n".join(lines) if lines else "không có mẫu nào.")
