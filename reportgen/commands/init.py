"""`reportgen init`: a ready project — an example report that builds, the shared agency file,
the JSON Schema for editors, git settings and a short README. It never overwrites a file.

The starter files are data in reportgen/starter/; `__MAU__` is the chosen template and
`__MODELINE__` the editor's schema line, computed from where each file is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reportgen.commands.common import EXIT_INVALID, print_diagnostics
from reportgen.errors import ReportError, display_path

DEFAULT_TEMPLATE = "de-an-06-bao-cao"
EXAMPLE_REPORT = Path("inputs", "bao-cao-thang-10-2025.yaml")
STARTER = Path(__file__).resolve().parents[1] / "starter"
# where each starter file goes in the project → its data file in reportgen/starter/
STARTER_FILES = {
    EXAMPLE_REPORT: "bao-cao.yaml",
    Path("inputs", "chung", "co-quan.yaml"): "co-quan.yaml",
    Path("README.md"): "README.md",
    Path(".gitignore"): "gitignore",
    Path(".gitattributes"): "gitattributes",
    Path(".vscode", "settings.json"): "vscode-settings.json",
    Path(".vscode", "extensions.json"): "vscode-extensions.json",
    # the project's own templates (optional); the folder also marks the project's root, inside
    # which `bao_gom` may reach (a report in inputs/2025/ including ../chung/co-quan.yaml)
    Path("templates", "README.md"): "templates-README.md",
}


def render_starter(name: str, target: Path, template: str) -> str:
    from reportgen.source.json_schema import modeline_for

    text = (STARTER / name).read_text(encoding="utf-8").replace("__MAU__", template)
    if "__MODELINE__" in text:
        text = text.replace("__MODELINE__", modeline_for(target) or "")
    return text


def write_new(target: Path, content: bytes) -> bool:
    """Write `content` to `target` unless something is there already; True when written."""
    from reportgen.output import write_atomic

    if target.exists():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, content)
    return True


def create_project(folder: Path, template: str) -> tuple[list[Path], list[Path]]:
    """Write the starter project into `folder`: (files written, files already there and left)."""
    from reportgen.source.json_schema import SCHEMA_FILE, render
    from reportgen.source.templates import template_roots

    written, kept = [], []
    schema_path = folder / SCHEMA_FILE
    outcome = write_new(schema_path, render(template_roots(folder)).encode("utf-8"))
    (written if outcome else kept).append(schema_path)
    for relative, name in STARTER_FILES.items():
        target = folder / relative
        outcome = write_new(target, render_starter(name, target, template).encode("utf-8"))
        (written if outcome else kept).append(target)
    return written, kept


def _check_template(folder: Path, template: str) -> None:
    from reportgen.errors import suggestion
    from reportgen.source.templates import template_names, template_roots

    known = template_names(template_roots(folder))
    if template not in known:
        raise click.BadParameter(f'không có mẫu "{template}"{suggestion(template, known)}; '
                                 f'các mẫu hiện có: {", ".join(known) or "(không có)"}', param_hint="--mau")


@click.command(name="init")
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option("--mau", "template", default=DEFAULT_TEMPLATE, show_default=True,
              help="Mẫu của báo cáo ví dụ (xem: reportgen templates).")
def init(folder, template):
    """Tạo dự án báo cáo mới: báo cáo ví dụ, tệp cơ quan, schema cho trình soạn thảo (không ghi đè tệp có sẵn)."""
    from reportgen.pipeline import prepare

    folder = Path(folder)
    _check_template(folder, template)
    written, kept = create_project(folder, template)
    for path in written:
        click.echo(f"đã tạo {display_path(path)}")
    for path in kept:
        click.echo(f"đã có, giữ nguyên: {display_path(path)}")
    example = folder / EXAMPLE_REPORT
    try:
        prepare(example, strict=True)
    except ReportError as exc:
        click.echo("Báo cáo ví dụ còn lỗi:", err=True)
        print_diagnostics(exc)
        sys.exit(EXIT_INVALID)
    click.echo(f"{display_path(example)}: hợp lệ.")
    click.echo("Tiếp theo:")
    if folder.resolve() != Path.cwd().resolve():
        click.echo(f"  cd {display_path(folder)}")
    click.echo(f"  reportgen build {EXAMPLE_REPORT.as_posix()} --pdf --text")
