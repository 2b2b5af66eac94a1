"""`reportgen check`: documents built here with python-docx, one conforming and one per broken rule."""

from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import dataclass, field, replace

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from reportgen.check import CheckError, Finding, check_docx, format_findings
from reportgen.check.findings import MAX_PER_RULE

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


# --- a small document builder ----------------------------------------------------------------

@dataclass
class Spec:
    margins: tuple = (20, 20, 30, 15)          # top, bottom, left, right in mm
    page: tuple = (210, 297)
    first_landscape: bool = False
    agency: tuple = ("ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH")
    quoc_hieu: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    quoc_hieu_size: float = 13
    tieu_ngu: str = "Độc lập - Tự do - Hạnh phúc"
    header_rules: bool = True
    header_table_borders: bool = False
    number: str = "Số: 117/BC-UBND"
    vv: str | None = None
    date: str = "Bình Định, ngày 05 tháng 7 năm 2024"
    date_italic: bool = True
    title: str | None = "BÁO CÁO"
    subject: str = "Kết quả triển khai thực hiện Đề án 06 trong 6 tháng đầu năm 2024"
    subject_bold: bool = True
    kinh_gui: str = "Kính gửi: Bộ Công an"
    kinh_gui_bold: bool = False
    body_size: float = 14
    body: list = field(default_factory=lambda: [
        ("Thực hiện Công văn số 4709/CV-TCTTKĐA ngày 10 tháng 6 năm 2024 của Tổ Công tác, Ủy ban nhân dân "
         "tỉnh báo cáo như sau (chi tiết tại Phụ lục):", False),
        ("I. KHÁI QUÁT TÌNH HÌNH", True),
        ("1. Trong 6 tháng đầu năm 2024, tình hình ổn định.", False),
        ("2. Đến nay có 03 nhiệm vụ, đã hoàn thành 02 nhiệm vụ.", False),
        ("II. KẾT QUẢ CÁC MẶT CÔNG TÁC", True),
        ("1. Công tác chỉ đạo", True),
        ("1.1. Pháp lý thực hiện", True),
        ("a) Cấp tỉnh", False),
        ("b) Cấp huyện", False),
        ("- Ban hành 06 Quyết định.", False),
        ("2. Dữ liệu", True),
        ("Ủy ban nhân dân tỉnh trân trọng báo cáo./.", False),
    ])
    line_spacing: float | None = None
    noi_nhan_label: str = "Nơi nhận:"
    noi_nhan_label_style: tuple = (True, True)    # bold, italic
    noi_nhan: list = field(default_factory=lambda: ["- Như trên;", "- CT, các PCT UBND tỉnh;", "- Lưu: VT, KSTT."])
    noi_nhan_size: float = 11
    signature: list = field(default_factory=lambda: ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
    signature_gap: int = 3
    signer: str = "Lâm Hải Giang"
    signer_bold: bool = True
    page_number: str | None = "header"          # "header", "footer" or None
    first_page_number: bool = False
    appendix: bool = True
    appendix_new_section: bool = True
    appendix_restart: bool = True
    kem_theo: bool = True
    repeat_header_row: bool = True


def _rule(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for name, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(name), value)
    borders.append(top)
    ppr.append(borders)


def _page_field(paragraph) -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)


def _para(container, text, size, bold=False, italic=False, align=None):
    p = container.add_paragraph()
    if align is not None:
        p.alignment = align
    if text:
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
        run.italic = italic
    return p


def _first_cell_paragraph(cell, text, size, bold=False, italic=False):
    p = cell.paragraphs[0]
    p.alignment = CENTER
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    return p


def _set_section(section, spec: Spec, landscape: bool) -> None:
    width, height = spec.page
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(height), Mm(width)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(width), Mm(height)
    top, bottom, left, right = spec.margins
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)


def _header_table(doc, spec: Spec) -> None:
    table = doc.add_table(rows=2, cols=2)
    if spec.header_table_borders:
        table.style = doc.styles["Table Grid"]
    left, right = table.cell(0, 0), table.cell(0, 1)
    _first_cell_paragraph(left, spec.agency[0], 13, bold=True)
    for line in spec.agency[1:]:
        _para(left, line, 13, bold=True, align=CENTER)
    _first_cell_paragraph(right, spec.quoc_hieu, spec.quoc_hieu_size, bold=True)
    _para(right, spec.tieu_ngu, spec.quoc_hieu_size + 1, bold=True, align=CENTER)
    if spec.header_rules:
        _rule(left.add_paragraph())
        _rule(right.add_paragraph())
    _first_cell_paragraph(table.cell(1, 0), spec.number, 13)
    if spec.vv:
        _para(table.cell(1, 0), spec.vv, 13, align=CENTER)
    _first_cell_paragraph(table.cell(1, 1), spec.date, spec.quoc_hieu_size + 1, italic=spec.date_italic)


def _front(doc, spec: Spec) -> None:
    size = spec.body_size
    if spec.title:
        _para(doc, spec.title, size, bold=True, align=CENTER)
        _para(doc, spec.subject, size, bold=spec.subject_bold, align=CENTER)
        _rule(doc.add_paragraph())
    if spec.kinh_gui:
        p = _para(doc, "", size, align=CENTER)
        label, _, addressee = spec.kinh_gui.partition(":")
        head = p.add_run(label + ":")
        head.font.size = Pt(size)
        head.bold = spec.kinh_gui_bold
        tail = p.add_run(addressee)
        tail.font.size = Pt(size)


