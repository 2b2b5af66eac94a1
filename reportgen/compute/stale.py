"""Typed period and date mentions that belong to an earlier period than the report's.

A text that says `tháng 10 năm 2025` or `tính đến ngày 25/10/2025` in the report for
tháng 11 was most likely carried over from last month's report and forgotten. The
check reads every text a reader sees (headings, paragraphs, appendix titles, footnotes,
table cells), ignores what Jinja computes (`{{ bao_cao.ky }}`) and dates of cited
documents (`Quyết định số 540/QĐ-UBND ngày 07/02/2024`), and names, for each stale
mention, the template expression that stays right from one period to the next.

A mention the author means (a comparison with an earlier period) is accepted when it
follows `so với`, or when the report lists it under `ky_so_sanh`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from pathlib import Path

from reportgen.compute.periods import (
    HALF,
    MONTH,
    NINE_MONTHS,
    QUARTER,
    YEAR,
    Period,
    PeriodError,
    parse,
)
from reportgen.errors import Location
from reportgen.records import record

ACCEPTED_KEY = "ky_so_sanh"

# Keys whose values are not prose a reader sees as the report's own period, or that cite
# another document (its dates are that document's, not the report's).
_NOT_PROSE = {
    "mau", "ky", "ky_hieu", "so", "loai_van_ban", "bao_gom", "co_quan", "chu_ky", "dia_danh",
    "noi_nhan", "luu", "van_ban_yeu_cau", "id", "loai", "trang_thai", "muc_tieu",
    ACCEPTED_KEY, "ngay", "tinh_den", "don_vi", "kieu", "canh", "huong", "chi_tieu",
    "van_ban",  # cited documents (a task's "Văn bản chỉ đạo", the report's list of documents)
    "thoi_han",  # a task's deadline stays what it was, even when it is past
}
_PROSE_OF_INDICATORS = ("ten",)  # an indicator's name is printed (tables, wording); its ghi_chu is not

_YEAR = r"(?P<y>(?:19|20)\d{2})"
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_PATTERNS = [
    ("half", re.compile(rf"6\s+tháng\s+(?P<h>đầu|cuối)\s+năm\s+{_YEAR}", re.IGNORECASE)),
    ("nine", re.compile(rf"9\s+tháng\s+(?:đầu\s+)?năm\s+{_YEAR}", re.IGNORECASE)),
    ("quarter", re.compile(rf"quý\s+(?P<q>IV|III|II|I|[1-4])(?P<long>\s*/\s*|\s+năm\s+){_YEAR}", re.IGNORECASE)),
    # a date's `ngày` before it is taken with it by _with_day_word
    ("date", re.compile(rf"(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})\s*/\s*{_YEAR}", re.IGNORECASE)),
    ("date", re.compile(rf"(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})\s+năm\s+{_YEAR}", re.IGNORECASE)),
    ("month", re.compile(rf"tháng\s+(?P<m>\d{{1,2}})(?P<long>\s*/\s*|\s+năm\s+){_YEAR}", re.IGNORECASE)),
    ("year", re.compile(rf"năm\s+{_YEAR}", re.IGNORECASE)),
]
_CUT_OFF_BEFORE = re.compile(r"(?:đến|tới)\s+(?:hết\s+)?(?:thời\s+điểm\s+)?$", re.IGNORECASE)
# `Luật Cư trú năm 2020`, `Hiến pháp năm 2013`: a law's name, not a period
_LAW_NAME_BEFORE = re.compile(r"(?:\b[Ll]uật|LUẬT|Hiến\s+pháp|HIẾN\s+PHÁP)(?:\s+[^\s,;.:()]+){0,6}\s+$")
_COMPARISON_BEFORE = re.compile(r"so\s+với\s+(?:cùng\s+kỳ\s+)?(?:kỳ\s+)?$", re.IGNORECASE)
_ANY_YEAR = re.compile(r"(?:19|20)\d{2}")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


@record(frozen=True)
class Mention:
    """A period (`tháng 10 năm 2025`) or a cut-off date (`đến ngày 25/10/2025`) as typed."""

    text: str
    start: int
    period: Period | None = None
    day: dt.date | None = None
    long_form: bool = False  # `tháng 10 năm 2025` rather than `tháng 10/2025`
    compared: bool = False   # follows `so với`


@record(frozen=True)
class StaleMention:
    location: Location
    field: tuple
    mention: Mention
    expression: str | None  # what to write instead, so the text stays right next period
    report_period: Period
    carried: bool = False   # found by `reportgen new` in text carried from the last report

    def message(self) -> str:
        m, period = self.mention, self.report_period
        if m.day is not None:
            return (f'ngày chốt số liệu "{m.text}" là của kỳ trước (báo cáo {period.label}), được gõ tay nên '
                    f"không đổi theo kỳ; viết {self.expression} (ngày cuối của kỳ lấy số liệu)")
        if self.carried:
            text = f'"{m.text}" chép từ báo cáo kỳ trước, nay không còn đúng kỳ (báo cáo {period.label})'
            text += f"; viết {self.expression} để luôn đúng kỳ" if self.expression else "; sửa lại cho kỳ này"
            return text + f" (nếu nói về chính kỳ đó, giữ nguyên và ghi vào {ACCEPTED_KEY})"
        text = (f'"{m.text}" là kỳ trước kỳ của báo cáo ({period.label}), được gõ tay nên không đổi theo kỳ; '
                f"nếu là kỳ của báo cáo, viết {self_period_expression(m, period)}")
        if self.expression:
            text += f"; nếu cố ý nói về kỳ đó, viết {self.expression}"
        return text + f' hoặc ghi "{m.text}" vào {ACCEPTED_KEY}'


def self_period_expression(mention: Mention, period: Period) -> str:
    if mention.period.kind == YEAR and period.kind != YEAR:
        return "năm {{ bao_cao.ky.year }}"
    if mention.long_form and period.kind in (MONTH, QUARTER):
        return "{{ bao_cao.ky.label_long }}"
    return "{{ bao_cao.ky }}"


def _period_of(kind: str, match: re.Match) -> Period | None:
    year = int(match.group("y"))
    try:
        if kind == "half":
            return Period(HALF, year, 1 if match.group("h").lower() == "đầu" else 2)
        if kind == "nine":
            return Period(NINE_MONTHS, year)
        if kind == "quarter":
            q = match.group("q").upper()
            return Period(QUARTER, year, _ROMAN.get(q) or int(q))
        if kind == "month":
            return Period(MONTH, year, int(match.group("m")))
        return Period(YEAR, year)
    except PeriodError:
        return None


def _day_of(match: re.Match) -> dt.date | None:
    try:
        return dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None


def _with_day_word(text: str, start: int) -> int:
    """A date's start, moved back over a `ngày` and the spaces written before it. (As part of
    the date's pattern, an optional word first made the pattern be tried at every letter of a
    text, three times slower.)"""
    before = start
    while before > 0 and text[before - 1].isspace():  # what `\s` matches
        before -= 1
    if before < start and text[max(0, before - 4):before].lower() == "ngày":
        return before - 4
    return start


def mentions(text: str) -> list[Mention]:
    """Every period mention and every cut-off date in a text, Jinja expressions left out."""
    if not _ANY_YEAR.search(text):  # every mention has a year: most texts need no more
        return []
    plain = _JINJA.sub(lambda m: " " * len(m.group(0)), text)
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(plain):
            start, end = match.span()
            if kind == "date":
                start = _with_day_word(plain, start)
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            before = plain[max(0, start - 40):start]
            if kind == "date":
                if not _CUT_OFF_BEFORE.search(before):
                    continue  # a cited document's date, not a cut-off
                day = _day_of(match)
                if day:
                    found.append(Mention(plain[start:end], start, day=day))
                continue
            period = _period_of(kind, match)
            if period is None or (kind == "year" and _LAW_NAME_BEFORE.search(before)):
                continue
            long_form = "năm" in (match.groupdict().get("long") or "").lower()
            found.append(Mention(match.group(0), start, period=period, long_form=long_form,
                                 compared=bool(_COMPARISON_BEFORE.search(before))))
    return sorted(found, key=lambda m: m.start)


# --- what a mention means, seen from a report's period -------------------------------------

def _relative(period: Period, base: Period) -> tuple[str, int] | None:
    """("same", k): k periods of the base's kind after it; ("year", k): the base's year + k."""
    offset = period.offset_from(base)
    if offset is not None:
        return ("same", offset)
    if period.kind == YEAR:
        return ("year", period.year - base.year)
    return None


def _resolve(relation: tuple[str, int], base: Period) -> Period:
    kind, offset = relation
    return base.shifted(offset) if kind == "same" else Period(YEAR, base.year + offset)


_NAMES = {0: "bao_cao.ky", -1: "bao_cao.ky_truoc", 1: "bao_cao.ky_sau"}


def expression(relation: tuple[str, int] | None, mention: Mention, base_kind: str) -> str | None:
    """The Jinja that prints this mention from any report's period (None when there is none)."""
    if relation is None:
        return None
    kind, offset = relation
    if kind == "year":
        sign = "" if offset == 0 else f" {'+' if offset > 0 else '-'} {abs(offset)}"
        return f"năm {{{{ bao_cao.ky.year{sign} }}}}"
    name = _NAMES.get(offset)
    if name is None:
        return None
    if mention.long_form and base_kind in (MONTH, QUARTER):
        return f"{{{{ {name}.label_long }}}}"
    return f"{{{{ {name} }}}}"


