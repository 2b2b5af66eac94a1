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
import sys
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import field
from pathlib import Path

from reportgen.errors import Diagnostic, Diagnostics, Location, ReportError, display_path
from reportgen.output import write_atomic
from reportgen.records import record
from reportgen.writers.soffice import find_soffice, missing_message, prepare_profile

TIMEOUT_SECONDS = 240
CHECK_INTERVAL = 0.05  # seconds between looks for the PDFs a batch's runs have finished
PDFA_PART = "2"

# LibreOffice's writer_pdf_Export filter data: PDF/A-2b (SelectPdfVersion 2), tagged. (LibreOffice 7.4
# tags every PDF/A-2 whatever UseTaggedPDF says: the same file without it. The tags cost about 0.1 s
# of CPU a document, a sixth of a conversion, measured against a plain untagged PDF.)
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


# LibreOffice spends a fifth of a conversion in malloc; on Linux (glibc 2.35 and later) its heap in
# transparent huge pages takes about 8% less CPU per document (+9 MiB). A GLIBC_TUNABLES of the
# user's is kept as it is.
MALLOC_TUNABLES = "glibc.malloc.hugetlb=1"


def office_environment(home: Path) -> dict:
    environment = {**os.environ, "HOME": str(home)}
    if sys.platform.startswith("linux"):
        environment.setdefault("GLIBC_TUNABLES", MALLOC_TUNABLES)
    return environment


def run_office(command: list[str], home: Path, where: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
                              env=office_environment(home))
    except subprocess.TimeoutExpired:
        raise ReportError(Diagnostic(Location(where),
                                     f"LibreOffice không chuyển xong sang PDF sau {TIMEOUT_SECONDS} giây")) from None


@contextmanager
def readers_loading():
    """The PDF readers the check and the box search use (pyHanko, pdfplumber, pdfium: about 0.3 s
    to import) imported on a thread while LibreOffice converts, on a core it leaves idle; done
    when the block ends (no thread left behind to a fork)."""
    def load():
        try:
            import reportgen.pdf.inspect  # noqa: F401
            from reportgen.pdf.text import preload

            preload()
        except Exception:  # imported again where needed, and said there
            pass

    loading = threading.Thread(target=load, name="reportgen-pdf-readers", daemon=True)
    loading.start()
    try:
        yield
    finally:
        loading.join()


def pdf_problems(data: bytes) -> list[str]:
    """What is wrong with a PDF LibreOffice wrote: not PDF/A-2, or a font not embedded or not the decree's."""
    from reportgen.pdf.inspect import PdfProblem, embedded_fonts, font_problems, open_pdf, pdfa_identification

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


@record
class _Run:
    """One LibreOffice run of a batch: its folder, the numbers of the documents it converts (in
    its order), its command, and what it finished with."""

    folder: Path
    numbers: list
    command: list = field(default_factory=list)
    done: subprocess.CompletedProcess | None = None

    def produced(self, number: int) -> Path:
        return self.folder / f"{number}.pdf"

    def finished_before(self, number: int) -> bool:
        """Whether LibreOffice is done with this document: it converts one after the other and
        starts a document's PDF only once the one before is written."""
        later = self.numbers[self.numbers.index(number) + 1:]
        return any(self.produced(other).exists() for other in later)


def convert_many(documents: list[Path], runs: int = 1) -> list[Path | ReportError]:
    """Each .docx to <name>.pdf beside it, in `runs` LibreOffice runs side by side (its start-up is
    most of the cost of one conversion, so each run converts a share of the documents); per
    document the written PDF or why there is none, as `convert_to_pdf` checks and writes it.
    Each PDF is checked as soon as LibreOffice has written it, while it converts the others; the
    PDFs are written once every run has ended (a run that did not end fails them all)."""
    return convert_with_sidecars(documents, runs)[0]


