"""The opening of the document: quốc hiệu, tiêu ngữ, the agency, the header table and its
drawn rules; the type title and subject; Kính gửi."""

from __future__ import annotations

import re

from reportgen.metrics import longest_line_mm
from reportgen.records import record

from ..drawing import drawn_lines
from ..findings import Finding
from ..locate import TIEU_NGU_RE, Parts
from ..ooxml import DEFAULT_SIZE, TWIPS_PER_MM, to_int, w
from ..reading import Doc, Para, Run
from ..text import fold, is_upper, normalize
from .common import all_bold, borderless, finding_at, has_shape, in_caps

# --- header block -------------------------------------------------------------------------

QUOC_HIEU_TEXT = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU_TEXT = "Độc lập - Tự do - Hạnh phúc"
TYPED_RULE_RE = re.compile(r"^[\s_\-–—‐=]{3,}$")
CELL_MARGINS_MM = 3.8        # Word's default cell margins, 0.19 cm each side
RULE_LENGTH_TOLERANCE = 0.1  # a hand-drawn line is not exact


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
    if QUOC_HIEU_TEXT not in text or not in_caps(qh):
        findings.append(finding_at("quoc-hieu", qh, f"quốc hiệu phải viết in hoa: “{QUOC_HIEU_TEXT}”"))
    if not all_bold(qh.text_runs):
        findings.append(finding_at("quoc-hieu", qh, "quốc hiệu không in đậm; Nghị định 30 yêu cầu chữ in hoa, đậm"))
    return findings


def _tieu_ngu(parts: Parts) -> list[Finding]:
    tn = parts.tieu_ngu
    if tn is None:
        return [finding_at("tieu-ngu", parts.quoc_hieu, f"không thấy tiêu ngữ “{TIEU_NGU_TEXT}” dưới quốc hiệu",
                           quote="")]
    findings = []
    text = tn.text
    match = TIEU_NGU_RE.search(fold(text))
    found = normalize(text)[match.start():match.end()] if match else text
    if re.search(r"[–—‒―−]", found):
        findings.append(finding_at("tieu-ngu", tn, "tiêu ngữ dùng dấu gạch dài (–); Nghị định 30 yêu cầu "
                                                   f"gạch nối ASCII có dấu cách hai bên: “{TIEU_NGU_TEXT}”"))
    elif found != TIEU_NGU_TEXT:
        findings.append(finding_at("tieu-ngu", tn, "tiêu ngữ viết sai (dấu gạch nối phải có dấu cách hai bên, "
                                                   f"chữ đầu mỗi cụm viết hoa): “{TIEU_NGU_TEXT}”"))
    if not all_bold(tn.text_runs):
        findings.append(finding_at("tieu-ngu", tn, "tiêu ngữ không in đậm; Nghị định 30 yêu cầu chữ đậm"))
    return findings


def _header_table(doc: Doc, parts: Parts) -> list[Finding]:
    qh = parts.quoc_hieu
    findings = []
    if qh.table is None:
        return [finding_at("header-table", qh, "quốc hiệu không nằm trong bảng hai cột không viền ở đầu trang "
                                               "(cơ quan bên trái, quốc hiệu bên phải)")]
    table = doc.tables[qh.table - 1]
    before = [p for p in doc.paras if p.top is not None and p.order < min(p2.order for p2 in table.paras)]
    if any(not p.empty for p in before):
        findings.append(finding_at("header-table", qh, "bảng tiêu đề (cơ quan, quốc hiệu) không nằm ở đầu trang "
                                                       "đầu tiên", "warning", quote=""))
    if not borderless(table.element, doc.styles):
        findings.append(finding_at("header-table", qh, f"bảng tiêu đề (bảng {table.number}) có đường viền; "
                                                       "phải là bảng không viền", quote=""))
    if qh.col == 1:
        findings.append(finding_at("header-table", qh, "quốc hiệu nằm ở cột trái; Nghị định 30 đặt quốc hiệu ở "
                                                       "cột phải, tên cơ quan ở cột trái"))
    number, date = parts.number, parts.date
    if number and date and number.table == date.table and number.row != date.row:
        findings.append(finding_at("header-table", number, "dòng “Số:” và dòng địa danh, ngày tháng không cùng "
                                                           "một dòng của bảng tiêu đề", "warning"))
    return findings


def _agency(parts: Parts) -> list[Finding]:
    if not parts.agency:
        return [finding_at("agency", parts.quoc_hieu, "không thấy tên cơ quan ban hành bên trái quốc hiệu", quote="")]
    findings = []
    for p in parts.agency:
        if not in_caps(p):
            findings.append(finding_at("agency", p, "tên cơ quan phải viết in hoa"))
    issuing = parts.agency[-1]
    if not all_bold(issuing.text_runs):
        findings.append(finding_at("agency", issuing, "tên cơ quan ban hành không in đậm; Nghị định 30 yêu cầu "
                                                      "in hoa, đậm"))
    return findings


def _typed_rules(doc: Doc, parts: Parts) -> list[Finding]:
    findings = []
    front_ids = {id(p) for p in parts.front}
    for p in doc.paras:
        if TYPED_RULE_RE.match(p.text) or (id(p) in front_ids and "___" in p.text):
            findings.append(finding_at("typed-rule", p, "đường kẻ gõ bằng ký tự (____ hoặc ----); Nghị định 30 "
                                                        "yêu cầu đường kẻ vẽ (đường viền đoạn hoặc hình đường thẳng)"))
    return findings


@record
class FoundRule:
    kind: str                   # "shape", "border" or "underline"
    holder: Para
    length_mm: float | None = None


