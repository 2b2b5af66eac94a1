"""Indicators (chỉ tiêu): every figure declared once, computed, checked, printed.

`IndicatorView` is what a template sees as `ct.ID`: every attribute is already
formatted the Vietnamese way; `str(view)` uses the template's wording.
"""

from __future__ import annotations

from decimal import Decimal

from reportgen import formatting as F
from reportgen.compute import targets
from reportgen.errors import Diagnostics, ReferenceProblem, suggestion
from reportgen.source.model import Indicator

PERCENT_DECIMALS = 2


def _decimals_of(value) -> int:
    """Decimal places as written: `98.70` has two (YAML alone would say 98.7)."""
    text = str(value).strip()
    return len(text.split(".")[1]) if "." in text else 0


def _figure(value) -> "Figure":
    """A number as printed: counts under ten get the decree's leading zero (`09/28`)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10:
        return Figure(F.count(value), value)
    return Figure(F.number(value), value)


class Figure(str):
    """A formatted figure that still knows its number, so filters can reformat it."""

    def __new__(cls, text: str, value):
        figure = super().__new__(cls, text)
        figure.value = value
        return figure


def numeric(value):
    """The number behind a figure (or the value itself)."""
    return getattr(value, "value", value)


def percentage(ind: Indicator) -> Decimal | None:
    """The ratio in percent: computed from numerator and denominator, or declared (`ty_le`)."""
    if ind.numerator is not None and ind.denominator is not None:
        if ind.denominator == 0:
            return None
        return F.ratio_percent(ind.numerator, ind.denominator, None)
    if ind.rate is not None:
        return Decimal(str(ind.rate))
    return None


def main_value(ind: Indicator):
    return ind.value if ind.value is not None else ind.numerator


def _check_one(ind: Indicator, diags: Diagnostics, label: str) -> None:
    where = ind.field_locations
    if ind.numerator is not None and ind.denominator is not None:
        if ind.denominator == 0:
            diags.error(where.get("mau_so", ind.location), f"{label}: mẫu số bằng 0, không tính được tỷ lệ")
            return
        if ind.numerator > ind.denominator and not ind.may_exceed:
            diags.error(where.get("tu_so", ind.location),
                        f"{label}: tử số {F.number(ind.numerator)} lớn hơn mẫu số {F.number(ind.denominator)} "
                        "(nếu tỷ lệ được phép vượt 100%, ghi co_the_vuot: true)")
        if ind.typed_percent is not None:
            computed = percentage(ind)
            places = min(_decimals_of(ind.typed_percent_text or ind.typed_percent), PERCENT_DECIMALS)
            typed = Decimal(str(ind.typed_percent))
            if F.round_half_up(computed, places) != F.round_half_up(typed, places):
                diags.error(where.get("ty_le_ghi", ind.location),
                            f"{label}: tỷ lệ ghi {F.percent(ind.typed_percent)} không khớp với "
                            f"{F.number(ind.numerator)}/{F.number(ind.denominator)} = "
                            f"{F.percent(computed, PERCENT_DECIMALS)}")
    elif ind.typed_percent is not None:
        diags.error(where.get("ty_le_ghi", ind.location), f"{label}: ty_le_ghi cần có tu_so và mau_so để kiểm tra")


def _check_parts(ind: Indicator, diags: Diagnostics) -> None:
    if not ind.parts_are_whole or not ind.parts:
        return
    for field, attribute in (("tu_so", "numerator"), ("mau_so", "denominator"), ("gia_tri", "value")):
        total = getattr(ind, attribute)
        values = [getattr(p, attribute) for p in ind.parts]
        if field == "gia_tri":  # a plain whole may be broken into plain parts or into numerators
            total, values = main_value(ind), [main_value(p) for p in ind.parts]
        if total is None or any(v is None for v in values):
            continue
        parts_sum = sum(Decimal(str(v)) for v in values)
        if parts_sum != Decimal(str(total)):
            diags.error(ind.field_locations.get("thanh_phan", ind.location),
                        f'chỉ tiêu "{ind.id}": tổng {field} của các thành phần là {F.number(parts_sum)}, '
                        f"khác với {field} của chỉ tiêu là {F.number(total)}",
                        related=ind.field_locations.get(field))


def check_indicators(indicators: list[Indicator]) -> Diagnostics:
    diags = Diagnostics()
    for ind in indicators:
        _check_one(ind, diags, f'chỉ tiêu "{ind.id}"')
        for part in ind.parts:
            _check_one(part, diags, f'thành phần "{part.id}" của chỉ tiêu "{ind.id}"')
        _check_parts(ind, diags)
    return diags


class IndicatorView:
    """`ct.ID` in a template: formatted parts, and the template's wording as its text."""

    def __init__(self, ind: Indicator, wording: dict, render, parent: Indicator | None = None,
                 decimals: int = PERCENT_DECIMALS):
        self._ind = ind
        self._wording = wording
        self._render = render
        self._parent = parent
        self._decimals = decimals

    @property
    def unit(self):
        if self._ind.unit:
            return self._ind.unit
        return self._parent.unit if self._parent else None

    # --- attributes a template uses (Vietnamese names) ---
    @property
    def ten(self) -> str:
        return self._ind.name

    @property
    def don_vi(self) -> str:
        return self.unit or ""

    @property
    def gia_tri(self) -> str:
        value = main_value(self._ind)
        return _figure(value) if value is not None else ""

    @property
    def tu_so(self) -> str:
        value = self._ind.numerator
        return _figure(value) if value is not None else ""

    @property
    def mau_so(self) -> str:
        value = self._ind.denominator
        return _figure(value) if value is not None else ""

    @property
    def ty_le(self) -> str:
        value = percentage(self._ind)
        if value is None:
            raise ReferenceProblem(f'chỉ tiêu "{self._ind.id}" không có tỷ lệ (cần tu_so và mau_so, hoặc ty_le)')
        return Figure(F.percent(value, self._decimals), value)

    @property
    def con_lai(self) -> str:
        if self._ind.numerator is None:
            raise ReferenceProblem(f'chỉ tiêu "{self._ind.id}" không có tử số và mẫu số nên không có phần còn lại')
        value = Decimal(str(self._ind.denominator)) - Decimal(str(self._ind.numerator))
        return Figure(F.number(value), value)

    @property
    def tinh_den(self) -> str:
        return F.long_date(self._ind.as_of) if self._ind.as_of else ""

    @property
    def tien(self) -> str:
        return F.money(main_value(self._ind))

    @property
    def so_muc_tieu(self) -> str:
        """`vượt chỉ tiêu (Chính phủ giao 80%, Ủy ban nhân dân tỉnh giao thấp nhất 90%)`."""
        ind = self._ind
        if not ind.targets:
            raise ReferenceProblem(f'chỉ tiêu "{ind.id}" không khai báo muc_tieu')
        is_ratio = percentage(ind) is not None or ind.unit == "%"
        listed = ", ".join(targets.in_words(t, is_ratio) for t in targets.usable(ind.targets))
        return f"{self.danh_gia} ({listed})"

    @property
    def danh_gia(self) -> str:
        """The judgement alone: `vượt chỉ tiêu`, `đạt chỉ tiêu`, `chưa đạt chỉ tiêu` (compute/targets.py)."""
        ind = self._ind
        if not ind.targets:
            raise ReferenceProblem(f'chỉ tiêu "{ind.id}" không khai báo muc_tieu')
        actual = percentage(ind) if percentage(ind) is not None else Decimal(str(main_value(ind)))
        return targets.judge(actual, ind.targets)

    @property
    def ky_truoc(self) -> str:
        previous = self._previous_value()
        return F.percent(previous) if isinstance(self._ind.previous, dict) and "tu_so" in self._ind.previous \
            else F.number(previous)

    def _previous_value(self) -> Decimal:
        prev = self._ind.previous
        if prev is None:
            raise ReferenceProblem(f'chỉ tiêu "{self._ind.id}" không khai báo ky_truoc')
        if isinstance(prev, dict):
            if "tu_so" in prev and "mau_so" in prev:
                return F.ratio_percent(prev["tu_so"], prev["mau_so"], None)
            return Decimal(str(prev.get("gia_tri")))
        return Decimal(str(prev))

    @property
    def thay_doi(self) -> str:
        """`tăng 30,2%` against the previous period (percentage points for ratios)."""
        previous = self._previous_value()
        if isinstance(self._ind.previous, dict) and "tu_so" in self._ind.previous:
            return F.change(percentage(self._ind), previous, kind="points")
        return F.change(Decimal(str(main_value(self._ind))), previous)

    @property
    def thanh_phan(self) -> "_Parts":
        return _Parts(self._ind, self._wording, self._render, self._decimals)

    def __str__(self) -> str:
        kind = "ty_le" if percentage(self._ind) is not None else "gia_tri"
        if kind == "gia_tri" and main_value(self._ind) is None:
            raise ReferenceProblem(f'chỉ tiêu "{self._ind.id}" chưa có số liệu nên không in được: ghi gia_tri, '
                                   "hoặc tu_so và mau_so, hoặc ty_le")
        pattern = self._wording.get(kind, "")
        if "don_vi" in pattern and not self.unit:
            raise ReferenceProblem(f'chỉ tiêu "{self._ind.id}" được in kèm đơn vị nhưng chưa khai báo don_vi')
        return self._render(pattern, self)


