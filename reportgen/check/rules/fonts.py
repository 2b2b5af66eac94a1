"""How the text is set: typeface and colour everywhere (body, tables, headers, footers,
footnotes), the size of each component, and line spacing."""

from __future__ import annotations

from ..findings import Finding
from ..locate import Parts, dominant_size, is_numbered
from ..ooxml import DEFAULT_SIZE, w
from ..reading import Doc, Para, Run
from ..text import pt, shorten
from .common import finding_at, size_finding


# --- font and colour ----------------------------------------------------------------------

TNR = "times new roman"


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
                paras.extend(doc.para_from(p, where, section.number - 1) for p in root.iter(w("p")))
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
            findings.append(finding_at("font", para, f"phông chữ {', '.join(fonts)}; Nghị định 30 yêu cầu "
                                                     "phông Times New Roman (Unicode)", quote=shorten(quote.strip())))
        if colours:
            shown = ", ".join(c if c.startswith("tinted") else f"#{c}" for c in colours)
            findings.append(finding_at("color", para, f"chữ màu {shown.replace('tinted ', 'nhạt của #')}; "
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
            f += size_finding(p.text_runs, low, high, name, p)
    return f + _heading_sizes(parts) + _size_pair(parts)


def _heading_sizes(parts: Parts) -> list[Finding]:
    body = parts.body_size
    if body is None:
        return []
    findings = []
    for p in parts.body:
        if not is_numbered(p) or not p.text_runs:
            continue
        biggest = max(r.props.size or DEFAULT_SIZE for r in p.text_runs)
        if biggest > body + 0.01:
            findings.append(finding_at("heading-size", p, f"đề mục cỡ chữ {pt(biggest)}, lớn hơn thân văn bản "
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
            findings.append(finding_at("size-pair", para, f"{label} cỡ {pt(size)} trộn lẫn hai bộ cỡ chữ: {pair}"))
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
                findings.append(finding_at("line-spacing", p, f"giãn dòng {pt(round(line / 240, 2))} dòng; Nghị định "
                                                              "30 cho phép từ dòng đơn đến 1,5 dòng"))
        else:
            size = max((r.props.size or DEFAULT_SIZE for r in p.text_runs), default=DEFAULT_SIZE)
            # Times New Roman's single line is about 1.15 × the font size.
            if line / 20 > 1.5 * 1.15 * size + 0.5:
                findings.append(finding_at("line-spacing", p, f"giãn dòng {pt(round(line / 20, 1))} pt (quá 1,5 dòng "
                                                              f"của chữ cỡ {pt(size)}); Nghị định 30 cho phép từ dòng "
                                                              "đơn đến 1,5 dòng"))
    return findings
