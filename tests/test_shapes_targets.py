"""Targets of several kinds printed as the originals write them and judged right; rate-only
figures and several parts in a table cell; the directing document printed from the indicator."""

from conftest import REPORT_HEAD, build_report, project_with_templates
from docx import Document

KIND = """\
ten: Bảng chỉ tiêu có đánh giá
huong: ngang
stt: lien_tuc
nhom: {ma: chu_cai}
cot:
  - {khoa: stt, tieu_de: STT, rong: 5, canh: giua}
  - {khoa: ten, tieu_de: Chỉ tiêu, rong: 30, nguon: ten}
  - {khoa: van_ban, tieu_de: Văn bản chỉ đạo, rong: 18, nguon: van_ban}
  - {khoa: muc_tieu, tieu_de: Mục tiêu, rong: 12, canh: giua, nguon: muc_tieu}
  - {khoa: ket_qua, tieu_de: Kết quả, rong: 10, canh: giua, nguon: ket_qua}
  - {khoa: danh_gia, tieu_de: Đánh giá, rong: 12, nguon: danh_gia}
  - {khoa: thanh_phan, tieu_de: Theo cấp, rong: 20, nguon: thanh_phan}
"""

REPORT = REPORT_HEAD + """\
van_ban:
  qd235: {loai: Quyết định, so: 235, ky_hieu: QĐ-UBND, ngay: 2024-01-18}
chi_tieu:
  - id: ket_qua_dien_tu
    ten: Cấp kết quả điện tử
    don_vi: "%"
    ty_le: 88.4
    van_ban: "{{ vb.qd235.ngan }}"
    muc_tieu: [{giao: Chính phủ, gia_tri: 100, so_sanh: "="}]
  - id: so_hoa
    ten: Số hóa thành phần hồ sơ
    don_vi: "%"
    ty_le: 93.9
    muc_tieu:
      - {giao: Chính phủ, gia_tri: 80}
      - {giao: Ủy ban nhân dân tỉnh, gia_tri: 90, so_sanh: toi_thieu}
    thanh_phan:
      - {id: cap_tinh, ten: cấp tỉnh, ty_le: 87.8}
      - {id: cap_xa, ten: cấp xã, ty_le: 97.3}
  - id: tre_han
    ten: Hồ sơ giải quyết trễ hạn
    tu_so: 30
    mau_so: 1000
    muc_tieu: [{giao: Ủy ban nhân dân tỉnh, gia_tri: 5, so_sanh: "<="}]
  - id: tai_su_dung
    ten: Tái sử dụng kết quả số hóa
    don_vi: "%"
    ty_le: 40.7
    muc_tieu: [{giao: Chính phủ, tu: 50, den: 70}]
  - id: phan_anh
    ten: Phản ánh kiến nghị được xử lý
    tu_so: 90
    mau_so: 100
    muc_tieu: [{giao: Chính phủ, gia_tri: 100, so_sanh: toi_da}]
noi_dung:
  - "Số hóa {{ ct.so_hoa.ty_le }}, {{ ct.so_hoa.so_muc_tieu }}."
  - "Trễ hạn {{ ct.tre_han.ty_le }}, {{ ct.tre_han.so_muc_tieu }}."
  - "Kết quả điện tử {{ ct.ket_qua_dien_tu.ty_le }}: {{ ct.ket_qua_dien_tu.danh_gia }}."
  - "Tái sử dụng: {{ ct.tai_su_dung.so_muc_tieu }}."
  - "Phản ánh: {{ ct.phan_anh.so_muc_tieu }}. Xem {{ phu_luc('ct') }}."
phu_luc:
  - id: ct
    tieu_de: Kết quả thực hiện các chỉ tiêu
    bang:
      loai: danh_gia
      nhom:
        - ten: Chỉ tiêu Bộ chỉ số
          dong:
            - {chi_tieu: ket_qua_dien_tu}
            - {chi_tieu: so_hoa}
            - {chi_tieu: tre_han}
            - {chi_tieu: tai_su_dung}
            - {chi_tieu: phan_anh, van_ban: Nghị quyết số 02/NQ-CP}
"""


def _build(tmp_path, text=REPORT):
    project_with_templates(tmp_path, kinds={"danh_gia": KIND})
    return build_report(tmp_path, text, "--strict")


def test_targets_print_as_the_originals_write_them_and_are_judged(tmp_path):
    result, out = _build(tmp_path)
    assert result.exit_code == 0, result.output
    rows = [[c.text for c in r.cells] for r in Document(str(out)).tables[-1].rows]
    assert rows[2] == ["1", "Cấp kết quả điện tử", "Quyết định số 235/QĐ-UBND ngày 18/01/2024", "100%",
                       "88,4%", "chưa đạt chỉ tiêu", ""]
    assert rows[3] == ["2", "Số hóa thành phần hồ sơ", "", ">=80%; tối thiểu 90%", "93,9%", "vượt chỉ tiêu",
                       "cấp tỉnh: 87,8%; cấp xã: 97,3%"]
    assert rows[4][3:6] == ["<=5%", "3%", "đạt chỉ tiêu"]  # at most 5%: 3% meets it, never "vượt"
    assert rows[5][3:6] == ["50% - 70%", "40,7%", "chưa đạt chỉ tiêu"]
    assert rows[6][2:6] == ["Nghị quyết số 02/NQ-CP", "tối đa 100%", "90%", "đạt chỉ tiêu"]  # the row's own cell wins


def test_targets_in_words_in_running_text(tmp_path):
    result, out = _build(tmp_path)
    assert result.exit_code == 0, result.output
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "Số hóa 93,9%, vượt chỉ tiêu (Chính phủ giao 80%, Ủy ban nhân dân tỉnh giao tối thiểu 90%)." in texts
    assert "Trễ hạn 3%, đạt chỉ tiêu (Ủy ban nhân dân tỉnh giao tối đa 5%)." in texts
    assert "Kết quả điện tử 88,4%: chưa đạt chỉ tiêu." in texts
    assert "Tái sử dụng: chưa đạt chỉ tiêu (Chính phủ giao từ 50% đến 70%)." in texts
    assert "Phản ánh: đạt chỉ tiêu (Chính phủ giao tối đa 100%). Xem Phụ lục." in texts


def test_a_range_must_run_low_to_high(tmp_path):
    result, _ = _build(tmp_path, REPORT.replace("{giao: Chính phủ, tu: 50, den: 70}", "{giao: Chính phủ, tu: 70, den: 50}"))
    assert result.exit_code == 1
    assert ('lỗi: chỉ tiêu "tai_su_dung": mục tiêu của Chính phủ từ 70 đến 50: số đầu phải nhỏ hơn số sau'
            in result.output)


def test_a_target_without_a_value_is_named(tmp_path):
    result, _ = _build(tmp_path, REPORT.replace("{giao: Chính phủ, gia_tri: 100, so_sanh: \"=\"}",
                                                "{giao: Chính phủ, so_sanh: \"=\"}"))
    assert result.exit_code == 1
    assert 'chỉ tiêu "ket_qua_dien_tu": mục tiêu của Chính phủ cần gia_tri (hoặc tu và den cho một khoảng)' in result.output
