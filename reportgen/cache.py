"""The user's cache folder: what reportgen works out once and keeps between runs (Jinja's
compiled code, the template's style table). Nothing in it is needed: a folder that is
missing, cannot be made or written, or holds damaged files only means working it out again.

`REPORTGEN_CACHE` names the folder (`0` turns the cache off); otherwise `%LOCALAPPDATA%\\reportgen`
on Windows, `$XDG_CACHE_HOME/reportgen` or `~/.cache/reportgen`.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_folder(kind: str) -> Path | None:
    """The folder for one kind of kept result (made when missing), or None when there is none."""
    chosen = os.environ.get("REPORTGEN_CACHE")
    if chosen == "0":
        return None
    if chosen:
        base = Path(chosen)
    elif os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"]) / "reportgen"
    else:
        try:
            base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportgen"
        except RuntimeError:  # no home folder (a service account): no cache
            return None
    folder = base / kind
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None
