"""`reportgen schema`: the input format as JSON Schema, for editors."""

from __future__ import annotations

from pathlib import Path

import click

from reportgen.commands.common import guarded_write, user_errors


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Ghi ra tệp thay vì in ra màn hình.")
def schema(output):
    """In JSON Schema của định dạng đầu vào (cho trình soạn thảo), với các loại bảng của mẫu dự án và mẫu có sẵn."""
    from reportgen.source.json_schema import render
    from reportgen.source.templates import template_roots

    text = render(template_roots(Path(output).parent if output else Path.cwd()))
    if output:
        with user_errors():
            guarded_write(Path(output), text.encode("utf-8"), ".json")
    else:
        click.echo(text, nl=False)
