"""`reportgen build --tach-phu-luc`: each appendix in a file of its own.

Nghị định 30, Phụ lục I, III.1.d: an appendix in a separate file is signed by the agency
alone, at the top right of its first page, with no image (`reportgen/pdf/boxes.py` finds
that box, `reportgen sign --vai-tro co-quan` signs it). The main document is then written
without its appendices; each appendix keeps its own page numbering and its `(Kèm theo ...)`
line, and `x.docx` gives `x.phu-luc-1.docx`, `x.phu-luc-2.docx` (and their .pdf).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from reportgen.document import Document
from reportgen.errors import display_path
from reportgen.output import check_target, guarded_write, record_output


def split(document: Document) -> tuple[Document, list[Document]]:
    """The main document alone, and one document per appendix section."""
    main, *appendices = document.sections
    alone = [dataclasses.replace(document, sections=[section], title=f"{section.name} - {document.title}")
             for section in appendices]
    return dataclasses.replace(document, sections=[main]), alone


def appendix_target(target: Path, number: int, suffix: str = ".docx") -> Path:
    return target.with_name(f"{target.stem}.phu-luc-{number}{suffix}")


def write_appendix_files(appendices: list[Document], target: Path, styles_path: Path, pdf: bool, edition: str | None,
                         seal_mm: float, guard: dict) -> tuple[list[str], list[str]]:
    """Write each appendix's .docx (and .pdf with its signature box); what was written and the warnings."""
    from reportgen.pdf.boxes import sidecar_path, write_sidecar
    from reportgen.writers.docx import write_docx
    from reportgen.writers.pdf import convert_to_pdf

    for number in range(1, len(appendices) + 1):  # every target checked before any is written
        check_target(appendix_target(target, number), ".docx", **guard)
        if pdf:
            check_target(appendix_target(target, number, ".pdf"), ".pdf", **guard)
            check_target(sidecar_path(appendix_target(target, number, ".pdf")), ".json", **guard)
    written, notes = [], []
    for number, appendix in enumerate(appendices, start=1):
        docx = guarded_write(appendix_target(target, number), write_docx(appendix, styles_path), ".docx", **guard)
        written.append(display_path(docx))
        if pdf:
            converted = convert_to_pdf(docx)
            record_output(converted, converted.read_bytes())
            sidecar, found = write_sidecar(converted, edition, seal_mm, **guard)
            written += [display_path(converted), display_path(sidecar)]
            notes += [f"{display_path(converted)}: cảnh báo: {note}" for note in found]
    return written, notes