def _body(doc, spec: Spec) -> None:
    for text, bold in spec.body:
        p = _para(doc, text, spec.body_size, bold=bold, align=JUSTIFY)
        p.paragraph_format.first_line_indent = Mm(12.7)
        p.paragraph_format.space_before = Pt(6)
        if spec.line_spacing is not None:
            p.paragraph_format.line_spacing = spec.line_spacing


def _signature(doc, spec: Spec) -> None:
    table = doc.add_table(rows=1, cols=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    bold, italic = spec.noi_nhan_label_style
    p = left.paragraphs[0]
    run = p.add_run(spec.noi_nhan_label)
    run.font.size, run.bold, run.italic = Pt(12), bold, italic
    for line in spec.noi_nhan:
        _para(left, line, spec.noi_nhan_size)
    _first_cell_paragraph(right, spec.signature[0], 14, bold=True)
    for line in spec.signature[1:]:
        _para(right, line, 14, bold=True, align=CENTER)
    for _ in range(spec.signature_gap):
        right.add_paragraph()
    _para(right, spec.signer, 14, bold=spec.signer_bold, align=CENTER)


def _page_numbers(doc, spec: Spec) -> None:
    section = doc.sections[0]
    section.different_first_page_header_footer = not spec.first_page_number
    if spec.page_number is None:
        return
    part = section.header if spec.page_number == "header" else section.footer
    p = part.paragraphs[0]
    p.alignment = CENTER
    _page_field(p)
    if not spec.first_page_number:
        section.first_page_header.is_linked_to_previous = False


def _appendix(doc, spec: Spec) -> None:
    if spec.appendix_new_section:
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        _set_section(section, spec, landscape=True)
        if spec.appendix_restart:
            number_type = OxmlElement("w:pgNumType")
            number_type.set(qn("w:start"), "1")
            section._sectPr.append(number_type)
    _para(doc, "Phụ lục", 14, bold=True, align=CENTER)
    _para(doc, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ", 14, bold=True, align=CENTER)
    if spec.kem_theo:
        _para(doc, "(Kèm theo Báo cáo số 117/BC-UBND ngày 05/7/2024 của Ủy ban nhân dân tỉnh Bình Định)", 14,
              italic=True, align=CENTER)
    _rule(doc.add_paragraph())
    table = doc.add_table(rows=3, cols=2)
    table.style = doc.styles["Table Grid"]
    for r, (a, b) in enumerate((("STT", "Nhiệm vụ"), ("1", "Ban hành kế hoạch"), ("2", "Triển khai"))):
        for c, text in enumerate((a, b)):
            run = table.cell(r, c).paragraphs[0].add_run(text)
            run.font.size = Pt(12)
            run.bold = r == 0
    if spec.repeat_header_row:
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def build(tmp_path, name="van-ban.docx", tweak=None, **changes):
    """A báo cáo in the decree's format; `changes` override the Spec, `tweak(doc)` edits it before saving."""
    spec = replace(Spec(), **changes)
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(spec.body_size)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    _set_section(doc.sections[0], spec, spec.first_landscape)
    _header_table(doc, spec)
    _front(doc, spec)
    _body(doc, spec)
    _signature(doc, spec)
    _page_numbers(doc, spec)
    if spec.appendix:
        _appendix(doc, spec)
    if tweak:
        tweak(doc)
    path = tmp_path / name
    doc.save(str(path))
    return path


def errors(findings, rule=None):
    return [f for f in findings if f.severity == "error" and (rule is None or f.rule == rule)]


def of_rule(findings, rule):
    return [f for f in findings if f.rule == rule]


def assert_finding(findings, rule, text, severity="error"):
    matching = [f for f in findings if f.rule == rule and text in f.message and f.severity == severity]
    assert matching, f"no {severity} [{rule}] containing {text!r} in:\n" + "\n".join(map(str, findings))
    return matching[0]


def body_paragraph(doc, start):
    return next(p for p in doc.paragraphs if p.text.startswith(start))


# --- the conforming document -----------------------------------------------------------------

def test_conforming_document_has_no_findings(tmp_path):
    findings = check_docx(build(tmp_path))
    assert findings == []


def test_conforming_cong_van_has_no_findings(tmp_path):
    path = build(tmp_path, title=None, number="Số: 9287/UBND-KSTT",
                 vv="V/v báo cáo kết quả triển khai mô hình điểm", date="Bình Định, ngày 15 tháng 11 năm 2024")
    assert check_docx(path) == []


def test_draft_with_blank_day_and_number_is_fine(tmp_path):
    path = build(tmp_path, date="Bình Định, ngày      tháng 11 năm 2024", number="Số:      /BC-UBND")
    assert errors(check_docx(path)) == []


def test_quoc_hieu_with_hoa_spelling_and_decomposed_unicode_is_accepted(tmp_path):
    qh = unicodedata.normalize("NFD", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    findings = check_docx(build(tmp_path, quoc_hieu=qh))
    assert of_rule(findings, "quoc-hieu") == []
    assert errors(findings) == []


# --- page --------------------------------------------------------------------------------------

def test_left_margin_out_of_range(tmp_path):
    findings = check_docx(build(tmp_path, margins=(20, 20, 25, 15)))
    found = assert_finding(findings, "margins", "lề trái 25,0 mm")
    assert "30–35 mm" in found.message
    assert found.where == "mục 1"


def test_top_margin_too_large_in_appendix_section(tmp_path):
    def tweak(doc):
        doc.sections[1].top_margin = Mm(30)
    findings = check_docx(build(tmp_path, tweak=tweak))
    found = assert_finding(findings, "margins", "lề trên 30,0 mm")
    assert found.where == "mục 2 (phụ lục)"


def test_letter_paper_is_not_a4(tmp_path):
    findings = check_docx(build(tmp_path, page=(215.9, 279.4)))
    assert_finding(findings, "page-size", "A4")


def test_landscape_first_section(tmp_path):
    findings = check_docx(build(tmp_path, first_landscape=True))
    assert_finding(findings, "orientation", "khổ dọc")


# --- font and colour ---------------------------------------------------------------------------

def test_arial_run(tmp_path):
    def tweak(doc):
        body_paragraph(doc, "1. Trong 6 tháng").runs[0].font.name = "Arial"
    findings = check_docx(build(tmp_path, tweak=tweak))
    found = assert_finding(findings, "font", "Arial")
    assert "Times New Roman" in found.message
    assert found.quote.startswith("1. Trong 6 tháng")
    assert found.where.startswith("đoạn ")


def test_font_resolved_through_style_chain_and_theme(tmp_path):
    """No font on the run or its styles: docDefaults' theme font (minorHAnsi, Cambria in python-docx's
    default template) shows through."""
    def tweak(doc):
        style = doc.styles.add_style("Plain body", 1)
        style.base_style = doc.styles["Normal"]
        style.font.size = Pt(14)
        normal_fonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
        normal_fonts.getparent().remove(normal_fonts)
        for p in doc.paragraphs:
            p.style = style
    findings = check_docx(build(tmp_path, tweak=tweak))
    assert_finding(findings, "font", "Cambria")


def test_font_set_on_paragraph_style_is_inherited(tmp_path):
    """Normal in Arial, a body style based on it back in Times New Roman: only Normal's users are wrong."""
    def tweak(doc):
        style = doc.styles.add_style("TNR body", 1)
        style.base_style = doc.styles["Normal"]
        style.font.name = "Times New Roman"
        doc.styles["Normal"].font.name = "Arial"
        for p in doc.paragraphs:
            p.style = style
        for table in doc.tables:
            for row in table.rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        p.style = style
        for section in doc.sections:
            for part in (section.header, section.first_page_header):
                for p in part.paragraphs:
                    p.style = style
    findings = check_docx(build(tmp_path, tweak=tweak))
    assert of_rule(findings, "font") == []


def test_red_text(tmp_path):
    def tweak(doc):
        body_paragraph(doc, "2. Đến nay").runs[0].font.color.rgb = RGBColor(0xFF, 0, 0)
    findings = check_docx(build(tmp_path, tweak=tweak))
    assert_finding(findings, "color", "#FF0000")


def test_many_wrong_paragraphs_are_capped(tmp_path):
    def tweak(doc):
        doc.styles["Normal"].font.name = "Arial"
    findings = check_docx(build(tmp_path, tweak=tweak))
    fonts = of_rule(findings, "font")
    assert len(fonts) == MAX_PER_RULE + 1
    assert "chỗ khác" in fonts[-1].message


# --- sizes -------------------------------------------------------------------------------------

def test_body_in_12_points(tmp_path):
    findings = check_docx(build(tmp_path, body_size=12, quoc_hieu_size=12))
    assert_finding(findings, "size", "thân văn bản cỡ chữ 12")


def test_size_pair_mixed(tmp_path):
    findings = check_docx(build(tmp_path, quoc_hieu_size=12, body_size=14))
    found = assert_finding(findings, "size-pair", "thân văn bản cỡ 14")
    assert "quốc hiệu cỡ 12" in found.message


def test_heading_bigger_than_body(tmp_path):
    def tweak(doc):
        body_paragraph(doc, "I. KHÁI QUÁT").runs[0].font.size = Pt(16)
    findings = check_docx(build(tmp_path, tweak=tweak))
    assert_finding(findings, "heading-size", "cỡ chữ 16")


def test_so_line_must_be_13(tmp_path):
    def tweak(doc):
        doc.tables[0].cell(1, 0).paragraphs[0].runs[0].font.size = Pt(14)
    findings = check_docx(build(tmp_path, tweak=tweak))
    assert_finding(findings, "size", "dòng “Số:” cỡ chữ 14")


# --- header block ------------------------------------------------------------------------------

def test_tieu_ngu_with_en_dash(tmp_path):
    findings = check_docx(build(tmp_path, tieu_ngu="Độc lập – Tự do – Hạnh phúc"))
    found = assert_finding(findings, "tieu-ngu", "gạch dài")
    assert found.quote == "Độc lập – Tự do – Hạnh phúc"


def test_tieu_ngu_without_spaces(tmp_path):
    findings = check_docx(build(tmp_path, tieu_ngu="Độc lập-Tự do-Hạnh phúc"))
    assert_finding(findings, "tieu-ngu", "dấu cách hai bên")


def test_quoc_hieu_not_in_caps(tmp_path):
    findings = check_docx(build(tmp_path, quoc_hieu="Cộng hòa xã hội chủ nghĩa Việt Nam"))
    assert_finding(findings, "quoc-hieu", "in hoa")


def test_missing_quoc_hieu(tmp_path):
    findings = check_docx(build(tmp_path, quoc_hieu="ĐẢNG CỘNG SẢN VIỆT NAM"))
    assert_finding(findings, "quoc-hieu", "không thấy quốc hiệu")


def test_header_table_with_borders(tmp_path):
    findings = check_docx(build(tmp_path, header_table_borders=True))
    assert_finding(findings, "header-table", "đường viền")


def test_header_typed_as_paragraphs_without_table(tmp_path):
    def tweak(doc):
        table = doc.tables[0]._tbl
        anchor = table
        for text in ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Số: 117/BC-UBND", "Bình Định, ngày 05 tháng 7 năm 2024"):
            p = doc.add_paragraph()
            run = p.add_run(text)
            run.font.size = Pt(13)
            run.bold = True
            run.italic = text.startswith("Bình")
            anchor.addnext(p._p)
            anchor = p._p
        table.getparent().remove(table)
    findings = check_docx(build(tmp_path, tweak=tweak))
    assert_finding(findings, "header-table", "không nằm trong bảng")


def test_typed_underscores_as_rule(tmp_path):
    def tweak(doc):
        cell = doc.tables[0].cell(0, 1)
        cell.paragraphs[-1].add_run("__________")
    findings = check_docx(build(tmp_path, tweak=tweak))
    assert_finding(findings, "typed-rule", "gõ bằng ký tự")


def test_missing_drawn_rules_are_warnings(tmp_path):
    findings = check_docx(build(tmp_path, header_rules=False))
    assert_finding(findings, "rule-line", "dưới tiêu ngữ", "warning")
    assert_finding(findings, "rule-line", "dưới tên cơ quan", "warning")
    assert errors(findings) == []


def test_agency_not_bold(tmp_path):
    def tweak(doc):
        for p in doc.tables[0].cell(0, 0).paragraphs:
            for run in p.runs:
                run.bold = False
    findings = check_docx(build(tmp_path, tweak=tweak))
    assert_finding(findings, "agency", "không in đậm")


def test_subject_not_bold(tmp_path):
    findings = check_docx(build(tmp_path, subject_bold=False))
    assert_finding(findings, "title", "trích yếu nội dung không in đậm")


# --- date line ---------------------------------------------------------------------------------

def test_day_not_padded(tmp_path):
    findings = check_docx(build(tmp_path, date="Bình Định, ngày 5 tháng 7 năm 2024"))
    found = assert_finding(findings, "date-padding", "ngày 5 phải viết 05")
    assert found.quote == "Bình Định, ngày 5 tháng 7 năm 2024"
    assert found.where == "bảng 1, dòng 2, cột 2"


def test_month_03_padded(tmp_path):
    findings = check_docx(build(tmp_path, date="Bình Định, ngày 15 tháng 03 năm 2024"))
    assert_finding(findings, "date-padding", "tháng 03 phải viết 3")


def test_february_not_padded(tmp_path):
    findings = check_docx(build(tmp_path, date="Bình Định, ngày 15 tháng 2 năm 2024"))
    assert_finding(findings, "date-padding", "tháng 2 phải viết 02")


def test_date_line_upright(tmp_path):
    findings = check_docx(build(tmp_path, date_italic=False))
    assert_finding(findings, "date-line", "nghiêng")


def test_date_line_without_comma(tmp_path):
    findings = check_docx(build(tmp_path, date="Bình Định ngày 15 tháng 7 năm 2024"))
    assert_finding(findings, "date-line", "dấu phẩy")


def test_running_text_date_is_a_warning(tmp_path):
    body = list(Spec().body)
    body[0] = ("Thực hiện Công văn số 4709/CV-TCTTKĐA ngày 7 tháng 6 năm 2024 về Phụ lục kèm theo:", False)
    findings = check_docx(build(tmp_path, body=body))
    found = assert_finding(findings, "date-padding", "ngày 7 phải viết 07", "warning")
    assert found.quote == "ngày 7 tháng 6 năm 2024"


# --- number ------------------------------------------------------------------------------------

def test_year_in_administrative_number(tmp_path):
    findings = check_docx(build(tmp_path, number="Số: 12/2024/BC-UBND"))
    assert_finding(findings, "number", "không ghi năm")


def test_year_allowed_in_normative_document(tmp_path):
    body = [("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;", False)] + Spec().body
    findings = check_docx(build(tmp_path, title="QUYẾT ĐỊNH", number="Số: 37/2023/QĐ-UBND", body=body))
    assert [f for f in of_rule(findings, "number") if "năm" in f.message] == []


def test_number_below_ten_not_padded(tmp_path):
    findings = check_docx(build(tmp_path, number="Số: 5/BC-UBND"))
    assert_finding(findings, "number", "phải viết 05")


def test_number_without_colon(tmp_path):
    findings = check_docx(build(tmp_path, number="Số 117/BC-UBND"))
    assert_finding(findings, "number", "dấu hai chấm")


def test_cv_in_cong_van_symbol(tmp_path):
    findings = check_docx(build(tmp_path, title=None, number="Số: 123/CV-UBND", vv="V/v triển khai Đề án 06"))
    assert_finding(findings, "number", "“CV”")


def test_type_code_not_matching_title_is_a_warning(tmp_path):
    findings = check_docx(build(tmp_path, number="Số: 117/KH-UBND"))
    assert_finding(findings, "number", "BC-", "warning")


# --- Kính gửi ----------------------------------------------------------------------------------

def test_kinh_gui_in_caps_and_bold(tmp_path):
    findings = check_docx(build(tmp_path, kinh_gui="KÍNH GỬI: Bộ Công an", kinh_gui_bold=True))
    assert_finding(findings, "kinh-gui", "in hoa")
    assert_finding(findings, "kinh-gui", "in đậm")


def test_kinh_gui_bold(tmp_path):
    findings = check_docx(build(tmp_path, kinh_gui_bold=True))
    assert_finding(findings, "kinh-gui", "in đậm")


# --- numbering ladder --------------------------------------------------------------------------

def _with_body(*paragraphs):
    return [(text, text[:2] in ("I.", "II", "IV", "V.")) for text in paragraphs] + [("Trân trọng./.", False)]


def test_roman_gap(tmp_path):
    body = _with_body("Phụ lục kèm theo.", "I. KHÁI QUÁT", "1. Tình hình", "III. KIẾN NGHỊ", "1. Đề nghị")
    findings = check_docx(build(tmp_path, body=body))
    found = assert_finding(findings, "numbering", "thiếu mục II")
    assert found.quote == "III. KIẾN NGHỊ"


def test_arabic_gap_and_restart(tmp_path):
    body = _with_body("Phụ lục kèm theo.", "I. KHÁI QUÁT", "1. Tình hình", "3. Kết quả",
                      "II. KIẾN NGHỊ", "2. Đề nghị")
    findings = check_docx(build(tmp_path, body=body))
    assert_finding(findings, "numbering", "3. sau 1.")
    assert_finding(findings, "numbering", "đánh lại từ 1")


def test_sub_items_follow_their_parent(tmp_path):
    body = _with_body("Phụ lục kèm theo.", "1. Chỉ đạo", "1.1. Văn bản", "1.2. Kiểm tra", "2. Dữ liệu",
                      "2.1. Làm sạch", "2.3. Khai thác")
    findings = check_docx(build(tmp_path, body=body))
    numbering = of_rule(findings, "numbering")
    assert len(numbering) == 1 and "2.3." in numbering[0].message


def test_points_skip_d_with_stroke(tmp_path):
    body = _with_body("Phụ lục kèm theo.", "1. Chỉ đạo", "a) Một", "b) Hai", "c) Ba", "d) Bốn", "e) Năm")
    findings = check_docx(build(tmp_path, body=body))
    assert_finding(findings, "numbering", "thiếu điểm đ)")


def test_points_use_vietnamese_alphabet(tmp_path):
    body = _with_body("Phụ lục kèm theo.", "1. Chỉ đạo", "a) Một", "b) Hai", "c) Ba", "d) Bốn", "đ) Năm",
                      "e) Sáu", "f) Bảy")
    findings = check_docx(build(tmp_path, body=body))
    assert_finding(findings, "numbering", "chữ “f”")


def test_points_in_order_pass(tmp_path):
    body = _with_body("Phụ lục kèm theo.", "1. Chỉ đạo", "a) Một", "b) Hai", "c) Ba", "d) Bốn", "đ) Năm",
                      "e) Sáu", "g) Bảy", "2. Dữ liệu", "a) Một")
    assert of_rule(check_docx(build(tmp_path, body=body)), "numbering") == []


def test_roman_heading_not_bold(tmp_path):
    body = [("Phụ lục kèm theo.", False), ("I. KHÁI QUÁT", False), ("Trân trọng./.", False)]
    findings = check_docx(build(tmp_path, body=body))
    assert_finding(findings, "heading", "in đậm")


# --- page numbers ------------------------------------------------------------------------------

def test_page_number_in_footer(tmp_path):
    findings = check_docx(build(tmp_path, page_number="footer"))
    found = assert_finding(findings, "page-number", "chân trang")
    assert found.where.startswith("chân trang")


def test_page_number_on_first_page(tmp_path):
    findings = check_docx(build(tmp_path, first_page_number=True))
    assert_finding(findings, "page-number", "trang đầu tiên hiển thị số trang")


def test_page_number_in_first_page_header(tmp_path):
    def tweak(doc):
        _page_field(doc.sections[0].first_page_header.paragraphs[0])
    findings = check_docx(build(tmp_path, tweak=tweak))
    found = assert_finding(findings, "page-number", "trang đầu tiên hiển thị số trang")
    assert "trang đầu" in found.where


def test_no_page_number_is_a_warning(tmp_path):
    findings = check_docx(build(tmp_path, page_number=None))
    assert_finding(findings, "page-number", "không thấy số trang", "warning")


# --- closing, signature, Nơi nhận ---------------------------------------------------------------

def test_closing_without_end_mark(tmp_path):
    body = Spec().body[:-1] + [("Ủy ban nhân dân tỉnh trân trọng báo cáo.", False)]
    findings = check_docx(build(tmp_path, body=body))
    assert_finding(findings, "closing", "./.", "warning")


def test_signer_not_bold(tmp_path):
    findings = check_docx(build(tmp_path, signer_bold=False))
    assert_finding(findings, "signature", "họ tên người ký phải in đậm")


def test_no_room_for_signature(tmp_path):
    findings = check_docx(build(tmp_path, signature_gap=0))
    assert_finding(findings, "signature", "chừa chỗ ký", "warning")


def test_room_given_by_spacing_before_the_name(tmp_path):
    def tweak(doc):
        doc.tables[1].cell(0, 1).paragraphs[-1].paragraph_format.space_before = Pt(72)
    findings = check_docx(build(tmp_path, signature_gap=0, tweak=tweak))
    assert of_rule(findings, "signature") == []


def test_noi_nhan_entries_in_12_points(tmp_path):
    findings = check_docx(build(tmp_path, noi_nhan_size=12))
    found = assert_finding(findings, "noi-nhan", "các dòng nơi nhận cỡ chữ 12")
    assert "cỡ 11" in found.message
    assert len(of_rule(findings, "noi-nhan")) == 1


def test_noi_nhan_label_not_bold_italic(tmp_path):
    findings = check_docx(build(tmp_path, noi_nhan_label_style=(True, False)))
    assert_finding(findings, "noi-nhan", "đậm, nghiêng")


def test_missing_luu_line(tmp_path):
    findings = check_docx(build(tmp_path, noi_nhan=["- Như trên;", "- CT, các PCT UBND tỉnh."]))
    assert_finding(findings, "noi-nhan", "- Lưu: VT")


def test_noi_nhan_entry_punctuation(tmp_path):
    findings = check_docx(build(tmp_path, noi_nhan=["- Như trên;", "CT, các PCT UBND tỉnh", "- Lưu: VT, KSTT"]))
    assert_finding(findings, "noi-nhan", "bắt đầu bằng “- ”")
    assert_finding(findings, "noi-nhan", "kết thúc bằng dấu “;”")
    assert_finding(findings, "noi-nhan", "“- Lưu: ...” phải kết thúc bằng dấu “.”")


def test_luu_without_vt_is_a_warning(tmp_path):
    findings = check_docx(build(tmp_path, noi_nhan=["- Như trên;", "- Lưu: KSTT."]))
    assert_finding(findings, "noi-nhan", "không có “VT”", "warning")


# --- line spacing ------------------------------------------------------------------------------

def test_double_line_spacing(tmp_path):
    findings = check_docx(build(tmp_path, line_spacing=2.0))
    assert_finding(findings, "line-spacing", "giãn dòng 2 dòng")


def test_one_and_a_half_lines_is_fine(tmp_path):
    assert of_rule(check_docx(build(tmp_path, line_spacing=1.5)), "line-spacing") == []


def test_exact_spacing_too_large(tmp_path):
    def tweak(doc):
        body_paragraph(doc, "2. Đến nay").paragraph_format.line_spacing = Pt(40)
    findings = check_docx(build(tmp_path, tweak=tweak))
    assert_finding(findings, "line-spacing", "40 pt")


# --- appendix ----------------------------------------------------------------------------------

def test_appendix_without_kem_theo(tmp_path):
    findings = check_docx(build(tmp_path, kem_theo=False))
    found = assert_finding(findings, "appendix", "Kèm theo")
    assert found.quote == "Phụ lục"


def test_appendix_not_in_its_own_section(tmp_path):
    findings = check_docx(build(tmp_path, appendix_new_section=False))
    assert_finding(findings, "appendix", "không bắt đầu một mục")


def test_appendix_without_page_restart(tmp_path):
    findings = check_docx(build(tmp_path, appendix_restart=False))
    found = assert_finding(findings, "appendix", "không đánh lại số trang")
    assert found.where == "mục 2 (phụ lục)"


def test_appendix_table_header_not_repeated(tmp_path):
    findings = check_docx(build(tmp_path, repeat_header_row=False))
    found = assert_finding(findings, "table-header", "lặp lại")
    assert found.where == "bảng 3, dòng 1"


# --- documents typed by hand ------------------------------------------------------------------

def test_signature_typed_as_paragraphs_without_noi_nhan(tmp_path):
    def tweak(doc):
        table = doc.tables[1]._tbl
        anchor = table
        for text, bold in (("CHỦ TỊCH", True), ("", False), ("", False), ("Nguyễn Văn A", False)):
            p = doc.add_paragraph()
            if text:
                run = p.add_run(text)
                run.bold = bold
            anchor.addnext(p._p)
            anchor = p._p
        table.getparent().remove(table)
    findings = check_docx(build(tmp_path, tweak=tweak))
    assert_finding(findings, "signature", "họ tên người ký phải in đậm")
    assert_finding(findings, "noi-nhan", "không thấy phần “Nơi nhận:”", "warning")
    assert of_rule(findings, "closing") == []


def test_only_the_font_slot_the_text_uses_matters(tmp_path):
    """Digits are drawn in the ascii font: an hAnsi font set for them alone changes nothing."""
    def tweak(doc):
        run = body_paragraph(doc, "Thực hiện").add_run(" 2024")
        run.font.size = Pt(14)
        run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), "Arial")
    assert of_rule(check_docx(build(tmp_path, tweak=tweak)), "font") == []


def test_empty_document_reports_missing_components(tmp_path):
    path = tmp_path / "trong.docx"
    Document().save(str(path))
    findings = check_docx(path)
    assert_finding(findings, "quoc-hieu", "không thấy quốc hiệu")
    assert_finding(findings, "page-size", "A4")   # python-docx's template is US Letter


# --- reading errors and output -----------------------------------------------------------------

def test_not_a_docx(tmp_path):
    path = tmp_path / "ghi-chu.docx"
    path.write_text("không phải docx", encoding="utf-8")
    with pytest.raises(CheckError, match="không phải tệp .docx"):
        check_docx(path)


def test_corrupt_docx(tmp_path):
    path = tmp_path / "hong.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types")
    with pytest.raises(CheckError):
        check_docx(path)


