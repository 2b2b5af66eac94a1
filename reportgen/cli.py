"""The `reportgen` command: build, validate."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reportgen.errors import ReportError, display_path
from reportgen.output import default_output, write_atomic

EXIT_INVALID = 1
EXIT_INTERNAL = 2


def _report_files(paths: tuple[str, ...]) -> list[Path]:
    """Files given, and in folders every YAML file that names a template (`mau:`)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for candidate in sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml")):
                head = candidate.read_text(encoding="utf-8", errors="replace")
                if any(line.startswith("mau:") for line in head.splitlines()):
                    found.append(candidate)
        else:
            found.append(path)
    return found


def _print_diagnostics(error: ReportError) -> None:
    for diagnostic in error.diagnostics.sorted():
        click.echo(diagnostic.render(), err=True)


def _run(action, path: Path) -> int:
    try:
        action(path)
        return 0
    except ReportError as exc:
        _print_diagnostics(exc)
        count = len(exc.diagnostics.errors) or len(exc.diagnostics.items)
        click.echo(f"{display_path(path)}: {count} lỗi, không tạo tệp.", err=True)
        return EXIT_INVALID
    except Exception as exc:  # a bug of ours, never the user's fault: say so plainly
        click.echo(f"{display_path(path)}: lỗi nội bộ của reportgen ({type(exc).__name__}: {exc}). "
                   "Hãy báo lỗi này kèm tệp đầu vào.", err=True)
        if "--debug" in sys.argv:
            raise
        return EXIT_INTERNAL


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reportgen")
def main() -> None:
    """reportgen: báo cáo hành chính theo Nghị định 30/2020/NĐ-CP từ tệp YAML."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Tệp .docx kết quả (khi dựng một báo cáo).")
@click.option("--text", "with_text", is_flag=True, help="Ghi thêm bản văn bản thuần (.txt) cạnh tệp .docx.")
@click.option("--pdf", "with_pdf", is_flag=True, help="Ghi thêm bản PDF (qua LibreOffice).")
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi.")
@click.option("--debug", is_flag=True, hidden=True)
def build(paths, output, with_text, with_pdf, strict, debug):
    """Dựng báo cáo .docx từ tệp YAML (hoặc mọi báo cáo trong một thư mục)."""
    from reportgen.pipeline import prepare
    from reportgen.writers.docx_writer import write_docx
    from reportgen.writers.text_writer import write_text

    files = _report_files(paths)
    if output and len(files) != 1:
        raise click.UsageError("-o chỉ dùng khi dựng một báo cáo.")

    def one(path: Path) -> None:
        prepared = prepare(path, strict=strict)
        for warning in prepared.diagnostics.warnings:
            click.echo(warning.render(), err=True)
        target = Path(output) if output else default_output(path, ".docx")
        data = write_docx(prepared.document, prepared.template.styles_path)
        write_atomic(target, data)
        written = [target]
        if with_text:
            text_target = target.with_suffix(".txt")
            write_atomic(text_target, write_text(prepared.document).encode("utf-8"))
            written.append(text_target)
        if with_pdf:
            from reportgen.writers.pdf_writer import convert_to_pdf

            written.append(convert_to_pdf(target))
        click.echo(f"{display_path(path)} → {', '.join(display_path(p) for p in written)}")

    failures = sum(1 for f in files if _run(one, f) != 0)
    if len(files) > 1:
        click.echo(f"Đã dựng {len(files) - failures}/{len(files)} báo cáo; {failures} lỗi.")
    sys.exit(EXIT_INVALID if failures else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi.")
@click.option("--debug", is_flag=True, hidden=True)
def validate(paths, strict, debug):
    """Chỉ kiểm tra tệp YAML, không tạo tệp."""
    from reportgen.pipeline import prepare

    def one(path: Path) -> None:
        prepared = prepare(path, strict=strict)
        for warning in prepared.diagnostics.warnings:
            click.echo(warning.render(), err=True)
        click.echo(f"{display_path(path)}: hợp lệ.")

    failures = sum(1 for f in _report_files(paths) if _run(one, f) != 0)
    sys.exit(EXIT_INVALID if failures else 0)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Ghi ra tệp thay vì in ra màn hình.")
def schema(output):
    """In JSON Schema của định dạng đầu vào (cho trình soạn thảo)."""
    from reportgen.json_schema import render

    text = render()
    if output:
        write_atomic(Path(output), text.encode("utf-8"))
    else:
        click.echo(text, nl=False)
