"""Compose: the model, the template and the computed values become one document tree.

This is where numbering is applied, Jinja texts are rendered, inline markup is
parsed, and the fixed parts of the decree's layout are put in their places.
Writers take the result as it is.
"""

from __future__ import annotations

from reportgen import formatting as F
from reportgen.document import Cell, Document, PageSetup, Paragraph, Rule, Section, Span, Table
from reportgen.errors import Diagnostics
from reportgen.inline import parse_inline
from reportgen.model import Block, Report, Text
from reportgen.numbering import Counter, label
from reportgen.tables import ComputedTable, OutRow
from reportgen.templates import TYPE_TITLES, Template

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
HEADER_WIDTHS_MM = (67.5, 100.0)
SIGNATURE_SPLIT = 0.45


def estimate_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    """Rough width of a line in Times New Roman, enough to size the short rules."""
    em = 0.0
    for ch in text:
        if ch.isspace():
            em += 0.25
        elif ch.isupper():
            em += 0.72 if bold else 0.68
        elif ch.isdigit():
            em += 0.5
        elif ch in "-.,;:()/":
            em += 0.3
        else:
            em += 0.5
    return em * size_pt * 0.3528


def closing_with_end_mark(text: str) -> str:
    """The text ends `./.` (the decree's end mark)."""
    text = text.rstrip()
    if text.endswith("./."):
        return text
    return text.rstrip(".") + "./."


def list_entry(text: str, last: bool) -> str:
    text = text.strip().rstrip(";.").strip()
    return f"- {text}{'.' if last else ';'}"