def test_missing_file(tmp_path):
    with pytest.raises(CheckError, match="không tìm thấy"):
        check_docx(tmp_path / "khong-co.docx")


def test_check_error_is_a_value_error():
    assert issubclass(CheckError, ValueError)


def test_format_findings_one_line_each():
    findings = [Finding("date-padding", "bảng 1, dòng 2, cột 2", "ngày 5 tháng 7", "ngày 5 phải viết 05"),
                Finding("margins", "mục 1", "", "lề trái 25,0 mm")]
    text = format_findings(findings, "a.docx")
    assert text.splitlines() == [
        "a.docx: bảng 1, dòng 2, cột 2: [date-padding] ngày 5 phải viết 05 — “ngày 5 tháng 7”",
        "a.docx: mục 1: [margins] lề trái 25,0 mm",
    ]


# --- Word's automatic numbering ---------------------------------------------------------------

def _numbering(doc, levels, instances):
    """Add an abstract list (`levels`: (fmt, lvlText, start) per level) and list instances
    (`instances`: numId -> {ilvl: startOverride}) to the document's numbering part."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for ilvl, (fmt, text, start) in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, value in (("w:start", str(start)), ("w:numFmt", fmt), ("w:lvlText", text), ("w:suff", "space")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            lvl.append(el)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    for num_id, overrides in instances.items():
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(num_id))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), "90")
        num.append(ref)
        for ilvl, start in overrides.items():
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), str(ilvl))
            start_el = OxmlElement("w:startOverride")
            start_el.set(qn("w:val"), str(start))
            override.append(start_el)
            num.append(override)
        numbering.append(num)


def _auto_numbered(numbered: dict, levels, instances):
    """A tweak: the body paragraphs whose text is a key lose their typed label and get
    Word's numbering (numId, ilvl) instead."""
    def tweak(doc):
        _numbering(doc, levels, instances)
        for p in doc.paragraphs:
            if p.text in numbered:
                num_id, ilvl, shown = numbered[p.text]
                p.runs[0].text = shown
                num_pr = OxmlElement("w:numPr")
                for tag, value in (("w:ilvl", ilvl), ("w:numId", num_id)):
                    el = OxmlElement(tag)
                    el.set(qn("w:val"), str(value))
                    num_pr.append(el)
                p._p.get_or_add_pPr().insert(0, num_pr)
    return tweak