def _rule_after(anchor: Para, siblings: list[Para], limit: int = 2) -> FoundRule | None:
    """The drawn rule under `anchor`: a line shape or border on it or one of the next paragraphs,
    or the anchor's text underlined (not a rule, reported as such)."""
    for p in [anchor] + [p for p in siblings if p.order > anchor.order][:limit]:
        lines = drawn_lines(p.element)
        if lines:
            return FoundRule("shape", p, max(lines))
        if p.props.border or has_shape(p):
            return FoundRule("border" if p.props.border else "shape", p)
    if anchor.text_runs and all(r.props.underline for r in anchor.text_runs):
        return FoundRule("underline", anchor)
    return None


def _text_width_mm(doc: Doc, p: Para) -> float:
    """The width the paragraph's lines may take: its table cell's, else its section's text area."""
    if p.cell is not None:
        width = p.cell.find(f"{w('tcPr')}/{w('tcW')}")
        if width is not None and width.get(w("type")) in (None, "dxa") and to_int(width.get(w("w"))):
            return to_int(width.get(w("w"))) / TWIPS_PER_MM - CELL_MARGINS_MM
    section = doc.sections[min(p.section, len(doc.sections) - 1)]
    page_width, left, right = (to_int(section.attr(*a), 0) for a in (("pgSz", "w"), ("pgMar", "left"),
                                                                       ("pgMar", "right")))
    return (page_width - left - right) / TWIPS_PER_MM if page_width else 165.0


def _line_mm(doc: Doc, p: Para) -> float:
    """The length of `p`'s longest line as set in Times New Roman (its runs' size and weight)."""
    runs = p.text_runs
    size = next((r.props.size for r in runs if r.props.size), DEFAULT_SIZE)
    return longest_line_mm(p.text, size, all_bold(runs), _text_width_mm(doc, p))


def _rule_length(doc: Doc, label: str, anchor: Para, found: FoundRule) -> list[Finding]:
    """A drawn line's length against the decree: the tiêu ngữ's as long as it, others 1/3–1/2 of the line."""
    if found.length_mm is None:
        return []
    line = _line_mm(doc, anchor)
    length = found.length_mm
    if label == "tiêu ngữ":
        if abs(length - line) > RULE_LENGTH_TOLERANCE * line:
            return [finding_at("rule-line", anchor, f"đường kẻ dưới tiêu ngữ dài {length:.0f} mm, tiêu ngữ dài "
                                                    f"{line:.0f} mm; Nghị định 30: đường kẻ dài bằng tiêu ngữ",
                               "warning")]
        return []
    low, high = line / 3, line / 2
    if not (1 - RULE_LENGTH_TOLERANCE) * low <= length <= (1 + RULE_LENGTH_TOLERANCE) * high:
        return [finding_at("rule-line", anchor, f"đường kẻ dưới {label} dài {length:.0f} mm; Nghị định 30: "
                                                f"từ 1/3 đến 1/2 độ dài dòng chữ ({low:.0f}–{high:.0f} mm)",
                           "warning")]
    return []


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
        found = _rule_after(anchor, siblings)
        if found is None:
            findings.append(finding_at("rule-line", anchor, f"không thấy đường kẻ dưới {label} (đường viền đoạn "
                                                            "hoặc hình đường thẳng)", "warning"))
        elif found.kind == "underline":
            findings.append(finding_at("rule-line", anchor, f"{label} được gạch chân thay cho đường kẻ; Nghị định "
                                                            "30 yêu cầu đường kẻ vẽ (hình đường thẳng) dưới dòng chữ",
                                       "warning"))
        else:
            findings += _rule_length(doc, label, anchor, found)
    return findings


# --- type title, subject ------------------------------------------------------------------

def check_title(doc: Doc, parts: Parts) -> list[Finding]:
    findings = []
    if parts.title is not None and not all_bold(parts.title.text_runs):
        findings.append(finding_at("title", parts.title, "tên loại văn bản phải in hoa, đậm"))
    for p in parts.subject:
        if not all_bold(p.text_runs):
            findings.append(finding_at("title", p, "trích yếu nội dung không in đậm; Nghị định 30 yêu cầu chữ đậm"))
    return findings


# --- Kính gửi -----------------------------------------------------------------------------

def check_kinh_gui(doc: Doc, parts: Parts) -> list[Finding]:
    para = parts.kinh_gui
    if para is None:
        return []
    findings = []
    label_runs = _runs_in_span(para, 0, len("Kính gửi"))
    label = para.text[: len("Kính gửi")]
    if is_upper(label) or any(r.props.caps for r in label_runs):
        findings.append(finding_at("kinh-gui", para, "“KÍNH GỬI” viết in hoa; Nghị định 30 yêu cầu chữ thường "
                                                     "“Kính gửi:”"))
    if any(r.props.bold for r in para.text_runs):
        findings.append(finding_at("kinh-gui", para, "“Kính gửi” in đậm; Nghị định 30 yêu cầu chữ đứng, không đậm"))
    if not re.match(r"^kính gửi\s*:", fold(para.text)):
        findings.append(finding_at("kinh-gui", para, "thiếu dấu hai chấm sau “Kính gửi”"))
    for index, p in enumerate(parts.addressees):
        end = "." if index == len(parts.addressees) - 1 else ";"
        if not p.text.endswith(end):
            findings.append(finding_at("kinh-gui", p, f"mỗi dòng nơi gửi kết thúc bằng “;”, dòng cuối bằng “.”; "
                                                      f"dòng này phải kết thúc bằng “{end}”"))
        if any(r.props.bold for r in p.text_runs):
            findings.append(finding_at("kinh-gui", p, "nơi gửi in đậm; Nghị định 30 yêu cầu chữ đứng, không đậm"))
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
