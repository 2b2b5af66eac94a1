"""WordprocessingML element builders, in the schema's child order by construction.

Each parent's child sequence (the CT_ types of ISO/IEC 29500-1) is declared once
as data; `put` inserts a child before the first existing sibling that the schema
places after it, so a helper writing into an element that already holds other
children (a styles.docx edited in Word) still gives a valid document.
"""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MM_TO_TWIPS = 1440 / 25.4


def w(name: str) -> str:
    """The Clark name of a w: element or attribute."""
    return f"{{{W_NS}}}{name}"


def twips(mm: float) -> int:
    return int(round(mm * MM_TO_TWIPS))


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
# CT_PBdr (17.3.1.24)
PBDR_ORDER = _sequence("top", "left", "bottom", "right", "between", "bar")
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
    rank = order.get(child.tag, len(order))
    for sibling in parent:
        if isinstance(sibling.tag, str) and order.get(sibling.tag, len(order)) > rank:
            sibling.addprevious(child)
            return child
    parent.append(child)
    return child


def make(name: str, **attributes) -> etree._Element:
    """A w: element with w: attributes (in the order given)."""
    element = etree.Element(w(name))
    for key, value in attributes.items():
        element.set(w(key), str(value))
    return element


def get_or_put(parent, name: str, order: dict[str, int]):
    found = parent.find(w(name))
    return found if found is not None else put(parent, make(name), order)


# --- fields and sections -------------------------------------------------------------------

def append_page_field(p) -> None:
    """A PAGE field (begin / instruction / separate / cached result / end) at the end of `p`."""
    run = etree.SubElement(p, w("r"))
    etree.SubElement(run, w("fldChar"), {w("fldCharType"): "begin"})
    run = etree.SubElement(p, w("r"))
    instr = etree.SubElement(run, w("instrText"), {XML_SPACE: "preserve"})
    instr.text = " PAGE "
    run = etree.SubElement(p, w("r"))
    etree.SubElement(run, w("fldChar"), {w("fldCharType"): "separate"})
    run = etree.SubElement(p, w("r"))
    etree.SubElement(run, w("t")).text = "1"
    run = etree.SubElement(p, w("r"))
    etree.SubElement(run, w("fldChar"), {w("fldCharType"): "end"})


def restart_page_numbers(sect_pr, start: int = 1) -> None:
    put(sect_pr, make("pgNumType", start=start), SECTPR_ORDER)


def page_size(sect_pr, width_twips: int, height_twips: int, landscape: bool) -> None:
    size = get_or_put(sect_pr, "pgSz", SECTPR_ORDER)
    size.set(w("w"), str(width_twips))
    size.set(w("h"), str(height_twips))
    if landscape:
        size.set(w("orient"), "landscape")
    elif w("orient") in size.attrib:
        del size.attrib[w("orient")]


def page_margins(sect_pr, top: int, right: int, bottom: int, left: int, header: int, footer: int) -> None:
    margins = sect_pr.find(w("pgMar"))
    if margins is None:
        margins = put(sect_pr, make("pgMar", top=0, right=0, bottom=0, left=0, header=0, footer=0, gutter=0),
                      SECTPR_ORDER)
    for key, value in (("top", top), ("right", right), ("bottom", bottom), ("left", left),
                       ("header", header), ("footer", footer)):
        margins.set(w(key), str(value))


def header_reference(sect_pr, kind: str, rel_id: str) -> None:
    """A header reference, after the ones already there (they form one group at the start)."""
    ref = make("headerReference", type=kind)
    ref.set(f"{{{R_NS}}}id", rel_id)
    put(sect_pr, ref, SECTPR_ORDER, replace=False)


def title_page(sect_pr) -> None:
    put(sect_pr, make("titlePg"), SECTPR_ORDER)


# --- paragraphs -----------------------------------------------------------------------------

def top_border(p_pr, size_eighths: int = 6) -> None:
    """A solid line on top of a paragraph."""
    borders = p_pr.find(w("pBdr"))
    if borders is None:
        borders = put(p_pr, make("pBdr"), PPR_ORDER)
    put(borders, make("top", val="single", sz=size_eighths, space=1, color="000000"), PBDR_ORDER)


# --- tables ---------------------------------------------------------------------------------

TABLE_PROPERTY_TAGS = ("tblW", "tblInd", "tblBorders", "tblLayout", "tblCellMar", "tblLook", "tblStyle")


def table_properties(tbl_pr, widths_mm: list[float], borders: bool, indent_mm: float) -> None:
    """Width, indent, borders, fixed layout and cell margins; anything else in `tbl_pr` keeps its place."""
    for tag in TABLE_PROPERTY_TAGS:
        for old in tbl_pr.findall(w(tag)):
            tbl_pr.remove(old)
    put(tbl_pr, make("tblW", w=sum(twips(x) for x in widths_mm), type="dxa"), TBLPR_ORDER)
    if indent_mm:
        put(tbl_pr, make("tblInd", w=twips(indent_mm), type="dxa"), TBLPR_ORDER)
    edges = make("tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if borders:
            etree.SubElement(edges, w(edge), {w("val"): "single", w("sz"): "4", w("space"): "0", w("color"): "000000"})
        else:
            etree.SubElement(edges, w(edge), {w("val"): "nil"})
    put(tbl_pr, edges, TBLPR_ORDER)
    put(tbl_pr, make("tblLayout", type="fixed"), TBLPR_ORDER)
    margins = make("tblCellMar")
    for side in ("left", "right"):
        etree.SubElement(margins, w(side), {w("w"): str(twips(1.5)), w("type"): "dxa"})
    put(tbl_pr, margins, TBLPR_ORDER)


def row_properties(tr_pr, header: bool, keep_whole: bool = True) -> None:
    if keep_whole:
        put(tr_pr, make("cantSplit"), TRPR_ORDER)
    if header:
        put(tr_pr, make("tblHeader"), TRPR_ORDER)


def cell_properties(tc_pr, width_mm: float, colspan: int, vmerge: str | None, center_vertically: bool) -> None:
    put(tc_pr, make("tcW", w=twips(width_mm), type="dxa"), TCPR_ORDER)
    if colspan > 1:
        put(tc_pr, make("gridSpan", val=colspan), TCPR_ORDER)
    if vmerge:
        put(tc_pr, make("vMerge", val="restart") if vmerge == "restart" else make("vMerge"), TCPR_ORDER)
    if center_vertically:
        put(tc_pr, make("vAlign", val="center"), TCPR_ORDER)


# --- settings -------------------------------------------------------------------------------

def footnote_settings(settings) -> None:
    """settings.xml names the separator notes (-1 and 0) every footnotes part starts with."""
    pr = make("footnotePr")
    etree.SubElement(pr, w("footnote"), {w("id"): "-1"})
    etree.SubElement(pr, w("footnote"), {w("id"): "0"})
    put(settings, pr, SETTINGS_ORDER)
