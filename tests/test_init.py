"""`reportgen init` and `reportgen templates`: a project that builds with the built-in templates."""

import os
from pathlib import Path

from conftest import run_cli

from reportgen.commands.init import EXAMPLE_REPORT, STARTER_FILES
from reportgen.source.json_schema import MODELINE_PREFIX

ROOT = Path(__file__).resolve().parents[1]


def _init(tmp_path, *args):
    folder = tmp_path / "du-an"
    result = run_cli("init", folder, *args)
    return folder, result


def test_init_makes_a_project_whose_example_builds_strict_and_passes_check(tmp_path, monkeypatch):
    folder, result = _init(tmp_path)
    assert result.exit_code == 0, result.output
    for relative in [Path("schema/reportgen.schema.json"), *STARTER_FILES]:
        assert (folder / relative).is_file(), relative
        assert f"đã tạo {folder / relative}" in result.output or f"đã tạo {os.path.relpath(folder / relative)}" \
            in result.output
    assert [p.name for p in (folder / "templates").iterdir()] == ["README.md"]  # the built-in ones are enough
    assert "bao-cao-thang-10-2025.yaml: hợp lệ." in result.output
    monkeypatch.chdir(folder)
    built = run_cli("build", "--strict", "--text", EXAMPLE_REPORT)
    assert built.exit_code == 0, built.output
    assert "cảnh báo" not in built.output
    text = (folder / "outputs/bao-cao-thang-10-2025.txt").read_text(encoding="utf-8")
    assert "Hồ sơ nộp trực tuyến: 412/487 hồ sơ, đạt tỷ lệ 84,6%, vượt chỉ tiêu (Ủy ban nhân dân tỉnh giao 80%)" in text
    assert "Đến nay có 05 nhiệm vụ, đã hoàn thành 02 nhiệm vụ, đang triển khai 02 nhiệm vụ" in text
    assert text.count("\n^") == 2  # two footnotes
    checked = run_cli("check", "outputs/bao-cao-thang-10-2025.docx")
    assert checked.exit_code == 0, checked.output
    assert "Không phát hiện sai lệch" in checked.output


