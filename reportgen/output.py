"""Writing outputs atomically: a failed build never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def default_output(report: Path, suffix: str) -> Path:
    """outputs/<name>.<suffix>, beside the inputs/ folder the report lives in."""
    report = report.resolve()
    for parent in report.parents:
        if parent.name == "inputs":
            return parent.parent / "outputs" / (report.stem + suffix)
    return Path.cwd() / "outputs" / (report.stem + suffix)
