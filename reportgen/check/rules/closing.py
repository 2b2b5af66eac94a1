"""The end of the document: the closing `./.`, the signature block and Nơi nhận."""

from __future__ import annotations

import re

from ..findings import Finding
from ..locate import Parts
from ..reading import Doc, Para
from ..text import is_upper, shorten
from .common import all_bold, all_italic, finding_at, has_shape, in_caps, size_finding


def check_closing(doc: Doc, parts: Parts) -> list[Finding]:
    text_paras = [p for p in parts.body if not p.empty]
    if not text_paras:
        return []
    last = text_paras[-1]
    if not last.text.rstrip().endswith("./."):
        return [finding_at("closing", last, "đoạn cuối của nội dung không kết thúc bằng dấu “./.”", "warning",
                           quote=shorten(last.text[-60:]))]
    return []


def check_signature(doc: Doc, parts: Parts) -> list[Finding]:
    lines = [p for p in parts.signature if not p.empty]
    if not lines:
        return [Finding("signature", "cuối văn bản", "", "không thấy khối chữ ký (TM./KT./Q./TL./TUQ. hoặc "
                                                         "chức vụ người ký, họ tên)", "warning")]
    findings = []
    for block in _signer_blocks(lines):
        findings += _one_signer(block, parts.signature)
    return findings


def _signer_blocks(lines: list[Para]) -> list[list[Para]]:
    """One block per table cell holding lines: two in a joint document (văn bản liên tịch)."""
    blocks: dict = {}
    for p in lines:
        blocks.setdefault(id(p.cell) if p.cell is not None else None, []).append(p)
    return list(blocks.values())


def _one_signer(lines: list[Para], paras: list[Para]) -> list[Finding]:
    findings = []
    name, titles = lines[-1], lines[:-1]
    for p in titles:
        if not in_caps(p):
            findings.append(finding_at("signature", p, "quyền hạn, chức vụ người ký phải viết in hoa"))
        if not all_bold(p.text_runs):
            findings.append(finding_at("signature", p, "quyền hạn, chức vụ người ký phải in đậm"))
    if not all_bold(name.text_runs):
        findings.append(finding_at("signature", name, "họ tên người ký phải in đậm"))
    if is_upper(name.text) and len(name.text) > 3:
        findings.append(finding_at("signature", name, "họ tên người ký viết in hoa; Nghị định 30 yêu cầu chữ thường "
                                                      "(in đậm)", "warning"))
    if titles and not _signature_room(paras, titles[-1], name):
        findings.append(finding_at("signature", name, "không chừa chỗ ký và đóng dấu giữa chức vụ và họ tên "
                                                      "(khoảng 20–25 mm)", "warning"))
    return findings


def _signature_room(paras: list[Para], title: Para, name: Para) -> bool:
    between = [p for p in paras if title.order < p.order < name.order]
    if any(p.empty for p in between) or any(has_shape(p) for p in between + [name]):
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
        findings.append(finding_at("noi-nhan", para, "phải viết “Nơi nhận:” (chữ thường, có dấu hai chấm)",
                                   quote=label_text))
    findings += [_replace_rule(f, "noi-nhan") for f in
                 size_finding(label_runs, 12, 12, "“Nơi nhận:”", para, quote=label_text)]
    if not (all_bold(label_runs) and all_italic(label_runs)):
        findings.append(finding_at("noi-nhan", para, "“Nơi nhận:” phải in đậm, nghiêng", quote=label_text))
    return findings + _recipient_findings(parts)


def _replace_rule(f: Finding, rule: str) -> Finding:
    return Finding(rule, f.where, f.quote, f.message, f.severity)


def _recipient_findings(parts: Parts) -> list[Finding]:
    lines = parts.recipients
    if not lines:
        return [finding_at("noi-nhan", parts.noi_nhan, "“Nơi nhận:” không có dòng nơi nhận nào")]
    # One finding for the sizes of the whole list: a wrong size is usually the same on every line.
    first_p, first_text, _ = lines[0]
    findings = [_replace_rule(f, "noi-nhan") for f in
                size_finding([r for _, _, runs in lines for r in runs], 11, 11, "các dòng nơi nhận", first_p,
                             quote=shorten(first_text))]
    for index, (p, text, runs) in enumerate(lines):
        last = index == len(lines) - 1
        if not re.match(r"-\s", text):
            findings.append(finding_at("noi-nhan", p, "mỗi dòng nơi nhận bắt đầu bằng “- ”", quote=shorten(text)))
        if not last and not text.endswith(";"):
            findings.append(finding_at("noi-nhan", p, "dòng nơi nhận phải kết thúc bằng dấu “;”", quote=shorten(text)))
    if parts.kinh_gui is not None and not re.match(r"^-\s*Như trên\s*;", lines[0][1]):
        findings.append(finding_at("noi-nhan", lines[0][0], "văn bản có “Kính gửi” thì dòng nơi nhận đầu tiên là "
                                                            "“- Như trên;”", "warning", quote=shorten(lines[0][1])))
    p, text, _ = lines[-1]
    if not re.match(r"^-\s*Lưu\s*:", text):
        findings.append(finding_at("noi-nhan", p, "thiếu dòng cuối “- Lưu: VT, ...” (lưu văn thư và đơn vị soạn "
                                                  "thảo)", quote=shorten(text)))
    else:
        if not text.endswith("."):
            findings.append(finding_at("noi-nhan", p, "dòng “- Lưu: ...” phải kết thúc bằng dấu “.”",
                                       quote=shorten(text)))
        if not re.match(r"^-\s*Lưu\s*:\s*VT\b", text):
            findings.append(finding_at("noi-nhan", p, "dòng “- Lưu:” không có “VT” (bản lưu ở văn thư); mẫu của "
                                                      "Nghị định 30 là “- Lưu: VT, <mã đơn vị soạn thảo>.”", "warning",
                                       quote=shorten(text)))
    return findings
