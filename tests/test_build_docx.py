"""The produced .docx as Word reads it: text, numbering, fonts, sizes, footnotes, fields, sections."""

import re

from docx import Document

from conftest import MINI, run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def paragraphs(path):
    return [p.text for p in Document(str(path)).paragraphs]


def all_text(built):
    doc = Document(str(built.path))
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs)
    return texts


def test_numbering_ladder_is_computed(built_mini):
    texts = paragraphs(built_mini.path)
    expected = ["I. KHÁI QUÁT TÌNH HÌNH", "1. Trong 6 tháng đầu năm 2024, tình hình ổn định.",
                "II. KẾT QUẢ CÁC MẶT CÔNG TÁC", "1. Công tác chỉ đạo", "1.1. Pháp lý thực hiện",
                "1.1.1. Văn bản", "a) Cấp tỉnh", "b) Cấp huyện", "2. Dữ liệu"]
    positions = [texts.index(t) for t in expected]
    assert positions == sorted(positions[:2]) + positions[2:]
    assert any(t.startswith("- Ban hành 06 Quyết định") for t in texts)
    assert any(t.startswith("+ Cấp tỉnh đạt 1.195.107/1.256.188 trường hợp, đạt tỷ lệ 95,14%") for t in texts)


def test_header_block_number_date_and_national_title(built_mini):
    texts = all_text(built_mini)
    assert "Số: 117/BC-UBND" in texts
    assert "Bình Định, ngày 05 tháng 7 năm 2024" in texts
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert "Độc lập - Tự do - Hạnh phúc" in texts
    assert "BÁO CÁO" in texts
    assert "Kính gửi: Cục Cảnh sát Quản lý hành chính về trật tự xã hội" in texts


def test_tally_and_appendix_reference_resolved(built_mini):
    assert "2. Đến nay có 03 nhiệm vụ, đã hoàn thành 02 nhiệm vụ (Phụ lục)." in paragraphs(built_mini.path)


def test_closing_ends_with_end_mark(built_mini):
    closing = [t for t in paragraphs(built_mini.path) if "trân trọng báo cáo" in t]
    assert closing and closing[0].endswith("theo quy định./.")


def test_fonts_are_times_new_roman_everywhere(built_mini):
    styles = built_mini.xml("word/styles.xml")
    document = built_mini.xml("word/document.xml")
    tags = re.findall(r"<w:rFonts [^>]*>", styles + document)
    fonts = {value for tag in tags for value in re.findall(r'="([^"]+)"', tag)}
    assert fonts == {"Times New Roman"}
    assert "asciiTheme" not in styles and "asciiTheme" not in document
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles).group(0)
    assert 'w:ascii="Times New Roman"' in defaults


def _style_rpr(styles_xml, style_id):
    block = re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', styles_xml).group(0)
    return block


def test_sizes_follow_the_decree(built_mini):
    styles = built_mini.xml("word/styles.xml")
    sizes = {sid: int(re.search(r'<w:sz w:val="(\d+)"', _style_rpr(styles, sid)).group(1)) / 2
             for sid in ("RGquoc-hieu", "RGtieu-ngu", "RGso", "RGdia-danh-ngay", "RGbody", "RGnoi-nhan-tieu-de",
                         "RGnoi-nhan", "RGheading-muc")}
    assert sizes == {"RGquoc-hieu": 13, "RGtieu-ngu": 14, "RGso": 13, "RGdia-danh-ngay": 14, "RGbody": 14,
                     "RGnoi-nhan-tieu-de": 12, "RGnoi-nhan": 11, "RGheading-muc": 14}
    date_style = _style_rpr(styles, "RGdia-danh-ngay")
    assert "<w:i/>" in date_style
    body = _style_rpr(styles, "RGbody")
    assert 'w:firstLine="720"' in body and 'w:before="120"' in body and '<w:jc w:val="both"/>' in body
    noi_nhan = _style_rpr(styles, "RGnoi-nhan-tieu-de")
    assert "<w:b/>" in noi_nhan and "<w:i/>" in noi_nhan


def test_a4_page_and_margins(built_mini):
    doc = Document(str(built_mini.path))
    first = doc.sections[0]
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)
    assert [round(x.mm) for x in (first.top_margin, first.bottom_margin, first.left_margin, first.right_margin)] \
        == [20, 20, 30, 15]


def test_footnotes_are_real_word_footnotes(built_mini):
    names = built_mini.zip.namelist()
    assert "word/footnotes.xml" in names
    notes = built_mini.xml("word/footnotes.xml")
    assert 'w:type="separator" w:id="-1"' in notes
    assert re.search(r'<w:footnote w:id="1">.*Quyết định số 637/QĐ-UBND ngày 26/02/2024\.', notes)
    assert re.search(r'<w:footnote w:id="2">.*Quyết định số 540/QĐ-UBND ngày 07/02/2024\.', notes)
    document = built_mini.xml("word/document.xml")
    assert document.index('w:footnoteReference w:id="1"') < document.index('w:footnoteReference w:id="2"')
    rels = built_mini.xml("word/_rels/document.xml.rels")
    assert "relationships/footnotes" in rels
    assert "footnotes+xml" in built_mini.xml("[Content_Types].xml")


