"""The body's numbering ladder: Roman parts I., II. ..., Arabic items 1., 1.1. ..., lettered
points a), b) ... in the Vietnamese alphabet; Roman headings in bold capitals."""

from __future__ import annotations

import re

from ..findings import Finding
from ..locate import ARABIC_RE, POINT_RE, ROMAN_RE, Parts
from ..reading import Doc, Para
from ..text import is_upper
from .common import all_bold, finding_at, in_caps

POINT_LETTERS = "abcdđeghiklmnopqrstuưvxy"


def roman_value(text: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total if _to_roman(total) == text else None


def _to_roman(n: int) -> str:
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


class Ladder:
    def __init__(self):
        self.roman = 0
        self.arabic: list[int] = []
        self.point: str | None = None
        self.findings: list[Finding] = []

    def roman_item(self, p: Para, value: int, numeral: str) -> None:
        expected = self.roman + 1
        if value != expected:
            if value > expected:
                gap = ", ".join(_to_roman(n) for n in range(expected, value))
                what = f"thiếu mục {gap}"
            else:
                what = "sai thứ tự"
            prev = f"sau mục {_to_roman(self.roman)}." if self.roman else "ở đầu văn bản"
            self.findings.append(finding_at("numbering", p, f"mục {numeral}. {prev}: {what}; các phần, mục đánh số "
                                                            "La Mã liên tục I, II, III..."))
        self.roman, self.arabic, self.point = value, [], None

    def arabic_item(self, p: Para, path: list[int]) -> None:
        depth = len(path)
        parent, last = path[:-1], path[-1]
        if depth > 1 and self.arabic[: depth - 1] != parent:
            expected = None
        else:
            expected = self.arabic[depth - 1] + 1 if len(self.arabic) >= depth else 1
        if last != expected:
            label = ".".join(map(str, path)) + "."
            prev = (".".join(map(str, self.arabic)) + ".") if self.arabic else None
            if expected is None:
                message = f"khoản {label} không nằm dưới khoản {'.'.join(map(str, parent))}."
            elif not prev or depth == 1 and not self.arabic:
                message = f"khoản {label} phải bắt đầu từ {expected}"
            else:
                message = f"khoản {label} sau {prev}: số thứ tự không liên tục (phải là {expected})"
            if depth == 1 and self.roman:
                message += "; số Ả Rập đánh lại từ 1 trong mỗi mục La Mã"
            self.findings.append(finding_at("numbering", p, message))
        self.arabic, self.point = list(path), None

    def point_item(self, p: Para, letter: str) -> None:
        if self.point is None:
            expected = "a"
        else:
            expected = POINT_LETTERS[min(POINT_LETTERS.index(self.point) + 1, len(POINT_LETTERS) - 1)]
        if letter != expected:
            if letter not in POINT_LETTERS:
                message = (f"điểm {letter}): chữ “{letter}” không có trong bảng chữ cái tiếng Việt dùng đánh "
                           f"điểm (a, b, c, d, đ, e, g...; không có f, j, w, z)")
            elif self.point == "d" and letter == "e":
                message = "điểm e) sau d): thiếu điểm đ) (thứ tự a, b, c, d, đ, e...)"
            else:
                message = f"điểm {letter}) không đúng thứ tự (phải là {expected}))"
            self.findings.append(finding_at("numbering", p, message))
        self.point = letter if letter in POINT_LETTERS else self.point


def check_numbering(doc: Doc, parts: Parts) -> list[Finding]:
    ladder = Ladder()
    findings = []
    for p in parts.body:
        text = p.text
        roman = ROMAN_RE.match(text)
        if roman and roman_value(roman.group("num")):
            ladder.roman_item(p, roman_value(roman.group("num")), roman.group("num"))
            findings += _roman_heading_style(p, roman.group("title"))
            continue
        arabic = ARABIC_RE.match(text)
        if arabic:
            ladder.arabic_item(p, [int(n) for n in arabic.group("num").split(".")])
            continue
        point = POINT_RE.match(text) or re.match(r"^(?P<letter>[fjwz])\)\s", text)
        if point:
            ladder.point_item(p, point.group("letter"))
    return ladder.findings + findings


def _roman_heading_style(p: Para, title: str) -> list[Finding]:
    findings = []
    if not is_upper(title) and not in_caps(p):
        findings.append(finding_at("heading", p, "tên phần, mục đánh số La Mã phải viết in hoa"))
    if not all_bold(p.text_runs):
        findings.append(finding_at("heading", p, "tên phần, mục đánh số La Mã phải in đậm"))
    return findings