def date_expression(mention: Mention) -> str:
    if re.search(r"tháng", mention.text, re.IGNORECASE):
        return "{{ bao_cao.tinh_den }}"
    prefix = "ngày " if mention.text.lower().startswith("ngày") else ""
    return f"{prefix}{{{{ bao_cao.tinh_den | ngay_ngan }}}}"


def _accepted(entries) -> tuple[set[str], set[Period]]:
    texts, accepted_periods = set(), set()
    for entry in [entries] if isinstance(entries, str) else entries or []:
        if not isinstance(entry, str):
            continue
        try:
            accepted_periods.add(parse(entry))
        except PeriodError:
            texts.add(_normal(entry))
    return texts, accepted_periods


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def stale_in_text(text: str, period: Period, accepted=None, previous: Period | None = None,
                  previous_date: dt.date | None = None) -> list[tuple[Mention, str | None]]:
    """Stale mentions of one text, each with the expression to write instead.

    `previous`: the period the text was written for (by `reportgen new`): a mention is stale
    when, read with the same meaning from the new period, it names another period.
    Without it a mention is stale when its period ends before the report's starts."""
    texts, accepted_periods = accepted or (set(), set())
    out = []
    for m in mentions(text):
        if m.day is not None:
            late = m.day < period.start or (previous_date is not None and m.day <= previous_date)
            if late:
                out.append((m, date_expression(m)))
            continue
        if previous is not None:
            relation = _relative(m.period, previous)
            if relation is not None and abs(relation[1]) <= 1:  # this, last or next period; a target
                # year further off (`tầm nhìn đến năm 2030`) is not relative to the report
                if _resolve(relation, period) != m.period:
                    out.append((m, expression(relation, m, period.kind)))
                continue
            if previous.start <= m.period.end < period.start:  # current then, past now
                out.append((m, None))
            continue
        if m.period.end >= period.start or m.compared:
            continue
        if _normal(m.text) in texts or m.period in accepted_periods:
            continue
        out.append((m, expression(_relative(m.period, period), m, period.kind)))
    return out


