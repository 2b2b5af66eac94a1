"""The .docx writer: lays out the document tree with the template's styles .docx.

It decides nothing about content; it maps roles to the styles of styles.docx,
sizes tables and rules, and writes what python-docx cannot through ooxml.py.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from pathlib import Path

from docx import Document as open_docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from reportgen.document import (
    Document,
    Footnote,
    LineBreak,
    Paragraph,
    Rule,
    Section,
    Span,
    Table,
)
from reportgen.errors import Diagnostic, Location, ReportError, display_path
from reportgen.writers import ooxml

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
CELL_PADDING_MM = 3.0
# A row taller than this share of the page may split across pages: keeping it whole would
# leave most of a page empty (the header and a group row alone) before it.
SPLIT_ROW_SHARE = 0.35
PT_TO_MM = 0.3528


def estimated_height_mm(cells, widths_mm: list[float], font_size: float) -> float:
    """A rough height of a table row from its text, enough to decide whether to keep it whole."""
    tallest, column = 0.0, 0
    for cell in cells:
        width = sum(widths_mm[column:column + cell.colspan]) - CELL_PADDING_MM
        column += cell.colspan
        per_line = max(width / (font_size * PT_TO_MM * 0.48), 1)
        lines = sum(max(1, math.ceil(len(p.text) / per_line)) for p in cell.blocks if isinstance(p, Paragraph))
        tallest = max(tallest, lines * font_size * PT_TO_MM * 1.15 + len(cell.blocks) * 1.4)
    return tallest


def style_name(role: str) -> str:
    return f"RG {role}"


class DocxWriter:
    def __init__(self, styles_path: Path):
        self.styles_path = styles_path
        self.doc = None
        self.footnotes = None

    # --- entry point ---
    def render(self, document: Document) -> bytes:
        if not self.styles_path.is_file():
            raise ReportError(Diagnostic(Location(display_path(self.styles_path)), "không tìm thấy tệp kiểu (styles.docx) của mẫu"))
        self.doc = open_docx(str(self.styles_path))
        self._check_styles()
        # python-docx looks a style up by scanning every style; resolve each id once.
        self.style_ids = {s.name: s.style_id for s in self.doc.styles}
        self.footnotes = ooxml.Footnotes(self.doc)
        body = self.doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        for index, section in enumerate(document.sections):
            self._section(document, section, index)
        self._properties(document)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return ooxml.deterministic_zip(buffer.getvalue())

    def _check_styles(self) -> None:
        names = {s.name for s in self.doc.styles}
        from reportgen.writers.roles import ROLES

        missing = [style_name(r) for r in ROLES if style_name(r) not in names]
        if missing:
            raise ReportError(Diagnostic(Location(display_path(self.styles_path)),
                                         f"tệp kiểu thiếu các kiểu đoạn: {', '.join(missing)}"))

    # --- sections and pages ---
    def _section(self, document: Document, section: Section, index: int) -> None:
        word_section = self.doc.sections[0] if index == 0 else self.doc.add_section(WD_SECTION.NEW_PAGE)
        page = document.page
        if section.landscape:
            word_section.orientation = WD_ORIENT.LANDSCAPE
            word_section.page_width, word_section.page_height = Mm(page.height_mm), Mm(page.width_mm)
        else:
            word_section.orientation = WD_ORIENT.PORTRAIT
            word_section.page_width, word_section.page_height = Mm(page.width_mm), Mm(page.height_mm)
        word_section.top_margin, word_section.bottom_margin = Mm(page.top_mm), Mm(page.bottom_mm)
        word_section.left_margin, word_section.right_margin = Mm(page.left_mm), Mm(page.right_mm)
        word_section.header_distance = Mm(10)
        word_section.footer_distance = Mm(10)
        word_section.different_first_page_header_footer = True
        if index == 0:
            self._page_number_header(word_section)
        if section.restart_page_numbers:
            ooxml.restart_page_numbers(word_section)
        width = page.text_width(section.landscape)
        self.page_text_height = (page.width_mm if section.landscape else page.height_mm) - page.top_mm - page.bottom_mm
        for block in section.blocks:
            self._block(self.doc, block, width)

    def _page_number_header(self, word_section) -> None:
        header = word_section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        paragraph.style = self.doc.styles[style_name("page-number")]
        ooxml.add_page_field(paragraph)
        first = word_section.first_page_header
        first.is_linked_to_previous = False
        first.paragraphs[0].style = self.doc.styles[style_name("page-number")]

    def _new_paragraph(self, container, role: str):
        p = container.add_paragraph()
        p._p.get_or_add_pPr().style = self.style_ids[style_name(role)]
        return p

    # --- blocks ---
    def _block(self, container, block, width_mm: float, font_size: float | None = None) -> None:
        if isinstance(block, Paragraph):
            self._paragraph(container, block, width_mm, font_size)
        elif isinstance(block, Rule):
            self._rule(container, block, width_mm)
        elif isinstance(block, Table):
            self._table(container, block)

    def _paragraph(self, container, para: Paragraph, width_mm: float, font_size: float | None = None,
                   align: str | None = None):
        p = self._new_paragraph(container, para.role)
        fmt = p.paragraph_format
        chosen = para.align or align
        if chosen:
            fmt.alignment = ALIGN[chosen]
        if para.first_line_indent is False:
            fmt.first_line_indent = Mm(0)
        if para.keep_with_next:
            fmt.keep_with_next = True
        self._inlines(p, para.inlines, para, font_size)
        return p

    def _inlines(self, p, inlines: list, para: Paragraph, font_size: float | None) -> None:
        for item in inlines:
            if isinstance(item, Span):
                run = p.add_run(item.text)
                if item.bold or para.bold:
                    run.bold = True
                if item.italic or para.italic:
                    run.italic = True
                if item.superscript:
                    run.font.superscript = True
                if font_size:
                    run.font.size = Pt(font_size)
            elif isinstance(item, LineBreak):
                p.add_run().add_break()
            elif isinstance(item, Footnote):
                note_p = OxmlElement("w:p")
                self._inlines(DocxParagraph(note_p, p._parent), item.content, Paragraph("body", []), None)
                note_id = self.footnotes.add(note_p)
                p._p.append(ooxml.reference_run(note_id))

    def _rule(self, container, rule: Rule, width_mm: float) -> None:
        p = self._new_paragraph(container, "rule")
        side = max((width_mm - rule.length_mm) / 2, 0)
        p.paragraph_format.left_indent = Mm(side)
        p.paragraph_format.right_indent = Mm(side)
        ooxml.top_border(p)

    def _table(self, container, table: Table) -> None:
        n = len(table.widths_mm)
        all_rows = [(row, True) for row in table.header_rows] + [(row, False) for row in table.rows]
        word_table = container.add_table(rows=0, cols=n)
        tbl = word_table._tbl
        ooxml.table_properties(tbl, table.widths_mm, table.borders, table.indent_mm)
        for cells, is_header in all_rows:
            tr = OxmlElement("w:tr")
            tbl.append(tr)
            if table.borders:
                whole = is_header or estimated_height_mm(cells, table.widths_mm, table.font_size) \
                    < SPLIT_ROW_SHARE * self.page_text_height
                ooxml.row_properties(tr, is_header, keep_whole=whole)
            column = 0
            for cell in cells:
                width = sum(table.widths_mm[column:column + cell.colspan])
                tc = OxmlElement("w:tc")
                tr.append(tc)
                ooxml.cell_properties(tc, width, cell.colspan, cell.vmerge, table.borders)
                word_cell = _Cell(tc, word_table)
                inner = width - (CELL_PADDING_MM if table.borders else 0)
                blocks = cell.blocks or [Paragraph("table-text", [])]
                for block in blocks:
                    if isinstance(block, Paragraph):
                        if cell.bold:
                            block = Paragraph(block.role, block.inlines, block.align, block.first_line_indent,
                                              True, block.italic, keep_with_next=block.keep_with_next)
                        size = table.font_size if table.role == "table" else None
                        self._paragraph(word_cell, block, inner, size, cell.align if table.role == "table" else None)
                    else:
                        self._block(word_cell, block, inner)
                column += cell.colspan

    # --- properties ---
    def _properties(self, document: Document) -> None:
        props = self.doc.core_properties
        year, month, day = document.date
        stamp = dt.datetime(year, month, day, 0, 0, 0)
        props.title = document.title
        props.subject = document.subject
        props.author = document.author
        props.last_modified_by = document.author
        props.created = stamp
        props.modified = stamp
        props.last_printed = stamp
        props.revision = 1
        props.comments = "reportgen"
        props.keywords = ""
        props.category = ""


def write_docx(document: Document, styles_path: Path) -> bytes:
    return DocxWriter(styles_path).render(document)
