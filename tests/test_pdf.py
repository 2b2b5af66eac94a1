"""The PDF a document system receives: the two editions, PDF/A-2b, the fonts, the signature boxes
and `reportgen check` on a PDF. LibreOffice runs twice for the whole module."""

from __future__ import annotations

import ast
import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from reportgen.pdf import boxes
from reportgen.pdf.boxes import MM
from reportgen.pdf.inspect import FontInfo, embedded_fonts, font_problems, open_pdf, pdfa_identification
from reportgen.pdf.text import Line, Page, read_pages
from tests.conftest import FIXTURES, run_cli

REPORT = FIXTURES / "ky-so" / "report.yaml"
PACKAGE = Path(__file__).resolve().parent.parent / "reportgen"
needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by scripts/setup.sh")


def build(folder: Path, *options) -> Path:
    result = run_cli("build", REPORT, "-o", folder / "bc.docx", "--text", *options)
    assert result.exit_code == 0, result.output
    return folder / "bc.pdf"


@pytest.fixture(scope="module")
def electronic(tmp_path_factory):
    return build(tmp_path_factory.mktemp("dien-tu"), "--pdf")


@pytest.fixture(scope="module")
def paper(tmp_path_factory):
    return build(tmp_path_factory.mktemp("giay"), "--pdf", "--ban", "giay")


def pdf_lines(pdf: Path) -> list[str]:
    return [line.text for page in read_pages(pdf) for line in page.lines]


# The two editions ------------------------------------------------------------------------------

@needs_office
def test_electronic_edition_leaves_number_day_and_attached_line_blank(electronic):
    text = electronic.with_suffix(".txt").read_text(encoding="utf-8")
    assert "Số:      /BC-UBND\tBình Định, ngày      tháng 7 năm 2024" in text
    assert "(Kèm theo Báo cáo số      /BC-UBND ngày     /7/2024 của Ủy ban nhân dân tỉnh Bình Định)" in text
    lines = pdf_lines(electronic)
    assert "Số: /BC-UBND" in lines and "Bình Định, ngày tháng 7 năm 2024" in lines
    assert "(Kèm theo Báo cáo số /BC-UBND ngày /7/2024 của Ủy ban nhân dân tỉnh Bình Định)" in " ".join(lines)
    assert not any("117" in line for line in lines)


@needs_office
def test_paper_edition_prints_number_and_day(paper):
    text = paper.with_suffix(".txt").read_text(encoding="utf-8")
    assert "Số: 117/BC-UBND\tBình Định, ngày 05 tháng 7 năm 2024" in text
    lines = pdf_lines(paper)
    assert "Số: 117/BC-UBND" in lines and "Bình Định, ngày 05 tháng 7 năm 2024" in lines
    assert "(Kèm theo Báo cáo số 117/BC-UBND ngày 05/7/2024 của Ủy ban nhân dân tỉnh Bình Định)" in " ".join(lines)


def test_docx_alone_keeps_the_report_as_written_and_follows_ban(tmp_path):
    assert run_cli("build", REPORT, "-o", tmp_path / "a.docx", "--text").exit_code == 0
    assert "Số: 117/BC-UBND" in (tmp_path / "a.txt").read_text(encoding="utf-8")
    assert run_cli("build", REPORT, "-o", tmp_path / "b.docx", "--text", "--ban", "dien-tu").exit_code == 0
    assert "Số:      /BC-UBND\tBình Định, ngày      tháng 7" in (tmp_path / "b.txt").read_text(encoding="utf-8")
    assert not (tmp_path / "b.pdf").exists()


