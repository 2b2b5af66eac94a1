"""Load YAML safely, keeping the file, line and column of every key and value.

A report file may name other files under `bao_gom:`; they are merged under it
(the report's own values win; `chi_tieu` and `phu_luc` lists are joined).
The loader neither validates nor formats: it returns plain data plus a map
from each field path to where it was written.
"""

from __future__ import annotations

import os
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.pyyaml import yaml

from reportgen.errors import (
    Diagnostic,
    Diagnostics,
    Location,
    ReportError,
    display_path,
)
from reportgen.source import encoding, limits, scalars

INCLUDE_KEY = "bao_gom"
JOINED_LISTS = ("chi_tieu", "phu_luc")
# The LoadedYaml being filled by `load`: parse_file adds each file's text and its warnings
# (invisible characters removed, a text cut by " #") without changing the include code.
_LOADING: ContextVar[LoadedYaml | None] = ContextVar("reportgen_loading", default=None)

@dataclass
class Node:
    """A YAML value with where it was written (and where its key was)."""

    value: object
    location: Location
    key_location: Location | None = None
    source: str | None = None


@dataclass
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
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), Location(self.files[0] if self.files else "?"))

    def where_key(self, path: tuple) -> Location:
        return self.key_positions.get(tuple(path)) or self.where(path)


def quoted(text: str) -> str:
    """The text as a YAML string (`yaml_errors.quoted`); that module is loaded only for a problem."""
    from reportgen.source.yaml_errors import quoted as yaml_quoted

    return yaml_quoted(text)


def _location(file: str, mark) -> Location:
    return Location(file, mark.line + 1, mark.column + 1)


class _Builder:
    """Turns a composed YAML node graph into located nodes, scalars typed the YAML 1.2 way."""

    def __init__(self, file: str, lines: list[str]):
        self.file = file
        self.lines = lines
        self.constructor = yaml.constructor.SafeConstructor()
        self.problems: list[Diagnostic] = []
        self.warnings: list[Diagnostic] = []

    def build(self, node, key_location=None) -> Node:
        location = _location(self.file, node.start_mark)
        if node.tag not in scalars.STANDARD_TAGS:
            self.problems.append(Diagnostic(location, _tag_problem(node, self.lines)))
            return Node(getattr(node, "value", None) if isinstance(node, yaml.ScalarNode) else None,
                        location, key_location)
        if isinstance(node, yaml.MappingNode):
            return Node(self._mapping(node), location, key_location)
        if isinstance(node, yaml.SequenceNode):
            return Node([self.build(item) for item in node.value], location, key_location)
        value = scalars.scalar_value(node)
        self._check_comment(node, value)
        if scalars.is_plain(node) and self._written_at(node.start_mark).startswith("&"):
            anchor = self._written_at(node.start_mark).split()[0]
            self.problems.append(Diagnostic(location, f'văn bản bắt đầu bằng dấu &: YAML hiểu "{anchor}" là tên neo '
                                                      f"(anchor) và bỏ nó đi; đặt cả văn bản trong ngoặc kép, ví dụ: "
                                                      f"{quoted(self._written_at(node.start_mark).strip())}"))
        return Node(value, location, key_location, node.value)

    def _written_at(self, mark) -> str:
        return self.lines[mark.line][mark.column:] if mark.line < len(self.lines) else ""

    def _mapping(self, node) -> dict:
        self.constructor.flatten_mapping(node)
        mapping: dict[str, Node] = {}
        previous = None
        for key_node, value_node in node.value:
            key_loc = _location(self.file, key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode) or (scalars.is_plain(key_node) and not key_node.value.strip()):
                self.problems.append(Diagnostic(key_loc, "khóa phải là một chữ (ví dụ ten:), không phải danh sách, "
                                                         "khối hay giá trị rỗng"))
                continue
            key = key_node.value
            if node.flow_style and previous is not None and _split_decimal(previous, key_node, value_node, self.lines):
                self.problems.append(Diagnostic(
                    _location(self.file, previous.start_mark),
                    f'trong {{...}} dấu phẩy ngăn các mục, nên "{previous.value},{key}" bị đọc thành hai phần; '
                    f'viết số thập phân trong ngoặc kép: "{previous.value},{key}"'))
            if key in mapping:
                first = mapping[key].key_location
                self.problems.append(Diagnostic(key_loc, f'khóa "{key}" bị khai báo hai lần trong cùng một khối '
                                                         f"(lần đầu ở dòng {first.line}); giữ một lần", related=first))
            mapping[key] = self.build(value_node, key_loc)
            previous = value_node
        return mapping

    def _check_comment(self, node, value) -> None:
        """A plain text followed by ` #` on its line: YAML dropped the rest as a comment."""
        if not scalars.is_plain(node) or not isinstance(value, str):
            return
        mark = node.end_mark
        if mark.line >= len(self.lines):
            return
        rest = self.lines[mark.line][mark.column:]
        if rest.startswith(" #"):  # one space: two or more mark a deliberate comment
            self.warnings.append(Diagnostic(
                Location(self.file, mark.line + 1, mark.column + 2),
                f'phần sau " #" ("{rest[1:].strip()}") bị YAML bỏ đi như một chú thích; nếu đó là nội dung, '
                f'đặt cả văn bản trong ngoặc kép: {quoted(node.value + rest)}; nếu là chú thích, để hai dấu cách '
                "trước dấu #", severity="warning"))


