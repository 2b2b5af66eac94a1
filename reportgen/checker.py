"""`reportgen check`: checks any .docx against the format rules of Nghị định 30/2020/NĐ-CP.

The document may come from reportgen or be typed by hand in Word, so every component
(quốc hiệu, `Số:`, the date line, Kính gửi, Nơi nhận, ...) is located by its text, and
every run's font, size, bold and italic are resolved through the style hierarchy
(direct formatting → character style → paragraph style and its basedOn chain → table
style → docDefaults), as Word would show them.

Without a layout engine there are no page numbers: findings say where by paragraph
("đoạn N", counting the body's paragraphs outside tables from 1), by table cell
("bảng N, dòng R, cột C") and, for page rules, by section ("mục S").
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from lxml import etree

__all__ = ["CheckError", "Finding", "check_docx", "format_findings", "summary_line"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
V_NS = "urn:schemas-microsoft-com:vml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

TWIPS_PER_MM = 1440 / 25.4
MAX_PER_RULE = 12          # findings of one rule shown before a summary line
DEFAULT_SIZE = 10.0        # Word's size when nothing sets one
TNR = "times new roman"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


# ============================================================================================
# Public API
# ============================================================================================

class CheckError(ValueError):
    """The file cannot be checked (missing, not a .docx, corrupt)."""


@dataclass(frozen=True)
class Finding:
    rule: str        # short rule id, e.g. "margins", "font", "date-padding"
    where: str       # "đoạn 12", "bảng 1, dòng 2, cột 1", "mục 2 (phụ lục)", ...
    quote: str       # a short quote of the offending text ('' if none)
    message: str     # Vietnamese: what was found and what the decree wants
    severity: str = "error"   # or "warning"


def check_docx(path: str | Path) -> list[Finding]:
    """Every departure from the decree's format found in the .docx at `path`."""
    doc = Doc(_open_docx(Path(path)))
    parts = locate(doc)
    findings: list[Finding] = []
    for rule in RULES:
        findings.extend(rule(doc, parts))
    return _cap_per_rule(findings)


def format_findings(findings: Iterable[Finding], path: str | Path) -> str:
    """One line per finding: `<path>: <where>: [<rule>] <message> — “<quote>”`."""
    lines = []
    for f in findings:
        line = f"{path}: {f.where}: [{f.rule}] {f.message}"
        if f.quote:
            line += f" — “{f.quote}”"
        lines.append(line)
    return "\n".join(lines)


def summary_line(findings: Iterable[Finding]) -> str:
    findings = list(findings)
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    if not findings:
        return "Không phát hiện sai lệch nào so với Nghị định 30/2020/NĐ-CP."
    return f"{errors} lỗi, {warnings} cảnh báo."


def _open_docx(path: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not path.exists():
        raise CheckError(f"{path}: không tìm thấy tệp.")
    if not path.is_file():
        raise CheckError(f"{path}: không phải là tệp.")
    try:
        return docx.Document(str(path))
    except PackageNotFoundError:
        raise CheckError(f"{path}: không phải tệp .docx (không mở được gói Office Open XML; "
                         "tệp .doc cũ cần lưu lại thành .docx).") from None
    except etree.XMLSyntaxError as exc:
        raise CheckError(f"{path}: tệp .docx bị hỏng (XML không hợp lệ: {exc}).") from None
    except Exception as exc:  # zipfile, KeyError, python-docx's ValueError on a wrong content type
        raise CheckError(f"{path}: không đọc được tệp .docx ({type(exc).__name__}: {exc}).") from None


def _cap_per_rule(findings: list[Finding]) -> list[Finding]:
    """A document typed in the wrong font would list every paragraph: keep the first few of each rule."""
    kept: list[Finding] = []
    dropped: Counter = Counter()
    severity: dict[str, str] = {}
    seen: Counter = Counter()
    for f in findings:
        seen[f.rule] += 1
        if seen[f.rule] <= MAX_PER_RULE:
            kept.append(f)
        else:
            dropped[f.rule] += 1
            if f.severity == "error" or f.rule not in severity:
                severity[f.rule] = f.severity
    for rule, count in dropped.items():
        kept.append(Finding(rule, "nhiều chỗ", "", f"còn {count} chỗ khác vi phạm cùng quy tắc này",
                            severity[rule]))
    return kept


# ============================================================================================
# Text helpers
# ============================================================================================

_SPACES = re.compile(r"[ \u00a0\u2000-\u200b\u202f\u3000]+")
_TABS = re.compile(r"[ \u00a0\u2000-\u200b\u202f\u3000]*\t[\t \u00a0\u2000-\u200b\u202f\u3000]*")


def normalize(text: str) -> str:
    """NFC, every kind of space as one space, tabs as one tab (they separate columns typed
    without a table), each line stripped."""
    text = unicodedata.normalize("NFC", text)
    lines = [_SPACES.sub(" ", _TABS.sub("\t", line)).strip(" \t") for line in text.split("\n")]
    return "\n".join(lines).strip()


def segment(text: str, pattern: re.Pattern) -> re.Match | None:
    """The first tab-separated part of a line that matches `pattern` from its start."""
    for part in text.split("\t"):
        match = pattern.match(part.strip())
        if match:
            return match
    return None


def fold(text: str) -> str:
    """For matching: normalized, case-folded, `hoà` spelled `hòa` (the decree prints both)."""
    return normalize(text).casefold().replace("hoà", "hòa")


def shorten(text: str, limit: int = 70) -> str:
    text = text.replace("\n", " / ").replace("\t", " ")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c == c.upper() for c in letters)


def pt(value: float) -> str:
    """12 → "12", 12.5 → "12,5" (Vietnamese decimal comma)."""
    return f"{value:g}".replace(".", ",")


def mm(twips: float) -> str:
    return f"{twips / TWIPS_PER_MM:.1f}".replace(".", ",")


def _on(el) -> bool:
    """A toggle property (w:b, w:i, w:caps): present means on unless its value says off."""
    if el is None:
        return False
    val = el.get(_w("val"))
    return val is None or val.lower() not in ("0", "false", "off", "none")


def _int(value, default=None):
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return default


# ============================================================================================
# Theme and styles
# ============================================================================================

_THEME_COLOR_SLOT = {"text1": "dk1", "dark1": "dk1", "background1": "lt1", "light1": "lt1",
                     "text2": "dk2", "dark2": "dk2", "background2": "lt2", "light2": "lt2",
                     "hyperlink": "hlink", "followedHyperlink": "folHlink"}


class Theme:
    def __init__(self, root):
        self.fonts: dict[str, str] = {}
        self.colors: dict[str, str] = {}
        if root is None:
            return
        for kind in ("major", "minor"):
            latin = root.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
            if latin is not None and latin.get("typeface"):
                self.fonts[kind] = latin.get("typeface")
        scheme = root.find(f".//{{{A_NS}}}clrScheme")
        if scheme is not None:
            for slot in scheme:
                name = etree.QName(slot).localname
                for value in slot:
                    colour = value.get("lastClr") or value.get("val")
                    if colour:
                        self.colors[name] = colour.upper()

    def font(self, theme_name: str) -> str | None:
        return self.fonts.get("major" if theme_name.startswith("major") else "minor")

    def color(self, theme_name: str) -> str | None:
        slot = _THEME_COLOR_SLOT.get(theme_name, theme_name)
        return self.colors.get(slot)


@dataclass
class RunProps:
    ascii: str | None = None
    hansi: str | None = None
    size: float | None = None
    bold: bool = False
    italic: bool = False
    caps: bool = False
    underline: bool = False
    hidden: bool = False
    color: str | None = None      # "000000", "AUTO", a hex colour or "tinted <hex>"

    def apply(self, rpr, theme: Theme) -> None:
        if rpr is None:
            return
        fonts = rpr.find(_w("rFonts"))
        if fonts is not None:
            for slot, attr in (("ascii", "ascii"), ("hansi", "hAnsi")):
                themed = fonts.get(_w(attr + "Theme"))
                if themed:
                    setattr(self, slot, theme.font(themed) or getattr(self, slot))
                elif fonts.get(_w(attr)):
                    setattr(self, slot, fonts.get(_w(attr)))
        size = rpr.find(_w("sz"))
        if size is not None and _int(size.get(_w("val"))) is not None:
            self.size = _int(size.get(_w("val"))) / 2
        for name, attr in (("b", "bold"), ("i", "italic"), ("caps", "caps"), ("vanish", "hidden")):
            el = rpr.find(_w(name))
            if el is not None:
                setattr(self, attr, _on(el))
        under = rpr.find(_w("u"))
        if under is not None:
            self.underline = (under.get(_w("val")) or "single") != "none"
        self._apply_color(rpr.find(_w("color")), theme)

    def _apply_color(self, el, theme: Theme) -> None:
        if el is None:
            return
        value = (el.get(_w("val")) or "auto").upper()
        themed = el.get(_w("themeColor"))
        if themed:
            value = theme.color(themed) or value
            tint = el.get(_w("themeTint"))
            if tint and tint.upper() != "FF":
                value = f"tinted {value}"
        self.color = value

    @property
    def black(self) -> bool:
        return self.color in (None, "AUTO", "000000", "WINDOWTEXT")


