"""Tables: a table kind (template data) plus rows (report data) → a computed grid.

Computes header rows with merged cells, STT numbering (running, restarting per group,
hierarchical), group rows nested to any depth with their codes and counts, status marks,
`-nt-` repeats, totals, and the tallies the body prints.
"""

from __future__ import annotations

import re
from dataclasses import field
from decimal import Decimal, InvalidOperation

from reportgen import formatting as F
from reportgen.compute import targets
from reportgen.compute.indicators import percentage
from reportgen.errors import (
    Diagnostics,
    Location,
    ReferenceProblem,
    ReportError,
    suggestion,
)
from reportgen.records import record
from reportgen.source.model import Block, Report, Row, TableInput, Text
from reportgen.source.templates import Template

REPEAT_MARK = "-nt-"
STATUS_MARK = "X"
GROUP_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@record
class Column:
    key: str
    title: str
    width: float
    align: str
    source: str | None


@record
class HeaderCell:
    text: str
    column: int
    colspan: int = 1
    rowspan: int = 1


@record
class OutRow:
    kind: str  # "group", "data" or "total"
    cells: list  # one per column: Text, list[Block], str or None
    group_title: str = ""
    level: int = 0  # a group row's level (1 = top)
    bold: bool = True
    italic: bool = False


@record
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
    row_groups: list = field(default_factory=list)  # the ids of every group a data row is under


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
    _place(columns, 0, 0, rows, titles)
    return rows


def _place(cols: list[dict], level: int, start: int, rows: list, titles: dict) -> None:
    """The header cells of `cols` from column `start` on, at `level` and below. (A function of
    its own: a closure calling itself is a cycle, holding the rows until the collector runs.)"""
    index = start
    for col in cols:
        title = titles.get(col.get("khoa"), col["tieu_de"])
        if col.get("cot"):
            span = len(_leaves(col["cot"]))
            rows[level].append(HeaderCell(title, index, span, 1))
            _place(col["cot"], level + 1, index, rows, titles)
            index += span
        else:
            rows[level].append(HeaderCell(title, index, 1, len(rows) - level))
            index += 1


def _plain(cell) -> str | None:
    if isinstance(cell, Text):
        return cell.raw.strip()
    return None


def _number_of(cell, column_title: str, diags: Diagnostics | None) -> Decimal | None:
    """A cell's figure for the total row, read the Vietnamese way (`1.423.297`, `95,5`).

    A figure that reads two ways, or text where a figure is summed, is said at the cell."""
    text = _plain(cell)
    if not text or text == REPEAT_MARK:
        return None
    try:
        return Decimal(_read_cell_figure(text).digits)
    except F.ReadingError as exc:
        if diags is None:
            return None
        if _LOOKS_NUMERIC.match(text):
            diags.error(cell.location, f'cột "{column_title}" được cộng vào dòng tổng: {exc}')
        else:
            diags.warning(cell.location, f'cột "{column_title}" được cộng vào dòng tổng nhưng ô này '
                                         f'không phải là số ("{text}"): ô không được cộng')
    return None


def _read_cell_figure(text: str) -> F.NumberReading:
    """In a summed column `500.000` is five hundred thousand; decimals are written `95,5`."""
    try:
        return F.read_number(text, whole=True)
    except F.ReadingError:
        return F.read_number(text)


_LOOKS_NUMERIC = re.compile(r"^[-+−]?[\d.,\s\u00a0]+$")


def _group_code(style: str, index: int, explicit: str | None, parent_code: str = "") -> str:
    if explicit is not None:
        return explicit  # "" prints the group without a code
    if style == "la_ma":
        return F.roman(index)
    if style == "chu_cai":
        return GROUP_LETTERS[(index - 1) % len(GROUP_LETTERS)]
    if style == "so":
        return str(index)
    if style == "phan_cap":
        return f"{parent_code}.{index}" if parent_code else str(index)
    return ""


