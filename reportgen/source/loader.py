"""Load YAML safely, keeping the file, line and column of every key and value.

Each file is read in one pass over YAML's events, each counted against the limits
(limits.Bounds) before anything is built from it and composed into located nodes.
A report file may name other files under `bao_gom:`; they are merged under it
(the report's own values win; `chi_tieu` and `phu_luc` lists are joined).
The loader neither validates nor formats: it returns plain data plus a map
from each field path to where it was written.
"""

from __future__ import annotations

import os
import re
from contextvars import ContextVar
from dataclasses import field
from pathlib import Path
from typing import NamedTuple

from reportgen.pyyaml import yaml

from reportgen.errors import Diagnostic, Diagnostics, Location, ReportError, display_path
from reportgen.records import record
from reportgen.source import encoding, limits, scalars

INCLUDE_KEY = "bao_gom"
JOINED_LISTS = ("chi_tieu", "phu_luc")
# The LoadedYaml being filled by `load`: parse_file adds each file's text and its warnings
# (invisible characters removed, a text cut by " #") without changing the include code.
_LOADING: ContextVar[LoadedYaml | None] = ContextVar("reportgen_loading", default=None)

@record(slots=True)
class Node:
    """A YAML value with where it was written (and where its key was)."""

    value: object
    location: Location
    key_location: Location | None = None
    source: str | None = None


@record
class LoadedYaml:
    data: dict
    positions: dict = field(default_factory=dict)      # field path -> Location of the value
    key_positions: dict = field(default_factory=dict)  # field path -> Location of the key
    source_text: dict = field(default_factory=dict)    # field path -> the scalar as written (98.70)
    figures: dict = field(default_factory=dict)        # field path -> the number as read, digits (98.70)
    warnings: list = field(default_factory=list)       # Diagnostics found while reading the files
    texts: dict = field(default_factory=dict)          # file as shown -> its text as read (NFC, LF)
    files: list = field(default_factory=list)          # every file read, report first

    def where(self, path: tuple) -> Location:
        """The best location for a field: itself, else its nearest written parent."""
        path = tuple(path)
        while path:
            location = self.positions.get(path)
            if location is not None:
                return location
            path = path[:-1]
        return self.positions.get((), Location(self.files[0] if self.files else "?"))

    def where_key(self, path: tuple) -> Location:
        return self.key_positions.get(tuple(path)) or self.where(path)


def _location(file: str, mark) -> Location:
    return Location(file, mark.line + 1, mark.column + 1)


_NO_PAIR = object()  # no pair before this one in its mapping
_KEY_PROBLEM = "khóa phải là một chữ (ví dụ ten:), không phải danh sách, khối hay giá trị rỗng"