def test_init_modelines_resolve_to_the_projects_schema(tmp_path):
    folder, _ = _init(tmp_path)
    for path in sorted((folder / "inputs").rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(MODELINE_PREFIX), path
        assert (path.parent / first[len(MODELINE_PREFIX):]).resolve() == (folder / "schema/reportgen.schema.json").resolve()


def test_init_editor_settings_point_at_the_schema(tmp_path):
    import json

    folder, _ = _init(tmp_path)
    settings = json.loads((folder / ".vscode/settings.json").read_text(encoding="utf-8"))
    (schema, globs), = settings["yaml.schemas"].items()
    assert (folder / schema).resolve() == (folder / "schema/reportgen.schema.json").resolve()
    assert "inputs/**/*.yaml" in globs
    extensions = json.loads((folder / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert extensions["recommendations"] == ["redhat.vscode-yaml"]
    ignored = (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "outputs/*" in ignored and "!outputs/*.txt" in ignored
    assert "*.docx binary" in (folder / ".gitattributes").read_text(encoding="utf-8")


def test_init_never_overwrites_and_says_what_it_left(tmp_path):
    folder = tmp_path / "du-an"
    (folder / "inputs/chung").mkdir(parents=True)
    mine = "# của tôi\nco_quan: {ten: X, ten_goi: Y}\ndia_danh: Z\nchu_ky: {chuc_vu: A, ho_ten: B}\n"
    (folder / "inputs/chung/co-quan.yaml").write_text(mine, encoding="utf-8")
    (folder / "README.md").write_text("ghi chú của tôi\n", encoding="utf-8")
    result = run_cli("init", folder)
    assert (folder / "inputs/chung/co-quan.yaml").read_text(encoding="utf-8") == mine
    assert (folder / "README.md").read_text(encoding="utf-8") == "ghi chú của tôi\n"
    assert "đã có, giữ nguyên:" in result.output and "co-quan.yaml" in result.output
    again = run_cli("init", folder)
    assert "đã tạo" not in again.output
    assert again.output.count("đã có, giữ nguyên:") == len(STARTER_FILES) + 1


def test_init_with_another_template_and_an_unknown_one(tmp_path):
    folder, result = _init(tmp_path, "--mau", "de-an-06-cong-van")
    assert result.exit_code == 0, result.output
    assert "mau: de-an-06-cong-van\n" in (folder / EXAMPLE_REPORT).read_text(encoding="utf-8")
    wrong = run_cli("init", tmp_path / "khac", "--mau", "de-an-06-bao-ca")
    assert wrong.exit_code == 2
    assert 'không có mẫu "de-an-06-bao-ca" (có phải ý bạn là "de-an-06-bao-cao"?)' in wrong.output
    assert not (tmp_path / "khac").exists()


def test_a_project_template_overrides_the_built_in_one_of_that_name(tmp_path, monkeypatch):
    folder, _ = _init(tmp_path)
    own = folder / "templates/de-an-06-bao-cao"
    own.mkdir(parents=True)
    (own / "ket_thuc.j2").write_text("Kính báo cáo theo mẫu riêng./.", encoding="utf-8")
    (own / "mau.yaml").write_text("ten: Mẫu riêng của xã\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    built = run_cli("build", "--text", EXAMPLE_REPORT)
    assert built.exit_code == 0, built.output
    text = (folder / "outputs/bao-cao-thang-10-2025.txt").read_text(encoding="utf-8")
    assert "Kính báo cáo theo mẫu riêng./." in text
    assert "Phụ lục" in text  # the shared table kinds still come from the built-in _chung/
    listing = run_cli("templates")
    assert listing.exit_code == 0
    lines = listing.output.splitlines()
    assert any(line.startswith("de-an-06-bao-cao  (của dự án, templates/de-an-06-bao-cao, thay mẫu có sẵn cùng tên): "
                               "Mẫu riêng của xã")
               for line in lines), listing.output
    assert any(line.startswith("de-an-06-cong-van  (có sẵn)") for line in lines)
    (folder / "templates/mau-moi").mkdir()
    (folder / "templates/mau-moi/mau.yaml").write_text("ten: Mẫu mới\n", encoding="utf-8")
    assert "mau-moi  (của dự án, templates/mau-moi): Mẫu mới" in run_cli("templates").output
    assert any("bảng nhiem_vu: Bảng nhiệm vụ — cột: noi_dung, van_ban" in line and
               "trang_thai: hoan_thanh" in line for line in lines)


def test_next_period_into_a_subfolder_keeps_the_includes_and_the_modeline(tmp_path, monkeypatch):
    folder, _ = _init(tmp_path)
    monkeypatch.chdir(folder)
    result = run_cli("new", "--from", EXAMPLE_REPORT, "--ky", "thang-11-2025", "-o", "inputs/2025/thang-11.yaml")
    assert result.exit_code == 0, result.output
    assert "trỏ ra ngoài thư mục dự án" not in result.output
    new = (folder / "inputs/2025/thang-11.yaml").read_text(encoding="utf-8")
    first = new.splitlines()[0]
    assert first == MODELINE_PREFIX + "../../schema/reportgen.schema.json"
    assert "bao_gom: [../chung/co-quan.yaml]" in new
    checked = run_cli("validate", "inputs/2025/thang-11.yaml")
    assert "chua_cap_nhat" in checked.output  # what is left to fill in, and nothing about the includes
    assert "bao_gom" not in checked.output


def test_git_keeps_the_yaml_and_the_text_renderings_not_the_binaries(tmp_path, monkeypatch):
    import shutil
    import subprocess

    import pytest

    if shutil.which("git") is None:
        pytest.skip("cần git")
    folder, _ = _init(tmp_path)
    monkeypatch.chdir(folder)
    assert run_cli("build", "--text", EXAMPLE_REPORT).exit_code == 0
    (folder / "outputs/~$bao-cao-thang-10-2025.docx").write_bytes(b"lock")  # Word's lock file
    subprocess.run(["git", "init", "-q"], check=True)
    listed = subprocess.run(["git", "ls-files", "--others", "--exclude-standard"], check=True,
                            capture_output=True, text=True).stdout.split()
    assert "inputs/bao-cao-thang-10-2025.yaml" in listed and "inputs/chung/co-quan.yaml" in listed
    assert "outputs/bao-cao-thang-10-2025.txt" in listed
    assert not [name for name in listed if name.endswith((".docx", ".pdf"))], listed


def test_the_starters_signature_shares_its_page_with_the_closing_text(tmp_path, monkeypatch):
    """The decree's habit: the signature page carries text of the document. The closing
    paragraph keeps with the signature block (it used to leave the block alone on page 2)."""
    import pdfplumber

    folder, _ = _init(tmp_path)
    monkeypatch.chdir(folder)
    built = run_cli("build", "--pdf", "--ban", "giay", EXAMPLE_REPORT)
    assert built.exit_code == 0, built.output
    with pdfplumber.open(folder / "outputs/bao-cao-thang-10-2025.pdf") as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    signature_page = next(text for text in pages if "Nơi nhận:" in text)
    assert "theo quy định./." in signature_page
    assert "TM. ỦY BAN NHÂN DÂN" in signature_page
