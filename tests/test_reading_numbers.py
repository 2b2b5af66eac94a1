"""Figures typed the Vietnamese way are read as meant, or refused with both readings."""

import pytest
from conftest import run_cli

from reportgen import formatting as F
from reportgen.source.loader import load
from reportgen.source.validate import check_report


def rewrite(report, *pairs):
    text = report.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    report.write_text(text, encoding="utf-8")
    return report


def line_of(path, needle):
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def built_bytes(report, out):
    result = run_cli("build", "--strict", report, "-o", out)
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@pytest.mark.parametrize("typed,whole,value,digits", [
    ("1.423.297", False, 1423297, "1423297"),
    ("18.535.000.000", False, 18535000000, "18535000000"),
    ("95.321", True, 95321, "95321"),
    ("95,09", False, 95.09, "95.09"),
    ("98,70", False, 98.7, "98.70"),
    ("95.14", False, 95.14, "95.14"),
    ("1.423.297,5", False, 1423297.5, "1423297.5"),
    ("-1.500", True, -1500, "-1500"),
    ("1 423 297", True, 1423297, "1423297"),
    ("05", True, 5, "5"),
])
def test_read_number(typed, whole, value, digits):
    reading = F.read_number(typed, whole=whole)
    assert reading.value == value and type(reading.value) is type(value)
    assert reading.digits == digits


@pytest.mark.parametrize("typed,whole,message", [
    ("95.321", False, ('"95.321" đọc được hai cách: 95321 (dấu chấm ngăn hàng nghìn) hoặc 95,321 (số thập phân); '
                      "viết 95321 nếu là số hàng nghìn, 95,321 nếu là số thập phân")),
    ("95,321", True, ('"95,321" là số thập phân, nhưng ở đây cần một số nguyên '
                     "(nếu là số hàng nghìn thì viết 95.321 hoặc 95321)")),
    ("95.32", True, ('"95.32" là số thập phân, nhưng ở đây cần một số nguyên (dấu chấm chỉ ngăn hàng nghìn khi '
                    "theo sau là đúng ba chữ số, ví dụ 1.423.297)")),
    ("1,423,297", False, ('"1,423,297" viết dấu phẩy ngăn hàng nghìn theo kiểu tiếng Anh; '
                         "viết theo kiểu Việt Nam: 1.423.297")),
    ("1:30", False, '"1:30" không phải là một số; viết ví dụ 1.423.297 hoặc 95,09'),
    ("1.423.29", False, '"1.423.29" không phải là một số; viết ví dụ 1.423.297 hoặc 95,09'),
])
def test_number_that_cannot_be_read_says_why(typed, whole, message):
    with pytest.raises(F.ReadingError) as caught:
        F.read_number(typed, whole=whole)
    assert str(caught.value) == message


def test_counts_written_the_vietnamese_way_are_counts(mini_copy, tmp_path):
    rewrite(mini_copy, ("tu_so: 1195107", "tu_so: 95.321"), ("mau_so: 1256188", "mau_so: 100.240"),
            ("ty_le_ghi: 95.14", "ty_le_ghi: 95,09"))
    result = run_cli("build", "--strict", "--text", mini_copy, "-o", tmp_path / "r.docx")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert "95.321/100.240 trường hợp, đạt tỷ lệ 95,09%" in text


def test_both_spellings_build_the_same_bytes(mini_copy, tmp_path):
    plain = built_bytes(mini_copy, tmp_path / "a.docx")
    rewrite(mini_copy, ("tu_so: 1195107", "tu_so: 1.195.107"), ("mau_so: 1256188", 'mau_so: "1.256.188"'),
            ("ty_le_ghi: 95.14", "ty_le_ghi: 95,14%"), ("gia_tri: 80}", "gia_tri: '80,0'}"))
    assert built_bytes(mini_copy, tmp_path / "b.docx") == plain


def test_ambiguous_figure_where_decimals_are_allowed(mini_copy):
    rewrite(mini_copy, ("don_vi: trường hợp", "don_vi: triệu đồng"), ("tu_so: 1195107", "tu_so: 95.321"))
    result = run_cli("validate", mini_copy)
    assert result.exit_code == 1
    line = line_of(mini_copy, "tu_so: 95.321")
    assert (f"report.yaml:{line}:12: lỗi [chi_tieu[1].tu_so]: cần một số: \"95.321\" đọc được hai cách: 95321 "
            "(dấu chấm ngăn hàng nghìn) hoặc 95,321 (số thập phân); viết 95321 nếu là số hàng nghìn, 95,321 nếu là "
            "số thập phân") in result.output
    assert "cần một số, nhưng" not in result.output  # said once, not again by the schema


@pytest.mark.parametrize("old, new, column, message", [
    ("ty_le_ghi: 95.14", "ty_le_ghi: 95.140", 16,
     'lỗi [chi_tieu[1].ty_le_ghi]: cần một tỷ lệ phần trăm: "95.140" đọc được hai cách'),
    ("tu_so: 1195107", "tu_so: 1195,5", 12,
     'lỗi [chi_tieu[1].tu_so]: cần một số đếm (số nguyên): "1195,5" là số thập phân, nhưng ở đây cần một số nguyên'),
    ("so_luong: 2", "so_luong: 2,5", 21, "lỗi [phu_luc[1].bang.nhom[1].so_luong]: cần một số đếm (số nguyên)"),
    ("gia_tri: 90,", "gia_tri: 90,5,", 47, ('lỗi: trong {...} dấu phẩy ngăn các mục, nên "90,5" bị đọc thành hai phần; '
                                            'viết số thập phân trong ngoặc kép: "90,5"')),
], ids=["percentage-with-a-thousands-group", "count-with-decimals", "group-count", "decimal-comma-in-a-flow-mapping"])
def test_a_figure_that_cannot_be_read_is_named_at_its_line_and_column(mini_copy, old, new, column, message):
    rewrite(mini_copy, (old, new))
    result = run_cli("validate", mini_copy)
    line = line_of(mini_copy, new)
    assert f"report.yaml:{line}:{column}: {message}" in result.output


def test_english_thousands_are_refused_with_the_vietnamese_spelling(mini_copy):
    rewrite(mini_copy, ("mau_so: 1256188", 'mau_so: "1,256,188"'))
    result = run_cli("validate", mini_copy)
    assert 'viết dấu phẩy ngăn hàng nghìn theo kiểu tiếng Anh; viết theo kiểu Việt Nam: 1.256.188' in result.output


def test_parts_and_previous_period_take_the_indicators_unit(mini_copy):
    rewrite(mini_copy, ("    ty_le_ghi: 95.14\n", ("    ty_le_ghi: 95.14\n    ky_truoc: {tu_so: 1.000, mau_so: 2.000}\n"
                                                 "    thanh_phan:\n"
                                                 "      - {id: cap_tinh, ten: cấp tỉnh, tu_so: 1.000, mau_so: 1.002}\n")))
    result = run_cli("validate", "--strict", mini_copy)
    assert "cần một" not in result.output, result.output
    loaded = load(mini_copy)
    check_report(loaded)
    indicator = loaded.data["chi_tieu"][0]
    assert indicator["ky_truoc"] == {"tu_so": 1000, "mau_so": 2000}
    assert (indicator["thanh_phan"][0]["tu_so"], indicator["thanh_phan"][0]["mau_so"]) == (1000, 1002)