def test_page_number_in_header_not_on_first_page(built_mini):
    document = built_mini.xml("word/document.xml")
    first_sect = re.search(r"<w:sectPr.*?</w:sectPr>", document).group(0)
    assert "<w:titlePg/>" in first_sect
    headers = {n: built_mini.xml(n) for n in built_mini.zip.namelist() if re.match(r"word/header\d+\.xml", n)}
    with_field = [n for n, x in headers.items() if "PAGE" in x and 'w:fldCharType="begin"' in x]
    empty = [n for n, x in headers.items() if "PAGE" not in x]
    assert len(with_field) == 1 and len(empty) >= 1
    assert "footer" not in " ".join(built_mini.zip.namelist()) or "PAGE" not in "".join(
        built_mini.xml(n) for n in built_mini.zip.namelist() if "footer" in n)
    rels = built_mini.xml("word/_rels/document.xml.rels")
    first_header_id = re.search(r'<w:headerReference w:type="first" r:id="(\w+)"', first_sect).group(1)
    target = re.search(rf'Id="{first_header_id}"[^>]*Target="([^"]+)"', rels) or \
        re.search(rf'Target="([^"]+)"[^>]*Id="{first_header_id}"', rels)
    assert "PAGE" not in built_mini.xml("word/" + target.group(1))


def test_signature_and_distribution(built_mini):
    texts = all_text(built_mini)
    assert texts.index("Nơi nhận:") < texts.index("- Như trên;") < texts.index("- Bộ Công an;") \
        < texts.index("- Lưu: VT, KSTT.")
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lâm Hải Giang"):
        assert line in texts


def test_same_inputs_give_identical_bytes(tmp_path):
    a, b = tmp_path / "a.docx", tmp_path / "b.docx"
    assert run_cli("build", MINI / "report.yaml", "-o", a).exit_code == 0
    assert run_cli("build", MINI / "report.yaml", "-o", b).exit_code == 0
    assert a.read_bytes() == b.read_bytes()


def test_inputs_are_never_modified(tmp_path):
    before = {p.name: p.read_bytes() for p in MINI.iterdir()}
    run_cli("build", MINI / "report.yaml", "-o", tmp_path / "x.docx")
    assert {p.name: p.read_bytes() for p in MINI.iterdir()} == before


def test_several_addressees_are_dash_lines_under_the_colon(mini_copy, tmp_path):
    text = mini_copy.read_text(encoding="utf-8").replace(
        "kinh_gui: Cục Cảnh sát Quản lý hành chính về trật tự xã hội", "kinh_gui: [Bộ Công an, Văn phòng Chính phủ]")
    mini_copy.write_text(text, encoding="utf-8")
    out = tmp_path / "k.docx"
    assert run_cli("build", mini_copy, "-o", out).exit_code == 0
    paras = [(p.text, p.style) for p in Document(str(out)).paragraphs]
    start = [t for t, _ in paras].index("Kính gửi:")
    lines = paras[start:start + 3]
    assert [t for t, _ in lines] == ["Kính gửi:", "- Bộ Công an;", "- Văn phòng Chính phủ."]
    label, item = lines[0][1].paragraph_format.left_indent, lines[1][1].paragraph_format.left_indent
    assert round(label.cm, 1) == 2.5 and item > label
    assert not lines[0][1].font.bold


def test_package_metadata_names_reportgen_and_claims_nothing_it_cannot_know(built_mini):
    from reportgen import __version__

    app = built_mini.xml("docProps/app.xml")
    assert f"<Application>reportgen {__version__}</Application>" in app
    for unknown in ("Pages", "Words", "Characters", "Lines", "Paragraphs", "Microsoft", "Template"):
        assert unknown not in app
    names = built_mini.zip.namelist()
    assert not [n for n in names if "thumbnail" in n or n.endswith((".jpeg", ".jpg", ".png", ".emf", ".wmf"))]
    assert "thumbnail" not in built_mini.xml("_rels/.rels")
    assert 'Extension="jpeg"' not in built_mini.xml("[Content_Types].xml")
    settings = built_mini.xml("word/settings.xml")
    assert re.search(r'<w:zoom w:percent="100"/>', settings)
    assert "savePreviewPicture" not in settings
    core = built_mini.xml("docProps/core.xml")
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-07-05T00:00:00Z</dcterms:created>" in core
    assert "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-07-05T00:00:00Z</dcterms:modified>" in core
    assert "lastPrinted" not in core and "python-docx" not in core
    assert "<dc:creator>Ủy ban nhân dân tỉnh Bình Định</dc:creator>" in core


def test_headings_carry_outline_levels_by_depth(built_mini):
    from lxml import etree

    styles = etree.fromstring(built_mini.zip.read("word/styles.xml"))
    levels = {}
    for style in styles.iter(f"{W}style"):
        level = style.find(f"{W}pPr/{W}outlineLvl")
        levels[style.get(f"{W}styleId")] = level.get(f"{W}val") if level is not None else None
    assert [levels[s] for s in ("RGheading-muc", "RGheading-khoan-1", "RGheading-khoan-2", "RGheading-khoan-3",
                                "RGheading-diem")] == ["0", "1", "2", "3", "4"]
    assert levels["RGbody"] is None and levels["RGtrich-yeu"] is None
    document = etree.fromstring(built_mini.zip.read("word/document.xml"))
    styled = {"".join(p.itertext()): p.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
              for p in document.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle") is not None}
    assert styled["I. KHÁI QUÁT TÌNH HÌNH"] == "RGheading-muc"
    assert styled["1.1. Pháp lý thực hiện"] == "RGheading-khoan-2"
    assert styled["a) Cấp tỉnh"] == "RGheading-diem"
