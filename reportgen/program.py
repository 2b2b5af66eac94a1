"""The `reportgen` program as a process: the command group run with the start-up and the exit
that a short-lived command wants from Python's cycle collector.

Start-up imports a few thousand long-lived objects (modules, classes, functions). With the
collector on, each of its passes during the imports walks all of them again; they are never
garbage, so the collector is off while the command's modules are imported, and they are then
frozen (kept out of every later pass) before the command's work starts with the collector on.
At exit they are frozen again, so Python's final collection has nothing to walk. Objects are
freed by reference counting as always: this changes when cycles are looked for, not whether.
"""

from __future__ import annotations

import gc
import sys

_started_with_collector = False
_modules_when_frozen = 0
_ends_with_the_command = False


def run() -> None:
    """`reportgen …` from the console script and `python -m reportgen`."""
    global _started_with_collector, _ends_with_the_command
    _started_with_collector = gc.isenabled()
    _ends_with_the_command = True
    gc.disable()
    try:
        from reportgen.cli import main

        main()
    finally:
        gc.freeze()


def imports_done() -> None:
    """The command's modules are imported: keep them out of the collector's passes, and turn
    it back on for the work (once, and only if the program turned it off)."""
    global _started_with_collector
    freeze_new_modules()
    if _started_with_collector:
        _started_with_collector = False
        gc.enable()


def ends_with_the_command() -> bool:
    """Whether this process ends once the command returns (it was started as `reportgen`, not
    called from other code such as the tests), so that its last work need not turn the
    collector back on."""
    return _ends_with_the_command


def freeze_new_modules() -> None:
    """Modules imported since the last call (a batch imports the build's stages before it forks
    its workers): kept out of the collector's passes like those of the start-up. It is called
    only where no report is being built, so no object of a report is ever frozen."""
    global _modules_when_frozen
    if len(sys.modules) != _modules_when_frozen:
        gc.freeze()
        _modules_when_frozen = len(sys.modules)
