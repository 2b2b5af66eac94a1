"""The .docx writer: lays out the document tree with the template's styles .docx.

It decides nothing about content; it maps roles to the styles of styles.docx and
writes WordprocessingML directly with lxml, in one pass and in the schema's
order. The template package is read once per process (`styles_package`); its
unchanged parts go into the output as they are.
"""

from __future__ import annotations

import copy
import math
from pathlib import Path

from lxml import etree

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
from reportgen.writers import ooxml, properties
from reportgen.writers.ooxml import SECTPR_ORDER, XML_SPACE, w
from reportgen.writers.package import Package, serialize
from reportgen.writers.roles import ROLES

CELL_PADDING_MM = 3.0
# A row taller than this share of the page may split across pages: keeping it whole would
# leave most of a page empty (the header and a group row alone) before it.
SPLIT_ROW_SHARE = 0.35
PT_TO_MM = 0.3528
HEADER_DISTANCE_MM = 10.0

RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
MAIN_DOCUMENT = RT + "officeDocument"

# Tag names computed once: the hot path builds thousands of these.
P, PPR, PSTYLE, KEEPNEXT, IND, JC = w("p"), w("pPr"), w("pStyle"), w("keepNext"), w("ind"), w("jc")
R, RPR, T, BR, TAB = w("r"), w("rPr"), w("t"), w("br"), w("tab")
B, I, SZ, VERTALIGN, RSTYLE = w("b"), w("i"), w("sz"), w("vertAlign"), w("rStyle")
TBL, TBLPR, TBLGRID, GRIDCOL, TR, TRPR, TC, TCPR = (w("tbl"), w("tblPr"), w("tblGrid"), w("gridCol"), w("tr"),
                                                   w("trPr"), w("tc"), w("tcPr"))
VAL, SECTPR = w("val"), w("sectPr")
ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}

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
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="w14 wp14"/>'
)
_FOOTNOTES_ROOT = (
    f'<w:footnotes xmlns:w="{ooxml.W_NS}" xmlns:r="{ooxml.R_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    '</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '</w:footnotes>'
)


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


def length_twips(mm: float) -> int:
    """Twips of a length given in mm, rounded as Word's own EMU-based lengths are."""
    return int(round(int(mm * 36000) / 635))


class StylesPackage:
    """The template's styles.docx, parsed once: its parts, its style ids, its body's section properties."""

    def __init__(self, path: Path, data: bytes):
        self.path = path
        try:
            self.package = Package.read(data)
            document_rel = next(r for r in self.package.rels[""] if r.type == MAIN_DOCUMENT)
            self.document_part = document_rel.target.lstrip("/")
            self.document_xml = self.package.read_part(self.document_part)
            styles_part = self._related(RT + "styles")
            styles = etree.fromstring(self.package.read_part(styles_part))
            settings_part = self._related(RT + "settings")
            self.settings_part = settings_part
            self.settings_xml = self.package.read_part(settings_part) if settings_part else None
        except (KeyError, StopIteration, etree.XMLSyntaxError, ValueError, OSError) as exc:
            raise ReportError(Diagnostic(Location(display_path(path)),
                                         f"tệp kiểu (styles.docx) không đọc được: {exc}")) from None
        except Exception as exc:  # zipfile.BadZipFile and the like: not a .docx at all
            raise ReportError(Diagnostic(Location(display_path(path)),
                                         f"tệp kiểu (styles.docx) không phải tệp .docx: {exc}")) from None
        self.style_ids = {}
        for style in styles.iter(w("style")):
            name = style.find(w("name"))
            if name is not None and name.get(VAL) not in self.style_ids:
                self.style_ids[name.get(VAL)] = style.get(w("styleId"))
        missing = [style_name(r) for r in ROLES if style_name(r) not in self.style_ids]
        if missing:
            raise ReportError(Diagnostic(Location(display_path(path)),
                                         f"tệp kiểu thiếu các kiểu đoạn: {', '.join(missing)}"))
        body = etree.fromstring(self.document_xml).find(w("body"))
        found = body.find(SECTPR) if body is not None else None
        self.sect_pr = found if found is not None else etree.Element(SECTPR)
        for ref in self.sect_pr.findall(w("headerReference")):
            self.sect_pr.remove(ref)

    def _related(self, rel_type: str) -> str | None:
        from reportgen.writers.package import resolve

        rel = next((r for r in self.package.rels.get(self.document_part, []) if r.type == rel_type), None)
        return resolve(self.document_part, rel.target) if rel else None


_PACKAGES: dict[tuple, StylesPackage] = {}


