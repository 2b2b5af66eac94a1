#!/usr/bin/env python3
"""How faithfully each encoded report reproduces its original.

    python3 scripts/fidelity.py [name ...] [--diff] [--context N]

For each report (default: every `inputs/<name>.yaml` that has an original in
`tests/fixtures/originals/<name>.txt`) the report is built in memory
(`reportgen.pipeline.prepare` + `reportgen.writers.text_writer.write_text`; nothing is
written into the repository), both texts are reduced to word tokens by the same
normalisation, and a word-level diff (difflib.SequenceMatcher, autojunk off) is taken.
Printed per report:

- the share of the original's words reproduced in order (matched words / original words);
- the share of the output's words that are in the original, in order (matched / output);
- the number of differing runs, how many of them a listed correction explains, and the
  listed corrections used a different number of times than listed (never, for instance).

`--diff` prints every differing run (original vs output) with some words of context and
the correction that explains it, if any. The exit status is 1 when a run is unexplained
or a listed correction is unused, so the script can gate a change as the test does
(tests/test_fidelity.py).

Normalisation (the same for both texts; it removes the layout of the text extraction,
not words):

- Unicode NFC, lower case; words are runs of letters and digits; a number keeps its inner
  `.` / `,` (`1.114`, `89,07` and `89.07` are different words); all other punctuation,
  Markdown emphasis (`**`), HTML tags left by the extraction (`<p>`, `<ul ...>`) and
  whitespace are dropped. So `5455/UBND- KSTT` (a line wrap) reads like `5455/UBND-KSTT`.
- Footnotes: a note (a line starting with `¹`, `²`, ... in the original, `^N` in the
  output) is taken out of where the page put it and its words are put right after its
  mark (`¹` or `^N`) in the running text. A note whose number no mark uses stays in place.
- Tables: a table's header rows repeated on a later page are dropped, and a row that a
  page break split (its continuation starts with an empty first cell right after the
  repeated header) is joined back cell by cell.
- Page numbers (a line holding only a number of up to 3 digits, or `- N -`) are dropped.
- Table rows keep their structure: each row starts with a row mark `¶` and its cells are
  separated by cell marks `¦` (trailing empty cells dropped), so words moved to another row
  or cell show up. A merged cell of the output (colspan n) is followed by n-1 empty cells,
  as the extraction prints it. The marks are not counted as words in the shares.
- The two borderless layout tables of the output (the header: agency | national motto,
  number | place and date; the signature block: Nơi nhận | signer) are read column by
  column, as the extraction of a printed page reads them.

Listed corrections: each `inputs/<name>/corrections.md` holds, after the marker
`<!-- fidelity-pairs -->`, a Markdown table whose rows give the original's words (`gốc`),
the output's words (`bản dựng`) and how many times the pair occurs (`lần`); in a pair,
`¶` and `¦` stand for the row and cell marks, and `|` cannot be used. A pair
explains the differing runs that lie inside one place where the original has the `gốc`
words and the output the `bản dựng` words, both ends of that place being aligned by the
diff (so a pair may carry a few words of context on either side). See `explain()`.
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"
ORIGINALS = ROOT / "tests" / "fixtures" / "originals"
PAIRS_MARKER = "<!-- fidelity-pairs -->"

# --- normalisation -------------------------------------------------------------------------

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")
_NOTE_LINE = re.compile(rf"^\s*(?:\^(\d+)|([{SUPERSCRIPTS}]+))\s+(\S.*?)\s*$")
_MARK = re.compile(rf"\^(\d+)|([{SUPERSCRIPTS}]+)")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")
ROW, CELL = "¶", "¦"  # tokens for the start of a table row and for a cell boundary
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+|[¶¦]")
_NOTE_OPEN, _NOTE_CLOSE = "\ue000", "\ue001"  # placeholders for a footnote mark


@dataclass
class Words:
    """A text reduced to word tokens; `spans` are the tokens' places in `text` (for display)."""

    text: str
    tokens: list[str]
    spans: list[tuple[int, int]]

    def surface(self, start: int, end: int) -> str:
        """The text from token `start` up to token `end` (exclusive), whitespace collapsed."""
        if start >= end:
            return ""
        chunk = self.text[self.spans[start][0]:self.spans[end - 1][1]]
        return " ".join(chunk.split())


