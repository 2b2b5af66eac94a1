"""The .docx writer: lays out the document tree with the template's styles .docx.

It decides nothing about content; it maps roles to the styles of styles.docx. The
body is written in one pass as WordprocessingML text, each element's children in
the order of its CT_ type (so the order is right by construction, and a 10,000-row
table costs what its text costs); the parts taken from the template (section
properties, settings) are edited with lxml through the order tables of `ooxml`.
The template package is read once per process; its unchanged parts are copied as
they are.
"""

from __future__ import annotations

import copy
from math import ceil
from pathlib import Path

from lxml import etree

from reportgen.document import (
    Cell,
    Document,
    Footnote,
    LineBreak,
    Paragraph,
    Rule,
    Section,
    Span,
    Table,
)
from reportgen.writers import ooxml, properties, shapes
from reportgen.writers.ooxml import escape_attribute, escape_text, w
from reportgen.writers.package import DeflateStream, serialize
from reportgen.writers.roles import ROLES
from reportgen.writers.template import RT, StylesPackage, style_name, styles_package

CELL_PADDING_MM = 3.0
# A row taller than this share of the page may split across pages: keeping it whole would
# leave most of a page empty (the header and a group row alone) before it.
SPLIT_ROW_SHARE = 0.35
PT_TO_MM = 0.3528
HEADER_DISTANCE_MM = 10.0
# The rule's distance below the top of its paragraph, which starts where the text's line ends
# (below its descenders): enough to leave a visible gap under dấu nặng.
RULE_BELOW_PT = 2.0
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
XML_DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}
Sink = "list[str] | DeflateStream"  # anything with append(str)
_EMPTY_CELL = Paragraph("table-text", [])  # what a cell without blocks holds (Word requires a paragraph)
REFERENCE_RPR = '<w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr>'

_HEADER_ROOT = (
    '<w:hdr xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main" xmlns:mv="urn:schemas-microsoft-com:mac:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="w14 wp14">'
)
_FOOTNOTES_START = (
    f'<w:footnotes xmlns:w="{ooxml.W_NS}" xmlns:r="{ooxml.R_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    '</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)
_PAGE_FIELD = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE '
               '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
               '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


class _Columns:
    """One table's columns: what a cell's place (its first column and span) gives, worked out once
    per table, since all rows of a long table share a few places."""

    def __init__(self, table: Table):
        self.table = table
        self._cells: dict[tuple, tuple[str, float]] = {}

    def cell(self, column: int, cell: Cell) -> tuple[str, float]:
        """(<w:tc> and its w:tcPr, the characters a line of the cell holds)."""
        key = (column, cell.colspan, cell.vmerge)
        found = self._cells.get(key)
        if found is None:
            width = sum(self.table.widths_mm[column:column + cell.colspan])
            char_mm = self.table.font_size * PT_TO_MM * 0.48
            start = "<w:tc>" + ooxml.cell_properties_xml(width, cell.colspan, cell.vmerge, self.table.borders)
            found = self._cells[key] = (start, max((width - CELL_PADDING_MM) / char_mm, 1))
        return found


def length_twips(mm: float) -> int:
    """Twips of a length given in mm, rounded as Word's own EMU-based lengths are."""
    return round(int(mm * 36000) / 635)


