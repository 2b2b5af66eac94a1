"""`reportgen build`: one report to its outputs, or a batch in parallel."""

from __future__ import annotations

import gc
import os
import sys
from contextlib import contextmanager
from dataclasses import field
from pathlib import Path

import click

from reportgen.commands.common import (
    EXIT_INTERNAL,
    EXIT_INVALID,
    check_report_path,
    explain_os_error,
    report_files,
    shown_as_given,
)
from reportgen.errors import ReportError, display_path
from reportgen.output import check_target, default_output, guarded_write, record_output
from reportgen.program import ends_with_the_command, freeze_new_modules
from reportgen.records import record


@record
class BuildResult:
    source: str
    ok: bool
    written: list = field(default_factory=list)
    messages: list = field(default_factory=list)  # diagnostics and warnings, rendered
    internal: bool = False
    pending_pdf: PendingPdf | None = None  # in a batch: the PDF made with the others' (`finish_pdfs`)


@record
class PendingPdf:
    """What a report's PDF needs once LibreOffice has converted its .docx."""

    docx: Path
    edition: str | None
    seal_mm: float
    signer: str | None
    guard: dict


@record(frozen=True)
class BuildOptions:
    output: str | None = None
    text: bool = False
    pdf: bool = False
    strict: bool = False
    debug: bool = False  # re-raise internal errors with their traceback (for developers)
    draft: bool = False  # --nhap: figures not yet updated are warnings; the document says DỰ THẢO
    edition: str | None = None  # dien-tu | giay | None (as written); see `resolve_edition`
    split_appendices: bool = False  # --tach-phu-luc: each appendix in a file of its own (commands/appendix_files.py)


def resolve_edition(edition: str | None, with_pdf: bool) -> str | None:
    """A PDF is made to be signed in the document system, so it is the electronic edition unless
    told otherwise; a .docx alone stays as the report is written (its number and day, if given)."""
    return edition or ("dien-tu" if with_pdf else None)


def _check_targets(prepared, target: Path, options: BuildOptions) -> dict:
    """Every output of this build checked before any is written: none may be a file the build
    read, lie in inputs/ or templates/, or replace a file reportgen did not make."""
    template = prepared.template
    guard = {"reads": [Path(f) for f in prepared.loaded.files] + [template.styles_path],
             "protected_roots": [template.root, *getattr(template, "shared_roots", [])]}
    check_target(target, ".docx", **guard)
    for wanted, suffix in ((options.text, ".txt"), (options.pdf, ".pdf")):
        if wanted:
            check_target(target.with_suffix(suffix), suffix, **guard)
    if options.pdf:  # the signature boxes written beside the PDF
        from reportgen.pdf.boxes import sidecar_path

        check_target(sidecar_path(target.with_suffix(".pdf")), ".json", **guard)
    return guard


def _finish_pdf(result: BuildResult, pending: PendingPdf, pdf: Path, found: tuple | None = None) -> None:
    """The PDF written: recorded, and the signature boxes' file written beside it (`found`: its
    text and warnings when they were worked out beforehand)."""
    from reportgen.pdf.boxes import save_sidecar, write_sidecar

    record_output(pdf, pdf.read_bytes())
    result.written.append(display_path(pdf))
    if found is None:
        sidecar, notes = write_sidecar(pdf, pending.edition, pending.seal_mm, pending.signer, **pending.guard)
    else:
        text, notes = found
        sidecar = save_sidecar(pdf, text, **pending.guard)
    result.written.append(display_path(sidecar))
    result.messages += [f"{display_path(pdf)}: cảnh báo: {note}" for note in notes]


