"""What the checker reports: the Finding, the cap on findings per rule, and their text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable

from reportgen.records import record

MAX_PER_RULE = 12          # findings of one rule shown before a summary line


@record(frozen=True)
class Finding:
    rule: str        # short rule id, e.g. "margins", "font", "date-padding"
    where: str       # "đoạn 12", "bảng 1, dòng 2, cột 1", "mục 2 (phụ lục)", ...
    quote: str       # a short quote of the offending text ('' if none)
    message: str     # Vietnamese: what was found and what the decree wants
    severity: str = "error"   # or "warning"


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


def cap_per_rule(findings: list[Finding]) -> list[Finding]:
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
