"""The built examples as LibreOffice renders them: the drawn rules' lengths and their gap under the text,
and page 1 starting at the top margin whether or not the document has footnotes (measured with pdfplumber)."""

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ("binh-dinh-2024-6thang", "binh-dinh-2024-mo-hinh", "binh-dinh-2022-nam")
TOP_MARGIN_PT = 20 / 25.4 * 72
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
# pdfplumber's word box spans the font size; the glyphs' descenders and dấu nặng end inside it.
MIN_GAP_PT = 2.0

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    documents = []
    for name in EXAMPLES:
        target = folder / f"{name}.docx"
        result = run_cli("build", ROOT / "inputs" / f"{name}.yaml", "-o", target)
        assert result.exit_code == 0, result.output
        documents.append(str(target))
    profile = (folder / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
                    "--outdir", str(folder), *documents], check=True, capture_output=True, timeout=300)
    opened = {name: pdfplumber.open(folder / f"{name}.pdf") for name in EXAMPLES}
    yield opened
    for pdf in opened.values():
        pdf.close()


def text_lines(page):
    """The page's words grouped into lines (text, x0, x1, top, bottom); words on one baseline
    more than 20 pt apart are separate lines (the header's two columns)."""
    rows = {}
    for word in page.extract_words():
        rows.setdefault(round(word["top"]), []).append(word)
    lines = []
    for words in rows.values():
        words.sort(key=lambda w: w["x0"])
        group = [words[0]]
        for word in words[1:] + [None]:
            if word is not None and word["x0"] - group[-1]["x1"] < 20:
                group.append(word)
                continue
            lines.append((" ".join(w["text"] for w in group), group[0]["x0"], group[-1]["x1"],
                          min(w["top"] for w in group), max(w["bottom"] for w in group)))
            group = [word]
    return lines


def horizontal_rules(page):
    """Drawn horizontal strokes shorter than the text area (table borders are longer or vertical)."""
    return [(r["x0"], r["x1"], r["top"]) for r in page.lines + page.curves + page.rects
            if abs(r["bottom"] - r["top"]) < 1.5 and 20 < r["x1"] - r["x0"] < 400]


def rule_under(page, line):
    """The rule right under a text line: the nearest below it, overlapping it horizontally."""
    _, x0, x1, _, bottom = line
    candidates = [r for r in horizontal_rules(page) if r[2] > bottom - 1 and r[0] < x1 and r[1] > x0]
    assert candidates, f"no drawn rule under {line[0]!r}"
    return min(candidates, key=lambda r: r[2])


def find_line(page, start):
    return next(line for line in text_lines(page) if line[0].startswith(start))


@pytest.mark.parametrize("name", EXAMPLES)
def test_tieu_ngu_rule_is_as_long_as_the_tieu_ngu_and_clear_of_it(pdfs, name):
    page = pdfs[name].pages[0]
    line = find_line(page, TIEU_NGU)
    x0, x1, top = rule_under(page, line)
    assert (x1 - x0) == pytest.approx(line[2] - line[1], rel=0.02)
    assert (x0 + x1) / 2 == pytest.approx((line[1] + line[2]) / 2, abs=1.0)
    assert top - line[4] >= MIN_GAP_PT


@pytest.mark.parametrize("name", EXAMPLES)
def test_agency_rule_is_a_third_to_a_half_of_its_line_and_centred(pdfs, name):
    page = pdfs[name].pages[0]
    line = find_line(page, "TỈNH BÌNH ĐỊNH")
    x0, x1, top = rule_under(page, line)
    width = line[2] - line[1]
    assert width / 3 <= x1 - x0 <= width / 2
    assert (x0 + x1) / 2 == pytest.approx((line[1] + line[2]) / 2, abs=1.0)
    assert top - line[4] >= MIN_GAP_PT
    number = find_line(page, "Số:")
    assert number[3] > top, "the rule stays above the next row"


@pytest.mark.parametrize("name", ["binh-dinh-2024-6thang", "binh-dinh-2022-nam"])
def test_subject_rule_is_a_third_to_a_half_of_the_subject(pdfs, name):
    page = pdfs[name].pages[0]
    title = find_line(page, "BÁO CÁO")
    lines = sorted((x for x in text_lines(page) if x[3] > title[4]), key=lambda x: x[3])
    kinh_gui = next(i for i, x in enumerate(lines) if x[0].startswith("Kính gửi"))
    subject = lines[:kinh_gui]
    x0, x1, top = rule_under(page, subject[-1])
    widest = max(x[2] - x[1] for x in subject)
    assert widest / 3 <= x1 - x0 <= widest / 2
    assert top - subject[-1][4] >= MIN_GAP_PT
    assert lines[kinh_gui][3] > top


@pytest.mark.parametrize("name", ["binh-dinh-2024-6thang", "binh-dinh-2024-mo-hinh"])
def test_appendix_rule_sits_between_its_line_and_the_table(pdfs, name):
    # The first appendix opens the first landscape section.
    page = next(p for p in pdfs[name].pages if p.width > p.height)
    line = find_line(page, "(Kèm theo")
    candidates = [r for r in horizontal_rules(page) if r[2] > line[4] - 1]
    x0, x1, top = min(candidates, key=lambda r: r[2])
    assert top - line[4] >= MIN_GAP_PT
    table_top = min(r["top"] for r in page.rects + page.lines if r["x1"] - r["x0"] > 400 and r["top"] > top - 1)
    assert table_top - top >= MIN_GAP_PT


@pytest.mark.parametrize("name", EXAMPLES)
def test_page_one_starts_at_the_top_margin_with_or_without_footnotes(pdfs, name):
    first = pdfs[name].pages[0].extract_words()[0]
    assert first["text"] == "ỦY"
    assert first["top"] == pytest.approx(TOP_MARGIN_PT, abs=2.0)
