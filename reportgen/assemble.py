"""The stages after validation, for one valid report: the typed model, its template, the
computed figures, tables and references, and the document tree.

`pipeline.prepare()` imports this module once the input has passed validation, so that a
report with errors is answered before these stages (and Jinja with them) are loaded.
"""

from __future__ import annotations

from pathlib import Path

from reportgen.compose import Context, compose
from reportgen.compose.templating import Renderer, make_environment
from reportgen.compose.variables import filters, for_edition, report_variables
from reportgen.compute import periods
from reportgen.compute.documents import Registry, build_documents, check_citation_dates
from reportgen.compute.indicators import IndicatorSet, IndicatorView, check_indicators
from reportgen.compute.numbering import appendix_label
from reportgen.compute.period_checks import check_period
from reportgen.compute.tables import TableBuilder, Tallies, all_tables, compute_tables
from reportgen.compute.targets import check_targets
from reportgen.compute.typed_figures import check_typed_figures
from reportgen.document import Document, Paragraph, Span
from reportgen.errors import Diagnostics, ReferenceProblem, suggestion
from reportgen.source.loader import LoadedYaml
from reportgen.source.model import Report, Text, build_report
from reportgen.source.templates import Template, load_template


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


def _warn_paper_without_number(report: Report, loaded: LoadedYaml, diags: Diagnostics) -> None:
    """A paper edition prints the number and the day; a report without them prints blanks."""
    if report.number is None:
        diags.warning(loaded.where(("so",)), "bản giấy (--ban giay) nhưng báo cáo chưa có số (so:): số sẽ để trống")
    if report.date.day is None:
        diags.warning(loaded.where(("ngay",)), "bản giấy (--ban giay) nhưng ngày ban hành chưa có ngày: ngày sẽ để trống")


def _mark_draft(document: Document) -> None:
    """A draft built with figures still to update says so on its first line."""
    document.sections[0].blocks.insert(0, Paragraph("body", [Span("DỰ THẢO", bold=True)], align="left",
                                                    first_line_indent=False))
    document.title = f"DỰ THẢO {document.title}"


def assemble(path: Path, loaded: LoadedYaml, diags: Diagnostics, strict: bool, edition: str | None, draft: bool,
             carried_from: tuple | None) -> tuple[Report, Template, Document]:
    """Every stage after validation (see `pipeline.prepare`); raise ReportError with all problems found."""
    report = build_report(loaded, path)
    if edition == "giay":
        _warn_paper_without_number(report, loaded, diags)
    report = for_edition(report, edition)
    template = load_template(report.template, path, loaded.where(("mau",)))
    period = None
    if report.period:
        try:
            period = periods.parse(report.period)
        except periods.PeriodError as exc:
            diags.error(loaded.where(("ky",)), str(exc), ("ky",))
            diags.raise_if_errors()
    check_period(report, loaded, period, template.settings, diags, draft, carried_from)

    # The renderer is needed by the indicators' wording, and the Jinja environment needs the
    # indicators: the renderer is made first and given its environment once that exists.
    renderer = Renderer(None, diags)
    wording = template.settings["cach_viet_chi_tieu"]

    def render_text(text: Text) -> str:
        return renderer.text(text.raw, text.location)

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
    check_targets(report.indicators, diags)
    documents = build_documents(loaded.data.get("van_ban"), loaded.where)
    check_citation_dates(loaded, documents, diags)  # a document typed with two dates
    check_typed_figures(loaded, diags)  # a percentage typed beside its numbers that does not match them
    tallies = Tallies(diags, lambda: renderer.current)
    labels = {a.id: a.label or appendix_label(i, len(report.appendices), template.settings["phu_luc_danh_so"],
                                              template.settings["phu_luc_mot_khong_so"],
                                              template.settings.get("phu_luc_in_hoa", False))
              for i, a in enumerate(report.appendices, start=1)}

    def appendix_reference(appendix_id: str) -> str:
        if appendix_id not in labels:
            raise ReferenceProblem(f'không có phụ lục "{appendix_id}"{suggestion(appendix_id, labels)}; '
                                   f'các phụ lục: {", ".join(labels) or "(không có)"}')
        return labels[appendix_id]

    env = make_environment(template.search_path(), filters(),
                           {"ct": indicator_set, "dem": tallies, "phu_luc": appendix_reference,
                            "vb": Registry(documents)})
    renderer.env = env
    variables = {"bao_cao": report_variables(report, template, period, render_text)}
    variables["bao_cao"]["ban"] = edition or "giay"
    env.globals.update(variables)
    # named footnotes are texts like the others: `tính đến {{ bao_cao.tinh_den }}` stays right next period
    report.footnotes = {key: Text(render_text(note), note.location)
                        for key, note in report.footnotes.items()}

    builder = TableBuilder(template, {i.id: indicator_set.view(i.id) for i in report.indicators}, diags,
                           render_text)
    computed = compute_tables(report, builder, tallies, diags)

    context = Context(report, template, renderer, diags, variables, computed, labels)
    document = compose(context)
    if draft:
        _mark_draft(document)
    table_indicators = {r.indicator for t in all_tables(report) for g in t[0].groups for r in g.rows if r.indicator}
    _warn_unused(report, indicator_set.used | table_indicators, context.used_footnotes, diags)
    # Nothing renders once the tree is made. The environment's own cycles (its bound methods,
    # its templates) would otherwise hold the report's figures until the cycle collector ran.
    env.globals.clear()
    diags.raise_if_errors(strict)
    return report, template, document
