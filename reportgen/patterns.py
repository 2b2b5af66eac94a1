"""`LazyPattern`: a regular expression compiled the first time it is used.

For the module-level patterns only a rare path needs (text in an old font, an invisible
character, a file not in UTF-8): compiling one costs 0.1–0.4 ms of every start otherwise.
"""

from __future__ import annotations

import re

_compile = re.compile


class LazyPattern:
    """Stands for `re.compile(pattern, flags)` and compiles it the first time it is used."""

    __slots__ = ("_arguments", "_compiled")

    def __init__(self, pattern, flags=0):
        self._arguments = (pattern, flags)
        self._compiled = None

    def __getattr__(self, name):
        if self._compiled is None:
            self._compiled = _compile(*self._arguments)
        return getattr(self._compiled, name)
