"""The `reportgen` command group; each command's body lives in `reportgen.commands`."""

from __future__ import annotations

import click

# First: Click's own messages are translated before any command's parameters are made.
from reportgen.commands.vietnamese import VietnameseGroup  # isort: skip

from reportgen.commands.build import build
from reportgen.commands.check import check
from reportgen.commands.diff import diff_command
from reportgen.commands.export import export_command
from reportgen.commands.form import collect_command, form_command
from reportgen.commands.init import init
from reportgen.commands.new import new_report
from reportgen.commands.rollup import rollup_command
from reportgen.commands.schema import schema
from reportgen.commands.sign import sign_command
from reportgen.commands.templates_list import templates_command
from reportgen.commands.validate import validate


@click.group(cls=VietnameseGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reportgen")
def main() -> None:
    """reportgen: báo cáo hành chính theo Nghị định 30/2020/NĐ-CP từ tệp YAML."""


for command in (build, validate, schema, new_report, diff_command, check, rollup_command, export_command,
                form_command, collect_command,
                init, templates_command):
    main.add_command(command)
main.add_command(sign_command)
