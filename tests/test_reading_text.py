"""Text hygiene and encodings: what the author saw is what is read, or the message names it."""

import unicodedata
import zipfile
from pathlib import Path

import pytest
from conftest import run_cli
from test_reading_numbers import built_bytes, line_of, rewrite

from reportgen.commands.common import report_files
from reportgen.source.encoding import legacy_encoding

REPO = Path(__file__).resolve().parents[1]
UNIKEY = "Unikey → Công cụ chuyển mã (Ctrl+Shift+F6), chọn Nguồn: {}, Đích: Unicode"
NOTEPAD = "mở tệp bằng Notepad, chọn Tệp → Lưu thành (File → Save As), ở ô Mã hóa (Encoding) chọn UTF-8, rồi lưu"


def document_xml(path) -> str:
    return zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")


def test_decomposed_text_is_written_composed(mini_copy, tmp_path):
    nfd = unicodedata.normalize("NFD", "Tổ Công tác triển khai Đề án 06")
    assert nfd != "Tổ Công tác triển khai Đề án 06"
    rewrite(mini_copy, ("co_quan: Tổ Công tác triển khai Đề án 06", f"co_quan: {nfd}"))
    built_bytes(mini_copy, tmp_path / "r.docx")
    xml = document_xml(tmp_path / "r.docx")
    assert "Tổ Công tác triển khai Đề án 06" in xml
    assert xml == unicodedata.normalize("NFC", xml)


def test_decomposed_and_composed_text_build_the_same_bytes(mini_copy, tmp_path):
    composed = built_bytes(mini_copy, tmp_path / "nfc.docx")
    mini_copy.write_text(unicodedata.normalize("NFD", mini_copy.read_text(encoding="utf-8")), encoding="utf-8")
    assert built_bytes(mini_copy, tmp_path / "nfd.docx") == composed


def test_zero_width_characters_are_removed_with_a_warning(mini_copy, tmp_path):
    plain = built_bytes(mini_copy, tmp_path / "plain.docx")
    rewrite(mini_copy, ("kinh_gui: Cục Cảnh sát", "kinh_gui: Cục\u200b Cảnh\u00ad sát"))
    line = line_of(mini_copy, "kinh_gui:")
    result = run_cli("build", mini_copy, "-o", tmp_path / "r.docx")
    assert result.exit_code == 0, result.output
    assert (f"report.yaml:{line}:1: cảnh báo: đã bỏ dấu cách độ rộng 0 (U+200B): ký tự này không nhìn thấy được "
            "nhưng làm sai việc tìm kiếm, so sánh và ngắt dòng") in result.output
    assert f"report.yaml:{line}:1: cảnh báo: đã bỏ dấu gạch nối mềm (U+00AD)" in result.output
    assert (tmp_path / "r.docx").read_bytes() == plain
    strict = run_cli("validate", "--strict", mini_copy)
    assert strict.exit_code == 1


def test_control_character_does_not_stop_the_reading(mini_copy):
    rewrite(mini_copy, ("luu: VT, KSTT", "luu: VT,\x07 KSTT"))
    result = run_cli("validate", mini_copy)
    assert "đã bỏ ký tự điều khiển U+0007" in result.output
    assert "special characters" not in result.output


@pytest.mark.parametrize("typed,name", [
    ("Lª V¨n Giang", "TCVN3 (ABC)"), ("Nguyeãn Vaên Ñöùc", "VNI Windows"),
])
def test_text_typed_with_the_old_fonts_is_named(mini_copy, typed, name):
    agency = mini_copy.parent / "agency.yaml"
    rewrite(agency, ("ho_ten: Lâm Hải Giang", f"ho_ten: {typed}"))
    result = run_cli("validate", mini_copy)
    assert result.exit_code == 1
    line = line_of(agency, "ho_ten:")
    assert f'agency.yaml:{line}:' in result.output
    assert f'lỗi: văn bản "ho_ten: {typed}" được gõ bằng bảng mã {name} (phông chữ cũ), không phải Unicode' \
        in result.output
    assert UNIKEY.format(name) in result.output


