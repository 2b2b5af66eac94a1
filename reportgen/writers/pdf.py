"""PDF through LibreOffice in headless mode: a real conversion of the .docx, not a re-layout of ours."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from reportgen.errors import Diagnostic, Location, ReportError, display_path
from reportgen.output import write_atomic

CANDIDATES = ("soffice", "libreoffice")
INSTALL_HINT = ("chưa cài LibreOffice để xuất PDF; trên Debian/Ubuntu: "
                "sudo apt-get install libreoffice-writer-nogui fonts-liberation2 "
                "(hoặc chạy scripts/setup.sh)")
TIMEOUT_SECONDS = 240


def find_office() -> str | None:
    return next((shutil.which(name) for name in CANDIDATES if shutil.which(name)), None)


def convert_to_pdf(docx: Path) -> Path:
    """Write <name>.pdf beside the .docx; atomically, like every output."""
    office = find_office()
    if office is None:
        raise ReportError(Diagnostic(Location(display_path(docx)), INSTALL_HINT))
    target = docx.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as work:
        # A private profile: conversions in parallel, or beside an open LibreOffice, do not collide.
        profile = Path(work, "profile").as_uri()
        command = [office, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", work, str(docx.resolve())]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
                                  env={**os.environ, "HOME": work})
        except subprocess.TimeoutExpired:
            raise ReportError(Diagnostic(Location(display_path(docx)),
                                         f"LibreOffice không chuyển xong sang PDF sau {TIMEOUT_SECONDS} giây")) from None
        produced = Path(work, docx.stem + ".pdf")
        if done.returncode != 0 or not produced.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["không rõ lý do"]
            raise ReportError(Diagnostic(Location(display_path(docx)), f"LibreOffice không tạo được PDF: {detail[0]}"))
        write_atomic(target, produced.read_bytes())
    return target
