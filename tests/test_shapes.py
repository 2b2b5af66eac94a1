"""The shapes real reports use: nested groups with a code style and a count per level, STT per
table (running, per group, hierarchical, typed), columns hidden/reordered/renamed per report,
explicit appendix labels, "(Ban hành kèm theo ...)", and the (1) / (i) / "Một là," levels."""

import zipfile

from conftest import REPORT_HEAD, build_report, project_with_templates
from docx import Document

from reportgen.check import check_docx
from reportgen.compute.numbering import enumeration_label

KIND = """\
ten: Bảng chỉ tiêu nhiều cấp
huong: ngang
stt: lien_tuc
nhom:
  - {ma: chu_cai, in_hoa: true, dem: CHỈ TIÊU}
  - {ma: so, dem: chỉ tiêu}
  - {ma: phan_cap, nghieng: true}
cot:
  - {khoa: stt, tieu_de: STT, rong: 6, canh: giua}
  - {khoa: noi_dung, tieu_de: Nội dung, rong: 40}
  - {khoa: don_vi, tieu_de: Đơn vị, rong: 14}
  - tieu_de: Kết quả
    cot:
      - {khoa: so_lieu, tieu_de: Số liệu, rong: 12}
      - {khoa: ghi_chu, tieu_de: Ghi chú, rong: 12}
"""

TREE = """\
      nhom:
        - ten: Nhóm chỉ tiêu kinh tế
          nhom:
            - ten: Chỉ tiêu về doanh nghiệp
              nhom:
                - ten: Doanh nghiệp nhỏ
                  dong:
                    - {noi_dung: Thành lập mới, don_vi: doanh nghiệp, so_lieu: "120"}
                    - {noi_dung: Giải thể, don_vi: doanh nghiệp, so_lieu: "12"}
                - ten: Doanh nghiệp vừa
                  dong:
                    - {noi_dung: Thành lập mới, don_vi: doanh nghiệp, so_lieu: "30"}
            - ten: Chỉ tiêu về đầu tư
              dong:
                - {noi_dung: Dự án mới, don_vi: dự án, so_lieu: "08"}
        - ten: Nhóm chỉ tiêu xã hội
          nhom:
            - ten: Chỉ tiêu về y tế
              dong:
                - {noi_dung: Trạm y tế đạt chuẩn, don_vi: trạm, so_lieu: "159"}
"""


def _report(table_extra: str = "", body: str = "") -> str:
    return REPORT_HEAD + f"""\
noi_dung:
  - "Chi tiết tại {{{{ phu_luc('chi-tieu') }}}} ({{{{ dem('chi-tieu', nhom='kt') }}}} chỉ tiêu kinh tế)."
{body}phu_luc:
  - id: chi-tieu
    nhan: PHỤ LỤC SỐ 3
    kem_theo: "(Ban hành kèm theo Báo cáo số {{{{ bao_cao.so_ky_hieu }}}} của {{{{ bao_cao.co_quan }}}})"
    tieu_de: Các chỉ tiêu
    bang:
      loai: nhieu_cap
{table_extra}""" + TREE.replace("        - ten: Nhóm chỉ tiêu kinh tế\n", "        - ten: Nhóm chỉ tiêu kinh tế\n          id: kt\n")


def build(tmp_path, yaml_text: str, strict: bool = False):
    """Builds with the multi-level KIND unless the test already set up its own templates."""
    if not (tmp_path / "templates").exists():
        project_with_templates(tmp_path, kinds={"nhieu_cap": KIND})
    return build_report(tmp_path, yaml_text, *(["--strict"] if strict else []))


def rows(out):
    table = Document(str(out)).tables[-1]
    return [[c.text for c in row.cells] for row in table.rows]


def data_stt(out) -> list[str]:
    """The STT of the data rows (below the two header rows; group rows span their title)."""
    return [r[0] for r in rows(out)[2:] if r[1] != r[-1]]


