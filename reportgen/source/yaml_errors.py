"""YAML syntax errors told in Vietnamese, with the line, the column and the fix.

libyaml (the C parser) and PyYAML's Python parser word their errors differently
("mapping values are not allowed in this context" / "... here"), so the message is
not translated word for word: the kind of error is recognised from either wording,
and the line the user wrote decides the advice (a tab, a colon inside a text, a text
starting with a sign YAML reserves, an unclosed quote or bracket, the indentation).
"""

from __future__ import annotations

import re

from reportgen.pyyaml import yaml

from reportgen.errors import Diagnostic, Location

# Signs that YAML reads as syntax when a text starts with them.
RESERVED_STARTS = {
    "{{": "dấu {{ (biểu thức)", "{": "dấu {", "[": "dấu [", "*": "dấu *", "&": "dấu &", "!": "dấu !",
    "%": "dấu %", "@": "dấu @", "`": "dấu `", "|": "dấu |", ">": "dấu >", "'": "dấu nháy đơn",
    '"': "dấu ngoặc kép",
}
_KEY = re.compile(r"^(?P<indent>\s*(?:-\s+)*)(?P<key>[A-Za-z_][\w\-]*\s*:(?:\s+|$))?")
_KEY_LINE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w\-]*\s*:(\s|$)")


def quoted(text: str) -> str:
    """The text as a YAML double-quoted string (single quotes when it holds " or \\)."""
    if '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'


def _value_of(line: str) -> tuple[int, str]:
    """(0-based column, text) of the value on a `key: value` or `- value` line."""
    match = _KEY.match(line)
    start = match.end() if match else 0
    return start, line[start:].rstrip()


def _with_quotes(line: str) -> str:
    start, value = _value_of(line)
    return line[:start].strip() + " " + quoted(value) if line[:start].strip() else quoted(value)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_indent(line: str) -> int:
    """Where the key of a line starts: after the indentation and any `- ` of a list item."""
    return len(re.match(r"^\s*(?:-\s+)*", line).group(0))


def _content_lines(lines: list[str], before: int):
    """(0-based index, line) of the lines above `before` that hold YAML, nearest first."""
    for index in range(before - 1, -1, -1):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            yield index, lines[index]


def _enclosing_columns(lines: list[str], row: int) -> list[tuple[int, int]]:
    """(1-based column, 1-based line) of the blocks open above `row`, nearest first."""
    found, deepest = [], None
    for index, line in _content_lines(lines, row):
        indent = _indent(line)
        if deepest is None or indent < deepest:
            key = _key_indent(line)
            if key != indent and (deepest is None or key < deepest):
                found.append((key + 1, index + 1))  # a key inside a list item
            found.append((indent + 1, index + 1))
            deepest = indent
        if indent == 0:
            break
    return found


def _reserved_start(value: str) -> str | None:
    for sign in sorted(RESERVED_STARTS, key=len, reverse=True):
        if value.startswith(sign):
            return sign
    return None


def _reserved_message(sign: str, line: str) -> str:
    what = RESERVED_STARTS[sign]
    why = "YAML hiểu là biểu thức cú pháp" if sign not in ("'", '"') else "YAML hiểu là mở một chuỗi trong ngoặc"
    return (f"văn bản bắt đầu bằng {what} ({why}): đặt cả văn bản trong ngoặc kép, "
            f"ví dụ: {_with_quotes(line).strip()}")


