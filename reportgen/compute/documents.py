"""Documents a report cites (`van_ban`), each declared once and printed from its declaration:
the long form in running text (`{{ vb.qd4466 }}` → `Quyết định số 4466/QĐ-UBND ngày 01 tháng
12 năm 2023 của Ủy ban nhân dân tỉnh ...`), the short form in tables and footnotes
(`{{ vb.qd4466.ngan }}` → `Quyết định số 4466/QĐ-UBND ngày 01/12/2023`), so a document can
never show two dates. And the check for documents typed by hand: the same number and symbol
with two different dates anywhere in the report's files is a warning naming both places.
"""

from __future__ import annotations

import datetime as dt
import re

from reportgen import formatting as F
from reportgen.errors import Diagnostics, Location, ReferenceProblem, suggestion
from reportgen.records import record
from reportgen.source.model import CitedDocument


def _number(value) -> str | None:
    """`2` → `02` (the decree pads document numbers below ten); other numbers as written."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    return f"{int(text):02d}" if text.isdigit() and int(text) < 10 else text


def build_documents(data: dict | None, where) -> list[CitedDocument]:
    """The `van_ban` mapping of a validated report (id → document)."""
    return [CitedDocument(d["loai"], _number(d.get("so")), d.get("ky_hieu"), d.get("ngay"), d.get("co_quan"),
                          d.get("trich_yeu"), id=key, location=where(("van_ban", key)))
            for key, d in (data or {}).items()]


class DocumentView(str):
    """`vb.ID` in a text: the long form; its attributes the other forms and the parts."""

    def __new__(cls, doc: CitedDocument):
        view = super().__new__(cls, citation(doc))
        view._doc = doc
        return view

    @property
    def ten(self) -> str:
        """`Quyết định số 4466/QĐ-UBND` (kind and number, as after the first citation)."""
        return document_name(self._doc)

    @property
    def so_ky_hieu(self) -> str:
        return number_symbol(self._doc)

    @property
    def ngay(self) -> str:
        return F.long_date(self._doc.date) if self._doc.date else ""

    @property
    def ngay_ngan(self) -> str:
        return F.short_date(self._doc.date) if self._doc.date else ""

    @property
    def ngan(self) -> str:
        """`Quyết định số 4466/QĐ-UBND ngày 01/12/2023`: tables, footnotes."""
        return f"{self.ten} ngày {self.ngay_ngan}" if self._doc.date else self.ten

    @property
    def day_du(self) -> str:
        return str(self)

    @property
    def co_quan(self) -> str:
        return self._doc.issuer or ""

    @property
    def trich_yeu(self) -> str:
        return self._doc.subject or ""


def number_symbol(doc: CitedDocument) -> str:
    return "/".join(p for p in (doc.number, doc.symbol) if p)


def document_name(doc: CitedDocument) -> str:
    number = number_symbol(doc)
    return f"{doc.kind} số {number}" if number else doc.kind


def citation(doc: CitedDocument, with_subject: bool = True) -> str:
    """`Quyết định số 4466/QĐ-UBND ngày 01 tháng 12 năm 2023 của <issuer> <subject>`."""
    text = document_name(doc)
    if doc.date:
        text += f" {F.long_date(doc.date)}"
    if doc.issuer:
        text += f" của {doc.issuer}"
    if with_subject and doc.subject:
        text += f" {doc.subject}"
    return text


class Registry:
    """`vb` in the Jinja of every text: `vb.ID` or `vb['ID']`."""

    def __init__(self, documents: list[CitedDocument]):
        self._documents = {d.id: d for d in documents}
        self.used: set[str] = set()

    def __getattr__(self, name: str) -> DocumentView:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> DocumentView:
        if name not in self._documents:
            raise ReferenceProblem(f'chưa khai báo văn bản "{name}" trong van_ban'
                                   f'{suggestion(name, self._documents)}; các văn bản: '
                                   f'{", ".join(self._documents) or "(không có)"}')
        self.used.add(name)
        return DocumentView(self._documents[name])


# --- documents typed by hand ---------------------------------------------------------------

# "số 4466/QĐ-UBND ngày 01/12/2023", "4466/QĐ-UBND ngày 19 tháng 3 năm 2024", "số 42/KH-C06-TTDLDC, ngày ..."
_SYMBOL = r"\d+(?:/\d{4})?/[A-ZĐ][A-ZĐa-zđ0-9&]*(?:-[A-ZĐa-zđ0-9&]+)*"
CITATION = re.compile(rf"(?<![\w/])({_SYMBOL})\s*,?\s+ngày\s+"
                      r"(?:(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))")


@record
class Citation:
    number_symbol: str
    date: dt.date
    location: Location
    written: str


def _date(m: re.Match) -> dt.date | None:
    day, month, year = (m.group(2), m.group(3), m.group(4)) if m.group(2) else (m.group(5), m.group(6), m.group(7))
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def text_values(value, path: tuple = (), containing: str = "") -> list[tuple[tuple, str]]:
    """(path, text) of the texts in `value`, in the order written; only those holding `containing`
    (the others' paths are never built)."""
    if isinstance(value, str):
        return [(path, value)] if containing in value else []
    found: list[tuple[tuple, str]] = []
    _collect_texts(value, path, containing, found)
    return found


def _collect_texts(value, path: tuple, containing: str, found: list) -> None:
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(item, str):
            if containing in item:
                found.append((path + (key,), item))
        elif isinstance(item, (dict, list)):
            _collect_texts(item, path + (key,), containing, found)


def line_in_file(loaded, start: Location, written: str, split: dict | None = None) -> Location:
    """The line where `written` stands, at or after the value's start (a folded scalar spans lines).
    `split`: each file's lines, kept by the caller for the next figure (file -> lines)."""
    text = (getattr(loaded, "texts", {}) or {}).get(start.file)
    if not text or not start.line:
        return start
    words = written.split()
    split = {} if split is None else split
    if start.file not in split:
        split[start.file] = text.split("\n")
    lines = split[start.file]
    for n in range(start.line - 1, len(lines)):
        if words[0] in lines[n]:
            return Location(start.file, n + 1, lines[n].index(words[0]) + 1)
    return start


def find_citations(loaded) -> list[Citation]:
    """Every `NUMBER/SYMBOL ngày DATE` typed in the report's texts (its files and included files)."""
    found, split = [], {}
    for path, text in text_values(loaded.data, (), "ngày"):  # a citation has the word "ngày"
        if path and path[0] == "van_ban":
            continue
        flat = " ".join(text.split())
        for m in CITATION.finditer(flat):
            date = _date(m)
            if date is not None:
                found.append(Citation(m.group(1), date, line_in_file(loaded, loaded.where(path), m.group(1), split),
                                      m.group(0)))
    return found


def check_citation_dates(loaded, documents: list[CitedDocument], diags: Diagnostics) -> None:
    """One warning per document whose number and symbol is typed with a date other than its first
    (or its `van_ban` declaration's): both places named."""
    first: dict[str, tuple[dt.date, Location, str]] = {}
    reported: set[tuple[str, dt.date]] = set()
    for doc in documents:
        number = "/".join(p for p in (doc.number, doc.symbol) if p)
        if doc.symbol and doc.date:
            first[number] = (doc.date, doc.location, f"khai báo trong van_ban ({doc.id})")
    for c in find_citations(loaded):
        if c.number_symbol not in first:
            first[c.number_symbol] = (c.date, c.location, f'"{c.written}"')
            continue
        date, where, how = first[c.number_symbol]
        if c.date != date and (c.number_symbol, c.date) not in reported:
            reported.add((c.number_symbol, c.date))
            diags.warning(c.location, f'văn bản số {c.number_symbol} ghi ngày {F.short_date(c.date)} ở đây nhưng '
                                      f'ngày {F.short_date(date)} ở {where} ({how}); một văn bản chỉ có một ngày: '
                                      f'khai báo nó một lần trong van_ban và in bằng {{{{ vb.ID }}}}',
                          related=where)