def group_levels(spec: dict) -> list[dict]:
    """The table kind's group levels: `nhom: {...}` is one level (titles in capitals, as before);
    `nhom: [{...}, {...}]` one mapping per level (titles as typed unless `in_hoa: true`)."""
    levels = spec.get("nhom")
    if levels is None:
        return [{"ma": "la_ma", "in_hoa": True}]
    if isinstance(levels, dict):
        return [{"in_hoa": True, **levels}]
    return [{"ma": "so", "in_hoa": False, **level} for level in levels] or [{"ma": "la_ma", "in_hoa": True}]


def _level(levels: list[dict], level: int) -> dict:
    return levels[min(level, len(levels)) - 1]


def _rows_under(group) -> int:
    return len(group.rows) + sum(_rows_under(child) for child in group.children)


def _ordered(columns: list[dict], order: list[str]) -> list[dict]:
    """Columns in the order a table asks (`thu_tu_cot`, by key): STT first, a merged header where
    its first named sub-column goes, columns not named in their order after the named ones."""
    rank = {key: i for i, key in enumerate(order)}
    rank["stt"] = -1  # STT stays the first column

    def position(col):
        keys = [c.get("khoa") for c in _leaves([col])]
        return min((rank[k] for k in keys if k in rank), default=len(rank))

    out = [dict(c, cot=_ordered(c["cot"], order)) if c.get("cot") else c for c in columns]
    return sorted(out, key=position)  # sorted() is stable: unnamed columns keep their order


def _without(columns: list[dict], hidden: set) -> list[dict]:
    """Columns minus the hidden keys (`an_cot`); a merged header left empty goes too."""
    out = []
    for col in columns:
        if col.get("cot"):
            inner = _without(col["cot"], hidden)
            if inner:
                out.append(dict(col, cot=inner))
        elif col.get("khoa") not in hidden:
            out.append(col)
    return out


@record
class _State:
    """What runs on through a table while its groups are walked."""

    numbering: str
    levels: list
    repeat_columns: set
    total_columns: set
    serial: int = 0
    previous: dict = field(default_factory=dict)
    totals: dict = field(default_factory=dict)
    ancestors: list = field(default_factory=list)

    def __post_init__(self):
        self.totals = {key: Decimal(0) for key in self.total_columns}

    def repeat_and_total(self, cells: list, columns: list[Column], diags: Diagnostics | None = None) -> None:
        for i, col in enumerate(columns):
            if col.key in self.repeat_columns:
                text = _plain(cells[i])
                if text is not None and self.previous.get(col.key) == text:
                    cells[i] = REPEAT_MARK
                self.previous[col.key] = text
            if col.key in self.total_columns:
                value = _number_of(cells[i], col.title, diags)
                if value is not None:
                    self.totals[col.key] += value