class DocxWriter:
    def __init__(self, styles: StylesPackage):
        self.styles = styles
        self.style_tags = {role: f'<w:pStyle w:val="{escape_attribute(styles.style_ids[style_name(role)])}"/>'
                           for role in ROLES}
        self.package = styles.package.copy()
        self.notes: list[str] = []
        self.shapes = 0  # drawing ids, unique in the document
        self.page_text_height = 0.0
        self._paragraph_starts: dict[tuple, str] = {}  # w:p with its w:pPr, for each way of setting one
        self._run_starts: dict[tuple, str] = {}  # w:r with its w:rPr, for each way of setting one

    # --- entry point ---
    def render(self, document: Document) -> bytes:
        styles, package = self.styles, self.package
        package.drop_relationships(styles.document_part, {RT + "header", RT + "footnotes"})
        head, tail = self._document_frame()
        out = DeflateStream()
        out.append(head)
        page = document.page
        last = len(document.sections) - 1
        for index, section in enumerate(document.sections):
            self.page_text_height = (page.width_mm if section.landscape else page.height_mm) - page.top_mm \
                - page.bottom_mm
            if index == 0 and section.blocks and isinstance(section.blocks[0], Table):
                out.append(self._spacer_before_first_table())
            for block in section.blocks:
                self._block(out, block)
            sect_pr = self._section_properties(document, section, index)
            out.append(f"<w:p><w:pPr>{sect_pr}</w:pPr></w:p>" if index < last else sect_pr)
        out.append(tail)
        package.set_part(styles.document_part, out.entry())
        if self.notes:
            self._add_part(RT + "footnotes", "word/footnotes.xml", CT + "footnotes+xml",
                           XML_DECLARATION + _FOOTNOTES_START + "".join(self.notes) + "</w:footnotes>")
        if styles.settings_xml is not None:
            settings = etree.fromstring(styles.settings_xml)
            ooxml.zoom_settings(settings)
            if self.notes:
                ooxml.footnote_settings(settings)
            else:  # a template saved by Word names separator notes that are no longer there
                for stale in settings.findall(w("footnotePr")):
                    settings.remove(stale)
            package.set_part(styles.settings_part, serialize(settings))
        properties.write_core(package, document)
        properties.write_app(package)
        return package.to_bytes()

    def _document_frame(self) -> tuple[str, str]:
        """The template's document part up to and after its body: root and namespaces kept."""
        root = etree.fromstring(self.styles.document_xml)
        for old in root.findall(w("body")):
            root.remove(old)
        etree.SubElement(root, w("body"))
        head, _, tail = serialize(root).decode("utf-8").rpartition("<w:body/>")
        return head + "<w:body>", "</w:body>" + tail

    def _add_part(self, rel_type: str, name: str, content_type: str, xml: str) -> str:
        rel_id = self.package.relate(self.styles.document_part, rel_type, name.split("/", 1)[1])
        self.package.set_part(name, xml.encode("utf-8"), content_type)
        return rel_id

    # --- sections and pages ---
    def _section_properties(self, document: Document, section: Section, index: int) -> str:
        """The section's sectPr: the template's, with this section's page, margins and headers."""
        # Held under an element declaring the document's namespaces, so r:id gets the r: prefix.
        holder = etree.Element(w("body"), nsmap=self.styles.namespaces)
        sect_pr = copy.deepcopy(self.styles.sect_pr)
        holder.append(sect_pr)
        if index < len(document.sections) - 1:
            sect_pr.attrib.clear()
        page = document.page
        width, height = (page.height_mm, page.width_mm) if section.landscape else (page.width_mm, page.height_mm)
        ooxml.page_size(sect_pr, length_twips(width), length_twips(height), section.landscape)
        ooxml.page_margins(sect_pr, *(length_twips(x) for x in (page.top_mm, page.right_mm, page.bottom_mm,
                                                                 page.left_mm, HEADER_DISTANCE_MM,
                                                                 HEADER_DISTANCE_MM)))
        if section.restart_page_numbers:
            ooxml.restart_page_numbers(sect_pr)
        else:
            for old in sect_pr.findall(w("pgNumType")):
                sect_pr.remove(old)
        ooxml.title_page(sect_pr)
        if index == 0:
            for kind, with_number in (("default", True), ("first", False)):
                ooxml.header_reference(sect_pr, kind, self._page_number_header(with_number))
        return ooxml.fragment(sect_pr, self.styles.namespaces)

    def _page_number_header(self, with_number: bool) -> str:
        """A header part holding one page-number paragraph (the PAGE field, or empty for page 1)."""
        xml = (XML_DECLARATION + _HEADER_ROOT + f"<w:p><w:pPr>{self.style_tags['page-number']}</w:pPr>"
               + (_PAGE_FIELD if with_number else "") + "</w:p></w:hdr>")
        return self._add_part(RT + "header", self.package.next_partname("word/header%d.xml"), CT + "header+xml", xml)

    # --- blocks ---
    def _block(self, out: Sink, block) -> None:
        if isinstance(block, Paragraph):
            self._paragraph(out, block)
        elif isinstance(block, Rule):
            self._rule(out, block)
        elif isinstance(block, Table):
            self._table(out, block)

    def _paragraph(self, out: Sink, para: Paragraph, font_size: float | None = None,
                   align: str | None = None, bold: bool = False) -> int:
        """w:p with w:pPr in CT_PPr order: pStyle, keepNext, ind, jc; returns the length of its text."""
        key = (para.role, para.keep_with_next, para.first_line_indent is False, para.align or align)
        start = self._paragraph_starts.get(key)
        if start is None:
            start = self._paragraph_starts[key] = self._paragraph_start(*key)
        if not para.inlines:  # an empty cell's paragraph, most often
            out.append(start + "</w:p>")
            return 0
        out.append(start)
        length = self._inlines(out, para.inlines, bold or para.bold, para.italic, font_size)
        out.append("</w:p>")
        return length

    def _paragraph_start(self, role: str, keep_with_next: bool, no_indent: bool, align: str | None) -> str:
        ppr = self.style_tags[role]
        if keep_with_next:
            ppr += "<w:keepNext/>"
        if no_indent:
            ppr += '<w:ind w:firstLine="0"/>'
        if align:
            ppr += f'<w:jc w:val="{ALIGN[align]}"/>'
        return f"<w:p><w:pPr>{ppr}</w:pPr>"

    def _inlines(self, out: Sink, inlines: list, bold: bool, italic: bool, font_size: float | None) -> int:
        """The runs; returns the length of their text (a line break counts one, a footnote nothing)."""
        length = 0
        for item in inlines:
            if isinstance(item, Span):
                length += len(item.text)
                key = (item.bold or bold, item.italic or italic, font_size, item.superscript)
                start = self._run_starts.get(key)
                if start is None:
                    start = self._run_starts[key] = _run_start(*key)
                content = _run_content(item.text)
                out.append(f"{start}{content}</w:r>" if start != "<w:r>" or content else "<w:r/>")
            elif isinstance(item, LineBreak):
                length += 1
                out.append("<w:r><w:br/></w:r>")
            elif isinstance(item, Footnote):
                out.append(self._footnote(item))
        return length

    def _footnote(self, note: Footnote) -> str:
        """Add the note to the footnotes part; return the reference run for the text."""
        note_id = len(self.notes) + 1
        body = [f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                + f"<w:r>{REFERENCE_RPR}<w:footnoteRef/></w:r>"]
        if note.content:
            body.append('<w:r><w:t xml:space="preserve"> </w:t></w:r>')
        self.notes.append("")  # the id is taken before notes inside the note's text
        self._inlines(body, note.content, False, False, None)
        body.append("</w:p></w:footnote>")
        self.notes[note_id - 1] = "".join(body)
        return f'<w:r>{REFERENCE_RPR}<w:footnoteReference w:id="{note_id}"/></w:r>'

    def _spacer_before_first_table(self) -> str:
        """A hidden 1 pt paragraph before a document that opens with a table (the header block).

        LibreOffice adds a blank line above a table that opens a document with footnotes,
        pushing page 1 down 16 pt; with a paragraph first it lays the table at the margin.
        Word does not show the paragraph (its mark is hidden) and it takes 1 pt at most.
        """
        return (f"<w:p><w:pPr>{self.style_tags['rule']}"
                '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
                '<w:rPr><w:vanish/><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>')

    def _rule(self, out: Sink, rule: Rule) -> None:
        """A drawn line in a small paragraph of its own right under the text (see writers/shapes.py)."""
        self.shapes += 1
        out.append(f"<w:p><w:pPr>{self.style_tags['rule']}</w:pPr>"
                   + shapes.line_run(self.shapes, rule.length_mm, RULE_BELOW_PT) + "</w:p>")

    def _table(self, out: Sink, table: Table) -> None:
        widths = table.widths_mm
        out.append("<w:tbl>" + ooxml.table_properties_xml(widths, table.borders, table.indent_mm)
                   + ooxml.table_grid_xml(widths))
        limit = SPLIT_ROW_SHARE * self.page_text_height
        columns = _Columns(table)
        for cells in table.header_rows:
            out.append(self._row(cells, columns, True, limit))
        for cells in table.rows:
            out.append(self._row(cells, columns, False, limit))  # one string per row: a long table stays small
        out.append("</w:tbl>")

    def _row(self, cells: list[Cell], columns: _Columns, is_header: bool, limit_mm: float) -> str:
        """A w:tr. In a bordered table a row is kept whole on its page, but one whose text looks
        taller than `limit_mm` (a rough height, from its characters per line); a borderless
        table's rows (the header block, the signature) are always kept whole."""
        table = columns.table
        in_cell_style = table.role == "table"  # else the cells' paragraphs keep their own size and alignment
        size = table.font_size if in_cell_style else None
        out = ["<w:tr>", ""]  # [1]: the w:trPr, once the cells' text is measured
        tallest, column = 0.0, 0
        for cell in cells:
            start, per_line = columns.cell(column, cell)
            out.append(start)
            column += cell.colspan
            align = cell.align if in_cell_style else None
            lines = 0
            for block in cell.blocks:
                if isinstance(block, Paragraph):
                    lines += max(1, ceil(self._paragraph(out, block, size, align, cell.bold) / per_line))
                else:
                    self._block(out, block)
                    if isinstance(block, Table):
                        out.append("<w:p/>")  # a cell ends with a paragraph
            if not cell.blocks:
                self._paragraph(out, _EMPTY_CELL, size, align, cell.bold)
            height = lines * table.font_size * PT_TO_MM * 1.15 + len(cell.blocks) * 1.4
            if height > tallest:
                tallest = height
            out.append("</w:tc>")
        if table.borders:
            out[1] = ooxml.row_properties_xml(is_header, keep_whole=is_header or tallest < limit_mm)
        else:  # a layout table (the header block, the signature beside Nơi nhận): never split across pages
            out[1] = ooxml.row_properties_xml(is_header)
        out.append("</w:tr>")
        return "".join(out)


