"""PAdES signatures with pyHanko, placed and drawn as Nghị định 30 wants them.

The signer signs first (Điều 32.2.d: the agency signs only a document that already carries
the competent person's signature); each signature is an incremental update, so the earlier
one stays valid. Appearances: the signer's image in the signer's box; the agency's seal
image, real size, in the agency's box; on an appendix in a file of its own the agency's
signature shows no image, only the number and symbol and the signing time (ISO 8601, Việt
Nam time) in an embedded Times New Roman–metric font, size 10, black.
"""

from __future__ import annotations

import io
import logging
import re
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

from reportgen.pdf.boxes import AGENCY, SIGNER, Box
from reportgen.records import record

VIETNAM_TIME = timezone(timedelta(hours=7), "ICT")
TS_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
FIELD_NAMES = {SIGNER: "nguoi-ky", AGENCY: "co-quan"}
ROLE_NAMES = {SIGNER: "người có thẩm quyền", AGENCY: "cơ quan"}
INFO_FONT_SIZE = 10
INFO_LEADING = 12
VIETNAMESE_SAMPLE = "ĂÂĐÊÔƠƯăâđêôơưẠạẤấỐốỗỮữỹ"
FONT_NAMES = ("Liberation Serif", "Times New Roman", "Tinos")
KNOWN_FONT_FILES = (
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/liberation-serif/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf",
    "C:/Windows/Fonts/times.ttf",
    "/Library/Fonts/Times New Roman.ttf",
    "/System/Library/Fonts/Supplemental/Times New Roman.ttf",
)
FONT_HINT = ("không tìm thấy phông có chữ tiếng Việt cùng kích thước với Times New Roman (Liberation Serif 2, "
             "Tinos hoặc Times New Roman) để viết chữ trong chữ ký; trên Debian/Ubuntu: "
             "sudo apt-get install fonts-liberation2")


class SigningProblem(Exception):
    """A signing that cannot go on; the message is Vietnamese."""


# Keys -------------------------------------------------------------------------------------------

def key_from_p12(path: Path, password: str | None):
    from pyhanko.sign.signers import SimpleSigner

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SigningProblem(f"không mở được tệp chứng thư số {path} ({exc.strerror})") from None
    try:
        return SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=(password or "").encode("utf-8") or None)
    except ValueError:
        raise SigningProblem(f"không mở được chứng thư số {Path(path).name}: sai mật khẩu (--mat-khau) "
                             "hoặc tệp không phải PKCS#12 (.p12/.pfx)") from None


def key_from_pkcs11(library: Path, label: str, pin: str | None, token: str | None = None):
    """A key on a USB token or an HSM (the VGCA and providers' tokens speak PKCS#11)."""
    try:
        from pyhanko.sign.pkcs11 import PKCS11Signer, TokenCriteria, open_pkcs11_session
    except ImportError:
        raise SigningProblem("ký bằng thiết bị PKCS#11 cần thêm gói python-pkcs11: "
                             "pip install 'pyhanko[pkcs11]'") from None
    if not Path(library).is_file():
        raise SigningProblem(f"không có thư viện PKCS#11 {library} (tệp .so/.dll của nhà cung cấp thiết bị ký)")
    try:
        session = open_pkcs11_session(str(library), token_criteria=TokenCriteria(label=token) if token else None,
                                      slot_no=None if token else 0, user_pin=pin)
        return PKCS11Signer(session, cert_label=label, key_label=label)
    except Exception as exc:  # the PKCS#11 layer raises its own kinds
        raise SigningProblem(f"không dùng được thiết bị ký PKCS#11 ({type(exc).__name__}: {exc})") from None


# Images and the font ----------------------------------------------------------------------------

def image_warnings(path: Path, role: str) -> list[str]:
    """The decree's image: PNG with a transparent background, blue for a signature, red for a seal."""
    from PIL import Image

    try:
        image = Image.open(path)
        image.load()
    except (OSError, ValueError) as exc:
        raise SigningProblem(f"không đọc được ảnh {path} ({exc})") from None
    warnings = []
    if image.format != "PNG":
        warnings.append(f"ảnh {Path(path).name} nên là tệp PNG (Nghị định 30, Phụ lục I)")
    rgba = image.convert("RGBA")
    alpha = rgba.getchannel("A")
    if alpha.getextrema()[0] == 255:
        warnings.append(f"ảnh {Path(path).name} không có nền trong suốt (Nghị định 30 đòi PNG nền trong suốt)")
    colour = _ink_colour(rgba)
    wanted = "xanh" if role == SIGNER else "đỏ"
    if colour and colour != wanted:
        what = "chữ ký" if role == SIGNER else "dấu"
        warnings.append(f"ảnh {what} {Path(path).name} có màu {colour}, Nghị định 30 đòi màu {wanted}")
    return warnings


