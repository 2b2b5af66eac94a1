"""Appendices: sections, orientation, repeated merged headers, groups, STT, Kèm theo line."""

import re

from docx import Document

from conftest import run_cli


def appendix_table(built):
    return Document(str(built.path)).tables[-1]


def test_appendix_section_is_landscape_and_restarts_numbering(built_mini):
    doc = Document(str(built_mini.path))
    assert len(doc.sections) == 2
    appendix = doc.sections[1]
    assert (round(appendix.page_width.mm), round(appendix.page_height.mm)) == (297, 210)
    sect = re.findall(r"<w:sectPr.*?</w:sectPr>", built_mini.xml("word/document.xml"))[-1]
    assert 'w:orient="landscape"' in sect and '<w:pgNumType w:start="1"/>' in sect


def test_header_rows_repeat_and_merge(built_mini):
    xml = built_mini.xml("word/document.xml")
    table = xml[xml.rindex("<w:tbl>"):]
    rows = re.findall(r"<w:tr>.*?</w:tr>", table)
    assert all("<w:tblHeader/>" in r for r in rows[:2]) and "<w:tblHeader/>" not in rows[2]
    assert '<w:gridSpan w:val="4"/>' in rows[0] and "Kết quả" in rows[0]
    assert rows[0].count('<w:vMerge w:val="restart"/>') == 6
    assert rows[1].count("<w:vMerge/>") == 6


def test_group_rows_count_their_rows_and_stt_runs_on(built_mini):
    table = appendix_table(built_mini)
    first_cells = [row.cells[0].text for row in table.rows[2:]]
    group_titles = [row.cells[1].text for row in table.rows[2:] if row.cells[0].text in ("I", "II")]
    assert first_cells == ["I", "1", "2", "II", "3"]
    assert group_titles == ["NHIỆM VỤ CỦA ĐỊA PHƯƠNG (02 NHIỆM VỤ)", "NHIỆM VỤ CỦA BỘ NGÀNH (01 NHIỆM VỤ)"]


def test_status_mark_and_repeat_mark(built_mini):
    table = appendix_table(built_mini)
    row1, row2 = table.rows[3], table.rows[4]
    assert row1.cells[5].text == "X"
    assert row2.cells[2].text == "-nt-"
    assert row2.cells[8].text == "Đang làm"


def test_kem_theo_line_with_number(built_mini):
    texts = [p.text for p in Document(str(built_mini.path)).paragraphs]
    assert "Phụ lục" in texts
    assert "(Kèm theo Báo cáo số 117/BC-UBND ngày 05/7/2024 của Ủy ban nhân dân tỉnh Bình Định)" in texts


def test_kem_theo_line_blank_when_number_not_given(mini_copy, tmp_path):
    text = mini_copy.read_text(encoding="utf-8").replace("so: 117\n", "").replace(
        "ngay: 2024-07-05", "ngay: {thang: 7, nam: 2024}")
    mini_copy.write_text(text, encoding="utf-8")
    out = tmp_path / "draft.docx"
    result = run_cli("build", mini_copy, "-o", out)
    assert result.exit_code == 0, result.output
    doc = Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert "(Kèm theo Báo cáo số      /BC-UBND ngày     /7/2024 của Ủy ban nhân dân tỉnh Bình Định)" in texts
    cells = [c.text for t in doc.tables[:1] for r in t.rows for c in r.cells]
    assert "Số:      /BC-UBND" in cells
    assert "Bình Định, ngày      tháng 7 năm 2024" in cells