def _run_start(bold: bool, italic: bool, font_size: float | None, superscript: bool) -> str:
    """w:r and its w:rPr in CT_RPr order: b, i, sz, vertAlign."""
    rpr = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") \
        + (f'<w:sz w:val="{round(font_size * 2)}"/>' if font_size else "") \
        + ('<w:vertAlign w:val="superscript"/>' if superscript else "")
    return f"<w:r><w:rPr>{rpr}</w:rPr>" if rpr else "<w:r>"


def _run_content(text: str) -> str:
    """The run's text as w:t, with tabs and line breaks as their own elements (as Word stores them)."""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return _t(text) if text else ""
    out, buffer = [], ""
    for char in text:
        if char in "\t\r\n":
            if buffer:
                out.append(_t(buffer))
                buffer = ""
            out.append("<w:tab/>" if char == "\t" else "<w:br/>")
        else:
            buffer += char
    if buffer:
        out.append(_t(buffer))
    return "".join(out)


def _t(text: str) -> str:
    if text[0].isspace() or text[-1].isspace():
        return f'<w:t xml:space="preserve">{escape_text(text)}</w:t>'
    return f"<w:t>{escape_text(text)}</w:t>"


def write_docx(document: Document, styles_path: Path) -> bytes:
    return DocxWriter(styles_package(Path(styles_path))).render(document)
