"""What the rules share: a finding at a paragraph, the size-range check, whether runs are all
bold, italic or capitals, drawn shapes, borderless tables."""

from __future__ import annotations

from lxml import etree

from ..findings import Finding
from ..drawing import has_drawing
from ..ooxml import DEFAULT_SIZE, w
from ..reading import Para, Run
from ..styles import StyleSheet
from ..text import is_upper, pt


def finding_at(rule: str, para: Para | None, message: str, severity: str = "error",
               quote: str | None = None) -> Finding:
    """A finding at `para`, quoting it unless `quote` is given."""
    return Finding(rule, para.where if para else "văn bản",
                   quote if quote is not None else (para.quote if para else ""), message, severity)


def size_finding(runs: list[Run], lo: float, hi: float, label: str, para: Para,
                 quote: str | None = None) -> list[Finding]:
    sizes = sorted({r.props.size or DEFAULT_SIZE for r in runs if r.text.strip() and not r.props.hidden})
    bad = [s for s in sizes if not lo - 0.01 <= s <= hi + 0.01]
    if not bad:
        return []
    wanted = pt(lo) if lo == hi else f"{pt(lo)}–{pt(hi)}"
    return [finding_at("size", para, f"{label} cỡ chữ {', '.join(pt(s) for s in bad)}; "
                                     f"Nghị định 30 quy định cỡ {wanted}", quote=quote)]


def all_bold(runs: list[Run]) -> bool:
    runs = [r for r in runs if r.text.strip()]
    return bool(runs) and all(r.props.bold for r in runs)


def all_italic(runs: list[Run]) -> bool:
    runs = [r for r in runs if r.text.strip()]
    return bool(runs) and all(r.props.italic for r in runs)


def in_caps(para: Para, runs: list[Run] | None = None) -> bool:
    runs = [r for r in (runs if runs is not None else para.text_runs) if r.text.strip()]
    return bool(runs) and all(r.props.caps or is_upper(r.text) or not any(c.isalpha() for c in r.text)
                              for r in runs)


def _visible(border) -> bool:
    return (border.get(w("val")) or "none") not in ("nil", "none")


def borderless(tbl, styles: StyleSheet) -> bool:
    """No grid drawn: table borders (direct or from its style) all off, and no cell draws its own
    top, left or right edge (LibreOffice writes borders per cell; a bottom edge alone may be a rule)."""
    for tc_borders in tbl.iter(w("tcBorders")):
        edges = [b for b in tc_borders if etree.QName(b).localname in ("top", "left", "right", "start", "end")]
        if any(_visible(b) for b in edges):
            return False
    sources = [tbl.find(w("tblPr"))]
    style = tbl.find(f"{w('tblPr')}/{w('tblStyle')}")
    sources += [s.find(w("tblPr")) for s in styles.chain(style.get(w("val")) if style is not None else None,
                                                        "table")][::-1]
    for tbl_pr in sources:
        borders = tbl_pr.find(w("tblBorders")) if tbl_pr is not None else None
        if borders is not None:
            return not any(_visible(b) for b in borders)
    return True


def field_instructions(root) -> str:
    """The instructions of every field under `root` (complex and simple fields), upper case."""
    texts = [t.text or "" for t in root.iter(w("instrText"))]
    texts += [f.get(w("instr")) or "" for f in root.iter(w("fldSimple"))]
    return " ".join(texts).upper()


def has_shape(p: Para) -> bool:
    return has_drawing(p.element)