def test_groups_nest_with_a_code_style_and_a_count_per_level(tmp_path):
    result, out = build(tmp_path, _report())
    assert result.exit_code == 0, result.output
    table = rows(out)
    groups = [(r[0], r[1]) for r in table[2:] if r[1] == r[-1] and r[0] != r[1]]  # merged title cells
    assert groups == [
        ("A", "NHÓM CHỈ TIÊU KINH TẾ (04 CHỈ TIÊU)"),           # level 1: letters, capitals, count of all rows
        ("1", "Chỉ tiêu về doanh nghiệp (03 chỉ tiêu)"),        # level 2: as typed
        ("1.1", "Doanh nghiệp nhỏ"), ("1.2", "Doanh nghiệp vừa"),  # level 3: parent code + index
        ("2", "Chỉ tiêu về đầu tư (01 chỉ tiêu)"),
        ("B", "NHÓM CHỈ TIÊU XÃ HỘI (01 CHỈ TIÊU)"),
        ("1", "Chỉ tiêu về y tế (01 chỉ tiêu)"),
    ]
    assert data_stt(out) == ["1", "2", "3", "4", "5"]  # lien_tuc runs on through the groups
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    title = xml.index("Doanh nghiệp nhỏ")
    run = xml[xml.rindex("<w:r>", 0, title):title]
    assert "<w:i/>" in run and "<w:b/>" in run  # level 3 is italic (nghieng) and bold
    assert '<w:gridSpan w:val="4"/>' in xml  # the title spans every column but the code
    assert "Chi tiết tại PHỤ LỤC SỐ 3 (04 chỉ tiêu kinh tế)." in [p.text for p in Document(str(out)).paragraphs]


def test_stt_restarts_per_group_or_is_hierarchical_per_table(tmp_path):
    result, out = build(tmp_path, _report("      stt: theo_nhom\n"))
    assert result.exit_code == 0, result.output
    assert data_stt(out) == ["1", "2", "1", "1", "1"]
    result, out = build(tmp_path, _report("      stt: phan_cap\n"))
    assert data_stt(out) == ["1.1.1.1", "1.1.1.2", "1.1.2.1", "1.2.1", "2.1.1"]


def test_a_row_carries_its_own_stt_with_a_warning_when_it_disagrees(tmp_path):
    text = _report().replace("{noi_dung: Giải thể,", "{stt: 2a, noi_dung: Giải thể,")
    result, out = build(tmp_path, text)
    assert result.exit_code == 0, result.output
    assert data_stt(out) == ["1", "2a", "3", "4", "5"]
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "stt: 2a" in l)
    assert f'r.yaml:{line}:' in result.output
    assert 'STT ghi "2a" khác với STT tính theo thứ tự dòng "2"; in "2a" như đã ghi' in result.output
    result, _ = build(tmp_path, text, strict=True)
    assert result.exit_code == 1


def test_a_typed_stt_equal_to_the_computed_one_is_silent(tmp_path):
    result, _ = build(tmp_path, _report().replace("{noi_dung: Giải thể,", "{stt: 2, noi_dung: Giải thể,"), strict=True)
    assert result.exit_code == 0, result.output


def test_a_report_hides_reorders_and_renames_its_kinds_columns(tmp_path):
    extra = ("      an_cot: [ghi_chu]\n      thu_tu_cot: [so_lieu, noi_dung]\n"
             "      tieu_de_cot: {so_lieu: Số liệu năm 2024}\n")
    result, out = build(tmp_path, _report(extra))
    assert result.exit_code == 0, result.output
    table = rows(out)
    assert table[0] == ["STT", "Kết quả", "Nội dung", "Đơn vị"]
    assert table[1] == ["STT", "Số liệu năm 2024", "Nội dung", "Đơn vị"]
    assert ["1", "120", "Thành lập mới", "doanh nghiệp"] in table


def test_an_unknown_column_to_hide_is_named_with_the_columns_there_are(tmp_path):
    result, _ = build(tmp_path, _report("      an_cot: [ghichu]\n"))
    assert result.exit_code == 1
    assert 'bảng loại "nhieu_cap" không có cột "ghichu" (có phải ý bạn là "ghi_chu"?)' in result.output


def test_an_unknown_row_key_lists_each_allowed_key_once(tmp_path):
    result, _ = build(tmp_path, _report().replace("{noi_dung: Giải thể,", "{noidung: x, noi_dung: Giải thể,"))
    assert result.exit_code == 1
    message = next(line for line in result.output.splitlines() if 'cột "noidung"' in line)
    listed = message.split("dùng: ")[1].split(", ")
    assert len(listed) == len(set(listed)) and "stt" in listed


