"""A batch's PDFs when LibreOffice fails: missing, failing on one document, or not ending. The
messages are those of a report built alone, and a PDF checked while another run goes on is
written only once every run has ended."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reportgen.writers import pdf as writer


def documents(tmp_path: Path, count: int) -> list[Path]:
    made = []
    for number in range(count):
        (tmp_path / f"d{number}").mkdir()
        made.append(tmp_path / f"d{number}" / "bc.docx")
        made[-1].write_bytes(b"not read by the fake office")
    return made


@pytest.fixture
def accepting_office(monkeypatch):
    """LibreOffice found, and every PDF it writes passing the check (the fakes write no real PDF)."""
    monkeypatch.setattr(writer, "find_office", lambda: "soffice")
    monkeypatch.setattr(writer, "_checked", lambda data, target: None)


def test_without_libreoffice_every_document_is_told_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "find_office", lambda: None)
    converted, sidecars = writer.convert_with_sidecars(documents(tmp_path, 2), 2, [("dien-tu", 36, None)] * 2)
    assert all("chưa xuất được PDF vì máy chưa cài LibreOffice" in c.diagnostics.items[0].message for c in converted)
    assert sidecars == [None, None]


def test_a_document_libreoffice_could_not_convert_fails_alone(tmp_path, monkeypatch, accepting_office):
    def office(command, home, where):
        outdir = Path(command[command.index("--outdir") + 1])
        for docx in (a for a in command if a.endswith(".docx")):
            if Path(docx).stem != "1":
                (outdir / (Path(docx).stem + ".pdf")).write_bytes(b"%PDF-1.7 " + docx.encode())
        return subprocess.CompletedProcess(command, 1, "", "Error: source file could not be loaded\n")

    monkeypatch.setattr(writer, "run_office", office)
    docs = documents(tmp_path, 4)
    converted = writer.convert_many(docs, 2)
    assert [isinstance(c, Path) for c in converted] == [True, False, True, True]
    assert converted[1].diagnostics.items[0].message == \
        "LibreOffice không tạo được PDF: Error: source file could not be loaded"
    assert not docs[1].with_suffix(".pdf").exists() and docs[0].with_suffix(".pdf").read_bytes().endswith(b"0.docx")


def test_a_run_that_does_not_end_fails_the_batch_and_writes_no_pdf(tmp_path, monkeypatch, accepting_office):
    """One run writes its PDFs at once, the other never ends: the timeout is said as for a report
    alone, and the PDFs already checked are not written beside their .docx."""
    def command(office, profile_dir, outdir, docs):
        if any(Path(d).stem == "0" for d in docs):
            script = f"from pathlib import Path\nfor n in {[Path(d).stem for d in docs]}: " \
                     f"Path({str(outdir)!r}, n + '.pdf').write_bytes(b'%PDF-1.7')"
            return [sys.executable, "-c", script, "--outdir", str(outdir), *map(str, docs)]
        return [sys.executable, "-c", "import time; time.sleep(60)", "--outdir", str(outdir), *map(str, docs)]

    monkeypatch.setattr(writer, "office_command", command)
    monkeypatch.setattr(writer, "TIMEOUT_SECONDS", 2)
    docs = documents(tmp_path, 4)
    with pytest.raises(writer.ReportError) as raised:
        writer.convert_many(docs, 2)
    assert raised.value.diagnostics.items[0].message == "LibreOffice không chuyển xong sang PDF sau 2 giây"
    assert not any(d.with_suffix(".pdf").exists() for d in docs)
