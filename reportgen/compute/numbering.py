"""Numbering labels computed from the body tree: I. / 1. / 1.1. / 1.1.1. / a) / - / +, and the
enumerations real reports use beside the decree's ladder: (1) / (i) / "Một là,"."""

from __future__ import annotations

from reportgen import formatting as F

BULLETS = {"gach": "-", "cong": "+"}


class Counter:
    """Counters for one parent: each child kind numbers from 1 under each parent."""

    def __init__(self, prefix: str = ""):
        self.prefix = prefix  # "1." for khoan under khoan 1
        self.counts: dict[str, int] = {}

    def next(self, kind: str) -> int:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return self.counts[kind]


def label(kind: str, number: int, prefix: str = "") -> str:
    if kind == "muc":
        return f"{F.roman(number)}."
    if kind == "khoan":
        return f"{prefix}{number}."
    if kind == "diem":
        return f"{F.letter(number)})"
    return BULLETS.get(kind, "")


# "Một là, Hai là, ..." (a lead-in counts in words); beyond ten the count is written in figures.
LEAD_INS = ["Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười"]


def enumeration_label(style: str, number: int) -> str:
    """`(1)` (ngoac_so), `(i)` (ngoac_la_ma) or `Một là,` (mot_la)."""
    if style == "ngoac_la_ma":
        return f"({F.roman(number).lower()})"
    if style == "mot_la":
        word = LEAD_INS[number - 1] if number <= len(LEAD_INS) else f"Thứ {number}"
        return f"{word} là,"
    return f"({number})"


def appendix_label(index: int, total: int, style: str, single_without_number: bool, caps: bool = False) -> str:
    """`Phụ lục I` (decree default), `Phụ lục 1`, `Phụ lục 01`, `Phụ lục số 1`, or `Phụ lục` for
    a lone appendix; `PHỤ LỤC ...` when the template asks for capitals."""
    word = "PHỤ LỤC" if caps else "Phụ lục"
    if total == 1 and single_without_number:
        return word
    if style == "so":
        return f"{word} {index}"
    if style == "so_2_chu_so":
        return f"{word} {index:02d}"
    if style == "so_chu":
        return f"{word} {'SỐ' if caps else 'số'} {index}"
    return f"{word} {F.roman(index)}"
