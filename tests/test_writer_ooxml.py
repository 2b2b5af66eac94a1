"""The OOXML helpers keep each parent's children in the schema's order, whatever the template already holds."""

import io
import zipfile

import pytest
from lxml import etree

from reportgen.pipeline import prepare
from reportgen.writers import ooxml
from reportgen.writers.docx import write_docx
from reportgen.writers.ooxml import PPR_ORDER, SECTPR_ORDER, SETTINGS_ORDER, W_NS, w

from conftest import MINI

NS = f'xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def children(parent) -> list[str]:
    return [etree.QName(c).localname for c in parent]


def assert_in_order(parent, order) -> None:
    ranks = [order.get(c.tag, len(order)) for c in parent]
    assert ranks == sorted(ranks), children(parent)


def sect_pr(inner: str):
    return etree.fromstring(f"<w:sectPr {NS}>{inner}</w:sectPr>")


def test_pgnumtype_goes_before_titlepg_and_docgrid_when_there_is_no_cols():
    sp = sect_pr('<w:pgSz w:w="1" w:h="2"/><w:pgMar w:top="1"/><w:vAlign w:val="top"/><w:titlePg/>'
                 '<w:docGrid w:linePitch="360"/>')
    ooxml.restart_page_numbers(sp)
    assert children(sp) == ["pgSz", "pgMar", "pgNumType", "vAlign", "titlePg", "docGrid"]


def test_pgnumtype_replaces_an_old_one_and_precedes_cols():
    sp = sect_pr('<w:pgSz/><w:pgNumType w:start="5"/><w:cols w:space="720"/><w:docGrid/>')
    ooxml.restart_page_numbers(sp)
    assert children(sp) == ["pgSz", "pgNumType", "cols", "docGrid"]
    assert sp.find(w("pgNumType")).get(w("start")) == "1"


def test_page_size_and_margins_inserted_after_type_and_footnote_properties():
    sp = sect_pr('<w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr><w:type w:val="nextPage"/>'
                 '<w:lnNumType w:countBy="1"/><w:docGrid/>')
    ooxml.page_margins(sp, 1134, 850, 1134, 1701, 567, 567)
    ooxml.page_size(sp, 16838, 11906, landscape=True)
    ooxml.title_page(sp)
    assert children(sp) == ["footnotePr", "type", "pgSz", "pgMar", "lnNumType", "titlePg", "docGrid"]
    assert sp.find(w("pgSz")).get(w("orient")) == "landscape"
    ooxml.page_size(sp, 11906, 16838, landscape=False)
    assert w("orient") not in sp.find(w("pgSz")).attrib


def test_header_references_lead_the_section_in_the_order_given():
    sp = sect_pr('<w:footerReference w:type="default" r:id="rId1"/><w:pgSz/><w:docGrid/>')
    ooxml.header_reference(sp, "default", "rId7")
    ooxml.header_reference(sp, "first", "rId8")
    assert children(sp)[:3] == ["footerReference", "headerReference", "headerReference"]
    assert [h.get(w("type")) for h in sp.findall(w("headerReference"))] == ["default", "first"]
    assert_in_order(sp, SECTPR_ORDER)


def test_settings_zoom_and_footnotes_land_in_their_places():
    settings = etree.fromstring(
        f'<w:settings {NS} xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
        '<w:view w:val="print"/><w:zoom w:val="bestFit"/><w:proofState w:spelling="clean"/>'
        '<w:defaultTabStop w:val="720"/><w:savePreviewPicture/><w:compat/><w:rsids/>'
        '<w:decimalSymbol w:val="."/><w14:docId w14:val="1"/></w:settings>')
    ooxml.zoom_settings(settings)
    ooxml.footnote_settings(settings)
    names = children(settings)
    assert names == ["view", "zoom", "proofState", "defaultTabStop", "footnotePr", "compat", "rsids",
                     "decimalSymbol", "docId"]
    assert settings.find(w("zoom")).get(w("percent")) == "100"


