"""The Office Open XML that python-docx does not write: footnotes, the PAGE field,
section page numbering, paragraph borders for drawn rules, table properties,
and a byte-stable zip container."""

from __future__ import annotations

import io
import zipfile

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MM_TO_TWIPS = 1440 / 25.4


def twips(mm: float) -> int:
    return int(round(mm * MM_TO_TWIPS))


def deterministic_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps and attributes, so equal inputs give equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


# --- footnotes ----------------------------------------------------------------------------

_FOOTNOTES_XML = (
    f'<w:footnotes {nsdecls("w", "r")}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    '</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '</w:footnotes>'
)


class Footnotes:
    """The footnotes part: created on first use, numbered 1, 2, ... through the document."""

    def __init__(self, document):
        self.document = document
        self.element = None
        self.next_id = 1

    def _part(self):
        if self.element is None:
            self.element = parse_xml(_FOOTNOTES_XML)
            part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, self.element, self.document.part.package)
            self.document.part.relate_to(part, RT.FOOTNOTES)
            settings = self.document.settings.element
            pr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
            anchor = settings.find(qn("w:compat"))
            if anchor is not None:
                anchor.addprevious(pr)
            else:
                settings.append(pr)
        return self.element

    def add(self, paragraph_element) -> int:
        """Append a footnote whose body is `paragraph_element` (a w:p); return its id."""
        notes = self._part()
        note_id = self.next_id
        self.next_id += 1
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(note_id))
        ppr = paragraph_element.get_or_add_pPr()
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), "FootnoteText")
        ppr.insert(0, style)
        mark = reference_run(note_id, in_note=True)
        space = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.set(qn("xml:space"), "preserve")
        text.text = " "
        space.append(text)
        first_run = paragraph_element.find(qn("w:r"))
        if first_run is not None:
            first_run.addprevious(mark)
            first_run.addprevious(space)
        else:
            paragraph_element.append(mark)
        note.append(paragraph_element)
        notes.append(note)
        return note_id


def reference_run(note_id: int, in_note: bool = False):
    """A run holding the footnote's number: in the text (footnoteReference) or in the note (footnoteRef)."""
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "FootnoteReference")
    rpr.append(style)
    vert = OxmlElement("w:vertAlign")
    vert.set(qn("w:val"), "superscript")
    rpr.append(vert)
    run.append(rpr)
    if in_note:
        run.append(OxmlElement("w:footnoteRef"))
    else:
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(note_id))
        run.append(ref)
    return run


# --- fields and sections -------------------------------------------------------------------

def add_page_field(paragraph) -> None:
    """A PAGE field (begin / instruction / separate / cached result / end)."""
    p = paragraph._p
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = OxmlElement("w:r")
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run.append(t)
        p.append(run)


def restart_page_numbers(section, start: int = 1) -> None:
    sect_pr = section._sectPr
    existing = sect_pr.find(qn("w:pgNumType"))
    if existing is not None:
        sect_pr.remove(existing)
    num = OxmlElement("w:pgNumType")
    num.set(qn("w:start"), str(start))
    # pgNumType comes after pgMar/pgSz in the schema order; before cols.
    cols = sect_pr.find(qn("w:cols"))
    if cols is not None:
        cols.addprevious(num)
    else:
        sect_pr.append(num)


# --- paragraphs -----------------------------------------------------------------------------

def top_border(paragraph, size_eighths: int = 6) -> None:
    """A solid line on top of an (empty) paragraph: the decree's short drawn rules."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), str(size_eighths))
    top.set(qn("w:space"), "1")
    top.set(qn("w:color"), "000000")
    borders.append(top)
    # pBdr must precede spacing/ind/jc in pPr.
    anchor = next((ppr.find(qn(t)) for t in ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc")
                   if ppr.find(qn(t)) is not None), None)
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        ppr.append(borders)


# --- tables ---------------------------------------------------------------------------------

def table_properties(tbl, widths_mm: list[float], borders: bool, indent_mm: float) -> None:
    tbl_pr = tbl.tblPr
    for tag in ("w:tblW", "w:tblInd", "w:tblBorders", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblStyle"):
        for el in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(el)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(sum(twips(w) for w in widths_mm)))
    width.set(qn("w:type"), "dxa")
    tbl_pr.append(width)
    if indent_mm:
        ind = OxmlElement("w:tblInd")
        ind.set(qn("w:w"), str(twips(indent_mm)))
        ind.set(qn("w:type"), "dxa")
        tbl_pr.append(ind)
    edges = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single" if borders else "nil")
        if borders:
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        edges.append(el)
    tbl_pr.append(edges)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    margins = OxmlElement("w:tblCellMar")
    for side, value in (("left", 1.5), ("right", 1.5)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(twips(value)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)
    grid = tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(twips(w)))


def row_properties(tr, header: bool, keep_whole: bool = True) -> None:
    tr_pr = tr.get_or_add_trPr()
    if keep_whole:
        tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def cell_properties(tc, width_mm: float, colspan: int, vmerge: str | None, center_vertically: bool) -> None:
    tc_pr = tc.get_or_add_tcPr()
    for el in list(tc_pr):
        tc_pr.remove(el)
    width = OxmlElement("w:tcW")
    width.set(qn("w:w"), str(twips(width_mm)))
    width.set(qn("w:type"), "dxa")
    tc_pr.append(width)
    if colspan > 1:
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), str(colspan))
        tc_pr.append(span)
    if vmerge:
        merge = OxmlElement("w:vMerge")
        if vmerge == "restart":
            merge.set(qn("w:val"), "restart")
        tc_pr.append(merge)
    if center_vertically:
        align = OxmlElement("w:vAlign")
        align.set(qn("w:val"), "center")
        tc_pr.append(align)
