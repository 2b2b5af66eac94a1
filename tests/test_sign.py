"""`reportgen sign`: PAdES signatures placed and drawn as Nghị định 30 wants, the signer first,
then the agency, both valid. The certificates and the PNG images are made here; LibreOffice
runs twice for the whole module (the report, and an appendix in a file of its own)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
import math
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from reportgen.pdf import boxes, signing
from reportgen.pdf.inspect import embedded_fonts, open_pdf, pages, pdfa_identification
from reportgen.pdf.signatures import read_signatures
from reportgen.pdf.text import read_pages
from tests.conftest import FIXTURES, run_cli

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by scripts/setup.sh")
REPORT = FIXTURES / "ky-so" / "report.yaml"
PASSWORD = "thu-nghiem"


def certificate(folder: Path, common_name: str) -> tuple[Path, Path]:
    """A self-signed certificate in a .p12 (and its PEM, to trust it when validating)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, True, False, False, False, True, False, False, False), critical=True)
            .sign(key, hashes.SHA256()))
    stem = folder / common_name.split()[-1].lower()
    p12 = stem.with_suffix(".p12")
    p12.write_bytes(pkcs12.serialize_key_and_certificates(
        b"thu", key, cert, None, serialization.BestAvailableEncryption(PASSWORD.encode())))
    pem = stem.with_suffix(".pem")
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return p12, pem


def png(path: Path, width: int, height: int, pixel) -> Path:
    """An RGBA PNG written byte by byte: `pixel(x, y)` gives (r, g, b, a)."""
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return path


def blue_signature(x, y):
    return (20, 40, 200, 255) if abs(y - 40 - 18 * math.sin(x / 14)) < 4 else (0, 0, 0, 0)


def red_seal(x, y):
    """60 px across: smaller than the seal's 36 mm (102 pt), so it must be scaled up to its real size."""
    r = math.hypot(x - 30, y - 30)
    return (220, 20, 20, 255) if 25 < r < 29 or r < 5 else (0, 0, 0, 0)


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ky")
    result = run_cli("build", REPORT, "-o", folder / "bc.docx", "--pdf", "--tach-phu-luc")
    assert result.exit_code == 0, result.output
    signer_p12, signer_pem = certificate(folder, "Lâm Hải Giang")
    agency_p12, agency_pem = certificate(folder, "Ủy ban nhân dân tỉnh Bình Định")
    return dict(folder=folder, pdf=folder / "bc.pdf", appendix=folder / "bc.phu-luc-1.pdf", build=result.output,
                signer=signer_p12, agency=agency_p12,
                roots=[signer_pem, agency_pem],
                signature=png(folder / "chu-ky.png", 200, 80, blue_signature),
                seal=png(folder / "dau.png", 60, 60, red_seal))


def sign(kit, pdf: Path, role: str, *extra):
    key, image = (kit["signer"], ("--anh-chu-ky", kit["signature"])) if role == "nguoi-ky" else \
        (kit["agency"], ("--anh-dau", kit["seal"]))
    return run_cli("sign", pdf, "--vai-tro", role, "--p12", key, "--mat-khau", PASSWORD, *image, *extra)


@pytest.fixture(scope="module")
def signed_twice(kit):
    before = hashlib.sha256(kit["pdf"].read_bytes()).hexdigest()
    first = sign(kit, kit["pdf"], "nguoi-ky")
    assert first.exit_code == 0, first.output
    second = sign(kit, kit["folder"] / "bc.nguoi-ky.pdf", "co-quan")
    assert second.exit_code == 0, second.output
    return dict(kit, before=before, first=first, second=second,
                signer_pdf=kit["folder"] / "bc.nguoi-ky.pdf", final=kit["folder"] / "bc.co-quan.pdf")


def validate(pdf: Path, roots) -> list:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from reportgen.pdf.signatures import _roots

    logging.disable(logging.ERROR)
    try:
        reader = PdfFileReader(io.BytesIO(pdf.read_bytes()))
        return [(sig.field_name, validate_pdf_signature(
            sig, ValidationContext(trust_roots=_roots(roots), allow_fetching=False))) for sig in reader.embedded_signatures]
    finally:
        logging.disable(logging.NOTSET)