@contextmanager
def _no_cycle_collection(resume: bool = True):
    """Python's cycle collector paused while one report is built: the build makes its trees
    (located YAML, report, document) of many small objects and no cycles among them, and each
    collection walks them all again (a third of a 10,000-row build's time). Reference counting
    frees everything as usual; the collector runs again once the report is done, if `resume`.

    After the last report of a `reportgen` process it is not resumed: its first collection
    would walk everything the run made that is still alive (13–17 ms for the example, a
    twentieth of its build) just before the process ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled and resume:
            gc.enable()


def build_one(path: str | Path, options: BuildOptions, defer_pdf: bool = False, last: bool = False) -> BuildResult:
    """One report to its outputs; with `defer_pdf` its PDF is left for `finish_pdfs` (a batch
    converts all its documents in one LibreOffice run); `last`: the run builds nothing after it."""
    with _no_cycle_collection(resume=not (last and ends_with_the_command())):
        return _build_one(path, options, defer_pdf)


def _build_one(path: Path | str, options: BuildOptions, defer_pdf: bool) -> BuildResult:
    from reportgen.pipeline import prepare

    path = Path(path)
    result = BuildResult(display_path(path) if path.exists() else shown_as_given(path), ok=False)
    try:
        check_report_path(path)
        prepared = prepare(path, strict=options.strict, draft=options.draft, edition=options.edition)
        from reportgen.writers.docx import write_docx
        from reportgen.writers.text import write_text

        result.messages += [w.render() for w in prepared.diagnostics.warnings]
        target = Path(options.output) if options.output else default_output(path, ".docx")
        guard = _check_targets(prepared, target, options)
        document, appendix_documents = prepared.document, []
        if options.split_appendices:
            from reportgen.commands.appendix_files import split

            document, appendix_documents = split(prepared.document)
        guarded_write(target, write_docx(document, prepared.template.styles_path), ".docx", **guard)
        result.written.append(display_path(target))
        if options.text:
            text_target = target.with_suffix(".txt")
            guarded_write(text_target, write_text(prepared.document).encode("utf-8"), ".txt", **guard)
            result.written.append(display_path(text_target))
        if options.pdf:
            pending = PendingPdf(target, options.edition, prepared.template.settings["dau_mm"],
                                 prepared.report.signature.name, guard)
            if defer_pdf:
                result.pending_pdf = pending
            else:
                from reportgen.writers.pdf import convert_to_pdf

                _finish_pdf(result, pending, convert_to_pdf(target))
        if appendix_documents:
            from reportgen.commands.appendix_files import write_appendix_files

            written, notes = write_appendix_files(appendix_documents, target, prepared.template.styles_path, options.pdf,
                                                  options.edition, prepared.template.settings["dau_mm"], guard)
            result.written += written
            result.messages += notes
        result.ok = True
    except ReportError as exc:
        result.messages += [d.render() for d in exc.diagnostics.sorted()]
    except (OSError, MemoryError) as exc:  # the disk, the permissions, the machine: said plainly
        result.messages.append(f"{result.source}: lỗi: {explain_os_error(exc)}")
    except Exception as exc:  # a bug of ours: reported plainly, the batch goes on
        if options.debug:
            raise
        result.internal = True
        result.messages.append(f"{result.source}: lỗi nội bộ của reportgen ({type(exc).__name__}: {exc}). "
                               "Hãy báo lỗi này kèm tệp đầu vào.")
    return result


def finish_pdfs(results: list[BuildResult], workers: int | None = None) -> None:
    """The PDFs of a batch: every .docx waiting for one converted in a single LibreOffice run, then
    each checked, written and given its signature boxes' file as a report built alone is. The
    boxes are searched for on `workers` processes; every file is written by this one."""
    waiting = [r for r in results if r.pending_pdf]
    if not waiting:
        return
    from reportgen.writers.pdf import convert_with_sidecars

    pendings = [r.pending_pdf for r in waiting]
    try:
        converted, found = convert_with_sidecars([p.docx for p in pendings], _runs(len(waiting), workers),
                                                 [(p.edition, p.seal_mm, p.signer) for p in pendings])
    except (ReportError, OSError) as exc:  # LibreOffice did not finish, or the disk failed
        converted, found = [exc] * len(waiting), [None] * len(waiting)
    found = _sidecars_found(converted, pendings, workers, found)
    for result, outcome, sidecar in zip(waiting, converted, found):
        pending, result.pending_pdf = result.pending_pdf, None
        try:
            if isinstance(outcome, BaseException):
                raise outcome
            _finish_pdf(result, pending, outcome, sidecar)
        except ReportError as exc:
            result.ok = False
            result.messages += [d.render() for d in exc.diagnostics.sorted()]
        except OSError as exc:
            result.ok = False
            result.messages.append(f"{result.source}: lỗi: {explain_os_error(exc)}")


def _runs(documents: int, workers: int | None) -> int:
    """LibreOffice runs side by side for a batch: one per worker (its start-up, with the profile
    made ready, costs about as much as converting 1.5 documents, so a second core pays off from
    two documents: 4 reports 3.5 -> 2.95 s on two cores)."""
    return max(1, min(workers or os.cpu_count() or 1, documents))


def _sidecars_found(pdfs: list, pendings: list, workers: int | None, found: list) -> list:
    """Per PDF written, its sidecar's text and warnings: `found` while LibreOffice converted, the
    others worked out on `workers` processes (the search reads a page's text, ~0.1 s each); None
    where it was not, or not without a problem (`_finish_pdf` then works it out here, and says
    what went wrong)."""
    written = [i for i, pdf in enumerate(pdfs) if isinstance(pdf, Path) and found[i] is None]
    workers = min(len(written), workers or os.cpu_count() or 1)
    found = list(found)
    if workers <= 1:
        return found
    from reportgen.pdf.boxes import sidecar_for
    from reportgen.pdf.text import preload

    preload()  # the PDF readers, imported once before the workers fork
    try:
        with _pool(workers) as pool:
            futures = {i: pool.submit(sidecar_for, pdfs[i], pendings[i].edition, pendings[i].seal_mm,
                                      pendings[i].signer) for i in written}
    except OSError:  # no processes to be had: each is worked out here
        return found
    for i, future in futures.items():
        if future.exception() is None:
            found[i] = future.result()
    return found


def _pool(workers: int):
    """Worker processes: forked on Linux (they start with the modules loaded), elsewhere the
    platform's way (spawn on Windows and macOS, which imports them again in each worker)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def build_many(paths: list[Path], options: BuildOptions, on_done=None, workers: int | None = None) -> list[BuildResult]:
    """Build every report on the machine's cores; `on_done(result)` is called as each finishes
    (with --pdf, once the batch's PDFs are made, all in one LibreOffice run)."""
    batch_pdf = options.pdf and len(paths) > 1
    results = _build_all(paths, options, None if batch_pdf else on_done, workers, batch_pdf)
    if batch_pdf:
        finish_pdfs(results, workers)
        for result in results:
            if on_done:
                on_done(result)
    return results


def _build_all(paths: list[Path], options: BuildOptions, on_done, workers: int | None,
               defer_pdf: bool) -> list[BuildResult]:
    workers = workers or min(len(paths), os.cpu_count() or 1)
    if workers <= 1 or len(paths) <= 1:
        results = []
        for number, path in enumerate(paths, start=1):
            results.append(build_one(path, options, defer_pdf, last=number == len(paths)))
            if on_done:
                on_done(results[-1])
        return results
    from concurrent.futures import as_completed  # only batches need processes

    # Imported before the pool starts, so forked workers inherit the loaded modules.
    import reportgen.assemble  # noqa: F401
    import reportgen.pipeline  # noqa: F401
    import reportgen.writers.docx  # noqa: F401
    import reportgen.writers.text  # noqa: F401

    freeze_new_modules()

    results_by_path = {}
    with _pool(workers) as pool:
        futures = {pool.submit(build_one, str(p), options, defer_pdf): p for p in paths}
        for future in as_completed(futures):
            result = future.result()
            results_by_path[futures[future]] = result
            if on_done:
                on_done(result)
    return [results_by_path[p] for p in paths]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Tệp .docx kết quả (khi dựng một báo cáo).")
@click.option("--text", "with_text", is_flag=True, help="Ghi thêm bản văn bản thuần (.txt) cạnh tệp .docx.")
@click.option("--pdf", "with_pdf", is_flag=True, help="Ghi thêm bản PDF (qua LibreOffice).")
@click.option("--ban", "edition", type=click.Choice(["dien-tu", "giay"]),
              help="dien-tu: số, ngày và dòng (Kèm theo ...) để trống cho Hệ thống quản lý văn bản cấp "
                   "(mặc định khi có --pdf); giay: in số và ngày của báo cáo.")
@click.option("--tach-phu-luc", "split_appendices", is_flag=True,
              help="Mỗi phụ lục một tệp riêng (<tên>.phu-luc-1.docx, ...), văn bản chính không kèm phụ lục.")
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi.")
@click.option("--nhap", "draft", is_flag=True,
              help="Dựng bản nháp ghi DỰ THẢO dù còn số liệu chưa cập nhật (chua_cap_nhat).")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), help="Số báo cáo dựng song song (mặc định: số lõi CPU).")
