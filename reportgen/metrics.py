"""Widths of text in Times New Roman, from the font's own advance widths (reportgen/data/tnr_widths.json,
generated from Liberation Serif 2, which has Times New Roman's metrics, by scripts/make_font_metrics.py).

Word lays a line out as the sum of its characters' advances (no kerning by default), so
this is the length the line has on the page, to size the drawn rules under a text.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "tnr_widths.json"
MM_PER_PT = 25.4 / 72


@lru_cache(maxsize=1)
def _table() -> dict:
    return json.loads(TABLE.read_text(encoding="utf-8"))


def _advance(char: str, widths: dict[str, int], units: int) -> int:
    if char in widths:
        return widths[char]
    # A letter the table lacks in composed form: its base letter (combining marks take no room).
    base = unicodedata.normalize("NFD", char)[0]
    return widths.get(base, units // 2)


def text_width_em(text: str, bold: bool = False) -> float:
    """The width of `text` in ems (1 em = the font size)."""
    table = _table()
    widths, units = table["bold" if bold else "regular"], table["units_per_em"]
    return sum(_advance(c, widths, units) for c in unicodedata.normalize("NFC", text)) / units


def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """The width of `text` set in Times New Roman at `size_pt` points, in millimetres."""
    return text_width_em(text, bold) * size_pt * MM_PER_PT


def longest_line_mm(text: str, size_pt: float, bold: bool, width_mm: float) -> float:
    """The longest line `text` makes when broken at spaces to fit `width_mm` (as Word breaks it)."""
    longest, line = 0.0, ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and text_width_mm(candidate, size_pt, bold) > width_mm:
            longest = max(longest, text_width_mm(line, size_pt, bold))
            line = word
        else:
            line = candidate
    return min(max(longest, text_width_mm(line, size_pt, bold)), width_mm)