def test_signer_then_agency_both_valid_and_the_document_unchanged_after_the_last(signed_twice):
    from pyhanko.sign.diff_analysis.policy_api import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    statuses = validate(signed_twice["final"], signed_twice["roots"])
    assert [name for name, _ in statuses] == ["nguoi-ky", "co-quan"]
    (_, signer), (_, agency) = statuses
    for status in (signer, agency):
        assert status.intact and status.valid and status.trusted
    assert agency.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert signer.coverage == SignatureCoverageLevel.ENTIRE_REVISION
    assert signer.modification_level == ModificationLevel.FORM_FILLING and signer.docmdp_ok
    assert signer.signing_cert.subject.native["common_name"] == "Lâm Hải Giang"
    assert agency.signing_cert.subject.native["common_name"] == "Ủy ban nhân dân tỉnh Bình Định"


def test_each_signature_is_an_incremental_update_and_the_input_is_untouched(signed_twice):
    original = signed_twice["pdf"].read_bytes()
    assert hashlib.sha256(original).hexdigest() == signed_twice["before"]
    first = signed_twice["signer_pdf"].read_bytes()
    final = signed_twice["final"].read_bytes()
    assert first.startswith(original) and final.startswith(first)
    assert f"{signed_twice['pdf']} → {signed_twice['signer_pdf']} (chữ ký số của người có thẩm quyền, trang 1, ô [" \
        in signed_twice["first"].output


def test_appearances_sit_in_the_boxes_of_the_sidecar(signed_twice):
    sidecar = json.loads(boxes.sidecar_path(signed_twice["pdf"]).read_text(encoding="utf-8"))
    wanted = {b["vai_tro"]: b for b in sidecar["o_ky"]}
    reader = open_pdf(signed_twice["final"])
    page = pages(reader)[wanted["nguoi-ky"]["trang"] - 1]
    width, height = float(page["/MediaBox"][2]), float(page["/MediaBox"][3])
    widgets = {str(a.get_object()["/T"]): a.get_object() for a in page["/Annots"]}
    for role in ("nguoi-ky", "co-quan"):
        rect = [round(float(v), 2) for v in widgets[role]["/Rect"]]
        assert rect == pytest.approx(wanted[role]["hop"], abs=0.01)
        assert 0 <= rect[0] < rect[2] <= width and 0 <= rect[1] < rect[3] <= height
        appearance = widgets[role]["/AP"]["/N"]
        images = [x.get_object() for x in _xobjects(appearance) if x.get_object().get("/Subtype") == "/Image"]
        assert images and all("/SMask" in image for image in images)  # the transparent PNG keeps its alpha
        assert int(widgets[role]["/F"]) & 4  # printed
        drawn_width, drawn_height = drawn_size(appearance.data)
        box_width, box_height = rect[2] - rect[0], rect[3] - rect[1]
        assert drawn_width <= box_width + 0.1 and drawn_height <= box_height + 0.1
        assert max(drawn_width / box_width, drawn_height / box_height) == pytest.approx(1, abs=0.01)
    seal = [float(v) for v in widgets["co-quan"]["/Rect"]]
    assert drawn_size(widgets["co-quan"]["/AP"]["/N"].data)[0] == pytest.approx(seal[2] - seal[0], abs=0.1)
    assert seal[2] - seal[0] == pytest.approx(36 * boxes.MM, abs=0.1)  # the seal at its real size


def drawn_size(content: bytes) -> tuple[float, float]:
    """The size an image is drawn at in an appearance: the fit's scale times the image's own size."""
    import re

    scale, image = re.findall(rb"([\d.]+) 0 0 ([\d.]+) [\d.]+ [\d.]+ cm", content)[:2]
    return float(scale[0]) * float(image[0]), float(scale[1]) * float(image[1])


def _xobjects(stream):
    found = []
    resources = stream["/Resources"] if "/Resources" in stream else {}
    for _, ref in (resources["/XObject"].items() if "/XObject" in resources else []):
        found.append(ref)
        target = ref.get_object()
        if target.get("/Subtype") == "/Form":
            found += _xobjects(target)
    return found


def test_signed_pdf_stays_pdfa_with_its_fonts_embedded(signed_twice):
    reader = open_pdf(signed_twice["final"])
    assert str(pdfa_identification(reader)) == "PDF/A-2b"
    assert all(f.embedded and f.accepted for f in embedded_fonts(reader))


