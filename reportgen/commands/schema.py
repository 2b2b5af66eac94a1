"""`reportgen schema`: the input format as JSON Schema, for editors."""

from __future__ import annotations

from pathlib import Path

import click

from reportgen.commands.common import guarded_write, user_errors


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Ghi ra tệp thay vì in ra màn hình.")
def schema(output):
    """In JSON Schema của định dạng đầu vào (cho trình soạn thảo)."""
    from reportgen.source.json_schema import render

    text = render()
    if output:
        with user_errors():
            guarded_write(Path(output), text.encode("utf-8"), ".json")
    else:
        click.echo(text, nl=False)
