"""Jinja in the sandbox: the template's fixed wording and the expressions in YAML texts.

Undefined names are errors that name the template file and line (or the YAML
text's file and line); nothing a template does can reach the file system.
"""

from __future__ import annotations

import traceback
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from reportgen.errors import (
    Diagnostics,
    Location,
    ReferenceProblem,
    display_path,
    suggestion,
)


def make_environment(search_path: list[str], filters: dict, globals_: dict) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(search_path),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(filters)
    env.globals.update(globals_)
    return env


def has_expression(text: str) -> bool:
    return "{{" in text or "{%" in text or "{#" in text


def _template_line(exc: BaseException, name: str) -> int:
    """The line of the template where a render error happened (Jinja keeps it in the traceback)."""
    line = 0
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == name or frame.filename.endswith("/" + name) or frame.filename == "<template>":
            line = frame.lineno or line
    return line


def _explain(exc: BaseException, names: list[str]) -> str:
    if isinstance(exc, jinja2.UndefinedError):
        message = str(exc)
        quoted = message.split("'")[1::2]
        missing = quoted[-1] if "has no attribute" in message and quoted else quoted[0] if quoted else message
        return f'tên "{missing}" không được định nghĩa{suggestion(missing, names)}'
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"lỗi cú pháp Jinja: {exc.message}"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return f"biểu thức bị chặn vì lý do an toàn: {exc}"
    if isinstance(exc, ReferenceProblem):
        return str(exc)
    return f"lỗi khi tính biểu thức: {exc}"


class Renderer:
    """Renders texts, collecting every problem with its location instead of stopping."""

    def __init__(self, env: SandboxedEnvironment, diags: Diagnostics):
        self.env = env
        self.diags = diags
        self.current: Location | None = None
        self._compiled: dict[str, jinja2.Template] = {}

    def compile(self, raw: str) -> jinja2.Template:
        """A text's compiled template; the same text (a repeated figure's wording) compiles once."""
        if raw not in self._compiled:
            self._compiled[raw] = self.env.from_string(raw)
        return self._compiled[raw]

    def _names(self) -> list[str]:
        return sorted(self.env.globals)

    def text(self, raw: str, location: Location, **extra) -> str:
        """Render a YAML text; plain text (no Jinja) is returned as it is."""
        if not has_expression(raw):
            return raw
        self.current = location
        try:
            return self.compile(raw).render(**extra)
        except jinja2.TemplateSyntaxError as exc:
            line = location.line + (exc.lineno or 1) - 1 if location.line else 0
            self.diags.error(Location(location.file, line, location.column if line == location.line else 1),
                             _explain(exc, self._names()))
        except Exception as exc:  # any failure of a user's expression is reported, not raised
            self.diags.error(location, _explain(exc, self._names()))
        finally:
            self.current = None
        return raw

    def file(self, path: Path, **variables) -> str:
        """Render one of the template's files (trich_yeu.j2, mo_dau.j2, ...)."""
        name = path.name
        shown = display_path(path)
        try:
            template = self.env.get_template(name)
            self.current = Location(shown)
            return template.render(**variables).strip()
        except jinja2.TemplateSyntaxError as exc:
            self.diags.error(Location(shown, exc.lineno or 0, 1), _explain(exc, self._names()))
        except Exception as exc:
            self.diags.error(Location(shown, _template_line(exc, name), 1), _explain(exc, self._names()))
        finally:
            self.current = None
        return ""
