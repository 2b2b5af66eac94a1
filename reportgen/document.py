"""The document tree every writer reads (docx, text, ...). Nothing here is computed or formatted:
compose.py builds it, writers only lay it out."""

from __future__ import annotations

from dataclasses import field

from reportgen.records import record


@record(slots=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    superscript: bool = False


@record(slots=True)
class LineBreak:
    pass


@record(slots=True)
class Footnote:
    """A footnote anchored here; writers number them through the document."""

    content: list  # Span / LineBreak


@record(slots=True)
class Paragraph:
    role: str  # a style role: body, heading-1, quoc-hieu, ... (see writers/docx_writer.py)
    inlines: list
    align: str | None = None  # left, center, right, justify; None: the role's
    first_line_indent: bool | None = None
    bold: bool = False
    italic: bool = False
    caps: bool = False
    keep_with_next: bool = False

    @property
    def text(self) -> str:
        return "".join(i.text if isinstance(i, Span) else "\n" if isinstance(i, LineBreak) else "" for i in self.inlines)


@record(slots=True)
class Rule:
    """A short drawn line, centred in its column (under agency, tiêu ngữ, subject)."""

    length_mm: float
    role: str = "rule"


@record(slots=True)
class Cell:
    blocks: list  # Paragraph
    colspan: int = 1
    vmerge: str | None = None  # "restart" or "continue"
    align: str = "justify"
    bold: bool = False
    shade: bool = False
    status: str | None = None  # the row's status when this cell marks it (`hoàn thành`): the text writer names it


@record(slots=True)
class Table:
    widths_mm: list[float]
    header_rows: list[list[Cell]]
    rows: list[list[Cell]]
    font_size: float
    borders: bool = True
    indent_mm: float = 0.0
    role: str = "table"


@record(slots=True)
class Section:
    blocks: list
    landscape: bool = False
    restart_page_numbers: bool = False
    name: str = ""


@record(slots=True)
class PageSetup:
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    width_mm: float = 210.0
    height_mm: float = 297.0

    def text_width(self, landscape: bool = False) -> float:
        width = self.height_mm if landscape else self.width_mm
        return width - self.left_mm - self.right_mm


@record(slots=True)
class Document:
    sections: list[Section]
    page: PageSetup
    body_size: float
    title: str
    subject: str
    author: str
    date: tuple  # (year, month, day) for the document properties
    sizes: dict = field(default_factory=dict)  # role -> size in points
