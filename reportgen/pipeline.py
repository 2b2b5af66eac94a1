"""The whole pipeline for one report: load → validate → model → compute → compose.

`prepare()` returns the document tree and every diagnostic; writers are called
by the CLI only when there is no error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen import formatting as F
from reportgen import periods
from reportgen.compose import Composer
from reportgen.document import Document
from reportgen.errors import Diagnostics, ReportError, suggestion
from reportgen.indicators import IndicatorSet, IndicatorView, check_indicators, numeric
from reportgen.loader import LoadedYaml, load
from reportgen.model import Block, Report, build_report
from reportgen.numbering import appendix_label
from reportgen.tables import TableBuilder, Tallies
from reportgen.templates import TYPE_NAMES, Template, load_template
from reportgen.templating import ReferenceProblem, Renderer, make_environment
from reportgen.validate import check_report


@dataclass
class Prepared:
    report: Report
    template: Template
    document: Document
    diagnostics: Diagnostics
    loaded: LoadedYaml


def _filters() -> dict:
    """Jinja filters; each accepts a number or a formatted figure (ct.X.gia_tri)."""
    return {
        "so": lambda v, decimals=None: F.number(numeric(v), decimals),
        "phan_tram": lambda v, decimals=2: F.percent(numeric(v), decimals),
        "tien": lambda v: F.money(numeric(v)),
        "trieu_dong": lambda v: F.money(numeric(v), "trieu"),
        "ty_dong": lambda v: F.money(numeric(v), "ty"),
        "ngay": F.long_date,
        "ngay_ngan": F.short_date,
        "dem": lambda v: F.count(int(numeric(v))),
        "la_ma": F.roman,
        "ky": lambda period_id: periods.parse(period_id).label,
    }


def _month(month: int) -> str:
    """The decree pads only months 1 and 2."""
    return f"{month:02d}" if month <= 2 else str(month)


def document_number(number: str | None) -> str | None:
    """The decree pads numbers below 10 with a leading zero: `Số: 05/BC-UBND`."""
    if number and number.isdigit() and int(number) < 10:
        return f"{int(number):02d}"
    return number


def _blank(text: str | None, width: int = 5) -> str:
    return text if text else " " * width


def report_variables(report: Report, template: Template, period: periods.Period | None, render_text) -> dict:
    d = report.date
    kind = report.kind or template.settings["loai_van_ban"]
    request = None
    if report.request:
        q = report.request
        number = "/".join(p for p in (q.number, q.symbol) if p)
        cite = f"{q.kind} số {number}" if number else q.kind
        if q.date:
            cite += f" {F.long_date(q.date)}"
        if q.issuer:
            cite += f" của {q.issuer}"
        request = {"loai": q.kind, "so": q.number or "", "ky_hieu": q.symbol or "", "so_ky_hieu": number,
                   "ngay": F.long_date(q.date) if q.date else "", "ngay_ngan": F.short_date(q.date) if q.date else "",
                   "co_quan": q.issuer or "", "trich_yeu": q.subject or "", "trich_dan": cite}
    return {
        "so": document_number(report.number) or "",
        "ky_hieu": report.symbol,
        "so_ky_hieu": f"{_blank(document_number(report.number))}/{report.symbol}",
        "ngay": F.long_date(d.date) if d.day else f"ngày {' ' * 5} tháng {_month(d.month)} năm {d.year}",
        "ngay_ngan": F.short_date(d.date) if d.day else f"{' ' * 4}/{_month(d.month)}/{d.year}",
        "nam": d.year,
        "loai": kind,
        "ten_loai": TYPE_NAMES.get(kind, ""),
        "co_quan": report.agency.name,
        "co_quan_ngan": report.agency.short_name,
        "dia_danh": report.place,
        "ky": period,
        "kinh_gui": [render_text(t) for t in report.recipients],
        "van_ban_yeu_cau": request,
    }


def _tables_in(blocks: list[Block]):
    for block in blocks:
        if block.table is not None:
            yield block.table
        yield from _tables_in(block.children)


def _all_tables(report: Report) -> list[tuple]:
    """(table, default id) for every table: appendix tables take their appendix's id."""
    return [(a.table, a.id) for a in report.appendices if a.table] + \
        [(t, None) for t in _tables_in(report.body)] + \
        [(t, None) for a in report.appendices for t in _tables_in(a.blocks)]


