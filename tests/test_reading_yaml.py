"""No YAML 1.1 surprises, and YAML syntax errors told in Vietnamese by either parser."""

import datetime as dt

import pytest
import yaml
from conftest import run_cli
from test_reading_numbers import built_bytes, line_of, rewrite

from reportgen.source.scalars import Loader, PurePythonLoader, resolve_plain
from reportgen.source.yaml_errors import syntax_diagnostic

ENGLISH = ("mapping values", "not allowed", "expected", "found", "while ", "scanning", "parsing", "token",
           "character", "context")


@pytest.mark.parametrize("text,value", [
    ("true", True), ("false", False), ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"),
    ("1:30", "1:30"), ("0o12", "0o12"), ("0x1F", "0x1F"), ("1_000", "1_000"), ("05", 5), ("117", 117),
    ("95.14", 95.14), ("2024-07-05", dt.date(2024, 7, 5)), ("2024-02-30", "2024-02-30"), ("~", None),
    ("Bình Định", "Bình Định"),
])
def test_plain_scalars_mean_what_yaml_1_2_says(text, value):
    resolved = resolve_plain(text)
    assert resolved == value and type(resolved) is type(value)


def validate(mini_copy, *pairs):
    rewrite(mini_copy, *pairs)
    return run_cli("validate", "--strict", mini_copy)


def test_so_yes_is_not_a_boolean(mini_copy):
    result = validate(mini_copy, ("so: 117", "so: yes"))
    assert f'report.yaml:{line_of(mini_copy, "so: yes")}:5: lỗi [so]: số văn bản "yes" phải là một số' in result.output


def test_so_true_is_refused(mini_copy):
    result = validate(mini_copy, ("so: 117", "so: true"))
    assert (f"report.yaml:{line_of(mini_copy, 'so: true')}:5: lỗi [so]: cần một số hoặc một chuỗi văn bản, "
            "không phải true (true/false)") in result.output


def test_number_with_a_leading_zero_stays_as_typed(mini_copy, tmp_path):
    rewrite(mini_copy, ("so: 117", "so: 05"))
    result = run_cli("build", "--text", mini_copy, "-o", tmp_path / "r.docx")
    assert result.exit_code == 0, result.output
    assert "Số: 05/BC-UBND" in (tmp_path / "r.txt").read_text(encoding="utf-8")


def test_quoted_and_plain_leading_zero_build_the_same_bytes(mini_copy, tmp_path):
    rewrite(mini_copy, ("so: 117", "so: 05"))
    plain = built_bytes(mini_copy, tmp_path / "a.docx")
    rewrite(mini_copy, ("so: 05", 'so: "05"'), ("thap_nhat: true", "thap_nhat: True"))
    assert built_bytes(mini_copy, tmp_path / "b.docx") == plain


def test_base_sixty_is_not_a_number(mini_copy):
    result = validate(mini_copy, ("gia_tri: 80}", "gia_tri: 1:30}"))
    assert 'cần một tỷ lệ phần trăm: "1:30" không phải là một số' in result.output


def test_yes_for_a_boolean_says_true_or_false(mini_copy):
    result = validate(mini_copy, ("thap_nhat: true", "thap_nhat: yes"))
    assert '"yes" không phải true/false: ghi true (có) hoặc false (không)' in result.output


def test_numbers_in_texts_are_kept_as_typed(mini_copy, tmp_path):
    rewrite(mini_copy, ("ten: Nhiệm vụ của bộ ngành", "ten: 2024.10"), ("- Đoạn văn thường[^qd].", "- 0005"))
    result = run_cli("build", "--text", mini_copy, "-o", tmp_path / "r.docx")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert "2024.10" in text and "\n0005" in text.replace("\t", "\n")


def test_key_that_is_not_text(mini_copy):
    result = validate(mini_copy, ("luu: VT, KSTT", "luu: VT, KSTT\n? [a, b]\n: x"))
    line = line_of(mini_copy, "? [a, b]")
    assert f"report.yaml:{line}:3: lỗi: khóa phải là một chữ (ví dụ ten:)" in result.output


def test_duplicate_key_names_both_lines(mini_copy):
    result = validate(mini_copy, ("luu: VT, KSTT", "luu: VT, KSTT\nluu: VT"))
    first, second = line_of(mini_copy, "luu: VT, KSTT"), line_of(mini_copy, "luu: VT") + 1
    assert (f'report.yaml:{second}:1: lỗi: khóa "luu" bị khai báo hai lần trong cùng một khối (lần đầu ở dòng '
            f"{first}); giữ một lần (xem ") in result.output
    assert f"report.yaml:{first}:1)" in result.output


def test_text_starting_with_an_anchor_sign(mini_copy):
    result = validate(mini_copy, ("ky_hieu: BC-UBND", "ky_hieu: &BC BC-UBND"))
    line = line_of(mini_copy, "ky_hieu: &BC")
    assert (f'report.yaml:{line}:10: lỗi: văn bản bắt đầu bằng dấu &: YAML hiểu "&BC" là tên neo (anchor) và bỏ '
            'nó đi; đặt cả văn bản trong ngoặc kép, ví dụ: "&BC BC-UBND"') in result.output