@dataclass
class ParaProps:
    align: str | None = None
    line: int | None = None
    line_rule: str | None = None
    before: int = 0
    after: int = 0
    border: bool = False

    def apply(self, ppr) -> None:
        if ppr is None:
            return
        jc = ppr.find(_w("jc"))
        if jc is not None:
            self.align = jc.get(_w("val"))
        spacing = ppr.find(_w("spacing"))
        if spacing is not None:
            if spacing.get(_w("line")) is not None:
                self.line = _int(spacing.get(_w("line")))
                self.line_rule = spacing.get(_w("lineRule")) or "auto"
            if spacing.get(_w("before")) is not None:
                self.before = _int(spacing.get(_w("before")), 0)
            if spacing.get(_w("after")) is not None:
                self.after = _int(spacing.get(_w("after")), 0)
        borders = ppr.find(_w("pBdr"))
        if borders is not None:
            self.border = any((b.get(_w("val")) or "none") not in ("nil", "none") for b in borders)


class StyleSheet:
    def __init__(self, root, theme: Theme):
        self.theme = theme
        self.styles: dict[str, object] = {}
        self.defaults: dict[str, str] = {}
        self.default_rpr = self.default_ppr = None
        self._run_cache: dict[tuple, RunProps] = {}
        self._para_cache: dict[tuple, ParaProps] = {}
        if root is None:
            return
        for style in root.findall(_w("style")):
            sid = style.get(_w("styleId"))
            self.styles[sid] = style
            if _on_attr(style.get(_w("default"))):
                self.defaults.setdefault(style.get(_w("type")), sid)
        defaults = root.find(_w("docDefaults"))
        if defaults is not None:
            self.default_rpr = defaults.find(f"{_w('rPrDefault')}/{_w('rPr')}")
            self.default_ppr = defaults.find(f"{_w('pPrDefault')}/{_w('pPr')}")

    def chain(self, style_id: str | None, kind: str) -> list:
        """The style and its basedOn ancestors, the most basic first."""
        sid = style_id if style_id in self.styles else self.defaults.get(kind)
        found, seen = [], set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            style = self.styles[sid]
            found.append(style)
            based = style.find(_w("basedOn"))
            sid = based.get(_w("val")) if based is not None else None
        return found[::-1]

    def base_run_props(self, para_style, run_style, table_style) -> RunProps:
        key = (para_style, run_style, table_style)
        if key not in self._run_cache:
            props = RunProps()
            props.apply(self.default_rpr, self.theme)
            levels = (self.chain(table_style, "table") + self.chain(para_style, "paragraph")
                      + self.chain(run_style, "character"))
            for style in levels:
                props.apply(style.find(_w("rPr")), self.theme)
            self._run_cache[key] = props
        return copy.copy(self._run_cache[key])

    def base_para_props(self, para_style, table_style) -> ParaProps:
        key = (para_style, table_style)
        if key not in self._para_cache:
            props = ParaProps()
            props.apply(self.default_ppr)
            for style in self.chain(table_style, "table") + self.chain(para_style, "paragraph"):
                props.apply(style.find(_w("pPr")))
            self._para_cache[key] = props
        return copy.copy(self._para_cache[key])


def _on_attr(value) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


# ============================================================================================
# The document as the rules see it
# ============================================================================================

@dataclass
class Run:
    text: str
    props: RunProps


@dataclass
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


@dataclass
class TableInfo:
    element: object
    number: int
    section: int
    paras: list[Para] = field(default_factory=list)

    @property
    def rows(self) -> list:
        return self.element.findall(_w("tr"))


@dataclass
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
        el = self.sect_pr.find(_w(tag))
        return None if el is None else el.get(_w(name))

    @property
    def title_page(self) -> bool:
        return _on(self.sect_pr.find(_w("titlePg")))


