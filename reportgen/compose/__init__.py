"""Compose: the model, the template and the computed values become one document tree.

Takes the typed report, its template, the renderer (Jinja in the sandbox) and the
computed tables and labels; gives a `reportgen.document.Document`. This is where
numbering labels are applied, texts rendered, inline markup parsed, and the
decree's fixed parts put in their places. Writers take the result as it is.
"""

from __future__ import annotations

from reportgen.compose import appendices, body, closing, first_page
from reportgen.compose.context import Context
from reportgen.compute.numbering import Counter
from reportgen.document import Document, Paragraph, Section
from reportgen.source.templates import TYPE_TITLES

__all__ = ["Context", "compose"]


def compose(ctx: Context) -> Document:
    main = [first_page.header(ctx), *first_page.title_and_subject(ctx), *first_page.recipients(ctx),
            *first_page.opening(ctx), *body.blocks(ctx, ctx.report.body, Counter()), *closing.closing(ctx),
            closing.signature(ctx)]
    sections = [Section(main, name="main")]
    sections += [appendices.appendix(ctx, a) for a in ctx.report.appendices]
    title_para = next((b for b in main if isinstance(b, Paragraph) and b.role == "trich-yeu"), None)
    subject = title_para.text if title_para else (ctx.report.subject.raw if ctx.report.subject else "")
    d = ctx.report.date
    number = ctx.variables["bao_cao"]["so_ky_hieu"]
    return Document(sections, ctx.page, ctx.body_size,
                    title=f"{TYPE_TITLES.get(ctx.kind) or 'CÔNG VĂN'} {number}",
                    subject=subject, author=ctx.report.agency.name, date=(d.year, d.month, d.day or 1))
