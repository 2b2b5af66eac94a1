"""PDF anywhere: LibreOffice found in the Windows and macOS install folders, and a missing
LibreOffice explained per system, saying the .docx was written."""

from pathlib import PureWindowsPath

from conftest import MINI, run_cli

from reportgen.writers import soffice


def _nothing_on_path(name):
    return None


def test_windows_install_folders_are_searched():
    present = {str(PureWindowsPath(r"D:\Apps")) + r"\LibreOffice\program\soffice.exe"}
    found = soffice.find_soffice("win32", {"ProgramFiles": r"D:\Apps"}, _nothing_on_path,
                                 lambda p: str(PureWindowsPath(p)) in present)
    assert found is not None and PureWindowsPath(found) == PureWindowsPath(r"D:\Apps\LibreOffice\program\soffice.exe")
    x86 = soffice.find_soffice("win32", {}, _nothing_on_path,
                               lambda p: PureWindowsPath(p) == PureWindowsPath(
                                   r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"))
    assert x86 is not None and "(x86)" in x86


def test_macos_application_folder_and_the_path_and_the_variable():
    mac = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
    assert soffice.find_soffice("darwin", {}, _nothing_on_path, lambda p: p == mac) == mac
    assert soffice.find_soffice("darwin", {}, lambda n: "/usr/local/bin/soffice", lambda p: False) == \
        "/usr/local/bin/soffice"
    chosen = "/opt/lo/program/soffice"
    assert soffice.find_soffice("linux", {"REPORTGEN_SOFFICE": chosen}, _nothing_on_path, lambda p: p == chosen) == chosen
    assert soffice.find_soffice("linux", {}, _nothing_on_path, lambda p: True) is None


def test_missing_message_per_system():
    windows = soffice.missing_message("outputs/x.docx", "win32")
    assert "tệp outputs/x.docx đã được ghi" in windows
    assert "C:\\Program Files\\LibreOffice" in windows and "apt-get" not in windows
    assert "brew install --cask libreoffice" in soffice.missing_message("outputs/x.docx", "darwin")
    linux = soffice.missing_message("outputs/x.docx", "linux")
    assert "sudo apt-get install libreoffice-writer-nogui fonts-liberation2" in linux and "dnf" in linux


def test_build_without_libreoffice_says_the_docx_was_written(tmp_path, monkeypatch):
    monkeypatch.setattr(soffice, "find_soffice", lambda *a, **k: None)
    monkeypatch.setattr("reportgen.writers.pdf.find_soffice", lambda *a, **k: None)
    out = tmp_path / "x.docx"
    result = run_cli("build", MINI / "report.yaml", "-o", out, "--pdf")
    assert result.exit_code == 1
    assert out.is_file()
    assert "chưa xuất được PDF vì máy chưa cài LibreOffice" in result.output
    assert "đã ghi" in result.output and "chưa tạo được tệp PDF." in result.output
    assert "không tạo tệp" not in result.output
