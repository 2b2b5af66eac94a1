"""The bounds of what a report file may hold, checked while it is read.

A report is a few hundred kilobytes of text; these limits are far above any real one
and far below what would make a build run for minutes or fill the memory:

- a file's size (`MAX_FILE_BYTES`), the files and bytes a report includes in all;
- the values YAML aliases expand to (`*x` repeating an `&x` block): counted on the event
  stream, before anything is built, so an alias bomb is refused at once;
- nesting depth, items of one list (table rows), length of one text;
- numbers: finite and below `MAX_NUMBER` in size; texts: no control characters (Word
  cannot store them).

Each breach is a Diagnostic at the file, line and column where it happens.

They hold every build to 10 seconds and 300 MB (tests/test_hostile_bombs.py): raising them
lets a hostile file run for minutes. A benchmark of larger inputs sets these module
attributes in its own process; the command line always applies the values here.
"""

from __future__ import annotations

import math
import os
import re
from decimal import Decimal
from pathlib import Path

from reportgen.pyyaml import yaml

from reportgen.errors import Diagnostic, Location, ReportError

MAX_FILE_BYTES = 2_000_000
MAX_TOTAL_BYTES = 3_000_000
MAX_FILES = 200
MAX_NODES = 120_000          # values of one report, its includes together, aliases expanded (the
                             # examples have 2 000 to 3 000; 120 000 is about 10 000 table rows of
                             # five columns: a build of that size takes ~5 s and ~200 MB, measured)
MAX_DEPTH = 40               # mappings and lists inside one another
MAX_ITEMS = 10_000           # items of one list (rows of a table, indicators)
MAX_TEXT = 200_000           # characters of one text
MAX_NUMBER = 10 ** 17        # một trăm triệu tỷ: above any figure of a report
ALLOWED_CONTROLS = {"\t", "\n", "\r"}  # the controls a text may hold (_CONTROL leaves them out)


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def check_file_size(path: Path, shown: str) -> None:
    """Refuse a file too large to be a report before reading it."""
    try:
        size = os.stat(path).st_size
    except OSError:
        return  # reading it says why
    if size > MAX_FILE_BYTES:
        raise ReportError(Diagnostic(Location(shown), f"tệp quá lớn ({_number(size)} byte); một tệp YAML của báo cáo "
                                                      f"được tối đa {_number(MAX_FILE_BYTES)} byte"))


def check_included(files: list, where: Location) -> None:
    """The number and total size of the files one report reads (the report and its includes)."""
    if len(files) > MAX_FILES:
        raise ReportError(Diagnostic(where, f"báo cáo bao gồm quá {MAX_FILES} tệp", ("bao_gom",)))
    total = 0
    for name in files:
        try:
            total += os.stat(name).st_size
        except OSError:
            continue
    if total > MAX_TOTAL_BYTES:
        raise ReportError(Diagnostic(where, f"các tệp của báo cáo cộng lại {_number(total)} byte, vượt giới hạn "
                                            f"{_number(MAX_TOTAL_BYTES)} byte", ("bao_gom",)))


class _Tally:
    """Values read so far for the report being loaded (its includes add to it)."""

    nodes = 0


def begin_report() -> None:
    _Tally.nodes = 0


def nodes_taken() -> int:
    """The values counted so far for the report being loaded."""
    return _Tally.nodes


def take_nodes(count: int) -> bool:
    """Count a file already checked once (`count` values); False, counting nothing, when it would
    pass MAX_NODES: checking the file again then says where."""
    if _Tally.nodes + count > MAX_NODES:
        return False
    _Tally.nodes += count
    return True


def settings() -> tuple:
    """The limits a file is checked against (a benchmark may change them in its process)."""
    return (MAX_FILE_BYTES, MAX_NODES, MAX_DEPTH, MAX_ITEMS, MAX_TEXT, MAX_NUMBER)


def _at(shown: str, mark) -> Location:
    return Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)


