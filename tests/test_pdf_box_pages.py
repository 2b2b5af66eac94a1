"""The signature boxes of a PDF whose signature block is past page 1 are found from the page with
`Nơi nhận:` alone (pdfminer reads a page slowly), and they are the boxes found from page 1 and that
page; a batch finds them while LibreOffice converts the others, and they are the boxes a report
built alone gets."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from reportgen.pdf import boxes
from reportgen.pdf.inspect import PdfProblem
from reportgen.pdf.text import last_page_containing, may_contain, pages_containing
from reportgen.writers import pdf as writer
from tests.conftest import SIGNING_REPORT, run_cli

needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by scripts/setup.sh")
PARAGRAPH = ('      - khoan: "Nội dung thứ {}: đã triển khai đầy đủ các nhiệm vụ được giao, bảo đảm tiến độ '
             'và chất lượng theo kế hoạch của Ủy ban nhân dân tỉnh."\n        kieu: doan\n')


def long_report(folder: Path) -> Path:
    """The signing report with sixty paragraphs and no appendix: its signature block is on page 4."""
    shutil.copytree(SIGNING_REPORT.parent, folder / "inputs")
    report = folder / "inputs" / SIGNING_REPORT.name
    head, rest = SIGNING_REPORT.read_text(encoding="utf-8").split("noi_dung:\n", 1)
    body = "noi_dung:\n  - muc: Kết quả thực hiện\n    noi_dung:\n" + "".join(PARAGRAPH.format(i) for i in range(1, 61))
    tail = rest.split("chu_ky:", 1)[1].split("phu_luc:", 1)[0]
    report.write_text(head + body + "chu_ky:" + tail, encoding="utf-8")
    return report


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dai")
    result = run_cli("build", long_report(folder), "-o", folder / "bc.docx", "--pdf")
    assert result.exit_code == 0, result.output
    return folder / "bc.pdf"


def found(pages, name=None):
    try:
        found_plan = boxes.plan(pages, 36, name)
    except PdfProblem as exc:
        return str(exc)
    return found_plan.kind, found_plan.boxes, found_plan.warnings


@needs_office
def test_the_anchor_page_alone_gives_the_boxes_of_page_one_and_it(long_pdf):
    anchor = last_page_containing(long_pdf, "Nơi nhận")
    assert anchor == pages_containing(long_pdf, "Nơi nhận")[-1] > 1
    assert not may_contain(long_pdf, 1, "Phụ lục")
    assert [p.number for p in boxes.box_pages(long_pdf)] == [anchor]
    assert [p.number for p in boxes.signature_pages(long_pdf)] == [1, anchor]
    for name in (None, "Lâm Hải Giang"):
        assert found(boxes.box_pages(long_pdf), name) == found(boxes.signature_pages(long_pdf), name)
    written = json.loads(boxes.sidecar_path(long_pdf).read_text(encoding="utf-8"))
    assert [b["trang"] for b in written["o_ky"]] == [anchor, anchor]


@needs_office
def test_page_one_is_read_when_it_may_begin_an_appendix_or_holds_the_block(tmp_path, long_pdf, monkeypatch):
    monkeypatch.setattr(boxes, "may_contain", lambda source, number, text: True)
    assert [p.number for p in boxes.box_pages(long_pdf)] == [p.number for p in boxes.signature_pages(long_pdf)]
    monkeypatch.undo()
    short = tmp_path / "ngan"
    result = run_cli("build", SIGNING_REPORT, "-o", short / "bc.docx", "--pdf")
    assert result.exit_code == 0, result.output
    assert [p.number for p in boxes.box_pages(short / "bc.pdf")] == [1]  # the block is on page 1


def test_a_file_pdfium_cannot_read_is_said_as_before(tmp_path):
    pdf = tmp_path / "hong.pdf"
    pdf.write_bytes(b"%PDF-1.7\nnot a pdf at all")
    with pytest.raises(PdfProblem) as before:
        boxes.signature_pages(pdf)
    with pytest.raises(PdfProblem) as now:
        boxes.box_pages(pdf)
    assert str(now.value) == str(before.value)


@needs_office
@pytest.mark.parametrize("runs", [1, 2])
def test_a_batch_finds_the_boxes_while_converting_as_a_report_alone(tmp_path, long_pdf, runs):
    """The boxes of a PDF written while a run still converts are found meanwhile (some of the
    first ones at least: how many depends on how quickly each PDF is seen, so none is named);
    those of the last document of a single run are left to the caller. Found or not, every
    document's boxes are those of the report built alone."""
    docx = long_pdf.with_suffix(".docx")
    copies = []
    for folder in ("a", "b", "c", "d", "e"):
        (tmp_path / folder).mkdir()
        copies.append(tmp_path / folder / "bc.docx")
        shutil.copy(docx, copies[-1])
    requests = [("dien-tu", 36, "Lâm Hải Giang")] * len(copies)
    converted, sidecars = writer.convert_with_sidecars(copies, runs, requests)
    alone = json.loads(boxes.sidecar_path(long_pdf).read_text(encoding="utf-8"))
    assert any(sidecar is not None for sidecar in sidecars[:-1])
    if runs == 1:
        assert sidecars[-1] is None
    for pdf, sidecar in zip(converted, sidecars):
        assert isinstance(pdf, Path) and pdf.suffix == ".pdf" and pdf.is_file()
        text, warnings = sidecar or boxes.sidecar_for(pdf, *requests[0])
        data = json.loads(text)
        assert data["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
        assert {k: v for k, v in data.items() if k not in ("sha256", "so_byte")} == \
            {k: v for k, v in alone.items() if k not in ("sha256", "so_byte")}
        assert warnings == alone["canh_bao"]
    assert writer.convert_with_sidecars(copies[:2], 1)[1] == [None, None]  # nothing asked, nothing found


def test_a_pdf_refused_by_its_check_gets_no_boxes(tmp_path, monkeypatch):
    docx = tmp_path / "bc.docx"
    docx.write_bytes(b"not read by the fake office")

    def fake_office(command, home, where):
        Path(command[command.index("--outdir") + 1], "0.pdf").write_bytes(b"%PDF-1.7\nnot a pdf at all")
        from subprocess import CompletedProcess
        return CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(writer, "find_office", lambda: "soffice")
    monkeypatch.setattr(writer, "run_office", fake_office)
    converted, sidecars = writer.convert_with_sidecars([docx], 1, [("dien-tu", 36, None)])
    assert isinstance(converted[0], writer.ReportError) and sidecars == [None]
    assert not docx.with_suffix(".pdf").exists()


@needs_office
def test_a_page_is_read_into_the_words_pdfplumber_makes_of_it(long_pdf):
    import pdfplumber

    from reportgen.pdf.text import LINE_TOLERANCE, _lines_of, read_pages

    with pdfplumber.open(long_pdf) as document:
        expected = [tuple(_lines_of(page.extract_words(x_tolerance=1.5, y_tolerance=LINE_TOLERANCE,
                                                       extra_attrs=["size"]), page.page_number))
                    for page in document.pages]
    assert [page.lines for page in read_pages(long_pdf)] == expected
