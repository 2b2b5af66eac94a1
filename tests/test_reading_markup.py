"""Markup opened and never closed is an error at its line and column, never printed;
empty table rows and indicators printed without a figure are errors with the line."""

import unicodedata

import pytest
from conftest import run_cli
from test_reading_numbers import line_of, rewrite

from reportgen.compose.inline import parse_inline
from reportgen.document import Span
from reportgen.errors import Diagnostics, Location
from reportgen.source.markup import unclosed


@pytest.mark.parametrize("text,found", [
    ("**đậm** và *nghiêng* và ***cả hai***", []),
    ("Ghi chú (*) và 5 * 3 và \\*sao", []),
    ("“*Một việc - Một đầu mối xuyên suốt*”", []),
    ("**đậm", [(0, "**")]), ("Rất *quan trọng", [(4, "*")]), ("a ^[chú thích", [(2, "^[")]),
    ("a ^[Quyết định [số 1] ngày 2]", []), ("xem[^qd", [(3, "[^")]), ("đạt {{ ct.x", [(4, "{{")]),
    ("a ^[**b] c", [(4, "**")]),
])
def test_unclosed_markup(text, found):
    assert unclosed(text) == found


@pytest.mark.parametrize("old,new,at,sign,closing,what", [
    ("về **thủ tục**.", "về **thủ tục.", "**thủ tục.", "**", "**", "in đậm"),
    ("Cấp tỉnh *đạt*", "Cấp tỉnh *đạt", "*đạt", "*", "*", "in nghiêng"),
    ("06 Quyết định^[Quyết định số 637/QĐ-UBND ngày 26/02/2024.]", "06 Quyết định^[Quyết định số 637",
     "^[Quyết", "^[", "]", "chú thích"),
    ("Đoạn văn thường[^qd].", "Đoạn văn thường[^qd.", "[^qd.", "[^", "]", "tên chú thích"),
    ("{{ ct.dinh_danh }}, {{", "{{ ct.dinh_danh, {{", "{{ ct.dinh_danh,", "{{", "}}", "biểu thức"),
])
def test_unclosed_markup_in_a_report_names_line_and_column(mini_copy, old, new, at, sign, closing, what):
    rewrite(mini_copy, (old, new))
    result = run_cli("validate", mini_copy)
    assert result.exit_code == 1
    line = line_of(mini_copy, at)
    column = mini_copy.read_text(encoding="utf-8").splitlines()[line - 1].index(at) + 1
    literal = f", hoặc viết \\{sign[0]} nếu muốn in chính dấu {sign[0]}" if sign[0] in "*[^" else ""
    assert f"report.yaml:{line}:{column}: lỗi [" in result.output
    assert (f"dấu {sign} mở ở đây ({what}) nhưng không có dấu {closing} đóng lại: thêm {closing} sau phần cần "
            f"{what}{literal}") in result.output
    assert "got" not in result.output and "expected" not in result.output


def test_unclosed_markup_in_a_multi_line_text(mini_copy):
    rewrite(mini_copy, ("khoan: Trong 6 tháng đầu năm 2024, tình hình ổn định.",
                        "khoan: Trong 6 tháng đầu năm 2024,\n          tình hình **ổn định."))
    result = run_cli("validate", mini_copy)
    line = line_of(mini_copy, "tình hình **ổn định.")
    assert f"report.yaml:{line}:21: lỗi [noi_dung[1].noi_dung[1].khoan]: dấu ** mở ở đây (in đậm)" in result.output


def test_unclosed_markup_from_a_template_is_not_printed():
    diags = Diagnostics()
    out = parse_inline("Kết quả **đạt và ^[chú thích", Location("mau/ket_thuc.j2", 1, 1), diags)
    printed = "".join(s.text for s in out if isinstance(s, Span))
    assert printed == "Kết quả đạt và chú thích"  # the text stays, the signs do not
    assert [d.render() for d in diags.items] == [
        ("mau/ket_thuc.j2:1:1: lỗi: dấu ** mở ở đây (in đậm) nhưng không có dấu ** đóng lại: thêm ** sau phần cần "
        "in đậm, hoặc viết \\* nếu muốn in chính dấu * (ký tự thứ 9 của văn bản)"),
        ("mau/ket_thuc.j2:1:1: lỗi: dấu ^[ mở ở đây (chú thích) nhưng không có dấu ] đóng lại: thêm ] sau phần cần "
        "chú thích, hoặc viết \\^ nếu muốn in chính dấu ^ (ký tự thứ 18 của văn bản)"),
    ]


def test_literal_stars_still_print():
    diags = Diagnostics()
    out = parse_inline("Số liệu (*) ước tính; 5 * 3", Location("f", 1, 1), diags)
    assert "".join(s.text for s in out) == "Số liệu (*) ước tính; 5 * 3" and not diags.items


@pytest.mark.parametrize("row", ["{}", "{noi_dung: , van_ban: ''}"])
def test_empty_table_row(mini_copy, row):
    rewrite(mini_copy, ("            - {noi_dung: Việc ba,", f"            - {row}\n            - {{noi_dung: Việc ba,"))
    result = run_cli("validate", mini_copy)
    assert result.exit_code == 1
    line = line_of(mini_copy, f"- {row}")
    assert (f"report.yaml:{line}:15: lỗi [phu_luc[1].bang.nhom[2].dong[1]]: dòng trống trong bảng: ghi nội dung "
            "cho ít nhất một cột (ví dụ noi_dung: ...), hoặc xóa dòng này") in result.output


def test_indicator_printed_without_a_figure(mini_copy):
    rewrite(mini_copy, ("  - id: dinh_danh\n", ("  - id: chua_co\n    ten: Chưa có số\n    don_vi: '%'\n"
                                               "  - id: dinh_danh\n")),
            ("- Đoạn văn thường[^qd].", "- Đoạn văn thường[^qd] {{ ct.chua_co }}."))
    result = run_cli("build", mini_copy, "-o", mini_copy.parent / "r.docx")
    assert result.exit_code == 1
    line = line_of(mini_copy, "{{ ct.chua_co }}")
    assert (f'report.yaml:{line}:13: lỗi: chỉ tiêu "chua_co" chưa có số liệu nên không in được: ghi gia_tri, '
            "hoặc tu_so và mau_so, hoặc ty_le") in result.output
    assert not (mini_copy.parent / "r.docx").exists()


def test_template_text_in_nfd_is_printed_composed():
    out = parse_inline(unicodedata.normalize("NFD", "trân trọng báo cáo"), Location("f", 1, 1), Diagnostics())
    assert out[0].text == "trân trọng báo cáo" and unicodedata.is_normalized("NFC", out[0].text)
