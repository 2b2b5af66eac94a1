"""PyYAML, imported so that its module-level regular expressions are compiled when first used.

Importing `yaml` compiles about a dozen patterns: the implicit resolvers' (bool, int, float,
timestamp, …), the pure-Python reader's and the constructor's. reportgen's loader types no
scalar through the resolvers and reads with libyaml's parser when it is there, so most of
them are never used, yet they were half of the import's time (about 11 ms of 22). Every
module of reportgen imports PyYAML from here, so whichever comes first imports it this way.
"""

from __future__ import annotations

import re

from reportgen.patterns import LazyPattern

_compile = re.compile


def _import_yaml():
    re.compile = LazyPattern
    try:
        import yaml
    finally:
        re.compile = _compile
    return yaml


yaml = _import_yaml()
