"""PyYAML imported through reportgen.pyyaml: its patterns wait until used, and work as compiled ones."""

from __future__ import annotations

import re
import subprocess
import sys

from reportgen.pyyaml import LazyPattern, yaml


def test_re_compile_is_itself_again_after_the_import():
    assert re.compile is re.__dict__["compile"]
    assert isinstance(re.compile("a"), re.Pattern)


def test_a_lazy_pattern_matches_as_the_compiled_one():
    lazy = LazyPattern(r"^(?:yes|Yes|YES)$", re.X)
    assert lazy.match("Yes").group(0) == "Yes"
    assert lazy.match("so") is None
    assert lazy.pattern == r"^(?:yes|Yes|YES)$"


def test_yaml_reads_as_it_always_did():
    data = yaml.safe_load("a: 1.5\nb: true\nc: 2025-10-31\nd: 0x1F\ne: '05'\n")
    assert data == {"a": 1.5, "b": True, "c": __import__("datetime").date(2025, 10, 31), "d": 31, "e": "05"}
    assert yaml.safe_dump({"k": "1.423.297", "n": "yes"}, allow_unicode=True) == "k: 1.423.297\nn: 'yes'\n"


def test_the_resolvers_patterns_are_compiled_only_when_used():
    probe = ("import reportgen.pyyaml, yaml.resolver as r\n"
             "print(sum(p._compiled is None for v in r.Resolver.yaml_implicit_resolvers.values() for _, p in v))")
    waiting = int(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout)
    assert waiting > 10