def styles_package(path: Path) -> StylesPackage:
    """The parsed styles package, read from disk once per process (again only if the file changed)."""
    if not path.is_file():
        raise ReportError(Diagnostic(Location(display_path(path)), "không tìm thấy tệp kiểu (styles.docx) của mẫu"))
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _PACKAGES:
        _PACKAGES[key] = StylesPackage(path, path.read_bytes())
    return _PACKAGES[key]


class DocxWriter:
    def __init__(self, styles: StylesPackage):
        self.styles = styles
        self.style_ids = {role: styles.style_ids[style_name(role)] for role in ROLES}
        self.package = styles.package.copy()
        self.footnotes = None
        self.next_note_id = 1

    # --- entry point ---
    def render(self, document: Document) -> bytes:
        styles = self.styles
        package = self.package
        package.drop_relationships(styles.document_part, {RT + "header", RT + "footnotes"})
        root = etree.fromstring(styles.document_xml)
        body = root.find(w("body"))
        if body is None:
            body = etree.SubElement(root, w("body"))
        body.clear()
        last = len(document.sections) - 1
        page = document.page
        for index, section in enumerate(document.sections):
            self.page_text_height = (page.width_mm if section.landscape else page.height_mm) - page.top_mm \
                - page.bottom_mm
            for block in section.blocks:
                self._block(body, block, document.page.text_width(section.landscape))
            sect_pr = self._section_properties(document, section, index)
            if index < last:
                etree.SubElement(etree.SubElement(body, P), PPR).append(sect_pr)
            else:
                body.append(sect_pr)
        package.set_part(styles.document_part, serialize(root))
        if self.footnotes is not None:
            self._add_part(RT + "footnotes", "word/footnotes.xml", CT + "footnotes+xml", self.footnotes)
            if styles.settings_xml is not None:
                settings = etree.fromstring(styles.settings_xml)
                ooxml.footnote_settings(settings)
                package.set_part(styles.settings_part, serialize(settings))
        properties.write_core(package, document)
        return package.to_bytes()

    def _add_part(self, rel_type: str, name: str, content_type: str, element) -> str:
        rel_id = self.package.relate(self.styles.document_part, rel_type, name.split("/", 1)[1])
        self.package.set_part(name, serialize(element), content_type)
        return rel_id

    # --- sections and pages ---
    def _section_properties(self, document: Document, section: Section, index: int):
        """The section's sectPr: the template's, with this section's page, margins and headers."""
        sect_pr = copy.deepcopy(self.styles.sect_pr)
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
        return sect_pr

    def _page_number_header(self, with_number: bool) -> str:
        """A header part holding one page-number paragraph (the PAGE field, or empty for page 1)."""
        root = etree.fromstring(_HEADER_ROOT)
        p = etree.SubElement(root, P)
        etree.SubElement(etree.SubElement(p, PPR), PSTYLE, {VAL: self.style_ids["page-number"]})
        if with_number:
            ooxml.append_page_field(p)
        name = self.package.next_partname("word/header%d.xml")
        return self._add_part(RT + "header", name, CT + "header+xml", root)

    # --- blocks ---
    def _block(self, parent, block, width_mm: float, font_size: float | None = None) -> None:
        if isinstance(block, Paragraph):
            self._paragraph(parent, block, font_size)
        elif isinstance(block, Rule):
            self._rule(parent, block, width_mm)
        elif isinstance(block, Table):
            self._table(parent, block, width_mm)

    def _paragraph_start(self, parent, role: str, keep_next: bool = False):
        p = etree.SubElement(parent, P)
        ppr = etree.SubElement(p, PPR)
        etree.SubElement(ppr, PSTYLE, {VAL: self.style_ids[role]})
        if keep_next:
            etree.SubElement(ppr, KEEPNEXT)
        return p, ppr

    def _paragraph(self, parent, para: Paragraph, font_size: float | None = None, align: str | None = None,
                   bold: bool = False) -> None:
        p, ppr = self._paragraph_start(parent, para.role, para.keep_with_next)
        if para.first_line_indent is False:
            etree.SubElement(ppr, IND, {w("firstLine"): "0"})
        chosen = para.align or align
        if chosen:
            etree.SubElement(ppr, JC, {VAL: ALIGN[chosen]})
        self._inlines(p, para.inlines, bold or para.bold, para.italic, font_size)

    def _inlines(self, p, inlines: list, bold: bool, italic: bool, font_size: float | None) -> None:
        size = str(int(round(font_size * 2))) if font_size else None
        for item in inlines:
            if isinstance(item, Span):
                run = etree.SubElement(p, R)
                if item.bold or bold or item.italic or italic or item.superscript or size:
                    rpr = etree.SubElement(run, RPR)
                    if item.bold or bold:
                        etree.SubElement(rpr, B)
                    if item.italic or italic:
                        etree.SubElement(rpr, I)
                    if size:
                        etree.SubElement(rpr, SZ, {VAL: size})
                    if item.superscript:
                        etree.SubElement(rpr, VERTALIGN, {VAL: "superscript"})
                _run_text(run, item.text)
            elif isinstance(item, LineBreak):
                etree.SubElement(etree.SubElement(p, R), BR)
            elif isinstance(item, Footnote):
                p.append(self._footnote(item))

    def _footnote(self, note: Footnote):
        """Add the note to the footnotes part; return the reference run for the text."""
        if self.footnotes is None:
            self.footnotes = etree.fromstring(_FOOTNOTES_ROOT)
        note_id = self.next_note_id
        self.next_note_id += 1
        element = etree.SubElement(self.footnotes, w("footnote"), {w("id"): str(note_id)})
        p = etree.SubElement(element, P)
        etree.SubElement(etree.SubElement(p, PPR), PSTYLE, {VAL: "FootnoteText"})
        p.append(_reference_run(note_id, in_note=True))
        if note.content:
            space = etree.SubElement(etree.SubElement(p, R), T, {XML_SPACE: "preserve"})
            space.text = " "
        self._inlines(p, note.content, False, False, None)
        return _reference_run(note_id)

    def _rule(self, parent, rule: Rule, width_mm: float) -> None:
        p, ppr = self._paragraph_start(parent, "rule")
        side = str(length_twips(max((width_mm - rule.length_mm) / 2, 0)))
        ooxml.top_border(ppr)
        etree.SubElement(ppr, IND, {w("left"): side, w("right"): side})

    def _table(self, parent, table: Table, width_mm: float) -> None:
        tbl = etree.SubElement(parent, TBL)
        ooxml.table_properties(etree.SubElement(tbl, TBLPR), table.widths_mm, table.borders, table.indent_mm)
        grid = etree.SubElement(tbl, TBLGRID)
        for width in table.widths_mm:
            etree.SubElement(grid, GRIDCOL, {w("w"): str(ooxml.twips(width))})
        size = table.font_size if table.role == "table" else None
        rows = [(row, True) for row in table.header_rows] + [(row, False) for row in table.rows]
        for cells, is_header in rows:
            tr = etree.SubElement(tbl, TR)
            if table.borders:
                whole = is_header or estimated_height_mm(cells, table.widths_mm, table.font_size) \
                    < SPLIT_ROW_SHARE * self.page_text_height
                ooxml.row_properties(etree.SubElement(tr, TRPR), is_header, keep_whole=whole)
            column = 0
            for cell in cells:
                width = sum(table.widths_mm[column:column + cell.colspan])
                column += cell.colspan
                tc = etree.SubElement(tr, TC)
                ooxml.cell_properties(etree.SubElement(tc, TCPR), width, cell.colspan, cell.vmerge, table.borders)
                inner = width - (CELL_PADDING_MM if table.borders else 0)
                align = cell.align if table.role == "table" else None
                for block in cell.blocks or [Paragraph("table-text", [])]:
                    if isinstance(block, Paragraph):
                        self._paragraph(tc, block, size, align, bold=cell.bold)
                    else:
                        self._block(tc, block, inner)
                        if isinstance(block, Table):
                            etree.SubElement(tc, P)  # a cell ends with a paragraph


