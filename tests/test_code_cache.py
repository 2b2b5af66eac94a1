"""Jinja's code kept between runs: the same document and the same messages with the cache cold,
warm, damaged, unwritable or turned off."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.compose import code_cache, templating
from reportgen.compose.templating import Renderer, make_environment
from reportgen.compose.variables import filters
from reportgen.errors import Diagnostics, Location
from reportgen.pipeline import prepare
from reportgen.writers.docx import write_docx

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "inputs" / "binh-dinh-2024-6thang.yaml"


@pytest.fixture
def fresh(monkeypatch):
    """Nothing compiled in this process yet, as in a new run."""
    monkeypatch.setattr(templating, "_COMPILED_CODE", {})
    monkeypatch.setattr(code_cache, "_CACHES", {})

    def new_run():
        templating._COMPILED_CODE.clear()
        code_cache._CACHES.clear()
    return new_run


def built() -> bytes:
    prepared = prepare(REPORT)
    return write_docx(prepared.document, prepared.template.styles_path)


def test_the_document_is_the_same_cold_warm_damaged_and_off(tmp_path, monkeypatch, fresh):
    monkeypatch.setenv("REPORTGEN_CACHE", "0")
    without = built()
    fresh()
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    assert built() == without  # cold: compiled and stored
    stored = sorted((tmp_path / "cache" / "jinja").glob("*.code"))
    assert len(stored) > 20  # the template's files and the report's texts
    fresh()
    assert built() == without  # warm: read back
    for path in stored:
        path.write_bytes(b"not code")
    fresh()
    assert built() == without  # damaged: compiled again


def test_a_folder_that_cannot_be_made_only_means_compiling(tmp_path, monkeypatch, fresh):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("REPORTGEN_CACHE", str(blocker))
    assert code_cache.cache_folder() is None
    monkeypatch.setenv("REPORTGEN_CACHE", "0")
    without = built()
    fresh()
    monkeypatch.setenv("REPORTGEN_CACHE", str(blocker))
    assert built() == without


def _render_error(text: str) -> list[str]:
    diags = Diagnostics()
    renderer = Renderer(make_environment([str(ROOT / "templates" / "_chung")], filters(), {"ct": {}}), diags)
    renderer.text(text, Location("inputs/bao-cao.yaml", 10, 5))
    return [d.render() for d in diags.errors]


def test_a_stored_text_reports_its_error_at_the_same_line(tmp_path, monkeypatch, fresh):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    text = "Dòng đầu\n{{ khong_co_ten_nay }}"
    first = _render_error(text)
    assert first == ['inputs/bao-cao.yaml:11:1: lỗi: tên "khong_co_ten_nay" không được định nghĩa']
    fresh()
    assert _render_error(text) == first


def test_a_changed_text_is_compiled_again(tmp_path, monkeypatch, fresh):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    env = make_environment([str(ROOT / "templates" / "_chung")], filters(), {"x": 2})
    assert Renderer(env, Diagnostics()).text("{{ x + 1 }}", Location("a.yaml", 1, 1)) == "3"
    fresh()
    env = make_environment([str(ROOT / "templates" / "_chung")], filters(), {"x": 2})
    assert Renderer(env, Diagnostics()).text("{{ x + 2 }}", Location("a.yaml", 1, 1)) == "4"
