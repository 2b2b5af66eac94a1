"""Figures typed by hand are checked too. In any text of the report's files (not the ones printed
from an indicator: `{{ ct.ID }}` is computed), a percentage typed next to its numerator and
denominator — `đạt 95,09% (1.234/1.300 hồ sơ)`, `1.234/1.300 hồ sơ (đạt tỷ lệ 95,09%)` — is
recomputed at the precision it was typed with; and the same ratio typed twice with two different
percentages is reported. Both are warnings naming file:line, with the way out: declare the
figure once under `chi_tieu` and print it with `{{ ct.ID }}`.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from reportgen import formatting as F
from reportgen.compute.documents import line_in_file, text_values
from reportgen.errors import Diagnostics, Location
from reportgen.records import record

_NUM = r"\d{1,3}(?:\.\d{3})+|\d+"            # 1.234.567 or 1234 (a count: dots group thousands)
_PCT = r"\d+(?:[.,]\d+)?"                     # 95,09 (or 95.09 as some clerks type it)
_GAP = r"[^(){}%/\d]{0,40}?"                  # words between the ratio and its percentage
PERCENT_THEN_RATIO = re.compile(rf"(?<![\d.,/])({_PCT})\s*%\s*\(\s*({_NUM})\s*/\s*({_NUM})(?![\d/])")
RATIO_THEN_PERCENT = re.compile(rf"(?<![\d.,/])({_NUM})\s*/\s*({_NUM})(?![\d/]){_GAP}[(,;:]?\s*"
                                rf"(?:đạt|chiếm)?\s*(?:tỷ lệ|tỉ lệ)?\s*:?\s*({_PCT})\s*%")


# indicator declarations are checked as declarations (ty_le_ghi); their notes quote the original
SKIPPED = ("chi_tieu", "van_ban")


@record
class TypedRatio:
    numerator: Decimal
    denominator: Decimal
    percent: Decimal
    places: int
    written: str
    location: Location


def _count(text: str) -> Decimal:
    return Decimal(text.replace(".", ""))


def _percent(text: str) -> tuple[Decimal, int]:
    value = text.replace(",", ".")
    return Decimal(value), len(value.split(".")[1]) if "." in value else 0


def _ratios(loaded) -> list[TypedRatio]:
    found = []
    for path, text in text_values(loaded.data, (), "%"):
        if path and path[0] in SKIPPED or "/" not in text:
            continue  # both patterns need a "/" and a "%"
        flat = " ".join(text.split())
        if "{{" in flat:  # figures inside an expression are computed; keep only typed stretches
            flat = re.sub(r"\{\{.*?\}\}", " § ", flat)
        for m in PERCENT_THEN_RATIO.finditer(flat):
            found.append((m, m.group(2), m.group(3), m.group(1), path))
        for m in RATIO_THEN_PERCENT.finditer(flat):
            found.append((m, m.group(1), m.group(2), m.group(3), path))
    out, spans, split = [], set(), {}
    for m, num, den, pct, path in found:
        if (path, m.start(1) if m.re is RATIO_THEN_PERCENT else m.start(2)) in spans:
            continue  # "95% (1.234/1.300)" and "1.234/1.300 (95%)" read once
        spans.add((path, m.start(1) if m.re is RATIO_THEN_PERCENT else m.start(2)))
        try:
            numerator, denominator = _count(num), _count(den)
            percent, places = _percent(pct)
        except InvalidOperation:
            continue
        if denominator == 0 or numerator > denominator * 2:
            continue  # not a share of a whole (a date, a version, a range)
        out.append(TypedRatio(numerator, denominator, percent, min(places, 2), m.group(0),
                              line_in_file(loaded, loaded.where(path), num, split)))
    return out


def check_typed_figures(loaded, diags: Diagnostics) -> None:
    seen: dict[tuple, TypedRatio] = {}
    for r in _ratios(loaded):
        computed = r.numerator * 100 / r.denominator
        if F.round_half_up(computed, r.places) != F.round_half_up(r.percent, r.places):
            diags.warning(r.location, f"tỷ lệ ghi tay {F.percent(r.percent)} không khớp với "
                                      f"{F.number(r.numerator)}/{F.number(r.denominator)} = "
                                      f"{F.percent(F.round_half_up(computed, 2))} (“{r.written}”); khai báo số liệu "
                                      f"trong chi_tieu (tu_so, mau_so) và in bằng {{{{ ct.ID }}}}")
        key = (r.numerator, r.denominator)
        other = seen.setdefault(key, r)
        if other is not r and other.location != r.location and \
                F.round_half_up(other.percent, 2) != F.round_half_up(r.percent, 2):
            diags.warning(r.location, f"cùng số liệu {F.number(r.numerator)}/{F.number(r.denominator)} ghi hai tỷ lệ: "
                                      f"{F.percent(r.percent)} ở đây và {F.percent(other.percent)} ở {other.location}",
                          related=other.location)