class _Parts:
    def __init__(self, ind: Indicator, wording: dict, render, decimals: int):
        self._ind, self._wording, self._render, self._decimals = ind, wording, render, decimals

    def __getattr__(self, name: str) -> IndicatorView:
        if name.startswith("_"):
            raise AttributeError(name)
        for part in self._ind.parts:
            if part.id == name:
                return IndicatorView(part, self._wording, self._render, self._ind, self._decimals)
        known = [p.id for p in self._ind.parts]
        raise ReferenceProblem(f'chỉ tiêu "{self._ind.id}" không có thành phần "{name}"{suggestion(name, known)}')


class IndicatorSet:
    """`ct` in a template: `ct.ID` or `ct['ID']`; an unknown id says what was meant."""

    def __init__(self, indicators: list[Indicator], wording: dict, render, decimals: int = PERCENT_DECIMALS):
        self._by_id = {i.id: i for i in indicators}
        self._wording, self._render, self._decimals = wording, render, decimals
        self.used: set[str] = set()

    def __getattr__(self, name: str) -> IndicatorView:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> IndicatorView:
        if name not in self._by_id:
            raise ReferenceProblem(f'chưa khai báo chỉ tiêu "{name}"{suggestion(name, self._by_id)}')
        self.used.add(name)
        return self.view(name)

    def view(self, name: str) -> IndicatorView:
        """The view of a declared indicator, without counting it as printed."""
        return IndicatorView(self._by_id[name], self._wording, self._render, decimals=self._decimals)
