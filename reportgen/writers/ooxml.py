"""WordprocessingML element builders, in the schema's child order by construction.

Each parent's child sequence (the CT_ types of ISO/IEC 29500-1) is declared once
as data; `put` inserts a child before the first existing sibling that the schema
places after it, so a helper writing into an element that already holds other
children (a styles.docx edited in Word) still gives a valid document.
"""

from __future__ import annotations

import re

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MM_TO_TWIPS = 1440 / 25.4


def w(name: str) -> str:
    """The Clark name of a w: element or attribute."""
    return f"{{{W_NS}}}{name}"


def twips(mm: float) -> int:
    return round(mm * MM_TO_TWIPS)


def _sequence(*names: str) -> dict[str, int]:
    return {(name if name.startswith("{") else w(name)): index for index, name in enumerate(names)}


M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
SL_NS = "http://schemas.openxmlformats.org/schemaLibrary/2006/main"

# CT_PPr (17.3.1.26)
PPR_ORDER = _sequence(
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
# CT_RPr (17.3.2.28)
RPR_ORDER = _sequence(
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
    "em", "lang", "eastAsianLayout", "specVanish", "oMath")
# CT_SectPr (17.6.17); header and footer references form one leading group.
SECTPR_ORDER = _sequence(
    "headerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc", "pgBorders",
    "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi",
    "rtlGutter", "docGrid", "printerSettings", "sectPrChange")
SECTPR_ORDER[w("footerReference")] = SECTPR_ORDER[w("headerReference")]
# CT_TblPr (17.4.60)
TBLPR_ORDER = _sequence(
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
    "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
    "tblDescription", "tblPrChange")
# CT_TrPr is a choice group (any order is valid); this is the order Word writes.
TRPR_ORDER = _sequence(
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight", "tblHeader",
    "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange")
# CT_TcPr (17.4.70)
TCPR_ORDER = _sequence(
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
    "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange")
# CT_Settings (17.15.1.78): the elements reportgen writes and those around them.
SETTINGS_ORDER = _sequence(
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges", "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors",
    "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate", "linkStyles",
    "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge", "revisionView",
    "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
    "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation", "consecutiveHyphenLimit",
    "hyphenationZone", "doNotHyphenateCaps", "showEnvelope", "summaryLength", "clickAndTypeStyle",
    "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting", "bookFoldPrinting",
    "bookFoldPrintingSheets", "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin",
    "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne",
    "strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
    "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
    "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat",
    "docVars", "rsids", f"{{{M_NS}}}mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", f"{{{SL_NS}}}schemaLibrary", "shapeDefaults",
    "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def put(parent, child, order: dict[str, int], replace: bool = True):
    """Insert `child` where the schema wants it among `parent`'s children; drop a same-named one first.

    Elements the sequence does not know (extensions of later Office versions) are
    taken to come after every known one, as the schemas' extension points do.
    """
    if replace:
        for old in parent.findall(child.tag):
            parent.remove(old)
    following = _first_after(parent, order.get(child.tag, len(order)), order)
    if following is None:
        parent.append(child)
    else:
        following.addprevious(child)
    return child


def add(parent, order: dict[str, int], name: str, attributes: dict | None = None, replace: bool = True):
    """A new w:`name` child with w: attributes, placed by `order` (see `put`); returns it."""
    tag = w(name)
    attrib = {w(k): str(v) for k, v in attributes.items()} if attributes else None
    if len(parent) == 0:
        return etree.SubElement(parent, tag, attrib)  # the common case: a fresh parent
    if replace:
        for old in parent.findall(tag):
            parent.remove(old)
    following = _first_after(parent, order.get(tag, len(order)), order)
    if following is None:
        return etree.SubElement(parent, tag, attrib)
    element = parent.makeelement(tag, attrib)
    following.addprevious(element)
    return element


def _first_after(parent, rank: int, order: dict[str, int]):
    for sibling in parent:
        if isinstance(sibling.tag, str) and order.get(sibling.tag, len(order)) > rank:
            return sibling
    return None


def get_or_add(parent, name: str, order: dict[str, int]):
    found = parent.find(w(name))
    return found if found is not None else add(parent, order, name)


def fragment(element, declared: dict | None = None) -> str:
    """`element` as text to splice into a part whose root declares `declared` (prefix -> URI):
    the declarations the serializer repeats on a detached element's first tag are dropped."""
    head, sep, rest = etree.tostring(element, encoding="unicode").partition(">")
    for prefix, uri in (declared if declared is not None else element.nsmap).items():
        if prefix:
            head = head.replace(f' xmlns:{prefix}="{uri}"', "")
    return head + sep + rest


# --- fields and sections -------------------------------------------------------------------

def restart_page_numbers(sect_pr, start: int = 1) -> None:
    add(sect_pr, SECTPR_ORDER, "pgNumType", {"start": start})


def page_size(sect_pr, width_twips: int, height_twips: int, landscape: bool) -> None:
    size = get_or_add(sect_pr, "pgSz", SECTPR_ORDER)
    size.set(w("w"), str(width_twips))
    size.set(w("h"), str(height_twips))
    if landscape:
        size.set(w("orient"), "landscape")
    elif w("orient") in size.attrib:
        del size.attrib[w("orient")]


def page_margins(sect_pr, top: int, right: int, bottom: int, left: int, header: int, footer: int) -> None:
    margins = sect_pr.find(w("pgMar"))
    if margins is None:
        margins = add(sect_pr, SECTPR_ORDER, "pgMar", dict.fromkeys(
            ("top", "right", "bottom", "left", "header", "footer", "gutter"), 0))
    for key, value in (("top", top), ("right", right), ("bottom", bottom), ("left", left),
                       ("header", header), ("footer", footer)):
        margins.set(w(key), str(value))


def header_reference(sect_pr, kind: str, rel_id: str) -> None:
    """A header reference, after the ones already there (they form one group at the start)."""
    ref = add(sect_pr, SECTPR_ORDER, "headerReference", {"type": kind}, replace=False)
    ref.set(f"{{{R_NS}}}id", rel_id)


def title_page(sect_pr) -> None:
    add(sect_pr, SECTPR_ORDER, "titlePg")


# --- tables (written as text: the writer's hot path; each in its CT_ sequence order) -------------

def table_properties_xml(widths_mm: list[float], borders: bool, indent_mm: float) -> str:
    """w:tblPr: width, indent, borders, fixed layout, cell margins (CT_TblPr order)."""
    out = [f'<w:tblPr><w:tblW w:w="{sum(twips(x) for x in widths_mm)}" w:type="dxa"/>']
    if indent_mm:
        out.append(f'<w:tblInd w:w="{twips(indent_mm)}" w:type="dxa"/>')
    edge = '"single" w:sz="4" w:space="0" w:color="000000"/>' if borders else '"nil"/>'
    out.append("<w:tblBorders>" + "".join(f"<w:{side} w:val={edge}"
                                          for side in ("top", "left", "bottom", "right", "insideH", "insideV")))
    margin = twips(1.5)
    out.append(f'</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/>'
               f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar></w:tblPr>')
    return "".join(out)


def table_grid_xml(widths_mm: list[float]) -> str:
    return "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{twips(x)}"/>' for x in widths_mm) + "</w:tblGrid>"


def row_properties_xml(header: bool, keep_whole: bool = True) -> str:
    inner = ("<w:cantSplit/>" if keep_whole else "") + ("<w:tblHeader/>" if header else "")
    return f"<w:trPr>{inner}</w:trPr>" if inner else "<w:trPr/>"


def cell_properties_xml(width_mm: float, colspan: int, vmerge: str | None, center_vertically: bool) -> str:
    """w:tcPr (CT_TcPr order: tcW, gridSpan, vMerge, vAlign)."""
    out = f'<w:tcPr><w:tcW w:w="{twips(width_mm)}" w:type="dxa"/>'
    if colspan > 1:
        out += f'<w:gridSpan w:val="{colspan}"/>'
    if vmerge:
        out += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
    if center_vertically:
        out += '<w:vAlign w:val="center"/>'
    return out + "</w:tcPr>"


# --- text -------------------------------------------------------------------------------------

# Characters XML 1.0 cannot hold at all (C0 controls but tab and newlines, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape_text(text: str) -> str:
    """Character data as libxml2 writes it (& < > and CR escaped); characters XML forbids dropped."""
    if _NOT_XML.search(text):
        text = _NOT_XML.sub("", text)
    if "&" in text or "<" in text or ">" in text or "\r" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return text


def escape_attribute(value: str) -> str:
    return (escape_text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;"))


# --- settings -------------------------------------------------------------------------------

def zoom_settings(settings, percent: int = 100) -> None:
    """Open at 100 % (w:percent is required by CT_Zoom); and no preview picture to save."""
    add(settings, SETTINGS_ORDER, "zoom", {"percent": percent})
    for preview in settings.findall(w("savePreviewPicture")):
        settings.remove(preview)


def footnote_settings(settings) -> None:
    """settings.xml names the separator notes (-1 and 0) every footnotes part starts with."""
    pr = add(settings, SETTINGS_ORDER, "footnotePr")
    etree.SubElement(pr, w("footnote"), {w("id"): "-1"})
    etree.SubElement(pr, w("footnote"), {w("id"): "0"})