class Composer:
    def __init__(self, report: Report, template: Template, renderer, diags: Diagnostics, variables: dict,
                 tables: dict, appendix_labels: dict):
        self.report = report
        self.template = template
        self.renderer = renderer
        self.diags = diags
        self.variables = variables
        self.tables = tables  # id(TableInput) -> ComputedTable
        self.appendix_labels = appendix_labels
        self.settings = template.settings
        margins = self.settings["le"]
        self.page = PageSetup(margins["tren"], margins["duoi"], margins["trai"], margins["phai"])
        self.body_size = self.settings["co_chu_than"]
        self.kind = report.kind or self.settings["loai_van_ban"]
        self.used_footnotes: set[str] = set()  # named footnotes cited, for the unused-footnote warning

    # --- texts ---
    def render(self, text: Text) -> str:
        return self.renderer.text(text.raw, text.location)

    def inlines(self, text: Text, allow_notes: bool = True) -> list:
        return self.parse(self.render(text), text.location, allow_notes)

    def parse(self, text: str, location, allow_notes: bool = True) -> list:
        """Inline markup of an already rendered text, with the report's named footnotes."""
        return parse_inline(text, location, self.diags, self.report.footnotes, allow_notes, self.used_footnotes)

    def template_text(self, name: str) -> str:
        path = self.template.text_path(name)
        if path is None:
            return ""
        return self.renderer.file(path, **self.variables)

    # --- the first page ---
    def header(self) -> Table:
        r = self.report
        left = []
        if r.agency.parent:
            left.append(Paragraph("co-quan-chu-quan", [Span(r.agency.parent.upper())]))
        for line in r.agency.name_lines:
            left.append(Paragraph("co-quan", [Span(line.upper())]))
        longest = max(estimate_width_mm(n, 13, True) for n in r.agency.name_lines)
        left.append(Rule(min(max(longest * 0.45, 15.0), HEADER_WIDTHS_MM[0] * 0.5)))
        right = [Paragraph("quoc-hieu", [Span(QUOC_HIEU)]), Paragraph("tieu-ngu", [Span(TIEU_NGU)]),
                 Rule(round(estimate_width_mm(TIEU_NGU, 14, True), 1))]
        number_line = [Paragraph("so", [Span(f"Số: {self.variables['bao_cao']['so_ky_hieu']}")])]
        if self.kind == "cong_van" and r.subject is not None:
            number_line.append(Paragraph("vv", [Span("V/v ")] + self.inlines(r.subject, False)))
        date = r.date
        place_date = F.place_date_line(r.place, date.date, month=None if date.day else date.month,
                                       year=None if date.day else date.year)
        date_line = [Paragraph("dia-danh-ngay", [Span(place_date)])]
        return Table(list(HEADER_WIDTHS_MM), [], [[Cell(left), Cell(right)], [Cell(number_line), Cell(date_line)]],
                     font_size=13, borders=False, indent_mm=-(sum(HEADER_WIDTHS_MM) - self.page.text_width()) / 2,
                     role="header")

    def title_and_subject(self) -> list:
        title = self.settings.get("ten_loai") or TYPE_TITLES.get(self.kind, "")
        if not title:
            return []
        subject = self.inlines(self.report.subject, False) if self.report.subject else \
            [Span(self.template_text("trich_yeu.j2"))]
        text = "".join(s.text for s in subject if isinstance(s, Span))
        width = min(estimate_width_mm(text, 14, True), self.page.text_width())
        return [Paragraph("loai-van-ban", [Span(title.upper())]), Paragraph("trich-yeu", subject),
                Rule(max(25.0, round(width * 0.35, 1)))]

    def recipients(self) -> list:
        names = [self.inlines(t, False) for t in self.report.recipients]
        if not names:
            return []
        if len(names) == 1:
            return [Paragraph("kinh-gui", [Span("Kính gửi: ")] + names[0])]
        out = [Paragraph("kinh-gui-nhieu", [Span("Kính gửi:")])]
        for i, name in enumerate(names):
            last = i == len(names) - 1
            text = "".join(s.text for s in name if isinstance(s, Span)).strip().rstrip(";.")
            out.append(Paragraph("kinh-gui-muc", [Span(f"- {text}{'.' if last else ';'}")]))
        return out

    def opening(self) -> list:
        if self.report.opening is not None:
            return [Paragraph("body", self.inlines(self.report.opening))]
        text = self.template_text("mo_dau.j2")
        return [Paragraph("body", self.parse(text, self.report.location))] if text else []

    def closing(self) -> list:
        if self.report.closing is not None:
            text = self.render(self.report.closing)
            location = self.report.closing.location
        else:
            text = self.template_text("ket_thuc.j2")
            location = self.report.location
        if not text:
            return []
        return [Paragraph("body", self.parse(closing_with_end_mark(text), location))]

    # --- the body ---
    def blocks(self, blocks: list[Block], counter: Counter, khoan_depth: int = 0) -> list:
        out = []
        for block in blocks:
            if block.kind == "bang":
                out.append(self.table(self.tables[id(block.table)]))
                continue
            if block.kind == "doan":
                out.append(Paragraph("body", self.inlines(block.text), align=_ALIGN.get(block.align),
                                     first_line_indent=block.indent, bold=block.bold, italic=block.italic))
                continue
            if block.kind in ("gach", "cong"):
                out.append(Paragraph("body", [Span(label(block.kind, 0) + " ")] + self.inlines(block.text)))
                out.extend(self.blocks(block.children, Counter(counter.prefix), khoan_depth))
                continue
            number = counter.next(block.kind)
            depth = khoan_depth + 1 if block.kind == "khoan" else khoan_depth
            text = label(block.kind, number, counter.prefix if block.kind == "khoan" else "")
            out.append(self.numbered(block, text, depth))
            child_prefix = text if block.kind == "khoan" else ""
            out.extend(self.blocks(block.children, Counter(child_prefix), depth if block.kind != "muc" else 0))
        return out

    def numbered(self, block: Block, number: str, depth: int) -> Paragraph:
        content = self.inlines(block.text)
        if block.run_in:
            return Paragraph("body", [Span(number + " ")] + content)
        key = block.kind if block.kind != "khoan" else f"khoan_{min(depth, 3)}"
        look = self.settings["dang_tieu_de"].get(key, {})
        if look.get("in_hoa"):
            content = [Span(s.text.upper(), s.bold, s.italic, s.superscript) if isinstance(s, Span) else s
                       for s in content]
        return Paragraph(f"heading-{key.replace('_', '-')}", [Span(number + " ")] + content,
                         bold=bool(look.get("dam")), italic=bool(look.get("nghieng")), keep_with_next=True)

    # --- signature and Nơi nhận ---
    def signature(self) -> Table:
        r = self.report
        left = [Paragraph("noi-nhan-tieu-de", [Span("Nơi nhận:")])]
        for entry in r.distribution:
            text = "".join(s.text for s in self.inlines(entry, False) if isinstance(s, Span))
            left.append(Paragraph("noi-nhan", [Span(list_entry(text, False))]))
        archive = self.inlines(r.archive, False)
        if archive and isinstance(archive[-1], Span):
            archive[-1] = Span(archive[-1].text.rstrip().rstrip(";."), archive[-1].bold, archive[-1].italic,
                               archive[-1].superscript)
        left.append(Paragraph("noi-nhan", [Span("- Lưu: ")] + archive + [Span(".")]))
        right = [Paragraph("chu-ky-tham-quyen", [Span(line.upper())]) for line in r.signature.authority]
        right.append(Paragraph("chu-ky-tham-quyen", [Span(r.signature.title.upper())]))
        right.append(Paragraph("chu-ky-ten", [Span(r.signature.name)]))
        width = self.page.text_width()
        return Table([width * SIGNATURE_SPLIT, width * (1 - SIGNATURE_SPLIT)], [], [[Cell(left), Cell(right)]],
                     font_size=12, borders=False, role="signature")

    # --- tables ---
    def cell(self, content, align: str) -> Cell:
        if content is None:
            return Cell([Paragraph("table-text", [])], align=align)
        if isinstance(content, str):
            return Cell([Paragraph("table-text", [Span(content)])], align=align)
        if isinstance(content, Text):
            return Cell([Paragraph("table-text", self.inlines(content))], align=align)
        paragraphs = [Paragraph("table-text", p.inlines, bold=p.bold, italic=p.italic)
                      for p in self.blocks(content, Counter())]
        return Cell(paragraphs, align=align)

    def table(self, computed: ComputedTable, width_mm: float | None = None) -> Table:
        width_mm = width_mm or self.page.text_width(computed.orientation == "ngang")
        total = sum(c.width for c in computed.columns)
        widths = [round(width_mm * c.width / total, 2) for c in computed.columns]
        header = self.header_rows(computed)
        rows = [self.row(r, computed) for r in computed.rows]
        return Table(widths, header, rows, font_size=computed.font_size)

    def header_rows(self, computed: ComputedTable) -> list:
        n = len(computed.columns)
        grid: list[list] = [[None] * n for _ in computed.header_rows]
        for level, cells in enumerate(computed.header_rows):
            for h in cells:
                grid[level][h.column] = Cell([Paragraph("table-header", [Span(h.text)])], colspan=h.colspan,
                                             vmerge="restart" if h.rowspan > 1 else None, align="center", bold=True)
                for below in range(level + 1, level + h.rowspan):
                    grid[below][h.column] = Cell([Paragraph("table-header", [])], colspan=h.colspan,
                                                 vmerge="continue", align="center")
        rows = []
        for level in range(len(grid)):
            row, skip = [], 0
            for column in range(n):
                if skip:
                    skip -= 1
                    continue
                cell = grid[level][column]
                if cell is None:
                    continue
                row.append(cell)
                skip = cell.colspan - 1
            rows.append(row)
        return rows

    def row(self, row: OutRow, computed: ComputedTable) -> list[Cell]:
        n = len(computed.columns)
        if row.kind == "group":
            # a group row stays with the first row of its group
            code = Cell([Paragraph("table-text", [Span(row.cells[0] or "")], keep_with_next=True)],
                        align="center", bold=True)
            title = Cell([Paragraph("table-text", [Span(row.group_title)], keep_with_next=True)],
                         colspan=n - 1, align="left", bold=True)
            return [code, title] if row.cells[0] else [Cell(title.blocks, colspan=n, align="left", bold=True)]
        cells = [self.cell(content, _ALIGN.get(col.align, "justify"))
                 for content, col in zip(row.cells, computed.columns)]
        if row.kind == "total":
            cells[1] = Cell([Paragraph("table-text", [Span(row.group_title)])], align="center", bold=True)
            for cell in cells:
                cell.bold = True
        return cells

    # --- appendices ---
    def appendix(self, appendix) -> Section:
        label_text = self.appendix_labels[appendix.id]
        computed = self.tables.get(id(appendix.table)) if appendix.table else None
        orientation = appendix.orientation or (computed.orientation if computed else "doc")
        landscape = orientation == "ngang"
        variables = dict(self.variables, phu_luc_hien_tai={"nhan": label_text, "id": appendix.id})
        if appendix.attached_line is not None:
            attached = self.render(appendix.attached_line)
        else:
            path = self.template.text_path("kem_theo.j2")
            attached = self.renderer.file(path, **variables) if path else ""
        blocks = [Paragraph("phu-luc-so", [Span(label_text)]),
                  Paragraph("phu-luc-tieu-de", [s if not isinstance(s, Span) else Span(s.text.upper(), s.bold, s.italic)
                                                for s in self.inlines(appendix.title, False)])]
        if attached:
            blocks.append(Paragraph("phu-luc-kem-theo", self.parse(attached, appendix.location)))
        blocks.append(Rule(30.0))
        blocks.extend(self.blocks(appendix.blocks, Counter()))
        if computed:
            blocks.append(self.table(computed, self.page.text_width(landscape)))
        return Section(blocks, landscape=landscape, restart_page_numbers=True, name=label_text)

    def document(self) -> Document:
        main = [self.header(), *self.title_and_subject(), *self.recipients(), *self.opening(),
                *self.blocks(self.report.body, Counter()), *self.closing(), self.signature()]
        sections = [Section(main, name="main")]
        sections += [self.appendix(a) for a in self.report.appendices]
        title_para = next((b for b in main if isinstance(b, Paragraph) and b.role == "trich-yeu"), None)
        subject = title_para.text if title_para else (self.report.subject.raw if self.report.subject else "")
        d = self.report.date
        return Document(sections, self.page, self.body_size,
                        title=f"{TYPE_TITLES.get(self.kind) or 'CÔNG VĂN'} {self.variables['bao_cao']['so_ky_hieu']}",
                        subject=subject, author=self.report.agency.name, date=(d.year, d.month, d.day or 1))


_ALIGN = {"giua": "center", "trai": "left", "phai": "right", "deu": "justify"}
