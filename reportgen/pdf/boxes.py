"""Where the signatures go on a written PDF, found from its own text positions, and the sidecar
`<name>.ky-so.json` that carries them to a signing tool or a document system.

Nghị định 30, Phụ lục I: the signer's image (blue, transparent PNG) centred between the
signer's title and name (II.7.d); the agency's seal image, real size, over about the left
third of the signer's image (II.8.a); an appendix or attachment in a file of its own is
signed by the agency at the top right of its first page, no image, the number and symbol and
the signing time in Times New Roman 10 (II.8.b, III.1.d).

Boxes are PDF points, origin at the bottom-left corner of the page, `(x0, y0, x1, y1)`;
pages are numbered from 1.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import field
from pathlib import Path

from reportgen.output import guarded_write
from reportgen.pdf.inspect import PdfProblem
from reportgen.pdf.text import Line, Page, PageReader, last_page_containing, may_contain, normal
from reportgen.records import record

FORMAT = "reportgen-ky-so/1"
SIDECAR_SUFFIX = ".ky-so.json"
MM = 72 / 25.4
DEFAULT_SEAL_MM = 36
PADDING = 2.0                    # points kept free above the name and below the title
MIN_SIGNATURE_WIDTH = 40 * MM    # a signature image is at least this wide
MAX_SIGNATURE_HEIGHT = 30 * MM
MIN_SIGNATURE_HEIGHT = 10 * MM
INFO_BOX = (75 * MM, 30.0)       # the agency's text on a separate appendix: two lines of 10 pt
INFO_GAP = 4.0                   # points between that text and the appendix's first line

ANCHOR = "Nơi nhận"              # the line the signature block stands beside
APPENDIX = "Phụ lục"             # how an appendix begins

SIGNER = "nguoi-ky"
AGENCY = "co-quan"
ROLES = (SIGNER, AGENCY)


@record
class Box:
    role: str                # nguoi-ky | co-quan
    content: str             # anh-chu-ky | anh-dau | thong-tin
    page: int                # 1-based
    rect: tuple              # (x0, y0, x1, y1), PDF points, origin bottom-left
    note: str = ""

    def inside(self, width: float, height: float) -> bool:
        x0, y0, x1, y1 = self.rect
        return 0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height


@record
class SignaturePlan:
    kind: str                # van-ban (the document itself) | phu-luc (an appendix in a file of its own)
    boxes: list
    page_sizes: dict         # page number -> (width, height)
    warnings: list = field(default_factory=list)

    def box(self, role: str) -> Box | None:
        return next((b for b in self.boxes if b.role == role), None)


def _rect(page: Page, left: float, top: float, right: float, bottom: float) -> tuple:
    """pdfplumber's top-down coordinates to PDF's bottom-up ones, rounded for a stable sidecar."""
    return tuple(round(v, 2) for v in (left, page.height - bottom, right, page.height - top))


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _reading_order(pages: list[Page]) -> list[Line]:
    return [line for page in pages for line in sorted(page.lines, key=lambda l: (l.top, l.x0))]


def _right_column(line: Line, page: Page, anchor: Line) -> bool:
    return line.x0 > anchor.x1 and line.centre > page.width * 0.55


def find_signature_lines(pages: list[Page], name: str | None = None) -> tuple[Line, Line]:
    """The signer's title (the last line of the capitals block beside `Nơi nhận:`) and name."""
    ordered = _reading_order(pages)
    anchors = [line for line in ordered if line.text.startswith(ANCHOR)]
    if not anchors:
        raise PdfProblem('không tìm thấy khối chữ ký: không có dòng "Nơi nhận:" trong PDF')
    anchor = anchors[-1]
    by_number = {p.number: p for p in pages}
    column = [line for line in ordered
              if (line.page > anchor.page or (line.page == anchor.page and line.bottom >= anchor.top - 3 * anchor.size))
              and _right_column(line, by_number[line.page], anchor)]
    if name:
        wanted = normal(name)
        for i, line in enumerate(column):
            if line.text == wanted and i > 0:
                return column[i - 1], line
    for i, line in enumerate(column):
        if i > 0 and not _is_caps(line.text) and _is_caps(column[i - 1].text):
            return column[i - 1], line
    # A name typed in capitals: the room left for the signature is the widest gap in the block.
    gaps = [(b.top - a.bottom, a, b) for a, b in zip(column, column[1:6]) if a.page == b.page]
    widest = max(gaps, default=None, key=lambda g: g[0])
    if widest and widest[0] >= MIN_SIGNATURE_HEIGHT:
        return widest[1], widest[2]
    raise PdfProblem("không tìm thấy chức vụ và họ tên người ký bên phải dòng \"Nơi nhận:\"")


