"""Inline markup: **bold**, *italic*, ***both***, ^[footnote], [^key], ^sup^, \\* and line breaks."""

from __future__ import annotations

import re
import unicodedata

from reportgen.document import Footnote, LineBreak, Span
from reportgen.errors import Diagnostics, Location, suggestion
from reportgen.source.markup import can_open, closes, closing_index, message


class _Parser:
    def __init__(self, text: str, footnotes: dict, location: Location, diags: Diagnostics, allow_notes: bool,
                 used: set):
        self.text = text
        self.footnotes = footnotes
        self.used = used
        self.location = location
        self.diags = diags
        self.allow_notes = allow_notes
        self.out: list = []
        self.bold = False
        self.italic = False

    def emit(self, text: str, superscript: bool = False) -> None:
        if not text:
            return
        last = self.out[-1] if self.out else None
        if isinstance(last, Span) and (last.bold, last.italic, last.superscript) == (self.bold, self.italic, superscript):
            last.text += text
        else:
            self.out.append(Span(text, self.bold, self.italic, superscript))

    def _bracket_end(self, start: int) -> int:
        depth = 0
        for i in range(start, len(self.text)):
            ch = self.text[i]
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
                if depth == 0:
                    return i
        return -1

    def parse(self) -> list:
        text = self.text
        i = 0
        buffer = ""
        toggles: list[str] = []
        while i < len(text):
            sign = _NEXT_SIGN.search(text, i)  # the text up to it is printed as it is
            if sign is None:
                buffer += text[i:]
                break
            buffer += text[i:sign.start()]
            i = sign.start()
            ch = text[i]
            if ch == "\\" and i + 1 < len(text) and text[i + 1] in "*^[]\\":
                buffer += text[i + 1]
                i += 2
                continue
            if ch == "\n":
                self.emit(buffer)
                buffer = ""
                self.out.append(LineBreak())
                i += 1
                continue
            if ch == "*":
                run = 3 if text.startswith("***", i) else 2 if text.startswith("**", i) else 1
                marker = "*" * run
                if toggles and toggles[-1] == marker and closes(text, i):
                    self.emit(buffer)
                    buffer = ""
                    toggles.pop()
                    self._toggle(marker)
                    i += run
                    continue
                if can_open(text, i + run) and closing_index(text, i + run, marker) > i + run:
                    self.emit(buffer)
                    buffer = ""
                    toggles.append(marker)
                    self._toggle(marker)
                    i += run
                    continue
                if can_open(text, i + run):
                    self._unclosed(i, marker)  # never printed: the reader would see the signs
                else:
                    buffer += marker  # a literal star: (*), 5 * 3
                i += run
                continue
            if text.startswith("^[", i):
                end = self._bracket_end(i + 1)
                if end > 0:
                    self.emit(buffer)
                    buffer = ""
                    self._footnote(text[i + 2:end])
                    i = end + 1
                    continue
                self._unclosed(i, "^[")
                i += 2
                continue
            if text.startswith("[^", i):
                end = text.find("]", i)
                if end > 0:
                    self.emit(buffer)
                    buffer = ""
                    self._named_footnote(text[i + 2:end])
                    i = end + 1
                    continue
                self._unclosed(i, "[^")
                i += 2
                continue
            if ch == "^":
                end = text.find("^", i + 1)
                if end > i + 1 and not any(c.isspace() for c in text[i + 1:end]):
                    self.emit(buffer)
                    buffer = ""
                    self.emit(text[i + 1:end], superscript=True)
                    i = end + 1
                    continue
            buffer += ch
            i += 1
        self.emit(buffer)
        return self.out

    def _unclosed(self, offset: int, sign: str) -> None:
        self.diags.error(self.location, f"{message(sign)} (ký tự thứ {offset + 1} của văn bản)")

    def _toggle(self, marker: str) -> None:
        if marker in ("**", "***"):
            self.bold = not self.bold
        if marker in ("*", "***"):
            self.italic = not self.italic

    def _footnote(self, body: str) -> None:
        if not self.allow_notes:
            self.diags.error(self.location, "chú thích không được lồng trong chú thích")
            return
        content = _Parser(body.strip(), self.footnotes, self.location, self.diags, False, self.used).parse()
        self.out.append(Footnote(content))

    def _named_footnote(self, key: str) -> None:
        if key not in self.footnotes:
            self.diags.error(self.location, f'chưa có chú thích "{key}" trong chu_thich{suggestion(key, self.footnotes)}')
            return
        self.used.add(key)
        note = self.footnotes[key]
        self._footnote(note.raw if hasattr(note, "raw") else note)


# Every construct of the markup starts with one of these (`[^key]` and `^[...]` with the caret).
_MARKUP_SIGN = re.compile(r"[\\\n*^]")
# Where the parser has something to decide: a sign, or the `[` of `[^key]`.
_NEXT_SIGN = re.compile(_MARKUP_SIGN.pattern + r"|\[\^")


def parse_inline(text: str, location: Location, diags: Diagnostics, footnotes: dict | None = None,
                 allow_notes: bool = True, used: set | None = None) -> list:
    """Text with markup → a list of Span / Footnote / LineBreak; named footnotes cited are added to `used`.

    The text is composed (NFC) first: a template's text or a value a template computed
    is printed as composed as the report's own text (which the loader composed)."""
    text = unicodedata.normalize("NFC", text)
    if not _MARKUP_SIGN.search(text):
        return [Span(text)] if text else []  # what the parser gives a text without markup, at once
    return _Parser(text, footnotes or {}, location, diags, allow_notes, used if used is not None else set()).parse()
