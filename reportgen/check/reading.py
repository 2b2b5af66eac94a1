"""Reading the .docx: opening it, and the document as the rules see it — paragraphs with
their runs' effective formatting and their place ("đoạn N", "bảng N, dòng R, cột C"),
tables, sections with their headers and footers, footnotes."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

from lxml import etree

from reportgen.records import record

from .numbering import ListNumbering
from .ooxml import MC_NS, R_NS, in_fallback, is_on, w
from .package import DocxPackage, PackageError
from .styles import ParaProps, RunProps, StyleSheet, Theme
from .text import normalize, shorten


class CheckError(ValueError):
    """The file cannot be checked (missing, not a .docx, corrupt)."""


def open_docx(path: Path) -> DocxPackage:
    if not path.exists():
        raise CheckError(f"{path}: không tìm thấy tệp.")
    if not path.is_file():
        raise CheckError(f"{path}: không phải là tệp.")
    try:
        return DocxPackage(path)
    except PackageError as exc:
        if exc.kind == "xml":
            raise CheckError(f"{path}: tệp .docx bị hỏng (XML không hợp lệ: {exc}).") from None
        raise CheckError(f"{path}: không phải tệp .docx (không mở được gói Office Open XML; "
                         "tệp .doc cũ cần lưu lại thành .docx).") from None


@record
class Run:
    text: str
    props: RunProps


@record
class Para:
    element: object
    runs: list[Run]
    props: ParaProps
    where: str
    section: int = 0               # 0-based
    order: int = 0                 # position among all paragraphs read
    top: int | None = None         # 1-based paragraph number outside tables
    table: int | None = None       # 1-based number of the top-level table holding it
    row: int | None = None
    col: int | None = None
    cell: object = None            # the w:tc holding it
    text: str = ""
    label: str = ""                # the label of Word's automatic numbering, if any (in `text` too)

    @property
    def text_runs(self) -> list[Run]:
        return [r for r in self.runs if r.text.strip() and not r.props.hidden]

    @property
    def empty(self) -> bool:
        return not self.text

    @property
    def quote(self) -> str:
        return shorten(self.text)

    def lines(self) -> list[tuple[str, list[Run]]]:
        """The paragraph split at its line breaks: (normalized text, runs) per line."""
        result: list[tuple[str, list[Run]]] = [("", [])]
        for run in self.runs:
            pieces = run.text.split("\n")
            for index, piece in enumerate(pieces):
                if index:
                    result.append(("", []))
                text, runs = result[-1]
                result[-1] = (text + piece, runs + ([Run(piece, run.props)] if piece else []))
        return [(normalize(t), rs) for t, rs in result]


@record
class TableInfo:
    element: object
    number: int
    section: int
    paras: list[Para] = field(default_factory=list)

    @property
    def rows(self) -> list:
        return self.element.findall(w("tr"))


@record
class SectionInfo:
    number: int                    # 1-based
    sect_pr: object
    headers: dict = field(default_factory=dict)   # "default"/"first"/"even" → (key, root)
    footers: dict = field(default_factory=dict)
    appendix: bool = False

    @property
    def label(self) -> str:
        return f"mục {self.number}" + (" (phụ lục)" if self.appendix else "")

    def attr(self, tag: str, name: str):
        el = self.sect_pr.find(w(tag))
        return None if el is None else el.get(w(name))

    @property
    def title_page(self) -> bool:
        return is_on(self.sect_pr.find(w("titlePg")))


class Doc:
    def __init__(self, package: DocxPackage):
        self.package = package
        self.body = package.document.find(w("body"))
        if self.body is None:
            self.body = etree.SubElement(package.document, w("body"))
        self.theme = Theme(self._related_root("/theme"))
        self.styles = StyleSheet(self._related_root("/styles"), self.theme)
        self.paras: list[Para] = []
        self.tables: list[TableInfo] = []
        self._section = 0
        self._top = 0
        self._sect_prs: list = []
        self.numbering = ListNumbering(self._related_root("/numbering"), self.styles)
        self._walk(self.body, None)
        self.sections = self._read_sections()
        self.notes = self._read_footnotes()

    # --- parts ---
    def _related_root(self, reltype_suffix: str):
        return self.package.related_root(reltype_suffix)

    # --- body ---
    def _walk(self, parent, cell_ctx) -> None:
        for child in parent:
            if child.tag == w("p"):
                self._add_para(child, cell_ctx)
            elif child.tag == w("tbl"):
                self._walk_table(child, cell_ctx)
            elif child.tag in (w("sdt"), w("customXml")):
                content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
                if content is not None:
                    self._walk(content, cell_ctx)

    def _walk_table(self, tbl, outer) -> None:
        if outer is None:
            info = TableInfo(tbl, len(self.tables) + 1, self._section)
            self.tables.append(info)
        style_el = tbl.find(f"{w('tblPr')}/{w('tblStyle')}")
        style = style_el.get(w("val")) if style_el is not None else None
        for r, tr in enumerate(tbl.findall(w("tr")), 1):
            for c, tc in enumerate(tr.findall(w("tc")), 1):
                if outer is None:
                    ctx = {"table": info, "row": r, "col": c, "cell": tc, "style": style}
                else:  # a nested table keeps the outer cell's position
                    ctx = dict(outer, style=style)
                self._walk(tc, ctx)

    def _add_para(self, p, ctx) -> None:
        para = self.para_from(p, "", self._section, ctx["style"] if ctx else None)
        style_el = p.find(f"{w('pPr')}/{w('pStyle')}")
        label = self.numbering.label(p, style_el.get(w("val")) if style_el is not None else None)
        if label:
            para.label = normalize(label)
            para.text = normalize(label + para.text)
        para.order = len(self.paras)
        if ctx:
            para.table, para.row, para.col, para.cell = ctx["table"].number, ctx["row"], ctx["col"], ctx["cell"]
            para.where = f"bảng {para.table}, dòng {para.row}, cột {para.col}"
            ctx["table"].paras.append(para)
        else:
            self._top += 1
            para.top = self._top
            para.where = f"đoạn {para.top}"
            sect_pr = p.find(f"{w('pPr')}/{w('sectPr')}")
            if sect_pr is not None:   # this paragraph ends a section
                self._sect_prs.append(sect_pr)
                self._section += 1
        self.paras.append(para)
        for box in text_boxes(p):  # what is typed in a text box is read after its anchor
            self._walk(box, ctx)

    def _run_props(self, r, pstyle, tstyle) -> RunProps:
        rpr = r.find(w("rPr"))
        rstyle_el = rpr.find(w("rStyle")) if rpr is not None else None
        rstyle = rstyle_el.get(w("val")) if rstyle_el is not None else None
        props = self.styles.base_run_props(pstyle, rstyle, tstyle)
        props.apply(rpr, self.theme)
        return props

    def para_from(self, p, where: str, section: int = 0, table_style: str | None = None) -> Para:
        """A paragraph with its runs' effective properties (also for headers, footers, footnotes)."""
        ppr = p.find(w("pPr"))
        style_el = ppr.find(w("pStyle")) if ppr is not None else None
        pstyle = style_el.get(w("val")) if style_el is not None else None
        props = self.styles.base_para_props(pstyle, table_style)
        props.apply(ppr)
        runs = [Run(_run_text(r), self._run_props(r, pstyle, table_style)) for r in _own_runs(p)]
        para = Para(p, runs, props, where, section)
        para.text = normalize("".join(r.text for r in runs if not r.props.hidden))
        return para

    # --- sections, headers, footers, footnotes ---
    def _read_sections(self) -> list[SectionInfo]:
        sect_prs = list(self._sect_prs)
        final = self.body.find(w("sectPr"))
        if final is not None:
            sect_prs.append(final)
        sections: list[SectionInfo] = []
        for number, sect_pr in enumerate(sect_prs, 1):
            info = SectionInfo(number, sect_pr)
            previous = sections[-1] if sections else None
            for tag, store in (("headerReference", info.headers), ("footerReference", info.footers)):
                inherited = (previous.headers if tag == "headerReference" else previous.footers) if previous else {}
                store.update(inherited)  # a section without its own header uses the previous one's
                for ref in sect_pr.findall(w(tag)):
                    rid = ref.get(f"{{{R_NS}}}id")
                    part = self.package.part_by_id(rid) if rid else None
                    if part is not None:
                        store[ref.get(w("type")) or "default"] = part
            sections.append(info)
        if not sections:
            sections.append(SectionInfo(1, etree.Element(w("sectPr"))))
        return sections

    def _read_footnotes(self) -> list[Para]:
        root = self._related_root("/footnotes")
        notes: list[Para] = []
        if root is None:
            return notes
        for note in root.findall(w("footnote")):
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            for p in note.iter(w("p")):
                notes.append(self.para_from(p, f"chú thích {note.get(w('id'))}"))
        return notes

    def section_paras(self, index: int) -> list[Para]:
        return [p for p in self.paras if p.section == index]


def text_boxes(p) -> list:
    """The w:txbxContent of the shapes anchored in `p` (DrawingML, or VML when alone), not nested ones."""
    boxes = []
    for box in p.iter(w("txbxContent")):
        if not in_fallback(box, p) and box.getparent() is not None \
                and next(box.iterancestors(w("txbxContent")), None) is None:
            boxes.append(box)
    return boxes


def _own_runs(p) -> list:
    """The runs of `p` itself (also inside hyperlinks, fields, insertions), not deleted text
    nor the paragraphs of text boxes anchored in it."""
    runs = []
    for r in p.iter(w("r")):
        parent = r.getparent()
        keep = True
        while parent is not None and parent is not p:
            if parent.tag in (w("p"), w("del"), w("moveFrom"), f"{{{MC_NS}}}Fallback"):
                keep = False
                break
            parent = parent.getparent()
        if keep:
            runs.append(r)
    return runs


def _run_text(r) -> str:
    out = []
    for child in r:
        tag = child.tag
        if tag == w("t"):
            out.append(child.text or "")
        elif tag == w("tab"):
            out.append("\t")
        elif tag in (w("br"), w("cr")):
            out.append("\n")
        elif tag == w("noBreakHyphen"):
            out.append("-")
    return "".join(out)
