"""Every file reportgen writes goes through here: atomically, and never over an input.

`guarded_write(target, data, kind, reads=...)` refuses, with a Vietnamese message and
before anything is written, a target that is

- a file this run read (the report, an include, a template file, the styles), however
  it is spelled (`..`, symlinks, hard links, letter case on a case-insensitive disk:
  files are compared by device and inode);
- inside a project's `inputs/` or `templates/` folder (or a templates root in use),
  except a new file a command creates there on purpose (`new_only=True`: `new`, `init`);
- an existing file that is not a reportgen output of the same kind;
- a folder, or under a path whose folder is a file, or of the wrong extension.

What counts as "ours": a `.docx` whose core properties carry reportgen's mark
(`<dc:description>reportgen</dc:description>`, written by writers/properties.py); a
`.json` whose `title` starts with "reportgen"; and any output listed in the folder's
`.reportgen-outputs` file with the SHA-256 of the bytes reportgen last wrote there (so
a `.txt` or `.pdf` that someone has since edited, or any file reportgen did not make, is
kept). Writes go to a temporary file in the same folder and are renamed over the
target; temporary files an interrupted run (kill -9) left behind are removed by the
next write of the same file.

What the user will edit (a new period's YAML of `new`, `init`'s files, a figures file) is
flushed to the disk (fsync) before it is renamed into place. Outputs (.docx, .txt, …) and
the manifest are not: they are made again from the YAML by the next build, and an fsync
cost 1.4–9 ms each, a tenth of a report's build in a batch. A power cut just after a build
may leave one damaged; the next build then refuses to overwrite it and says so.
"""

from __future__ import annotations

# hashlib, json and zipfile are imported where they are used: the commands import this module
# before a report is read, and only the checks and writes after the build need them.
import os
import re
import time
from contextlib import contextmanager
from pathlib import Path

from reportgen.errors import Diagnostic, Location, ReportError, display_path

MANIFEST = ".reportgen-outputs"
PROTECTED_FOLDERS = ("inputs", "templates")
KIND_NAMES = {".docx": "văn bản Word", ".pdf": "PDF", ".txt": "văn bản thuần", ".json": "JSON Schema"}
DOCX_MARK = re.compile(rb"<dc:description>\s*reportgen\s*</dc:description>")
STALE_TEMP_SECONDS = 3600


def _refuse(target: Path, message: str) -> ReportError:
    return ReportError(Diagnostic(Location(display_path(target)), message))


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _first_file_ancestor(target: Path) -> Path | None:
    """The part of the target's folder path that exists and is a file, if any."""
    for parent in reversed(Path(os.path.abspath(target)).parents):
        if parent.exists() and not parent.is_dir():
            return parent
    return None


def _protected_folder(target: Path, extra_roots) -> Path | None:
    """The inputs/ or templates/ folder of a project (or a templates root in use) holding the target."""
    real = Path(os.path.realpath(target))
    for folder in real.parents:
        name = folder.name.lower()  # INPUTS/ is inputs/ on a case-insensitive disk (Windows, macOS)
        if name in PROTECTED_FOLDERS and \
                any((folder.parent / other).is_dir() for other in PROTECTED_FOLDERS if other != name):
            return folder
    folder_stats = [_stat(r) for r in extra_roots]
    for folder in real.parents:
        here = _stat(folder)
        if here and any(s and _same_file(here, s) for s in folder_stats):
            return folder
    return None


