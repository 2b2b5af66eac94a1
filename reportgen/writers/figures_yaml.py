"""A figures file as YAML bytes (the roll-up's output, a collected workbook's figures).

Takes plain data (mappings, lists, numbers, dates, texts) and opening comment lines;
gives UTF-8 bytes, the same for the same data (keys in the order given).
"""

from __future__ import annotations

from reportgen.pyyaml import yaml


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """libyaml's emitter when present (a roll-up writes megabytes); both write the same text."""

    def ignore_aliases(self, data):
        return True  # a date shared by several indicators is written out each time, never as &id001


def write_figures_yaml(data: dict, comments: list[str], modeline: str | None = None) -> bytes:
    """`modeline`: the editors' schema line (`# yaml-language-server: $schema=...`), first."""
    head = [modeline] if modeline else []
    head += [f"# {line}" if line else "#" for line in comments]
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)
    return ("\n".join(head) + "\n" + body).encode("utf-8")
