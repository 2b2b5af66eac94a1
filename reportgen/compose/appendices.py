"""Appendices: each a section of its own, with its label, title, guiding line, rule, text and table."""

from __future__ import annotations

import dataclasses

from reportgen.compose import body, first_page, tables
from reportgen.compose.context import Context
from reportgen.compute.numbering import Counter
from reportgen.document import Paragraph, Rule, Section, Span


def appendix(ctx: Context, item) -> Section:
    label_text = ctx.appendix_labels[item.id]
    computed = ctx.tables.get(id(item.table)) if item.table else None
    orientation = item.orientation or (computed.orientation if computed else "doc")
    landscape = orientation == "ngang"
    if item.attached_line is not None:
        attached = ctx.render(item.attached_line)
    else:
        attached = ctx.template_text("kem_theo.j2", phu_luc_hien_tai={"nhan": label_text, "id": item.id})
    title = [s if not isinstance(s, Span) else Span(s.text.upper(), s.bold, s.italic)
             for s in ctx.inlines(item.title, False)]
    blocks = [Paragraph("phu-luc-so", [Span(label_text)]), Paragraph("phu-luc-tieu-de", title)]
    if ctx.settings.get("phu_luc_dau_trang"):
        # the template's appendix pages start with the agency and the quốc hiệu, as some provinces print them
        head = first_page.header(ctx)
        blocks.insert(0, dataclasses.replace(head, rows=head.rows[:1], role="appendix-header"))
    if attached:
        blocks.append(Paragraph("phu-luc-kem-theo", ctx.parse(attached, item.location)))
    blocks.append(Rule(30.0))
    blocks.extend(body.blocks(ctx, item.blocks, Counter()))
    if computed:
        blocks.append(tables.table(ctx, computed, ctx.page.text_width(landscape)))
    return Section(blocks, landscape=landscape, restart_page_numbers=True, name=label_text)
