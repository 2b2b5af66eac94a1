"""The page: paper size, orientation and margins of every section; page numbers (at the
top centre, not on the first page, in every section)."""

from __future__ import annotations

import re

from ..findings import Finding
from ..locate import Parts
from ..ooxml import TWIPS_PER_MM, to_int, w
from ..reading import Doc, Run, SectionInfo
from ..text import mm
from .common import field_instructions, finding_at, size_finding


# --- paper and margins --------------------------------------------------------------------

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
    width, height = to_int(section.attr("pgSz", "w")), to_int(section.attr("pgSz", "h"))
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
        value = to_int(section.attr("pgMar", attr))
        if value is None:
            continue
        value = abs(value)
        if attr == "left":
            value += to_int(section.attr("pgMar", "gutter"), 0)
        if not lo * TWIPS_PER_MM - MARGIN_TOLERANCE <= value <= hi * TWIPS_PER_MM + MARGIN_TOLERANCE:
            findings.append(Finding("margins", section.label, "",
                                    f"lề {label} {mm(value)} mm; Nghị định 30 quy định lề {label} {lo}–{hi} mm"))
    return findings


# --- page numbers -------------------------------------------------------------------------

def has_page_field(root) -> bool:
    return (re.search(r"(?<![A-Z])PAGE(?![A-Z])", field_instructions(root)) is not None
            or root.find(f".//{w('pgNum')}") is not None)


def _header_numbers_pages(section: SectionInfo, kind: str = "default") -> bool:
    """Whether the section's header of this kind ("default", "first") holds a page number."""
    header = section.headers.get(kind)
    return header is not None and has_page_field(header[1])


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
    if not _header_numbers_pages(first):
        if not findings:
            findings.append(Finding("page-number", f"đầu trang {first.label}", "",
                                    "không thấy số trang (trường PAGE) ở đầu trang; văn bản nhiều trang phải đánh "
                                    "số trang ở giữa lề trên", "warning"))
    else:
        findings += _page_number_format(doc, first, first.headers["default"][1])
    findings += _first_page_number(first)
    for section in doc.sections[1:]:
        if _header_numbers_pages(first) and not _header_numbers_pages(section):
            findings.append(Finding("page-number", f"đầu trang {section.label}", "",
                                    "mục này không có số trang ở đầu trang", "warning"))
    return findings


def _first_page_number(section: SectionInfo) -> list[Finding]:
    if section.title_page:
        if _header_numbers_pages(section, "first"):
            return [Finding("page-number", f"đầu trang (trang đầu) {section.label}", "",
                            "trang đầu tiên hiển thị số trang; Nghị định 30 không đánh số trang thứ nhất "
                            "(để trống đầu trang của trang đầu)")]
        return []
    if _header_numbers_pages(section):
        return [Finding("page-number", f"đầu trang {section.label}", "",
                        "trang đầu tiên hiển thị số trang (không bật “trang đầu khác”); Nghị định 30 không "
                        "đánh số trang thứ nhất")]
    return []


def _page_number_format(doc: Doc, section: SectionInfo, root) -> list[Finding]:
    findings = []
    for p in root.iter(w("p")):
        if not has_page_field(p):
            continue
        para = doc.para_from(p, f"đầu trang {section.label}")
        runs = para.text_runs or [Run("1", r.props) for r in para.runs]
        findings += size_finding(runs, 13, 14, "số trang", para, quote="")
        if any(r.props.italic for r in runs):
            findings.append(finding_at("page-number", para, "số trang in nghiêng; Nghị định 30 yêu cầu chữ đứng",
                                       quote=""))
        if para.props.align not in ("center",):
            findings.append(finding_at("page-number", para, "số trang không căn giữa lề trên", "warning", quote=""))
    return findings
