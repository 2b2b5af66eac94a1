"""Vietnamese number, money, date and numbering formats (Nghị định 30/2020).

Pure functions used by the Jinja filters and the document writer.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Literal, Union

from reportgen.records import record

LOCALE = "vi_VN"
PERCENT_SIGN = "%"  # written right after the figure, no space: 95,14%

Number = Union[int, float, Decimal]

# Enough digits that money in the 10^15+ range never loses precision.
_PRECISION = 60

# vi_VN's symbols in CLDR: "." between groups of three digits, "," before the decimals. The
# figures are written as babel's format_decimal(..., format="#,##0.###", locale="vi_VN",
# decimal_quantization=False) writes them (tests/test_formatting_babel.py compares the two on
# many values), without importing babel and loading its locale data in every build.
GROUP_SIGN = "."
DECIMAL_SIGN = ","

MONEY_UNITS = {
    "dong": (Decimal(1), 0, "đồng"),
    "trieu": (Decimal(10) ** 6, 2, "triệu đồng"),
    "ty": (Decimal(10) ** 9, 2, "tỷ đồng"),
}

# Blank left in a draft's date line for the day (or month) signed by hand.
DATE_BLANK = "    "

# Point letters of the decree: the Vietnamese alphabet without f, j, w, z.
POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()

_ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]


class FormattingError(ValueError):
    """A value that cannot be printed as asked."""


class ZeroDenominatorError(FormattingError, ZeroDivisionError):
    """A ratio or a relative change over zero."""


def to_decimal(value: Number) -> Decimal:
    """Exact Decimal of a number; floats go through their shortest repr."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise FormattingError(f"giá trị {value!r} không phải là số")
    result = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not result.is_finite():
        raise FormattingError(f"giá trị {value!r} không phải là số hữu hạn")
    return result


def round_half_up(value: Number, decimals: int) -> Decimal:
    """Round to `decimals` places, halves away from zero (0,005 → 0,01)."""
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return to_decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _drop_trailing_zeros(value: Decimal) -> Decimal:
    if value == 0:
        return Decimal(0)  # also turns -0 into 0
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def number(value: Number, decimals: int | None = None) -> str:
    """`1.195.107`, `4,8`, `-1.500`; rounded half-up to `decimals`, trailing zeros dropped."""
    exact = to_decimal(value) if decimals is None else round_half_up(value, decimals)
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return _written(_drop_trailing_zeros(exact))


def _written(value: Decimal) -> str:
    """All the digits of `value` (rounding is done before), grouped by three, in vi_VN's signs."""
    sign, digits, exponent = value.as_tuple()
    text = "".join(map(str, digits))
    if exponent >= 0:
        whole, fraction = text + "0" * exponent, ""
    else:
        whole, fraction = text[:exponent] or "0", text[exponent:].rjust(-exponent, "0")
    grouped = f"{int(whole):,}".replace(",", GROUP_SIGN)
    return ("-" if sign else "") + grouped + (DECIMAL_SIGN + fraction if fraction else "")


def percent(value: Number, decimals: int = 2) -> str:
    """A value already in percent: `95,14%`, `100%`, `112,5%`."""
    return number(value, decimals) + PERCENT_SIGN


def ratio_percent(numerator: Number, denominator: Number, decimals: int | None = 2) -> Decimal:
    """numerator/denominator × 100, rounded half-up (exact when decimals is None)."""
    num, den = to_decimal(numerator), to_decimal(denominator)
    if den == 0:
        raise ZeroDenominatorError(
            f"không tính được tỷ lệ {number(num)}/{number(den)}: mẫu số bằng 0"
        )
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        exact = num * 100 / den
    return exact if decimals is None else round_half_up(exact, decimals)


def money(value: Number, unit: Literal["dong", "trieu", "ty"] = "dong") -> str:
    """An amount given in đồng: `18.535.000.000 đồng`, `18.535 triệu đồng`, `4,8 tỷ đồng`."""
    if unit not in MONEY_UNITS:
        raise FormattingError(
            f'đơn vị tiền "{unit}" không hợp lệ; dùng một trong: {", ".join(MONEY_UNITS)}'
        )
    divisor, decimals, word = MONEY_UNITS[unit]
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        scaled = to_decimal(value) / divisor
    return f"{number(scaled, decimals)} {word}"


def count(n: int, pad: bool = True) -> str:
    """A count; 1–9 take the decree's leading zero (`04`), 0 stays `0`."""
    value = to_decimal(n)
    if value != value.to_integral_value() or value < 0:
        raise FormattingError(f"số lượng {n!r} phải là số nguyên không âm")
    if pad and 0 < value < 10:
        return f"0{int(value)}"
    return number(value)


def _day(d: int) -> str:
    return f"{d:02d}"


def _month(m: int) -> str:
    # Months 1 and 2 are padded so "tháng 1" cannot be read as "tháng 10".."12".
    return f"{m:02d}" if m < 3 else str(m)