LIST_LEVELS = [("decimal", "%1.", 1), ("decimal", "%1.%2.", 1), ("lowerLetter", "%3)", 1)]


def _labels(path):
    from reportgen.check.reading import Doc, open_docx

    return [p.text for p in Doc(open_docx(path)).paras if p.label]


def test_automatic_numbering_is_read_as_the_labels_a_reader_sees(tmp_path):
    body = _with_body("Phụ lục kèm theo.", "I. KHÁI QUÁT", "1. Tình hình", "2. Kết quả", "3. Tồn tại",
                      "3.1. Nguyên nhân", "a) Khách quan", "b) Chủ quan", "4. Kiến nghị")
    numbered = {"1. Tình hình": (7, 0, "Tình hình"), "2. Kết quả": (7, 0, "Kết quả"),
                "3. Tồn tại": (7, 0, "Tồn tại"), "3.1. Nguyên nhân": (7, 1, "Nguyên nhân"),
                "a) Khách quan": (7, 2, "Khách quan"), "b) Chủ quan": (7, 2, "Chủ quan"),
                "4. Kiến nghị": (7, 0, "Kiến nghị")}
    path = build(tmp_path, body=body, tweak=_auto_numbered(numbered, LIST_LEVELS, {7: {}}))
    assert _labels(path) == ["1. Tình hình", "2. Kết quả", "3. Tồn tại", "3.1. Nguyên nhân", "a) Khách quan",
                             "b) Chủ quan", "4. Kiến nghị"]
    assert of_rule(check_docx(path), "numbering") == []