def test_signed_pdf_info_agrees_with_its_xmp(signed_twice):
    """PDF/A: each /Info entry equals its XMP counterpart (pyHanko rewrites both)."""
    import re

    reader = open_pdf(signed_twice["final"])
    info = reader.trailer["/Info"]
    xmp = reader.root["/Metadata"].data.decode("utf-8")

    def xmp_value(name):
        found = re.search(rf'{name}="([^"]*)"', xmp) or re.search(rf"<{name}>([^<]*)</{name}>", xmp)
        return found.group(1) if found else None

    assert str(info["/Producer"]) == xmp_value("pdf:Producer")
    assert str(info["/Creator"]) == xmp_value("xmp:CreatorTool")
    assert "/ModDate" not in info or xmp_value("xmp:ModifyDate")
    assert xmp_value("xmp:CreateDate")


def test_check_reports_both_signatures(signed_twice):
    result = run_cli("check", signed_twice["final"])
    assert result.exit_code == 0, result.output
    final = signed_twice["final"]
    assert f"{final}: ô ký: theo bc.ky-so.json" in result.output
    assert f"{final}: chữ ký 1 (nguoi-ky, người có thẩm quyền): Lâm Hải Giang, " in result.output
    assert "+07:00, trang 1; toàn vẹn, sau đó chỉ thêm chữ ký; chưa xác minh chuỗi chứng thư" in result.output
    assert f"{final}: chữ ký 2 (co-quan, cơ quan): Ủy ban nhân dân tỉnh Bình Định, " in result.output
    assert "toàn vẹn, phủ toàn bộ tệp" in result.output


def test_a_change_inside_the_signed_bytes_is_found(signed_twice, tmp_path):
    tampered = tmp_path / "sua.pdf"
    data = signed_twice["final"].read_bytes()
    assert data.count(b"<xmp:CreatorTool>Writer") == 1
    tampered.write_bytes(data.replace(b"<xmp:CreatorTool>Writer", b"<xmp:CreatorTool>Writes"))
    assert [s.intact for s in read_signatures(tampered.read_bytes())] == [False, False]
    result = run_cli("check", tampered)
    assert result.exit_code == 1
    assert "[chu-ky] chữ ký không hợp lệ: nội dung đã ký bị thay đổi hoặc chữ ký hỏng — “Lâm Hải Giang”" in result.output


def test_the_agency_signs_only_after_the_signer(kit, tmp_path):
    pdf = tmp_path / "bc.pdf"
    shutil.copy(kit["pdf"], pdf)
    shutil.copy(boxes.sidecar_path(kit["pdf"]), boxes.sidecar_path(pdf))
    result = sign(kit, pdf, "co-quan")
    assert result.exit_code == 1
    assert ("chữ ký số của cơ quan chỉ được ký vào văn bản đã có chữ ký số của người có thẩm quyền "
            "(Nghị định 30, Điều 32.2.d)") in result.output
    assert not (tmp_path / "bc.co-quan.pdf").exists()


def test_signing_twice_as_the_signer_is_refused(signed_twice, tmp_path):
    result = sign(signed_twice, signed_twice["signer_pdf"], "nguoi-ky", "-o", tmp_path / "lai.pdf")
    assert result.exit_code == 1 and "tệp đã có chữ ký số của người có thẩm quyền (ô nguoi-ky)" in result.output
    assert not (tmp_path / "lai.pdf").exists()


def test_never_writes_over_the_input_or_an_existing_file(kit, tmp_path):
    pdf = tmp_path / "bc.pdf"
    shutil.copy(kit["pdf"], pdf)
    before = pdf.read_bytes()
    same = sign(kit, pdf, "nguoi-ky", "-o", pdf)
    assert same.exit_code == 2 and "không ghi đè tệp đang ký" in same.output
    existing = tmp_path / "co-roi.pdf"
    existing.write_bytes(b"%PDF- a file of the user")
    again = sign(kit, pdf, "nguoi-ky", "-o", existing)
    assert again.exit_code == 2 and "đã có; reportgen không ghi đè tệp đã ký" in again.output
    assert pdf.read_bytes() == before and existing.read_bytes() == b"%PDF- a file of the user"