def test_text_starting_with_a_tag_sign(mini_copy):
    result = validate(mini_copy, ("ky_hieu: BC-UBND", "ky_hieu: !BC-UBND x"))
    line = line_of(mini_copy, "ky_hieu: !BC")
    assert (f'report.yaml:{line}:10: lỗi: "!BC-UBND" được YAML hiểu là một thẻ (tag) vì văn bản bắt đầu bằng dấu !; '
            'đặt cả văn bản trong ngoặc kép, ví dụ: "!BC-UBND x"') in result.output


# --- syntax errors: the same Vietnamese message from libyaml and from the Python parser -----------

SYNTAX = [
    ("a: 1\n\tb: 2\n", ("f.yaml:2:1: lỗi: lỗi cú pháp YAML: có ký tự tab ở đầu dòng; YAML chỉ nhận dấu cách để "
                       "thụt lề: thay tab bằng dấu cách (mỗi cấp 2 dấu cách)")),
    ("a:\n\tb: 1\n", ("f.yaml:2:1: lỗi: lỗi cú pháp YAML: có ký tự tab ở đầu dòng; YAML chỉ nhận dấu cách để "
                     "thụt lề: thay tab bằng dấu cách (mỗi cấp 2 dấu cách)")),
    ("ky_hieu: BC-UBND: x\n", ('f.yaml:1:17: lỗi: lỗi cú pháp YAML: trong văn bản có dấu hai chấm và dấu cách '
                              '(": "), YAML hiểu là bắt đầu một khóa mới: đặt cả văn bản trong ngoặc kép, '
                              'ví dụ: ky_hieu: "BC-UBND: x"')),
    ("khoan: {{ ct.x }} đạt\n", ('f.yaml:1:8: lỗi: lỗi cú pháp YAML: văn bản bắt đầu bằng dấu {{ (biểu thức) '
                                "(YAML hiểu là biểu thức cú pháp): đặt cả văn bản trong ngoặc kép, ví dụ: "
                                'khoan: "{{ ct.x }} đạt"')),
    ("ten: [Luật] Đất đai\n", ("f.yaml:1:6: lỗi: lỗi cú pháp YAML: văn bản bắt đầu bằng dấu [ (YAML hiểu là biểu "
                              'thức cú pháp): đặt cả văn bản trong ngoặc kép, ví dụ: ten: "[Luật] Đất đai"')),
    ("ten: {x} y\n", ("f.yaml:1:6: lỗi: lỗi cú pháp YAML: văn bản bắt đầu bằng dấu { (YAML hiểu là biểu thức cú "
                     'pháp): đặt cả văn bản trong ngoặc kép, ví dụ: ten: "{x} y"')),
    ("ten: *quan trọng*\n", ("f.yaml:1:6: lỗi: lỗi cú pháp YAML: văn bản bắt đầu bằng dấu * (YAML hiểu là biểu "
                            'thức cú pháp): đặt cả văn bản trong ngoặc kép, ví dụ: ten: "*quan trọng*"')),
    ("ten: %abc\n", ("f.yaml:1:6: lỗi: lỗi cú pháp YAML: văn bản bắt đầu bằng dấu % (YAML hiểu là biểu thức cú "
                    'pháp): đặt cả văn bản trong ngoặc kép, ví dụ: ten: "%abc"')),
    ("ten: @abc\n", ("f.yaml:1:6: lỗi: lỗi cú pháp YAML: văn bản bắt đầu bằng dấu @ (YAML hiểu là biểu thức cú "
                    'pháp): đặt cả văn bản trong ngoặc kép, ví dụ: ten: "@abc"')),
    ('ten: "abc\nluu: x\n', ('f.yaml:1:6: lỗi: lỗi cú pháp YAML: dấu ngoặc kép " mở ở dòng 1, cột 6 chưa được '
                            'đóng: thêm dấu " ở cuối văn bản (trong văn bản, viết \\" cho dấu ngoặc kép, hoặc \'\' '
                            "cho dấu nháy đơn khi cả chuỗi trong nháy đơn)")),
    ("noi_nhan: [Như trên, Bộ Công an\nluu: x\n",
     ("f.yaml:1:11: lỗi: lỗi cú pháp YAML: dấu [ mở ở dòng 1, cột 11 chưa được đóng bằng ] (các mục ngăn nhau "
     "bằng dấu phẩy, trên cùng một dòng); nếu đây là văn bản bắt đầu bằng [, đặt cả văn bản trong ngoặc kép: "
     'noi_nhan: "[Như trên, Bộ Công an" (xem f.yaml:2:4)')),
    ("a:\n  b: 1\n c: 2\n", ("f.yaml:3:2: lỗi: lỗi cú pháp YAML: thụt lề không đúng: dòng 3 bắt đầu ở cột 2, "
                            "không thẳng hàng với khối nào ở trên; các khóa cùng cấp phải bắt đầu cùng một cột: "
                            "cột 3 (như dòng 2) hoặc cột 1 (như dòng 1)")),
    ("a:\n  b: 1\n   c: 2\n", ("f.yaml:3:4: lỗi: lỗi cú pháp YAML: thụt lề không đúng: dòng 3 bắt đầu ở cột 4, "
                             "sâu hơn khóa ở dòng 2 (cột 3) mà khóa đó đã có giá trị; nếu là khóa cùng cấp, bắt đầu "
                             "ở cột 3")),
    ("chi_tieu:\n  - id: x\n     ten: y\n", ("f.yaml:3:6: lỗi: lỗi cú pháp YAML: thụt lề không đúng: dòng 3 bắt đầu "
                                           "ở cột 6, sâu hơn khóa ở dòng 2 (cột 5) mà khóa đó đã có giá trị; "
                                           "nếu là khóa cùng cấp, bắt đầu ở cột 5")),
    ("chi_tieu:\n  - id: x\n   ten: y\n", ("f.yaml:3:4: lỗi: lỗi cú pháp YAML: thụt lề không đúng: dòng 3 bắt đầu "
                                          "ở cột 4, không thẳng hàng với khối nào ở trên; các khóa cùng cấp phải "
                                          "bắt đầu cùng một cột: cột 5 (như dòng 2) hoặc cột 3 (như dòng 2) hoặc "
                                          "cột 1 (như dòng 1)")),
    ("a: 1\nb\nc: 2\n", ("f.yaml:2:1: lỗi: lỗi cú pháp YAML: dòng 2 thiếu dấu hai chấm sau khóa (viết khóa: giá "
                        "trị); nếu đây là dòng tiếp theo của một văn bản dài, thụt vào sâu hơn khóa của văn bản đó")),
    ('a: "x\\q"\n', ("f.yaml:1:6: lỗi: lỗi cú pháp YAML: dấu \\ trong chuỗi ngoặc kép phải đi với một ký tự thoát "
                    "hợp lệ (\\n, \\\", \\\\): viết \\\\ cho một dấu \\, hoặc đặt chuỗi trong nháy đơn '...'")),
    ("noi_dung:\n  - gach: Trong năm #1 xyz\n      tiếp tục\n",
     ('f.yaml:2:21: lỗi: lỗi cú pháp YAML: dòng 2 có " #": YAML coi phần sau là chú thích nên văn bản dừng ở đó '
     'và dòng 3 không nối tiếp được; đặt cả văn bản trong ngoặc kép: "Trong năm #1 xyz tiếp tục"')),
    ("a: 1\n---\nb: 2\n", ("f.yaml:2:1: lỗi: lỗi cú pháp YAML: tệp chỉ chứa một văn bản YAML: bỏ dòng --- (hoặc "
                          "dòng bắt đầu bằng %) ở giữa tệp")),
]


