"""A template file is followed to where it really is every time it is asked about, even once
its folder has been (the folder's own place is looked up once per process)."""

from __future__ import annotations

import os

import pytest

from reportgen.source.templates import is_inside

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="cần liên kết tượng trưng")


@needs_symlinks
def test_a_file_made_a_link_out_of_its_folder_is_refused_after_the_folder_was_seen(tmp_path):
    folder = tmp_path / "templates" / "mau"
    folder.mkdir(parents=True)
    text = folder / "mo_dau.j2"
    text.write_text("Mở đầu", encoding="utf-8")
    assert is_inside(text, folder)
    outside = tmp_path / "ngoai.j2"
    outside.write_text("{{ bi_mat }}", encoding="utf-8")
    text.unlink()
    text.symlink_to(outside)
    assert not is_inside(text, folder)
    assert is_inside(folder / "khac.j2", folder)  # a file not yet there is judged by its place


@needs_symlinks
def test_a_folder_moved_elsewhere_accepts_nothing_outside_its_first_place(tmp_path):
    first, elsewhere = tmp_path / "mau-cu", tmp_path / "noi-khac"
    first.mkdir()
    elsewhere.mkdir()
    folder = tmp_path / "mau"
    folder.symlink_to(first)
    (first / "a.j2").write_text("a", encoding="utf-8")
    assert is_inside(folder / "a.j2", folder)
    folder.unlink()
    folder.symlink_to(elsewhere)
    (elsewhere / "a.j2").write_text("b", encoding="utf-8")
    assert not is_inside(folder / "a.j2", folder)
