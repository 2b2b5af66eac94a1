"""Computed tables as document tables: header rows with their merges, group rows, totals, cells."""

from __future__ import annotations

from reportgen.compose import body
from reportgen.compose.context import ALIGN, Context
from reportgen.compute.numbering import Counter
from reportgen.compute.tables import ComputedTable, OutRow
from reportgen.document import Cell, Paragraph, Span, Table
from reportgen.source.model import Text


def table(ctx: Context, computed: ComputedTable, width_mm: float | None = None) -> Table:
    width_mm = width_mm or ctx.page.text_width(computed.orientation == "ngang")
    total = sum(c.width for c in computed.columns)
    widths = [round(width_mm * c.width / total, 2) for c in computed.columns]
    header = header_rows(computed)
    aligns = [ALIGN.get(c.align, "justify") for c in computed.columns]
    rows = [row(ctx, r, computed, aligns) for r in computed.rows]
    _name_statuses(computed, rows)
    return Table(widths, header, rows, font_size=computed.font_size)


def _name_statuses(computed: ComputedTable, rows: list[list[Cell]]) -> None:
    """Each data row's status cell carries the status's name (the .docx shows only its mark)."""
    facts = iter(computed.row_facts)
    keys = [c.key for c in computed.columns]
    for out_row, cells in zip(computed.rows, rows):
        if out_row.kind != "data":
            continue
        status = next(facts, (None, None))[1]
        spec = computed.statuses.get(status) or {}
        if spec.get("cot") in keys:
            cells[keys.index(spec["cot"])].status = spec.get("ten", status)


def cell(ctx: Context, content, align: str) -> Cell:
    if content is None:
        return Cell([Paragraph("table-text", [])], align=align)
    if isinstance(content, str):
        return Cell([Paragraph("table-text", [Span(content)])], align=align)
    if isinstance(content, Text):
        return Cell([Paragraph("table-text", ctx.inlines(content))], align=align)
    paragraphs = [Paragraph("table-text", p.inlines, bold=p.bold, italic=p.italic)
                  for p in body.blocks(ctx, content, Counter())]
    return Cell(paragraphs, align=align)


def header_rows(computed: ComputedTable) -> list:
    n = len(computed.columns)
    grid: list[list] = [[None] * n for _ in computed.header_rows]
    for level, cells in enumerate(computed.header_rows):
        for h in cells:
            grid[level][h.column] = Cell([Paragraph("table-header", [Span(h.text)])], colspan=h.colspan,
                                         vmerge="restart" if h.rowspan > 1 else None, align="center", bold=True)
            for below in range(level + 1, level + h.rowspan):
                grid[below][h.column] = Cell([Paragraph("table-header", [])], colspan=h.colspan,
                                             vmerge="continue", align="center")
    rows = []
    for level in range(len(grid)):
        out, skip = [], 0
        for column in range(n):
            if skip:
                skip -= 1
                continue
            cell_ = grid[level][column]
            if cell_ is None:
                continue
            out.append(cell_)
            skip = cell_.colspan - 1
        rows.append(out)
    return rows


def row(ctx: Context, out_row: OutRow, computed: ComputedTable, aligns: list[str]) -> list[Cell]:
    """A row's cells; `aligns`: each column's alignment."""
    n = len(computed.columns)
    if out_row.kind == "group":
        # a group row stays with the first row of its group
        code = Cell([Paragraph("table-text", [Span(out_row.cells[0] or "")], keep_with_next=True)],
                    align="center", bold=out_row.bold)
        title = Cell([Paragraph("table-text", [Span(out_row.group_title)], keep_with_next=True,
                                italic=out_row.italic)], colspan=n - 1, align="left", bold=out_row.bold)
        return [code, title] if out_row.cells[0] else [Cell(title.blocks, colspan=n, align="left", bold=out_row.bold)]
    cells = [cell(ctx, content, align) for content, align in zip(out_row.cells, aligns)]
    if out_row.kind == "total":
        cells[1] = Cell([Paragraph("table-text", [Span(out_row.group_title)])], align="center", bold=True)
        for c in cells:
            c.bold = True
    return cells
