"""The rules, in the order their findings are reported."""

from __future__ import annotations

from typing import Callable

from ..findings import Finding
from ..locate import Parts
from ..reading import Doc
from .appendices import check_appendix
from .body import check_numbering
from .closing import check_closing, check_noi_nhan, check_signature
from .fonts import check_fonts, check_line_spacing, check_sizes
from .header import check_header, check_kinh_gui, check_title
from .number_date import check_date, check_number
from .page import check_page, check_page_numbers

Rule = Callable[[Doc, Parts], list[Finding]]

RULES: tuple[Rule, ...] = (
    check_page, check_fonts, check_sizes, check_header, check_title, check_date, check_number, check_kinh_gui,
    check_numbering, check_page_numbers, check_closing, check_signature, check_noi_nhan, check_line_spacing,
    check_appendix,
)
