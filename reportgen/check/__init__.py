"""`reportgen check`: checks any .docx against the format rules of Nghị định 30/2020/NĐ-CP.

Takes the path of a .docx; gives the findings — every departure from the decree's format,
in rule order, at most a few per rule (`check_docx`), and their text (`format_findings`,
`summary_line`). A file that cannot be read raises `CheckError`.

The document may come from reportgen or be typed by hand in Word, so every component
(quốc hiệu, `Số:`, the date line, Kính gửi, Nơi nhận, ...) is located by its text
(`locate`), and every run's font, size, bold and italic are resolved through the style
hierarchy (direct formatting → character style → paragraph style and its basedOn chain →
table style → docDefaults), as Word would show them (`reading`, `styles`).

Without a layout engine there are no page numbers: findings say where by paragraph
("đoạn N", counting the body's paragraphs outside tables from 1), by table cell
("bảng N, dòng R, cột C") and, for page rules, by section ("mục S").
"""

from __future__ import annotations

from pathlib import Path

from .findings import Finding, cap_per_rule, format_findings, summary_line
from .locate import locate
from .package import PackageError
from .reading import CheckError, Doc, open_docx
from .rules import RULES

__all__ = ["CheckError", "Finding", "check_docx", "format_findings", "summary_line"]


def check_docx(path: str | Path) -> list[Finding]:
    """Every departure from the decree's format found in the .docx at `path`."""
    try:
        doc = Doc(open_docx(Path(path)))
    except PackageError as exc:  # a part beyond the main document is not XML
        raise CheckError(f"{path}: tệp .docx bị hỏng (XML không hợp lệ: {exc}).") from None
    parts = locate(doc)
    findings: list[Finding] = []
    for rule in RULES:
        findings.extend(rule(doc, parts))
    return cap_per_rule(findings)