def test_paper_edition_of_a_report_without_number_warns_where(tmp_path):
    source = REPORT.read_text(encoding="utf-8").replace("so: 117\n", "").replace("ngay: 2024-07-05", "ngay: {thang: 7, nam: 2024}")
    (tmp_path / "inputs").mkdir()
    (tmp_path / "templates").symlink_to(PACKAGE.parent / "templates")
    report = tmp_path / "inputs" / "bc.yaml"
    report.write_text(source, encoding="utf-8")
    result = run_cli("build", report, "-o", tmp_path / "bc.docx", "--ban", "giay")
    assert result.exit_code == 0, result.output
    assert f"{report}:2:1: cảnh báo: bản giấy (--ban giay) nhưng báo cáo chưa có số (so:): số sẽ để trống" in result.output
    assert "bản giấy (--ban giay) nhưng ngày ban hành chưa có ngày: ngày sẽ để trống" in result.output
    strict = run_cli("build", report, "-o", tmp_path / "c.docx", "--ban", "giay", "--strict")
    assert strict.exit_code == 1 and not (tmp_path / "c.docx").exists()


def test_ban_accepts_only_the_two_editions(tmp_path):
    result = run_cli("build", REPORT, "-o", tmp_path / "a.docx", "--ban", "dientu")
    assert result.exit_code == 2 and "dien-tu" in result.output and "giay" in result.output


# PDF/A-2b and the fonts --------------------------------------------------------------------------

@needs_office
def test_pdf_is_pdfa_2b_and_tagged(electronic):
    reader = open_pdf(electronic)
    identification = pdfa_identification(reader)
    assert (identification.part, identification.conformance) == ("2", "B")
    assert str(identification) == "PDF/A-2b"
    assert reader.root["/MarkInfo"]["/Marked"] is True or str(reader.root["/MarkInfo"]["/Marked"]) == "True"
    assert "/StructTreeRoot" in reader.root


@needs_office
def test_every_font_is_embedded_and_times_metric(electronic):
    fonts = embedded_fonts(open_pdf(electronic))
    assert fonts and all(f.embedded and f.accepted for f in fonts)
    assert {f.name.split("-")[0] for f in fonts} <= {"LiberationSerif", "TimesNewRoman", "TimesNewRomanPSMT", "Tinos"}
    assert font_problems(fonts) == []


def test_a_substituted_font_is_named_in_vietnamese():
    problems = font_problems([FontInfo("DejaVuSans", True), FontInfo("LiberationSerif", False),
                              FontInfo("TimesNewRomanPS-BoldMT", True)])
    assert problems == [
        'chữ trong PDF dùng phông "DejaVuSans" thay cho Times New Roman (hoặc Liberation Serif, Tinos: cùng kích '
        "thước chữ, có đủ chữ tiếng Việt); hãy cài phông Liberation Serif 2 (sudo apt-get install fonts-liberation2) "
        "hoặc Times New Roman rồi dựng lại",
        'phông "LiberationSerif" không được nhúng vào PDF (PDF/A đòi mọi phông phải nhúng)',
    ]