def test_add_puts_paragraph_properties_before_later_ones():
    ppr = etree.fromstring(f'<w:pPr {NS}><w:pStyle w:val="x"/><w:snapToGrid w:val="0"/><w:jc w:val="center"/>'
                           '<w:rPr><w:b/></w:rPr></w:pPr>')
    ooxml.add(ppr, PPR_ORDER, "outlineLvl", {"val": 0})
    ooxml.add(ppr, PPR_ORDER, "keepNext")
    ooxml.add(ppr, PPR_ORDER, "pBdr")
    assert children(ppr) == ["pStyle", "keepNext", "pBdr", "snapToGrid", "jc", "outlineLvl", "rPr"]


def test_unknown_extension_children_are_kept_last():
    settings = etree.fromstring(f'<w:settings {NS} xmlns:x="urn:x"><w:zoom w:percent="90"/><x:later/></w:settings>')
    ooxml.add(settings, SETTINGS_ORDER, "listSeparator", {"val": ","})
    assert children(settings) == ["zoom", "listSeparator", "later"]


@pytest.mark.parametrize(("borders", "indent"), [(True, 0.0), (False, -2.5)])
def test_table_cell_and_row_properties_follow_their_sequences(borders, indent):
    tbl_pr = etree.fromstring(ooxml.table_properties_xml([20.0, 30.5], borders, indent).replace(
        "<w:tblPr>", f"<w:tblPr {NS}>", 1))
    expected = ["tblW", "tblInd", "tblBorders", "tblLayout", "tblCellMar"] if indent else \
        ["tblW", "tblBorders", "tblLayout", "tblCellMar"]
    assert children(tbl_pr) == expected
    assert_in_order(tbl_pr, ooxml.TBLPR_ORDER)
    tc_pr = etree.fromstring(ooxml.cell_properties_xml(12.0, 2, "restart", True).replace(
        "<w:tcPr>", f"<w:tcPr {NS}>", 1))
    assert children(tc_pr) == ["tcW", "gridSpan", "vMerge", "vAlign"]
    tr_pr = etree.fromstring(ooxml.row_properties_xml(True, True).replace("<w:trPr>", f"<w:trPr {NS}>", 1))
    assert children(tr_pr) == ["cantSplit", "tblHeader"]


def test_text_is_escaped_and_characters_xml_forbids_are_dropped():
    assert ooxml.escape_text("a < b & c > d\x07") == "a &lt; b &amp; c &gt; d"
    assert ooxml.escape_attribute('say "hi"\n') == "say &quot;hi&quot;&#10;"