def test_wrong_password_and_missing_image_are_said_in_vietnamese(kit, tmp_path):
    wrong = run_cli("sign", kit["pdf"], "--vai-tro", "nguoi-ky", "--p12", kit["signer"], "--mat-khau", "sai",
                    "--anh-chu-ky", kit["signature"], "-o", tmp_path / "a.pdf")
    assert wrong.exit_code == 1 and "sai mật khẩu (--mat-khau)" in wrong.output
    no_image = run_cli("sign", kit["pdf"], "--vai-tro", "nguoi-ky", "--p12", kit["signer"], "--mat-khau", PASSWORD,
                       "-o", tmp_path / "b.pdf")
    assert no_image.exit_code == 1
    assert "thiếu --anh-chu-ky (ảnh chữ ký): Nghị định 30 đòi hiển thị hình ảnh này ở ô ký" in no_image.output
    assert not (tmp_path / "a.pdf").exists() and not (tmp_path / "b.pdf").exists()


def test_images_not_as_the_decree_describes_are_warned(kit, tmp_path):
    opaque_red = png(tmp_path / "do.png", 60, 30, lambda x, y: (230, 20, 20, 255))
    warnings = signing.image_warnings(opaque_red, "nguoi-ky")
    assert warnings == ["ảnh do.png không có nền trong suốt (Nghị định 30 đòi PNG nền trong suốt)",
                        "ảnh chữ ký do.png có màu đỏ, Nghị định 30 đòi màu xanh"]
    assert signing.image_warnings(kit["seal"], "co-quan") == []
    assert signing.image_warnings(kit["signature"], "nguoi-ky") == []


def test_a_sidecar_of_another_pdf_is_not_trusted(kit, tmp_path):
    pdf = tmp_path / "bc.pdf"
    shutil.copy(kit["pdf"], pdf)
    sidecar = json.loads(boxes.sidecar_path(kit["pdf"]).read_text(encoding="utf-8"))
    sidecar["sha256"] = "0" * 64
    boxes.sidecar_path(pdf).write_text(json.dumps(sidecar), encoding="utf-8")
    result = sign(kit, pdf, "nguoi-ky")
    assert result.exit_code == 0, result.output
    assert "tệp ô ký bc.ky-so.json không khớp với bc.pdf (PDF đã được dựng lại?): tìm lại ô ký từ chữ trong PDF" \
        in result.output


def test_a_token_without_its_library_is_said_plainly(kit, tmp_path):
    result = run_cli("sign", kit["pdf"], "--vai-tro", "nguoi-ky", "--pkcs11-lib", tmp_path / "khong-co.so",
                     "--pkcs11-nhan", "chu-ky", "--mat-khau", "1234", "--anh-chu-ky", kit["signature"],
                     "-o", tmp_path / "t.pdf")
    assert result.exit_code == 1
    assert ("cần thêm gói python-pkcs11" in result.output) or ("không có thư viện PKCS#11" in result.output)
    both = run_cli("sign", kit["pdf"], "--vai-tro", "nguoi-ky", "--p12", kit["signer"], "--pkcs11-lib", "x.so")
    assert both.exit_code == 2 and "chọn một cách ký" in both.output


# An appendix in a file of its own ---------------------------------------------------------------

@pytest.fixture(scope="module")
def appendix_pdf(kit):
    return kit["appendix"]


def test_split_build_writes_each_appendix_in_a_file_of_its_own(kit):
    folder = kit["folder"]
    names = ["bc.docx", "bc.pdf", "bc.ky-so.json", "bc.phu-luc-1.docx", "bc.phu-luc-1.pdf", "bc.phu-luc-1.ky-so.json"]
    assert "report.yaml → " + ", ".join(str(folder / n) for n in names) in kit["build"]
    main_text = [line.text for page in read_pages(kit["pdf"]) for line in page.lines]
    assert not any(t.startswith("Phụ lục") for t in main_text) and "Lâm Hải Giang" in main_text
    appendix_text = [line.text for page in read_pages(kit["appendix"]) for line in page.lines]
    assert appendix_text[:2] == ["Phụ lục", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ"]
    assert "(Kèm theo Báo cáo số /BC-UBND ngày /7/2024 của Ủy ban nhân dân tỉnh Bình Định)" in " ".join(appendix_text)


def flattened_text(pdf: Path) -> str:
    """The page's text with its annotations drawn in (pdfium flattens them into the page)."""
    import pypdfium2 as pdfium
    from pypdfium2 import raw

    document = pdfium.PdfDocument(str(pdf))
    page = document[0]
    raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY)
    buffer = io.BytesIO()
    document.save(buffer)
    flat = pdfium.PdfDocument(buffer.getvalue())
    return flat[0].get_textpage().get_text_range()