def long_date(d: dt.date) -> str:
    """`ngày 07 tháng 02 năm 2024`, `ngày 15 tháng 11 năm 2024`."""
    return f"ngày {_day(d.day)} tháng {_month(d.month)} năm {d.year}"


def short_date(d: dt.date) -> str:
    """`07/02/2024`, `05/7/2024`, `01/12/2023`.

    Same padding as the long form, which is what the seed reports do in the
    large majority of cases: day always two digits, month two digits only
    for 1 and 2.
    """
    return f"{_day(d.day)}/{_month(d.month)}/{d.year}"


def place_date_line(
    place: str,
    d: dt.date | None,
    *,
    month: int | None = None,
    year: int | None = None,
) -> str:
    """`Bình Định, ngày 05 tháng 7 năm 2024`.

    A draft passes `d=None` with the year (and usually the month); the day
    (and a missing month) is left blank for the signer.
    """
    if d is not None:
        if month is not None or year is not None:
            raise FormattingError("ngày đã đầy đủ thì không ghi riêng tháng, năm")
        return f"{place}, {long_date(d)}"
    if year is None:
        raise FormattingError("ngày để trống thì phải có năm")
    if month is not None and not 1 <= month <= 12:
        raise FormattingError(f"tháng {month} không hợp lệ")
    month_text = DATE_BLANK if month is None else _month(month)
    return f"{place}, ngày {DATE_BLANK} tháng {month_text} năm {year}"


def change(
    current: Number,
    previous: Number,
    decimals: int = 1,
    kind: Literal["relative", "points"] = "relative",
) -> str:
    """`tăng 30,2%`, `giảm 1,5%`, `tăng 1,5 điểm phần trăm`, `không thay đổi`.

    "relative" compares with the previous value; "points" subtracts two
    percentages. A change that rounds to zero prints `không thay đổi`.
    """
    cur, prev = to_decimal(current), to_decimal(previous)
    if kind == "relative":
        if cur == prev:
            return "không thay đổi"
        if prev == 0:
            raise ZeroDenominatorError(
                "không tính được tỷ lệ tăng, giảm: giá trị kỳ trước bằng 0"
            )
        with localcontext() as ctx:
            ctx.prec = _PRECISION
            delta = (cur - prev) * 100 / abs(prev)
        suffix = PERCENT_SIGN
    elif kind == "points":
        delta = cur - prev
        suffix = " điểm phần trăm"
    else:
        raise FormattingError(
            f'kiểu so sánh "{kind}" không hợp lệ; dùng "relative" hoặc "points"'
        )
    rounded = round_half_up(delta, decimals)
    if rounded == 0:
        return "không thay đổi"
    word = "tăng" if rounded > 0 else "giảm"
    return f"{word} {number(abs(rounded))}{suffix}"


def roman(n: int) -> str:
    """Roman numeral for section numbers: 1 → `I`, 4 → `IV`, 40 → `XL`."""
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 3999:
        raise FormattingError(f"không viết được số La Mã cho {n!r} (chỉ từ 1 đến 3999)")
    parts = []
    for value, symbol in _ROMAN:
        times, n = divmod(n, value)
        parts.append(symbol * times)
    return "".join(parts)


def letter(n: int) -> str:
    """Point letter of the decree's alphabet: 1 → `a`, 5 → `đ`, 6 → `e`."""
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= len(POINT_LETTERS):
        raise FormattingError(
            f"không có chữ cái cho điểm thứ {n!r} (chỉ từ 1 đến {len(POINT_LETTERS)})"
        )
    return POINT_LETTERS[n - 1]


# --- reading figures and dates as Vietnamese staff type them ---------------------------

class ReadingError(FormattingError):
    """A figure or a date that cannot be read, or could be read two ways."""