def _odd_styles(tmp_path):
    """The shared styles.docx with a body sectPr holding no w:cols and extra children, and a settings
    part with an extension element: what a template edited in Word can look like."""
    source = zipfile.ZipFile(MINI.parents[2] / "templates" / "_chung" / "styles.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                text = data.decode()
                start = text.index("<w:sectPr")
                end = text.index("</w:sectPr>") + len("</w:sectPr>")
                text = (text[:start] + '<w:sectPr><w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr>'
                        '<w:type w:val="nextPage"/><w:lnNumType w:countBy="1"/><w:vAlign w:val="top"/>'
                        '<w:docGrid w:linePitch="360"/></w:sectPr>' + text[end:])
                data = text.encode()
            target.writestr(item, data)
    path = tmp_path / "styles.docx"
    path.write_bytes(out.getvalue())
    return path


def test_a_template_with_other_section_children_gives_sections_in_schema_order(tmp_path):
    prepared = prepare(MINI / "report.yaml")
    built = zipfile.ZipFile(io.BytesIO(write_docx(prepared.document, _odd_styles(tmp_path))))
    document = etree.fromstring(built.read("word/document.xml"))
    sections = list(document.iter(w("sectPr")))
    assert len(sections) == 2  # the body and the appendix
    for section in sections:
        assert_in_order(section, SECTPR_ORDER)
        assert section.find(w("pgNumType")) is not None or section is sections[0]
    assert [c for c in children(sections[1]) if c != "headerReference"] == [
        "footnotePr", "type", "pgSz", "pgMar", "lnNumType", "pgNumType", "vAlign", "titlePg", "docGrid"]
    settings = etree.fromstring(built.read("word/settings.xml"))
    assert_in_order(settings, SETTINGS_ORDER)


def test_a_styles_file_that_is_not_a_docx_is_named_in_vietnamese(tmp_path):
    from reportgen.errors import ReportError

    bad = tmp_path / "styles.docx"
    bad.write_bytes(b"not a zip at all")
    prepared = prepare(MINI / "report.yaml")
    with pytest.raises(ReportError) as raised:
        write_docx(prepared.document, bad)
    message = raised.value.diagnostics.sorted()[0].render()
    assert "styles.docx" in message and "không phải tệp .docx hợp lệ" in message


def test_template_headers_and_footnotes_are_replaced_not_duplicated(tmp_path):
    """A styles.docx saved by Word carries its own footnotes part and may carry headers."""
    source = zipfile.ZipFile(MINI.parents[2] / "templates" / "_chung" / "styles.docx")
    out = io.BytesIO()
    rel = ('<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
           'header" Target="header7.xml"/><Relationship Id="rId91" Type="http://schemas.openxmlformats.org/'
           'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>')
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            target.writestr(item, data)
        target.writestr("word/header7.xml", f'<w:hdr xmlns:w="{W_NS}"><w:p/></w:hdr>')
        target.writestr("word/footnotes.xml", f'<w:footnotes xmlns:w="{W_NS}"/>')
    styles = tmp_path / "styles.docx"
    styles.write_bytes(out.getvalue())
    prepared = prepare(MINI / "report.yaml")
    built = zipfile.ZipFile(io.BytesIO(write_docx(prepared.document, styles)))
    names = built.namelist()
    assert "word/header7.xml" not in names and len(names) == len(set(names))
    assert sorted(n for n in names if n.startswith("word/header")) == ["word/header1.xml", "word/header2.xml"]
    assert b"Quy\xe1\xba\xbft \xc4\x91\xe1\xbb\x8bnh s\xe1\xbb\x91 637" in built.read("word/footnotes.xml")
    rels = built.read("word/_rels/document.xml.rels").decode()
    assert rels.count("relationships/footnotes") == 1 and "header7" not in rels


def test_text_with_markup_characters_and_controls_is_well_formed(tmp_path):
    from reportgen.document import Footnote, LineBreak, Paragraph, Span

    prepared = prepare(MINI / "report.yaml")
    tricky = "A & B <c> \"d\" 'e'\tcột\u0007 ]]> \u00a0 "
    prepared.document.sections[0].blocks.insert(
        0, Paragraph("body", [Span(tricky, bold=True), LineBreak(), Span(" lề "), Footnote([Span("x < y & z")])]))
    built = zipfile.ZipFile(io.BytesIO(write_docx(prepared.document, MINI.parents[2] / "templates" / "_chung"
                                                  / "styles.docx")))
    document = etree.fromstring(built.read("word/document.xml"))
    first = document.find(f"{w('body')}/{w('p')}")
    texts = [t.text for t in first.iter(w("t"))]
    assert texts[0] == "A & B <c> \"d\" 'e'" and texts[1] == "cột ]]> \u00a0 "
    assert first.find(f".//{w('tab')}") is not None and first.find(f".//{w('br')}") is not None
    assert [t.get("{http://www.w3.org/XML/1998/namespace}space") for t in first.iter(w("t"))][1:3] == [
        "preserve", "preserve"]
    notes = etree.fromstring(built.read("word/footnotes.xml"))
    assert "x < y & z" in "".join(notes.itertext())