def _notes(lines: list[str]) -> tuple[dict[int, str], set[int]]:
    """Footnote definitions pulled out of the flow: {number: text}, and the line numbers they held."""
    marks = set()
    for line in lines:
        if _NOTE_LINE.match(line):
            continue
        for m in _MARK.finditer(line):
            marks.add(int(m.group(1) or m.group(2).translate(_SUP_TO_DIGIT)))
    notes, where = {}, set()
    for index, line in enumerate(lines):
        m = _NOTE_LINE.match(line)
        if not m:
            continue
        number = int(m.group(1) or m.group(2).translate(_SUP_TO_DIGIT))
        if number in marks and number not in notes:
            notes[number] = m.group(3)
            where.add(index)
    return notes, where


def _place_marks(line: str, notes: dict[int, str]) -> str:
    def mark(m: re.Match) -> str:
        number = int(m.group(1) or m.group(2).translate(_SUP_TO_DIGIT))
        if number in notes:
            return f" {_NOTE_OPEN}{number}{_NOTE_CLOSE} "
        return m.group(0).translate(_SUP_TO_DIGIT) if m.group(2) else m.group(0)

    return _MARK.sub(mark, line)


def _cells(line: str) -> list[str]:
    return line.split("\t")


def _join_cells(upper: str, lower: str) -> str:
    a, b = _cells(upper), _cells(lower)
    width = max(len(a), len(b))
    a += [""] * (width - len(a))
    b += [""] * (width - len(b))
    return "\t".join(" ".join(p for p in (x.strip(), y.strip()) if p) for x, y in zip(a, b))


def _tables(lines: list[str]) -> list[str]:
    """Drop table header rows repeated on later pages; join rows split by a page break.

    A table starts at a row (a line with a tab) that follows text. When, right after a row,
    the table's first row comes again, the rows equal to the table's first rows are the
    header repeated on a new page: they are dropped, and a following row whose first cell
    is empty is the rest of the row the page break split, joined to it cell by cell.
    """
    out: list[str] = []
    first_rows: list[str] = []  # the first rows of the current table
    previous_is_row = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            out.append(line)
            i += 1
            continue
        if "\t" not in line:
            out.append(line)
            previous_is_row = False
            i += 1
            continue
        if previous_is_row and first_rows and line.strip() == first_rows[0].strip():
            k = 0
            while i < len(lines) and k < len(first_rows):
                if lines[i].strip() and lines[i].strip() != first_rows[k].strip():
                    break
                k += bool(lines[i].strip())
                i += 1
            while i < len(lines) and not lines[i].strip():
                i += 1
            if i < len(lines) and lines[i].startswith("\t"):
                last = max(n for n, x in enumerate(out) if "\t" in x)
                out[last] = _join_cells(out[last], lines[i])
                i += 1
            continue
        if not previous_is_row:
            first_rows = []
        if len(first_rows) < 6:
            first_rows.append(line)
        out.append(line)
        previous_is_row = True
        i += 1
    return out


def normalise(text: str) -> Words:
    """Reduce a text (the original's or the build's) to word tokens; see the module docstring."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\r\n", "\n")
    text = _HTML_TAG.sub(" ", text)
    lines = text.split("\n")
    notes, note_lines = _notes(lines)
    lines = [_place_marks(line, notes) for n, line in enumerate(lines) if n not in note_lines]
    lines = [line for line in lines if "\t" in line or not _PAGE_NUMBER.match(line)]
    lines = _tables(lines)
    # A table row: a row mark, then its cells separated by cell marks (trailing empty cells dropped).
    lines = [f"{ROW} " + f" {CELL} ".join(c.strip() for c in line.rstrip().split("\t")) if "\t" in line else line
             for line in lines]
    flat = "\n".join(lines)
    flat = re.sub(f"{_NOTE_OPEN}(\\d+){_NOTE_CLOSE}", lambda m: notes[int(m.group(1))], flat)
    tokens, spans = [], []
    for m in _TOKEN.finditer(flat):
        tokens.append(m.group(0).lower())
        spans.append(m.span())
    return Words(flat, tokens, spans)


def tokens_of(text: str) -> list[str]:
    """The tokens of a short phrase (a listed correction), normalised like the texts."""
    return normalise(text).tokens


# --- building ------------------------------------------------------------------------------

def _columns(table):
    """A borderless layout table read column by column: one single-cell row per cell."""
    from reportgen.document import Table

    rows = table.header_rows + table.rows
    width = max(sum(c.colspan for c in row) for row in rows)
    out = []
    for column in range(width):
        for row in rows:
            at = 0
            for cell in row:
                if at == column:
                    out.append([dataclasses.replace(cell, colspan=1)])
                at += cell.colspan
    return Table([sum(table.widths_mm)], [], out, table.font_size, table.borders, table.indent_mm, table.role)


def _spread(table):
    """A table whose merged cells (colspan n) are followed by n-1 empty cells, as the extraction has them."""
    from reportgen.document import Cell

    def row(cells):
        out = []
        for cell in cells:
            out.append(dataclasses.replace(cell, colspan=1))
            out.extend(Cell([]) for _ in range(cell.colspan - 1))
        return out

    return dataclasses.replace(table, header_rows=[row(r) for r in table.header_rows], rows=[row(r) for r in table.rows])


def build_text(name: str) -> str:
    """The plain text of inputs/<name>.yaml, built in memory, layout tables read by column."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from reportgen.document import Table
    from reportgen.pipeline import prepare
    from reportgen.writers.text import write_text

    document = prepare(INPUTS / f"{name}.yaml").document
    sections = []
    for section in document.sections:
        blocks = [(_columns(b) if b.role in ("header", "signature") else _spread(b)) if isinstance(b, Table) else b
                  for b in section.blocks]
        sections.append(dataclasses.replace(section, blocks=blocks))
    return write_text(dataclasses.replace(document, sections=sections), status_names=False)  # marks, as printed


