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
from dataclasses import dataclass
from pathlib import Path

from reportgen.pdf.inspect import PdfProblem

LINE_TOLERANCE = 2.0     # points: words whose tops differ less are on one line
COLUMN_GAP_EM = 2.0      # a gap wider than this many font sizes starts another column's line


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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


def read_pages(source: Path | bytes, numbers=None) -> list[Page]:
    """The pages' sizes and text lines, in order: all of them, or those `numbers` (from 1).
    pdfminer reads a page's text slowly (about 0.3 s a page), so callers read only what they need."""
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with pdfplumber.open(_open_source(source)) as pdf:
            pages: list[Page] = []
            for number in sorted(set(numbers)) if numbers is not None else range(1, len(pdf.pages) + 1):
                if not 1 <= number <= len(pdf.pages):
                    continue
                page = pdf.pages[number - 1]
                words = page.extract_words(x_tolerance=1.5, y_tolerance=LINE_TOLERANCE, extra_attrs=["size"])
                pages.append(Page(number, float(page.width), float(page.height), tuple(_lines_of(words, number))))
            return pages
    except PdfProblem:
        raise
    except Exception as exc:  # pdfminer raises many kinds for a damaged file
        raise PdfProblem(f"không đọc được chữ trong PDF ({type(exc).__name__})") from None


def pages_containing(source: Path | bytes, text: str) -> list[int]:
    """The numbers (from 1) of the pages whose text contains `text`, found quickly with pdfium."""
    import pypdfium2 as pdfium

    wanted = normal(text)
    try:
        document = pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
    except pdfium.PdfiumError as exc:
        raise PdfProblem(f"không đọc được tệp PDF ({exc})") from None
    try:
        return [i + 1 for i in range(len(document)) if wanted in normal(document[i].get_textpage().get_text_range())]
    finally:
        document.close()
