"""The document's number (`Số: 117/BC-UBND`) and its dates: the date line under the header
and the dates written out in the text (zero padding of days and months)."""

from __future__ import annotations

import re

from ..findings import Finding
from ..locate import DATE_RE, NUMBER_RE, Parts
from ..reading import Doc, Para
from ..text import normalize, segment, shorten
from .common import all_italic, field_instructions, finding_at


# --- date line ----------------------------------------------------------------------------

DATE_FIELD_RE = re.compile(r"(?<![A-Z])(CREATEDATE|SAVEDATE|PRINTDATE|DATE|TIME)(?![A-Z])")
RUNNING_DATE_RE = re.compile(r"ngày\s+(?P<day>\d{1,3})\s+tháng\s+(?P<month>\d{1,3})\s+năm\s+\d{4}", re.I)


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
        findings.append(finding_at("date-line", date, "thiếu dấu phẩy sau địa danh: “<Địa danh>, ngày ... tháng ... "
                                                      "năm ...”", quote=quote))
    if not place or not place[0].isupper():
        findings.append(finding_at("date-line", date, "địa danh phải viết hoa chữ cái đầu và đứng trước “, ngày”",
                                   quote=quote))
    if not all_italic(date.text_runs):
        findings.append(finding_at("date-line", date, "dòng địa danh, ngày tháng không in nghiêng; Nghị định 30 "
                                                      "yêu cầu chữ nghiêng", quote=quote))
    field = DATE_FIELD_RE.search(field_instructions(date.element))
    if field:
        findings.append(finding_at("date-line", date, f"ngày tháng là trường {field.group(1)} của Word, tự đổi theo "
                                                      "ngày mở hoặc lưu văn bản; hãy gõ ngày ban hành", "warning",
                                   quote=quote))
    for problem in (_day_problem(match.group("day")), _month_problem(match.group("month"))):
        if problem:
            findings.append(finding_at("date-padding", date, problem, quote=quote))
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
                    findings.append(finding_at("date-padding", p, problem, "warning", quote=match.group(0)))
    return findings


# --- number -------------------------------------------------------------------------------

DOCUMENT_TYPES = {
    "BÁO CÁO": "BC", "QUYẾT ĐỊNH": "QĐ", "TỜ TRÌNH": "TTr", "KẾ HOẠCH": "KH", "THÔNG BÁO": "TB",
    "CHỈ THỊ": "CT", "HƯỚNG DẪN": "HD", "CHƯƠNG TRÌNH": "CTr", "PHƯƠNG ÁN": "PA", "ĐỀ ÁN": "ĐA",
    "DỰ ÁN": "DA", "BIÊN BẢN": "BB", "QUY CHẾ": "QC", "QUY ĐỊNH": "QyĐ", "THÔNG CÁO": "TC",
    "NGHỊ QUYẾT": "NQ", "CÔNG ĐIỆN": "CĐ", "GIẤY MỜI": "GM", "GIẤY GIỚI THIỆU": "GGT",
    "HỢP ĐỒNG": "HĐ", "GIẤY ỦY QUYỀN": "GUQ",
}


def check_number(doc: Doc, parts: Parts) -> list[Finding]:
    para = parts.number
    if para is None:
        return [Finding("number", "trang đầu", "", "không thấy dòng số, ký hiệu văn bản “Số: .../...”")]
    match = segment(para.text, NUMBER_RE)
    findings: list[Finding] = []

    def add(message: str) -> None:
        findings.append(finding_at("number", para, message, quote=shorten(match.string)))

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
        return [finding_at("number", para, f"{parts.title.text.lower()} có ký hiệu bắt đầu bằng “{code}-” "
                                           f"(ví dụ {code}-UBND), ở đây là “{tokens[0]}”", "warning")]
    return []