@pytest.mark.parametrize("loader", [Loader, PurePythonLoader], ids=["libyaml", "python"])
@pytest.mark.parametrize("text,expected", SYNTAX)
def test_syntax_error_in_vietnamese_from_either_parser(loader, text, expected):
    with pytest.raises(yaml.YAMLError) as caught:
        yaml.compose(text, Loader=loader)
    rendered = syntax_diagnostic("f.yaml", text, caught.value).render()
    assert rendered == expected
    assert not any(word in rendered for word in ENGLISH)


def test_unknown_syntax_error_still_in_vietnamese():
    class Odd(yaml.YAMLError):
        problem, context, problem_mark, context_mark = "something new in English", None, None, None
    rendered = syntax_diagnostic("f.yaml", "a: 1\n", Odd()).render()
    assert rendered.startswith("f.yaml: lỗi: lỗi cú pháp YAML: không đọc được tệp từ chỗ này")


def test_syntax_error_through_the_command(mini_copy):
    result = validate(mini_copy, ("ky_hieu: BC-UBND", "ky_hieu: BC-UBND: x"))
    line = line_of(mini_copy, "ky_hieu: BC-UBND: x")
    assert (f'report.yaml:{line}:17: lỗi: lỗi cú pháp YAML: trong văn bản có dấu hai chấm và dấu cách (": ")'
            in result.output)
    assert not any(word in result.output for word in ENGLISH)


@pytest.mark.parametrize("loader", [Loader, PurePythonLoader], ids=["libyaml", "python"])
def test_character_yaml_refuses_is_named_with_its_place(loader):
    text = "a: 1\nb: x\x07y\n"
    with pytest.raises(yaml.YAMLError) as caught:
        yaml.compose(text, Loader=loader)
    assert syntax_diagnostic("f.yaml", text, caught.value).render() == (
        "f.yaml:2:5: lỗi: lỗi cú pháp YAML: ký tự U+0007 không được dùng trong tệp YAML: xóa ký tự này "
        "(thường do chép từ trang web hay PDF)")
