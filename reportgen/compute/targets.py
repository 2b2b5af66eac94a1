"""Targets (mục tiêu) of several kinds and the judgement of a figure against them.

A target is at least (`>=`, the default; `toi_thieu` in words), at most (`<=`; `toi_da`),
exactly (`=`), or a range (`tu` ... `den`). Tables print it as the originals do (`>=80%`,
`100%`, `<=5%`, `tối thiểu 80%`, `80% - 90%`), running text in words (`Chính phủ giao tối đa
5%`); the figure is judged `vượt chỉ tiêu` (above every at-least or exact target), `đạt chỉ
tiêu` or `chưa đạt chỉ tiêu` (an at-most target is met or not, never exceeded).
"""

from __future__ import annotations

from decimal import Decimal

from reportgen import formatting as F
from reportgen.errors import Diagnostics

AT_LEAST, AT_MOST, EXACTLY = (">=", "toi_thieu"), ("<=", "toi_da"), ("=",)
ABOVE, MET, BELOW = "vượt chỉ tiêu", "đạt chỉ tiêu", "chưa đạt chỉ tiêu"


def _d(value) -> Decimal:
    return Decimal(str(value))


def usable(targets: list) -> list:
    """Targets with a value or a range (one without either is reported by check_targets)."""
    return [t for t in targets if t.value is not None or (t.low is not None and t.high is not None)]


def judge_one(actual: Decimal, target) -> str:
    if target.low is not None and target.high is not None:
        return MET if _d(target.low) <= actual <= _d(target.high) else BELOW
    value = _d(target.value)
    if target.comparison in AT_MOST:
        return MET if actual <= value else BELOW
    if actual > value:
        return ABOVE
    return MET if actual == value else BELOW


def judge(actual: Decimal, targets: list) -> str:
    """The figure against all its targets: below one is below; above all is above."""
    verdicts = [judge_one(actual, t) for t in usable(targets)]
    if BELOW in verdicts:
        return BELOW
    return ABOVE if verdicts and all(v == ABOVE for v in verdicts) else MET


def _figure(value, is_ratio: bool) -> str:
    return F.percent(value) if is_ratio else F.number(value)


def in_table(target, is_ratio: bool) -> str:
    """`>=80%`, `100%`, `<=5%`, `tối thiểu 80%`, `tối đa 5%`, `80% - 90%`."""
    if target.low is not None and target.high is not None:
        return f"{_figure(target.low, is_ratio)} - {_figure(target.high, is_ratio)}"
    figure = _figure(target.value, is_ratio)
    return {">=": f">={figure}", "<=": f"<={figure}", "=": figure,
            "toi_thieu": f"tối thiểu {figure}", "toi_da": f"tối đa {figure}"}[target.comparison]


def in_words(target, is_ratio: bool) -> str:
    """`Chính phủ giao 80%`, `... giao thấp nhất 90%`, `... giao tối đa 5%`, `... giao từ 80% đến 90%`."""
    if target.low is not None and target.high is not None:
        return f"{target.by} giao từ {_figure(target.low, is_ratio)} đến {_figure(target.high, is_ratio)}"
    word = {"toi_thieu": "tối thiểu ", "toi_da": "tối đa ", "<=": "tối đa "}.get(target.comparison, "")
    if target.at_least and not word:
        word = "thấp nhất "
    return f"{target.by} giao {word}{_figure(target.value, is_ratio)}"


def check_targets(indicators: list, diags: Diagnostics) -> None:
    """A target gives a value (`gia_tri`) or a range (`tu` and `den`, low first)."""
    for ind in indicators:
        for t in ind.targets:
            where = ind.field_locations.get("muc_tieu", ind.location)
            if t.low is not None and t.high is not None:
                if _d(t.low) > _d(t.high):
                    diags.error(where, f'chỉ tiêu "{ind.id}": mục tiêu của {t.by} từ {F.number(t.low)} đến '
                                       f"{F.number(t.high)}: số đầu phải nhỏ hơn số sau")
            elif t.value is None:
                diags.error(where, f'chỉ tiêu "{ind.id}": mục tiêu của {t.by} cần gia_tri (hoặc tu và den '
                                   f"cho một khoảng)")
