"""A PDF's text as lines with their positions, read with pdfplumber (pdfminer.six).

Positions are PDF points measured as pdfplumber does, from the top-left corner of the
page (`top`, `bottom`); `boxes` turns them into PDF's own bottom-left coordinates. Words
on one baseline separated by a wide gap are separate lines: the two columns of the
signature table (Nơi nhận, the signer) share baselines.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from pathlib import Path

from reportgen.pdf.inspect import PdfProblem
from reportgen.records import record

LINE_TOLERANCE = 2.0     # points: words whose tops differ less are on one line
COLUMN_GAP_EM = 2.0      # a gap wider than this many font sizes starts another column's line


@record(frozen=True)
class Line:
    page: int            # 1-based
    text: str            # NFC
    x0: float
    x1: float
    top: float           # from the top of the page
    bottom: float
    size: float

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@record(frozen=True)
class Page:
    number: int          # 1-based
    width: float
    height: float
    lines: tuple[Line, ...]


def normal(text: str) -> str:
    """Text compared as a reader sees it: NFC, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _lines_of(words: list[dict], number: int) -> list[Line]:
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= LINE_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        group = [row[0]]
        for word in row[1:]:
            size = max(group[-1].get("size", 10), word.get("size", 10))
            if word["x0"] - group[-1]["x1"] > COLUMN_GAP_EM * size:
                lines.append(_line(group, number))
                group = []
            group.append(word)
        lines.append(_line(group, number))
    return lines


def _line(words: list[dict], number: int) -> Line:
    return Line(number, normal(" ".join(w["text"] for w in words)), min(w["x0"] for w in words),
                max(w["x1"] for w in words), min(w["top"] for w in words), max(w["bottom"] for w in words),
                max(w.get("size", 0) for w in words))


def preload() -> None:
    """Import the PDF readers now (before worker processes fork, so that each has them)."""
    import pdfplumber  # noqa: F401
    import pypdfium2  # noqa: F401


def _open_source(source: Path | bytes):
    return io.BytesIO(source) if isinstance(source, bytes) else Path(source)


class PageReader:
    """A PDF opened once with pdfplumber, its pages' text lines read on demand (`read`)."""

    def __init__(self, source: Path | bytes):
        self.source = source
        self.pdf = None

    def __enter__(self) -> PageReader:
        return self

    def __exit__(self, *exc) -> None:
        if self.pdf is not None:
            self.pdf.close()

    def read(self, numbers=None) -> list[Page]:
        """The pages' sizes and text lines, in order: all of them, or those `numbers` (from 1).
        pdfminer reads a page's text slowly (about 0.1–0.3 s a page), so callers read only what they need."""
        try:
            if self.pdf is None:
                import pdfplumber

                logging.getLogger("pdfminer").setLevel(logging.ERROR)
                self.pdf = pdfplumber.open(_open_source(self.source))
            count = len(self.pdf.pages)
            wanted = sorted(set(numbers)) if numbers is not None else range(1, count + 1)
            return [self._page(number) for number in wanted if 1 <= number <= count]
        except PdfProblem:
            raise
        except Exception as exc:  # pdfminer raises many kinds for a damaged file
            raise PdfProblem(f"không đọc được chữ trong PDF ({type(exc).__name__})") from None

    def _page(self, number: int) -> Page:
        from pdfplumber.utils import extract_words

        page = self.pdf.pages[number - 1]
        words = extract_words(_characters(page), x_tolerance=1.5, y_tolerance=LINE_TOLERANCE, extra_attrs=["size"])
        return Page(number, float(page.width), float(page.height), tuple(_lines_of(words, number)))


def _characters(page) -> list[dict]:
    """The page's characters as `page.chars` gives them, with only what the words are made of
    (text, position, size): pdfplumber's own copies every attribute of each one, a third of the
    time a page takes to read. The same words as `page.extract_words` (tests/test_pdf_box_pages.py)."""
    from pdfminer.layout import LTChar, LTContainer

    height, initial_doctop = page.height, page.initial_doctop
    left, top_offset = page.mediabox[:2]
    found = []
    pending = [iter(page.layout)]  # depth first, in the layout's order, without a closure calling itself
    while pending:
        item = next(pending[-1], None)
        if item is None:
            pending.pop()
        elif isinstance(item, LTContainer):
            pending.append(iter(item))
        elif isinstance(item, LTChar):
            top = (height - item.y1) + top_offset
            found.append({"text": item.get_text(), "upright": item.upright, "size": item.size,
                          "x0": item.x0 + left if left != 0 else item.x0,
                          "x1": item.x1 + left if left != 0 else item.x1,
                          "top": top, "bottom": (height - item.y0) + top_offset, "doctop": initial_doctop + top})
    return found


def read_pages(source: Path | bytes, numbers=None) -> list[Page]:
    """The pages' sizes and text lines, in order: all of them, or those `numbers` (from 1)."""
    with PageReader(source) as reader:
        return reader.read(numbers)


def _pdfium_document(source: Path | bytes):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
    except pdfium.PdfiumError as exc:
        raise PdfProblem(f"không đọc được tệp PDF ({exc})") from None


def _pdfium_text(document, index: int) -> str:
    page = document[index]
    try:
        text_page = page.get_textpage()
        try:
            return normal(text_page.get_text_range())
        finally:
            text_page.close()
    finally:
        page.close()


def pages_containing(source: Path | bytes, text: str) -> list[int]:
    """The numbers (from 1) of the pages whose text contains `text`, found quickly with pdfium."""
    wanted = normal(text)
    document = _pdfium_document(source)
    try:
        return [i + 1 for i in range(len(document)) if wanted in _pdfium_text(document, i)]
    finally:
        document.close()


def last_page_containing(source: Path | bytes, text: str) -> int | None:
    """The last of `pages_containing`, looked for from the last page back."""
    wanted = normal(text)
    document = _pdfium_document(source)
    try:
        return next((i + 1 for i in reversed(range(len(document))) if wanted in _pdfium_text(document, i)), None)
    finally:
        document.close()


def may_contain(source: Path | bytes, number: int, text: str) -> bool:
    """Whether page `number` (from 1) may hold `text`: its text holds it with the spaces left out
    (pdfium and pdfminer may part words differently; a page without it surely does not hold it)."""
    wanted = "".join(normal(text).split())
    document = _pdfium_document(source)
    try:
        return 1 <= number <= len(document) and wanted in "".join(_pdfium_text(document, number - 1).split())
    finally:
        document.close()