def signer_box(pages: list[Page], title: Line, name: Line, warnings: list) -> Box:
    page = next(p for p in pages if p.number == name.page)
    if title.page == name.page:
        upper = title.bottom
    else:
        above = [line.bottom for line in page.lines if line.bottom <= name.top]
        upper = max(above, default=0.0)
        warnings.append(f"khối chữ ký bị tách trang: chức vụ ở trang {title.page}, họ tên ở trang {name.page}; "
                        f"ô chữ ký đặt ở trang {name.page}, phía trên họ tên")
    bottom = name.top - PADDING
    top = max(upper + PADDING, bottom - MAX_SIGNATURE_HEIGHT)
    if bottom - top < MIN_SIGNATURE_HEIGHT:
        warnings.append(f"khoảng trống giữa chức vụ và họ tên chỉ {(bottom - top) / MM:.0f} mm "
                        f"(nên khoảng 20–25 mm cho chữ ký và dấu)")
    centre = name.centre
    width = max(title.x1 - title.x0, name.x1 - name.x0, MIN_SIGNATURE_WIDTH)
    width = min(width, 2 * (page.width - centre), 2 * centre)
    return Box(SIGNER, "anh-chu-ky", page.number, _rect(page, centre - width / 2, top, centre + width / 2, bottom),
               "ảnh chữ ký của người có thẩm quyền (màu xanh, PNG nền trong suốt), canh giữa chức vụ và họ tên")


def seal_box(signer: Box, page: Page, seal_mm: float) -> Box:
    """The real-size seal, its right edge at a third of the signer's box from the left, level with it."""
    x0, y0, x1, y1 = signer.rect
    diameter = seal_mm * MM
    right = x0 + (x1 - x0) / 3
    middle = (y0 + y1) / 2
    rect = (right - diameter, middle - diameter / 2, right, middle + diameter / 2)
    return Box(AGENCY, "anh-dau", signer.page, tuple(round(v, 2) for v in rect),
               f"ảnh dấu của cơ quan (màu đỏ, kích thước thật {seal_mm:g} mm, PNG nền trong suốt), "
               "trùm lên khoảng 1/3 ảnh chữ ký về bên trái")


def appendix_info_box(page: Page) -> Box:
    """Top right of the appendix's first page, above its first line, flush with the text's right edge."""
    heading = next((l for l in sorted(page.lines, key=lambda l: l.top) if l.text.startswith(APPENDIX)), None)
    first_top = heading.top if heading else min((l.top for l in page.lines), default=page.height / 4)
    right = max((l.x1 for l in page.lines), default=page.width - 15 * MM)
    width, height = INFO_BOX
    bottom = first_top - INFO_GAP
    return Box(AGENCY, "thong-tin", page.number, _rect(page, right - width, max(bottom - height, 0.0), right, bottom),
               "chữ ký số của cơ quan trên phụ lục tách tệp: không hiển thị ảnh; số và ký hiệu văn bản, "
               "thời gian ký (ISO 8601), Times New Roman cỡ 10, màu đen")


def is_separate_appendix(pages: list[Page]) -> bool:
    """A file that starts with `Phụ lục` and has no signature block is an appendix in a file of its own."""
    if not pages:
        return False
    first_page = [line.text for line in sorted(pages[0].lines, key=lambda l: l.top)]
    first_text = next((t for t in first_page if not t.isdigit()), "")  # past a page number in the header
    return first_text.startswith(APPENDIX) and not any(l.text.startswith(ANCHOR) for l in _reading_order(pages))


