"""PDF through LibreOffice in headless mode: a real conversion of the .docx, not a re-layout of ours.

The export is PDF/A-2b, tagged, with every font embedded (LibreOffice's PDF export filter,
its options given as JSON, LibreOffice 7.4 and later). The PDF is then read back: it must
say it is PDF/A-2 and every font in it must be embedded and be Times New Roman or a face
with its metrics and the Vietnamese letters; otherwise the build fails and says which font
LibreOffice used instead, rather than ship a PDF whose lines break differently.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from reportgen.errors import Diagnostic, Diagnostics, Location, ReportError, display_path
from reportgen.output import write_atomic
from reportgen.pdf.inspect import PdfProblem, embedded_fonts, font_problems, open_pdf, pdfa_identification
from reportgen.writers.soffice import find_soffice, missing_message

TIMEOUT_SECONDS = 240
PDFA_PART = "2"

# LibreOffice's writer_pdf_Export filter data: PDF/A-2b (SelectPdfVersion 2), tagged.
EXPORT_OPTIONS = {
    "SelectPdfVersion": {"type": "long", "value": PDFA_PART},
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "EmbedStandardFonts": {"type": "boolean", "value": "true"},
    "ReduceImageResolution": {"type": "boolean", "value": "false"},
}
EXPORT_FILTER = "pdf:writer_pdf_Export:" + json.dumps(EXPORT_OPTIONS, separators=(",", ":"))


def find_office() -> str | None:
    return find_soffice()  # the PATH, then the Windows and macOS install folders


def office_command(office: str, profile_dir: Path, outdir: Path, documents: list[Path]) -> list[str]:
    """One LibreOffice run converting `documents` into `outdir`, with a private profile so that
    conversions in parallel, or beside an open LibreOffice, do not collide."""
    return [office, f"-env:UserInstallation={profile_dir.as_uri()}", "--headless", "--norestore",
            "--convert-to", EXPORT_FILTER, "--outdir", str(outdir), *(str(d.resolve()) for d in documents)]


def run_office(command: list[str], home: Path, where: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
                              env={**os.environ, "HOME": str(home)})
    except subprocess.TimeoutExpired:
        raise ReportError(Diagnostic(Location(where),
                                     f"LibreOffice không chuyển xong sang PDF sau {TIMEOUT_SECONDS} giây")) from None


def pdf_problems(data: bytes) -> list[str]:
    """What is wrong with a PDF LibreOffice wrote: not PDF/A-2, or a font not embedded or not the decree's."""
    try:
        reader = open_pdf(data)
        identification = pdfa_identification(reader)
        problems = font_problems(embedded_fonts(reader))
    except PdfProblem as exc:
        return [f"PDF do LibreOffice tạo không đọc được: {exc}"]
    if identification is None or identification.part != PDFA_PART:
        found = f"là {identification}" if identification else "không có nhận dạng PDF/A"
        problems.insert(0, f"PDF do LibreOffice tạo {found}, không phải PDF/A-{PDFA_PART}b "
                           "(cần LibreOffice 7.4 trở lên)")
    return problems


def _checked(data: bytes, target: Path) -> ReportError | None:
    problems = pdf_problems(data)
    if not problems:
        return None
    diags = Diagnostics()
    for problem in problems:
        diags.error(Location(display_path(target)), problem + "; không ghi tệp PDF")
    return ReportError(diags)


def convert_many(documents: list[Path], runs: int = 1) -> list[Path | ReportError]:
    """Each .docx to <name>.pdf beside it, in `runs` LibreOffice runs side by side (its start-up is
    most of the cost of one conversion, so each run converts a share of the documents); per
    document the written PDF or why there is none, as `convert_to_pdf` checks and writes it."""
    if not documents:
        return []
    where = display_path(documents[0])
    office = find_office()
    if office is None:
        return [ReportError(Diagnostic(Location(display_path(d)), missing_message(display_path(d))))
                for d in documents]
    runs = max(1, min(runs, len(documents)))
    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as work:
        work_dir = Path(work)
        shares = [list(range(len(documents)))[run::runs] for run in range(runs)]
        folders = [work_dir / str(run) for run in range(runs)]
        for folder, share in zip(folders, shares):
            (folder / "vao").mkdir(parents=True)
            for number in share:  # numbered: two reports may share a name
                (folder / "vao" / f"{number}.docx").write_bytes(documents[number].read_bytes())
        commands = [office_command(office, folder / "profile", folder,
                                   [folder / "vao" / f"{number}.docx" for number in share])
                    for folder, share in zip(folders, shares)]
        if runs == 1:
            done = [run_office(commands[0], folders[0], where)]
        else:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(max_workers=runs) as threads:
                done = list(threads.map(lambda run: run_office(commands[run], folders[run], where), range(runs)))
        run_of = {number: run for run, share in enumerate(shares) for number in share}
        return [_converted(docx, folders[run_of[number]] / f"{number}.pdf", done[run_of[number]])
                for number, docx in enumerate(documents)]


def _converted(docx: Path, produced: Path, done: subprocess.CompletedProcess) -> Path | ReportError:
    """The PDF LibreOffice produced for `docx`, checked and written beside it, or why there is none."""
    if not produced.is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["không rõ lý do"]
        return ReportError(Diagnostic(Location(display_path(docx)), f"LibreOffice không tạo được PDF: {detail[0]}"))
    target = docx.with_suffix(".pdf")
    data = produced.read_bytes()
    problem = _checked(data, target)
    if problem is None:
        write_atomic(target, data)
    return problem or target


def convert_to_pdf(docx: Path, target: Path | None = None) -> Path:
    """Write <name>.pdf beside the .docx (or `target`), atomically; only a PDF that passes `pdf_problems`."""
    where = display_path(docx)
    office = find_office()
    if office is None:
        raise ReportError(Diagnostic(Location(where), missing_message(where)))
    target = target or docx.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as work:
        work_dir = Path(work)
        done = run_office(office_command(office, work_dir / "profile", work_dir, [docx]), work_dir, where)
        produced = work_dir / (docx.stem + ".pdf")
        if done.returncode != 0 or not produced.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["không rõ lý do"]
            raise ReportError(Diagnostic(Location(where), f"LibreOffice không tạo được PDF: {detail[0]}"))
        data = produced.read_bytes()
    problem = _checked(data, target)
    if problem is not None:
        raise problem
    write_atomic(target, data)
    return target