def test_appendix_file_is_signed_by_the_agency_with_text_at_the_top_right(kit, appendix_pdf, tmp_path):
    sidecar = json.loads(boxes.sidecar_path(appendix_pdf).read_text(encoding="utf-8"))
    assert sidecar["loai_tep"] == "phu-luc"
    (box,) = sidecar["o_ky"]
    assert (box["vai_tro"], box["noi_dung"], box["trang"]) == ("co-quan", "thong-tin", 1)
    out = tmp_path / "phu-luc.co-quan.pdf"
    unnumbered = run_cli("sign", appendix_pdf, "--vai-tro", "co-quan", "--p12", kit["agency"], "--mat-khau", PASSWORD,
                         "-o", out)
    assert unnumbered.exit_code == 1 and not out.exists()
    assert "phụ lục chưa có số và ký hiệu văn bản: ghi --so-ky-hieu, ví dụ --so-ky-hieu 117/BC-UBND" in unnumbered.output
    result = run_cli("sign", appendix_pdf, "--vai-tro", "co-quan", "--p12", kit["agency"], "--mat-khau", PASSWORD,
                     "--so-ky-hieu", "117/BC-UBND", "-o", out)
    assert result.exit_code == 0, result.output
    ((_, status),) = validate(out, kit["roots"])
    assert status.intact and status.valid
    text = " ".join(flattened_text(out).split())
    assert "Số: 117/BC-UBND" in text
    signed_at = text.split("Thời gian ký: ")[1].split()[0]
    assert dt.datetime.fromisoformat(signed_at).utcoffset() == dt.timedelta(hours=7)
    fonts = embedded_fonts(open_pdf(out))
    assert all(f.embedded and f.accepted for f in fonts)
    widget = pages(open_pdf(out))[0]["/Annots"][0].get_object()
    appearance = widget["/AP"]["/N"]
    assert appearance.data.startswith(b"q q 1 0 0 1 ") and b"/F1 10 Tf" in appearance.data  # size 10, not shrunk
    assert_widths_in_thousandths(appearance)
    assert [round(float(v), 2) for v in widget["/Rect"]] == pytest.approx(box["hop"], abs=0.01)
    _, y0, x1, y1 = box["hop"]
    page_width, page_height = sidecar["trang"]["1"]
    assert x1 > page_width / 2 and y0 > page_height * 0.85 and y1 <= page_height


def test_appendix_file_refuses_the_signer_and_needs_a_number(kit, appendix_pdf, tmp_path):
    signer = run_cli("sign", appendix_pdf, "--vai-tro", "nguoi-ky", "--p12", kit["signer"], "--mat-khau", PASSWORD,
                     "--anh-chu-ky", kit["signature"], "-o", tmp_path / "a.pdf")
    assert signer.exit_code == 1 and "phụ lục tách tệp chỉ có chữ ký số của cơ quan" in signer.output
    assert signing.number_from_text(["(Kèm theo Báo cáo số      /BC-UBND ngày     /7/2024 của ...)"]) is None
    assert signing.number_from_text(["(Kèm theo Báo cáo số 117/BC-UBND ngày 05/7/2024 của ...)"]) == "117/BC-UBND"


def test_vietnam_time_is_iso_8601_with_its_offset():
    moment = dt.datetime(2024, 7, 5, 2, 30, 15, tzinfo=dt.timezone.utc)
    assert signing.vietnam_time(moment) == "2024-07-05T09:30:15+07:00"


def test_a_machine_without_the_font_is_told_how_to_get_it(monkeypatch):
    monkeypatch.setattr(signing, "KNOWN_FONT_FILES", ())
    monkeypatch.setattr(signing.shutil, "which", lambda name: None)
    with pytest.raises(signing.SigningProblem, match="sudo apt-get install fonts-liberation2"):
        signing.find_font()


