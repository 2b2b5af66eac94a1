"""Text as the rules compare and quote it: normalizing, folding for matching, shortening
for quotes, numbers written the Vietnamese way in messages."""

from __future__ import annotations

import re
import unicodedata

from .ooxml import TWIPS_PER_MM

_SPACES = re.compile(r"[ \u00a0\u2000-\u200b\u202f\u3000]+")
_TABS = re.compile(r"[ \u00a0\u2000-\u200b\u202f\u3000]*\t[\t \u00a0\u2000-\u200b\u202f\u3000]*")


def normalize(text: str) -> str:
    """NFC, every kind of space as one space, tabs as one tab (they separate columns typed
    without a table), each line stripped."""
    text = unicodedata.normalize("NFC", text)
    lines = [_SPACES.sub(" ", _TABS.sub("\t", line)).strip(" \t") for line in text.split("\n")]
    return "\n".join(lines).strip()


def segment(text: str, pattern: re.Pattern) -> re.Match | None:
    """The first tab-separated part of a line that matches `pattern` from its start."""
    for part in text.split("\t"):
        match = pattern.match(part.strip())
        if match:
            return match
    return None


def fold(text: str) -> str:
    """For matching: normalized, case-folded, `hoà` spelled `hòa` (the decree prints both)."""
    return normalize(text).casefold().replace("hoà", "hòa")


def shorten(text: str, limit: int = 70) -> str:
    text = text.replace("\n", " / ").replace("\t", " ")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c == c.upper() for c in letters)


def pt(value: float) -> str:
    """12 → "12", 12.5 → "12,5" (Vietnamese decimal comma)."""
    return f"{value:g}".replace(".", ",")


def mm(twips: float) -> str:
    return f"{twips / TWIPS_PER_MM:.1f}".replace(".", ",")