def _split_decimal(previous, key_node, value_node, lines: list[str]) -> bool:
    """`{gia_tri: 95,5}`: the comma of a Vietnamese decimal read as the flow separator."""
    if not (isinstance(previous, yaml.ScalarNode) and isinstance(value_node, yaml.ScalarNode)):
        return False
    if not (scalars.is_plain(previous) and re.fullmatch(r"[-+]?[\d.]+", previous.value) and key_node.value.isdigit()
            and scalars.is_plain(value_node) and value_node.value == ""):
        return False
    line = lines[key_node.start_mark.line] if key_node.start_mark.line < len(lines) else ""
    return key_node.start_mark.column > 0 and line[key_node.start_mark.column - 1] == ","


def _tag_problem(node, lines: list[str]) -> str:
    """A value YAML took for a tag (`!quan trọng`): almost always a text meant literally."""
    mark = node.start_mark
    line = lines[mark.line] if mark.line < len(lines) else ""
    return (f'"{node.tag}" được YAML hiểu là một thẻ (tag) vì văn bản bắt đầu bằng dấu !; đặt cả văn bản trong '
            f"ngoặc kép, ví dụ: {quoted(line[mark.column:].strip())}")


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


@dataclass(frozen=True)
class _Parsed:
    """A file read without a problem: what reading it again would give, and the values it counts."""

    root: Node
    text: str
    warnings: tuple
    nodes: int


# Files parsed in this process, keyed by what was shown, the limits and the file's bytes: in a
# batch every report reads the same included files (inputs/chung/...), and a file is only
# reused when its content is the same, whatever its time stamps say.
# Only files of a usual report's size are kept, up to a few megabytes of them in all.
_PARSED: dict[tuple, _Parsed] = {}
_PARSED_FILE_BYTES = 512_000
_PARSED_TOTAL_BYTES = 4_000_000


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
    while _PARSED and sum(len(k[-1]) for k in _PARSED) + size > _PARSED_TOTAL_BYTES:
        _PARSED.pop(next(iter(_PARSED)))
    _PARSED[key] = parsed


def _parse(shown: str, data: bytes) -> _Parsed:
    """Parse a file's bytes into located nodes; raise ReportError on any problem."""
    before = limits.nodes_taken()
    text, warnings = _cleaned(shown, _decoded(shown, data))
    limits.check_structure(text, shown, scalars.Loader)
    try:
        composed = yaml.compose(text, Loader=scalars.Loader)
    except yaml.YAMLError as exc:
        from reportgen.source.yaml_errors import syntax_diagnostic

        raise ReportError(syntax_diagnostic(shown, text, exc)) from None
    if composed is None:
        return _Parsed(Node({}, Location(shown, 1, 1)), text, tuple(warnings), limits.nodes_taken() - before)
    builder = _Builder(shown, text.split("\n"))
    root = builder.build(composed)
    builder.problems += limits.value_problems(root)
    if builder.problems:
        raise ReportError(Diagnostics(builder.problems))
    if not isinstance(root.value, dict):
        raise ReportError(Diagnostic(root.location, "tệp phải là một bảng khóa: giá trị (mapping) ở cấp ngoài cùng"))
    return _Parsed(root, text, tuple(warnings + builder.warnings), limits.nodes_taken() - before)


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


def _flatten(node: Node, path: tuple, loaded: LoadedYaml):
    loaded.positions[path] = node.location
    if node.key_location is not None:
        loaded.key_positions[path] = node.key_location
    if node.source is not None:
        loaded.source_text[path] = node.source
    if isinstance(node.value, dict):
        return {key: _flatten(child, path + (key,), loaded) for key, child in node.value.items()}
    if isinstance(node.value, list):
        return [_flatten(child, path + (i,), loaded) for i, child in enumerate(node.value)]
    return node.value


def load(path: str | Path) -> LoadedYaml:
    """Load a report file and everything it includes."""
    loaded = LoadedYaml(data={})
    token = _LOADING.set(loaded)
    try:
        root = _load_with_includes(Path(path), (), loaded.files, project_folder(Path(path)))
    finally:
        _LOADING.reset(token)
    loaded.data = _flatten(root, (), loaded)
    return loaded


def load_plain(path: str | Path) -> LoadedYaml:
    """Load one YAML file (a template's settings, a table kind) without includes."""
    loaded = LoadedYaml(data={}, files=[display_path(path)])
    token = _LOADING.set(loaded)
    try:
        loaded.data = _flatten(parse_file(Path(path)), (), loaded)
    finally:
        _LOADING.reset(token)
    return loaded