class _Located:
    """What both ways of building located nodes share: scalars typed the YAML 1.2 way, and the
    checks on what YAML reads otherwise than it was meant (a tag, an anchor sign, ` #`, the keys).
    A scalar here is PyYAML's node or its event: both have value, style and marks."""

    def __init__(self, file: str, lines: list[str]):
        self.file = file
        self.lines = lines
        self.problems: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []

    def scalar(self, scalar, tag: str, key_location: Location | None) -> Node:
        """The located value of a scalar composed with `tag`."""
        location = _location(self.file, scalar.start_mark)
        if tag not in scalars.STANDARD_TAGS:
            self.problems.append(Diagnostic(location, scalars.tag_problem(tag, scalar.start_mark, self.lines)))
            return Node(scalar.value, location, key_location)
        value = scalars.scalar_value(scalar, tag)
        if not scalar.style:
            if isinstance(value, str):
                self._check_comment(scalar)
            if self._written_starts(scalar.start_mark, "&"):
                written = self._written_at(scalar.start_mark)
                self.problems.append(Diagnostic(location, f'văn bản bắt đầu bằng dấu &: YAML hiểu "{written.split()[0]}" '
                                                          f"là tên neo (anchor) và bỏ nó đi; đặt cả văn bản trong "
                                                          f"ngoặc kép, ví dụ: {scalars.quoted(written.strip())}"))
        return Node(value, location, key_location, scalar.value)

    def key_text(self, key_scalar, key_location: Location) -> str | None:
        """A pair's key (`key_scalar` None when the key is a list or a mapping); None, with a problem,
        when it cannot be one."""
        if key_scalar is None or (not key_scalar.style and not key_scalar.value.strip()):
            self.problems.append(Diagnostic(key_location, _KEY_PROBLEM))
            return None
        return key_scalar.value

    def check_pair(self, mapping: dict, key: str, key_scalar, key_location: Location, value_scalar, previous,
                   flow: bool) -> None:
        """Before a pair's value is built: a decimal cut by the comma of {...}, a key given twice.
        `previous` is the value before in the mapping (None when not a scalar), `value_scalar` this
        pair's (None when not a scalar)."""
        if flow and previous is not _NO_PAIR and scalars.split_decimal(previous, key_scalar, value_scalar, self.lines):
            self.problems.append(Diagnostic(
                _location(self.file, previous.start_mark),
                f'trong {{...}} dấu phẩy ngăn các mục, nên "{previous.value},{key}" bị đọc thành hai phần; '
                f'viết số thập phân trong ngoặc kép: "{previous.value},{key}"'))
        if key in mapping:
            first = mapping[key].key_location
            self.problems.append(Diagnostic(key_location, f'khóa "{key}" bị khai báo hai lần trong cùng một khối '
                                                          f"(lần đầu ở dòng {first.line}); giữ một lần", related=first))

    def _written_at(self, mark) -> str:
        return self.lines[mark.line][mark.column:] if mark.line < len(self.lines) else ""

    def _written_starts(self, mark, prefix: str) -> bool:
        """Whether the file's text at `mark` starts with `prefix` (`_written_at` without the copy)."""
        return mark.line < len(self.lines) and self.lines[mark.line].startswith(prefix, mark.column)

    def _check_comment(self, scalar) -> None:
        """A plain text followed by ` #` on its line: YAML dropped the rest as a comment."""
        mark = scalar.end_mark
        if not self._written_starts(mark, " #"):
            return  # one space before #: two or more mark a deliberate comment
        rest = self.lines[mark.line][mark.column:]
        self.warnings.append(Diagnostic(
            Location(self.file, mark.line + 1, mark.column + 2),
            f'phần sau " #" ("{rest[1:].strip()}") bị YAML bỏ đi như một chú thích; nếu đó là nội dung, '
            f'đặt cả văn bản trong ngoặc kép: {scalars.quoted(scalar.value + rest)}; nếu là chú thích, để hai dấu cách '
            "trước dấu #", severity="warning"))


class _Anchored(NamedTuple):
    """What an anchor's node built: an alias gives the same value and repeats what building it
    found (as building it again would)."""

    node: Node
    scalar: object  # its event when the node is a scalar, else None
    problems: list
    warnings: list


class _Deferred(Exception):
    """A composer's error (an alias to nothing, an anchor given twice, a second document), its
    argument: told once the rest of the file is counted, since a bound crossed further on is told first."""