def test_explicit_label_and_ban_hanh_kem_theo_pass_the_decree_check(tmp_path):
    result, out = build(tmp_path, _report())
    assert result.exit_code == 0, result.output
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "PHỤ LỤC SỐ 3" in texts
    assert "(Ban hành kèm theo Báo cáo số 05/BC-UBND của Ủy ban nhân dân tỉnh Bình Định)" in texts
    findings = check_docx(out)
    assert not [f for f in findings if f.rule == "appendix"], findings


def test_enumerations_and_lead_ins(tmp_path):
    body = """\
  - liet_ke: Ứng dụng trong ngân hàng
    danh_so: ngoac_la_ma
    kieu: tieu_de
    noi_dung:
      - "Cho vay tín chấp."
      - liet_ke: "Hộ nghèo;"
      - liet_ke: "Người có công."
  - liet_ke: Ứng dụng trong y tế
    danh_so: ngoac_la_ma
    kieu: tieu_de
  - doan: "Kết quả như sau:"
    noi_dung:
      - liet_ke: "thứ nhất"
        danh_so: mot_la
        gach_dau_dong: true
      - liet_ke: "thứ hai"
        danh_so: mot_la
        gach_dau_dong: true
"""
    result, out = build(tmp_path, _report(body=body))
    assert result.exit_code == 0, result.output
    texts = [p.text for p in Document(str(out)).paragraphs]
    i = texts.index("(i) Ứng dụng trong ngân hàng")
    assert texts[i:i + 5] == ["(i) Ứng dụng trong ngân hàng", "Cho vay tín chấp.", "(1) Hộ nghèo;",
                              "(2) Người có công.", "(ii) Ứng dụng trong y tế"]
    assert texts[i + 5:i + 8] == ["Kết quả như sau:", "- Một là, thứ nhất", "- Hai là, thứ hai"]
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    heading = xml[xml.rindex("<w:p>", 0, xml.index("Ứng dụng trong y tế")):xml.index("Ứng dụng trong y tế")]
    assert "<w:b/>" in heading and "<w:i/>" in heading and "<w:keepNext/>" in heading


def test_enumeration_labels():
    assert [enumeration_label("ngoac_so", n) for n in (1, 12)] == ["(1)", "(12)"]
    assert [enumeration_label("ngoac_la_ma", n) for n in (1, 4, 9)] == ["(i)", "(iv)", "(ix)"]
    assert [enumeration_label("mot_la", n) for n in (1, 4, 10, 11)] == ["Một là,", "Bốn là,", "Mười là,", "Thứ 11 là,"]


def _one_level_first_row(tmp_path, levels: str, title: str) -> list[str]:
    """STT and title of the first group row of a table whose kind is KIND with one level
    (`nhom: <levels>`) and one group titled `title`; two header rows stand above it."""
    kind = KIND.replace("""nhom:
  - {ma: chu_cai, in_hoa: true, dem: CHỈ TIÊU}
  - {ma: so, dem: chỉ tiêu}
  - {ma: phan_cap, nghieng: true}
""", f"nhom: {levels}\n")
    project_with_templates(tmp_path, kinds={"nhieu_cap": kind})
    text = REPORT_HEAD + f"""\
noi_dung: ["Xem {{{{ phu_luc('b') }}}}."]
phu_luc:
  - id: b
    tieu_de: Bảng
    bang:
      loai: nhieu_cap
      nhom:
        - ten: {title}
          dong: [{{noi_dung: x}}]
"""
    result, out = build(tmp_path, text)
    assert result.exit_code == 0, result.output
    return rows(out)[2][:2]


def test_one_level_kinds_keep_capital_titles(tmp_path):
    """A kind with `nhom: {...}` (one level) prints titles in capitals, as the examples expect."""
    assert ["I", "NHÓM MỘT (01 MỤC)"] == _one_level_first_row(tmp_path, "{ma: la_ma, dem: MỤC}", "Nhóm một")


def test_a_one_level_kind_may_print_titles_as_typed(tmp_path):
    assert _one_level_first_row(tmp_path, "{ma: la_ma, in_hoa: false}", "Nhiệm vụ của địa phương") == \
        ["I", "Nhiệm vụ của địa phương"]
