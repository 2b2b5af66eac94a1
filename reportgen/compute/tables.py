"""Tables: a table kind (template data) plus rows (report data) → a computed grid.

Computes header rows with merged cells, STT numbering, group rows with their
counts, status marks, `-nt-` repeats, totals, and the tallies the body prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from reportgen import formatting as F
from reportgen.errors import (
    Diagnostics,
    Location,
    ReferenceProblem,
    ReportError,
    suggestion,
)
from reportgen.source.model import Block, Report, Row, TableInput, Text
from reportgen.source.templates import Template

REPEAT_MARK = "-nt-"
STATUS_MARK = "X"
GROUP_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class Column:
    key: str
    title: str
    width: float
    align: str
    source: str | None


@dataclass
class HeaderCell:
    text: str
    column: int
    colspan: int = 1
    rowspan: int = 1


@dataclass
class OutRow:
    kind: str  # "group", "data" or "total"
    cells: list  # one per column: Text, list[Block], str or None
    group_title: str = ""


@dataclass
class ComputedTable:
    id: str | None
    kind: str
    columns: list[Column]
    header_rows: list[list[HeaderCell]]
    rows: list[OutRow]
    font_size: int
    orientation: str
    statuses: dict
    row_facts: list = field(default_factory=list)  # (group id, status) per data row, for tallies


def _leaves(columns: list[dict]) -> list[dict]:
    out = []
    for col in columns:
        out.extend(_leaves(col["cot"]) if col.get("cot") else [col])
    return out


def _depth(columns: list[dict]) -> int:
    return max((1 + _depth(c["cot"]) if c.get("cot") else 1) for c in columns)


def _header_rows(columns: list[dict], titles: dict) -> list[list[HeaderCell]]:
    depth = _depth(columns)
    rows: list[list[HeaderCell]] = [[] for _ in range(depth)]

    def place(cols, level, start):
        index = start
        for col in cols:
            title = titles.get(col.get("khoa"), col["tieu_de"])
            if col.get("cot"):
                span = len(_leaves(col["cot"]))
                rows[level].append(HeaderCell(title, index, span, 1))
                place(col["cot"], level + 1, index)
                index += span
            else:
                rows[level].append(HeaderCell(title, index, 1, depth - level))
                index += 1

    place(columns, 0, 0)
    return rows


def _plain(cell) -> str | None:
    if isinstance(cell, Text):
        return cell.raw.strip()
    return None


def _number_of(cell) -> Decimal | None:
    text = _plain(cell)
    if text is None:
        return None
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def _group_code(style: str, index: int, explicit: str | None) -> str:
    if explicit is not None:
        return explicit  # "" prints the group without a code
    if style == "la_ma":
        return F.roman(index)
    if style == "chu_cai":
        return GROUP_LETTERS[(index - 1) % len(GROUP_LETTERS)]
    return ""


class TableBuilder:
    def __init__(self, template: Template, indicators: dict, diags: Diagnostics, render=lambda t: t.raw):
        self.render = render  # Jinja for group titles and column titles
        self.template = template
        self.indicators = indicators  # id -> (Indicator, view factory)
        self.diags = diags

    def build(self, table: TableInput, default_id: str | None = None) -> ComputedTable:
        kind = self.template.table_kind(table.kind, table.location)
        spec = kind.data
        columns = [Column(c.get("khoa", ""), table.column_titles.get(c.get("khoa"), c["tieu_de"]),
                          float(c.get("rong", 10)), c.get("canh", "trai"), c.get("nguon"))
                   for c in _leaves(spec["cot"])]
        statuses = spec.get("trang_thai") or {}
        self._check_column_titles(table, columns)
        computed = ComputedTable(table.id or default_id, table.kind, columns, _header_rows(spec["cot"], table.column_titles),
                                 [], spec.get("co_chu", 12), spec.get("huong", "ngang"), statuses)
        numbering = spec.get("stt", "lien_tuc")
        group_style = (spec.get("nhom") or {}).get("ma", "la_ma")
        count_word = (spec.get("nhom") or {}).get("dem")
        repeat_columns = set(spec.get("nt") or [])
        total_columns = set(spec.get("tong") or [])
        serial = 0
        previous: dict = {}
        totals = {key: Decimal(0) for key in total_columns}
        for group_index, group in enumerate(table.groups, start=1):
            if table.grouped:
                code = _group_code(group_style, group_index, group.code)
                title = self.render(group.title).upper()
                if count_word and group.show_count:
                    title += f" ({F.count(len(group.rows))} {count_word})"
                cells = [None] * len(columns)
                computed.rows.append(OutRow("group", [code] + cells[1:], group_title=title))
                self._check_group_count(group, len(group.rows), count_word)
                if numbering == "theo_nhom":
                    serial = 0
            for row_index, row in enumerate(group.rows, start=1):
                serial += 1
                stt = f"{group_index}.{row_index}" if numbering == "phan_cap" else str(serial)
                cells = self._row_cells(row, columns, statuses, stt)
                for i, col in enumerate(columns):
                    text = _plain(cells[i])
                    if col.key in repeat_columns:
                        if text is not None and previous.get(col.key) == text:
                            cells[i] = REPEAT_MARK
                        previous[col.key] = text
                    if col.key in total_columns:
                        value = _number_of(cells[i])
                        if value is not None:
                            totals[col.key] += value
                computed.rows.append(OutRow("data", cells))
                computed.row_facts.append((group.id, row.status))
        if total_columns:
            cells = [F.number(totals[c.key]) if c.key in total_columns else None for c in columns]
            cells[0] = None
            computed.rows.append(OutRow("total", cells, group_title="Tổng cộng"))
        self._check_table_count(table, len(computed.row_facts))
        return computed

    def _check_column_titles(self, table: TableInput, columns: list[Column]) -> None:
        keys = [c.key for c in columns]
        for key in table.column_titles:
            if key not in keys:
                self.diags.error(table.location, f'bảng loại "{table.kind}" không có cột "{key}" để đổi tiêu đề'
                                                 f'{suggestion(key, keys)}')

    def _row_cells(self, row: Row, columns: list[Column], statuses: dict, stt: str) -> list:
        keys = [c.key for c in columns]
        for key in row.values:
            if key not in keys or key == "stt":
                allowed = [k for k in keys if k != "stt"] + ["trang_thai", "ket_qua", "chi_tieu"]
                self.diags.error(row.location, f'cột "{key}" không có trong loại bảng này{suggestion(key, allowed)}; '
                                               f'dùng: {", ".join(allowed)}', row.path + (key,))
        cells = [row.values.get(c.key) for c in columns]
        cells[0] = stt
        result = row.result
        if "ket_qua" in keys and result is not None and cells[keys.index("ket_qua")] is None:
            # the kind has a column named ket_qua: the row's ket_qua is that column's value
            cells[keys.index("ket_qua")], result = result, None
        if row.indicator is not None:
            self._fill_from_indicator(row, columns, cells)
        if row.status is not None:
            if row.status not in statuses:
                self.diags.error(row.location, f'trạng thái "{row.status}" không có trong loại bảng này'
                                               f'{suggestion(row.status, statuses)}; dùng: {", ".join(statuses)}',
                                 row.path + ("trang_thai",))
            else:
                column = statuses[row.status].get("cot")
                if column in keys and cells[keys.index(column)] is None:
                    cells[keys.index(column)] = result if result is not None else STATUS_MARK
        elif result is not None:
            self.diags.error(row.location, "ket_qua cần có trang_thai để biết đặt vào cột nào", row.path + ("ket_qua",))
        return cells

    def _fill_from_indicator(self, row: Row, columns: list[Column], cells: list) -> None:
        if row.indicator not in self.indicators:
            self.diags.error(row.location, f'chưa khai báo chỉ tiêu "{row.indicator}"'
                                           f'{suggestion(row.indicator, self.indicators)}', row.path + ("chi_tieu",))
            return
        view = self.indicators[row.indicator]
        for i, col in enumerate(columns):
            if col.source and cells[i] is None:
                cells[i] = indicator_cell(view, col.source)

    def _check_group_count(self, group, actual: int, word: str | None) -> None:
        if group.typed_count is not None and group.typed_count != actual:
            self.diags.error(group.count_location or group.location,
                             f'nhóm "{group.title.raw}" ghi {F.count(group.typed_count)} {word or "dòng"} '
                             f"nhưng có {F.count(actual)} dòng", related=group.location)

    def _check_table_count(self, table: TableInput, actual: int) -> None:
        if table.typed_count is not None and table.typed_count != actual:
            self.diags.error(table.count_location or table.location,
                             f"bảng ghi {F.count(table.typed_count)} dòng nhưng có {F.count(actual)} dòng",
                             related=table.location)


def indicator_cell(view, source: str) -> str:
    """A table cell filled from an indicator (the indicator table's columns)."""
    if source == "muc_tieu":
        targets = view._ind.targets
        if not targets:
            return ""
        is_ratio = view._ind.numerator is not None
        return "; ".join(f">={F.number(t.value)}{'%' if is_ratio else ''}" for t in targets)
    if source == "ket_qua":
        return view.ty_le if view._ind.numerator is not None else view.gia_tri
    return str(getattr(view, source))


class Count(int):
    """A count printed with the decree's zero padding (`04`); arithmetic still works."""

    def __str__(self) -> str:
        return F.count(int(self))


class Tallies:
    """`dem(...)` in texts: counts of rows computed from the tables."""

    def __init__(self, diags: Diagnostics, current_location):
        self.tables: dict[str, ComputedTable] = {}
        self.diags = diags
        self.current_location = current_location

    def add(self, table: ComputedTable) -> None:
        if table.id:
            self.tables[table.id] = table

    def __call__(self, table_id: str, trang_thai: str | None = None, nhom: str | None = None, ghi: int | None = None):
        if table_id not in self.tables:
            raise ReferenceProblem(f'không có bảng "{table_id}"{suggestion(table_id, self.tables)}; '
                                   f'các bảng: {", ".join(self.tables) or "(không có)"}')
        table = self.tables[table_id]
        if trang_thai is not None and trang_thai not in table.statuses:
            raise ReferenceProblem(f'bảng "{table_id}" không có trạng thái "{trang_thai}"'
                                   f'{suggestion(trang_thai, table.statuses)}; có: {", ".join(table.statuses)}')
        groups = {g for g, _ in table.row_facts}
        if nhom is not None and nhom not in groups:
            raise ReferenceProblem(f'bảng "{table_id}" không có nhóm "{nhom}"{suggestion(nhom, [g for g in groups if g])}')
        count = sum(1 for g, s in table.row_facts
                    if (trang_thai is None or s == trang_thai) and (nhom is None or g == nhom))
        if ghi is not None and ghi != count:
            where = self.current_location() or Location("?")
            what = f'trạng thái "{trang_thai}"' if trang_thai else "tất cả các dòng"
            self.diags.error(where, f'số ghi tay {F.count(ghi)} khác với số đếm từ bảng "{table_id}" ({what}): '
                                    f"{F.count(count)}")
        return Count(count)


def tables_in(blocks: list[Block]):
    for block in blocks:
        if block.table is not None:
            yield block.table
        yield from tables_in(block.children)


def all_tables(report: Report) -> list[tuple]:
    """(table, default id) for every table: appendix tables take their appendix's id."""
    return [(a.table, a.id) for a in report.appendices if a.table] + \
        [(t, None) for t in tables_in(report.body)] + \
        [(t, None) for a in report.appendices for t in tables_in(a.blocks)]


def compute_tables(report: Report, builder: TableBuilder, tallies: Tallies, diags: Diagnostics) -> dict:
    """Every table computed (keyed by the input table's identity) and registered for `dem()`."""
    computed = {}
    for table, default_id in all_tables(report):
        try:
            result = builder.build(table, default_id)
        except ReportError as exc:  # e.g. an unknown table kind: reported with the others
            diags.extend(exc.diagnostics)
            continue
        computed[id(table)] = result
        tallies.add(result)
    return computed