class _Composer(_Located):
    """A file's YAML events composed into located nodes in one pass, each event counted against the
    limits (limits.Bounds) before anything is built from it: an alias bomb is refused without being
    expanded, a list past its limit at the first item too many. An alias shares what its anchor
    built. Merge keys (`<<`, which no report uses) are only noted: PyYAML flattens them (_Builder)."""

    def __init__(self, file: str, text: str, lines: list[str]):
        super().__init__(file, lines)
        self.parser = scalars.Loader(text)
        self.bounds = limits.Bounds(file)
        self._get_event, self._count = self.parser.get_event, self.bounds.count
        # A control character comes from the text, or from an escape (\x01) in double quotes: in a
        # text without any, only the double-quoted values can hold one.
        self.clean_text = not limits.has_control_character(text)
        self.anchor_marks: dict = {}  # anchor -> where it was first written
        self.anchored: dict[str, _Anchored] = {}
        self.merges = False  # a merge key was read
        self.questionable = False  # a value or key limits.value_problems tells about was read

    def compose(self) -> Node | None:
        """The file's one document, None for a file without any; raise ReportError for a bound
        crossed, yaml.YAMLError as composing with PyYAML would."""
        try:
            return self._stream()
        except _Deferred as deferred:
            self._count_rest()
            raise deferred.args[0] from None
        finally:
            self.parser.dispose()

    def _next(self):
        event = self._get_event()
        self._count(event)
        return event

    def _stream(self) -> Node | None:
        self._next()  # the stream's start
        if self._next().__class__ is yaml.StreamEndEvent:
            self.bounds.finish()
            return None
        first = self._next()  # after the document's start
        root = self._node(first, None)
        self._next()  # the document's end
        event = self._next()
        if event.__class__ is not yaml.StreamEndEvent:
            raise _Deferred(yaml.composer.ComposerError("expected a single document in the stream",
                                                        first.start_mark, "but found another document",
                                                        event.start_mark))
        self.bounds.finish()
        return root

    def _count_rest(self) -> None:
        try:
            while self._next().__class__ is not yaml.StreamEndEvent:
                pass
        except yaml.YAMLError:
            return  # composing stops at the earlier error
        self.bounds.finish()

    def _node(self, event, key_location: Location | None) -> Node:
        kind = event.__class__
        if kind is yaml.AliasEvent:
            anchored = self._anchored(event)
            self.problems += anchored.problems
            self.warnings += anchored.warnings
            node = anchored.node
            return Node(node.value, node.location, key_location, node.source)
        if event.anchor is not None:
            return self._anchor(event, key_location)
        return self._value(event, key_location)

    def _value(self, event, key_location: Location | None) -> Node:
        """The node of a scalar or a collection's start (its anchor, if any, taken care of)."""
        if event.__class__ is yaml.ScalarEvent:
            node = self.scalar(event, scalars.scalar_tag(event), key_location)
            self._note_questionable(node.value, event)
            return node
        return self._collection(event, key_location)

    def _anchor(self, event, key_location: Location | None) -> Node:
        anchor = event.anchor
        if anchor in self.anchor_marks:
            raise _Deferred(yaml.composer.ComposerError("found duplicate anchor; first occurrence",
                                                        self.anchor_marks[anchor], "second occurrence",
                                                        event.start_mark))
        self.anchor_marks[anchor] = event.start_mark
        problems, warnings = len(self.problems), len(self.warnings)
        scalar = event if event.__class__ is yaml.ScalarEvent else None
        node = self._value(event, key_location)
        self.anchored[anchor] = _Anchored(node, scalar, self.problems[problems:], self.warnings[warnings:])
        return node

    def _anchored(self, alias) -> _Anchored:
        anchored = self.anchored.get(alias.anchor)
        if anchored is None:
            raise _Deferred(yaml.composer.ComposerError(None, None, "found undefined alias", alias.start_mark))
        return anchored

    def _collection(self, event, key_location: Location | None) -> Node:
        location = _location(self.file, event.start_mark)
        tag = event.tag
        if tag is not None and tag != "!" and tag not in scalars.STANDARD_TAGS:
            self.problems.append(Diagnostic(location, scalars.tag_problem(tag, event.start_mark, self.lines)))
            problems, warnings = len(self.problems), len(self.warnings)
            self._content(event)  # read, never told: the value is not used
            del self.problems[problems:], self.warnings[warnings:]
            return Node(None, location, key_location)
        return Node(self._content(event), location, key_location)

    def _content(self, start) -> dict | list:
        if start.__class__ is yaml.MappingStartEvent:
            return self._mapping(bool(start.flow_style))
        items = []
        while (event := self._next()).__class__ is not yaml.SequenceEndEvent:
            items.append(self._node(event, None))
        return items

    def _mapping(self, flow: bool) -> dict:
        mapping: dict[str, Node] = {}
        previous = _NO_PAIR
        while (event := self._next()).__class__ is not yaml.MappingEndEvent:
            key_scalar, key_location = self._key(event)
            value_event = self._next()
            key = self.key_text(key_scalar, key_location)
            if key is None:
                self._unused(value_event)
                continue
            self._note_questionable(key, key_scalar)
            if scalars.scalar_tag(key_scalar) == scalars.MERGE_TAG:
                self.merges = True
            value_scalar = self._scalar_of(value_event)
            self.check_pair(mapping, key, key_scalar, key_location, value_scalar, previous, flow)
            mapping[key] = self._node(value_event, key_location)
            previous = value_scalar
        return mapping

    def _key(self, event) -> tuple:
        """(the key's scalar, None for a list or a mapping; where it was written)."""
        kind = event.__class__
        if kind is yaml.ScalarEvent and event.anchor is None:
            return event, _location(self.file, event.start_mark)
        if kind is yaml.AliasEvent:
            anchored = self._anchored(event)
            return anchored.scalar, anchored.node.location
        node = self._unused(event)  # its anchor is kept
        return (event if kind is yaml.ScalarEvent else None), node.location

    def _scalar_of(self, event):
        """The scalar an event gives as a value (an alias: its anchor's), None for a list or a mapping."""
        if event.__class__ is yaml.ScalarEvent:
            return event
        if event.__class__ is yaml.AliasEvent and event.anchor in self.anchored:
            return self.anchored[event.anchor].scalar
        return None

    def _note_questionable(self, value, scalar) -> None:
        if isinstance(value, str) and self.clean_text and scalar.style != '"':
            return
        if limits.questionable(value):
            self.questionable = True

    def _unused(self, event) -> Node:
        """A node read for its events and anchors only: what building it finds is not told."""
        problems, warnings = len(self.problems), len(self.warnings)
        node = self._node(event, None)
        del self.problems[problems:], self.warnings[warnings:]
        return node