class TableBuilder:
    def __init__(self, template: Template, indicators: dict, diags: Diagnostics, render=lambda t: t.raw):
        self.render = render  # Jinja for group titles and column titles
        self.template = template
        self.indicators = indicators  # id -> (Indicator, view factory)
        self.diags = diags

    def build(self, table: TableInput, default_id: str | None = None) -> ComputedTable:
        kind = self.template.table_kind(table.kind, table.location)
        spec = kind.data
        layout = self._layout(table, spec["cot"])
        columns = [Column(c.get("khoa", ""), table.column_titles.get(c.get("khoa"), c["tieu_de"]),
                          float(c.get("rong", 10)), c.get("canh", "trai"), c.get("nguon"))
                   for c in _leaves(layout)]
        statuses = spec.get("trang_thai") or {}
        self._check_column_titles(table, columns)
        computed = ComputedTable(table.id or default_id, table.kind, columns, _header_rows(layout, table.column_titles),
                                 [], spec.get("co_chu", 12), spec.get("huong", "ngang"), statuses)
        state = _State(table.numbering or spec.get("stt", "lien_tuc"), group_levels(spec),
                       set(spec.get("nt") or []), set(spec.get("tong") or []))
        for group_index, group in enumerate(table.tree, start=1):
            self._group(group, group_index, (), "", table.grouped, computed, statuses, state)
        if state.totals:
            cells = [F.number(state.totals[c.key]) if c.key in state.totals else None for c in columns]
            cells[0] = None
            computed.rows.append(OutRow("total", cells, group_title="Tổng cộng"))
        self._check_table_count(table, len(computed.row_facts))
        return computed

    def _layout(self, table: TableInput, columns: list[dict]) -> list[dict]:
        """The kind's columns as this table shows them: hidden ones left out, reordered."""
        keys = [c.get("khoa") for c in _leaves(columns)]
        for key in table.hidden_columns + table.column_order:
            if key not in keys:
                allowed = [k for k in keys if k]
                self.diags.error(table.location, f'bảng loại "{table.kind}" không có cột "{key}"'
                                                 f'{suggestion(key, allowed)}; các cột: {", ".join(allowed)}')
        if "stt" in table.hidden_columns:
            self.diags.error(table.location, "không ẩn được cột STT (an_cot): STT là cột đầu của mọi bảng")
        layout = _without(columns, set(table.hidden_columns) - {"stt"})
        return _ordered(layout, table.column_order) if table.column_order else layout

    def _group(self, group, index: int, path: tuple, parent_code: str, grouped: bool,
               computed: ComputedTable, statuses: dict, state: _State) -> None:
        """A group row (when the table has groups), its rows, then its sub-groups, depth first."""
        path = path + (index,)
        code = parent_code
        if grouped and not group.rows and not group.children:
            self.diags.error(group.location, f'nhóm "{group.title.raw}" không có dòng nào (dong) và không có nhóm '
                                             f"con (nhom)")
        if grouped:
            look = _level(state.levels, group.level)
            code = _group_code(look.get("ma", "so"), index, group.code, parent_code)
            title = self.render(group.title)
            if look.get("in_hoa"):
                title = title.upper()
            word = look.get("dem")
            if word and group.show_count:
                title += f" ({F.count(_rows_under(group))} {word})"
            cells = [None] * len(computed.columns)
            computed.rows.append(OutRow("group", [code] + cells[1:], group_title=title, level=group.level,
                                        bold=look.get("dam", True), italic=bool(look.get("nghieng"))))
            self._check_group_count(group, _rows_under(group), word)
            if state.numbering == "theo_nhom":
                state.serial = 0
        state.ancestors.append(group.id)
        under = frozenset(g for g in state.ancestors if g)  # the groups each of its rows is under
        keys = [c.key for c in computed.columns]
        for row_index, row in enumerate(group.rows, start=1):
            state.serial += 1
            stt = ".".join(str(i) for i in path + (row_index,)) if state.numbering == "phan_cap" else str(state.serial)
            cells = self._row_cells(row, computed.columns, keys, statuses, stt)
            state.repeat_and_total(cells, computed.columns, self.diags)
            computed.rows.append(OutRow("data", cells))
            computed.row_facts.append((group.id, row.status))
            computed.row_groups.append(under)
        for child_index, child in enumerate(group.children, start=1):
            self._group(child, child_index, path, code, grouped, computed, statuses, state)
        state.ancestors.pop()

    def _check_column_titles(self, table: TableInput, columns: list[Column]) -> None:
        keys = [c.key for c in columns]
        for key in table.column_titles:
            if key not in keys:
                self.diags.error(table.location, f'bảng loại "{table.kind}" không có cột "{key}" để đổi tiêu đề'
                                                 f'{suggestion(key, keys)}')

    def _row_cells(self, row: Row, columns: list[Column], keys: list[str], statuses: dict, stt: str) -> list:
        """A data row's cells; `keys`: the columns' keys."""
        for key in row.values:
            if key not in keys:
                allowed = list(dict.fromkeys(keys + ["trang_thai", "ket_qua", "chi_tieu"]))
                self.diags.error(row.location, f'cột "{key}" không có trong bảng này{suggestion(key, allowed)}; '
                                               f'dùng: {", ".join(allowed)}', row.path + (key,))
        cells = [row.values.get(c.key) for c in columns]
        cells[0] = self._typed_stt(row, stt)
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

    def _typed_stt(self, row: Row, computed: str) -> str:
        """A row may carry its own STT (printed as typed); a warning when it is not the computed one."""
        typed = row.values.get("stt")
        if typed is None:
            return computed
        text = self.render(typed).strip() if isinstance(typed, Text) else str(typed)
        if text != computed:
            where = typed.location if isinstance(typed, Text) else row.location
            self.diags.warning(where, f'STT ghi "{text}" khác với STT tính theo thứ tự dòng "{computed}"; '
                                      f'in "{text}" như đã ghi', row.path + ("stt",))
        return text

    def _fill_from_indicator(self, row: Row, columns: list[Column], cells: list) -> None:
        if row.indicator not in self.indicators:
            self.diags.error(row.location, f'chưa khai báo chỉ tiêu "{row.indicator}"'
                                           f'{suggestion(row.indicator, self.indicators)}', row.path + ("chi_tieu",))
            return
        view = self.indicators[row.indicator]
        for i, col in enumerate(columns):
            if col.source == "van_ban" and cells[i] is None:
                cells[i] = view._ind.document  # the indicator's directing document (a text, Jinja allowed)
            elif col.source and cells[i] is None:
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
    """A table cell filled from an indicator (the indicator table's columns): `muc_tieu` as the
    originals print targets (`>=80%`, `100%`, `<=5%`, `80% - 90%`), `ket_qua` its rate or value,
    `danh_gia` its judgement, `thanh_phan` its parts in one cell, `van_ban` its directing document."""
    ind = view._ind
    if source == "muc_tieu":
        is_ratio = percentage(ind) is not None or ind.unit == "%"
        return "; ".join(targets.in_table(t, is_ratio) for t in targets.usable(ind.targets))
    if source == "ket_qua":
        return view.ty_le if percentage(ind) is not None else view.gia_tri  # a rate-only figure too
    if source == "danh_gia":
        return view.danh_gia if ind.targets else ""
    if source == "thanh_phan":
        parts = [getattr(view.thanh_phan, p.id) for p in ind.parts]
        return "; ".join(f"{p.ten}: {p.ty_le if percentage(p._ind) is not None else p.gia_tri}" for p in parts)
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
        self._groups: dict[str, set] = {}  # table id -> the groups its rows are under
        self._counts: dict[tuple, int] = {}  # (table id, status, group) -> rows counted

    def add(self, table: ComputedTable) -> None:
        if table.id:
            self.tables[table.id] = table
            self._groups.pop(table.id, None)
            self._counts = {key: count for key, count in self._counts.items() if key[0] != table.id}

    def __call__(self, table_id: str, trang_thai: str | None = None, nhom: str | None = None, ghi: int | None = None):
        if table_id not in self.tables:
            raise ReferenceProblem(f'không có bảng "{table_id}"{suggestion(table_id, self.tables)}; '
                                   f'các bảng: {", ".join(self.tables) or "(không có)"}')
        table = self.tables[table_id]
        if trang_thai is not None and trang_thai not in table.statuses:
            raise ReferenceProblem(f'bảng "{table_id}" không có trạng thái "{trang_thai}"'
                                   f'{suggestion(trang_thai, table.statuses)}; có: {", ".join(table.statuses)}')
        if table_id not in self._groups:
            self._groups[table_id] = set().union(*table.row_groups) if table.row_groups else set()
        groups = self._groups[table_id]
        if nhom is not None and nhom not in groups:
            raise ReferenceProblem(f'bảng "{table_id}" không có nhóm "{nhom}"{suggestion(nhom, sorted(groups))}')
        key = (table_id, trang_thai, nhom)
        if key not in self._counts:  # a text may count the same rows many times
            self._counts[key] = sum(1 for (_, s), under in zip(table.row_facts, table.row_groups)
                                    if (trang_thai is None or s == trang_thai) and (nhom is None or nhom in under))
        count = self._counts[key]
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
