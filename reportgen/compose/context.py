"""What every part of the composition shares: the report, its template, the renderer and the diagnostics."""

from __future__ import annotations

from reportgen.compose.inline import parse_inline
from reportgen.document import PageSetup
from reportgen.errors import Diagnostics
from reportgen.source.model import Report, Text
from reportgen.source.templates import Template

ALIGN = {"giua": "center", "trai": "left", "phai": "right", "deu": "justify"}


class Context:
    def __init__(self, report: Report, template: Template, renderer, diags: Diagnostics, variables: dict,
                 tables: dict, appendix_labels: dict):
        self.report = report
        self.template = template
        self.renderer = renderer
        self.diags = diags
        self.variables = variables
        self.tables = tables  # id(TableInput) -> ComputedTable
        self.appendix_labels = appendix_labels
        self.settings = template.settings
        margins = self.settings["le"]
        self.page = PageSetup(margins["tren"], margins["duoi"], margins["trai"], margins["phai"])
        self.body_size = self.settings["co_chu_than"]
        self.kind = report.kind or self.settings["loai_van_ban"]
        self.used_footnotes: set[str] = set()  # named footnotes cited, for the unused-footnote warning

    def render(self, text: Text) -> str:
        return self.renderer.text(text.raw, text.location)

    def inlines(self, text: Text, allow_notes: bool = True) -> list:
        return self.parse(self.render(text), text.location, allow_notes)

    def parse(self, text: str, location, allow_notes: bool = True) -> list:
        """Inline markup of an already rendered text, with the report's named footnotes."""
        return parse_inline(text, location, self.diags, self.report.footnotes, allow_notes, self.used_footnotes)

    def template_text(self, name: str, **extra) -> str:
        path = self.template.text_path(name)
        if path is None:
            return ""
        return self.renderer.file(path, **dict(self.variables, **extra))
