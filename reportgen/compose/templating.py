"""Jinja in the sandbox: the template's fixed wording and the expressions in YAML texts.

Undefined names are errors that name the template file and line (or the YAML
text's file and line); nothing a template does can reach the file system.
"""

from __future__ import annotations

import re
import traceback
from pathlib import Path

import jinja2

from reportgen.compose.code_cache import code_cache
from reportgen.compose.sandbox import BoundedSandbox, LimitExceeded
from reportgen.errors import (
    Diagnostics,
    Location,
    ReferenceProblem,
    display_path,
    suggestion,
)
from reportgen.source.templates import is_inside


class OutsideTemplates(Exception):
    """A template file (or one it includes) that is a symlink leading out of the templates folder."""


class ContainedLoader(jinja2.FileSystemLoader):
    """Finds template files like Jinja's loader, and refuses any whose real path leaves its folder."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        if not any(is_inside(filename, folder) for folder in self.searchpath):
            raise OutsideTemplates(f'tệp mẫu "{template}" là liên kết trỏ ra ngoài thư mục mẫu '
                                   f'({display_path(filename)}); mẫu chỉ được dùng tệp bên trong templates/')
        return source, filename, uptodate


def make_environment(search_path: list[str], filters: dict, globals_: dict) -> BoundedSandbox:
    env = BoundedSandbox(
        loader=ContainedLoader(search_path),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(filters)
    env.globals.update(globals_)
    env.bytecode_cache = code_cache(env)  # the template files' code, kept between runs
    return env


def has_expression(text: str) -> bool:
    return "{{" in text or "{%" in text or "{#" in text


def _template_frame(exc: BaseException, search_path: list[str]) -> tuple[str | None, int]:
    """The template file (None for a YAML text) and line where a render error happened; Jinja
    rewrites the traceback so that its frames name them. The innermost template frame wins."""
    where: tuple[str | None, int] = (None, 0)
    roots = [str(Path(p)) for p in search_path]
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == "<template>":
            where = (None, frame.lineno or 0)
        elif any(frame.filename.startswith(root) for root in roots) and frame.filename.endswith(".j2"):
            where = (frame.filename, frame.lineno or 0)
    return where


_UNSAFE = re.compile(r"access to attribute '([^']+)' of '([^']+)' object is unsafe")
_PYTHON_ERRORS = {
    ZeroDivisionError: "chia cho 0",
    OverflowError: "số quá lớn để tính",
    RecursionError: "macro hoặc include gọi lại chính nó quá sâu (đệ quy không dừng)",
    TypeError: "phép tính hoặc lời gọi với kiểu giá trị không phù hợp",
    ValueError: "giá trị không hợp lệ cho phép tính",
    KeyError: "không có khóa này",
    IndexError: "chỉ số vượt quá danh sách",
    AttributeError: "không có thuộc tính này",
    MemoryError: "không đủ bộ nhớ để tính biểu thức",
}


def _explain_security(exc: jinja2.exceptions.SecurityError) -> str:
    match = _UNSAFE.search(str(exc))
    if match:
        return f'biểu thức bị chặn vì lý do an toàn: không được dùng "{match.group(1)}" của giá trị kiểu {match.group(2)}'
    return "biểu thức bị chặn vì lý do an toàn (mẫu không được thay đổi dữ liệu hay gọi hàm không an toàn)"


def _explain(exc: BaseException, names: list[str]) -> str:
    if isinstance(exc, (LimitExceeded, OutsideTemplates)):
        return str(exc)
    if isinstance(exc, jinja2.TemplateNotFound):
        return f'không tìm thấy tệp mẫu "{exc.name}" trong thư mục của mẫu hoặc templates/_chung'
    if isinstance(exc, jinja2.UndefinedError):
        message = str(exc)
        quoted = message.split("'")[1::2]
        missing = quoted[-1] if "has no attribute" in message and quoted else quoted[0] if quoted else message
        return f'tên "{missing}" không được định nghĩa{suggestion(missing, names)}'
    if isinstance(exc, jinja2.TemplateSyntaxError):
        # the messages' table, loaded only for an error
        from reportgen.compose.jinja_messages import explain_syntax

        return explain_syntax(exc.message)
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return _explain_security(exc)
    if isinstance(exc, ReferenceProblem):
        return str(exc)
    if isinstance(exc, jinja2.TemplateError):
        return "lỗi khi tính biểu thức (mẫu Jinja không dùng được ở đây)"
    for kind, text in _PYTHON_ERRORS.items():
        if isinstance(exc, kind):
            return f"lỗi khi tính biểu thức: {text}"
    return "lỗi khi tính biểu thức"


# Jinja's code for a text, shared by the environments of one process (same class, filters, tests).
_COMPILED_CODE: dict[tuple, object] = {}


class Renderer:
    """Renders texts, collecting every problem with its location instead of stopping."""

    def __init__(self, env: BoundedSandbox, diags: Diagnostics):
        self.env = env
        self.diags = diags
        self.current: Location | None = None
        self._compiled: dict[str, jinja2.Template] = {}

    def compile(self, raw: str) -> jinja2.Template:
        """A text's compiled template; the same text (a repeated figure's wording) compiles once,
        and its Python code once per process (a batch's reports share their templates' texts)."""
        if raw not in self._compiled:
            env = self.env
            key = (type(env), frozenset(env.filters), frozenset(env.tests), raw)
            if key not in _COMPILED_CODE:
                cache = env.bytecode_cache
                _COMPILED_CODE[key] = cache.text_code(env, raw) if cache else env.compile(raw)
            self._compiled[raw] = env.template_class.from_code(env, _COMPILED_CODE[key], env.make_globals(None))
        return self._compiled[raw]

    def _names(self) -> list[str]:
        return sorted(n for n in self.env.globals if not n.startswith("_"))

    def _render(self, template: jinja2.Template, variables: dict) -> str:
        budget = self.env.budget
        budget.begin()  # raises once a bound of the whole build is crossed
        try:
            result = template.render(**variables)
            budget.count_build(len(result))
            return result
        finally:
            budget.end()

    def text(self, raw: str, location: Location, **extra) -> str:
        """Render a YAML text; plain text (no Jinja) is returned as it is."""
        if not has_expression(raw):
            return raw
        if self.env.budget.exhausted:
            return ""  # the build's bound was crossed and reported once; the rest is not rendered
        self.current = location
        try:
            return self._render(self.compile(raw), extra)
        except jinja2.TemplateSyntaxError as exc:
            self.diags.error(self._text_location(location, exc.lineno), _explain(exc, self._names()))
        except Exception as exc:  # any failure of a user's expression is reported, not raised
            file, line = _template_frame(exc, self.env.loader.searchpath)
            where = Location(display_path(file), line, 1) if file else self._text_location(location, line)
            self.diags.error(where, _explain(exc, self._names()))
        finally:
            self.current = None
        return raw

    @staticmethod
    def _text_location(location: Location, line: int | None) -> Location:
        """A line of a YAML text's template, as a line of the YAML file."""
        if not location.line or not line or line == 1:
            return location
        return Location(location.file, location.line + line - 1, 1)

    def file(self, path: Path, **variables) -> str:
        """Render one of the template's files (trich_yeu.j2, mo_dau.j2, ...)."""
        name = path.name
        shown = display_path(path)
        if self.env.budget.exhausted:
            return ""
        try:
            template = self.env.get_template(name)
            self.current = Location(shown)
            return self._render(template, variables).strip()
        except jinja2.TemplateSyntaxError as exc:
            file = display_path(exc.filename) if exc.filename else shown
            self.diags.error(Location(file, exc.lineno or 0, 1), _explain(exc, self._names()))
        except Exception as exc:
            file, line = _template_frame(exc, self.env.loader.searchpath)
            self.diags.error(Location(display_path(file) if file else shown, line, 1), _explain(exc, self._names()))
        finally:
            self.current = None
        return ""