def _ink_colour(rgba) -> str | None:
    """The dominant colour of the opaque pixels: "xanh" (blue), "đỏ" (red) or another."""
    small = rgba.resize((min(rgba.width, 64), min(rgba.height, 64)))
    red = green = blue = count = 0
    pixels = small.tobytes()
    for i in range(0, len(pixels), 4):
        r, g, b, a = pixels[i:i + 4]
        if a > 128 and min(r, g, b) < 200:
            red, green, blue, count = red + r, green + g, blue + b, count + 1
    if not count:
        return None
    red, green, blue = red / count, green / count, blue / count
    if blue > red + 30 and blue > green:
        return "xanh"
    if red > blue + 30 and red > green + 30:
        return "đỏ"
    return "đen" if max(red, green, blue) < 90 else "khác"


def has_vietnamese(font_file: Path) -> bool:
    from fontTools.ttLib import TTFont

    try:
        cmap = TTFont(str(font_file), fontNumber=0, lazy=True).getBestCmap() or {}
    except Exception:  # a damaged or unsupported font file is simply not used
        return False
    return all(ord(c) in cmap for c in VIETNAMESE_SAMPLE)


def find_font() -> Path:
    """A Vietnamese-capable face with Times New Roman's metrics: fontconfig first, then known paths."""
    candidates: list[str] = []
    if shutil.which("fc-match"):
        for name in FONT_NAMES:
            done = subprocess.run(["fc-match", "-f", "%{family}\t%{file}", f"{name}:style=Regular"],
                                  capture_output=True, text=True, timeout=20)
            family, _, file = done.stdout.partition("\t")
            if done.returncode == 0 and name.lower() in family.lower():  # fc-match falls back to anything
                candidates.append(file)
    candidates += list(KNOWN_FONT_FILES)
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and has_vietnamese(Path(candidate)):
            return Path(candidate)
    raise SigningProblem(FONT_HINT)


def vietnam_time(stamp: datetime) -> str:
    """ISO 8601 in Việt Nam time: 2024-07-05T09:30:00+07:00."""
    return stamp.astimezone(VIETNAM_TIME).isoformat(timespec="seconds")


# The existing signatures ------------------------------------------------------------------------

@record(frozen=True)
class ExistingField:
    name: str
    signed: bool


def existing_fields(data: bytes) -> list[ExistingField]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        return [ExistingField(name, value is not None) for name, value, _ in enumerate_sig_fields(reader)]
    except Exception as exc:  # pyHanko's reader raises several kinds for a damaged file
        raise SigningProblem(f"không đọc được tệp PDF ({type(exc).__name__})") from None


def check_order(role: str, fields: list[ExistingField], kind: str) -> None:
    signed = {f.name for f in fields if f.signed}
    if kind == "phu-luc" and role == SIGNER:
        raise SigningProblem("phụ lục tách tệp chỉ có chữ ký số của cơ quan (Nghị định 30, Phụ lục I, III.1.d): "
                             "dùng --vai-tro co-quan")
    if FIELD_NAMES[role] in signed:
        raise SigningProblem(f"tệp đã có chữ ký số của {ROLE_NAMES[role]} (ô {FIELD_NAMES[role]})")
    if role == SIGNER and FIELD_NAMES[AGENCY] in signed:
        raise SigningProblem("tệp đã có chữ ký số của cơ quan: người có thẩm quyền phải ký trước (Nghị định 30, Điều 32)")
    if role == AGENCY and kind != "phu-luc" and FIELD_NAMES[SIGNER] not in signed:
        raise SigningProblem("chữ ký số của cơ quan chỉ được ký vào văn bản đã có chữ ký số của người có thẩm quyền "
                             "(Nghị định 30, Điều 32.2.d): người ký ký trước với --vai-tro nguoi-ky")


# Signing ----------------------------------------------------------------------------------------

def number_from_text(texts: list[str]) -> str | None:
    """The number and symbol of the main document from an appendix's `(Kèm theo ... số 117/BC-UBND ...)` line."""
    for text in texts:
        match = re.search(r"số\s+(\d+/[\wĐđ.\-]+)", text) if "Kèm theo" in text else None
        if match:
            return match.group(1)
    return None


def _stamp_style(role: str, box: Box, image: Path | None):
    from PIL import Image
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.stamp import StaticStampStyle

    if box.content == "thong-tin":
        return _info_style()
    if image is None:
        what = "--anh-chu-ky (ảnh chữ ký)" if role == SIGNER else "--anh-dau (ảnh dấu)"
        raise SigningProblem(f"thiếu {what}: Nghị định 30 đòi hiển thị hình ảnh này ở ô ký")
    picture = Image.open(image)
    picture.load()
    # Scaled up or down to the box, keeping its proportions: the seal's box is its real size.
    fit = layout.SimpleBoxLayoutRule(x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                                     margins=layout.Margins.uniform(0),
                                     inner_content_scaling=layout.InnerScaling.STRETCH_TO_FIT)
    return StaticStampStyle(background=PdfImage(picture.convert("RGBA")), background_layout=fit,
                            background_opacity=1.0, border_width=0)


