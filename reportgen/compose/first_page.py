"""The first page: the header block, the document's kind and subject, Kính gửi, the opening."""

from __future__ import annotations

from reportgen import formatting as F
from reportgen.compose.context import Context
from reportgen.metrics import longest_line_mm, text_width_mm
from reportgen.document import Cell, Paragraph, Rule, Span, Table
from reportgen.source.templates import TYPE_TITLES

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
HEADER_WIDTHS_MM = (67.5, 100.0)


# The decree: the agency's and the subject's rules are 1/3 to 1/2 of the line above them; the
# tiêu ngữ's is as long as the tiêu ngữ.
SHORT_RULE_SHARE = 0.4
CELL_MARGINS_MM = 3.0


def header(ctx: Context) -> Table:
    r = ctx.report
    left = []
    if r.agency.parent:
        left.append(Paragraph("co-quan-chu-quan", [Span(r.agency.parent.upper())]))
    for line in r.agency.name_lines:
        left.append(Paragraph("co-quan", [Span(line.upper())]))
    agency_size = ctx.body_size - 1  # the size pair: agency 13 beside a 14 body, 12 beside 13
    above = longest_line_mm(r.agency.name_lines[-1].upper(), agency_size, True,
                            HEADER_WIDTHS_MM[0] - CELL_MARGINS_MM)
    left.append(Rule(round(above * SHORT_RULE_SHARE, 1)))
    right = [Paragraph("quoc-hieu", [Span(QUOC_HIEU)]), Paragraph("tieu-ngu", [Span(TIEU_NGU)]),
             Rule(round(text_width_mm(TIEU_NGU, ctx.body_size, True), 1))]
    number_line = [Paragraph("so", [Span(f"Số: {ctx.variables['bao_cao']['so_ky_hieu']}")])]
    if ctx.kind == "cong_van" and r.subject is not None:
        number_line.append(Paragraph("vv", [Span("V/v ")] + ctx.inlines(r.subject, False)))
    date = r.date
    place_date = F.place_date_line(r.place, date.date, month=None if date.day else date.month,
                                   year=None if date.day else date.year)
    date_line = [Paragraph("dia-danh-ngay", [Span(place_date)])]
    return Table(list(HEADER_WIDTHS_MM), [], [[Cell(left), Cell(right)], [Cell(number_line), Cell(date_line)]],
                 font_size=13, borders=False, indent_mm=-(sum(HEADER_WIDTHS_MM) - ctx.page.text_width()) / 2,
                 role="header")


def title_and_subject(ctx: Context) -> list:
    title = ctx.settings.get("ten_loai") or TYPE_TITLES.get(ctx.kind, "")
    if not title:
        return []
    subject = ctx.inlines(ctx.report.subject, False) if ctx.report.subject else \
        [Span(ctx.template_text("trich_yeu.j2"))]
    text = "".join(s.text for s in subject if isinstance(s, Span))
    line = longest_line_mm(text, ctx.body_size, True, ctx.page.text_width())
    return [Paragraph("loai-van-ban", [Span(title.upper())]), Paragraph("trich-yeu", subject),
            Rule(round(line * SHORT_RULE_SHARE, 1))]


def recipients(ctx: Context) -> list:
    names = [ctx.inlines(t, False) for t in ctx.report.recipients]
    if not names:
        return []
    if len(names) == 1:
        return [Paragraph("kinh-gui", [Span("Kính gửi: ")] + names[0])]
    out = [Paragraph("kinh-gui-nhieu", [Span("Kính gửi:")])]
    for i, name in enumerate(names):
        last = i == len(names) - 1
        text = "".join(s.text for s in name if isinstance(s, Span)).strip().rstrip(";.")
        out.append(Paragraph("kinh-gui-muc", [Span(f"- {text}{'.' if last else ';'}")]))
    return out


def opening(ctx: Context) -> list:
    if ctx.report.opening is not None:
        return [Paragraph("body", ctx.inlines(ctx.report.opening))]
    text = ctx.template_text("mo_dau.j2")
    return [Paragraph("body", ctx.parse(text, ctx.report.location))] if text else []
