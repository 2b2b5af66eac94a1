"""Write templates/_chung/styles.docx: the paragraph styles reportgen's layout uses.

The styles follow Nghị định 30/2020/NĐ-CP (the "14 pair" by default; `--pair 13`
for the 13 pair). Run it again after changing the table below; staff may also
edit the styles in Word directly, the names are what reportgen looks for.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from reportgen.writers.ooxml import PPR_ORDER, add
from reportgen.writers.package import deterministic_zip

FONT = "Times New Roman"
C, J, L = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT


def styles_table(pair: int) -> dict:
    """role -> (size, bold, italic, alignment, first-line indent cm, space before pt, space after pt)."""
    body = 14 if pair == 14 else 13
    small = 13 if pair == 14 else 12
    return {
        "body": (body, False, False, J, 1.27, 6, 0),
        "heading-muc": (body, True, False, J, 1.27, 6, 0),
        "heading-khoan-1": (body, True, False, J, 1.27, 6, 0),
        "heading-khoan-2": (body, True, False, J, 1.27, 6, 0),
        "heading-khoan-3": (body, True, False, J, 1.27, 6, 0),
        "heading-diem": (body, False, False, J, 1.27, 6, 0),
        "co-quan-chu-quan": (small, False, False, C, 0, 0, 0),
        "co-quan": (small, True, False, C, 0, 0, 0),
        "quoc-hieu": (small, True, False, C, 0, 0, 0),
        "tieu-ngu": (body, True, False, C, 0, 0, 0),
        "so": (13, False, False, C, 0, 0, 0),
        "vv": (small if pair == 14 else 12, False, False, C, 0, 6, 0),
        "dia-danh-ngay": (body, False, True, C, 0, 0, 0),
        "loai-van-ban": (body, True, False, C, 0, 18, 0),
        "trich-yeu": (body, True, False, C, 0, 0, 0),
        "kinh-gui": (body, False, False, C, 0, 12, 6),
        "kinh-gui-nhieu": (body, False, False, L, 0, 12, 0),
        "kinh-gui-muc": (body, False, False, L, 0, 0, 0),
        "noi-nhan-tieu-de": (12, True, True, L, 0, 6, 0),
        "noi-nhan": (11, False, False, L, 0, 0, 0),
        "chu-ky-tham-quyen": (body, True, False, C, 0, 0, 0),
        "chu-ky-ten": (body, True, False, C, 0, 72, 0),
        "table-text": (12, False, False, J, 0, 2, 2),
        "table-header": (12, True, False, C, 0, 2, 2),
        "phu-luc-so": (14, True, False, C, 0, 0, 0),
        "phu-luc-tieu-de": (body, True, False, C, 0, 0, 0),
        "phu-luc-kem-theo": (body, False, True, C, 0, 0, 0),
        "rule": (2, False, False, C, 0, 0, 4),
        "page-number": (body, False, False, C, 0, 0, 0),
    }


# Headings carry Word's outline level (0 = level 1 in the navigation pane), with no visual change:
# mục, khoản, khoản 1.1., khoản 1.1.1., điểm.
OUTLINE_LEVEL = {"heading-muc": 0, "heading-khoan-1": 1, "heading-khoan-2": 2, "heading-khoan-3": 3,
                 "heading-diem": 4}

# Several addressees: "Kính gửi:" stands at 2.5 cm and the dash lines align under its colon.
LEFT_INDENT_CM = {"kinh-gui-nhieu": 2.5, "kinh-gui-muc": 4.7}


def style_name(role: str) -> str:
    return f"RG {role}"


def _set_fonts(rpr) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _defaults(doc, size: int) -> None:
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is None:
            el = OxmlElement(tag)
            rpr.append(el)
        el.set(qn("w:val"), str(size * 2))
    color = rpr.find(qn("w:color"))
    if color is None:
        color = OxmlElement("w:color")
        rpr.append(color)
    color.set(qn("w:val"), "000000")
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "vi-VN")  # Word's spelling and hyphenation in Vietnamese
    # No style may fall back to a theme font.
    for fonts in styles.iter(qn("w:rFonts")):
        _set_fonts(fonts.getparent())


def _paragraph_style(doc, name, size, bold, italic, align, indent_cm, before, after):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    _set_fonts(style.element.get_or_add_rPr())
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Cm(indent_cm) if indent_cm else Cm(0)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0
    fmt.widow_control = True
    return style


def build(pair: int) -> bytes:
    doc = Document()
    body_size = 14 if pair == 14 else 13
    _defaults(doc, body_size)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(body_size)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for role, spec in styles_table(pair).items():
        style = _paragraph_style(doc, style_name(role), *spec)
        if role in LEFT_INDENT_CM:
            style.paragraph_format.left_indent = Cm(LEFT_INDENT_CM[role])
        if role in OUTLINE_LEVEL:
            add(style.element.get_or_add_pPr(), PPR_ORDER, "outlineLvl", {"val": OUTLINE_LEVEL[role]})
    note = _paragraph_style(doc, "footnote text", 12, False, False, J, 0, 0, 0)
    note.element.set(qn("w:styleId"), "FootnoteText")
    ref = doc.styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
    ref.element.set(qn("w:styleId"), "FootnoteReference")
    ref.font.superscript = True
    ref.font.name = FONT
    _set_fonts(ref.element.get_or_add_rPr())
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    doc.core_properties.author = "reportgen"
    buffer = io.BytesIO()
    doc.save(buffer)
    return deterministic_zip(buffer.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pair", type=int, choices=(13, 14), default=14)
    parser.add_argument("-o", "--output", default=str(Path(__file__).resolve().parents[1] / "templates/_chung/styles.docx"))
    args = parser.parse_args()
    Path(args.output).write_bytes(build(args.pair))
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