def original_text(name: str) -> str:
    return (ORIGINALS / f"{name}.txt").read_text(encoding="utf-8")


def names() -> list[str]:
    return sorted(p.stem for p in ORIGINALS.glob("*.txt") if (INPUTS / f"{p.stem}.yaml").is_file())


# --- listed corrections --------------------------------------------------------------------

@dataclass
class Pair:
    number: int
    original: str
    output: str
    uses: int
    note: str
    line: int
    a: list[str] = field(default_factory=list)
    b: list[str] = field(default_factory=list)

    def label(self) -> str:
        return f"#{self.number} (corrections.md line {self.line})"


def _cell_text(cell: str) -> str:
    cell = cell.strip()
    if cell in ("", "∅", "—", "-"):
        return ""
    if cell.startswith("`") and cell.endswith("`") and len(cell) >= 2:
        return cell[1:-1]
    return cell


def read_pairs(name: str) -> list[Pair]:
    """The machine-readable pairs of inputs/<name>/corrections.md (the table after the marker)."""
    path = INPUTS / name / "corrections.md"
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == PAIRS_MARKER)
    except StopIteration:
        return []
    pairs, header = [], None
    for index in range(start + 1, len(lines)):
        line = lines[index].strip()
        if not line:
            if header is not None:
                break
            continue
        if not line.startswith("|"):
            if header is not None:
                break
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        if set(line) <= set("|-: "):
            continue
        row = dict(zip(header, cells))
        try:
            uses = int(row.get("lần", "1") or "1")
            number = int(row.get("#", str(len(pairs) + 1)))
        except ValueError as exc:
            raise ValueError(f"{path}:{index + 1}: {exc}") from None
        pair = Pair(number, _cell_text(row.get("gốc", "")), _cell_text(row.get("bản dựng", "")), uses,
                    row.get("xem") or row.get("ghi chú", ""), index + 1)
        pair.a, pair.b = tokens_of(pair.original), tokens_of(pair.output)
        if pair.a == pair.b:
            raise ValueError(f"{path}:{index + 1}: the two sides of pair #{pair.number} read the same")
        pairs.append(pair)
    return pairs


# --- comparing -----------------------------------------------------------------------------

@dataclass
class Run:
    tag: str
    i1: int
    i2: int
    j1: int
    j2: int
    pair: Pair | None = None


@dataclass
class Result:
    name: str
    original: Words
    output: Words
    matched: int  # words (not row/cell marks) in the diff's equal blocks
    runs: list[Run]
    pairs: list[Pair]
    used: dict[int, set]  # pair number -> places (p, q) where it explained runs

    @property
    def original_words(self) -> int:
        return _count_words(self.original.tokens)

    @property
    def output_words(self) -> int:
        return _count_words(self.output.tokens)

    @property
    def share_original(self) -> float:
        return self.matched / max(self.original_words, 1)

    @property
    def share_output(self) -> float:
        return self.matched / max(self.output_words, 1)

    @property
    def unexplained(self) -> list[Run]:
        return [r for r in self.runs if r.pair is None]

    def misused(self) -> list[tuple[Pair, int]]:
        """Pairs used a different number of times than listed: (pair, times used)."""
        return [(p, len(self.used.get(p.number, ()))) for p in self.pairs
                if len(self.used.get(p.number, ())) != p.uses]