def _compute_tables(report: Report, builder: TableBuilder, tallies: Tallies, diags: Diagnostics) -> dict:
    """Every table computed (keyed by the input table's identity) and registered for `dem()`."""
    computed = {}
    for table, default_id in _all_tables(report):
        try:
            result = builder.build(table, default_id)
        except ReportError as exc:  # e.g. an unknown table kind: reported with the others
            diags.extend(exc.diagnostics)
            continue
        computed[id(table)] = result
        tallies.add(result)
    return computed


def _warn_unused(report: Report, used_indicators: set, used_notes: set, diags: Diagnostics) -> None:
    """Warnings (errors with --strict): things declared and never printed, and the decree's habits."""
    for ind in report.indicators:
        if ind.id not in used_indicators:
            diags.warning(ind.location, f'chỉ tiêu "{ind.id}" được khai báo nhưng không được in ở đâu')
    for key, text in report.footnotes.items():
        if key not in used_notes:
            diags.warning(text.location, f'chú thích "{key}" không được dẫn ở đâu (dùng [^{key}] trong văn bản)')
    if report.recipients and report.distribution and report.distribution[0].raw.strip().rstrip(";") != "Như trên":
        diags.warning(report.distribution[0].location,
                      'có "Kính gửi" nên Nơi nhận thường bắt đầu bằng "Như trên" (Nghị định 30)')
    if "VT" not in report.archive.raw.split(",")[0]:
        diags.warning(report.archive.location, 'dòng Lưu thường bắt đầu bằng "VT" (Văn thư), ví dụ: VT, KSTT')


def prepare(path: str | Path, strict: bool = False) -> Prepared:
    """Run every stage up to the document tree; raise ReportError with all problems found."""
    path = Path(path)
    loaded = load(path)
    diags = check_report(loaded)
    diags.raise_if_errors()
    report = build_report(loaded, path)
    template = load_template(report.template, path, loaded.where(("mau",)))
    period = None
    if report.period:
        try:
            period = periods.parse(report.period)
        except periods.PeriodError as exc:
            diags.error(loaded.where(("ky",)), str(exc), ("ky",))
            diags.raise_if_errors()

    # The renderer is needed by the indicators' wording, and the Jinja environment needs the
    # indicators: the renderer is made first and given its environment once that exists.
    renderer = Renderer(None, diags)
    wording = template.settings["cach_viet_chi_tieu"]

    def render_pattern(pattern: str, view: IndicatorView) -> str:
        names = ("ten", "don_vi", "gia_tri", "tu_so", "mau_so", "ty_le", "con_lai", "tinh_den")
        values = {}
        for name in names:
            try:
                values[name] = getattr(view, name)
            except ReferenceProblem:
                values[name] = ""
        return renderer.compile(pattern).render(**values).strip()

    indicator_set = IndicatorSet(report.indicators, wording, render_pattern, template.settings["ty_le_thap_phan"])
    diags.extend(check_indicators(report.indicators))
    tallies = Tallies(diags, lambda: renderer.current)
    labels = {a.id: appendix_label(i, len(report.appendices), template.settings["phu_luc_danh_so"],
                                   template.settings["phu_luc_mot_khong_so"])
              for i, a in enumerate(report.appendices, start=1)}

    def appendix_reference(appendix_id: str) -> str:
        if appendix_id not in labels:
            raise ReferenceProblem(f'không có phụ lục "{appendix_id}"{suggestion(appendix_id, labels)}; '
                                   f'các phụ lục: {", ".join(labels) or "(không có)"}')
        return labels[appendix_id]

    env = make_environment(template.search_path(), _filters(),
                           {"ct": indicator_set, "dem": tallies, "phu_luc": appendix_reference})
    renderer.env = env
    variables = {"bao_cao": report_variables(report, template, period, lambda t: renderer.text(t.raw, t.location))}
    env.globals.update(variables)

    builder = TableBuilder(template, {i.id: indicator_set.view(i.id) for i in report.indicators}, diags,
                           lambda t: renderer.text(t.raw, t.location))
    computed = _compute_tables(report, builder, tallies, diags)

    composer = Composer(report, template, renderer, diags, variables, computed, labels)
    document = composer.document()
    table_indicators = {r.indicator for t in _all_tables(report) for g in t[0].groups for r in g.rows if r.indicator}
    _warn_unused(report, indicator_set.used | table_indicators, composer.used_footnotes, diags)
    diags.raise_if_errors(strict)
    return Prepared(report, template, document, diags, loaded)
