"""Figures are written as babel writes them for vi_VN (the reference), without babel at run time."""

from __future__ import annotations

from decimal import Decimal, localcontext

from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen import formatting
from reportgen.formatting import number, round_half_up, to_decimal


def babel_number(value, decimals=None) -> str:
    """What number() wrote when it called babel: rounded half-up first, trailing zeros dropped."""
    exact = to_decimal(value) if decimals is None else round_half_up(value, decimals)
    with localcontext() as ctx:
        ctx.prec = 60
        return format_decimal(formatting._drop_trailing_zeros(exact), format="#,##0.###", locale="vi_VN",
                              decimal_quantization=False)


FIXED = [0, 1, -1, 7, 10, 999, 1000, -1000, 1234, 12345, 123456, 1234567, 1195107, 1423297, 10**15, 10**17 - 1,
         -(10**16), 0.5, -0.5, 4.8, 95.09, 95.14, 99.999, 0.001, 0.0001, 1e-7, 123456.789, -1500.25, 1e16,
         Decimal(0), Decimal("-0"), Decimal("0.000"), Decimal("1E+3"), Decimal("1.50"), Decimal("-0.00012"),
         Decimal(18535000000), Decimal("18535.000000"), Decimal("4.835E+9"), Decimal("1E-9"), Decimal("12.3400")]


def test_fixed_values_as_babel_writes_them():
    for value in FIXED:
        for decimals in (None, 0, 1, 2, 3, 4):
            assert number(value, decimals) == babel_number(value, decimals), (value, decimals)


def test_the_vietnamese_signs():
    assert number(1423297) == "1.423.297"
    assert number(95.09) == "95,09"
    assert number(-1500.25) == "-1.500,25"
    assert number(Decimal("-0")) == "0"


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.integers(-(10**17), 10**17),
                 st.floats(-1e15, 1e15, allow_nan=False, allow_infinity=False),
                 st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, allow_infinity=False, places=6),
                 st.decimals(min_value=-1, max_value=1, allow_nan=False, allow_infinity=False)),
       st.one_of(st.none(), st.integers(0, 6)))
def test_any_value_as_babel_writes_it(value, decimals):
    assert number(value, decimals) == babel_number(value, decimals)