def _run_text(run, text: str) -> None:
    """The run's text as w:t, with tabs and line breaks as their own elements (as Word stores them)."""
    if "\t" in text or "\n" in text or "\r" in text:
        buffer = ""
        for char in text:
            if char in "\t\r\n":
                if buffer:
                    _t(run, buffer)
                    buffer = ""
                etree.SubElement(run, TAB if char == "\t" else BR)
            else:
                buffer += char
        if buffer:
            _t(run, buffer)
    elif text:
        _t(run, text)


def _t(run, text: str) -> None:
    element = etree.SubElement(run, T)
    if text[0].isspace() or text[-1].isspace():
        element.set(XML_SPACE, "preserve")
    element.text = text


def _reference_run(note_id: int, in_note: bool = False):
    """A run holding the footnote's number: in the text (footnoteReference) or in the note (footnoteRef)."""
    run = etree.Element(R)
    rpr = etree.SubElement(run, RPR)
    etree.SubElement(rpr, RSTYLE, {VAL: "FootnoteReference"})
    etree.SubElement(rpr, VERTALIGN, {VAL: "superscript"})
    if in_note:
        etree.SubElement(run, w("footnoteRef"))
    else:
        etree.SubElement(run, w("footnoteReference"), {w("id"): str(note_id)})
    return run


def write_docx(document: Document, styles_path: Path) -> bytes:
    return DocxWriter(styles_package(Path(styles_path))).render(document)