# --- every text of a loaded report ----------------------------------------------------------

def _texts(data, path: tuple = (), found: list | None = None) -> list[tuple[tuple, str]]:
    """(path, text) of the report's prose, in the order written."""
    found = [] if found is None else found
    if isinstance(data, str):
        found.append((path, data))
    elif isinstance(data, dict):
        in_indicator = len(path) >= 2 and path[0] == "chi_tieu"
        for key, value in data.items():
            if key in _NOT_PROSE and not (path == () and key == "chi_tieu"):
                continue
            if in_indicator and key not in _PROSE_OF_INDICATORS:
                continue
            _texts(value, path + (key,), found)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            _texts(item, path + (i,), found)
    return found


def _flexible(text: str) -> re.Pattern:
    """The words of `text` with any spacing between them (a folded paragraph breaks lines)."""
    return re.compile(r"\s+".join(re.escape(w) for w in text.split()), re.IGNORECASE)


class _Sources:
    """The files' text, to point at the line of a mention inside a folded paragraph."""

    def __init__(self):
        self.files: dict[str, tuple[str, list[int]]] = {}  # file -> (text, offset of each line)

    def _file(self, name: str) -> tuple[str, list[int]]:
        if name not in self.files:
            try:
                lines = Path(name).read_text(encoding="utf-8-sig").splitlines(keepends=True)
            except (OSError, UnicodeDecodeError):
                lines = []
            offsets = [0]
            for line in lines:
                offsets.append(offsets[-1] + len(line))
            self.files[name] = ("".join(lines), offsets)
        return self.files[name]

    def locate(self, where: Location, mention: Mention, occurrence: int) -> Location:
        if not where.line:
            return where
        text, offsets = self._file(where.file)
        if where.line >= len(offsets):
            return where
        start = offsets[where.line - 1] + where.column - 1
        matches = list(_flexible(mention.text).finditer(text, start))
        if len(matches) <= occurrence:
            return where
        at = matches[occurrence].start()
        line = bisect.bisect_right(offsets, at) - 1
        return Location(where.file, line + 1, at - offsets[line] + 1)


def find_stale(loaded, period: Period, previous: Period | None = None,
               previous_date: dt.date | None = None) -> list[StaleMention]:
    """Every stale mention of a loaded report, located at its line."""
    accepted = _accepted(loaded.data.get(ACCEPTED_KEY)) if previous is None else None
    sources = _Sources()
    found = []
    for path, text in _texts(loaded.data):
        for m, expr in stale_in_text(text, period, accepted, previous, previous_date):
            occurrence = len(_flexible(m.text).findall(text, 0, m.start))
            where = sources.locate(loaded.where(path), m, occurrence)
            found.append(StaleMention(where, path, m, expr, period, carried=previous is not None))
    return sorted(found, key=lambda s: (s.location.file, s.location.line, s.location.column))
