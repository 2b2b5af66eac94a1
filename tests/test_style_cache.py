"""The template's style table kept between runs: the same .docx with it cold, warm, damaged
or off, and a warm run does not read styles.xml."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.pipeline import prepare
from reportgen.writers import package, template
from reportgen.writers.docx import write_docx

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "inputs" / "binh-dinh-2024-6thang.yaml"


@pytest.fixture
def new_run(monkeypatch):
    """Nothing read in this process yet, as in a new run."""
    monkeypatch.setattr(template, "_PACKAGES", {})
    return template._PACKAGES.clear


def built() -> bytes:
    prepared = prepare(REPORT)
    return write_docx(prepared.document, prepared.template.styles_path)


def parts_read(monkeypatch) -> list[str]:
    read = []
    real = package.Package.read_part
    monkeypatch.setattr(package.Package, "read_part", lambda self, name: read.append(name) or real(self, name))
    return read


def test_the_document_is_the_same_cold_warm_damaged_and_off(tmp_path, monkeypatch, new_run):
    monkeypatch.setenv("REPORTGEN_CACHE", "0")
    without = built()
    new_run()
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    assert built() == without  # cold: read from styles.xml and kept
    kept = list((tmp_path / "cache" / "styles").glob("*.json"))
    assert len(kept) == 1
    new_run()
    read = parts_read(monkeypatch)
    assert built() == without  # warm
    assert "word/styles.xml" not in read
    for damage in (b"{not json", b'{"RG body": 5}', b"[]"):
        kept[0].write_bytes(damage)
        new_run()
        assert built() == without


def test_another_styles_file_has_its_own_table(tmp_path, monkeypatch, new_run):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    styles = ROOT / "templates" / "_chung" / "styles.docx"
    first = template.styles_package(styles)
    copy = tmp_path / "styles.docx"
    copy.write_bytes(styles.read_bytes() + b"\0")  # other bytes, the same parts
    second = template.styles_package(copy)
    assert second.style_ids == first.style_ids
    assert len(list((tmp_path / "cache" / "styles").glob("*.json"))) == 2
