"""Jinja's code kept between runs: the same document and the same messages with the cache cold,
warm, damaged, unwritable or turned off."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
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


def test_the_folder_is_pruned_to_its_newest_entries(tmp_path):
    folder = tmp_path / "jinja"
    folder.mkdir()
    for n in range(30):
        entry = folder / f"{n:02d}.code"
        entry.write_bytes(b"x")
        os.utime(entry, ns=(n * 10**9, n * 10**9))
    (folder / "not-ours.txt").write_text("giữ lại", encoding="utf-8")
    assert code_cache.prune(folder, most=40, keep=20) == 0
    assert code_cache.prune(folder, most=25, keep=20) == 10
    assert sorted(p.name for p in folder.iterdir()) == [f"{n:02d}.code" for n in range(10, 30)] + ["not-ours.txt"]


def test_a_run_that_stores_code_prunes_a_full_folder(tmp_path, monkeypatch, fresh):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(code_cache, "MAX_ENTRIES", 50)
    monkeypatch.setattr(code_cache, "KEEP_AFTER_PRUNING", 40)
    folder = tmp_path / "cache" / "jinja"
    folder.mkdir(parents=True)
    for n in range(60):  # older than anything this run writes
        (folder / f"old-{n:02d}.code").write_bytes(b"x")
        os.utime(folder / f"old-{n:02d}.code", ns=(10**9, 10**9))
    built()
    stored = list(folder.glob("*.code"))
    new = [p for p in stored if not p.name.startswith("old-")]
    assert new  # this run's code is kept
    # pruned once, when the run stored its first entry: 40 kept then, and the run's later ones added
    assert len([p for p in stored if p.name.startswith("old-")]) == 39


def test_a_warm_run_compiles_nothing(tmp_path, monkeypatch, fresh):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    cold = built()
    fresh()
    compiled = []
    real_compile = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, *args, **kwargs: compiled.append(args[0]) or real_compile(self, *args, **kwargs))
    assert built() == cold
    assert compiled == []
