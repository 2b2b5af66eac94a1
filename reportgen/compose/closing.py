"""The end of the text: the closing paragraph with its end mark, the signature and Nơi nhận."""

from __future__ import annotations

from reportgen.compose.context import Context
from reportgen.document import Cell, Paragraph, Span, Table

SIGNATURE_SPLIT = 0.45


def closing_with_end_mark(text: str) -> str:
    """The text ends `./.` (the decree's end mark)."""
    text = text.rstrip()
    if text.endswith("./."):
        return text
    return text.rstrip(".") + "./."


def list_entry(text: str, last: bool) -> str:
    text = text.strip().rstrip(";.").strip()
    return f"- {text}{'.' if last else ';'}"


def closing(ctx: Context) -> list:
    if ctx.report.closing is not None:
        text = ctx.render(ctx.report.closing)
        location = ctx.report.closing.location
    else:
        text = ctx.template_text("ket_thuc.j2")
        location = ctx.report.location
    if not text:
        return []
    return [Paragraph("body", ctx.parse(closing_with_end_mark(text), location))]


def signature(ctx: Context) -> Table:
    r = ctx.report
    left = [Paragraph("noi-nhan-tieu-de", [Span("Nơi nhận:")])]
    for entry in r.distribution:
        text = "".join(s.text for s in ctx.inlines(entry, False) if isinstance(s, Span))
        left.append(Paragraph("noi-nhan", [Span(list_entry(text, False))]))
    archive = ctx.inlines(r.archive, False)
    if archive and isinstance(archive[-1], Span):
        archive[-1] = Span(archive[-1].text.rstrip().rstrip(";."), archive[-1].bold, archive[-1].italic,
                           archive[-1].superscript)
    left.append(Paragraph("noi-nhan", [Span("- Lưu: ")] + archive + [Span(".")]))
    right = [Paragraph("chu-ky-tham-quyen", [Span(line.upper())]) for line in r.signature.authority]
    right.append(Paragraph("chu-ky-tham-quyen", [Span(r.signature.title.upper())]))
    right.append(Paragraph("chu-ky-ten", [Span(r.signature.name)]))
    width = ctx.page.text_width()
    return Table([width * SIGNATURE_SPLIT, width * (1 - SIGNATURE_SPLIT)], [], [[Cell(left), Cell(right)]],
                 font_size=12, borders=False, role="signature")
