"""Click's own words in Vietnamese: every message Click can show is in the catalog, and no
command's help or usage error shows English."""

from __future__ import annotations

import ast
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from reportgen.cli import main
from reportgen.commands.vietnamese import CATALOG, CLICK_MODULES

ENGLISH = ("Usage:", "Options:", "Commands:", "Error:", "[OPTIONS]", "COMMAND [ARGS]", "Show this message",
           "Show the version", "default:", "required]", " PATH", " TEXT", " INTEGER", " FILE")
# Messages only Click's developers see (a command declared wrongly), or prompts reportgen never shows.
NOT_SHOWN = {"Arguments take exactly one parameter declaration, got {length}: {decls}.",
             "Boolean option {decl!r} cannot use the same flag for true/false.",
             "Could not determine name for option with declarations {decls!r}", "Name '{name}' defined twice",
             "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
             "Did you mean to pass '--{name}'?", "Unknown color {colour!r}", "Unknown standard stream '{name}'",
             "DeprecationWarning: The command {name!r} is deprecated.{extra_message}",
             "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}",
             "{editor}: Editing failed", "{editor}: Editing failed: {e}", "d", "Choice({choices})"}


def click_messages() -> set[str]:
    """Every string Click passes to gettext, read from its source."""
    found = set()
    folder = Path(click.__file__).parent
    for name in CLICK_MODULES:
        path = folder / f"{name}.py"
        if not path.is_file():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                found.update(a.value for a in node.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return found


def test_every_message_click_shows_is_translated():
    missing = sorted(click_messages() - set(CATALOG) - NOT_SHOWN)
    assert not missing, missing


def commands():
    return main.list_commands(click.Context(main))


@pytest.mark.parametrize("name", [None, *commands()])
def test_help_is_vietnamese(name):
    args = [name, "--help"] if name else ["--help"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Cách dùng: ") and "Tùy chọn:" in result.output
    for word in ENGLISH:
        assert word not in result.output, (word, result.output)


@pytest.mark.parametrize("name", commands())
def test_usage_errors_are_vietnamese(name):
    result = CliRunner().invoke(main, [name, "--khong-co-tuy-chon"])
    assert result.exit_code == 2
    assert "Lỗi: Không có tùy chọn '--khong-co-tuy-chon'." in result.output
    assert f"Xem hướng dẫn: main {name} --help" in result.output
    for word in ENGLISH:
        assert word not in result.output, (word, result.output)