def plain_pdf(font: str) -> bytes:
    """A one-page PDF (not PDF/A) whose text is in a font that is not embedded."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /" + font.encode() + b" >>",
    ]
    content = b"BT /F1 14 Tf 100 700 Td (Bao cao) Tj ET"
    objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_conversion_with_a_wrong_font_fails_and_writes_no_pdf(tmp_path, monkeypatch):
    from reportgen.errors import ReportError
    from reportgen.writers import pdf as writer

    docx = tmp_path / "bc.docx"
    docx.write_bytes(b"not read by the fake office")

    def fake_office(command, home, where):
        Path(command[command.index("--outdir") + 1], "bc.pdf").write_bytes(plain_pdf("Helvetica"))
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(writer, "find_office", lambda: "soffice")
    monkeypatch.setattr(writer, "run_office", fake_office)
    with pytest.raises(ReportError) as raised:
        writer.convert_to_pdf(docx)
    messages = [d.message for d in raised.value.diagnostics.items]
    assert any('dùng phông "Helvetica" thay cho Times New Roman' in m and m.endswith("không ghi tệp PDF")
               for m in messages)
    assert any("không có nhận dạng PDF/A, không phải PDF/A-2b" in m for m in messages)
    assert not (tmp_path / "bc.pdf").exists()


def test_export_filter_asks_for_pdfa_2_tagged():
    from reportgen.writers.pdf import EXPORT_FILTER

    assert EXPORT_FILTER.startswith("pdf:writer_pdf_Export:{")
    options = json.loads(EXPORT_FILTER[len("pdf:writer_pdf_Export:"):])
    assert options["SelectPdfVersion"] == {"type": "long", "value": "2"}
    assert options["UseTaggedPDF"] == {"type": "boolean", "value": "true"}


# The signature boxes -----------------------------------------------------------------------------

def word_box(pdf: Path, text: str) -> dict:
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            lines = page.extract_text_lines()
            for line in lines:
                if text in line["text"]:
                    return {**line, "page": page.page_number, "height": float(page.height),
                            "width": float(page.width)}
    raise AssertionError(text)


@needs_office
def test_signer_box_lies_between_title_and_name(electronic):
    sidecar = json.loads(boxes.sidecar_path(electronic).read_text(encoding="utf-8"))
    signer = next(b for b in sidecar["o_ky"] if b["vai_tro"] == "nguoi-ky")
    title, name = word_box(electronic, "PHÓ CHỦ TỊCH"), word_box(electronic, "Lâm Hải Giang")
    assert signer["trang"] == name["page"] == title["page"] == 1
    x0, y0, x1, y1 = signer["hop"]
    height = name["height"]
    assert y1 <= height - title["bottom"] and y0 >= height - name["top"] - 0.01
    assert y1 - y0 >= 20 * MM  # the decree's room for the signature: about 20–25 mm
    assert abs((x0 + x1) / 2 - (name["x0"] + name["x1"]) / 2) < 5  # the name's own line holds the text's spacing
    assert x1 - x0 >= 40 * MM - 0.05 and 0 <= x0 < x1 <= name["width"]


@needs_office
def test_seal_box_is_real_size_over_the_left_third(electronic):
    sidecar = json.loads(boxes.sidecar_path(electronic).read_text(encoding="utf-8"))
    signer = next(b for b in sidecar["o_ky"] if b["vai_tro"] == "nguoi-ky")["hop"]
    seal = next(b for b in sidecar["o_ky"] if b["vai_tro"] == "co-quan")
    x0, y0, x1, y1 = seal["hop"]
    assert seal["noi_dung"] == "anh-dau" and "36 mm" in seal["mo_ta"]
    assert x1 - x0 == pytest.approx(36 * MM, abs=0.02) and y1 - y0 == pytest.approx(36 * MM, abs=0.02)
    assert x1 == pytest.approx(signer[0] + (signer[2] - signer[0]) / 3, abs=0.02)
    assert (y0 + y1) / 2 == pytest.approx((signer[1] + signer[3]) / 2, abs=0.02)
    assert 0 <= x0 and 0 <= y0 and y1 <= sidecar["trang"]["1"][1]


@needs_office
def test_sidecar_names_its_pdf_and_edition(electronic, paper):
    data = electronic.read_bytes()
    sidecar = json.loads(boxes.sidecar_path(electronic).read_text(encoding="utf-8"))
    assert sidecar["dinh_dang"] == "reportgen-ky-so/1" and sidecar["tep_pdf"] == "bc.pdf"
    assert sidecar["sha256"] == hashlib.sha256(data).hexdigest() and sidecar["so_byte"] == len(data)
    assert (sidecar["ban"], sidecar["loai_tep"], sidecar["don_vi"], sidecar["goc_toa_do"]) == \
        ("dien-tu", "van-ban", "pt", "duoi-trai")
    assert sidecar["canh_bao"] == []
    assert json.loads(boxes.sidecar_path(paper).read_text(encoding="utf-8"))["ban"] == "giay"


def test_seal_size_follows_the_template_setting():
    page = Page(1, 595.0, 842.0, (
        Line(1, "Nơi nhận:", 85, 136, 600, 612, 12), Line(1, "TM. ỦY BAN NHÂN DÂN", 339, 500, 594, 608, 14),
        Line(1, "PHÓ CHỦ TỊCH", 368, 472, 626, 640, 14), Line(1, "Lâm Hải Giang", 373, 466, 712, 726, 14)))
    found = boxes.plan([page], seal_mm=42)
    seal = found.box("co-quan").rect
    assert seal[2] - seal[0] == pytest.approx(42 * MM, abs=0.02)
    signer = found.box("nguoi-ky").rect
    assert signer[3] == pytest.approx(842 - 640 - boxes.PADDING) and signer[1] == pytest.approx(842 - 712 + boxes.PADDING)


def test_a_name_in_capitals_is_found_by_the_room_left_for_the_signature():
    page = Page(1, 595.0, 842.0, (
        Line(1, "Nơi nhận:", 85, 136, 600, 612, 12), Line(1, "KT. CHỦ TỊCH", 371, 469, 600, 614, 14),
        Line(1, "PHÓ CHỦ TỊCH", 368, 472, 616, 630, 14), Line(1, "LÂM HẢI GIANG", 360, 480, 702, 716, 14)))
    title, name = boxes.find_signature_lines([page])
    assert (title.text, name.text) == ("PHÓ CHỦ TỊCH", "LÂM HẢI GIANG")


def test_a_signature_split_over_two_pages_goes_above_the_name_with_a_warning():
    first = Page(1, 595.0, 842.0, (Line(1, "Nơi nhận:", 85, 136, 700, 712, 12),
                                   Line(1, "KT. CHỦ TỊCH", 371, 469, 700, 714, 14),
                                   Line(1, "PHÓ CHỦ TỊCH", 368, 472, 716, 730, 14)))
    second = Page(2, 595.0, 842.0, (Line(2, "2", 315, 322, 27, 41, 14), Line(2, "Lâm Hải Giang", 373, 466, 128, 142, 14)))
    found = boxes.plan([first, second])
    assert found.box("nguoi-ky").page == 2 and found.box("nguoi-ky").rect[3] == pytest.approx(842 - 41 - boxes.PADDING)
    assert found.warnings == ["khối chữ ký bị tách trang: chức vụ ở trang 1, họ tên ở trang 2; "
                              "ô chữ ký đặt ở trang 2, phía trên họ tên"]


def test_no_signature_block_is_said_in_vietnamese():
    from reportgen.pdf.inspect import PdfProblem

    with pytest.raises(PdfProblem, match='không tìm thấy khối chữ ký: không có dòng "Nơi nhận:" trong PDF'):
        boxes.plan([Page(1, 595.0, 842.0, (Line(1, "BÁO CÁO", 280, 350, 140, 154, 14),))])


def test_an_appendix_file_gets_the_top_right_box():
    page = Page(1, 595.0, 842.0, (Line(1, "Phụ lục", 270, 320, 57, 71, 14),
                                  Line(1, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ", 190, 400, 73, 87, 14),
                                  Line(1, "Các nhiệm vụ đều hoàn thành đúng hạn.", 85, 552, 120, 134, 14)))
    found = boxes.plan([page])
    assert found.kind == "phu-luc"
    box = found.box("co-quan")
    assert box.content == "thong-tin" and box.rect[2] == 552
    assert box.rect[1] == pytest.approx(842 - 57 + boxes.INFO_GAP) and box.inside(595, 842)


# reportgen check on a PDF --------------------------------------------------------------------------

@needs_office
def test_check_reports_edition_format_fonts_and_boxes(electronic, paper):
    result = run_cli("check", electronic)
    assert result.exit_code == 0, result.output
    out = result.output
    assert f"{electronic}: bản: bản điện tử (số, ngày để trống cho Hệ thống cấp)" in out
    assert f"{electronic}: định dạng: PDF/A-2b" in out
    assert f"{electronic}: phông: LiberationSerif" in out
    assert f"{electronic}: ô ký: theo bc.ky-so.json" in out
    assert f"{electronic}: ô nguoi-ky (anh-chu-ky): trang 1 [" in out
    assert f"{electronic}: chữ ký: chưa có chữ ký số" in out
    assert "Không phát hiện sai lệch nào" in out
    assert "bản: bản giấy (đã in số và ngày)" in run_cli("check", paper).output


def test_check_of_a_plain_pdf_names_the_font_and_the_missing_pdfa(tmp_path):
    pdf = tmp_path / "thuong.pdf"
    pdf.write_bytes(plain_pdf("Helvetica"))
    result = run_cli("check", pdf)
    assert result.exit_code == 1
    assert f'{pdf}: phông: [phong] chữ trong PDF dùng phông "Helvetica"' in result.output
    assert "[pdf-a] không phải PDF/A-2b" in result.output
    assert "[o-ky] không tìm thấy khối chữ ký" in result.output


def test_check_of_a_file_that_only_says_pdf(tmp_path):
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"%PDF-1.7\nrubbish")
    result = run_cli("check", broken)
    assert result.exit_code == 2 and f"{broken}: không đọc được" in result.output


def test_the_pdf_package_imports_no_stage():
    stages = {"source", "compute", "compose", "writers", "commands", "check", "pipeline"}
    for path in (PACKAGE / "pdf").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("reportgen."):
                assert node.module.split(".")[1] not in stages, (path.name, node.module)


def test_a_sidecar_name_taken_by_a_file_of_the_user_is_never_written(tmp_path):
    mine = tmp_path / "bc.ky-so.json"
    mine.write_text('{"ghi_chu": "tệp của tôi"}', encoding="utf-8")
    result = run_cli("build", REPORT, "-o", tmp_path / "bc.docx", "--pdf")
    assert result.exit_code == 1
    assert str(mine) in result.output
    assert mine.read_text(encoding="utf-8") == '{"ghi_chu": "tệp của tôi"}'
    assert not (tmp_path / "bc.docx").exists() and not (tmp_path / "bc.pdf").exists()


@needs_office
def test_only_the_pages_holding_the_signature_are_read(electronic):
    assert len(read_pages(electronic)) == 2  # the report, then its appendix
    assert [page.number for page in boxes.signature_pages(electronic)] == [1]


def test_a_pdf_without_a_signature_block_gets_an_empty_sidecar_and_a_warning(tmp_path):
    pdf = tmp_path / "thuong.pdf"
    pdf.write_bytes(plain_pdf("Helvetica"))
    sidecar, warnings = boxes.write_sidecar(pdf, "dien-tu")
    assert warnings == ['không tìm thấy khối chữ ký: không có dòng "Nơi nhận:" trong PDF; tệp ô ký không có ô nào']
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    assert data["o_ky"] == [] and data["canh_bao"] == warnings


def test_texts_see_the_edition_being_built(tmp_path):
    (tmp_path / "inputs").mkdir()
    (tmp_path / "templates").symlink_to(PACKAGE.parent / "templates")
    report = tmp_path / "inputs" / "bc.yaml"
    report.write_text(REPORT.read_text(encoding="utf-8").replace(
        "Đã triển khai đầy đủ các nhiệm vụ được giao", "Bản {{ bao_cao.ban }} số {{ bao_cao.so or 'trống' }}"),
        encoding="utf-8")
    for edition, printed in (("dien-tu", "Bản dien-tu số trống"), ("giay", "Bản giay số 117")):
        out = tmp_path / f"{edition}.docx"
        result = run_cli("build", report, "-o", out, "--text", "--ban", edition)
        assert result.exit_code == 0, result.output
        assert printed in out.with_suffix(".txt").read_text(encoding="utf-8")