def convert_with_sidecars(documents: list[Path], runs: int = 1, requests: list | None = None) -> tuple[list, list]:
    """`convert_many`, and with `requests` (per document: edition, seal size in mm, signer's name)
    the signature boxes' files of the PDFs written while LibreOffice still converted others, found
    meanwhile: per document its text and warnings (`reportgen.pdf.boxes.sidecar_of`), or None where
    there is no PDF, the search failed, or the PDF came when no run was left to wait for (the
    caller then finds them itself, on as many cores as it has, and says what went wrong)."""
    if not documents:
        return [], []
    where = display_path(documents[0])
    office = find_office()
    if office is None:
        return [ReportError(Diagnostic(Location(display_path(d)), missing_message(display_path(d))))
                for d in documents], [None] * len(documents)
    runs = max(1, min(runs, len(documents)))
    targets = [docx.with_suffix(".pdf") for docx in documents]

    def finish(number: int, data: bytes, converting: bool) -> tuple:
        problem = _checked(data, targets[number])
        search = requests is not None and problem is None and converting
        return data, problem, _sidecar(data, targets[number], requests[number]) if search else None

    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as work, readers_loading():
        batch = [_Run(Path(work) / str(run), list(range(len(documents)))[run::runs]) for run in range(runs)]
        for run in batch:
            (run.folder / "vao").mkdir(parents=True)
            for number in run.numbers:  # numbered: two reports may share a name
                (run.folder / "vao" / f"{number}.docx").write_bytes(documents[number].read_bytes())
            prepare_profile(run.folder / "profile", office)
            run.command = office_command(office, run.folder / "profile", run.folder,
                                         [run.folder / "vao" / f"{number}.docx" for number in run.numbers])
        finished = _run_finishing(batch, where, finish)
        run_of = {number: run for run in batch for number in run.numbers}
        converted = [_converted(docx, run_of[number], finished.get(number)) for number, docx in enumerate(documents)]
    return converted, [finished[n][2] if isinstance(converted[n], Path) else None for n in range(len(documents))]


def _sidecar(data: bytes, target: Path, request: tuple) -> tuple | None:
    from reportgen.pdf.boxes import sidecar_of

    try:
        return sidecar_of(data, target.name, *request)
    except Exception:  # worked out again by the caller, which reports what went wrong
        return None


def _run_finishing(batch: list[_Run], where: str, finish) -> dict:
    """Run the batch's LibreOffice runs side by side; meanwhile each PDF a run has finished is read
    and given to `finish(number, data, converting)`, `converting` telling whether a run is still
    going. Per document number, what `finish` gave."""
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    finished: dict = {}

    def finish_written():
        for run in batch:
            for number in run.numbers:
                if number not in finished and run.produced(number).is_file() and \
                        (run.done is not None or run.finished_before(number)):
                    converting = not all(future.done() for future in running)
                    finished[number] = finish(number, run.produced(number).read_bytes(), converting)

    with ThreadPoolExecutor(max_workers=len(batch)) as threads:
        running = {threads.submit(run_office, run.command, run.folder, where): run for run in batch}
        pending = set(running)
        while pending:
            done, pending = wait(pending, timeout=CHECK_INTERVAL, return_when=FIRST_COMPLETED)
            for future in done:
                running[future].done = future.result()  # a run that did not end: raised here, as before
            finish_written()
    return finished


def _converted(docx: Path, run: _Run, finished: tuple | None) -> Path | ReportError:
    """The PDF LibreOffice produced for `docx`, checked and written beside it, or why there is none."""
    if finished is None:
        detail = (run.done.stderr or run.done.stdout).strip().splitlines()[-1:] or ["không rõ lý do"]
        return ReportError(Diagnostic(Location(display_path(docx)), f"LibreOffice không tạo được PDF: {detail[0]}"))
    data, problem, _ = finished
    target = docx.with_suffix(".pdf")
    if problem is None:
        write_atomic(target, data, durable=False)
    return problem or target


def convert_to_pdf(docx: Path, target: Path | None = None) -> Path:
    """Write <name>.pdf beside the .docx (or `target`), atomically; only a PDF that passes `pdf_problems`."""
    where = display_path(docx)
    office = find_office()
    if office is None:
        raise ReportError(Diagnostic(Location(where), missing_message(where)))
    target = target or docx.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as work, readers_loading():
        work_dir = Path(work)
        prepare_profile(work_dir / "profile", office)
        done = run_office(office_command(office, work_dir / "profile", work_dir, [docx]), work_dir, where)
        produced = work_dir / (docx.stem + ".pdf")
        if done.returncode != 0 or not produced.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["không rõ lý do"]
            raise ReportError(Diagnostic(Location(where), f"LibreOffice không tạo được PDF: {detail[0]}"))
        data = produced.read_bytes()
    problem = _checked(data, target)
    if problem is not None:
        raise problem
    write_atomic(target, data, durable=False)
    return target
