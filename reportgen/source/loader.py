"""Load YAML safely, keeping the file, line and column of every key and value.

A report file may name other files under `bao_gom:`; they are merged under it
(the report's own values win; `chi_tieu` and `phu_luc` lists are joined).
The loader neither validates nor formats: it returns plain data plus a map
from each field path to where it was written.
"""

from __future__ import annotations

import calendar
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from reportgen.errors import Diagnostic, Location, ReportError, display_path

INCLUDE_KEY = "bao_gom"
JOINED_LISTS = ("chi_tieu", "phu_luc")

_YAML_PROBLEMS = {
    "mapping values are not allowed here": "không được đặt dấu hai chấm ở đây (chuỗi có \": \" cần đặt trong ngoặc kép)",
    "could not find expected ':'": "thiếu dấu hai chấm sau khóa",
    "found character '\\t' that cannot start any token": "không được dùng ký tự tab để thụt lề, hãy dùng dấu cách",
    "did not find expected key": "thụt lề không đúng hoặc thiếu khóa",
    "did not find expected '-' indicator": "thụt lề của danh sách không đúng",
    "found undefined alias": "tham chiếu (alias) chưa được định nghĩa",
    "found unexpected end of stream": "tệp kết thúc khi chuỗi hoặc ngoặc chưa đóng",
    "found unknown escape character": "ký tự thoát (\\) không hợp lệ trong chuỗi ngoặc kép",
    "expected <block end>, but found '<block mapping start>'": "thụt lề không đúng",
    "expected <block end>, but found '-'": "thụt lề của danh sách không đúng",
    "expected <block end>, but found '<scalar>'": "thụt lề không đúng",
    "found unexpected ':'": "dấu hai chấm không đúng chỗ",
}


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


def _location(file: str, mark) -> Location:
    return Location(file, mark.line + 1, mark.column + 1)


def _syntax_error(file: str, exc: yaml.YAMLError) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    text = next((vi for en, vi in _YAML_PROBLEMS.items() if problem.startswith(en)), problem)
    location = _location(file, mark) if mark else Location(file)
    return Diagnostic(location, f"lỗi cú pháp YAML: {text}")


def _scalar_problem(text: str, exc: Exception) -> str:
    """A value YAML could not construct; most often a date that does not exist (2024-02-30)."""
    match = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", text.strip())
    if match:
        year, month, day = (int(g) for g in match.groups())
        if not 1 <= month <= 12:
            return f"ngày {text} không tồn tại: không có tháng {month}"
        last = calendar.monthrange(year, month)[1]
        return f"ngày {text} không tồn tại: tháng {month}/{year} có {last} ngày"
    return f"giá trị không hợp lệ: {text}"


class _Builder:
    """Turns a composed YAML node graph into located nodes."""

    def __init__(self, file: str):
        self.file = file
        self.constructor = yaml.constructor.SafeConstructor()
        self.problems: list[Diagnostic] = []

    def build(self, node, key_location=None) -> Node:
        location = _location(self.file, node.start_mark)
        if isinstance(node, yaml.MappingNode):
            self.constructor.flatten_mapping(node)
            mapping: dict[str, Node] = {}
            for key_node, value_node in node.value:
                key = self.constructor.construct_object(key_node, deep=True)
                key_loc = _location(self.file, key_node.start_mark)
                if not isinstance(key, (str, int)):
                    self.problems.append(Diagnostic(key_loc, "khóa phải là một chuỗi"))
                    continue
                key = str(key)
                if key in mapping:
                    self.problems.append(Diagnostic(key_loc, f'khóa "{key}" bị khai báo hai lần trong cùng một khối'))
                mapping[key] = self.build(value_node, key_loc)
            return Node(mapping, location, key_location)
        if isinstance(node, yaml.SequenceNode):
            return Node([self.build(item) for item in node.value], location, key_location)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError) as exc:
            self.problems.append(Diagnostic(location, _scalar_problem(node.value, exc)))
            value = node.value
        return Node(value, location, key_location, node.value)


def parse_file(path: Path) -> Node:
    """Parse one YAML file into located nodes; raise ReportError on any problem."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReportError(Diagnostic(Location(shown), "không tìm thấy tệp")) from None
    except UnicodeDecodeError as exc:
        raise ReportError(Diagnostic(Location(shown), f"tệp không phải văn bản UTF-8 (byte {exc.start})")) from None
    except OSError as exc:
        raise ReportError(Diagnostic(Location(shown), f"không đọc được tệp: {exc.strerror}")) from None
    try:
        composed = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise ReportError(_syntax_error(shown, exc)) from None
    if composed is None:
        return Node({}, Location(shown, 1, 1))
    builder = _Builder(shown)
    root = builder.build(composed)
    if builder.problems:
        from reportgen.errors import Diagnostics

        raise ReportError(Diagnostics(builder.problems))
    if not isinstance(root.value, dict):
        raise ReportError(Diagnostic(root.location, "tệp phải là một bảng khóa: giá trị (mapping) ở cấp ngoài cùng"))
    return root


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
    root = _load_with_includes(Path(path), (), loaded.files, project_folder(Path(path)))
    loaded.data = _flatten(root, (), loaded)
    return loaded


def load_plain(path: str | Path) -> LoadedYaml:
    """Load one YAML file (a template's settings, a table kind) without includes."""
    loaded = LoadedYaml(data={}, files=[display_path(path)])
    loaded.data = _flatten(parse_file(Path(path)), (), loaded)
    return loaded