def explain(a: list[str], b: list[str], opcodes, runs: list[Run], pairs: list[Pair]) -> dict[int, set]:
    """Give each run the listed pair that explains it.

    A pair explains the runs inside a place (p, q) where a[p:p+len(gốc)] are its gốc words,
    b[q:q+len(bản dựng)] its bản dựng words, and both ends of the place are aligned by the
    diff: position p of the original corresponds to q in an equal block (or at a run's edge,
    or both at the start), and likewise p+len(gốc) to q+len(bản dựng).
    """
    equal = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in opcodes if tag == "equal"]

    def aligned(p: int, q: int) -> bool:
        if (p, q) in ((0, 0), (len(a), len(b))):
            return True
        return any(i1 <= p <= i2 and q == j1 + (p - i1) for i1, i2, j1, j2 in equal)

    def images(p: int) -> set[int]:
        out = {j1 + (p - i1) for i1, i2, j1, j2 in equal if i1 <= p <= i2}
        if p == 0:
            out.add(0)
        if p == len(a):
            out.add(len(b))
        return out

    used: dict[int, set] = {}
    for run in runs:
        if run.pair is not None:
            continue
        for pair in pairs:
            la, lb = len(pair.a), len(pair.b)
            found = None
            for p in range(max(0, run.i2 - la), min(run.i1, len(a) - la) + 1):
                if a[p:p + la] != pair.a:
                    continue
                for q in images(p):
                    if q <= run.j1 and q + lb >= run.j2 and b[q:q + lb] == pair.b and aligned(p + la, q + lb):
                        found = (p, q)
                        break
                if found:
                    break
            if not found:
                continue
            p, q = found
            used.setdefault(pair.number, set()).add(found)
            for other in runs:
                if other.pair is None and p <= other.i1 and other.i2 <= p + la and q <= other.j1 and other.j2 <= q + lb:
                    other.pair = pair
            break
    return used


def _count_words(tokens: list[str]) -> int:
    """Words only: the row and cell marks are structure, not words."""
    return sum(1 for t in tokens if t not in (ROW, CELL))


def compare(name: str, output: str | None = None) -> Result:
    original = normalise(original_text(name))
    built = normalise(build_text(name) if output is None else output)
    a, b = original.tokens, built.tokens
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    opcodes = matcher.get_opcodes()
    matched = sum(_count_words(a[i1:i2]) for tag, i1, i2, j1, j2 in opcodes if tag == "equal")
    runs = [Run(tag, i1, i2, j1, j2) for tag, i1, i2, j1, j2 in opcodes if tag != "equal"]
    pairs = read_pairs(name)
    used = explain(a, b, opcodes, runs, pairs)
    return Result(name, original, built, matched, runs, pairs, used)


# --- reporting -----------------------------------------------------------------------------

def describe(result: Result, run: Run, context: int = 6) -> str:
    o, b = result.original, result.output
    before = o.surface(max(0, run.i1 - context), run.i1)
    after = o.surface(run.i2, min(len(o.tokens), run.i2 + context))
    gone = o.surface(run.i1, run.i2) or "∅"
    new = b.surface(run.j1, run.j2) or "∅"
    why = f"explained by pair {run.pair.label()}" if run.pair else "UNEXPLAINED"
    return (f"  [{why}] original tokens {run.i1}–{run.i2}, output tokens {run.j1}–{run.j2}\n"
            f"    … {before} ⟦{gone}⟧ {after} …\n"
            f"    gốc:      {gone}\n"
            f"    bản dựng: {new}")


def summary(result: Result) -> str:
    r = result
    lines = [f"{r.name}",
             f"  original words reproduced in order: {r.matched}/{r.original_words} = {r.share_original:.2%}",
             f"  output words found in the original: {r.matched}/{r.output_words} = {r.share_output:.2%}",
             f"  differing runs: {len(r.runs)}, explained by listed corrections: {len(r.runs) - len(r.unexplained)}, "
             f"unexplained: {len(r.unexplained)}; listed pairs: {len(r.pairs)}"]
    for pair, times in r.misused():
        lines.append(f"  pair {pair.label()} listed for {pair.uses} use(s), used {times}: "
                     f"{pair.original or '∅'} → {pair.output or '∅'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help=f"reports (default: {', '.join(names())})")
    parser.add_argument("--diff", action="store_true", help="print every differing word run with context")
    parser.add_argument("--unexplained", action="store_true", help="with --diff: only the unexplained runs")
    parser.add_argument("--context", type=int, default=6, help="words of context around a run (default 6)")
    args = parser.parse_args(argv)
    status = 0
    for name in args.names or names():
        result = compare(name)
        print(summary(result))
        if args.diff:
            for run in result.runs:
                if args.unexplained and run.pair is not None:
                    continue
                print(describe(result, run, args.context))
        if result.unexplained or result.misused():
            status = 1
        print()
    return status


if __name__ == "__main__":
    sys.exit(main())
