"""reportgen beside docxtpl, whole process each, in one run: the 40-task example against docxtpl
rendering a document of the same size (the example's paragraphs and table rows, same texts).

    .venv/bin/python benchmarks/bench_vs_docxtpl.py [--runs 25]

docxtpl is a bench-only dependency (`pip install .[bench]`). Both run on reportgen installed
as a user has it (common.installed_python: pip, not editable, in a venv of its own that takes
the libraries from .venv), from a folder of their own. Runs alternate between the two so that
a busy machine slows both alike; the ratio printed is the median of each pair's ratio (one run
of each, back to back), which a machine whose speed drifts affects least.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import EXAMPLE, ROOT, installed_python, median_ms, run_process

DOCXTPL_RENDER = (
    "import json, sys\n"
    "from docxtpl import DocxTemplate\n"
    "template = DocxTemplate(sys.argv[1])\n"
    "template.render(json.load(open(sys.argv[2], encoding='utf-8')))\n"
    "template.save(sys.argv[3])\n"
)


def same_size_context(report: Path) -> tuple[dict, int]:
    """The example's text as docxtpl data: body paragraphs, and table rows as lists of cell texts."""
    sys.path.insert(0, str(ROOT))
    from reportgen.document import Paragraph, Table
    from reportgen.pipeline import prepare

    document = prepare(report).document
    paragraphs, rows, columns = [], [], 1
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                paragraphs.append(block.text)
            elif isinstance(block, Table):
                for row in block.header_rows + block.rows:
                    cells = [" ".join(p.text for p in c.blocks if isinstance(p, Paragraph)) for c in row]
                    rows.append(cells)
                    columns = max(columns, len(cells))
    rows = [r + [""] * (columns - len(r)) for r in rows]
    return {"paragraphs": paragraphs, "rows": rows}, columns


def docxtpl_template(path: Path, columns: int) -> None:
    """A template with a paragraph loop and a table-row loop (docxtpl's {%p %} and {%tr %} tags)."""
    from docx import Document

    doc = Document(str(ROOT / "templates" / "_chung" / "styles.docx"))
    doc.add_paragraph("{%p for text in paragraphs %}")
    doc.add_paragraph("{{ text }}")
    doc.add_paragraph("{%p endfor %}")
    table = doc.add_table(rows=3, cols=columns)
    table.rows[0].cells[0].text = "{%tr for row in rows %}"
    for i, cell in enumerate(table.rows[1].cells):
        cell.text = f"{{{{ row[{i}] }}}}"
    table.rows[2].cells[0].text = "{%tr endfor %}"
    doc.save(str(path))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        context, columns = same_size_context(EXAMPLE)
        (tmp / "context.json").write_text(json.dumps(context, ensure_ascii=False), encoding="utf-8")
        docxtpl_template(tmp / "template.docx", columns)
        (tmp / "render.py").write_text(DOCXTPL_RENDER, encoding="utf-8")
        python = installed_python(tmp / "venv")
        ours_cmd = [python, "-m", "reportgen", "build", str(EXAMPLE), "-o", str(tmp / "ours.docx")]
        theirs_cmd = [python, str(tmp / "render.py"), str(tmp / "template.docx"), str(tmp / "context.json"),
                      str(tmp / "theirs.docx")]
        bare_cmd = [python, "-c", "pass"]
        run_process(ours_cmd, tmp)
        run_process(theirs_cmd, tmp)  # warm the file cache (and the bytecode) for both
        ours, theirs, bare, ours_mem, theirs_mem = [], [], [], [], []
        for _ in range(args.runs):
            t, m = run_process(ours_cmd, tmp)
            ours.append(t)
            ours_mem.append(m)
            t, m = run_process(theirs_cmd, tmp)
            theirs.append(t)
            theirs_mem.append(m)
            bare.append(run_process(bare_cmd, tmp)[0])
        print(f"document: {len(context['paragraphs'])} paragraphs, {len(context['rows'])} table rows "
              f"({EXAMPLE.relative_to(ROOT)})")
        print(f"bare interpreter:          {median_ms(bare):6.0f} ms")
        print(f"reportgen build:           {median_ms(ours):6.0f} ms, peak RSS {max(ours_mem) / 1024:.0f} MiB")
        print(f"docxtpl render + save:     {median_ms(theirs):6.0f} ms, peak RSS {max(theirs_mem) / 1024:.0f} MiB")
        pairs = sorted(o / t for o, t in zip(ours, theirs))
        print(f"ratio reportgen / docxtpl: {statistics.median(pairs):.2f}× the median of {len(pairs)} pairs "
              f"(middle half {pairs[len(pairs) // 4]:.2f}–{pairs[3 * len(pairs) // 4]:.2f}×; target ≤ 1.00×)")


if __name__ == "__main__":
    main()