def signature_pages(source: Path | bytes) -> list[Page]:
    """The pages that say where the signatures go: the first page (an appendix file's box is on it)
    and, for a document, the page with `Nơi nhận:` and the one after it (the name may move there)."""
    with PageReader(source) as reader:
        first = reader.read([1])
        if is_separate_appendix(first):
            return first
        anchor = last_page_containing(source, ANCHOR)
        if anchor is None:
            return first
        pages = first + reader.read([anchor] if anchor > 1 else [])
        try:
            find_signature_lines(pages)
            return pages
        except PdfProblem:  # the signer's name went over to the next page
            return pages + reader.read([anchor + 1])


def box_pages(source: Path | bytes) -> list[Page]:
    """The pages `plan` needs to place the boxes, as few as can be read: the page with the last
    `Nơi nhận:`, and the one after it when the signer's name went over. `plan` of them is `plan`
    of `signature_pages`: the first page only tells whether the file is an appendix of its own,
    and it is read too when it may be one (it holds `Phụ lục`), or holds the signature block,
    or when pdfium's text and pdfminer's disagree on where `Nơi nhận:` is (or pdfium cannot read it)."""
    try:
        anchor = last_page_containing(source, ANCHOR)
        first_needed = anchor is None or anchor == 1 or may_contain(source, 1, APPENDIX)
    except PdfProblem:  # said as `signature_pages` says it
        first_needed = True
    if first_needed:
        return signature_pages(source)
    try:
        with PageReader(source) as reader:
            pages = reader.read([anchor])
            if not any(line.text.startswith(ANCHOR) for page in pages for line in page.lines):
                return signature_pages(source)
            try:
                find_signature_lines(pages)
                return pages
            except PdfProblem:  # the signer's name went over to the next page
                return pages + reader.read([anchor + 1])
    except PdfProblem:  # said as `signature_pages` says it
        return signature_pages(source)


def plan(pages: list[Page], seal_mm: float = DEFAULT_SEAL_MM, name: str | None = None) -> SignaturePlan:
    sizes = {p.number: (round(p.width, 2), round(p.height, 2)) for p in pages}
    if is_separate_appendix(pages):
        return SignaturePlan("phu-luc", [appendix_info_box(pages[0])], sizes)
    warnings: list = []
    title, name_line = find_signature_lines(pages, name)
    signer = signer_box(pages, title, name_line, warnings)
    page = next(p for p in pages if p.number == signer.page)
    boxes = [signer, seal_box(signer, page, seal_mm)]
    for box in boxes:
        if not box.inside(page.width, page.height):
            warnings.append(f"ô {box.role} {box.rect} vượt ra ngoài trang {box.page}")
    return SignaturePlan("van-ban", boxes, sizes, warnings)


# The sidecar ------------------------------------------------------------------------------------

def sidecar_path(pdf: Path) -> Path:
    return pdf.with_name(pdf.stem + SIDECAR_SUFFIX)


def unsigned_stem(pdf: Path) -> str:
    """x for x.pdf, x.nguoi-ky.pdf and x.co-quan.pdf (the names `reportgen sign` gives)."""
    stem = pdf.stem
    for role in ROLES:
        if stem.endswith("." + role):
            stem = stem[: -len(role) - 1]
    return stem


def sidecar_candidates(pdf: Path) -> list[Path]:
    """The sidecar of this PDF, then of the unsigned PDF it grew from (x.ky-so.json for x.nguoi-ky.pdf)."""
    found = [sidecar_path(pdf)]
    unsigned = pdf.with_name(unsigned_stem(pdf) + SIDECAR_SUFFIX)
    return found + ([unsigned] if unsigned != found[0] else [])


