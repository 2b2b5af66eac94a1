"""Every mistake a user can make comes back as file:line, in Vietnamese, with a non-zero exit and no traceback."""

import pytest

from conftest import project_with_templates, run_cli


def build_broken(mini_copy, tmp_path, old, new, target="report.yaml"):
    path = mini_copy.parent / target
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return run_cli("build", mini_copy, "-o", tmp_path / "out.docx")


def line_of(path, needle):
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize("old,new,needle,message", [
    ("ky_hieu: BC-UBND", "ky_hieu: BC-UBND: x", "ky_hieu", "lỗi cú pháp YAML"),
    ("ky_hieu: BC-UBND", "ky_hieuu: BC-UBND", "ky_hieuu", 'khóa "ky_hieuu" không được dùng ở đây (có phải ý bạn là "ky_hieu"?)'),
    ("ty_le_ghi: 95.14", "ty_le_ghii: 95.14", "ty_le_ghii", 'khóa "ty_le_ghii" không được dùng ở đây (có phải ý bạn là "ty_le_ghi"?)'),
    ("so: 117", "so: [117]", "so: [117]", "cần một số nguyên hoặc một chuỗi văn bản, nhưng đang là danh sách"),
    ("ngay: 2024-07-05", "ngay: 2024-02-30", "ngay: 2024-02-30", 'ngày "2024-02-30" không tồn tại: tháng 2 năm 2024 chỉ có 29 ngày'),
    ("luu: VT, KSTT", "", None, 'thiếu trường bắt buộc "luu"'),
    ("ty_le_ghi: 95.14", "ty_le_ghi: 95.41", "ty_le_ghi", "tỷ lệ ghi 95,41% không khớp với 1.195.107/1.256.188 = 95,14%"),
    ("ghi=2", "ghi=5", "ghi=5", 'số ghi tay 05 khác với số đếm từ bảng "nhiem-vu"'),
    ("so_luong: 2", "so_luong: 3", "so_luong: 3", "ghi 03 NHIỆM VỤ nhưng có 02 dòng"),
    ("{{ ct.dinh_danh }}", "{{ ct.dinh_danhh }}", "ct.dinh_danhh", 'chưa khai báo chỉ tiêu "dinh_danhh" (có phải ý bạn là "dinh_danh"?)'),
    ("phu_luc('nhiem-vu')", "phu_luc('nhiem-vuu')", "nhiem-vuu", 'không có phụ lục "nhiem-vuu"'),
    ("trang_thai: hoan_thanh}", "trang_thai: xong}", "trang_thai: xong", 'trạng thái "xong" không có trong loại bảng này'),
    ("- gach: Ban", "- gachh: Ban", "gachh", 'không rõ loại khối "gachh" (có phải ý bạn là "gach"?)'),
    ("[^qd]", "[^qq]", "[^qq]", 'chưa có chú thích "qq"'),
    ("{{ ct.dinh_danh }}", "{{ ''.__class__.__mro__ }}", "__class__", "bị chặn vì lý do an toàn"),
])
def test_user_errors_name_file_line_and_field(mini_copy, tmp_path, old, new, needle, message):
    result = build_broken(mini_copy, tmp_path, old, new)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert message in result.output
    if needle:
        line = line_of(mini_copy, needle)
        assert f"report.yaml:{line}:" in result.output
    else:
        assert "report.yaml:1:1" in result.output


def test_all_problems_reported_in_one_run(mini_copy):
    text = mini_copy.read_text(encoding="utf-8")
    text = text.replace("ky_hieu: BC-UBND", "ky_hieuu: BC-UBND").replace("so: 117", "so: 117/2024")
    mini_copy.write_text(text.replace("luu: VT, KSTT", ""), encoding="utf-8")
    result = run_cli("validate", mini_copy)
    assert result.exit_code == 1
    for expected in ('khóa "ky_hieuu"', 'thiếu trường bắt buộc "luu"', 'số văn bản "117/2024" phải là một số'):
        assert expected in result.output


