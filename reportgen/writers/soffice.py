"""Finding LibreOffice (for PDF) on Linux, Windows and macOS, what to say when it is missing, and
the private profile each conversion runs with.

On Windows and macOS the installer does not put `soffice` on the PATH, so the usual
install folders are looked at too. REPORTGEN_SOFFICE names the program when it is
installed somewhere else.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

ENV_VARIABLE = "REPORTGEN_SOFFICE"
PATH_NAMES = ("soffice", "libreoffice")
WINDOWS_PROGRAM = Path("LibreOffice", "program", "soffice.exe")
WINDOWS_FOLDERS = (("ProgramFiles", r"C:\Program Files"), ("ProgramFiles(x86)", r"C:\Program Files (x86)"),
                   ("ProgramW6432", r"C:\Program Files"))
MACOS_PROGRAM = Path("LibreOffice.app", "Contents", "MacOS", "soffice")
MACOS_FOLDERS = (Path("/Applications"), Path.home() / "Applications")


def install_locations(platform: str, environ: dict) -> list[Path]:
    """Where the LibreOffice installer puts the program on this kind of system (not on the PATH)."""
    if platform.startswith("win"):
        folders = []
        for variable, default in WINDOWS_FOLDERS:
            folder = environ.get(variable) or default
            if folder not in folders:
                folders.append(folder)
        return [Path(folder) / WINDOWS_PROGRAM for folder in folders]
    if platform == "darwin":
        return [folder / MACOS_PROGRAM for folder in MACOS_FOLDERS]
    return []


def find_soffice(platform: str | None = None, environ: dict | None = None, which=shutil.which,
                 is_file=os.path.isfile) -> str | None:
    """The LibreOffice program: REPORTGEN_SOFFICE, then the PATH, then the system's install folders."""
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    chosen = environ.get(ENV_VARIABLE)
    if chosen and is_file(chosen):
        return chosen
    for name in PATH_NAMES:
        found = which(name)
        if found:
            return found
    return next((str(p) for p in install_locations(platform, environ) if is_file(str(p))), None)


INSTALL_STEPS = {
    "win": [("tải LibreOffice tại https://www.libreoffice.org/download/ (bản Windows x86_64), chạy tệp .msi và "
             "giữ thư mục cài đặt mặc định (C:\\Program Files\\LibreOffice)"),
            "mở lại cửa sổ lệnh rồi chạy lại lệnh dựng với --pdf"],
    "darwin": [("tải LibreOffice tại https://www.libreoffice.org/download/ (bản macOS), kéo LibreOffice vào "
                "thư mục Applications (hoặc: brew install --cask libreoffice)"),
               "chạy lại lệnh dựng với --pdf"],
    "linux": ["Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui fonts-liberation2",
              "Fedora: sudo dnf install libreoffice-writer liberation-serif-fonts",
              "chạy lại lệnh dựng với --pdf"],
}


def _system(platform: str) -> str:
    if platform.startswith("win"):
        return "win"
    return "darwin" if platform == "darwin" else "linux"


def missing_message(written: str, platform: str | None = None) -> str:
    """The message when LibreOffice is missing: the .docx is there, and how to get the PDF on this system."""
    system = _system(platform or sys.platform)
    steps = "; ".join(f"({i}) {step}" for i, step in enumerate(INSTALL_STEPS[system], start=1))
    return (f"chưa xuất được PDF vì máy chưa cài LibreOffice (tệp {written} đã được ghi). Cách cài: {steps}. "
            f"Nếu LibreOffice cài ở thư mục khác, đặt biến môi trường {ENV_VARIABLE} là đường dẫn tới soffice.")


# A new profile costs LibreOffice about a second before its first document: it runs its graphics
# self-tests (vcl GraphicsRenderTests, whenever the profile has not seen this version: a profile
# only records that in the start centre, never in a headless run), and it starts itself a second
# time after writing the extensions' cache (when user/extensions/buildid is not the installation's).
# Both are said beforehand in the new profile; neither changes what the PDF holds.
SEEN_VERSION = "999.9"  # later than any LibreOffice: compared only as "is this version newer"
SEEN_VERSION_SETTINGS = f"""<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse"><value>\
{SEEN_VERSION}</value></prop></item>
</oor:items>
"""
# Where the installation says its build id, beside the program: program/versionrc (Linux),
# program/version.ini (Windows), Contents/Resources/versionrc (macOS, the program in Contents/MacOS).
VERSION_FILES = (Path("versionrc"), Path("version.ini"), Path("..", "Resources", "versionrc"))


def build_id(office: str) -> str | None:
    """The build id of the LibreOffice installation the program `office` belongs to, if it says one."""
    try:
        program = Path(office).resolve().parent
    except (OSError, RuntimeError):
        return None
    for name in VERSION_FILES:
        try:
            text = (program / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        found = re.search(r"^buildid=(\S.*?)\s*$", text, re.MULTILINE)
        if found:
            return found.group(1)
    return None


def prepare_profile(profile_dir: Path, office: str) -> None:
    """A new private profile for one LibreOffice run, made so that it starts once and converts at once
    (without the build id found it still works: LibreOffice then starts twice, as with an empty one)."""
    extensions = profile_dir / "user" / "extensions"
    extensions.mkdir(parents=True, exist_ok=True)
    (profile_dir / "user" / "registrymodifications.xcu").write_text(SEEN_VERSION_SETTINGS, encoding="utf-8")
    found = build_id(office)
    if found:
        (extensions / "buildid").write_text(found, encoding="utf-8")
