"""The loader's refusal of control characters, and markup left open, found quickly and as before."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.source import limits, markup
from reportgen.source.markup import unclosed


def by_category(text: str) -> str | None:
    """The definition: Unicode's controls and surrogates, and U+FFFE, U+FFFF, but tab and line ends."""
    for char in text:
        if char in limits.ALLOWED_CONTROLS:
            continue
        if unicodedata.category(char) in ("Cc", "Cs") or char in "\ufffe\uffff":
            return char
    return None


def test_every_code_point_is_judged_by_its_category():
    for code in range(0x110000):
        char = chr(code)
        assert limits._control_character(char) == by_category(char), hex(code)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=40))
def test_the_first_control_of_a_text(text):
    assert limits._control_character(text) == by_category(text)


def unclosed_char_by_char(text: str) -> list:
    """`unclosed` stopping at every character, as it walked before: the answers must not change."""
    saved = markup._ANY_SIGN
    markup._ANY_SIGN = re.compile(r"[\s\S]")
    try:
        return unclosed(text)
    finally:
        markup._ANY_SIGN = saved


MARKUP = st.text(alphabet=st.sampled_from(list("ab *^[]{}%\\\n“(")), max_size=30)


@settings(max_examples=1500, deadline=None)
@given(MARKUP)
def test_skipping_to_the_next_sign_finds_the_same(text):
    assert unclosed(text) == unclosed_char_by_char(text)


def test_what_is_left_open():
    assert unclosed("Đạt **95%") == [(4, "**")]
    assert unclosed("Đạt **95%** và *đủ*") == []
    assert unclosed("{{ ct.x") == [(0, "{{")]
    assert unclosed("chú thích ^[chưa đóng") == [(10, "^[")]
    assert unclosed("không có dấu nào") == []
