"""What every command shares: exit codes, finding the reports in a folder, printing diagnostics,
and turning what the machine or the user caused into a Vietnamese message.

For a new command:

- write files only with `guarded_write(target, data, ".docx", reads=[...])` (re-exported from
  reportgen.output): it refuses inputs, templates and files reportgen did not make;
- wrap the body in `with user_errors():` (or decorate it with `@reports_user_errors`): a
  ReportError prints its diagnostics, an OSError (disk full, read-only, permission, a
  folder where a file was expected) prints `explain_os_error(exc)`, both exit 1; anything
  else is a bug of ours: "lỗi nội bộ", exit 2.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from reportgen.commands import vietnamese  # noqa: F401 (Click's messages in Vietnamese, on import)
from reportgen.errors import Diagnostic, Location, ReportError, display_path
from reportgen.output import check_target, guarded_write  # noqa: F401 (the shared entry points)
from reportgen.source.encoding import decode_head

EXIT_INVALID = 1
EXIT_INTERNAL = 2
HEAD_BYTES = 2_000_000  # a batch looks for `mau:` in this much of each file

_OS_ERRORS = {
    errno.ENOSPC: "ổ đĩa đã đầy: không ghi được {path}. Hãy giải phóng chỗ trống rồi chạy lại "
                  "(tệp cũ, nếu có, vẫn giữ nguyên)",
    errno.EDQUOT: "đã hết hạn mức dung lượng được cấp: không ghi được {path}",
    errno.EACCES: "không có quyền truy cập {path} (thư mục hoặc tệp chỉ cho phép đọc, hoặc tệp đang mở "
                  "trong chương trình khác như Word)",
    errno.EPERM: "hệ điều hành không cho phép thao tác trên {path}",
    errno.EROFS: "{path} nằm trên ổ đĩa chỉ đọc; hãy chọn nơi ghi khác (-o)",
    errno.EISDIR: "{path} là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn {path} là tệp chứ không phải thư mục",
    errno.ENOENT: "không tìm thấy {path}",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn {path} quá dài",
    errno.ELOOP: "{path}: liên kết tượng trưng vòng quanh (trỏ lại chính nó)",
    errno.EMFILE: "quá nhiều tệp đang mở cùng lúc khi truy cập {path}",
    errno.ENFILE: "quá nhiều tệp đang mở trên máy khi truy cập {path}",
    errno.EIO: "lỗi đọc/ghi của ổ đĩa khi truy cập {path}",
    errno.EBUSY: "{path} đang được chương trình khác sử dụng",
    errno.ETXTBSY: "{path} đang được chương trình khác sử dụng",
    errno.EEXIST: "{path} đã tồn tại",
    errno.ENOTEMPTY: "thư mục {path} không rỗng",
    errno.EXDEV: "không chuyển được {path} sang ổ đĩa khác",
    errno.ENOMEM: "không đủ bộ nhớ khi xử lý {path}",
}
_WINDOWS_SHARING_VIOLATION = 32  # the file is open in another program (Word)


def explain_os_error(exc: BaseException, path: str | Path | None = None) -> str:
    """A Vietnamese sentence for an OSError (or MemoryError): what failed, on which file, what to do."""
    if isinstance(exc, MemoryError):
        return "không đủ bộ nhớ để xử lý tệp này"
    name = path if path is not None else getattr(exc, "filename", None)
    shown = display_path(name) if name else "tệp"
    if getattr(exc, "winerror", None) == _WINDOWS_SHARING_VIOLATION:
        return f"{shown} đang mở trong chương trình khác (Word?); hãy đóng tệp rồi chạy lại"
    code = getattr(exc, "errno", None)
    if code in _OS_ERRORS:
        return _OS_ERRORS[code].format(path=shown)
    label = errno.errorcode.get(code, str(code)) if code is not None else "không rõ mã"
    return f"lỗi hệ thống khi truy cập {shown} ({label})"


def _mentions_template(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            head = decode_head(handle.read(HEAD_BYTES))  # the loader's reading: BOM, UTF-16, CRLF
    except OSError:
        return True  # unreadable: building it says why
    return any(line.startswith("mau:") for line in head.splitlines())


def report_files(paths: tuple[str, ...]) -> list[Path]:
    """Files given, and in folders every YAML file that names a template (`mau:`).

    In a folder, subfolders named *.yaml are skipped; a link to nothing, or a file that cannot
    be read, is kept so that building it reports the problem by name."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates = sorted(set(path.glob("*.yaml")) | set(path.glob("*.yml")))
            for candidate in candidates:
                if candidate.is_dir():
                    continue
                if not candidate.exists() or _mentions_template(candidate):
                    found.append(candidate)
        else:
            found.append(path)
    return found


def shown_as_given(path: str | Path) -> str:
    """A path as the user gave it, symlinks not followed (a link is named, not its target)."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    return absolute if relative.startswith("..") else relative


def check_report_path(path: Path) -> None:
    """A link to nothing, given or found in a folder: named as the link, with where it points."""
    if path.is_symlink() and not path.exists():
        raise ReportError(Diagnostic(Location(shown_as_given(path)),
                                     f"liên kết trỏ tới tệp không tồn tại ({os.readlink(path)})"))


def print_diagnostics(error: ReportError) -> None:
    for diagnostic in error.diagnostics.sorted():
        click.echo(diagnostic.render(), err=True)


def _internal(where: str, exc: BaseException) -> None:
    click.echo(f"{where}: lỗi nội bộ của reportgen ({type(exc).__name__}: {exc}). "
               "Hãy báo lỗi này kèm tệp đầu vào.", err=True)


def run_reporting(action, path: Path) -> int:
    """Run `action(path)`; a user's problem prints its diagnostics, a bug of ours says so plainly."""
    try:
        check_report_path(path)
        action(path)
        return 0
    except ReportError as exc:
        print_diagnostics(exc)
        count = len(exc.diagnostics.errors) or len(exc.diagnostics.items)
        shown = display_path(path) if path.exists() else shown_as_given(path)
        click.echo(f"{shown}: {count} lỗi, không tạo tệp.", err=True)
        return EXIT_INVALID
    except (OSError, MemoryError) as exc:
        click.echo(f"{display_path(path)}: lỗi: {explain_os_error(exc)}", err=True)
        return EXIT_INVALID
    except Exception as exc:
        _internal(display_path(path), exc)
        if "--debug" in sys.argv or os.environ.get("REPORTGEN_DEBUG"):
            raise
        return EXIT_INTERNAL


@contextmanager
def user_errors(where: str | Path | None = None):
    """Turn a ReportError or OSError into its message and exit 1; any other error is a bug (exit 2)."""
    try:
        yield
    except ReportError as exc:
        print_diagnostics(exc)
        sys.exit(EXIT_INVALID)
    except (OSError, MemoryError) as exc:
        prefix = f"{display_path(where)}: " if where else ""
        click.echo(f"{prefix}lỗi: {explain_os_error(exc)}", err=True)
        sys.exit(EXIT_INVALID)
    except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
        raise
    except Exception as exc:
        if os.environ.get("REPORTGEN_DEBUG"):
            raise
        _internal(display_path(where) if where else "reportgen", exc)
        sys.exit(EXIT_INTERNAL)


def reports_user_errors(command):
    """A decorator for a command's function: its body runs inside `user_errors()`."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        with user_errors():
            return command(*args, **kwargs)
    return wrapper