def assert_widths_in_thousandths(appearance):
    """The /W widths of the embedded font are the font's advances in thousandths of an em."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(signing.find_font()))
    scale = 1000 / font["head"].unitsPerEm
    order = font.getGlyphOrder()
    (ref,) = appearance["/Resources"]["/Font"].values()
    widths = ref.get_object()["/DescendantFonts"][0]["/W"]
    checked = 0
    for i in range(0, len(widths), 2):
        first, run = int(widths[i]), widths[i + 1]
        for offset, width in enumerate(run):
            advance = font["hmtx"][order[first + offset]][0]
            assert int(width) == round(advance * scale), (first + offset, width, advance)
            checked += 1
    assert checked > 10


# A timestamp from an RFC 3161 server ---------------------------------------------------------------

@pytest.fixture(scope="module")
def tsa_url():
    """pyHanko's test timestamper behind a local HTTP server."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from asn1crypto import keys, tsp
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.timestamps import DummyTimeStamper

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "TSA thử nghiệm")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
            .sign(key, hashes.SHA256()))
    stamper = DummyTimeStamper(
        asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        keys.PrivateKeyInfo.load(key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                                   serialization.NoEncryption())))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_a_timestamp_server_stamps_the_signature(kit, tsa_url, tmp_path):
    pdf = tmp_path / "bc.pdf"
    shutil.copy(kit["pdf"], pdf)
    shutil.copy(boxes.sidecar_path(kit["pdf"]), boxes.sidecar_path(pdf))
    result = sign(kit, pdf, "nguoi-ky", "--tsa", tsa_url)
    assert result.exit_code == 0, result.output
    ((_, status),) = validate(tmp_path / "bc.nguoi-ky.pdf", kit["roots"])
    assert status.intact and status.valid and status.timestamp_validity is not None
    assert status.timestamp_validity.intact
    assert "có dấu thời gian" in run_cli("check", tmp_path / "bc.nguoi-ky.pdf").output


def test_an_unreachable_timestamp_server_is_said_in_vietnamese(kit, tmp_path):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = sign(kit, kit["pdf"], "nguoi-ky", "--tsa", f"http://127.0.0.1:{port}/", "-o", tmp_path / "t.pdf")
    assert result.exit_code == 1 and not (tmp_path / "t.pdf").exists()
    assert f"không lấy được dấu thời gian từ http://127.0.0.1:{port}/" in result.output


def test_check_warns_of_a_signature_outside_its_box(kit, tmp_path):
    pdf = tmp_path / "bc.pdf"
    shutil.copy(kit["pdf"], pdf)
    shutil.copy(boxes.sidecar_path(kit["pdf"]), boxes.sidecar_path(pdf))
    moved = json.loads(boxes.sidecar_path(pdf).read_text(encoding="utf-8"))
    signer = next(b for b in moved["o_ky"] if b["vai_tro"] == "nguoi-ky")
    signer["hop"] = [signer["hop"][0] - 200, signer["hop"][1], signer["hop"][2] - 200, signer["hop"][3]]
    (tmp_path / "lech.json").write_text(json.dumps(moved), encoding="utf-8")
    assert sign(kit, pdf, "nguoi-ky", "--o-ky", tmp_path / "lech.json").exit_code == 0
    result = run_cli("check", tmp_path / "bc.nguoi-ky.pdf")
    assert result.exit_code == 0  # a warning
    x0, y0, x1, y1 = signer["hop"]
    assert (f"[o-ky] chữ ký hiển thị ở trang 1 [{x0:.0f}, {y0:.0f}, {x1:.0f}, {y1:.0f}] pt, "
            "không ở ô ký của người có thẩm quyền (trang 1 [") in result.output


def test_a_signed_pdf_is_never_written_into_the_inputs_folder(kit, tmp_path):
    (tmp_path / "inputs").mkdir()
    (tmp_path / "templates").mkdir()
    target = tmp_path / "inputs" / "bc.nguoi-ky.pdf"
    result = sign(kit, kit["pdf"], "nguoi-ky", "-o", target)
    assert result.exit_code == 1 and not target.exists()
    assert str(target) in result.output and "inputs" in result.output
