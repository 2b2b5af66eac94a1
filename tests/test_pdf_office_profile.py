"""The private LibreOffice profile of a conversion is made beforehand so that LibreOffice starts
once and converts at once: it has seen this version (no graphics self-tests) and its extensions'
cache has the installation's build id (no second start)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.writers import pdf as writer
from reportgen.writers import soffice
from tests.conftest import SIGNING_REPORT, run_cli

needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by scripts/setup.sh")
VERSION_TEXT = "[Version]\nAllLanguages=en-US\nbuildid=7e2c1e5d1a0(Build:2)\nVendor=The Document Foundation\n"


@pytest.mark.parametrize("program, version_file", [
    ("lib/libreoffice/program/soffice", "lib/libreoffice/program/versionrc"),                # Linux
    ("LibreOffice/program/soffice.exe", "LibreOffice/program/version.ini"),                  # Windows
    ("LibreOffice.app/Contents/MacOS/soffice", "LibreOffice.app/Contents/Resources/versionrc"),  # macOS
])
def test_the_build_id_is_read_beside_the_program(tmp_path, program, version_file):
    (tmp_path / program).parent.mkdir(parents=True)
    (tmp_path / program).write_text("#!/bin/sh\n")
    (tmp_path / version_file).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / version_file).write_text(VERSION_TEXT)
    assert soffice.build_id(str(tmp_path / program)) == "7e2c1e5d1a0(Build:2)"


def test_the_build_id_of_a_linked_program_is_its_installation(tmp_path):
    (tmp_path / "program").mkdir()
    (tmp_path / "program" / "soffice").write_text("#!/bin/sh\n")
    (tmp_path / "program" / "versionrc").write_text(VERSION_TEXT)
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "soffice").symlink_to(tmp_path / "program" / "soffice")
    assert soffice.build_id(str(tmp_path / "bin" / "soffice")) == "7e2c1e5d1a0(Build:2)"


def test_a_profile_without_the_build_id_still_says_the_version_seen(tmp_path):
    assert soffice.build_id(str(tmp_path / "soffice")) is None
    soffice.prepare_profile(tmp_path / "profile", str(tmp_path / "soffice"))
    settings = (tmp_path / "profile" / "user" / "registrymodifications.xcu").read_text(encoding="utf-8")
    assert '<prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>999.9</value></prop>' in settings
    assert not (tmp_path / "profile" / "user" / "extensions" / "buildid").exists()


@needs_office
def test_libreoffice_keeps_the_profile_made_for_it(tmp_path, monkeypatch):
    """After a real conversion the profile has not run the self-tests (they leave a log) and its
    build id file is the one written beforehand (LibreOffice clears the extensions' cache, that
    file with it, and writes it anew when the build id is not its own)."""
    seen = []
    real = writer.run_office

    def looked_at(command, home, where):
        build_id_file = home / "profile" / "user" / "extensions" / "buildid"
        before = build_id_file.stat()
        done = real(command, home, where)
        after = build_id_file.stat()
        seen.append(((home / "profile" / "user" / "GraphicsRenderTests.log").exists(),
                     (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns),
                     build_id_file.read_text()))
        return done

    monkeypatch.setattr(writer, "run_office", looked_at)
    result = run_cli("build", SIGNING_REPORT, "-o", tmp_path / "bc.docx", "--pdf")
    assert result.exit_code == 0, result.output
    assert seen == [(False, True, soffice.build_id(writer.find_office()))]
