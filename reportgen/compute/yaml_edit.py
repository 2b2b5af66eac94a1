"""Editing a user's YAML file in place: only the values that change are touched.

Every other byte (comments, key order, folded and literal paragraphs, quoting, flow
maps, the user's own indentation) is kept, so the difference between two periods'
files shows what changed and nothing else. Edits are collected against the original
text and applied together; they address nodes by their path (`("chi_tieu", 3, "tu_so")`).

A round-trip dumper (ruamel.yaml) would re-emit the whole file and re-indent folded
paragraphs written deeper than it would write them; splicing the text does not.
"""

from __future__ import annotations

from reportgen.pyyaml import yaml
from reportgen.records import record

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@record(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


BOM = "\ufeff"


class YamlText:
    """A YAML file's text and its nodes; a byte-order mark is set aside and written back."""

    def __init__(self, text: str):
        self.bom = text.startswith(BOM)
        text = text[1:] if self.bom else text
        self.text = text
        self.root = yaml.compose(text, Loader=_Loader)
        self.lines = text.splitlines(keepends=True)
        self._line_starts = [0]
        for line in self.lines:
            self._line_starts.append(self._line_starts[-1] + len(line))
        self.edits: list[_Edit] = []

    # --- finding nodes -------------------------------------------------------------------
    def node(self, path: tuple):
        """The value node at `path`, or None."""
        found = self._entry(path)
        return found[1] if found else None

    def _entry(self, path: tuple):
        """(key node or None, value node, parent node) at path."""
        node, key, parent = self.root, None, None
        for part in path:
            parent = node
            if isinstance(part, int):
                if not isinstance(node, yaml.SequenceNode) or part >= len(node.value):
                    return None
                key, node = None, node.value[part]
            else:
                if not isinstance(node, yaml.MappingNode):
                    return None
                match = next(((k, v) for k, v in node.value if k.value == part), None)
                if match is None:
                    return None
                key, node = match
        return key, node, parent

    def keys(self, path: tuple) -> list[str]:
        node = self.node(path)
        return [k.value for k, _ in node.value] if isinstance(node, yaml.MappingNode) else []

    def key_column(self, path: tuple) -> int:
        """0-based column of the key of the entry at path."""
        return self._entry(path)[0].start_mark.column

    def line_of(self, path: tuple) -> int:
        """1-based line of the entry (its key, or its dash for a list item)."""
        found = self._entry(path)
        first = found[0] if found and found[0] is not None else found[1]
        return first.start_mark.line + 1

    # --- edits ---------------------------------------------------------------------------
    def set_scalar(self, path: tuple, text: str | None) -> None:
        """Replace the value at path by `text` (YAML as written); None leaves `key:` empty."""
        key, value, _ = self._entry(path)
        if text is None:
            self.edits.append(_Edit(key.end_mark.index + 1, self._value_end(value), ""))
            return
        self.edits.append(_Edit(value.start_mark.index, self._value_end(value), text))

    def set_line(self, number: int, text: str) -> None:
        """Replace line `number` (1-based) by `text` (without its line break)."""
        line = self.lines[number - 1]
        ending = line[len(line.rstrip("\r\n")):]
        start = self._line_starts[number - 1]
        self.edits.append(_Edit(start, start + len(line), text + ending))

    def insert_line(self, number: int, text: str) -> None:
        """Insert a line before line `number` (1-based)."""
        start = self._line_starts[number - 1]
        self.edits.append(_Edit(start, start, text + self._newline()))

    def delete(self, path: tuple) -> None:
        """Remove a mapping entry or a list item with its lines (and the comment lines just above)."""
        key, value, parent = self._entry(path)
        if parent.flow_style:
            self._delete_in_flow(path, parent)
            return
        first = key if key is not None else value
        start_line = first.start_mark.line
        while start_line > 0 and self._is_comment(start_line - 1, at_column=self._indent_of(start_line)):
            start_line -= 1
        end_line = self._last_line(value, self._indent_of(first.start_mark.line))
        self.edits.append(_Edit(self._line_starts[start_line], self._line_starts[end_line + 1], ""))

    def add_after(self, path: tuple, key: str, value_text: str, comment: str = "") -> None:
        """Add `key: value` to the mapping holding `path`, right after that entry."""
        found_key, value, parent = self._entry(path)
        suffix = f"  # {comment}" if comment else ""
        if parent.flow_style:
            self.edits.append(_Edit(self._value_end(value), self._value_end(value), f", {key}: {value_text}"))
            return
        column = found_key.start_mark.column
        end_line = self._last_line(value, self._indent_of(found_key.start_mark.line))
        at = self._line_starts[end_line + 1]
        text = self._ensure_break(at) + " " * column + f"{key}: {value_text}{suffix}" + self._newline()
        self.edits.append(_Edit(at, at, text))

    def replace_entry(self, path: tuple, new_lines: list[str]) -> None:
        """Replace a block mapping entry (key and value) by lines written at the key's column."""
        key, value, _ = self._entry(path)
        column = key.start_mark.column
        end_line = self._last_line(value, self._indent_of(key.start_mark.line))
        start = self._line_starts[key.start_mark.line] + column
        body = (self._newline()).join((" " * column if i else "") + line for i, line in enumerate(new_lines))
        self.edits.append(_Edit(start, self._line_starts[end_line + 1], body + self._newline()))

    def result(self) -> str:
        text = self.text
        # from the end backwards, so earlier offsets stay valid; of two insertions at one place
        # the one added first ends up first
        order = sorted(enumerate(self.edits), key=lambda p: (p[1].start, p[1].end, p[0]), reverse=True)
        for _, edit in order:
            text = text[:edit.start] + edit.text + text[edit.end:]
        return (BOM if self.bom else "") + text

    # --- helpers -------------------------------------------------------------------------
    def _newline(self) -> str:
        return "\r\n" if "\r\n" in self.text else "\n"

    def _ensure_break(self, at: int) -> str:
        return "" if at == 0 or self.text[at - 1] == "\n" else self._newline()

    def _value_end(self, value) -> int:
        """Where a scalar's own text ends (a block scalar's end mark is past its line break)."""
        end = value.end_mark.index
        if isinstance(value, yaml.ScalarNode) and value.style in ("|", ">"):
            while end > value.start_mark.index and self.text[end - 1] in "\r\n":
                end -= 1
        return end

    def _indent_of(self, line: int) -> int:
        text = self.lines[line]
        return len(text) - len(text.lstrip(" "))

    def _is_comment(self, line: int, at_column: int) -> bool:
        text = self.lines[line]
        stripped = text.lstrip(" ")
        return stripped.startswith("#") and len(text) - len(stripped) == at_column

    def _last_line(self, value, indent: int) -> int:
        """0-based last line of a value, leaving out blank and comment lines that follow it
        at the entry's indentation or less (they belong to what comes next)."""
        end = value.end_mark
        before_end = self.text[self._line_starts[end.line]:end.index] if end.line < len(self.lines) else ""
        last = end.line if before_end.strip() else end.line - 1
        last = max(last, value.start_mark.line)
        while last > value.start_mark.line:
            text = self.lines[last]
            stripped = text.strip()
            depth = len(text) - len(text.lstrip(" "))
            if not stripped or (stripped.startswith("#") and depth <= indent):
                last -= 1
                continue
            break
        return min(last, len(self.lines) - 1)

    def _delete_in_flow(self, path: tuple, parent) -> None:
        if isinstance(parent, yaml.SequenceNode):
            items = parent.value
            index = path[-1]
            starts = [(n.start_mark.index, self._value_end(n)) for n in items]
        else:
            items = parent.value
            index = next(i for i, (k, _) in enumerate(items) if k.value == path[-1])
            starts = [(k.start_mark.index, self._value_end(v)) for k, v in items]
        if index + 1 < len(starts):
            self.edits.append(_Edit(starts[index][0], starts[index + 1][0], ""))
        elif index > 0:
            self.edits.append(_Edit(starts[index - 1][1], starts[index][1], ""))
        else:
            self.edits.append(_Edit(starts[index][0], starts[index][1], ""))
