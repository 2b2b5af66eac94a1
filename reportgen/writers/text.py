"""Plain text in reading order, for review in `git diff` and for comparing with an original.

Header table and tables row by row (cells separated by a tab), body paragraphs one
per line, footnote marks as ^N with the notes listed at the end of each section.
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


class _Text:
    def __init__(self):
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

    def block(self, block) -> None:
        if isinstance(block, Paragraph):
            self.lines.append(self.inlines(block.inlines))
        elif isinstance(block, Table):
            for row in block.header_rows + block.rows:
                cells = [" ".join(self.inlines(p.inlines) for p in c.blocks if isinstance(p, Paragraph)).strip()
                         for c in row]
                self.lines.append("\t".join(cells).rstrip())
        elif isinstance(block, Rule):
            return


def write_text(document: Document) -> str:
    out = _Text()
    for section in document.sections:
        for block in section.blocks:
            out.block(block)
        if out.notes:
            out.lines.append("")
            out.lines.extend(out.notes)
            out.notes = []
        out.lines.append("")
    return "\n".join(out.lines).rstrip() + "\n"
