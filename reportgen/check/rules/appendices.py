"""Appendices, each its own section with page numbers restarting at 1 and a
`(Kèm theo ...)` line; and the repeated header row of every data table."""

from __future__ import annotations

import re

from ..findings import Finding
from ..locate import Parts
from ..ooxml import is_on, w
from ..reading import Doc, Para
from ..text import fold
from .common import all_bold, all_italic, borderless, finding_at, size_finding

# "(Kèm theo ...)" and the wording many provinces use, "(Ban hành kèm theo ...)".
KEM_THEO_RE = re.compile(r"^\(?\s*(?:ban\s+hành\s+)?kèm\s+theo\b", re.I)


def check_appendix(doc: Doc, parts: Parts) -> list[Finding]:
    findings = []
    for heading in parts.appendices:
        findings += _appendix_section(doc, heading)
        findings += _kem_theo(doc, heading)
        if not all_bold(heading.text_runs):
            findings.append(finding_at("appendix", heading, "tiêu đề “Phụ lục” phải in đậm"))
        findings += size_finding(heading.text_runs, 13, 14, "tiêu đề phụ lục", heading)
    if parts.appendices and not any("phụ lục" in fold(p.text) for p in parts.body):
        findings.append(Finding("appendix", "thân văn bản", "", "văn bản có phụ lục nhưng thân văn bản không nhắc "
                                                                "đến phụ lục nào", "warning"))
    return findings + _table_headers(doc, parts)


def _appendix_section(doc: Doc, heading: Para) -> list[Finding]:
    section_paras = [p for p in doc.section_paras(heading.section) if not p.empty]
    # a template may put the agency | quốc hiệu block (a table) above the label on the appendix's page
    before = section_paras[:section_paras.index(heading)] if heading in section_paras else section_paras
    if heading.section == 0 or any(p.table is None for p in before) or heading not in section_paras:
        return [finding_at("appendix", heading, "phụ lục không bắt đầu một mục (section) mới trên trang mới; mỗi phụ "
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
        return [finding_at("appendix", heading, "thiếu dòng “(Kèm theo ... số ... ngày ... của ...)” dưới tiêu đề "
                                                "phụ lục")]
    findings = []
    if not all_italic(kem_theo.text_runs):
        findings.append(finding_at("appendix", kem_theo, "dòng “(Kèm theo ...)” phải in nghiêng"))
    findings += size_finding(kem_theo.text_runs, 13, 14, "dòng “(Kèm theo ...)”", kem_theo)
    return findings


def _table_headers(doc: Doc, parts: Parts) -> list[Finding]:
    findings = []
    layout = {parts.quoc_hieu.table if parts.quoc_hieu else None, parts.noi_nhan.table if parts.noi_nhan else None}
    layout |= {p.table for p in parts.signature}
    for table in doc.tables:
        rows = table.rows
        if table.number in layout or len(rows) < 2 or borderless(table.element, doc.styles):
            continue
        flag = rows[0].find(f"{w('trPr')}/{w('tblHeader')}")
        if not is_on(flag):
            appendix = doc.sections[table.section].appendix if table.section < len(doc.sections) else False
            findings.append(Finding("table-header", f"bảng {table.number}, dòng 1", "",
                                    "dòng tiêu đề của bảng không được đặt lặp lại ở đầu mỗi trang",
                                    "error" if appendix else "warning"))
    return findings