class _Builder(_Located):
    """Located nodes from PyYAML's composed node graph, its merge keys (`<<`) flattened by PyYAML:
    how a file holding one is built, once the composer has counted it."""

    def __init__(self, file: str, lines: list[str]):
        super().__init__(file, lines)
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node, key_location=None) -> Node:
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, node.tag, key_location)
        location = _location(self.file, node.start_mark)
        if node.tag not in scalars.STANDARD_TAGS:
            self.problems.append(Diagnostic(location, scalars.tag_problem(node.tag, node.start_mark, self.lines)))
            return Node(None, location, key_location)
        if isinstance(node, yaml.MappingNode):
            return Node(self._mapping(node), location, key_location)
        return Node([self.build(item) for item in node.value], location, key_location)

    def _mapping(self, node) -> dict:
        self.constructor.flatten_mapping(node)
        mapping: dict[str, Node] = {}
        previous = _NO_PAIR
        for key_node, value_node in node.value:
            key_location = _location(self.file, key_node.start_mark)
            key = self.key_text(_scalar_node(key_node), key_location)
            if key is None:
                continue
            value_scalar = _scalar_node(value_node)
            self.check_pair(mapping, key, key_node, key_location, value_scalar, previous, node.flow_style)
            mapping[key] = self.build(value_node, key_location)
            previous = value_scalar
        return mapping


def _scalar_node(node):
    return node if isinstance(node, yaml.ScalarNode) else None


def read_source(path: Path) -> str:
    """A YAML file's text as its author saw it: any BOM, UTF-16, CRLF; raise ReportError otherwise."""
    shown = display_path(path)
    return _decoded(shown, _read_bytes(path, shown))


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ReportError(Diagnostic(Location(shown), "không tìm thấy tệp")) from None
    except OSError as exc:
        raise ReportError(Diagnostic(Location(shown), f"không đọc được tệp (mã lỗi hệ thống {exc.errno})")) from None


def _decoded(shown: str, data: bytes) -> str:
    try:
        return encoding.decode(data)
    except encoding.EncodingProblem as problem:
        raise ReportError(Diagnostic(Location(shown, problem.line, 1) if problem.line else Location(shown),
                                     problem.message)) from None


def _cleaned(shown: str, text: str) -> tuple[str, list[Diagnostic]]:
    """NFC text without invisible characters (each one a warning); TCVN3/VNI text is an error."""
    cleaned = encoding.clean(text)
    warnings = [Diagnostic(Location(shown, line, 1), f"đã bỏ {what}: ký tự này không nhìn thấy được nhưng "
                                                     "làm sai việc tìm kiếm, so sánh và ngắt dòng", severity="warning")
                for line, what in cleaned.removed]
    if cleaned.legacy:
        raise ReportError(Diagnostics([
            Diagnostic(Location(shown, line, column),
                       f'văn bản "{_shorten(content)}" được gõ bằng bảng mã {encoding.LEGACY_NAMES[kind]} '
                       f"(phông chữ cũ), không phải Unicode: "
                       + encoding.CONVERT_WITH_UNIKEY.format(source=encoding.LEGACY_NAMES[kind]))
            for line, column, kind, content in cleaned.legacy]))
    return cleaned.text, warnings


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


