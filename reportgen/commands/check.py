"""`reportgen check`: any .docx against the format of Nghị định 30/2020/NĐ-CP."""

from __future__ import annotations

import sys
import zipfile

import click

from reportgen.commands.common import EXIT_INTERNAL, EXIT_INVALID, explain_os_error

MAX_XML_BYTES = 30_000_000  # the XML of a .docx, unpacked; a real one has a few megabytes


def _xml_too_large(raw: str) -> str | None:
    """A .docx whose XML unpacks to more than any document has (a zip bomb): refused unread.
    The sizes are those the package declares; Python's zipfile never unpacks more."""
    try:
        with zipfile.ZipFile(raw) as package:
            size = sum(i.file_size for i in package.infolist() if i.filename.endswith((".xml", ".rels")))
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        return None  # not a zip, or unreadable: the reader says which
    if size > MAX_XML_BYTES:
        unpacked, limit = (f"{n:,}".replace(",", ".") for n in (size, MAX_XML_BYTES))
        return f"không kiểm tra: phần XML của tệp giải nén ra {unpacked} byte, quá giới hạn {limit} byte của một văn bản"
    return None


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
                too_large = _xml_too_large(raw)
                if too_large:
                    click.echo(f"{raw}: {too_large}", err=True)
                    worst = max(worst, EXIT_INTERNAL)
                    continue
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
