"""Building one report to its outputs; used by the CLI, alone or in parallel for a batch."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import ReportError, display_path
from reportgen.output import default_output, write_atomic


@dataclass
class BuildResult:
    source: str
    ok: bool
    written: list = field(default_factory=list)
    messages: list = field(default_factory=list)  # diagnostics and warnings, rendered
    internal: bool = False


@dataclass(frozen=True)
class BuildOptions:
    output: str | None = None
    text: bool = False
    pdf: bool = False
    strict: bool = False
    debug: bool = False  # re-raise internal errors with their traceback (for developers)


def build_one(path: str | Path, options: BuildOptions) -> BuildResult:
    from reportgen.pipeline import prepare
    from reportgen.writers.docx_writer import write_docx
    from reportgen.writers.text_writer import write_text

    path = Path(path)
    result = BuildResult(display_path(path), ok=False)
    try:
        prepared = prepare(path, strict=options.strict)
        result.messages += [w.render() for w in prepared.diagnostics.warnings]
        target = Path(options.output) if options.output else default_output(path, ".docx")
        write_atomic(target, write_docx(prepared.document, prepared.template.styles_path))
        result.written.append(display_path(target))
        if options.text:
            text_target = target.with_suffix(".txt")
            write_atomic(text_target, write_text(prepared.document).encode("utf-8"))
            result.written.append(display_path(text_target))
        if options.pdf:
            from reportgen.writers.pdf_writer import convert_to_pdf

            result.written.append(display_path(convert_to_pdf(target)))
        result.ok = True
    except ReportError as exc:
        result.messages += [d.render() for d in exc.diagnostics.sorted()]
    except Exception as exc:  # a bug of ours: reported plainly, the batch goes on
        if options.debug:
            raise
        result.internal = True
        result.messages.append(f"{result.source}: lỗi nội bộ của reportgen ({type(exc).__name__}: {exc}). "
                               "Hãy báo lỗi này kèm tệp đầu vào.")
    return result


def build_many(paths: list[Path], options: BuildOptions, on_done=None, workers: int | None = None) -> list[BuildResult]:
    """Build every report on the machine's cores; `on_done(result)` is called as each finishes."""
    workers = workers or min(len(paths), os.cpu_count() or 1)
    if workers <= 1 or len(paths) <= 1:
        results = []
        for path in paths:
            results.append(build_one(path, options))
            if on_done:
                on_done(results[-1])
        return results
    results_by_path = {}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(build_one, str(p), options): p for p in paths}
        for future in as_completed(futures):
            result = future.result()
            results_by_path[futures[future]] = result
            if on_done:
                on_done(result)
    return [results_by_path[p] for p in paths]