@record(frozen=True)
class _Parsed:
    """A file read without a problem: what reading it again would give, and the values it counts."""

    root: Node
    text: str
    warnings: tuple
    nodes: int


# Files parsed in this process, keyed by what was shown, the limits and the file's bytes: in a
# batch every report reads the same included files (inputs/chung/...), and a file is only
# reused when its content is the same, whatever its time stamps say. Kept from its second
# reading (keeping a report's own files made work for the cycle collector), if of a usual size.
_PARSED: dict[tuple, _Parsed] = {}
_READ_ONCE: set[int] = set()  # hash() of the keys of files parsed once
_PARSED_FILE_BYTES, _PARSED_TOTAL_BYTES, _READ_ONCE_ENTRIES = 512_000, 4_000_000, 10_000


def parse_file(path: Path) -> Node:
    """Parse one YAML file into located nodes; raise ReportError on any problem."""
    shown = display_path(path)
    limits.check_file_size(path, shown)
    data = _read_bytes(path, shown)
    key = (shown, limits.settings(), data)
    parsed = _PARSED.get(key)
    if parsed is None or not limits.take_nodes(parsed.nodes):
        parsed = _parse(shown, data)
        _keep(key, parsed)
    loading = _LOADING.get()
    if loading is not None:
        loading.warnings.extend(parsed.warnings)
        loading.texts[shown] = parsed.text
    # The includes are popped from the root's mapping; the nodes below it are never changed.
    return Node(dict(parsed.root.value), parsed.root.location, parsed.root.key_location, parsed.root.source)


def _keep(key: tuple, parsed: _Parsed) -> None:
    size = len(key[-1])
    if size > _PARSED_FILE_BYTES:
        return
    if hash(key) not in _READ_ONCE:
        if len(_READ_ONCE) >= _READ_ONCE_ENTRIES:
            _READ_ONCE.clear()
        _READ_ONCE.add(hash(key))
        return
    while _PARSED and sum(len(k[-1]) for k in _PARSED) + size > _PARSED_TOTAL_BYTES:
        _PARSED.pop(next(iter(_PARSED)))
    _PARSED[key] = parsed


def _parse(shown: str, data: bytes) -> _Parsed:
    """Parse a file's bytes into located nodes; raise ReportError on any problem."""
    before = limits.nodes_taken()
    text, warnings = _cleaned(shown, _decoded(shown, data))
    lines = text.split("\n")
    composer = _Composer(shown, text, lines)
    try:
        root = composer.compose()
    except yaml.YAMLError as exc:
        from reportgen.source.yaml_errors import syntax_diagnostic

        raise ReportError(syntax_diagnostic(shown, text, exc)) from None
    if root is None:
        return _Parsed(Node({}, Location(shown, 1, 1)), text, tuple(warnings), limits.nodes_taken() - before)
    built = composer
    if composer.merges:  # counted already: composed again for PyYAML to flatten the merges
        built = _Builder(shown, lines)
        root = built.build(yaml.compose(text, Loader=scalars.Loader))
    if composer.questionable:
        built.problems += limits.value_problems(root)
    if built.problems:
        raise ReportError(Diagnostics(built.problems))
    if not isinstance(root.value, dict):
        raise ReportError(Diagnostic(root.location, "tệp phải là một bảng khóa: giá trị (mapping) ở cấp ngoài cùng"))
    return _Parsed(root, text, tuple(warnings + built.warnings), limits.nodes_taken() - before)


def _merge(base: Node, override: Node, path: tuple = ()) -> Node:
    """Deep-merge two located mappings: override wins, joined lists are concatenated."""
    if isinstance(base.value, dict) and isinstance(override.value, dict):
        merged = dict(base.value)
        for key, node in override.value.items():
            if key in merged:
                merged[key] = _merge(merged[key], node, path + (key,))
            else:
                merged[key] = node
        return Node(merged, override.location, override.key_location)
    if len(path) == 1 and path[0] in JOINED_LISTS and isinstance(base.value, list) and isinstance(override.value, list):
        return Node(base.value + override.value, override.location, override.key_location)
    return override


