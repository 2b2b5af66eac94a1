"""The body: sections, khoản, điểm and bullets numbered as the decree writes them, paragraphs and tables."""

from __future__ import annotations

from reportgen.compose import tables
from reportgen.compose.context import ALIGN, Context
from reportgen.compute.numbering import Counter, enumeration_label, label
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
            # what a paragraph introduces (a list numbered from 1 under it) follows it
            out.extend(blocks(ctx, block.children, Counter(counter.prefix), khoan_depth))
            continue
        if block.kind in ("gach", "cong"):
            out.append(Paragraph("body", [Span(label(block.kind, 0) + " ")] + ctx.inlines(block.text)))
            out.extend(blocks(ctx, block.children, Counter(counter.prefix), khoan_depth))
            continue
        if block.kind == "liet_ke":
            out.extend(enumeration(ctx, block, counter, khoan_depth))
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


def enumeration(ctx: Context, block: Block, counter: Counter, khoan_depth: int) -> list:
    """An enumerated item, numbered among its siblings of the same style: `(1) text`, or
    `(i) Title` as a heading of its own (the template's `dang_tieu_de.liet_ke` look)."""
    number = enumeration_label(block.style, counter.next(f"liet_ke:{block.style}"))
    lead = [Span(("- " if block.dash else "") + number + " ")]
    if block.run_in:
        paragraph = Paragraph("body", lead + ctx.inlines(block.text))
    else:
        look = ctx.settings["dang_tieu_de"].get("liet_ke", {})
        paragraph = Paragraph("body", lead + ctx.inlines(block.text), bold=bool(look.get("dam")),
                              italic=bool(look.get("nghieng")), keep_with_next=True)
    return [paragraph] + blocks(ctx, block.children, Counter(counter.prefix), khoan_depth)