def test_error_in_included_file_names_that_file(mini_copy, tmp_path):
    result = build_broken(mini_copy, tmp_path, "ho_ten: Lâm Hải Giang", "ho_ten: [Lâm Hải Giang]", "agency.yaml")
    assert result.exit_code == 1
    assert f"agency.yaml:{line_of(mini_copy.parent / 'agency.yaml', 'ho_ten')}:" in result.output


def test_template_undefined_name_names_template_file_and_line(mini_copy, tmp_path):
    project = mini_copy.parent.parent
    (project / "templates").unlink()  # the fixture's link to the repository's templates: edit a copy
    templates = project_with_templates(project)
    ket_thuc = templates / "de-an-06-bao-cao/ket_thuc.j2"
    ket_thuc.write_text("Dòng một\n{{ bao_cao.khong_co }} báo cáo./.\n", encoding="utf-8")
    result = run_cli("build", mini_copy, "-o", tmp_path / "out.docx")
    assert result.exit_code == 1
    assert "ket_thuc.j2:2:" in result.output and "khong_co" in result.output


def test_failed_build_keeps_previous_output(mini_copy, tmp_path):
    out = tmp_path / "out.docx"
    assert run_cli("build", mini_copy, "-o", out).exit_code == 0
    before = out.read_bytes()
    result = build_broken(mini_copy, tmp_path, "so: 117", "so: [117]")
    assert result.exit_code == 1
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_unknown_template_lists_the_available_ones(mini_copy, tmp_path):
    result = build_broken(mini_copy, tmp_path, "mau: de-an-06-bao-cao", "mau: de-an-06-bao-ca")
    assert result.exit_code == 1
    assert 'không có mẫu "de-an-06-bao-ca"' in result.output and "de-an-06-bao-cao" in result.output


def test_missing_file_is_a_clear_error(tmp_path):
    result = run_cli("validate", tmp_path / "khong-co.yaml")
    assert result.exit_code != 0


def test_warnings_become_errors_with_strict(mini_copy):
    text = mini_copy.read_text(encoding="utf-8")
    mini_copy.write_text(text.replace("  qd: Quyết định", "  thua: Chưa dùng.\n  qd: Quyết định"), encoding="utf-8")
    relaxed = run_cli("validate", mini_copy)
    assert relaxed.exit_code == 0
    assert 'cảnh báo: chú thích "thua" không được dẫn ở đâu' in relaxed.output
    assert f"report.yaml:{line_of(mini_copy, 'thua:')}:" in relaxed.output
    strict = run_cli("validate", "--strict", mini_copy)
    assert strict.exit_code == 1


def test_unused_indicator_is_a_warning(mini_copy, tmp_path):
    text = mini_copy.read_text(encoding="utf-8").replace("{{ ct.dinh_danh }}, {{ ct.dinh_danh.so_muc_tieu }}", "x")
    mini_copy.write_text(text, encoding="utf-8")
    result = run_cli("build", "--strict", mini_copy, "-o", tmp_path / "o.docx")
    assert result.exit_code == 1
    assert 'chỉ tiêu "dinh_danh" được khai báo nhưng không được in ở đâu' in result.output


def test_paths_are_shown_from_the_working_folder_of_the_moment(tmp_path, monkeypatch):
    """Shown paths are kept per working folder: after a change of folder they are shown from
    the new one, and a path outside it is shown whole."""
    from reportgen.errors import display_path

    report = tmp_path / "inputs" / "bao-cao.yaml"
    report.parent.mkdir()
    report.write_text("ky: nam-2025\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert display_path(report) == "inputs/bao-cao.yaml"
    assert display_path("inputs/./bao-cao.yaml") == "inputs/bao-cao.yaml"
    monkeypatch.chdir(report.parent)
    assert display_path(report) == "bao-cao.yaml"
    assert display_path("../inputs/bao-cao.yaml") == "bao-cao.yaml"
    outside = tmp_path.parent / "khac.yaml"
    assert display_path(outside) == str(outside)