def file_hash(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _manifest(folder: Path) -> dict:
    import json

    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def is_our_output(path: Path, suffix: str) -> bool:
    """Whether an existing file is an output reportgen wrote (see the module's docstring)."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if _manifest(path.parent).get(path.name) == file_hash(data):
        return True
    if suffix == ".docx":
        import zipfile

        try:
            with zipfile.ZipFile(path) as docx:
                return bool(DOCX_MARK.search(docx.read("docProps/core.xml")))
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            return False
    if suffix == ".json":
        import json

        try:
            title = json.loads(data.decode("utf-8")).get("title", "")
            return isinstance(title, str) and title.startswith("reportgen")
        except (ValueError, AttributeError):
            return False
    return False


def check_target(target: Path, suffix: str, reads=(), protected_roots=(), new_only: bool = False) -> None:
    """Raise ReportError when writing `target` would overwrite an input or a file not ours."""
    target = Path(target)
    kind = KIND_NAMES.get(suffix, suffix)
    if target.suffix.lower() != suffix:
        raise _refuse(target, f"tệp kết quả ({kind}) phải có đuôi {suffix}; không ghi vào {target.name}")
    if target.is_dir():
        raise _refuse(target, "đường dẫn kết quả là một thư mục; hãy ghi tên tệp, ví dụ "
                              f"{display_path(target / ('bao-cao' + suffix))}")
    blocking = _first_file_ancestor(target)
    if blocking is not None:
        raise _refuse(target, f"không tạo được thư mục chứa tệp kết quả: {display_path(blocking)} là một tệp")
    here = _stat(target)
    if here is not None:
        for read in reads:
            other = _stat(Path(read))
            if other is not None and _same_file(here, other):
                raise _refuse(target, f"đây là tệp đầu vào mà lệnh này đọc ({display_path(read)}); "
                                      "không ghi đè, hãy chọn tệp kết quả khác (-o)")
    if new_only and (here is not None or os.path.lexists(target)):
        raise _refuse(target, f"đã có tệp {display_path(target)}; lệnh này chỉ tạo tệp mới, không ghi đè "
                              "tệp có sẵn: hãy chọn tên khác")
    folder = _protected_folder(target, protected_roots)
    if folder is not None and not new_only:
        raise _refuse(target, f"không ghi vào thư mục {display_path(folder)}: thư mục này chứa tệp đầu vào "
                              "hoặc mẫu; kết quả ghi vào outputs/ hoặc nơi khác (-o)")
    if here is not None and not is_our_output(target, suffix):
        raise _refuse(target, f"đã có tệp {display_path(target)} không phải {kind} do reportgen tạo ra "
                              "(hoặc đã được sửa sau đó); không ghi đè. Hãy đổi tên hoặc xóa tệp đó, "
                              "hoặc chọn tệp kết quả khác (-o)")


def guarded_write(target: Path, data: bytes, suffix: str | None = None, reads=(), protected_roots=(),
                  new_only: bool = False) -> Path:
    """Check the target (see `check_target`), then write it atomically and record it as ours."""
    target = Path(target)
    suffix = suffix or target.suffix.lower()
    check_target(target, suffix, reads, protected_roots, new_only)
    write_atomic(target, data, durable=new_only)
    record_output(target, data)
    return target


def record_output(target: Path, data: bytes) -> None:
    """List the file in its folder's manifest with the hash of what was written."""
    import json

    folder = Path(target).parent
    try:
        with _folder_lock(folder):
            entries = _manifest(folder)
            entries[Path(target).name] = file_hash(data)
            # one listing, not a look for each file listed (as case-blind as the folder on Windows)
            present = {os.path.normcase(name) for name in os.listdir(folder)}
            entries = {k: v for k, v in sorted(entries.items()) if os.path.normcase(k) in present}
            _replace(folder / MANIFEST, (json.dumps(entries, indent=1, ensure_ascii=False) + "\n").encode("utf-8"),
                     durable=False)
    except OSError:
        pass  # the output is written; without the manifest the next run only asks before overwriting


@contextmanager
def _folder_lock(folder: Path):
    """Serialise manifest updates of builds running in parallel (POSIX; elsewhere best effort)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill there would end the process: only the file's age decides
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True
    return True


def remove_stale_temps(target: Path) -> None:
    """Temporary files of this target left by a run that was killed while writing."""
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.(\d+)\.[^.]+\.tmp$")
    try:
        candidates = list(target.parent.iterdir())
    except OSError:
        return
    for candidate in candidates:
        match = pattern.match(candidate.name)
        if not match:
            continue
        try:
            old = time.time() - candidate.stat().st_mtime > STALE_TEMP_SECONDS
            if old or not _process_alive(int(match.group(1))):
                candidate.unlink()
        except OSError:
            pass


def _new_temporary(path: Path) -> tuple[int, Path]:
    """A new file beside `path`, created by this call alone (O_EXCL, no link followed), named
    `.name.pid.random.tmp` as remove_stale_temps looks for them."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    while True:
        temp = path.parent / f".{path.name}.{os.getpid()}.{os.urandom(6).hex()}.tmp"
        try:
            return os.open(temp, flags, 0o600), temp
        except FileExistsError:
            continue


def _replace(path: Path, data: bytes, durable: bool) -> None:
    fd, temp = _new_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes, durable: bool = True) -> None:
    """Write through a temporary file renamed over the target: a failure leaves the old file;
    `durable`: on the disk (fsync) before the rename (see the module's docstring).

    An OSError names the target (not the temporary file) so that its message says what failed."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(path)
        _replace(path, data, durable)
    except OSError as exc:
        if exc.errno is None:
            raise
        raise OSError(exc.errno, exc.strerror, str(path)) from exc


def default_output(report: Path, suffix: str) -> Path:
    """outputs/<name>.<suffix>, beside the inputs/ folder the report lives in."""
    report = report.resolve()
    for parent in report.parents:
        if parent.name == "inputs":
            return parent.parent / "outputs" / (report.stem + suffix)
    return Path.cwd() / "outputs" / (report.stem + suffix)


__all__ = ["guarded_write", "check_target", "write_atomic", "record_output", "is_our_output",
           "default_output"]