def sidecar_data(pdf_bytes: bytes, pdf_name: str, signature_plan: SignaturePlan, edition: str | None) -> dict:
    return {
        "dinh_dang": FORMAT,
        "tep_pdf": pdf_name,
        "sha256": hashlib.sha256(pdf_bytes).hexdigest(),
        "so_byte": len(pdf_bytes),
        "ban": edition,
        "loai_tep": signature_plan.kind,
        "don_vi": "pt",
        "goc_toa_do": "duoi-trai",
        "trang": {str(n): list(size) for n, size in signature_plan.page_sizes.items()
                  if any(b.page == n for b in signature_plan.boxes)},
        "o_ky": [{"vai_tro": b.role, "noi_dung": b.content, "trang": b.page, "hop": list(b.rect), "mo_ta": b.note}
                 for b in signature_plan.boxes],
        "canh_bao": signature_plan.warnings,
    }


def sidecar_text(data: dict) -> str:
    """Indented JSON with each box and page size on one line."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return re.sub(r"\[\s*(-?[\d.]+(?:,\s*-?[\d.]+)*)\s*\]",
                  lambda m: "[" + ", ".join(v.strip() for v in m.group(1).split(",")) + "]", text) + "\n"


def write_sidecar(pdf: Path, edition: str | None, seal_mm: float = DEFAULT_SEAL_MM,
                  name: str | None = None, **guard) -> tuple[Path, list[str]]:
    """Find the boxes on `pdf` and write `<name>.ky-so.json` beside it; the path and the warnings.

    Written through `guarded_write` (`guard`: its `reads` and `protected_roots`): never over an
    input or a file reportgen did not make."""
    text, warnings = sidecar_for(pdf, edition, seal_mm, name)
    return save_sidecar(pdf, text, **guard), warnings


def sidecar_for(pdf: Path, edition: str | None, seal_mm: float = DEFAULT_SEAL_MM,
                name: str | None = None) -> tuple[str, list[str]]:
    """The sidecar's text for `pdf` and the warnings of the search for its boxes; nothing written
    (a batch finds the boxes of its PDFs side by side and writes the files in one process)."""
    return sidecar_of(pdf.read_bytes(), pdf.name, edition, seal_mm, name)


def sidecar_of(data: bytes, pdf_name: str, edition: str | None, seal_mm: float = DEFAULT_SEAL_MM,
               name: str | None = None) -> tuple[str, list[str]]:
    """`sidecar_for` a PDF's bytes, to be written as `pdf_name`."""
    try:
        signature_plan = plan(box_pages(data), seal_mm, name)
    except PdfProblem as exc:  # no signature block found: the sidecar says so, the PDF stays
        signature_plan = SignaturePlan("van-ban", [], {}, [f"{exc}; tệp ô ký không có ô nào"])
    return sidecar_text(sidecar_data(data, pdf_name, signature_plan, edition)), signature_plan.warnings


def save_sidecar(pdf: Path, text: str, **guard) -> Path:
    """Write a sidecar's text beside `pdf` through `guarded_write`."""
    target = sidecar_path(pdf)
    guarded_write(target, text.encode("utf-8"), ".json", **guard)
    return target


def read_sidecar(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PdfProblem(f"không đọc được tệp ô ký {path.name} ({exc})") from None
    if not isinstance(data, dict) or data.get("dinh_dang") != FORMAT:
        raise PdfProblem(f'tệp {path.name} không phải tệp ô ký của reportgen (thiếu "dinh_dang": "{FORMAT}")')
    return data


def boxes_from_sidecar(data: dict) -> list[Box]:
    boxes = []
    for entry in data.get("o_ky", []):
        try:
            rect = tuple(float(v) for v in entry["hop"])
            if len(rect) != 4 or entry["vai_tro"] not in ROLES:
                raise ValueError
            boxes.append(Box(entry["vai_tro"], str(entry.get("noi_dung", "")), int(entry["trang"]), rect,
                             str(entry.get("mo_ta", ""))))
        except (KeyError, TypeError, ValueError):
            raise PdfProblem(f"ô ký không hợp lệ trong tệp ô ký: {entry!r}") from None
    return boxes


def sidecar_matches(data: dict, pdf_bytes: bytes) -> bool:
    """The sidecar was written for this PDF, or for the revision a signed PDF grew from."""
    size = data.get("so_byte")
    if not isinstance(size, int) or size > len(pdf_bytes):
        return False
    return hashlib.sha256(pdf_bytes[:size]).hexdigest() == data.get("sha256")