def project_folder(report: Path) -> Path:
    """The folder holding inputs/ and templates/ above the report; else the report's own folder.

    Files a report includes must lie inside it."""
    start = report.resolve().parent
    for folder in (start, *start.parents):
        if (folder / "inputs").is_dir() and (folder / "templates").is_dir():
            return folder
    return start


def _include_target(including: Path, entry: Node, project: Path) -> Path:
    """The file a `bao_gom` entry names, refused when it lies outside the project folder."""
    if not isinstance(entry.value, str) or not entry.value.strip():
        raise ReportError(Diagnostic(entry.location, "mỗi mục của bao_gom phải là đường dẫn tới một tệp YAML"))
    written = entry.value.strip()
    if Path(written).is_absolute() or written.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", written):
        raise ReportError(Diagnostic(entry.location, f'bao_gom "{written}": phải là đường dẫn tương đối '
                                                     f'tính từ thư mục của tệp (ví dụ: chung/co-quan.yaml)'))
    target = including.parent / written
    real = Path(os.path.realpath(target))
    if not real.is_relative_to(project):
        raise ReportError(Diagnostic(entry.location, f'bao_gom "{written}" trỏ ra ngoài thư mục dự án '
                                                     f'"{project}"; chỉ được bao gồm tệp trong dự án'))
    if real.is_dir():
        raise ReportError(Diagnostic(entry.location, f'bao_gom "{written}" là một thư mục, không phải tệp YAML'))
    if not real.is_file():
        raise ReportError(Diagnostic(entry.location, f'không tìm thấy tệp được bao gồm "{written}"'))
    return real


def _load_with_includes(path: Path, stack: tuple, files: list, project: Path) -> Node:
    if not stack:
        limits.begin_report()
    resolved = path.resolve()
    if resolved in stack:
        chain = " → ".join(display_path(p) for p in stack + (resolved,))
        raise ReportError(Diagnostic(Location(display_path(path)), f"bao_gom tạo thành vòng lặp: {chain}"))
    files.append(display_path(path))
    root = parse_file(path)
    include_node = root.value.pop(INCLUDE_KEY, None)
    if include_node is None:
        return root
    entries = include_node.value if isinstance(include_node.value, list) else [include_node]
    merged = Node({}, root.location)
    for entry in entries:
        target = _include_target(path, entry, project)
        limits.check_included(files + [str(target)], entry.location)
        included = _load_with_includes(target, stack + (resolved,), files, project)
        merged = _merge(merged, included)
    return _merge(merged, root)


def _flatten(root: Node, loaded: LoadedYaml):
    """The plain data of located nodes; each path's locations and text as written go to `loaded`.
    (Not a closure calling itself: that cycle held the locations until the collector ran.)"""
    return _plain(root, (), (loaded.positions, loaded.key_positions, loaded.source_text))


def _plain(node: Node, path: tuple, maps: tuple):
    positions, key_positions, source_text = maps
    positions[path] = node.location
    if node.key_location is not None:
        key_positions[path] = node.key_location
    if node.source is not None:
        source_text[path] = node.source
    value = node.value
    if isinstance(value, dict):
        return {key: _plain(child, path + (key,), maps) for key, child in value.items()}
    if isinstance(value, list):
        return [_plain(child, path + (i,), maps) for i, child in enumerate(value)]
    return value


def load(path: str | Path) -> LoadedYaml:
    """Load a report file and everything it includes."""
    loaded = LoadedYaml(data={})
    token = _LOADING.set(loaded)
    try:
        root = _load_with_includes(Path(path), (), loaded.files, project_folder(Path(path)))
    finally:
        _LOADING.reset(token)
    loaded.data = _flatten(root, loaded)
    return loaded


def load_plain(path: str | Path) -> LoadedYaml:
    """Load one YAML file (a template's settings, a table kind) without includes."""
    loaded = LoadedYaml(data={}, files=[display_path(path)])
    token = _LOADING.set(loaded)
    try:
        loaded.data = _flatten(parse_file(Path(path)), loaded)
    finally:
        _LOADING.reset(token)
    return loaded