@click.option("--debug", is_flag=True, hidden=True)
def build(paths, output, with_text, with_pdf, edition, split_appendices, strict, jobs, draft, debug):
    """Dựng báo cáo .docx từ tệp YAML (hoặc mọi báo cáo trong một thư mục)."""
    files = report_files(paths)
    if not files:
        raise click.UsageError("không tìm thấy tệp báo cáo nào (tệp YAML có khóa mau:).")
    if output and len(files) != 1:
        raise click.UsageError("-o chỉ dùng khi dựng một báo cáo.")
    options = BuildOptions(output, with_text, with_pdf, strict, debug, edition=resolve_edition(edition, with_pdf), draft=draft,
                           split_appendices=split_appendices)
    interactive = len(files) > 1 and sys.stderr.isatty()

    def report(result):
        for message in result.messages:
            click.echo(message, err=True)
        if result.ok:
            click.echo(f"{result.source} → {', '.join(result.written)}")
        else:
            errors = sum(1 for m in result.messages if ": lỗi" in m) or 1
            if result.written:  # the .docx was written and a later step (the PDF) failed
                click.echo(f"{result.source}: {errors} lỗi; đã ghi {', '.join(result.written)}, "
                           "chưa tạo được tệp PDF.", err=True)
            else:
                click.echo(f"{result.source}: {errors} lỗi, không tạo tệp.", err=True)

    if interactive:
        with click.progressbar(length=len(files), label="Đang dựng", file=sys.stderr) as bar:
            def done(result):
                bar.update(1)
            results = build_many(files, options, done, jobs)
        for result in results:
            report(result)
    else:
        results = build_many(files, options, report, jobs)
    failed = [r for r in results if not r.ok]
    if len(files) > 1:
        click.echo(f"Tổng kết: dựng xong {len(results) - len(failed)}/{len(results)} báo cáo.")
        for result in failed:
            first = next((m for m in result.messages if ": lỗi" in m), result.messages[0] if result.messages else "")
            click.echo(f"  lỗi: {result.source}: {first}")
    sys.exit(EXIT_INTERNAL if any(r.internal for r in failed) else EXIT_INVALID if failed else 0)
