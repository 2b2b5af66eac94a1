"""Plain text in reading order, for review in `git diff` and for comparing with an original.

Header table and tables row by row (cells separated by a tab), body paragraphs one
per line, footnote marks as ^N with the notes listed at the end of each section. A
task's status is written by name (`[Hoàn thành]`) where the .docx puts its mark, so a
status that changed between two periods reads as words in `git diff`.
"""

from __future__ import annotations

from reportgen.document import (
    Document,
    Footnote,
    LineBreak,
    Paragraph,
    Rule,
    Span,
    Table,
)

STATUS_MARK = "X"  # what the table puts in a status column when the row gives no text


def _status(name: str, text: str) -> str:
    label = f"[{name[:1].upper()}{name[1:]}]"
    return label if text in ("", STATUS_MARK) else f"{label} {text}"


class _Text:
    def __init__(self, status_names: bool = True):
        self.status_names = status_names
        self.lines: list[str] = []
        self.notes: list[str] = []
        self.counter = 0

    def inlines(self, items) -> str:
        out = ""
        for item in items:
            if isinstance(item, Span):
                out += item.text
            elif isinstance(item, LineBreak):
                out += "\n"
            elif isinstance(item, Footnote):
                self.counter += 1
                out += f"^{self.counter}"
                self.notes.append(f"^{self.counter} " + self.inlines(item.content))
        return out

    def cell(self, cell) -> str:
        text = " ".join(self.inlines(p.inlines) for p in cell.blocks if isinstance(p, Paragraph)).strip()
        return _status(cell.status, text) if self.status_names and cell.status else text

    def block(self, block) -> None:
        if isinstance(block, Paragraph):
            self.lines.append(self.inlines(block.inlines))
        elif isinstance(block, Table):
            for row in block.header_rows + block.rows:
                cells = [self.cell(c) for c in row]
                self.lines.append("\t".join(cells).rstrip())
        elif isinstance(block, Rule):
            return


def write_text(document: Document, status_names: bool = True) -> str:
    """The document as text; `status_names=False` prints a status as the .docx does (its mark)."""
    out = _Text(status_names)
    for section in document.sections:
        for block in section.blocks:
            out.block(block)
        if out.notes:
            out.lines.append("")
            out.lines.extend(out.notes)
            out.notes = []
        out.lines.append("")
    return "\n".join(out.lines).rstrip() + "\n"