class _Explainer:
    def __init__(self, file: str, text: str, exc: yaml.YAMLError):
        self.file = file
        self.lines = text.split("\n")
        self.exc = exc
        self.problem = (getattr(exc, "problem", None) or "").lower()
        self.context = (getattr(exc, "context", None) or "").lower()
        self.mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        self.context_mark = getattr(exc, "context_mark", None)

    def at(self, mark) -> Location:
        return Location(self.file, mark.line + 1, mark.column + 1) if mark else Location(self.file)

    def line(self, mark) -> str:
        if mark is None or mark.line >= len(self.lines):
            return ""
        return self.lines[mark.line]

    def diagnostic(self) -> Diagnostic:
        for rule in (self._tab, self._quote_not_closed, self._flow_not_closed, self._reserved, self._comment_cut,
                     self._colon,
                     self._missing_colon, self._escape, self._documents, self._indentation):
            found = rule()
            if found:
                location, message = found[0], found[1]
                related = found[2] if len(found) > 2 else None
                return Diagnostic(location, f"lỗi cú pháp YAML: {message}", related=related)
        return Diagnostic(self.at(self.mark), "lỗi cú pháp YAML: không đọc được tệp từ chỗ này; kiểm tra thụt lề "
                                              "(chỉ dùng dấu cách), dấu hai chấm sau mỗi khóa và các dấu ngoặc "
                                              "ở dòng này và dòng ngay trên")

    def _tab(self):
        for mark in (self.mark, self.context_mark):
            line = self.line(mark)
            if "\t" in line[:len(line) - len(line.lstrip(" \t"))] or ("tab" in self.problem and "\t" in line):
                column = line.index("\t")
                return (Location(self.file, mark.line + 1, column + 1),
                        ("có ký tự tab ở đầu dòng; YAML chỉ nhận dấu cách để thụt lề: thay tab bằng dấu cách "
                        "(mỗi cấp 2 dấu cách)"))
        return None

    def _reserved(self):
        if not ("cannot start any token" in self.problem or "undefined alias" in self.problem
                or "expected key" in self.problem or "block end" in self.problem
                or "expected ','" in self.problem or "document start" in self.problem):
            return None
        for mark in (self.mark, self.context_mark):
            line = self.line(mark)
            start, value = _value_of(line)
            sign = _reserved_start(value)
            if sign and mark.column >= start:
                return Location(self.file, mark.line + 1, start + 1), _reserved_message(sign, line)
        return None

    def _quote_not_closed(self):
        if "quoted scalar" not in self.context or "end of stream" not in self.problem:
            return None
        opened = self.context_mark
        sign = self.line(opened)[opened.column:opened.column + 1] or '"'
        name = "ngoặc kép" if sign == '"' else "nháy đơn"
        return (self.at(opened), (f"dấu {name} {sign} mở ở dòng {opened.line + 1}, cột {opened.column + 1} chưa được "
                                 f"đóng: thêm dấu {sign} ở cuối văn bản (trong văn bản, viết \\\" cho dấu ngoặc kép, "
                                 f"hoặc '' cho dấu nháy đơn khi cả chuỗi trong nháy đơn)"))

    def _flow_not_closed(self):
        if "flow sequence" not in self.context and "flow mapping" not in self.context:
            return None
        opened = self.context_mark
        sign, closing = ("[", "]") if "sequence" in self.context else ("{", "}")
        line = self.line(opened)
        _start, _value = _value_of(line)
        return (self.at(opened), (f"dấu {sign} mở ở dòng {opened.line + 1}, cột {opened.column + 1} chưa được đóng "
                                    f"bằng {closing} (các mục ngăn nhau bằng dấu phẩy, trên cùng một dòng); nếu đây là "
                                    f"văn bản bắt đầu bằng {sign}, đặt cả văn bản trong ngoặc kép: "
                                    f"{_with_quotes(line).strip()}"), self.at(self.mark))

    def _comment_cut(self):
        """A text cut by ` #` on the line above: the next line cannot continue it."""
        if self.mark is None:
            return None
        previous = next(_content_lines(self.lines, self.mark.line), None)
        if previous is None:
            return None
        start, value = _value_of(previous[1])
        cut = re.search(r"\s#", value)
        if not value or value[0] in "\"'[{" or not cut or _indent(self.line(self.mark)) <= _indent(previous[1]):
            return None
        whole = value[:cut.start()].rstrip() + value[cut.start():] + " " + self.line(self.mark).strip()
        return (Location(self.file, previous[0] + 1, start + cut.start() + 2),
                (f'dòng {previous[0] + 1} có " #": YAML coi phần sau là chú thích nên văn bản dừng ở đó và dòng '
                f"{self.mark.line + 1} không nối tiếp được; đặt cả văn bản trong ngoặc kép: {quoted(whole)}"))

    def _colon(self):
        if "mapping values are not allowed" not in self.problem:
            return None
        row = self.mark.line
        line = self.line(self.mark)
        previous = next(_content_lines(self.lines, row), None)
        if previous and _KEY_LINE.match(line) and _indent(line) > _key_indent(previous[1]) \
                and not previous[1].rstrip().endswith(":"):
            expected = _key_indent(previous[1]) + 1
            return (Location(self.file, row + 1, _indent(line) + 1),
                    (f"thụt lề không đúng: dòng {row + 1} bắt đầu ở cột {_indent(line) + 1}, sâu hơn khóa ở dòng "
                    f"{previous[0] + 1} (cột {expected}) mà khóa đó đã có giá trị; nếu là khóa cùng cấp, bắt đầu "
                    f"ở cột {expected}"))
        if _KEY_LINE.match(line) and _value_of(line)[1]:
            fix = f"ví dụ: {_with_quotes(line).strip()}"
        else:
            fix = "nếu văn bản viết trên nhiều dòng, đặt cả đoạn trong ngoặc kép, từ đầu đến cuối"
        return (self.at(self.mark), (f'trong văn bản có dấu hai chấm và dấu cách (": "), YAML hiểu là bắt đầu một '
                                    f"khóa mới: đặt cả văn bản trong ngoặc kép, {fix}"))

    def _missing_colon(self):
        if "expected ':'" not in self.problem:
            return None
        mark = self.context_mark or self.mark
        return (self.at(mark), (f"dòng {mark.line + 1} thiếu dấu hai chấm sau khóa (viết khóa: giá trị); nếu đây là "
                               "dòng tiếp theo của một văn bản dài, thụt vào sâu hơn khóa của văn bản đó"))

    def _escape(self):
        if "escape" not in self.problem:
            return None
        line = self.line(self.mark)
        backslash = line.rfind("\\", 0, self.mark.column + 1)
        where = Location(self.file, self.mark.line + 1, (backslash if backslash >= 0 else self.mark.column) + 1)
        return (where, ("dấu \\ trong chuỗi ngoặc kép phải đi với một ký tự thoát hợp lệ (\\n, \\\", "
                                    "\\\\): viết \\\\ cho một dấu \\, hoặc đặt chuỗi trong nháy đơn '...'"))

    def _documents(self):
        if "another document" in self.problem or "directive" in self.problem or "document start" in self.problem:
            return (self.at(self.mark), ("tệp chỉ chứa một văn bản YAML: bỏ dòng --- (hoặc dòng bắt đầu bằng %) "
                                        "ở giữa tệp"))
        return None

    def _indentation(self):
        if not ("expected key" in self.problem or "block end" in self.problem or "'-' indicator" in self.problem):
            return None
        row = self.mark.line
        line = self.line(self.mark)
        column = _indent(line) + 1
        open_blocks = _enclosing_columns(self.lines, row)
        if line.lstrip().startswith("-") and open_blocks and open_blocks[0][0] == column:
            return (Location(self.file, row + 1, column),
                    (f'thụt lề không đúng: mục danh sách "- " ở dòng {row + 1} đứng cùng cột với khóa ở dòng '
                    f"{open_blocks[0][1]}; nếu là danh sách con của một khóa, đặt khóa đó một mình trên dòng "
                    f"(khóa:) và thụt các mục vào sâu hơn, cột {column + 2}"))
        choices = " hoặc ".join(f"cột {c} (như dòng {n})" for c, n in open_blocks[:3])
        return (Location(self.file, row + 1, column),
                (f"thụt lề không đúng: dòng {row + 1} bắt đầu ở cột {column}, không thẳng hàng với khối nào ở trên; "
                f"các khóa cùng cấp phải bắt đầu cùng một cột: {choices or 'cột 1'}"))


def _reader_problem(file: str, text: str, exc: yaml.reader.ReaderError) -> Diagnostic:
    """A character YAML does not accept at all (the reader stops before any parsing)."""
    position = min(max(exc.position, 0), len(text))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    return Diagnostic(Location(file, line, column), f"lỗi cú pháp YAML: ký tự U+{code:04X} không được dùng trong "
                                                    "tệp YAML: xóa ký tự này (thường do chép từ trang web hay PDF)")


def syntax_diagnostic(file: str, text: str, exc: yaml.YAMLError) -> Diagnostic:
    """The Vietnamese diagnostic of a YAML syntax error in `text` (the file `file`)."""
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader_problem(file, text, exc)
    return _Explainer(file, text, exc).diagnostic()