@pytest.mark.parametrize("text,kind", [
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam", "tcvn3"), ("§éc lËp - Tù do - H¹nh phóc", "tcvn3"),
    ("Uû ban nh©n d©n tØnh B×nh §Þnh", "tcvn3"), ("tr\u00adêng hîp", "tcvn3"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni"), ("Ñoäc laäp - Töï do - Haïnh phuùc", "vni"),
    ("UÛY BAN NHAÂN DAÂN TÆNH BÌNH ÑÒNH", "vni"),
    ("Cộng hòa xã hội chủ nghĩa Việt Nam", None), ("Müller Straße, Köln Börse", None), ("Peña Noël naïve", None),
    ("nhiệt độ 25°C ± 2°C", None), ("quá hoà thuý khoẻ tuân thuê", None),
])
def test_legacy_encoding_detector(text, kind):
    assert legacy_encoding(text) == kind


@pytest.mark.parametrize("line", ["Ñoäc laäp - Töï do - Haïnh phuùc", "Lª V¨n Giang", "- Ñeå tieáp tuïc"])
def test_an_old_font_line_anywhere_in_a_file_is_found(line):
    """The whole file is looked at once before its lines: a line deep in it (or one whose VNI
    mark starts it) is still found, at its line."""
    from reportgen.source.encoding import clean

    text = "mau: de-an-06-bao-cao\n" * 40 + "  " + line + "\n" + "luu: VT\n" * 5
    found = clean(text).legacy
    assert [(number, text) for number, _, _, text in found] == [(41, line)]


def test_old_font_lines_are_the_lines_a_line_by_line_search_finds():
    """The whole-file search (from a mark back to its letter, and from one found line to the
    next) finds exactly the lines that searching each line for the old fonts' signs finds."""
    import random
    import re

    from reportgen.source import encoding

    signs = re.compile(r"[aeiouyâêôöAEIOUYÂÊÔÖ][øûïæùõØÛÏÆÙÕ]|[aeoAEO][åäâÅÄÂ]|[aA][êëüÊËÜ]|^[ñÑ][aeiouyâêôöAEIOUYÂÊÔÖ]")
    rng = random.Random(7)
    texts = ["ñoäc\nxña\n aù\nñ", "ñ", "aù", "\nñâ", "Peña", ""]
    texts += ["".join(rng.choice("aeoAñÑùõâêëåøx \n#§") for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    for text in texts:
        expected = [n for n, line in enumerate(text.split("\n"), 1)
                    if encoding._SUSPECT.search(line) or signs.search(line)]
        assert encoding._suspect_lines(text) == expected, text


def test_detector_finds_nothing_in_real_vietnamese():
    files = sorted(REPO.glob("inputs/**/*.yaml")) + sorted(REPO.glob("tests/fixtures/**/*.txt")) \
        + sorted(REPO.glob("templates/**/*.j2"))
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 3000
    assert [line for line in lines if legacy_encoding(line)] == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be-bom", "utf-8-sig-crlf"])
def test_bom_utf16_and_crlf_read_as_utf8(mini_copy, tmp_path, encoding):
    plain = built_bytes(mini_copy, tmp_path / "plain.docx")
    text = mini_copy.read_text(encoding="utf-8")
    if encoding == "utf-16":
        data = text.encode("utf-16")
    elif encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        data = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    mini_copy.write_bytes(data)
    assert built_bytes(mini_copy, tmp_path / "other.docx") == plain
    assert report_files((str(mini_copy.parent),)) == [mini_copy]


def test_folder_build_finds_a_utf16_report(mini_copy, tmp_path):
    mini_copy.write_bytes(mini_copy.read_text(encoding="utf-8").encode("utf-16"))
    result = run_cli("build", mini_copy.parent)
    assert result.exit_code == 0, result.output
    assert (mini_copy.parent.parent / "outputs" / "report.docx").is_file()


@pytest.mark.parametrize("text,codec,name,line", [
    ("co_quan:\n  ten_goi: \u0110\u01a1n vi\u0323 ha\u0300nh chi\u0301nh\n", "cp1258", "Windows-1258", 3),
    ("ten: Müller\n", "cp1252", "Windows-1252", 2),
])
def test_other_encodings_are_named_with_how_to_save_as_utf8(tmp_path, text, codec, name, line):
    path = tmp_path / "r.yaml"
    path.write_bytes(("mau: x\n" + text).encode(codec))
    result = run_cli("validate", path)
    assert result.exit_code == 1
    assert (f"r.yaml:{line}:1: lỗi: tệp không được lưu bằng mã UTF-8 (có vẻ là {name}; ký tự đầu tiên không "
            f"đọc được ở dòng {line}): {NOTEPAD}") in result.output
    assert "byte" not in result.output


def test_file_saved_from_a_tcvn3_editor(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_bytes("mau: x\nten: Céng hßa x· héi chñ nghÜa ViÖt Nam\n".encode("cp1252"))
    result = run_cli("validate", path)
    assert "có vẻ là TCVN3 (ABC)" in result.output and UNIKEY.format("TCVN3 (ABC)") in result.output


def test_text_cut_by_a_hash_is_flagged(mini_copy):
    rewrite(mini_copy, ("ten: Nhiệm vụ của bộ ngành", "ten: Nhiệm vụ #2 của bộ ngành"))
    result = run_cli("validate", mini_copy)
    line = line_of(mini_copy, "ten: Nhiệm vụ #2")
    assert (f'report.yaml:{line}:25: cảnh báo: phần sau " #" ("#2 của bộ ngành") bị YAML bỏ đi như một chú thích; '
            'nếu đó là nội dung, đặt cả văn bản trong ngoặc kép: "Nhiệm vụ #2 của bộ ngành"; nếu là chú thích, để '
            "hai dấu cách trước dấu #") in result.output
    assert run_cli("validate", "--strict", mini_copy).exit_code == 1


def test_a_comment_after_two_spaces_is_a_comment(mini_copy):
    rewrite(mini_copy, ("ten: Nhiệm vụ của bộ ngành", "ten: Nhiệm vụ của bộ ngành  # nhóm 2"))
    result = run_cli("validate", "--strict", mini_copy)
    assert result.exit_code == 0, result.output


def test_every_invisible_character_is_one_python_calls_unprintable():
    """clean() looks for invisible characters only in a text with an unprintable character
    (str.isprintable, tab and line feed aside): that skips none of them."""
    import sys

    from reportgen.source import encoding

    invisible = [chr(c) for c in range(sys.maxunicode + 1) if encoding._INVISIBLE.match(chr(c))]
    assert len(invisible) > 200
    assert [hex(ord(c)) for c in invisible if c.isprintable()] == []
    assert encoding.clean("Báo cáo\u200b số\n").removed == [(1, "dấu cách độ rộng 0 (U+200B)")]
    assert not encoding._may_have_invisible("Báo cáo\tsố 12\n")