class Bounds:
    """Depth, list lengths, text lengths and alias expansion, counted on one file's YAML events as
    they are read, before anything is built from them (the loader composes from the same events).

    An anchored collection's size is the number of values inside it (aliases in it already
    expanded); each alias adds the size of what it names. Linear in the file's length."""

    def __init__(self, shown: str):
        self.shown = shown
        self.stack: list[list] = []  # per open collection: [anchor, values inside, items (lists), is_list]
        self.sizes: dict[str, int] = {}
        self.total = _Tally.nodes

    def count(self, event) -> None:
        """Count one event; raise ReportError at the first bound it crosses."""
        counter = _COUNTERS.get(event.__class__)
        if counter is not None:
            counter(self, event)

    def finish(self) -> None:
        """The file's values, counted to its end, added to the report's."""
        _Tally.nodes = self.total

    def _start(self, event) -> None:
        self._count_item(event)
        self.stack.append([event.anchor, 0, 0, event.__class__ is yaml.SequenceStartEvent])
        if len(self.stack) > MAX_DEPTH:
            raise ReportError(Diagnostic(_at(self.shown, event.start_mark), f"các khối lồng nhau quá {MAX_DEPTH} cấp"))

    def _end(self, event) -> None:
        anchor, inside, _, _ = self.stack.pop()
        added = inside + 1
        if anchor:
            self.sizes[anchor] = added
        if self.stack:
            self.stack[-1][1] += added

    def _scalar(self, event) -> None:
        self._count_item(event)
        if len(event.value) > MAX_TEXT:
            raise ReportError(Diagnostic(_at(self.shown, event.start_mark),
                                         f"văn bản dài {_number(len(event.value))} ký tự, vượt giới hạn "
                                         f"{_number(MAX_TEXT)} ký tự của một giá trị"))
        if event.anchor:
            self.sizes[event.anchor] = 1
        self._add(event, 1)

    def _alias(self, event) -> None:
        self._count_item(event)
        if any(frame[0] == event.anchor for frame in self.stack):
            raise ReportError(Diagnostic(_at(self.shown, event.start_mark),
                                         f"tham chiếu *{event.anchor} nằm bên trong chính khối "
                                         f"&{event.anchor} mà nó trỏ tới (vòng lặp)"))
        self._add(event, self.sizes.get(event.anchor, 1))

    def _add(self, event, added: int) -> None:
        self.total += added
        if self.total > MAX_NODES:
            raise ReportError(Diagnostic(_at(self.shown, event.start_mark), _too_many(event)))
        if self.stack:
            self.stack[-1][1] += added

    def _count_item(self, event) -> None:
        """One more item in the list the event is in (nothing when it is in a mapping)."""
        if self.stack and self.stack[-1][3]:
            frame = self.stack[-1]
            frame[2] += 1
            if frame[2] > MAX_ITEMS:
                raise ReportError(Diagnostic(_at(self.shown, event.start_mark),
                                             f"danh sách có quá {_number(MAX_ITEMS)} mục (dòng của bảng, chỉ tiêu...)"))


# The counter of each kind of event. The class's functions, not the instance's bound methods: an
# instance holding its own methods is a cycle, kept with what it refers to until the collector runs.
_COUNTERS = {yaml.ScalarEvent: Bounds._scalar, yaml.AliasEvent: Bounds._alias,
             yaml.MappingStartEvent: Bounds._start, yaml.SequenceStartEvent: Bounds._start,
             yaml.MappingEndEvent: Bounds._end, yaml.SequenceEndEvent: Bounds._end}


def _too_many(event) -> str:
    if isinstance(event, yaml.AliasEvent):
        return (f"tham chiếu *{event.anchor} làm báo cáo có quá {_number(MAX_NODES)} giá trị "
                "(tham chiếu & / * lồng nhau nhân số giá trị lên rất nhiều lần)")
    return (f"báo cáo (cùng các tệp bao gồm) có quá {_number(MAX_NODES)} giá trị; "
            "hãy tách thành các báo cáo nhỏ hơn")


# Unicode's control characters (category Cc: U+0000-U+001F, U+007F-U+009F) but tab and the line
# ends, the surrogates (Cs) and the two non-characters; tests/test_limits_controls.py holds it
# equal to the categories.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _control_character(text: str) -> str | None:
    found = _CONTROL.search(text)
    return found.group() if found else None


def has_control_character(text: str) -> bool:
    return _CONTROL.search(text) is not None


def questionable(value) -> bool:
    """Whether `value_problems` has something to say about this value (or key): tested on each
    value as a file is read, so that only a file holding one is walked."""
    if isinstance(value, str):
        return _CONTROL.search(value) is not None
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) > MAX_NUMBER
    if isinstance(value, (float, Decimal)):
        return not math.isfinite(value) or abs(value) > MAX_NUMBER
    return False


def value_problems(root) -> list[Diagnostic]:
    """Numbers that are not finite or absurdly large, texts with control characters; walks the
    located nodes (`loader.Node`) without recursion."""
    problems: list[Diagnostic] = []
    pending = [root]
    while pending:
        node = pending.pop()
        value = node.value
        if isinstance(value, dict):
            for key, child in value.items():
                bad = _control_character(key) if isinstance(key, str) else None
                if bad:
                    problems.append(Diagnostic(child.key_location or child.location,
                                               f"khóa chứa ký tự điều khiển U+{ord(bad):04X}"))
                pending.append(child)
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, str):
            bad = _control_character(value)
            if bad:
                problems.append(Diagnostic(node.location, f"văn bản chứa ký tự điều khiển U+{ord(bad):04X} "
                                                          "(không in được, Word không lưu được); hãy xóa ký tự đó"))
        elif isinstance(value, (float, Decimal)) and not isinstance(value, bool):
            if not math.isfinite(value):
                problems.append(Diagnostic(node.location, f"{node.source or value} không phải là một số "
                                                          "(vô hạn hoặc không xác định)"))
            elif abs(value) > MAX_NUMBER:
                problems.append(_too_big(node))
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            problems.append(_too_big(node))
    return problems


def _too_big(node) -> Diagnostic:
    shown = node.source if node.source and len(node.source) < 40 else "số này"
    return Diagnostic(node.location, f"{shown} quá lớn: số trong báo cáo phải nhỏ hơn {_number(MAX_NUMBER)}")