def _font_factory(font_file: Path):
    """pyHanko's glyph accumulator, with the glyph widths in the PDF's thousandths of an em.

    pyHanko writes a TrueType font's widths (/W) in the font's own units; for a font of 2048
    units per em (Liberation Serif, Times New Roman) every letter would take twice its room.
    Shaping at a scale of 1000 and converting the widths keeps the text, the widths and the
    embedded font consistent (which PDF/A also requires)."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

    class ThousandthsAccumulator(GlyphAccumulator):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._font_units = self.units_per_em
            self.hb_font.scale = (1000, 1000)
            self.units_per_em = 1000

        def _get_cid_and_width(self, glyph_id: int):
            if glyph_id not in self._glyphs:
                cid, width = super()._get_cid_and_width(glyph_id)
                self._glyphs[glyph_id] = (cid, round(width * 1000 / self._font_units))
            return self._glyphs[glyph_id]

    class Factory(GlyphAccumulatorFactory):
        def create_font_engine(self, writer, obj_stream=None):
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return ThousandthsAccumulator(writer=writer, font_handle=open(self.font_file, "rb"),  # noqa: SIM115
                                          font_size=self.font_size, obj_stream=obj_stream)

    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "FFTM NOT subset" is not the user's concern
    return Factory(str(font_file), font_size=INFO_FONT_SIZE)


def _info_style():
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

    class VietnamTimeTextStyle(TextStampStyle):
        def create_stamp(self, writer, box, text_params):
            params = dict(text_params)
            params["ts"] = vietnam_time(datetime.strptime(params["ts"], TS_FORMAT))
            return super().create_stamp(writer, box, params)

    right = layout.SimpleBoxLayoutRule(x_align=layout.AxisAlignment.ALIGN_MAX, y_align=layout.AxisAlignment.ALIGN_MID,
                                       margins=layout.Margins.uniform(1),
                                       inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT)
    return VietnamTimeTextStyle(
        stamp_text="Số: %(so_ky_hieu)s\nThời gian ký: %(ts)s", timestamp_format=TS_FORMAT, border_width=0,
        background=None, inner_content_layout=right,
        text_box_style=TextBoxStyle(font=_font_factory(find_font()), font_size=INFO_FONT_SIZE, leading=INFO_LEADING,
                                    text_color=(0, 0, 0), box_layout_rule=layout.SimpleBoxLayoutRule(
                                        x_align=layout.AxisAlignment.ALIGN_MIN, y_align=layout.AxisAlignment.ALIGN_MIN,
                                        margins=layout.Margins.uniform(0))))


def _producer_as_in_xmp(writer) -> None:
    """pyHanko writes its own name as the XMP producer but appends it to the /Info producer;
    PDF/A wants the two to agree, so /Info says what the XMP will say."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.metadata.model import VENDOR

    try:
        reference = writer.trailer.raw_get("/Info")
    except KeyError:
        return
    info = reference.get_object()
    if "/Producer" in info and str(info["/Producer"]) != VENDOR:
        info["/Producer"] = generic.TextStringObject(VENDOR)
        writer.mark_update(reference)


@record
class SignRequest:
    role: str                     # nguoi-ky | co-quan
    key: object                   # a pyHanko Signer
    box: Box
    kind: str                     # van-ban | phu-luc
    image: Path | None = None
    number_symbol: str | None = None
    tsa_url: str | None = None


def sign(data: bytes, request: SignRequest) -> bytes:
    """`data` with one more signature, appended as an incremental update."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers, timestamps

    existing = existing_fields(data)
    check_order(request.role, existing, request.kind)
    style = _stamp_style(request.role, request.box, request.image)
    params = {}
    if request.box.content == "thong-tin":
        if not request.number_symbol:
            raise SigningProblem("phụ lục chưa có số và ký hiệu văn bản: ghi --so-ky-hieu, ví dụ --so-ky-hieu 117/BC-UBND")
        params["so_ky_hieu"] = request.number_symbol
    name = FIELD_NAMES[request.role]
    spec = None if any(f.name == name for f in existing) else fields.SigFieldSpec(
        sig_field_name=name, on_page=request.box.page - 1, box=request.box.rect)
    meta = signers.PdfSignatureMetadata(field_name=name, subfilter=fields.SigSeedSubFilter.PADES,
                                        md_algorithm="sha256", reason=f"Chữ ký số của {ROLE_NAMES[request.role]}")
    timestamper = timestamps.HTTPTimeStamper(request.tsa_url) if request.tsa_url else None
    signer = signers.PdfSigner(meta, signer=request.key, timestamper=timestamper, stamp_style=style,
                               new_field_spec=spec)
    out = io.BytesIO()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        _producer_as_in_xmp(writer)
        signer.sign_pdf(writer, output=out, appearance_text_params=params or None)
    except timestamps.TimestampRequestError as exc:
        raise SigningProblem(f"không lấy được dấu thời gian từ {request.tsa_url} ({exc})") from None
    except (OSError, ValueError) as exc:
        raise SigningProblem(f"không ký được tệp PDF ({type(exc).__name__}: {exc})") from None
    return out.getvalue()
