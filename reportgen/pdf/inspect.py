"""A PDF's fonts (every one must be embedded, and be Times New Roman or a face metric-compatible
with it that has the Vietnamese letters) and its PDF/A identification in the XMP metadata."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader

from reportgen.records import record

# Times New Roman (Nghị định 30), and the faces drawn to its metrics that have the Vietnamese
# letters: Liberation Serif 2 (fonts-liberation2) and Tinos. Names as PDFs write them, compared
# without spaces and case.
ACCEPTED_FAMILIES = ("timesnewroman", "liberationserif", "tinos")
ACCEPTED_TEXT = "Times New Roman (hoặc Liberation Serif, Tinos: cùng kích thước chữ, có đủ chữ tiếng Việt)"


class PdfProblem(Exception):
    """A PDF that cannot be read, or does not hold what it must; the message is Vietnamese."""


@record(frozen=True)
class FontInfo:
    name: str        # as the PDF writes it, subset prefix removed: LiberationSerif-Bold
    embedded: bool

    @property
    def accepted(self) -> bool:
        flat = self.name.replace(" ", "").replace("_", "").lower()
        return any(flat.startswith(family) for family in ACCEPTED_FAMILIES)


def open_pdf(source: Path | bytes) -> PdfFileReader:
    data = source if isinstance(source, bytes) else _read(source)
    if not data.lstrip()[:5] == b"%PDF-":
        raise PdfProblem("không phải tệp PDF")
    try:
        return PdfFileReader(io.BytesIO(data), strict=False)
    except (PdfReadError, ValueError, KeyError) as exc:
        raise PdfProblem(f"không đọc được tệp PDF ({exc})") from None


def _read(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise PdfProblem(f"không mở được tệp ({exc.strerror})") from None


def pages(reader: PdfFileReader) -> list[generic.DictionaryObject]:
    """The page dictionaries in order (the page tree walked depth first)."""
    found: list = []

    def walk(node):
        if node.get("/Type") == "/Pages" or "/Kids" in node:
            for kid in node["/Kids"]:
                walk(kid.get_object() if hasattr(kid, "get_object") else kid)
        else:
            found.append(node)

    walk(reader.root["/Pages"])
    return found


def _font_name(font: generic.DictionaryObject) -> str:
    name = str(font.get("/BaseFont", "/(không tên)"))[1:] if "/BaseFont" in font else "(không tên)"
    return re.sub(r"^[A-Z]{6}\+", "", name)


def _font_embedded(font: generic.DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # glyphs drawn in the file itself
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0]
    if "/FontDescriptor" not in font:
        return False
    descriptor = font["/FontDescriptor"]
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _resources_fonts(resources, seen: set, out: dict) -> None:
    if resources is None:
        return
    if "/Font" in resources:
        for ref in resources["/Font"].values():
            font = ref.get_object()
            out.setdefault(_font_name(font), _font_embedded(font))
    if "/XObject" in resources:
        for ref in resources["/XObject"].values():
            key = getattr(ref, "reference", None) or id(ref)
            if key in seen:
                continue
            seen.add(key)
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
                _resources_fonts(xobject["/Resources"], seen, out)


def embedded_fonts(reader: PdfFileReader) -> list[FontInfo]:
    """Every font the pages, their forms and their annotations' appearances use."""
    out: dict[str, bool] = {}
    seen: set = set()
    for page in pages(reader):
        _resources_fonts(page["/Resources"] if "/Resources" in page else None, seen, out)
        for annot_ref in page["/Annots"] if "/Annots" in page else []:
            annot = annot_ref.get_object()
            if "/AP" in annot and "/N" in annot["/AP"]:
                appearance = annot["/AP"]["/N"]
                if isinstance(appearance, generic.StreamObject) and "/Resources" in appearance:
                    _resources_fonts(appearance["/Resources"], seen, out)
    return [FontInfo(name, embedded) for name, embedded in sorted(out.items())]


def font_problems(fonts: list[FontInfo]) -> list[str]:
    """Vietnamese messages, one per font that is not embedded or not an accepted face."""
    problems = []
    for font in fonts:
        if not font.accepted:
            problems.append(f'chữ trong PDF dùng phông "{font.name}" thay cho {ACCEPTED_TEXT}; '
                            "hãy cài phông Liberation Serif 2 (sudo apt-get install fonts-liberation2) "
                            "hoặc Times New Roman rồi dựng lại")
        elif not font.embedded:
            problems.append(f'phông "{font.name}" không được nhúng vào PDF (PDF/A đòi mọi phông phải nhúng)')
    return problems


@record(frozen=True)
class PdfaId:
    part: str
    conformance: str

    def __str__(self) -> str:
        return f"PDF/A-{self.part}{self.conformance.lower()}"


def pdfa_identification(reader: PdfFileReader) -> PdfaId | None:
    """pdfaid:part and pdfaid:conformance from the catalog's XMP metadata, if any."""
    if "/Metadata" not in reader.root:
        return None
    metadata = reader.root["/Metadata"]
    xml = metadata.data.decode("utf-8", "replace") if isinstance(metadata, generic.StreamObject) else ""
    part = _xmp_value(xml, "part")
    if part is None:
        return None
    return PdfaId(part, _xmp_value(xml, "conformance") or "")


def _xmp_value(xml: str, name: str) -> str | None:
    # Written as an element (<pdfaid:part>2</pdfaid:part>) or an attribute (pdfaid:part="2").
    match = re.search(rf"<pdfaid:{name}>\s*([^<\s]+)\s*</pdfaid:{name}>", xml) or \
        re.search(rf'pdfaid:{name}\s*=\s*"([^"]+)"', xml)
    return match.group(1) if match else None
