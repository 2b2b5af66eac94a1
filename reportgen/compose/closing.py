"""The end of the text: the closing paragraph with its end mark, the signature (one signer, or two
side by side in a joint document) and Nơi nhận."""

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
    # kept on the page of the signature: a signature block alone on a page is not signed
    return [Paragraph("body", ctx.parse(closing_with_end_mark(text), location), keep_with_next=True)]


def signer(ctx: Context, sig) -> list:
    """Authority lines, title, the room for signature and seal, the name — or, in a draft whose
    signer is not yet known, the name's line left empty (the room kept) and a warning."""
    out = [Paragraph("chu-ky-tham-quyen", [Span(line.upper())]) for line in sig.authority]
    out.append(Paragraph("chu-ky-tham-quyen", [Span(sig.title.upper())]))
    if not sig.name:
        ctx.diags.warning(sig.location or ctx.report.location,
                          f"chưa có họ tên người ký ({sig.title}): để trống trong bản dự thảo; điền ho_ten trước "
                          f"khi trình ký", ("chu_ky", "ho_ten"))
    out.append(Paragraph("chu-ky-ten", [Span(sig.name)]))
    return out


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
    right = signer(ctx, r.signature)
    width = ctx.page.text_width()
    if r.co_signature is not None:
        # a joint document (liên tịch): the two signers side by side, Nơi nhận under them on the left
        rows = [[Cell(signer(ctx, r.co_signature)), Cell(right)], [Cell(left), Cell([Paragraph("noi-nhan", [])])]]
        return Table([width / 2, width / 2], [], rows, font_size=12, borders=False, role="signature")
    return Table([width * SIGNATURE_SPLIT, width * (1 - SIGNATURE_SPLIT)], [], [[Cell(left), Cell(right)]],
                 font_size=12, borders=False, role="signature")
