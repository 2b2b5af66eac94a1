"""The body: sections, khoản, điểm and bullets numbered as the decree writes them, paragraphs and tables."""

from __future__ import annotations

from reportgen.compose import tables
from reportgen.compose.context import ALIGN, Context
from reportgen.compute.numbering import Counter, label
from reportgen.document import Paragraph, Span
from reportgen.source.model import Block


def blocks(ctx: Context, items: list[Block], counter: Counter, khoan_depth: int = 0) -> list:
    out = []
    for block in items:
        if block.kind == "bang":
            out.append(tables.table(ctx, ctx.tables[id(block.table)]))
            continue
        if block.kind == "doan":
            out.append(Paragraph("body", ctx.inlines(block.text), align=ALIGN.get(block.align),
                                 first_line_indent=block.indent, bold=block.bold, italic=block.italic))
            continue
        if block.kind in ("gach", "cong"):
            out.append(Paragraph("body", [Span(label(block.kind, 0) + " ")] + ctx.inlines(block.text)))
            out.extend(blocks(ctx, block.children, Counter(counter.prefix), khoan_depth))
            continue
        number = counter.next(block.kind)
        depth = khoan_depth + 1 if block.kind == "khoan" else khoan_depth
        text = label(block.kind, number, counter.prefix if block.kind == "khoan" else "")
        out.append(numbered(ctx, block, text, depth))
        child_prefix = text if block.kind == "khoan" else ""
        out.extend(blocks(ctx, block.children, Counter(child_prefix), depth if block.kind != "muc" else 0))
    return out


def numbered(ctx: Context, block: Block, number: str, depth: int) -> Paragraph:
    content = ctx.inlines(block.text)
    if block.run_in:
        return Paragraph("body", [Span(number + " ")] + content)
    key = block.kind if block.kind != "khoan" else f"khoan_{min(depth, 3)}"
    look = ctx.settings["dang_tieu_de"].get(key, {})
    if look.get("in_hoa"):
        content = [Span(s.text.upper(), s.bold, s.italic, s.superscript) if isinstance(s, Span) else s
                   for s in content]
    return Paragraph(f"heading-{key.replace('_', '-')}", [Span(number + " ")] + content,
                     bold=bool(look.get("dam")), italic=bool(look.get("nghieng")), keep_with_next=True)
