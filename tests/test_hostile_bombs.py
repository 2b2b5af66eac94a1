"""Resource bombs, each run as a real `reportgen` process under resource limits: the run ends
in under 10 seconds with a peak memory under 300 MB, exit 1 and a Vietnamese message naming
the limit and where it was crossed; nothing in the project changes.

The processes run two at a time (the machine's cores); each one's own peak memory comes from
os.wait4, and RUSAGE_CHILDREN gives the largest of all at the end.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from hostile.corpus import (
    AGENCY,
    FORBIDDEN,
    ROOT,
    SIX,
    SIX_TABLE,
    changed,
    make_pristine,
    replace_text,
    set_key,
    set_text_expression,
    snapshot,
    write_template,
)

TIME_LIMIT = 10.0          # seconds, wall clock
MEMORY_LIMIT_MB = 300      # peak resident memory
ADDRESS_SPACE = 1 << 30    # RLIMIT_AS of each process: a runaway allocation fails instead of swapping
KILL_AFTER = 30.0


def _billion_laughs(levels: int = 9) -> str:
    lines = ["lol0: &l0 [haha, haha, haha, haha, haha, haha, haha, haha, haha]"]
    for i in range(1, levels):
        lines.append(f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _big_file(p: Path, size: int) -> None:
    line = "# " + "dòng chú thích để làm tệp lớn " * 8 + "\n"
    with open(p / SIX, "a", encoding="utf-8") as handle:
        handle.write(line * (size // len(line.encode("utf-8")) + 1))


def _rows(p: Path, count: int) -> None:
    row = ("            - {noi_dung: Nhiệm vụ số %d, van_ban: Công văn số %d, don_vi: Công an tỉnh, "
           "trang_thai: hoan_thanh}\n")
    text = (p / SIX_TABLE).read_text(encoding="utf-8")
    marker = "          dong:\n"
    assert marker in text
    (p / SIX_TABLE).write_text(text.replace(marker, marker + "".join(row % (i, i) for i in range(count)), 1),
                               encoding="utf-8")


def _includes(p: Path, count: int) -> None:
    folder = p / "inputs" / "nhieu"
    folder.mkdir()
    for i in range(count):
        (folder / f"t{i}.yaml").write_text("dia_danh: Bình Định\n", encoding="utf-8")
    entries = "".join(f"  - nhieu/t{i}.yaml\n" for i in range(count))
    replace_text(p, SIX, "  - chung/ubnd-binh-dinh.yaml\n", "  - chung/ubnd-binh-dinh.yaml\n" + entries)


def _heavy_includes(p: Path, files: int, size: int) -> None:
    line = "# " + "dòng chú thích để làm tệp lớn " * 8 + "\n"
    entries = ""
    for i in range(files):
        (p / "inputs" / "chung" / f"nang{i}.yaml").write_text(
            "dia_danh: Bình Định\n" + line * (size // len(line.encode("utf-8"))), encoding="utf-8")
        entries += f"  - chung/nang{i}.yaml\n"
    replace_text(p, SIX, "  - chung/ubnd-binh-dinh.yaml\n", "  - chung/ubnd-binh-dinh.yaml\n" + entries)


def _many_texts(p: Path, count: int, size: int) -> None:
    items = "".join(f"      - gach: \"{{{{ 'x' * {size} }}}}\"\n" for _ in range(count))
    replace_text(p, SIX, "noi_dung:\n", f"noi_dung:\n  - muc: Thử\n    noi_dung:\n{items}")


def _many_texts_working(p: Path, count: int) -> None:
    loop = "{% for i in range(10000) %}{% for j in range(4) %}{% endfor %}{% endfor %}"
    items = "".join(f'      - gach: "{loop}"\n' for _ in range(count))
    replace_text(p, SIX, "noi_dung:\n", f"noi_dung:\n  - muc: Thử\n    noi_dung:\n{items}")


def _zip_bomb(path: Path) -> None:
    """A .docx whose document.xml unpacks to 200 MB from a few hundred kilobytes."""
    path.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document>" + " " * 200_000_000 + "</w:document>")


def _big_narrative(p: Path, size: int) -> None:
    para = "Đây là một đoạn văn bản dài để thử tốc độ dựng báo cáo với nhiều nội dung. " * 10
    count = size // len(para.encode("utf-8"))
    items = "".join(f"      - gach: {para}\n" for _ in range(count))
    replace_text(p, SIX, "noi_dung:\n", f"noi_dung:\n  - muc: Thử\n    noi_dung:\n{items}")


@dataclass
class Bomb:
    id: str
    setup: object
    expect: str
    code: int = 1
    args: tuple = ("build", "--text", SIX)


BOMBS = [
    Bomb("yaml-alias-bomb", lambda p: set_key(p, SIX, "ky_so_sanh", "x\n" + _billion_laughs()),
         r"tham chiếu \*l\d làm báo cáo có quá 120\.000 giá trị"),
    Bomb("yaml-alias-bomb-in-include", lambda p: (p / AGENCY).write_text(
        (p / AGENCY).read_text(encoding="utf-8") + _billion_laughs(), encoding="utf-8"),
         r"inputs/chung/ubnd-binh-dinh.yaml:\d+:\d+: lỗi: tham chiếu \*l\d"),
    Bomb("yaml-recursive-alias", lambda p: set_key(p, SIX, "ky_so_sanh", "&a [x, *a]"), "vòng lặp"),
    Bomb("yaml-deep-nesting", lambda p: set_key(p, SIX, "ky_so_sanh", "[" * 45 + "]" * 45), "lồng nhau quá 40 cấp"),
    Bomb("yaml-very-deep-nesting", lambda p: set_key(p, SIX, "ky_so_sanh", "[" * 100_000 + "]" * 100_000), "lỗi"),
    Bomb("yaml-deep-block-nesting", lambda p: set_key(p, SIX, "ky_so_sanh", "\n" + "".join(
        " " * i + f"k{i}:\n" for i in range(1, 300)) + " " * 300 + "x: 1"), "lồng nhau quá 40 cấp"),
    Bomb("file-3mb", lambda p: _big_file(p, 3_000_000), "tệp quá lớn .* tối đa 2.000.000 byte"),
    Bomb("file-50mb", lambda p: _big_file(p, 50_000_000), "tệp quá lớn"),
    Bomb("list-20000-items", lambda p: set_key(p, SIX, "ky_so_sanh", "[" + ", ".join(["x"] * 20_000) + "]"),
         "danh sách có quá 10.000 mục"),
    Bomb("text-300k", lambda p: set_key(p, SIX, "ky_hieu", "x" * 300_000), "vượt giới hạn 200.000 ký tự"),
    Bomb("table-12000-rows", lambda p: _rows(p, 12_000), "danh sách có quá 10.000 mục"),
    # a table as large as the limits let through is built in time
    Bomb("table-9900-rows-builds", lambda p: _rows(p, 9_900), " → ", code=0),
    Bomb("includes-250-files", lambda p: _includes(p, 250), "bao gồm quá 200 tệp"),
    Bomb("includes-4mb", lambda p: _heavy_includes(p, 2, 1_900_000), "vượt giới hạn 3.000.000 byte"),
    Bomb("jinja-repeat", lambda p: set_text_expression(p, "{{ 'a' * 10**9 }}"), 'phép lặp "\\*"'),
    Bomb("jinja-printf-width", lambda p: set_text_expression(p, "{{ '%0999999999d' % 1 }}"), "độ rộng"),
    Bomb("jinja-center", lambda p: set_text_expression(p, "{{ 'x' | center(10**9) }}"), "center"),
    Bomb("jinja-nested-range", lambda p: set_text_expression(
        p, "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}"), "vòng lặp chạy quá"),
    Bomb("jinja-macro-exponential", lambda p: set_text_expression(
        p, "{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(60) }}"), "lần gọi"),
    Bomb("jinja-power", lambda p: set_text_expression(p, "{{ 10 ** (10 ** 9) }}"), "lũy thừa"),
    Bomb("jinja-namespace-doubling", lambda p: set_text_expression(
        p, "{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"),
         "giới hạn"),
    Bomb("jinja-output-loop", lambda p: set_text_expression(
        p, "{% for i in range(10000) %}{{ 'x' * 99000 }}{% endfor %}"), "quá"),
    Bomb("jinja-join", lambda p: set_text_expression(p, "{{ (['x' * 50000] * 50000) | join }}"), "giới hạn"),
    Bomb("template-include-itself", lambda p: write_template(p, "ket_thuc.j2", "a {% include 'ket_thuc.j2' %}"),
         "templates/de-an-06-bao-cao/ket_thuc.j2:1:1: lỗi"),
    Bomb("texts-over-the-build-cap", lambda p: _many_texts(p, 60, 99_000), "báo cáo in ra quá 1.000.000 ký tự"),
    Bomb("texts-over-the-build-work", lambda p: _many_texts_working(p, 40), "chạy quá 200.000 lượt lặp"),
    Bomb("big-narrative-builds", lambda p: _big_narrative(p, 1_000_000), " → ", code=0),
    Bomb("check-zip-bomb", lambda p: _zip_bomb(p / "outputs" / "bom.docx"), "giải nén ra 200.000.033 byte, quá giới hạn 30.000.000 byte",
         code=2, args=("check", "outputs/bom.docx")),
]


@dataclass
class Run:
    code: int
    output: str
    seconds: float
    peak_mb: float
    changed: list


def _limit_resources():
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def _run(bomb: Bomb, pristine: Path, base: Path) -> Run:
    project = base / bomb.id
    shutil.copytree(pristine, project, symlinks=True)
    bomb.setup(project)
    before = snapshot(project)
    log = base / f"{bomb.id}.log"
    with open(log, "wb") as out:
        start = time.monotonic()
        process = subprocess.Popen([sys.executable, "-m", "reportgen", *bomb.args], cwd=project, stdout=out,
                                   stderr=subprocess.STDOUT, preexec_fn=_limit_resources,
                                   env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200"})
        timer = threading.Timer(KILL_AFTER, process.kill)
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
    after = snapshot(project)
    allowed = {k for k in changed(before, after) if k.startswith("outputs/")} if bomb.code == 0 else set()
    return Run(process.returncode, log.read_text(encoding="utf-8", errors="replace"), seconds,
               usage.ru_maxrss / 1024, [k for k in changed(before, after) if k not in allowed])


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    base = tmp_path_factory.mktemp("bombs")
    pristine = make_pristine(base / "pristine")
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {b.id: pool.submit(_run, b, pristine, base) for b in BOMBS}
        return {name: future.result() for name, future in futures.items()}


@pytest.mark.parametrize("bomb", BOMBS, ids=lambda b: b.id)
def test_bomb_ends_quickly_with_a_message(bomb, runs):
    run = runs[bomb.id]
    assert run.code == bomb.code, f"exit {run.code}:\n{run.output[-3000:]}"
    assert run.seconds < TIME_LIMIT, f"{run.seconds:.1f} s"
    assert run.peak_mb < MEMORY_LIMIT_MB, f"{run.peak_mb:.0f} MB"
    for word in FORBIDDEN:
        assert word not in run.output, f"{word!r} in:\n{run.output[-3000:]}"
    assert re.search(bomb.expect, run.output), f"/{bomb.expect}/ not in:\n{run.output[-3000:]}"
    assert not run.changed, run.changed

