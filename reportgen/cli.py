"""The `reportgen` command group; each command's body lives in `reportgen.commands`.

A command's module is imported when the command is run (or its help shown), so that
starting one command never loads the others and what they need.
"""

from __future__ import annotations

import importlib

import click

# First: Click's own messages are translated before any command's parameters are made.
from reportgen.commands.vietnamese import VietnameseGroup  # isort: skip
from reportgen.program import imports_done  # isort: skip

# name -> (module in reportgen.commands, the command in it)
COMMANDS = {
    "build": ("build", "build"),
    "validate": ("validate", "validate"),
    "schema": ("schema", "schema"),
    "new": ("new", "new_report"),
    "diff": ("diff", "diff_command"),
    "check": ("check", "check"),
    "rollup": ("rollup", "rollup_command"),
    "export": ("export", "export_command"),
    "form": ("form", "form_command"),
    "collect": ("form", "collect_command"),
    "init": ("init", "init"),
    "templates": ("templates_list", "templates_command"),
    "sign": ("sign", "sign_command"),
}


class LazyGroup(VietnameseGroup):
    """The commands of COMMANDS, each imported from its module the first time it is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMANDS:
            module, attribute = COMMANDS[name]
            self.add_command(getattr(importlib.import_module(f"reportgen.commands.{module}"), attribute), name)
            imports_done()
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reportgen")
def main() -> None:
    """reportgen: báo cáo hành chính theo Nghị định 30/2020/NĐ-CP từ tệp YAML."""
