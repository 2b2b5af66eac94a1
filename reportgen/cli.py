"""The `reportgen` command: build, validate."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reportgen.errors import ReportError, display_path
from reportgen.output import write_atomic

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
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Số báo cáo dựng song song (mặc định: số lõi CPU).")
@click.option("--debug", is_flag=True, hidden=True)
def build(paths, output, with_text, with_pdf, strict, jobs, debug):
    """Dựng báo cáo .docx từ tệp YAML (hoặc mọi báo cáo trong một thư mục)."""
    from reportgen.build import BuildOptions, build_many

    files = _report_files(paths)
    if not files:
        raise click.UsageError("không tìm thấy tệp báo cáo nào (tệp YAML có khóa mau:).")
    if output and len(files) != 1:
        raise click.UsageError("-o chỉ dùng khi dựng một báo cáo.")
    options = BuildOptions(output, with_text, with_pdf, strict, debug)
    interactive = len(files) > 1 and sys.stderr.isatty()

    def report(result):
        for message in result.messages:
            click.echo(message, err=True)
        if result.ok:
            click.echo(f"{result.source} → {', '.join(result.written)}")
        else:
            errors = sum(1 for m in result.messages if ": lỗi" in m) or 1
            click.echo(f"{result.source}: {errors} lỗi, không tạo tệp.", err=True)

    if interactive:
        with click.progressbar(length=len(files), label="Đang dựng", file=sys.stderr) as bar:
            def done(result):
                bar.update(1)
            results = build_many(files, options, done, jobs)
        for result in results:
            report(result)
    else:
        results = build_many(files, options, report, jobs)
    failed = [r for r in results if not r.ok]
    if len(files) > 1:
        click.echo(f"Tổng kết: dựng xong {len(results) - len(failed)}/{len(results)} báo cáo.")
        for result in failed:
            first = next((m for m in result.messages if ": lỗi" in m), result.messages[0] if result.messages else "")
            click.echo(f"  lỗi: {result.source}: {first}")
    sys.exit(EXIT_INTERNAL if any(r.internal for r in failed) else EXIT_INVALID if failed else 0)


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


@main.command(name="new")
@click.option("--from", "source", required=True, type=click.Path(exists=True, dir_okay=False),
              help="Báo cáo kỳ trước.")
@click.option("--ky", "period", required=True, help="Kỳ mới: thang-9-2024, quy-3-2024, 6thang-2024, 9thang-2024, nam-2024...")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Tệp báo cáo mới (mặc định: <kỳ>.yaml cạnh tệp cũ).")
@click.option("--noi-dung", "narrative", type=click.Choice(["giu", "xoa"]), default="giu", show_default=True,
              help="giu: giữ nội dung kỳ trước làm bản nháp; xoa: chỉ giữ các đề mục.")
def new_report(source, period, output, narrative):
    """Lập báo cáo kỳ mới từ báo cáo kỳ trước (không ghi đè tệp có sẵn)."""
    from reportgen import new_period, periods
    from reportgen.pipeline import prepare

    source = Path(source)
    try:
        periods.parse(period)
    except periods.PeriodError as exc:
        raise click.BadParameter(str(exc), param_hint="--ky") from None
    target = Path(output) if output else source.parent / f"{period}.yaml"
    try:
        result = new_period.plan(source, period, target, narrative)
        new_period.write(result)
    except ReportError as exc:
        _print_diagnostics(exc)
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
        _print_diagnostics(exc)


@main.command(name="diff")
@click.argument("old", type=click.Path(exists=True, dir_okay=False))
@click.argument("new", type=click.Path(exists=True, dir_okay=False))
def diff_command(old, new):
    """So sánh chỉ tiêu giữa hai báo cáo (kỳ trước, kỳ này)."""
    from reportgen.compare import rows, table
    from reportgen.loader import load
    from reportgen.model import build_report
    from reportgen.validate import check_report

    reports = []
    for path in (Path(old), Path(new)):
        try:
            loaded = load(path)
            check_report(loaded).raise_if_errors()
            reports.append(build_report(loaded, path))
        except ReportError as exc:
            _print_diagnostics(exc)
            sys.exit(EXIT_INVALID)
    click.echo(table(rows(reports[0].indicators, reports[1].indicators)))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def check(paths):
    """Kiểm tra tệp .docx bất kỳ theo thể thức Nghị định 30/2020/NĐ-CP."""
    from reportgen.checker import CheckError, check_docx, format_findings, summary_line

    worst = 0
    for raw in paths:
        try:
            findings = check_docx(raw)
        except CheckError as exc:
            click.echo(f"{raw}: {exc}", err=True)
            worst = max(worst, EXIT_INTERNAL)
            continue
        if findings:
            click.echo(format_findings(findings, raw))
        click.echo(f"{raw}: {summary_line(findings)}")
        if any(f.severity == "error" for f in findings):
            worst = max(worst, EXIT_INVALID)
    sys.exit(worst)
