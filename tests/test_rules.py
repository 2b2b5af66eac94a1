"""The decree's short rules are drawn line shapes (DrawingML with a VML fallback), sized from the font's metrics."""

import pytest
from lxml import etree

from reportgen.metrics import longest_line_mm, text_width_mm

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {
    "w": W[1:-1],
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
}
EMU_PER_MM = 36000
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


def text(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def rules(document):
    """Each drawn rule: (its length in mm, its anchor, the paragraph holding it, the text paragraph above)."""
    found = []
    for p in document.iter(f"{W}p"):
        for anchor in p.findall(".//wp:anchor", NS):
            above = p.getprevious()
            found.append((int(anchor.find("wp:extent", NS).get("cx")) / EMU_PER_MM, anchor, p, above))
    return found


@pytest.fixture
def document(built_mini):
    return etree.fromstring(built_mini.zip.read("word/document.xml"))


def test_every_rule_is_a_line_shape_with_a_vml_fallback(document):
    drawn = rules(document)
    assert [text(above) for _, _, _, above in drawn] == [
        "TỈNH BÌNH ĐỊNH", TIEU_NGU, "Kết quả triển khai thực hiện Đề án 06 trong 6 tháng đầu năm, nhiệm vụ trọng tâm "
        "6 tháng cuối năm 2024 trên địa bàn tỉnh",
        "(Kèm theo Báo cáo số 117/BC-UBND ngày 05/7/2024 của Ủy ban nhân dân tỉnh Bình Định)"]
    for length, anchor, holder, _ in drawn:
        choice = anchor.getparent().getparent()
        assert etree.QName(choice).localname == "Choice" and choice.get("Requires") == "wps"
        shape = anchor.find(".//wps:wsp", NS)
        assert shape.find("wps:spPr/a:prstGeom", NS).get("prst") == "line"
        assert int(shape.find("wps:spPr/a:xfrm/a:ext", NS).get("cx")) == round(length * EMU_PER_MM)
        assert anchor.find("wp:extent", NS).get("cy") == "0"
        assert anchor.find("wp:wrapNone", NS) is not None
        assert anchor.find("wp:positionH/wp:align", NS).text == "center"
        vertical = anchor.find("wp:positionV", NS)
        assert vertical.get("relativeFrom") == "paragraph" and int(vertical.find("wp:posOffset", NS).text) > 0
        line = choice.getparent().find("mc:Fallback/w:pict/v:line", NS)
        start, end = (float(x.split(",")[0].rstrip("pt") or 0) for x in (line.get("from"), line.get("to")))
        assert end - start == pytest.approx(length / 25.4 * 72, abs=0.01)
        assert holder.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "RGrule"
    ids = [a.find("wp:docPr", NS).get("id") for _, a, _, _ in drawn]
    assert len(set(ids)) == len(ids)


def test_no_rule_is_a_paragraph_border_or_typed(built_mini):
    xml = built_mini.xml("word/document.xml")
    assert "<w:pBdr>" not in xml and "___" not in xml and "<w:u " not in xml


def test_rule_lengths_follow_the_text_above_them(document):
    by_text = {text(above): length for length, _, _, above in rules(document)}
    assert by_text[TIEU_NGU] == pytest.approx(text_width_mm(TIEU_NGU, 14, True), rel=0.02)
    agency = text_width_mm("TỈNH BÌNH ĐỊNH", 13, True)
    assert agency / 3 <= by_text["TỈNH BÌNH ĐỊNH"] <= agency / 2
    subject = next(t for t in by_text if t.startswith("Kết quả"))
    line = longest_line_mm(subject, 14, True, 165.0)
    assert line / 3 <= by_text[subject] <= line / 2


def test_times_new_roman_widths_come_from_the_font_table():
    assert text_width_mm(TIEU_NGU, 14, True) == pytest.approx(60.46, abs=0.05)  # the decree: about 60 mm
    assert text_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True) == pytest.approx(95.67, abs=0.05)
    # Composed and decomposed Vietnamese letters measure alike; bold is wider than regular.
    assert text_width_mm("Hạnh phúc", 14) == text_width_mm("Ha\u0323nh phu\u0301c", 14)
    assert text_width_mm("Hạnh phúc", 14, True) > text_width_mm("Hạnh phúc", 14)
    assert longest_line_mm("một hai ba bốn năm sáu bảy tám chín mười", 14, False, 40.0) <= 40.0