def test_typed_sub_item_under_an_automatic_item_is_in_place(tmp_path):
    body = _with_body("Phụ lục kèm theo.", "I. KHÁI QUÁT", "1. Tình hình", "2. Kết quả", "3. Tồn tại",
                      "3.1. Nguyên nhân")
    numbered = {t: (7, 0, t[3:]) for t in ("1. Tình hình", "2. Kết quả", "3. Tồn tại")}
    path = build(tmp_path, body=body, tweak=_auto_numbered(numbered, LIST_LEVELS, {7: {}}))
    assert of_rule(check_docx(path), "numbering") == []


def test_a_new_list_instance_with_a_start_override_restarts(tmp_path):
    body = _with_body("Phụ lục kèm theo.", "I. KHÁI QUÁT", "1. Tình hình", "2. Kết quả", "II. KIẾN NGHỊ",
                      "1. Đề nghị", "2. Giải pháp")
    numbered = {"1. Tình hình": (7, 0, "Tình hình"), "2. Kết quả": (7, 0, "Kết quả"),
                "1. Đề nghị": (8, 0, "Đề nghị"), "2. Giải pháp": (8, 0, "Giải pháp")}
    path = build(tmp_path, body=body, tweak=_auto_numbered(numbered, LIST_LEVELS, {7: {}, 8: {0: 1}}))
    assert _labels(path) == ["1. Tình hình", "2. Kết quả", "1. Đề nghị", "2. Giải pháp"]
    assert of_rule(check_docx(path), "numbering") == []


