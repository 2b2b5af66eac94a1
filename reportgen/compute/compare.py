"""`reportgen diff A.yaml B.yaml`: how each indicator changed between two reports."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from reportgen import formatting as F
from reportgen.compute.indicators import main_value, percentage
from reportgen.source.model import Indicator

HEADERS = ("Chỉ tiêu", "Kỳ trước", "Kỳ này", "Thay đổi")


def _shown(ind: Indicator | None) -> str:
    if ind is None:
        return "—"
    rate = percentage(ind)
    if ind.numerator is not None and rate is not None:
        return f"{F.number(ind.numerator)}/{F.number(ind.denominator)} ({F.percent(rate)})"
    if rate is not None:
        return F.percent(rate)
    value = main_value(ind)
    return F.number(value) if value is not None else "—"


def _change(old: Indicator | None, new: Indicator | None) -> str:
    if old is None:
        return "mới"
    if new is None:
        return "bỏ"
    old_rate, new_rate = percentage(old), percentage(new)
    try:
        if old_rate is not None and new_rate is not None:
            return F.change(new_rate, old_rate, kind="points")
        old_value, new_value = main_value(old), main_value(new)
        if old_value is None or new_value is None:
            return ""
        return F.change(Decimal(str(new_value)), Decimal(str(old_value)))
    except F.FormattingError:
        return "—"


def rows(old: list[Indicator], new: list[Indicator]) -> list[tuple[str, str, str, str]]:
    before = {i.id: i for i in old}
    after = {i.id: i for i in new}
    ids = list(after) + [i for i in before if i not in after]
    out = []
    for ind_id in ids:
        a, b = before.get(ind_id), after.get(ind_id)
        name = (b or a).name
        out.append((f"{name} [{ind_id}]", _shown(a), _shown(b), _change(a, b)))
    return out


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 1 for c in unicodedata.normalize("NFC", text))


def table(data: list[tuple], max_name: int = 60) -> str:
    clipped = [(r[0] if _width(r[0]) <= max_name else r[0][: max_name - 1] + "…",) + tuple(r[1:]) for r in data]
    lines = [HEADERS] + clipped
    widths = [max(_width(str(line[i])) for line in lines) for i in range(len(HEADERS))]
    render = lambda line: "  ".join(str(cell) + " " * (widths[i] - _width(str(cell))) for i, cell in enumerate(line)).rstrip()
    return "\n".join([render(HEADERS), "  ".join("-" * w for w in widths)] + [render(line) for line in clipped])
