"""The stages wired together for one report: read → validate → model → compute → compose.

`prepare()` reads and validates the report, then runs the stages after validation
(`reportgen/assemble.py`, imported only for a valid report), and returns the document
tree and every diagnostic; the commands call the writers only when there is no error.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.errors import Diagnostics
from reportgen.records import record
from reportgen.source.loader import LoadedYaml, load
from reportgen.source.validate import check_report

if TYPE_CHECKING:
    from reportgen.document import Document
    from reportgen.source.model import Report
    from reportgen.source.templates import Template


@record
class Prepared:
    report: Report
    template: Template
    document: Document
    diagnostics: Diagnostics
    loaded: LoadedYaml


def prepare(path: str | Path, strict: bool = False, edition: str | None = None, draft: bool = False,
            carried_from: tuple | None = None) -> Prepared:
    """Run every stage up to the document tree; raise ReportError with all problems found.

    `draft`: figures not yet updated are warnings and the document is marked DỰ THẢO;
    `carried_from`: (period, date) of the report this one was started from (reportgen new).

    `edition`: "dien-tu" leaves the number and the day blank for the document system,
    "giay" prints them, None prints the report as written.
    """
    path = Path(path)
    loaded = load(path)
    diags = check_report(loaded)
    diags.raise_if_errors()
    from reportgen.assemble import assemble  # see the module's docstring: only for a valid report

    report, template, document = assemble(path, loaded, diags, strict, edition, draft, carried_from)
    return Prepared(report, template, document, diags, loaded)
