"""Inline markup that is opened and never closed: found in the text as typed, at its line and column.

`**đậm`, `*nghiêng`, `^[chú thích`, `[^key` and `{{ biểu thức` without their closing sign
would print the signs themselves (or lose the rest of the sentence) in a signed report.
The same rules decide, in compose/inline.py, what is markup and what is a literal sign:
a star run opens before a word when a later run closes it right after a word (`*đạt*`);
one before a word that nothing closes is an error (`**đậm`); any other star is printed
as written (`(*)`, `5 * 3`), and `\\*` is always a literal star.
"""

from __future__ import annotations

import re

from reportgen.errors import Diagnostics, Location
from reportgen.source.loader import LoadedYaml

_SIGNS = re.compile(r"[*^\[{]")
_ANY_SIGN = re.compile(r"[\\*^\[{]")  # every character `unclosed` acts on
_OPENS_AFTER = re.compile(r"[\w“\"‘'(\[]")
CLOSING = {"***": "***", "**": "**", "*": "*", "^[": "]", "[^": "]", "{{": "}}", "{%": "%}"}
_WHAT = {"***": "in đậm nghiêng", "**": "in đậm", "*": "in nghiêng", "^[": "chú thích", "[^": "tên chú thích",
         "{{": "biểu thức", "{%": "lệnh"}
# Fields that hold names and codes, never printed text with markup.
_NOT_TEXT = {"mau", "ky_hieu", "ky", "id", "loai", "trang_thai", "chi_tieu", "canh", "huong", "kieu", "loai_van_ban",
             "bao_gom", "ma", "cap", "nhom_id", "don_vi"}


def star_run(text: str, i: int) -> str:
    return "***" if text.startswith("***", i) else "**" if text.startswith("**", i) else "*"


def can_open(text: str, end: int) -> bool:
    """A star run ending at `end` that no later run closes is an error only when a word
    (or a quote, a bracket) follows it; otherwise it is a literal star."""
    return end < len(text) and bool(_OPENS_AFTER.match(text[end]))


def closes(text: str, i: int) -> bool:
    """A star run at `i` closes emphasis only right after a non-space (`*đạt*`, not `5 * 3`)."""
    return i > 0 and not text[i - 1].isspace()


def closing_index(text: str, start: int, marker: str) -> int:
    """Index of the star run closing an emphasis opened before `start`, or -1."""
    i = start
    while True:
        i = text.find(marker, i)
        if i < 0:
            return -1
        if text[i - 1] != "\\" and not text[i - 1].isspace() \
                and (len(marker) == 3 or text[i:i + 3] != "***" or marker == "***"):
            return i
        i += len(marker)


def _bracket_end(text: str, start: int) -> int:
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "\\":
            continue
        if text[i] == "[" and text[i - 1] != "\\":
            depth += 1
        elif text[i] == "]" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return i
    return -1


def unclosed(text: str) -> list[tuple[int, str]]:
    """(offset, sign) of every markup sign in `text` that is opened and never closed."""
    found: list[tuple[int, str]] = []
    open_stars: list[tuple[int, str]] = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            i += 2
            continue
        for sign in ("{{", "{%"):
            if text.startswith(sign, i):
                end = text.find(CLOSING[sign], i + 2)
                again = text.find(sign, i + 2)
                if end < 0:
                    found.append((i, sign))
                    return sorted(found + open_stars)  # the rest is inside the expression
                if 0 <= again < end:
                    found.append((i, sign))
                    i = again
                    break
                i = end + 2
                break
        else:
            if text.startswith("^[", i) or text.startswith("[^", i):
                sign = text[i:i + 2]
                end = _bracket_end(text, i + 1) if sign == "^[" else text.find("]", i)
                if end < 0:
                    found.append((i, sign))
                    i += 2
                else:
                    found.extend(unclosed_at(text[i + 2:end], i + 2) if sign == "^[" else [])
                    i = end + 1
                continue
            if text[i] == "*":
                run = star_run(text, i)
                if open_stars and open_stars[-1][1] == run and closes(text, i):
                    open_stars.pop()
                elif can_open(text, i + len(run)) and closing_index(text, i + len(run), run) > i + len(run):
                    open_stars.append((i, run))
                elif can_open(text, i + len(run)):
                    found.append((i, run))
                i += len(run)
                continue
            following = _ANY_SIGN.search(text, i + 1)  # nothing between here and there is markup
            i = following.start() if following else len(text)
    return sorted(found + open_stars)


def unclosed_at(text: str, offset: int) -> list[tuple[int, str]]:
    return [(offset + at, sign) for at, sign in unclosed(text)]


def message(sign: str) -> str:
    closing = CLOSING[sign]
    literal = f", hoặc viết \\{sign[0]} nếu muốn in chính dấu {sign[0]}" if sign[0] in "*[^" else ""
    return (f"dấu {sign} mở ở đây ({_WHAT[sign]}) nhưng không có dấu {closing} đóng lại: "
            f"thêm {closing} sau phần cần {_WHAT[sign]}{literal}")


def _locate(loaded: LoadedYaml, path: tuple, value: str, offset: int, sign: str) -> Location:
    """The line and column of the `offset`-th character of a text as it stands in its file."""
    start = loaded.where(path)
    source = loaded.texts.get(start.file)
    if not source or not start.line:
        return start
    lines = source.split("\n")
    position = sum(len(line) + 1 for line in lines[:start.line - 1]) + start.column - 1
    nth = value[:offset].count(sign)
    for _ in range(nth + 1):
        found = source.find(sign, position)
        if found < 0:
            return start
        position = found + len(sign)
    line = source.count("\n", 0, found) + 1
    return Location(start.file, line, found - (source.rfind("\n", 0, found) + 1) + 1)


def _texts_with_signs(value, path: tuple, found: list) -> None:
    """(path, text) of the texts that hold a markup sign, in the order written, but those under a
    key of _NOT_TEXT."""
    if isinstance(value, str):
        if _SIGNS.search(value):
            found.append((path, value))
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_TEXT:
                _texts_with_signs(item, path + (key,), found)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _texts_with_signs(item, path + (i,), found)


def check_markup(loaded: LoadedYaml, diags: Diagnostics) -> None:
    """Every text of the report: markup opened and not closed is an error at its line and column."""
    found: list[tuple[tuple, str]] = []
    _texts_with_signs(loaded.data, (), found)
    for path, text in found:
        for offset, sign in unclosed(text):
            diags.error(_locate(loaded, path, text, offset, sign), message(sign), path)
