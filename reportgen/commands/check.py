"""`reportgen check`: any .docx against the format of Nghị định 30/2020/NĐ-CP."""

from __future__ import annotations

import sys

import click

from reportgen.commands.common import EXIT_INTERNAL, EXIT_INVALID, explain_os_error


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def check(paths):
    """Kiểm tra tệp .docx bất kỳ theo thể thức Nghị định 30/2020/NĐ-CP; với tệp PDF: bản điện tử hay giấy,
    PDF/A, phông, ô ký và từng chữ ký số."""
    from reportgen.check import CheckError, check_docx, format_findings, summary_line
    from reportgen.check.pdf import check_pdf, is_pdf

    worst = 0
    for raw in paths:
        try:
            if is_pdf(raw):  # a PDF: its edition, fonts, signature boxes and signatures (reportgen/check/pdf.py)
                facts, findings = check_pdf(raw)
                click.echo("\n".join(f"{raw}: {fact}" for fact in facts))
            else:
                findings = check_docx(raw)
        except CheckError as exc:
            click.echo(f"{raw}: {exc}", err=True)
            worst = max(worst, EXIT_INTERNAL)
            continue
        except (OSError, MemoryError) as exc:
            click.echo(f"{raw}: lỗi: {explain_os_error(exc, raw)}", err=True)
            worst = max(worst, EXIT_INVALID)
            continue
        except Exception as exc:  # a .docx our reader does not expect: said plainly, the others go on
            click.echo(f"{raw}: không kiểm tra được tệp này (lỗi nội bộ của reportgen: {type(exc).__name__}). "
                       "Hãy báo lỗi này kèm tệp.", err=True)
            worst = max(worst, EXIT_INTERNAL)
            continue
        if findings:
            click.echo(format_findings(findings, raw))
        click.echo(f"{raw}: {summary_line(findings)}")
        if any(f.severity == "error" for f in findings):
            worst = max(worst, EXIT_INVALID)
    sys.exit(worst)