def test_automatic_letters_miss_d_with_stroke(tmp_path):
    points = ["a) Một", "b) Hai", "c) Ba", "d) Bốn", "e) Năm"]
    body = _with_body("Phụ lục kèm theo.", "I. KHÁI QUÁT", "1. Chỉ đạo", *points)
    numbered = {t: (7, 2, t[3:]) for t in points}
    levels = [("decimal", "%1.", 1), ("decimal", "%1.%2.", 1), ("lowerLetter", "%3)", 1)]
    path = build(tmp_path, body=body, tweak=_auto_numbered(numbered, levels, {7: {}}))
    assert _labels(path) == points
    assert_finding(check_docx(path), "numbering", "thiếu điểm đ)")


def test_roman_and_zero_padded_formats():
    from reportgen.check.numbering import format_number

    assert [format_number(n, "upperRoman") for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    assert format_number(3, "decimalZero") == "03" and format_number(27, "lowerLetter") == "aa"


# --- drawn rules as Word draws them ------------------------------------------------------------

SHAPE_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"')


def _shape_run(length_mm, vml_only=False):
    from docx.oxml import parse_xml

    from reportgen.writers.shapes import line_run

    xml = line_run(1, length_mm, 2.0).replace("<w:r>", f"<w:r {SHAPE_NS}>", 1)
    run = parse_xml(xml)
    if vml_only:  # Word 2007: the VML line alone
        alternate = run[0]
        pict = alternate.find("{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback")[0]
        run.remove(alternate)
        run.append(pict)
    return run


def _shapes_for_rules(agency_mm=15.0, tieu_ngu_mm=60.5, subject_mm=56.0, vml_only=False):
    """A tweak: the header's and subject's border rules become line shapes of these lengths."""
    def tweak(doc):
        lengths = iter((agency_mm, tieu_ngu_mm, subject_mm))
        paragraphs = [p for t in doc.tables[:1] for cell in (t.cell(0, 0), t.cell(0, 1)) for p in cell.paragraphs]
        paragraphs += doc.paragraphs
        for p in paragraphs:
            ppr = p._p.pPr
            border = ppr.find(qn("w:pBdr")) if ppr is not None else None
            if border is not None and p.text == "":
                length = next(lengths, None)
                if length is None:
                    continue
                ppr.remove(border)
                p._p.append(_shape_run(length, vml_only))
    return tweak


def test_line_shapes_are_rules_and_their_lengths_conform(tmp_path):
    findings = check_docx(build(tmp_path, tweak=_shapes_for_rules()))
    assert of_rule(findings, "rule-line") == []


def test_a_short_tieu_ngu_rule_is_measured(tmp_path):
    findings = check_docx(build(tmp_path, tweak=_shapes_for_rules(tieu_ngu_mm=30.0)))
    found = assert_finding(findings, "rule-line", "dài bằng tiêu ngữ", "warning")
    assert "30 mm" in found.message and "60 mm" in found.message


def test_an_agency_rule_longer_than_half_its_line_is_reported(tmp_path):
    findings = check_docx(build(tmp_path, tweak=_shapes_for_rules(agency_mm=36.0)))
    found = assert_finding(findings, "rule-line", "từ 1/3 đến 1/2", "warning")
    assert "tên cơ quan" in found.message


def test_vml_lines_are_read_and_measured(tmp_path):
    findings = check_docx(build(tmp_path, tweak=_shapes_for_rules(tieu_ngu_mm=20.0, vml_only=True)))
    found = assert_finding(findings, "rule-line", "dài bằng tiêu ngữ", "warning")
    assert "20 mm" in found.message


def test_underlined_text_in_place_of_a_rule_is_reported(tmp_path):
    def underline(doc):
        cell = doc.tables[0].cell(0, 1)
        for p in cell.paragraphs:
            if p.text.startswith("Độc lập"):
                p.runs[0].font.underline = True
            elif p.text == "" and p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None:
                p._p.pPr.remove(p._p.pPr.find(qn("w:pBdr")))
    findings = check_docx(build(tmp_path, tweak=underline))
    assert_finding(findings, "rule-line", "gạch chân", "warning")


def test_text_in_a_text_box_is_read_after_its_anchor(tmp_path):
    from docx.oxml import parse_xml

    from reportgen.check.reading import Doc, open_docx

    def text_box(doc):
        anchor = doc.paragraphs[-1]
        box = parse_xml(
            f'<w:r {SHAPE_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp>'
            '<wps:txbx><w:txbxContent><w:p><w:r><w:t>Ghi chú trong khung</w:t></w:r></w:p></w:txbxContent>'
            '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Ghi chú trong khung</w:t>'
            '</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
        anchor._p.append(box)
    path = build(tmp_path, appendix=False, tweak=text_box)
    texts = [p.text for p in Doc(open_docx(path)).paras]
    assert texts.count("Ghi chú trong khung") == 1


def _date_as_field(doc):
    """The day of the date line typed as Word's DATE field (cached result "05")."""
    p = doc.tables[0].cell(1, 1).paragraphs[0]
    run = p.runs[0]
    before, _, after = run.text.partition("05")
    run.text = before
    for kind, text in (("begin", None), (None, ' DATE \\@ "dd" '), ("separate", None), (None, "05"), ("end", None)):
        r = p.add_run()
        r.italic = True
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            r._r.append(char)
        elif text.startswith(" DATE"):
            instr = OxmlElement("w:instrText")
            instr.text = text
            r._r.append(instr)
        else:
            r.text = text
    tail = p.add_run(after)
    tail.italic = True


def test_a_date_line_made_with_a_date_field_is_read_and_reported(tmp_path):
    findings = check_docx(build(tmp_path, tweak=_date_as_field))
    assert_finding(findings, "date-line", "trường DATE", "warning")
    assert of_rule(findings, "date-padding") == []  # the field's shown value, 05, is read as text


def _with_part_changed(source_path, target_path, part, change):
    """A copy of the package at source_path with `part`'s bytes passed through change()."""
    with zipfile.ZipFile(source_path) as source, zipfile.ZipFile(target_path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, change(data) if item.filename == part else data)
    return target_path


def test_a_corrupt_part_beyond_the_document_is_a_check_error(tmp_path):
    broken = _with_part_changed(build(tmp_path), tmp_path / "hong-kieu.docx", "word/styles.xml",
                                lambda _: b"<w:styles")
    with pytest.raises(CheckError, match="bị hỏng"):
        check_docx(broken)


def test_a_docm_saved_by_word_is_read(tmp_path):
    """The package is read by its relationships, whatever the main part's content type says."""
    macro = _with_part_changed(
        build(tmp_path), tmp_path / "co-macro.docx", "[Content_Types].xml",
        lambda data: data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                  b"application/vnd.ms-word.document.macroEnabled.main+xml"))
    assert errors(check_docx(macro)) == []
