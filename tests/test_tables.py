"""Table kinds as data: indicator tables filled from declarations, totals, STT modes, appendix labels."""

from conftest import REPORT_HEAD, build_report, project_with_templates
from docx import Document

REPORT = REPORT_HEAD + """\
chi_tieu:
  - {id: dvc, ten: Hồ sơ trực tuyến, don_vi: "%", tu_so: 450, mau_so: 500, muc_tieu: [{giao: Chính phủ, gia_tri: 80}]}
  - {id: tk, ten: Tài khoản định danh, don_vi: tài khoản, gia_tri: 1302}
noi_dung:
  - "Chi tiết tại {{ phu_luc('chi-tieu') }} và {{ phu_luc('kinh-phi') }}; {{ dem('kinh-phi') }} khoản."
phu_luc:
  - id: chi-tieu
    tieu_de: Kết quả thực hiện các chỉ tiêu
    bang:
      loai: chi_tieu
      nhom:
        - ten: Chỉ tiêu về dịch vụ công
          dong:
            - {chi_tieu: dvc, van_ban: QĐ 235}
        - ten: Chỉ tiêu về định danh
          dong:
            - {chi_tieu: tk}
  - id: kinh-phi
    tieu_de: Kinh phí
    huong: doc
    bang:
      loai: kinh_phi
      nhom:
        - ten: Cấp tỉnh
          dong:
            - {noi_dung: Máy chủ, kinh_phi: "1.500.000"}
            - {noi_dung: Phần mềm, kinh_phi: "2.000.000"}
        - ten: Cấp xã
          dong:
            - {noi_dung: Máy quét, kinh_phi: "500.000"}
"""

KIND = """\
ten: Bảng kinh phí
huong: doc
stt: phan_cap
nhom: {ma: chu_cai}
tong: [kinh_phi]
cot:
  - {khoa: stt, tieu_de: STT, rong: 6, canh: giua}
  - {khoa: noi_dung, tieu_de: Nội dung, rong: 40}
  - {khoa: kinh_phi, tieu_de: Kinh phí (đồng), rong: 20, canh: phai}
"""


def build(tmp_path):
    project_with_templates(tmp_path, kinds={"kinh_phi": KIND})  # a new kind is only data
    result, out = build_report(tmp_path, REPORT)
    assert result.exit_code == 0, result.output
    return Document(str(out))


def rows(table):
    return [[c.text for c in row.cells] for row in table.rows]


def test_indicator_table_is_filled_from_declarations(tmp_path):
    doc = build(tmp_path)
    table = rows(doc.tables[-2])
    assert table[0] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Văn bản chỉ đạo", "Mục tiêu", "Tiến độ/Kết quả", "Ghi chú"]
    assert table[1][0] == "A" and table[1][1].startswith("CHỈ TIÊU VỀ DỊCH VỤ CÔNG")
    assert table[2] == ["1", "Hồ sơ trực tuyến", "%", "QĐ 235", ">=80%", "90%", ""]
    assert table[3][0] == "B"
    assert table[4][:3] == ["1", "Tài khoản định danh", "tài khoản"]  # theo_nhom: STT restarts
    assert table[4][5] == "1.302"


def test_totals_row_and_hierarchical_numbers(tmp_path):
    doc = build(tmp_path)
    table = rows(doc.tables[-1])
    assert [r[0] for r in table[1:]] == ["A", "1.1", "1.2", "B", "2.1", ""]
    assert table[-1][1:] == ["Tổng cộng", "4.000.000"]


def test_two_appendices_are_numbered_in_roman_and_references_resolve(tmp_path):
    doc = build(tmp_path)
    texts = [p.text for p in doc.paragraphs]
    assert "Phụ lục I" in texts and "Phụ lục II" in texts
    assert "Chi tiết tại Phụ lục I và Phụ lục II; 03 khoản." in texts
    assert "(Kèm theo Báo cáo số 05/BC-UBND ngày 07/01/2025 của Ủy ban nhân dân tỉnh Bình Định)" in texts
    second = doc.sections[2]
    assert round(second.page_width.mm) == 210  # huong: doc keeps this appendix portrait


def _build_with_costs(tmp_path, costs):
    project_with_templates(tmp_path, kinds={"kinh_phi": KIND})
    text = REPORT
    for old, new in zip(('"1.500.000"', '"2.000.000"', '"500.000"'), costs):
        text = text.replace(old, new)
    result, _ = build_report(tmp_path, text)
    return tmp_path / "r.yaml", result


def test_totals_read_figures_the_vietnamese_way(tmp_path):
    _, result = _build_with_costs(tmp_path, ('"1.500.000,5"', '"2.000.000"', '"1,5"'))
    assert result.exit_code == 0, result.output
    table = rows(Document(str(tmp_path / "r.docx")).tables[-1])
    assert table[-1][1:] == ["Tổng cộng", "3.500.002"]  # 3.500.002 = 1.500.000,5 + 2.000.000 + 1,5


def test_text_in_a_summed_column_is_said_at_its_line(tmp_path):
    report, result = _build_with_costs(tmp_path, ('"1.500.000"', '"chưa có"', '"500.000"'))
    line = next(i for i, l in enumerate(report.read_text(encoding="utf-8").splitlines(), 1) if "chưa có" in l)
    assert result.exit_code == 0, result.output
    assert f"r.yaml:{line}:" in result.output
    assert 'cột "Kinh phí (đồng)" được cộng vào dòng tổng nhưng ô này không phải là số ("chưa có")' in result.output


def test_a_figure_written_the_english_way_in_a_summed_column_is_an_error(tmp_path):
    _, result = _build_with_costs(tmp_path, ('"1,500,000"', '"2.000.000"', '"500.000"'))
    assert result.exit_code == 1
    assert "viết theo kiểu Việt Nam: 1.500.000" in result.output
