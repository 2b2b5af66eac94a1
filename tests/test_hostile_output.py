"""The write guard other commands build on (reportgen/output.py) and the OSError messages
(commands/common.py), tested directly."""

from __future__ import annotations

import errno
import os
import zipfile

import pytest

from reportgen.commands.common import explain_os_error
from reportgen.errors import ReportError
from reportgen.output import MANIFEST, guarded_write, is_our_output, remove_stale_temps


@pytest.fixture
def project(tmp_path, monkeypatch):
    for folder in ("inputs", "templates", "outputs"):
        (tmp_path / folder).mkdir()
    (tmp_path / "inputs" / "bao-cao.yaml").write_text("mau: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def refused(*args, **kwargs) -> str:
    with pytest.raises(ReportError) as caught:
        guarded_write(*args, **kwargs)
    return str(caught.value)


def test_a_command_may_create_a_new_file_in_inputs_but_never_replace_one(project):
    guarded_write(project / "inputs" / "moi.yaml", b"mau: x\n", ".yaml", new_only=True)
    assert (project / "inputs" / "moi.yaml").read_bytes() == b"mau: x\n"
    assert "không ghi đè" in refused(project / "inputs" / "bao-cao.yaml", b"x", ".yaml", new_only=True)
    assert "không ghi vào thư mục inputs" in refused(project / "inputs" / "khac.yaml", b"x", ".yaml")


def test_a_read_file_is_recognised_through_a_hard_link(project):
    os.link(project / "inputs" / "bao-cao.yaml", project / "outputs" / "cung.txt")
    message = refused(project / "outputs" / "cung.txt", b"x", ".txt", reads=[project / "inputs" / "bao-cao.yaml"])
    assert "tệp đầu vào mà lệnh này đọc (inputs/bao-cao.yaml)" in message


def test_what_reportgen_wrote_is_listed_with_its_hash_and_replaced_until_edited(project):
    target = project / "outputs" / "a.txt"
    guarded_write(target, b"lan 1", ".txt")
    assert is_our_output(target, ".txt") and MANIFEST in os.listdir(project / "outputs")
    guarded_write(target, b"lan 2", ".txt")
    target.write_bytes(b"da sua")
    assert not is_our_output(target, ".txt")
    assert "không phải văn bản thuần do reportgen tạo ra" in refused(target, b"lan 3", ".txt")
    assert target.read_bytes() == b"da sua"


def test_what_the_user_will_edit_is_flushed_to_disk_and_outputs_are_not(project, monkeypatch):
    """A new input (`new`, `init`) is on the disk before it is renamed into place; outputs and
    the manifest, made again by the next build, skip the fsync (1.4–9 ms each in a batch)."""
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real_fsync(fd))
    guarded_write(project / "outputs" / "bao-cao.txt", b"x", ".txt")
    assert synced == [] and (project / "outputs" / MANIFEST).is_file()
    guarded_write(project / "inputs" / "bao-cao-ky-sau.yaml", b"mau: x\n", ".yaml", new_only=True)
    assert len(synced) == 1
    assert (project / "inputs" / "bao-cao-ky-sau.yaml").read_bytes() == b"mau: x\n"


def test_a_docx_is_ours_by_its_mark(project):
    ours, theirs = project / "outputs" / "ours.docx", project / "outputs" / "theirs.docx"
    for path, description in ((ours, "reportgen"), (theirs, "Microsoft Word")):
        with zipfile.ZipFile(path, "w") as package:
            package.writestr("docProps/core.xml", f"<cp:coreProperties><dc:description>{description}"
                                                  "</dc:description></cp:coreProperties>")
    assert is_our_output(ours, ".docx") and not is_our_output(theirs, ".docx")


def test_stale_temporary_files_go_and_live_ones_stay(project):
    target = project / "outputs" / "a.docx"
    dead = project / "outputs" / ".a.docx.999999999.x1.tmp"
    alive = project / "outputs" / f".a.docx.{os.getpid()}.x2.tmp"
    other = project / "outputs" / ".b.docx.999999999.x3.tmp"
    for path in (dead, alive, other):
        path.write_bytes(b"")
    remove_stale_temps(target)
    assert not dead.exists() and alive.exists() and other.exists()


@pytest.mark.parametrize("code, words", [
    (errno.ENOSPC, "ổ đĩa đã đầy: không ghi được outputs/a.docx"),
    (errno.EROFS, "outputs/a.docx nằm trên ổ đĩa chỉ đọc"),
    (errno.EACCES, "không có quyền truy cập outputs/a.docx"),
    (errno.EISDIR, "outputs/a.docx là một thư mục"),
    (errno.ENOTDIR, "một phần của đường dẫn outputs/a.docx là tệp"),
    (errno.ENAMETOOLONG, "quá dài"),
    (errno.ECONNRESET, "lỗi hệ thống khi truy cập outputs/a.docx (ECONNRESET)"),
])
def test_os_errors_are_explained_in_vietnamese(project, code, words):
    message = explain_os_error(OSError(code, os.strerror(code), "outputs/a.docx"))
    assert words in message and os.strerror(code) not in message


def test_a_file_open_in_word_on_windows_is_named():
    error = OSError(errno.EACCES, "The process cannot access the file", "bao-cao.docx")
    error.winerror = 32
    assert explain_os_error(error) == "bao-cao.docx đang mở trong chương trình khác (Word?); hãy đóng tệp rồi chạy lại"