class Doc:
    def __init__(self, document):
        self.document = document
        self.part = document.part
        self.theme = Theme(self._related_root("/theme"))
        self.styles = StyleSheet(document.styles.element, self.theme)
        self.paras: list[Para] = []
        self.tables: list[TableInfo] = []
        self._section = 0
        self._top = 0
        self._sect_prs: list = []
        self._walk(document.element.body, None)
        self.sections = self._read_sections()
        self.notes = self._read_footnotes()

    # --- parts ---
    def _related_root(self, reltype_suffix: str):
        for rel in self.part.rels.values():
            if rel.reltype.endswith(reltype_suffix) and not rel.is_external:
                return _part_root(rel.target_part)
        return None

    # --- body ---
    def _walk(self, parent, cell_ctx) -> None:
        for child in parent:
            if child.tag == _w("p"):
                self._add_para(child, cell_ctx)
            elif child.tag == _w("tbl"):
                self._walk_table(child, cell_ctx)
            elif child.tag in (_w("sdt"), _w("customXml")):
                content = child.find(_w("sdtContent")) if child.tag == _w("sdt") else child
                if content is not None:
                    self._walk(content, cell_ctx)

    def _walk_table(self, tbl, outer) -> None:
        if outer is None:
            info = TableInfo(tbl, len(self.tables) + 1, self._section)
            self.tables.append(info)
        style_el = tbl.find(f"{_w('tblPr')}/{_w('tblStyle')}")
        style = style_el.get(_w("val")) if style_el is not None else None
        for r, tr in enumerate(tbl.findall(_w("tr")), 1):
            for c, tc in enumerate(tr.findall(_w("tc")), 1):
                if outer is None:
                    ctx = {"table": info, "row": r, "col": c, "cell": tc, "style": style}
                else:  # a nested table keeps the outer cell's position
                    ctx = dict(outer, style=style)
                self._walk(tc, ctx)

    def _add_para(self, p, ctx) -> None:
        para = self.para_from(p, "", self._section, ctx["style"] if ctx else None)
        para.order = len(self.paras)
        if ctx:
            para.table, para.row, para.col, para.cell = ctx["table"].number, ctx["row"], ctx["col"], ctx["cell"]
            para.where = f"bảng {para.table}, dòng {para.row}, cột {para.col}"
            ctx["table"].paras.append(para)
        else:
            self._top += 1
            para.top = self._top
            para.where = f"đoạn {para.top}"
            sect_pr = p.find(f"{_w('pPr')}/{_w('sectPr')}")
            if sect_pr is not None:   # this paragraph ends a section
                self._sect_prs.append(sect_pr)
                self._section += 1
        self.paras.append(para)

    def _run_props(self, r, pstyle, tstyle) -> RunProps:
        rpr = r.find(_w("rPr"))
        rstyle_el = rpr.find(_w("rStyle")) if rpr is not None else None
        rstyle = rstyle_el.get(_w("val")) if rstyle_el is not None else None
        props = self.styles.base_run_props(pstyle, rstyle, tstyle)
        props.apply(rpr, self.theme)
        return props

    def para_from(self, p, where: str, section: int = 0, table_style: str | None = None) -> Para:
        """A paragraph with its runs' effective properties (also for headers, footers, footnotes)."""
        ppr = p.find(_w("pPr"))
        style_el = ppr.find(_w("pStyle")) if ppr is not None else None
        pstyle = style_el.get(_w("val")) if style_el is not None else None
        props = self.styles.base_para_props(pstyle, table_style)
        props.apply(ppr)
        runs = [Run(_run_text(r), self._run_props(r, pstyle, table_style)) for r in _own_runs(p)]
        para = Para(p, runs, props, where, section)
        para.text = normalize("".join(r.text for r in runs if not r.props.hidden))
        return para

    # --- sections, headers, footers, footnotes ---
    def _read_sections(self) -> list[SectionInfo]:
        sect_prs = list(self._sect_prs)
        final = self.document.element.body.find(_w("sectPr"))
        if final is not None:
            sect_prs.append(final)
        sections: list[SectionInfo] = []
        for number, sect_pr in enumerate(sect_prs, 1):
            info = SectionInfo(number, sect_pr)
            previous = sections[-1] if sections else None
            for tag, store in (("headerReference", info.headers), ("footerReference", info.footers)):
                inherited = (previous.headers if tag == "headerReference" else previous.footers) if previous else {}
                store.update(inherited)  # a section without its own header uses the previous one's
                for ref in sect_pr.findall(_w(tag)):
                    rid = ref.get(f"{{{R_NS}}}id")
                    part = self.part.related_parts.get(rid) if rid else None
                    if part is not None:
                        store[ref.get(_w("type")) or "default"] = (str(part.partname), _part_root(part))
            sections.append(info)
        if not sections:
            sections.append(SectionInfo(1, etree.Element(_w("sectPr"))))
        return sections

    def _read_footnotes(self) -> list[Para]:
        root = self._related_root("/footnotes")
        notes: list[Para] = []
        if root is None:
            return notes
        for note in root.findall(_w("footnote")):
            if note.get(_w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            for p in note.iter(_w("p")):
                notes.append(self.para_from(p, f"chú thích {note.get(_w('id'))}"))
        return notes

    def section_paras(self, index: int) -> list[Para]:
        return [p for p in self.paras if p.section == index]


def _part_root(part):
    element = getattr(part, "element", None)
    if element is not None:
        return element
    return etree.fromstring(part.blob)


def _own_runs(p) -> list:
    """The runs of `p` itself (also inside hyperlinks, fields, insertions), not deleted text
    nor the paragraphs of text boxes anchored in it."""
    runs = []
    for r in p.iter(_w("r")):
        parent = r.getparent()
        keep = True
        while parent is not None and parent is not p:
            if parent.tag in (_w("p"), _w("del"), _w("moveFrom"), f"{{{MC_NS}}}Fallback"):
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
        if tag == _w("t"):
            out.append(child.text or "")
        elif tag == _w("tab"):
            out.append("\t")
        elif tag in (_w("br"), _w("cr")):
            out.append("\n")
        elif tag == _w("noBreakHyphen"):
            out.append("-")
    return "".join(out)


# ============================================================================================
# Locating the components by their text
# ============================================================================================

QUOC_HIEU = "cộng hòa xã hội chủ nghĩa việt nam"
QUOC_HIEU_TEXT = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU_TEXT = "Độc lập - Tự do - Hạnh phúc"
TIEU_NGU_RE = re.compile(r"độc\s*lập\s*\S?\s*tự\s*do\s*\S?\s*hạnh\s*phúc")
NUMBER_RE = re.compile(r"^Số\b\s*(?P<colon>[:.]?)\s*(?P<num>[^\s/]*)\s*(?P<rest>/.*)?$", re.S)
DATE_RE = re.compile(r"^(?P<place>[^,\n]*?)\s*(?P<comma>,?)\s*ngày\s*(?P<day>[^\s]*?)\s*tháng\s*"
                     r"(?P<month>[^\s]*?)\s*năm\s*(?P<year>\d{4})", re.I)
RUNNING_DATE_RE = re.compile(r"ngày\s+(?P<day>\d{1,3})\s+tháng\s+(?P<month>\d{1,3})\s+năm\s+\d{4}", re.I)
AUTHORITY_RE = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s*\S")
ROMAN_RE = re.compile(r"^(?P<num>[IVXLC]+)\.\s+(?P<title>\S.*)$", re.S)
ARABIC_RE = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.(?:\s+|$)")
POINT_RE = re.compile(r"^(?P<letter>[a-zđư])\)\s")
APPENDIX_RE = re.compile(r"^phụ\s+lục(?:\s+(?:số\s+)?(?:\d+|[ivxlc]+))?\s*(?:$|[:.\-–]\s*\S)", re.I)
KEM_THEO_RE = re.compile(r"^\(?\s*kèm\s+theo\b", re.I)
TYPED_RULE_RE = re.compile(r"^[\s_\-–—‐=]{3,}$")

DOCUMENT_TYPES = {
    "BÁO CÁO": "BC", "QUYẾT ĐỊNH": "QĐ", "TỜ TRÌNH": "TTr", "KẾ HOẠCH": "KH", "THÔNG BÁO": "TB",
    "CHỈ THỊ": "CT", "HƯỚNG DẪN": "HD", "CHƯƠNG TRÌNH": "CTr", "PHƯƠNG ÁN": "PA", "ĐỀ ÁN": "ĐA",
    "DỰ ÁN": "DA", "BIÊN BẢN": "BB", "QUY CHẾ": "QC", "QUY ĐỊNH": "QyĐ", "THÔNG CÁO": "TC",
    "NGHỊ QUYẾT": "NQ", "CÔNG ĐIỆN": "CĐ", "GIẤY MỜI": "GM", "GIẤY GIỚI THIỆU": "GGT",
    "HỢP ĐỒNG": "HĐ", "GIẤY ỦY QUYỀN": "GUQ",
}
NORMATIVE_TYPES = {"LUẬT", "PHÁP LỆNH", "NGHỊ ĐỊNH", "THÔNG TƯ", "THÔNG TƯ LIÊN TỊCH"}


@dataclass
class Parts:
    header_table: TableInfo | None = None
    quoc_hieu: Para | None = None
    tieu_ngu: Para | None = None
    agency: list[Para] = field(default_factory=list)
    number: Para | None = None
    vv: Para | None = None
    date: Para | None = None
    title: Para | None = None
    subject: list[Para] = field(default_factory=list)
    kinh_gui: Para | None = None
    addressees: list[Para] = field(default_factory=list)   # dash lines under a bare "Kính gửi:"
    header_zone: list[Para] = field(default_factory=list)
    front: list[Para] = field(default_factory=list)     # header zone + title, subject, Kính gửi
    body: list[Para] = field(default_factory=list)      # main text, outside tables
    noi_nhan: Para | None = None
    recipients: list[tuple[Para, str, list[Run]]] = field(default_factory=list)
    signature: list[Para] = field(default_factory=list)
    appendices: list[Para] = field(default_factory=list)
    normative: bool = False

    @property
    def cong_van(self) -> bool:
        return self.vv is not None and self.title is None

    @property
    def body_size(self) -> float | None:
        return dominant_size(r for p in self.body for r in p.text_runs)


def dominant_size(runs: Iterable[Run]) -> float | None:
    weights: Counter = Counter()
    for run in runs:
        weights[run.props.size or DEFAULT_SIZE] += len(run.text.strip())
    return weights.most_common(1)[0][0] if weights else None


def locate(doc: Doc) -> Parts:
    parts = Parts()
    main = doc.section_paras(0)
    _locate_header(parts, doc, main)
    _locate_front(parts, main)
    sig_start = _locate_signature(parts, doc, main)
    front_end = max((p.order for p in parts.front), default=-1)
    parts.body = [p for p in main if p.top is not None and front_end < p.order < sig_start]
    parts.appendices = [p for p in doc.paras if p.top is not None and len(p.text) < 200
                        and APPENDIX_RE.match(p.text)]
    for p in parts.appendices:
        if p.section < len(doc.sections):
            doc.sections[p.section].appendix = True
    parts.normative = (
        (parts.title is not None and normalize(parts.title.text) in NORMATIVE_TYPES)
        or any(fold(p.text).startswith("căn cứ") and "ban hành văn bản quy phạm pháp luật" in fold(p.text)
               for p in parts.front + parts.body))
    return parts


def _locate_header(parts: Parts, doc: Doc, main: list[Para]) -> None:
    parts.quoc_hieu = next((p for p in main[:60] if QUOC_HIEU in fold(p.text)), None)
    qh = parts.quoc_hieu
    if qh is not None and qh.table is not None:
        parts.header_table = doc.tables[qh.table - 1]
        zone = list(parts.header_table.paras)
    else:
        tops = [p for p in main if p.top is not None and not p.empty][:12]
        dated = next((i for i, p in enumerate(tops) if segment(p.text, DATE_RE)), None)
        zone = tops[: dated + 1] if dated is not None else tops[:8]
    parts.header_zone = zone
    parts.tieu_ngu = next((p for p in zone if TIEU_NGU_RE.search(fold(p.text))), None)
    parts.number = next((p for p in zone if segment(p.text, NUMBER_RE)), None)
    parts.vv = next((p for p in zone if fold(p.text).startswith("v/v")), None)
    parts.date = next((p for p in zone if segment(p.text, DATE_RE)), None)
    parts.agency = _agency_lines(parts, zone)
    parts.front = list(zone)


def _agency_lines(parts: Parts, zone: list[Para]) -> list[Para]:
    qh = parts.quoc_hieu
    if qh is None:
        return []
    stop = {id(parts.number), id(parts.vv), id(parts.date)}
    if qh.table is not None:
        lines = []
        for p in zone:
            if p.row == qh.row and p.col is not None and p.col < qh.col:
                if id(p) in stop:
                    break
                if not p.empty:
                    lines.append(p)
        return lines
    return [p for p in zone if p.order < qh.order and not p.empty and id(p) not in stop]


def _looks_like_title(p: Para) -> bool:
    text = p.text
    return (is_upper(text) and len(text.split()) <= 8 and not fold(text).startswith("kính gửi")
            and not ROMAN_RE.match(text) and QUOC_HIEU not in fold(text) and not re.search(r"\d", text))


def _locate_front(parts: Parts, main: list[Para]) -> None:
    zone_end = max((p.order for p in parts.header_zone), default=-1)
    after = [p for p in main if p.top is not None and p.order > zone_end]
    nonempty = [p for p in after if not p.empty]
    i = 0
    if nonempty and _looks_like_title(nonempty[0]):
        parts.title = nonempty[0]
        parts.front.append(parts.title)
        i = 1
        for p in after[after.index(parts.title) + 1:]:
            if p.empty or p.props.border or fold(p.text).startswith("kính gửi") or p.props.align != "center":
                break
            parts.subject.append(p)
        parts.front.extend(parts.subject)
        i += len(parts.subject)
    for p in nonempty[i:i + 3]:
        if fold(p.text).startswith("kính gửi"):
            parts.kinh_gui = p
            parts.front.append(p)
            if re.fullmatch(r"kính gửi\s*:?", fold(p.text)):  # addressees follow as dash lines
                for q in after[after.index(p) + 1:]:
                    if q.empty or not q.text.startswith(("-", "–", "+")) or len(q.text) > 200:
                        break
                    parts.addressees.append(q)
                parts.front.extend(parts.addressees)
            break


def _locate_signature(parts: Parts, doc: Doc, main: list[Para]) -> int:
    """Find Nơi nhận and the signature block; return the order where they start."""
    end = (main[-1].order + 1) if main else 0
    front_end = max((p.order for p in parts.front), default=-1)
    candidates = [p for p in main if p.order > front_end]
    noi_nhan = next((p for p in reversed(candidates) if fold(p.text).startswith("nơi nhận")), None)
    authority = next((p for p in candidates if AUTHORITY_RE.match(p.text)), None)
    parts.noi_nhan = noi_nhan
    starts = [end]
    for anchor in (noi_nhan, authority):
        if anchor is not None:
            starts.append(min(p.order for p in main if p.table == anchor.table) if anchor.table else anchor.order)
    signature: list[Para] = []
    if noi_nhan is not None and noi_nhan.table is not None:
        signature = [p for p in main if p.table == noi_nhan.table and p.cell is not noi_nhan.cell]
    if not any(not p.empty for p in signature) and authority is not None:
        if authority.table is not None:
            signature = [p for p in main if p.cell is authority.cell and p.order >= authority.order]
        else:
            stop = noi_nhan.order if noi_nhan is not None and noi_nhan.order > authority.order else end
            signature = [p for p in main if p.top is not None and authority.order <= p.order < stop]
    if not any(not p.empty for p in signature) and noi_nhan is None:
        signature = _trailing_signature(main, front_end)
        if signature:
            starts.append(signature[0].order)
    parts.signature = signature
    parts.recipients = _recipient_lines(noi_nhan, main, authority) if noi_nhan else []
    return min(starts)


def _trailing_signature(main: list[Para], front_end: int) -> list[Para]:
    """No Nơi nhận and no TM./KT. line: the short lines at the end, caps titles then a name."""
    tail: list[Para] = []
    for p in reversed([p for p in main if p.top is not None and p.order > front_end]):
        if not p.empty and (len(p.text) > 60 or p.text.endswith(("./.", ".", ";", ":"))):
            break
        tail.insert(0, p)
    lines = [p for p in tail if not p.empty]
    if len(lines) < 2 or not all(is_upper(p.text) for p in lines[:-1]):
        return []
    return tail[tail.index(lines[0]):]


def _recipient_lines(noi_nhan: Para, main: list[Para], authority: Para | None):
    lines = [(noi_nhan, text, runs) for text, runs in noi_nhan.lines()[1:]]
    if noi_nhan.table is not None:
        following = [p for p in main if p.cell is noi_nhan.cell and p.order > noi_nhan.order]
    else:
        following = []
        for p in main:
            if p.order <= noi_nhan.order or p.top is None:
                continue
            if p.empty or p is authority or p.table is not None:
                break
            following.append(p)
    for p in following:
        lines.extend((p, text, runs) for text, runs in p.lines())
    # A signature typed beside the list with tabs is not part of the entry.
    return [(p, text.split("\t")[0].strip(), runs) for p, text, runs in lines if text.split("\t")[0].strip()]


# ============================================================================================
# Rules
# ============================================================================================

def _finding(rule: str, para: Para | None, message: str, severity: str = "error",
             quote: str | None = None) -> Finding:
    """A finding at `para`, quoting it unless `quote` is given."""
    return Finding(rule, para.where if para else "văn bản",
                   quote if quote is not None else (para.quote if para else ""), message, severity)


def _size_finding(runs: list[Run], lo: float, hi: float, label: str, para: Para,
                  quote: str | None = None) -> list[Finding]:
    sizes = sorted({r.props.size or DEFAULT_SIZE for r in runs if r.text.strip() and not r.props.hidden})
    bad = [s for s in sizes if not lo - 0.01 <= s <= hi + 0.01]
    if not bad:
        return []
    wanted = pt(lo) if lo == hi else f"{pt(lo)}–{pt(hi)}"
    return [_finding("size", para, f"{label} cỡ chữ {', '.join(pt(s) for s in bad)}; "
                                   f"Nghị định 30 quy định cỡ {wanted}", quote=quote)]


def _bold(runs: list[Run]) -> bool:
    runs = [r for r in runs if r.text.strip()]
    return bool(runs) and all(r.props.bold for r in runs)


def _italic(runs: list[Run]) -> bool:
    runs = [r for r in runs if r.text.strip()]
    return bool(runs) and all(r.props.italic for r in runs)


def _caps(para: Para, runs: list[Run] | None = None) -> bool:
    runs = [r for r in (runs if runs is not None else para.text_runs) if r.text.strip()]
    return bool(runs) and all(r.props.caps or is_upper(r.text) or not any(c.isalpha() for c in r.text)
                              for r in runs)


# --- page ---------------------------------------------------------------------------------

MARGINS = (("top", "trên", 20, 25), ("bottom", "dưới", 20, 25), ("left", "trái", 30, 35), ("right", "phải", 15, 20))
A4 = (11906, 16838)
PAGE_TOLERANCE = 57         # twips, 1 mm
MARGIN_TOLERANCE = 6        # twips, 0.1 mm: 15 mm is stored as 850 twips (14.99 mm)


def check_page(doc: Doc, parts: Parts) -> list[Finding]:
    findings = []
    for section in doc.sections:
        findings += _page_size(section)
        findings += _margins(section)
    return findings


def _page_size(section: SectionInfo) -> list[Finding]:
    width, height = _int(section.attr("pgSz", "w")), _int(section.attr("pgSz", "h"))
    if width is None or height is None:
        return [Finding("page-size", section.label, "", "không khai báo khổ giấy; Nghị định 30 yêu cầu A4 "
                                                      "(210 × 297 mm)", "warning")]
    findings = []
    short, long_ = sorted((width, height))
    if abs(short - A4[0]) > PAGE_TOLERANCE or abs(long_ - A4[1]) > PAGE_TOLERANCE:
        findings.append(Finding("page-size", section.label, "",
                                f"khổ giấy {mm(width)} × {mm(height)} mm; Nghị định 30 yêu cầu A4 (210 × 297 mm)"))
    if section.number == 1 and width > height:
        findings.append(Finding("orientation", section.label, "",
                                "trang đầu văn bản khổ ngang; Nghị định 30 yêu cầu khổ dọc (chỉ phụ lục "
                                "có bảng rộng mới được in ngang)"))
    return findings


def _margins(section: SectionInfo) -> list[Finding]:
    findings = []
    for attr, label, lo, hi in MARGINS:
        value = _int(section.attr("pgMar", attr))
        if value is None:
            continue
        value = abs(value)
        if attr == "left":
            value += _int(section.attr("pgMar", "gutter"), 0)
        if not lo * TWIPS_PER_MM - MARGIN_TOLERANCE <= value <= hi * TWIPS_PER_MM + MARGIN_TOLERANCE:
            findings.append(Finding("margins", section.label, "",
                                    f"lề {label} {mm(value)} mm; Nghị định 30 quy định lề {label} {lo}–{hi} mm"))
    return findings


# --- font and colour ----------------------------------------------------------------------

def _all_paras(doc: Doc) -> list[Para]:
    """Body, tables, headers, footers (each part once) and footnotes."""
    paras = list(doc.paras)
    seen = set()
    for section in doc.sections:
        for kind, store in (("đầu trang", section.headers), ("chân trang", section.footers)):
            for variant, (key, root) in store.items():
                if key in seen:
                    continue
                seen.add(key)
                suffix = " (trang đầu)" if variant == "first" else " (trang chẵn)" if variant == "even" else ""
                where = f"{kind}{suffix} {section.label}"
                paras.extend(doc.para_from(p, where, section.number - 1) for p in root.iter(_w("p")))
    return paras + doc.notes


def _fonts_shown(run: Run) -> list[str | None]:
    """Word draws ASCII characters in the ascii font and the others (Vietnamese letters,
    typographic quotes) in the hAnsi font: only the slots the run's text uses matter."""
    text = [c for c in run.text if not c.isspace()]
    slots = []
    if any(ord(c) < 128 for c in text):
        slots.append(run.props.ascii)
    if any(ord(c) >= 128 for c in text):
        slots.append(run.props.hansi)
    return slots


def check_fonts(doc: Doc, parts: Parts) -> list[Finding]:
    findings = []
    for para in _all_paras(doc):
        fonts, colours, quote = [], [], ""
        for run in para.text_runs:
            for name in _fonts_shown(run):
                if name and name.strip().casefold() != TNR and name not in fonts:
                    fonts.append(name)
                    quote = quote or run.text
            if not run.props.black and run.props.color not in colours:
                colours.append(run.props.color)
        if fonts:
            findings.append(_finding("font", para, f"phông chữ {', '.join(fonts)}; Nghị định 30 yêu cầu "
                                                   "phông Times New Roman (Unicode)", quote=shorten(quote.strip())))
        if colours:
            shown = ", ".join(c if c.startswith("tinted") else f"#{c}" for c in colours)
            findings.append(_finding("color", para, f"chữ màu {shown.replace('tinted ', 'nhạt của #')}; "
                                                    "Nghị định 30 yêu cầu chữ màu đen"))
    return findings


# --- sizes --------------------------------------------------------------------------------

# component (attribute of Parts: one paragraph or a list), allowed sizes, its name in findings
SIZE_RULES = (
    ("quoc_hieu", 12, 13, "quốc hiệu"),
    ("tieu_ngu", 13, 14, "tiêu ngữ"),
    ("agency", 12, 13, "tên cơ quan"),
    ("number", 13, 13, "dòng “Số:”"),
    ("vv", 12, 13, "trích yếu “V/v”"),
    ("date", 13, 14, "dòng địa danh, ngày tháng"),
    ("title", 13, 14, "tên loại văn bản"),
    ("subject", 13, 14, "trích yếu"),
    ("kinh_gui", 13, 14, "dòng “Kính gửi”"),
    ("body", 13, 14, "thân văn bản"),
    ("signature", 13, 14, "khối chữ ký"),
)


def check_sizes(doc: Doc, parts: Parts) -> list[Finding]:
    f = []
    for attribute, low, high, name in SIZE_RULES:
        found = getattr(parts, attribute)
        for p in found if isinstance(found, list) else [found] if found else []:
            f += _size_finding(p.text_runs, low, high, name, p)
    return f + _heading_sizes(parts) + _size_pair(parts)


def _numbered(p: Para) -> bool:
    return bool(ROMAN_RE.match(p.text) or ARABIC_RE.match(p.text) or POINT_RE.match(p.text))


def _heading_sizes(parts: Parts) -> list[Finding]:
    body = parts.body_size
    if body is None:
        return []
    findings = []
    for p in parts.body:
        if not _numbered(p) or not p.text_runs:
            continue
        biggest = max(r.props.size or DEFAULT_SIZE for r in p.text_runs)
        if biggest > body + 0.01:
            findings.append(_finding("heading-size", p, f"đề mục cỡ chữ {pt(biggest)}, lớn hơn thân văn bản "
                                                        f"(cỡ {pt(body)}); đề mục phải cùng cỡ với thân văn bản"))
    return findings


def _size_pair(parts: Parts) -> list[Finding]:
    """Quốc hiệu 13 goes with body 14 (and tiêu ngữ, date 14); quốc hiệu 12 with 13."""
    if parts.quoc_hieu is None:
        return []
    qh = dominant_size(parts.quoc_hieu.text_runs)
    if qh not in (12, 13):
        return []
    want = qh + 1
    pair = f"quốc hiệu cỡ {pt(qh)} đi với thân văn bản, tiêu ngữ và dòng ngày tháng cỡ {pt(want)}"
    findings = []
    body = parts.body_size
    if body in (13, 14) and body != want:
        findings.append(Finding("size-pair", "thân văn bản", "", f"thân văn bản cỡ {pt(body)} trộn lẫn hai bộ "
                                                                 f"cỡ chữ: {pair}"))
    for label, para in (("tiêu ngữ", parts.tieu_ngu), ("dòng ngày tháng", parts.date)):
        size = dominant_size(para.text_runs) if para is not None else None
        if size in (13, 14) and size != want:
            findings.append(_finding("size-pair", para, f"{label} cỡ {pt(size)} trộn lẫn hai bộ cỡ chữ: {pair}"))
    return findings


# --- header block -------------------------------------------------------------------------

def check_header(doc: Doc, parts: Parts) -> list[Finding]:
    qh = parts.quoc_hieu
    if qh is None:
        return [Finding("quoc-hieu", "trang đầu", "", f"không thấy quốc hiệu “{QUOC_HIEU_TEXT}” ở đầu văn bản")]
    findings = _quoc_hieu(qh) + _tieu_ngu(parts) + _header_table(doc, parts) + _agency(parts)
    findings += _typed_rules(doc, parts) + _rule_lines(doc, parts)
    return findings


def _quoc_hieu(qh: Para) -> list[Finding]:
    findings = []
    text = normalize(qh.text).upper().replace("HOÀ", "HÒA")
    if QUOC_HIEU_TEXT not in text or not _caps(qh):
        findings.append(_finding("quoc-hieu", qh, f"quốc hiệu phải viết in hoa: “{QUOC_HIEU_TEXT}”"))
    if not _bold(qh.text_runs):
        findings.append(_finding("quoc-hieu", qh, "quốc hiệu không in đậm; Nghị định 30 yêu cầu chữ in hoa, đậm"))
    return findings


def _tieu_ngu(parts: Parts) -> list[Finding]:
    tn = parts.tieu_ngu
    if tn is None:
        return [_finding("tieu-ngu", parts.quoc_hieu, f"không thấy tiêu ngữ “{TIEU_NGU_TEXT}” dưới quốc hiệu",
                         quote="")]
    findings = []
    text = tn.text
    match = TIEU_NGU_RE.search(fold(text))
    found = normalize(text)[match.start():match.end()] if match else text
    if re.search(r"[–—‒―−]", found):
        findings.append(_finding("tieu-ngu", tn, "tiêu ngữ dùng dấu gạch dài (–); Nghị định 30 yêu cầu "
                                                 f"gạch nối ASCII có dấu cách hai bên: “{TIEU_NGU_TEXT}”"))
    elif found != TIEU_NGU_TEXT:
        findings.append(_finding("tieu-ngu", tn, "tiêu ngữ viết sai (dấu gạch nối phải có dấu cách hai bên, "
                                                 f"chữ đầu mỗi cụm viết hoa): “{TIEU_NGU_TEXT}”"))
    if not _bold(tn.text_runs):
        findings.append(_finding("tieu-ngu", tn, "tiêu ngữ không in đậm; Nghị định 30 yêu cầu chữ đậm"))
    return findings


def _visible(border) -> bool:
    return (border.get(_w("val")) or "none") not in ("nil", "none")


def _borderless(tbl, styles: StyleSheet) -> bool:
    """No grid drawn: table borders (direct or from its style) all off, and no cell draws its own
    top, left or right edge (LibreOffice writes borders per cell; a bottom edge alone may be a rule)."""
    for tc_borders in tbl.iter(_w("tcBorders")):
        edges = [b for b in tc_borders if etree.QName(b).localname in ("top", "left", "right", "start", "end")]
        if any(_visible(b) for b in edges):
            return False
    sources = [tbl.find(_w("tblPr"))]
    style = tbl.find(f"{_w('tblPr')}/{_w('tblStyle')}")
    sources += [s.find(_w("tblPr")) for s in styles.chain(style.get(_w("val")) if style is not None else None,
                                                         "table")][::-1]
    for tbl_pr in sources:
        borders = tbl_pr.find(_w("tblBorders")) if tbl_pr is not None else None
        if borders is not None:
            return not any(_visible(b) for b in borders)
    return True


def _header_table(doc: Doc, parts: Parts) -> list[Finding]:
    qh = parts.quoc_hieu
    findings = []
    if qh.table is None:
        return [_finding("header-table", qh, "quốc hiệu không nằm trong bảng hai cột không viền ở đầu trang "
                                             "(cơ quan bên trái, quốc hiệu bên phải)")]
    table = doc.tables[qh.table - 1]
    before = [p for p in doc.paras if p.top is not None and p.order < min(p2.order for p2 in table.paras)]
    if any(not p.empty for p in before):
        findings.append(_finding("header-table", qh, "bảng tiêu đề (cơ quan, quốc hiệu) không nằm ở đầu trang "
                                                     "đầu tiên", "warning", quote=""))
    if not _borderless(table.element, doc.styles):
        findings.append(_finding("header-table", qh, f"bảng tiêu đề (bảng {table.number}) có đường viền; "
                                                     "phải là bảng không viền", quote=""))
    if qh.col == 1:
        findings.append(_finding("header-table", qh, "quốc hiệu nằm ở cột trái; Nghị định 30 đặt quốc hiệu ở "
                                                     "cột phải, tên cơ quan ở cột trái"))
    number, date = parts.number, parts.date
    if number and date and number.table == date.table and number.row != date.row:
        findings.append(_finding("header-table", number, "dòng “Số:” và dòng địa danh, ngày tháng không cùng "
                                                         "một dòng của bảng tiêu đề", "warning"))
    return findings


def _agency(parts: Parts) -> list[Finding]:
    if not parts.agency:
        return [_finding("agency", parts.quoc_hieu, "không thấy tên cơ quan ban hành bên trái quốc hiệu", quote="")]
    findings = []
    for p in parts.agency:
        if not _caps(p):
            findings.append(_finding("agency", p, "tên cơ quan phải viết in hoa"))
    issuing = parts.agency[-1]
    if not _bold(issuing.text_runs):
        findings.append(_finding("agency", issuing, "tên cơ quan ban hành không in đậm; Nghị định 30 yêu cầu "
                                                    "in hoa, đậm"))
    return findings


def _typed_rules(doc: Doc, parts: Parts) -> list[Finding]:
    findings = []
    front_ids = {id(p) for p in parts.front}
    for p in doc.paras:
        if TYPED_RULE_RE.match(p.text) or (id(p) in front_ids and "___" in p.text):
            findings.append(_finding("typed-rule", p, "đường kẻ gõ bằng ký tự (____ hoặc ----); Nghị định 30 "
                                                      "yêu cầu đường kẻ vẽ (đường viền đoạn hoặc hình đường thẳng)"))
    return findings


def _has_shape(p: Para) -> bool:
    el = p.element
    return bool(el.findall(f".//{_w('drawing')}") or el.findall(f".//{_w('pict')}")
                or el.findall(f".//{{{V_NS}}}line"))


def _has_rule_after(anchor: Para, siblings: list[Para], limit: int = 2) -> bool:
    """A drawn rule under `anchor`: its own border or shape, or on one of the next paragraphs."""
    if anchor.props.border or _has_shape(anchor) or all(r.props.underline for r in anchor.text_runs):
        return True
    following = [p for p in siblings if p.order > anchor.order][:limit]
    return any(p.props.border or _has_shape(p) for p in following)


def _rule_lines(doc: Doc, parts: Parts) -> list[Finding]:
    findings = []
    checks = []
    if parts.agency:
        checks.append(("tên cơ quan ban hành", parts.agency[-1]))
    if parts.tieu_ngu:
        checks.append(("tiêu ngữ", parts.tieu_ngu))
    if parts.subject:
        checks.append(("trích yếu", parts.subject[-1]))
    for label, anchor in checks:
        if anchor.cell is not None:
            siblings = [p for p in parts.header_zone if p.cell is anchor.cell]
        else:
            siblings = [p for p in doc.paras if p.top is not None]
        if not _has_rule_after(anchor, siblings):
            findings.append(_finding("rule-line", anchor, f"không thấy đường kẻ dưới {label} (đường viền đoạn "
                                                          "hoặc hình đường thẳng)", "warning"))
    return findings


# --- date line ----------------------------------------------------------------------------

def _day_problem(day: str) -> str | None:
    if not day.isdigit():
        return None
    value = int(day)
    if value < 10 and len(day) != 2:
        return f"ngày {day} phải viết {value:02d} (ngày dưới 10 có số 0 ở trước)"
    if value >= 10 and len(day) != 2:
        return f"ngày {day} viết thừa số 0"
    return None


def _month_problem(month: str) -> str | None:
    if not month.isdigit():
        return None
    value = int(month)
    if value in (1, 2) and month != f"{value:02d}":
        return f"tháng {month} phải viết {value:02d} (chỉ tháng 1 và 2 có số 0 ở trước)"
    if value >= 3 and month != str(value):
        return f"tháng {month} phải viết {value} (chỉ tháng 1 và 2 có số 0 ở trước)"
    return None


def check_date(doc: Doc, parts: Parts) -> list[Finding]:
    date = parts.date
    if date is None:
        return [Finding("date-line", "trang đầu", "", "không thấy dòng địa danh, ngày tháng năm dạng "
                                                      "“Bình Định, ngày 05 tháng 7 năm 2024”")]
    findings = []
    match = segment(date.text, DATE_RE)
    quote = shorten(match.string)
    place = match.group("place")
    if not match.group("comma"):
        findings.append(_finding("date-line", date, "thiếu dấu phẩy sau địa danh: “<Địa danh>, ngày ... tháng ... "
                                                    "năm ...”", quote=quote))
    if not place or not place[0].isupper():
        findings.append(_finding("date-line", date, "địa danh phải viết hoa chữ cái đầu và đứng trước “, ngày”",
                                 quote=quote))
    if not _italic(date.text_runs):
        findings.append(_finding("date-line", date, "dòng địa danh, ngày tháng không in nghiêng; Nghị định 30 "
                                                    "yêu cầu chữ nghiêng", quote=quote))
    for problem in (_day_problem(match.group("day")), _month_problem(match.group("month"))):
        if problem:
            findings.append(_finding("date-padding", date, problem, quote=quote))
    return findings + _running_dates(doc, parts)


def _running_dates(doc: Doc, parts: Parts) -> list[Finding]:
    """Dates written out in the text follow the same padding (a warning: quotations may differ)."""
    findings = []
    skip = {id(parts.date)}
    for p in doc.paras:
        if id(p) in skip or "ngày" not in p.text:
            continue
        for match in RUNNING_DATE_RE.finditer(p.text):
            for problem in (_day_problem(match.group("day")), _month_problem(match.group("month"))):
                if problem:
                    findings.append(_finding("date-padding", p, problem, "warning", quote=match.group(0)))
    return findings


# --- number -------------------------------------------------------------------------------

def check_number(doc: Doc, parts: Parts) -> list[Finding]:
    para = parts.number
    if para is None:
        return [Finding("number", "trang đầu", "", "không thấy dòng số, ký hiệu văn bản “Số: .../...”")]
    match = segment(para.text, NUMBER_RE)
    findings: list[Finding] = []

    def add(message: str) -> None:
        findings.append(_finding("number", para, message, quote=shorten(match.string)))

    if match.group("colon") != ":":
        add("sau chữ “Số” phải có dấu hai chấm: “Số: 117/BC-UBND”")
    num, rest = match.group("num"), match.group("rest")
    if rest is None or (num and not num.isdigit()):
        add("số, ký hiệu không đúng dạng “Số: 117/BC-UBND”")
        return findings
    if num.isdigit() and int(num) < 10 and len(num) < 2:
        add(f"số {num} phải viết {int(num):02d} (số dưới 10 có số 0 ở trước)")
    tokens = [t for t in re.split(r"[/\-–]", rest.lstrip("/").strip()) if t]
    if any(re.fullmatch(r"(19|20)\d\d", t) for t in tokens) and not parts.normative:
        add("số của văn bản hành chính không ghi năm; chỉ văn bản quy phạm pháp luật mới có năm trong số, "
            "ký hiệu (37/2023/QĐ-UBND)")
    if parts.cong_van and any(t.upper() == "CV" for t in tokens):
        add("công văn không có mã loại “CV”; ký hiệu công văn là mã cơ quan - mã đơn vị soạn thảo (UBND-KSTT)")
    return findings + _type_code(parts, para, tokens)


def _type_code(parts: Parts, para: Para, tokens: list[str]) -> list[Finding]:
    if parts.title is None or not tokens:
        return []
    code = DOCUMENT_TYPES.get(normalize(parts.title.text))
    if code and tokens[0] != code and not (len(tokens) > 1 and tokens[1] == code):
        return [_finding("number", para, f"{parts.title.text.lower()} có ký hiệu bắt đầu bằng “{code}-” "
                                         f"(ví dụ {code}-UBND), ở đây là “{tokens[0]}”", "warning")]
    return []


# --- Kính gửi ----------------------------------------------------------------------------

def check_kinh_gui(doc: Doc, parts: Parts) -> list[Finding]:
    para = parts.kinh_gui
    if para is None:
        return []
    findings = []
    label_runs = _runs_in_span(para, 0, len("Kính gửi"))
    label = para.text[: len("Kính gửi")]
    if is_upper(label) or any(r.props.caps for r in label_runs):
        findings.append(_finding("kinh-gui", para, "“KÍNH GỬI” viết in hoa; Nghị định 30 yêu cầu chữ thường "
                                                   "“Kính gửi:”"))
    if any(r.props.bold for r in para.text_runs):
        findings.append(_finding("kinh-gui", para, "“Kính gửi” in đậm; Nghị định 30 yêu cầu chữ đứng, không đậm"))
    if not re.match(r"^kính gửi\s*:", fold(para.text)):
        findings.append(_finding("kinh-gui", para, "thiếu dấu hai chấm sau “Kính gửi”"))
    for index, p in enumerate(parts.addressees):
        end = "." if index == len(parts.addressees) - 1 else ";"
        if not p.text.endswith(end):
            findings.append(_finding("kinh-gui", p, f"mỗi dòng nơi gửi kết thúc bằng “;”, dòng cuối bằng “.”; "
                                                    f"dòng này phải kết thúc bằng “{end}”"))
        if any(r.props.bold for r in p.text_runs):
            findings.append(_finding("kinh-gui", p, "nơi gửi in đậm; Nghị định 30 yêu cầu chữ đứng, không đậm"))
    return findings


def _runs_in_span(para: Para, start: int, end: int) -> list[Run]:
    """Runs covering characters start..end of the paragraph's text (leading spaces ignored)."""
    chosen, pos = [], 0
    for run in para.runs:
        text = run.text if pos else run.text.lstrip()
        if not text:
            continue
        if pos < end and pos + len(text) > start:
            chosen.append(run)
        pos += len(text)
    return chosen


# --- numbering ladder --------------------------------------------------------------------

POINT_LETTERS = "abcdđeghiklmnopqrstuưvxy"


def roman_value(text: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total if _to_roman(total) == text else None


def _to_roman(n: int) -> str:
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


class Ladder:
    def __init__(self):
        self.roman = 0
        self.arabic: list[int] = []
        self.point: str | None = None
        self.findings: list[Finding] = []

    def roman_item(self, p: Para, value: int, numeral: str) -> None:
        expected = self.roman + 1
        if value != expected:
            if value > expected:
                gap = ", ".join(_to_roman(n) for n in range(expected, value))
                what = f"thiếu mục {gap}"
            else:
                what = "sai thứ tự"
            prev = f"sau mục {_to_roman(self.roman)}." if self.roman else "ở đầu văn bản"
            self.findings.append(_finding("numbering", p, f"mục {numeral}. {prev}: {what}; các phần, mục đánh số "
                                                          "La Mã liên tục I, II, III..."))
        self.roman, self.arabic, self.point = value, [], None

    def arabic_item(self, p: Para, path: list[int]) -> None:
        depth = len(path)
        parent, last = path[:-1], path[-1]
        if depth > 1 and self.arabic[: depth - 1] != parent:
            expected = None
        else:
            expected = self.arabic[depth - 1] + 1 if len(self.arabic) >= depth else 1
        if last != expected:
            label = ".".join(map(str, path)) + "."
            prev = (".".join(map(str, self.arabic)) + ".") if self.arabic else None
            if expected is None:
                message = f"khoản {label} không nằm dưới khoản {'.'.join(map(str, parent))}."
            elif not prev or depth == 1 and not self.arabic:
                message = f"khoản {label} phải bắt đầu từ {expected}"
            else:
                message = f"khoản {label} sau {prev}: số thứ tự không liên tục (phải là {expected})"
            if depth == 1 and self.roman:
                message += "; số Ả Rập đánh lại từ 1 trong mỗi mục La Mã"
            self.findings.append(_finding("numbering", p, message))
        self.arabic, self.point = list(path), None

    def point_item(self, p: Para, letter: str) -> None:
        if self.point is None:
            expected = "a"
        else:
            expected = POINT_LETTERS[min(POINT_LETTERS.index(self.point) + 1, len(POINT_LETTERS) - 1)]
        if letter != expected:
            if letter not in POINT_LETTERS:
                message = (f"điểm {letter}): chữ “{letter}” không có trong bảng chữ cái tiếng Việt dùng đánh "
                           f"điểm (a, b, c, d, đ, e, g...; không có f, j, w, z)")
            elif self.point == "d" and letter == "e":
                message = "điểm e) sau d): thiếu điểm đ) (thứ tự a, b, c, d, đ, e...)"
            else:
                message = f"điểm {letter}) không đúng thứ tự (phải là {expected}))"
            self.findings.append(_finding("numbering", p, message))
        self.point = letter if letter in POINT_LETTERS else self.point


def check_numbering(doc: Doc, parts: Parts) -> list[Finding]:
    ladder = Ladder()
    findings = []
    for p in parts.body:
        text = p.text
        roman = ROMAN_RE.match(text)
        if roman and roman_value(roman.group("num")):
            ladder.roman_item(p, roman_value(roman.group("num")), roman.group("num"))
            findings += _roman_heading_style(p, roman.group("title"))
            continue
        arabic = ARABIC_RE.match(text)
        if arabic:
            ladder.arabic_item(p, [int(n) for n in arabic.group("num").split(".")])
            continue
        point = POINT_RE.match(text) or re.match(r"^(?P<letter>[fjwz])\)\s", text)
        if point:
            ladder.point_item(p, point.group("letter"))
    return ladder.findings + findings


def _roman_heading_style(p: Para, title: str) -> list[Finding]:
    findings = []
    if not is_upper(title) and not _caps(p):
        findings.append(_finding("heading", p, "tên phần, mục đánh số La Mã phải viết in hoa"))
    if not _bold(p.text_runs):
        findings.append(_finding("heading", p, "tên phần, mục đánh số La Mã phải in đậm"))
    return findings


# --- page numbers -------------------------------------------------------------------------

def _instructions(root) -> str:
    texts = [t.text or "" for t in root.iter(_w("instrText"))]
    texts += [f.get(_w("instr")) or "" for f in root.iter(_w("fldSimple"))]
    return " ".join(texts).upper()


def has_page_field(root) -> bool:
    return (re.search(r"(?<![A-Z])PAGE(?![A-Z])", _instructions(root)) is not None
            or root.find(f".//{_w('pgNum')}") is not None)


def check_page_numbers(doc: Doc, parts: Parts) -> list[Finding]:
    findings = []
    seen = set()
    for section in doc.sections:
        for key, root in section.footers.values():
            if key not in seen and has_page_field(root):
                seen.add(key)
                findings.append(Finding("page-number", f"chân trang {section.label}", "",
                                        "số trang đặt ở chân trang; Nghị định 30 yêu cầu số trang ở giữa lề trên "
                                        "(đầu trang)"))
    first = doc.sections[0]
    default = first.headers.get("default")
    if default is None or not has_page_field(default[1]):
        if not findings:
            findings.append(Finding("page-number", f"đầu trang {first.label}", "",
                                    "không thấy số trang (trường PAGE) ở đầu trang; văn bản nhiều trang phải đánh "
                                    "số trang ở giữa lề trên", "warning"))
    else:
        findings += _page_number_format(doc, first, default[1])
    findings += _first_page_number(first)
    for section in doc.sections[1:]:
        header = section.headers.get("default")
        if default is not None and has_page_field(default[1]) and (header is None or not has_page_field(header[1])):
            findings.append(Finding("page-number", f"đầu trang {section.label}", "",
                                    "mục này không có số trang ở đầu trang", "warning"))
    return findings


def _first_page_number(section: SectionInfo) -> list[Finding]:
    if section.title_page:
        first = section.headers.get("first")
        if first is not None and has_page_field(first[1]):
            return [Finding("page-number", f"đầu trang (trang đầu) {section.label}", "",
                            "trang đầu tiên hiển thị số trang; Nghị định 30 không đánh số trang thứ nhất "
                            "(để trống đầu trang của trang đầu)")]
        return []
    default = section.headers.get("default")
    if default is not None and has_page_field(default[1]):
        return [Finding("page-number", f"đầu trang {section.label}", "",
                        "trang đầu tiên hiển thị số trang (không bật “trang đầu khác”); Nghị định 30 không "
                        "đánh số trang thứ nhất")]
    return []


def _page_number_format(doc: Doc, section: SectionInfo, root) -> list[Finding]:
    findings = []
    for p in root.iter(_w("p")):
        if not has_page_field(p):
            continue
        para = doc.para_from(p, f"đầu trang {section.label}")
        runs = para.text_runs or [Run("1", r.props) for r in para.runs]
        findings += _size_finding(runs, 13, 14, "số trang", para, quote="")
        if any(r.props.italic for r in runs):
            findings.append(_finding("page-number", para, "số trang in nghiêng; Nghị định 30 yêu cầu chữ đứng",
                                     quote=""))
        if para.props.align not in ("center",):
            findings.append(_finding("page-number", para, "số trang không căn giữa lề trên", "warning", quote=""))
    return findings


# --- closing, signature, Nơi nhận ---------------------------------------------------------

def check_closing(doc: Doc, parts: Parts) -> list[Finding]:
    text_paras = [p for p in parts.body if not p.empty]
    if not text_paras:
        return []
    last = text_paras[-1]
    if not last.text.rstrip().endswith("./."):
        return [_finding("closing", last, "đoạn cuối của nội dung không kết thúc bằng dấu “./.”", "warning",
                         quote=shorten(last.text[-60:]))]
    return []


def check_signature(doc: Doc, parts: Parts) -> list[Finding]:
    lines = [p for p in parts.signature if not p.empty]
    if not lines:
        return [Finding("signature", "cuối văn bản", "", "không thấy khối chữ ký (TM./KT./Q./TL./TUQ. hoặc "
                                                         "chức vụ người ký, họ tên)", "warning")]
    findings = []
    name, titles = lines[-1], lines[:-1]
    for p in titles:
        if not _caps(p):
            findings.append(_finding("signature", p, "quyền hạn, chức vụ người ký phải viết in hoa"))
        if not _bold(p.text_runs):
            findings.append(_finding("signature", p, "quyền hạn, chức vụ người ký phải in đậm"))
    if not _bold(name.text_runs):
        findings.append(_finding("signature", name, "họ tên người ký phải in đậm"))
    if is_upper(name.text) and len(name.text) > 3:
        findings.append(_finding("signature", name, "họ tên người ký viết in hoa; Nghị định 30 yêu cầu chữ thường "
                                                    "(in đậm)", "warning"))
    if titles and not _signature_room(parts.signature, titles[-1], name):
        findings.append(_finding("signature", name, "không chừa chỗ ký và đóng dấu giữa chức vụ và họ tên "
                                                    "(khoảng 20–25 mm)", "warning"))
    return findings


def _signature_room(paras: list[Para], title: Para, name: Para) -> bool:
    between = [p for p in paras if title.order < p.order < name.order]
    if any(p.empty for p in between) or any(_has_shape(p) for p in between + [name]):
        return True
    space = name.props.before + title.props.after + sum(p.props.before + p.props.after for p in between)
    return space >= 720   # 36 pt


def check_noi_nhan(doc: Doc, parts: Parts) -> list[Finding]:
    para = parts.noi_nhan
    if para is None:
        return [Finding("noi-nhan", "cuối văn bản", "", "không thấy phần “Nơi nhận:”", "warning")]
    findings = []
    label_text, label_runs = para.lines()[0]
    label_text = label_text.split("\t")[0]
    if not label_text.startswith("Nơi nhận:"):
        findings.append(_finding("noi-nhan", para, "phải viết “Nơi nhận:” (chữ thường, có dấu hai chấm)",
                                 quote=label_text))
    findings += [_replace_rule(f, "noi-nhan") for f in
                 _size_finding(label_runs, 12, 12, "“Nơi nhận:”", para, quote=label_text)]
    if not (_bold(label_runs) and _italic(label_runs)):
        findings.append(_finding("noi-nhan", para, "“Nơi nhận:” phải in đậm, nghiêng", quote=label_text))
    return findings + _recipient_findings(parts)


def _replace_rule(f: Finding, rule: str) -> Finding:
    return Finding(rule, f.where, f.quote, f.message, f.severity)


def _recipient_findings(parts: Parts) -> list[Finding]:
    lines = parts.recipients
    if not lines:
        return [_finding("noi-nhan", parts.noi_nhan, "“Nơi nhận:” không có dòng nơi nhận nào")]
    # One finding for the sizes of the whole list: a wrong size is usually the same on every line.
    first_p, first_text, _ = lines[0]
    findings = [_replace_rule(f, "noi-nhan") for f in
                _size_finding([r for _, _, runs in lines for r in runs], 11, 11, "các dòng nơi nhận", first_p,
                              quote=shorten(first_text))]
    for index, (p, text, runs) in enumerate(lines):
        last = index == len(lines) - 1
        if not re.match(r"-\s", text):
            findings.append(_finding("noi-nhan", p, "mỗi dòng nơi nhận bắt đầu bằng “- ”", quote=shorten(text)))
        if not last and not text.endswith(";"):
            findings.append(_finding("noi-nhan", p, "dòng nơi nhận phải kết thúc bằng dấu “;”", quote=shorten(text)))
    if parts.kinh_gui is not None and not re.match(r"^-\s*Như trên\s*;", lines[0][1]):
        findings.append(_finding("noi-nhan", lines[0][0], "văn bản có “Kính gửi” thì dòng nơi nhận đầu tiên là "
                                                          "“- Như trên;”", "warning", quote=shorten(lines[0][1])))
    p, text, _ = lines[-1]
    if not re.match(r"^-\s*Lưu\s*:", text):
        findings.append(_finding("noi-nhan", p, "thiếu dòng cuối “- Lưu: VT, ...” (lưu văn thư và đơn vị soạn "
                                                "thảo)", quote=shorten(text)))
    else:
        if not text.endswith("."):
            findings.append(_finding("noi-nhan", p, "dòng “- Lưu: ...” phải kết thúc bằng dấu “.”",
                                     quote=shorten(text)))
        if not re.match(r"^-\s*Lưu\s*:\s*VT\b", text):
            findings.append(_finding("noi-nhan", p, "dòng “- Lưu:” không có “VT” (bản lưu ở văn thư); mẫu của "
                                                    "Nghị định 30 là “- Lưu: VT, <mã đơn vị soạn thảo>.”", "warning",
                                     quote=shorten(text)))
    return findings


# --- type title, subject ------------------------------------------------------------------

def check_title(doc: Doc, parts: Parts) -> list[Finding]:
    findings = []
    if parts.title is not None and not _bold(parts.title.text_runs):
        findings.append(_finding("title", parts.title, "tên loại văn bản phải in hoa, đậm"))
    for p in parts.subject:
        if not _bold(p.text_runs):
            findings.append(_finding("title", p, "trích yếu nội dung không in đậm; Nghị định 30 yêu cầu chữ đậm"))
    return findings


# --- line spacing -------------------------------------------------------------------------

def check_line_spacing(doc: Doc, parts: Parts) -> list[Finding]:
    findings = []
    for p in doc.paras:
        if p.empty or p.props.line is None:
            continue
        rule, line = p.props.line_rule or "auto", p.props.line
        if rule == "auto":
            if line / 240 > 1.5 + 1e-6:
                findings.append(_finding("line-spacing", p, f"giãn dòng {pt(round(line / 240, 2))} dòng; Nghị định "
                                                            "30 cho phép từ dòng đơn đến 1,5 dòng"))
        else:
            size = max((r.props.size or DEFAULT_SIZE for r in p.text_runs), default=DEFAULT_SIZE)
            # Times New Roman's single line is about 1.15 × the font size.
            if line / 20 > 1.5 * 1.15 * size + 0.5:
                findings.append(_finding("line-spacing", p, f"giãn dòng {pt(round(line / 20, 1))} pt (quá 1,5 dòng "
                                                            f"của chữ cỡ {pt(size)}); Nghị định 30 cho phép từ dòng "
                                                            "đơn đến 1,5 dòng"))
    return findings


# --- appendix -----------------------------------------------------------------------------

def check_appendix(doc: Doc, parts: Parts) -> list[Finding]:
    findings = []
    for heading in parts.appendices:
        findings += _appendix_section(doc, heading)
        findings += _kem_theo(doc, heading)
        if not _bold(heading.text_runs):
            findings.append(_finding("appendix", heading, "tiêu đề “Phụ lục” phải in đậm"))
        findings += _size_finding(heading.text_runs, 13, 14, "tiêu đề phụ lục", heading)
    if parts.appendices and not any("phụ lục" in fold(p.text) for p in parts.body):
        findings.append(Finding("appendix", "thân văn bản", "", "văn bản có phụ lục nhưng thân văn bản không nhắc "
                                                                "đến phụ lục nào", "warning"))
    return findings + _table_headers(doc, parts)


def _appendix_section(doc: Doc, heading: Para) -> list[Finding]:
    section_paras = [p for p in doc.section_paras(heading.section) if not p.empty]
    if heading.section == 0 or section_paras[0] is not heading:
        return [_finding("appendix", heading, "phụ lục không bắt đầu một mục (section) mới trên trang mới; mỗi phụ "
                                              "lục phải là một mục riêng để đánh lại số trang")]
    section = doc.sections[heading.section]
    findings = []
    start = section.attr("pgNumType", "start")
    if start is None:
        findings.append(Finding("appendix", section.label, heading.quote, "mục phụ lục không đánh lại số trang "
                                                                          "(thiếu “bắt đầu từ 1” cho số trang)"))
    elif start != "1":
        findings.append(Finding("appendix", section.label, heading.quote,
                                f"số trang của phụ lục bắt đầu từ {start}; phải bắt đầu lại từ 1"))
    if section.attr("type", "val") == "continuous":
        findings.append(Finding("appendix", section.label, heading.quote, "phụ lục không sang trang mới (ngắt mục "
                                                                          "liên tục)"))
    return findings


def _kem_theo(doc: Doc, heading: Para) -> list[Finding]:
    following = [p for p in doc.paras if p.top is not None and p.order > heading.order and not p.empty][:3]
    kem_theo = next((p for p in following if KEM_THEO_RE.match(p.text)), None)
    if kem_theo is None:
        return [_finding("appendix", heading, "thiếu dòng “(Kèm theo ... số ... ngày ... của ...)” dưới tiêu đề "
                                              "phụ lục")]
    findings = []
    if not _italic(kem_theo.text_runs):
        findings.append(_finding("appendix", kem_theo, "dòng “(Kèm theo ...)” phải in nghiêng"))
    findings += _size_finding(kem_theo.text_runs, 13, 14, "dòng “(Kèm theo ...)”", kem_theo)
    return findings


def _table_headers(doc: Doc, parts: Parts) -> list[Finding]:
    findings = []
    layout = {parts.quoc_hieu.table if parts.quoc_hieu else None, parts.noi_nhan.table if parts.noi_nhan else None}
    layout |= {p.table for p in parts.signature}
    for table in doc.tables:
        rows = table.rows
        if table.number in layout or len(rows) < 2 or _borderless(table.element, doc.styles):
            continue
        flag = rows[0].find(f"{_w('trPr')}/{_w('tblHeader')}")
        if not _on(flag):
            appendix = doc.sections[table.section].appendix if table.section < len(doc.sections) else False
            findings.append(Finding("table-header", f"bảng {table.number}, dòng 1", "",
                                    "dòng tiêu đề của bảng không được đặt lặp lại ở đầu mỗi trang",
                                    "error" if appendix else "warning"))
    return findings


RULES: tuple[Callable[[Doc, Parts], list[Finding]], ...] = (
    check_page, check_fonts, check_sizes, check_header, check_title, check_date, check_number, check_kinh_gui,
    check_numbering, check_page_numbers, check_closing, check_signature, check_noi_nhan, check_line_spacing,
    check_appendix,
)