_SIGN = r"(?P<sign>[-+−]?)"
_WHOLE = re.compile(_SIGN + r"(?P<int>\d+)$")
_GROUPED = re.compile(_SIGN + r"(?P<int>\d{1,3}(?:\.\d{3})+)$")
_VIETNAMESE_DECIMAL = re.compile(_SIGN + r"(?P<int>\d{1,3}(?:\.\d{3})+|\d+),(?P<frac>\d+)$")
_POINT_DECIMAL = re.compile(_SIGN + r"(?P<int>\d+)\.(?P<frac>\d+)$")
_COMMA_GROUPED = re.compile(r"[-+−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


@record(frozen=True)
class NumberReading:
    """A figure as read: its value (int when whole, float as YAML gives) and its digits (`98.70`)."""

    value: int | float
    digits: str

    @property
    def whole(self) -> bool:
        return isinstance(self.value, int)


def _reading(sign: str, int_part: str, frac: str | None) -> NumberReading:
    negative = sign in ("-", "−")
    digits = int_part.replace(".", "").lstrip("0") or "0"
    if frac is None:
        value = int(digits)
        return NumberReading(-value if negative else value, ("-" if negative else "") + digits)
    text = ("-" if negative else "") + digits + "." + frac
    return NumberReading(float(text), text)


def read_number(text: str, whole: bool = False) -> NumberReading:
    """A figure typed the Vietnamese way (`1.423.297`, `95,09`) or as YAML writes it (`95.09`).

    A `.` followed by groups of exactly three digits separates thousands; `,` marks the
    decimals. `whole` is for counts: `95.321` is then 95321. Where decimals are allowed a
    single group (`95.321`) could be either, and is refused with both readings.
    """
    raw = text.strip().replace("\u00a0", "").replace(" ", "") if _SPACED.match(text.strip()) else text.strip()
    match = _WHOLE.match(raw)
    if match:
        return _reading(match["sign"], match["int"], None)
    match = _GROUPED.match(raw)
    if match:
        reading = _reading(match["sign"], match["int"], None)
        if not whole and match["int"].count(".") == 1:
            as_decimal = raw.replace(".", ",")
            raise ReadingError(
                f'"{raw}" đọc được hai cách: {reading.digits} (dấu chấm ngăn hàng nghìn) hoặc {as_decimal} '
                f"(số thập phân); viết {reading.digits} nếu là số hàng nghìn, {as_decimal} nếu là số thập phân")
        return reading
    match = _VIETNAMESE_DECIMAL.match(raw) or _POINT_DECIMAL.match(raw)
    if match:
        reading = _reading(match["sign"], match["int"], match["frac"])
        if whole and int(match["frac"]) != 0:
            hint = ""
            if match.re is _VIETNAMESE_DECIMAL and len(match["frac"]) == 3 and "." not in match["int"]:
                hint = f' (nếu là số hàng nghìn thì viết {raw.replace(",", ".")} hoặc {raw.replace(",", "")})'
            elif match.re is _POINT_DECIMAL:
                hint = " (dấu chấm chỉ ngăn hàng nghìn khi theo sau là đúng ba chữ số, ví dụ 1.423.297)"
            raise ReadingError(f'"{raw}" là số thập phân, nhưng ở đây cần một số nguyên{hint}')
        if whole:
            return _reading(match["sign"], match["int"], None)
        return reading
    if _COMMA_GROUPED.match(raw):
        english = raw.replace(",", "")
        sign = "-" if english.startswith(("-", "−")) else ""
        int_part, _, frac = english.lstrip("-+−").partition(".")
        vietnamese = sign + f"{int(int_part):,}".replace(",", ".") + ("," + frac if frac else "")
        raise ReadingError(f'"{raw}" viết dấu phẩy ngăn hàng nghìn theo kiểu tiếng Anh; '
                           f"viết theo kiểu Việt Nam: {vietnamese}")
    raise ReadingError(f'"{text.strip()}" không phải là một số; viết ví dụ 1.423.297 hoặc 95,09')


# Thousands separated by spaces (`1 423 297`) are read as one number.
_SPACED = re.compile(r"^[-+−]?\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?$")


_DAY_FIRST = re.compile(r"^(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d+)$")
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")
_WORDS = re.compile(r"^(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d+)$", re.IGNORECASE)
DATE_EXAMPLES = "31/10/2025, 31-10-2025, 31.10.2025, ngày 31 tháng 10 năm 2025 hoặc 2025-10-31"


def days_in_month(year: int, month: int) -> int:
    """28 to 31: the days of `month` (1–12) in `year` (the Gregorian calendar, as `datetime`)."""
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day


def check_date(year: int, month: int, day: int, written: str) -> dt.date:
    """The date, or why it does not exist (`tháng 2 năm 2025 chỉ có 28 ngày`)."""
    if not 1 <= month <= 12:
        raise ReadingError(f'ngày "{written}" không tồn tại: không có tháng {month} (tháng từ 1 đến 12)')
    last = days_in_month(year, month)
    if not 1 <= day <= last:
        raise ReadingError(f'ngày "{written}" không tồn tại: tháng {month} năm {year} chỉ có {last} ngày')
    return dt.date(year, month, day)


def read_date(text: str) -> dt.date:
    """A date as staff write it, day first: `31/10/2025`, `31-10-2025`, `31.10.2025`,
    `ngày 31 tháng 10 năm 2025`; ISO `2025-10-31` too."""
    written = " ".join(text.split())
    match = _ISO.match(written) or _DAY_FIRST.match(written) or _WORDS.match(written)
    if not match:
        raise ReadingError(f'"{written}" không phải là một ngày; viết ví dụ {DATE_EXAMPLES}')
    if len(match["y"]) != 4:
        raise ReadingError(f'ngày "{written}": ghi năm đủ bốn chữ số (ví dụ 31/10/2025)')
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if year < 1900:
        raise ReadingError(f'ngày "{written}": năm {year} không hợp lệ')
    return check_date(year, month, day, written)
