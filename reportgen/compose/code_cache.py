"""Jinja's compiled code for the template's files and the report's texts, kept between runs.

Compiling a text costs about a millisecond (parsing, the sandbox's rewriting, Python's
compiler); a report has dozens, and the next build of the same report, or of next
period's, has the same ones. The code is kept in the user's cache folder
(`REPORTGEN_CACHE`, else `%LOCALAPPDATA%\\reportgen` on Windows, `$XDG_CACHE_HOME/reportgen`
or `~/.cache/reportgen`), one file per text, keyed by the text, the template file's path,
the versions of Python and Jinja, the filters and the source of the sandbox and of the environment's settings: any change
compiles again. `REPORTGEN_CACHE=0` turns it off. A folder that cannot be written only means
compiling every time; the output is the same either way.

The folder is bounded: when a run stores new code and the folder holds more than
MAX_ENTRIES files, the oldest written are removed down to KEEP_AFTER_PRUNING (a text still
in use is compiled and stored again the next time, about a millisecond).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, bc_magic

from reportgen.cache import cache_folder as user_cache_folder

# Texts longer than this are compiled each time rather than stored (no real text is this long).
MAX_CACHED_TEXT = 20_000
# An entry is 2–8 KB: at most about 60 MB; a monthly report stores about 60 texts.
MAX_ENTRIES = 10_000
KEEP_AFTER_PRUNING = 8_000
SUFFIX = ".code"


def cache_folder() -> Path | None:
    return user_cache_folder("jinja")


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


class CodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache with a key that says everything the compiled code depends on."""

    def __init__(self, folder: Path, salt: str):
        super().__init__(str(folder), "%s" + SUFFIX)
        self.folder = folder
        self.salt = salt
        self.pruned = False

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return _digest(self.salt, name, filename or "")

    def get_source_checksum(self, source: str) -> str:
        return _digest(self.salt, source)

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            return  # a full disk or a folder made read-only: the next run compiles again
        if not self.pruned:  # once a run: only runs that store new code can grow the folder
            self.pruned = True
            prune(self.folder)

    def load_bytecode(self, bucket: Bucket) -> None:
        """Jinja's own file format (its magic, the pickled checksum, the marshalled code), read
        whole and unmarshalled from memory: Jinja's `marshal.load` from the open file reads it
        in thousands of small calls (11–29 ms for a report's 57 texts, against 1.5–5.5 ms). The
        header is compared as bytes, so nothing in the folder is ever unpickled."""
        try:
            data = Path(self.folder, self.pattern % bucket.key).read_bytes()
        except OSError:
            return  # not stored yet (or unreadable): compiled and stored
        header = bc_magic + pickle.dumps(bucket.checksum, 2)  # as Bucket.write_bytecode writes it
        if not data.startswith(header):
            return  # another checksum (the text changed) or damaged: compiled and stored again
        try:
            bucket.code = marshal.loads(memoryview(data)[len(header):])
        except (EOFError, ValueError, TypeError):
            bucket.reset()

    def text_code(self, env: jinja2.Environment, raw: str):
        """The compiled code of a YAML text (compiled and stored when not kept yet)."""
        if len(raw) > MAX_CACHED_TEXT:
            return env.compile(raw)
        bucket = self.get_bucket(env, _digest(raw), None, raw)
        if bucket.code is None:
            bucket.code = env.compile(raw)
            self.set_bucket(bucket)
        return bucket.code


def prune(folder: Path, most: int | None = None, keep: int | None = None) -> int:
    """Remove the oldest-written entries when `folder` holds more than `most` (MAX_ENTRIES),
    down to `keep` (KEEP_AFTER_PRUNING); how many went. Another run may be removing the same
    files: a file already gone is simply skipped."""
    most = MAX_ENTRIES if most is None else most
    keep = KEEP_AFTER_PRUNING if keep is None else keep
    try:
        with os.scandir(folder) as found:
            entries = [e for e in found if e.name.endswith(SUFFIX) and e.is_file(follow_symlinks=False)]
        if len(entries) <= most:
            return 0
        written = sorted((e.stat(follow_symlinks=False).st_mtime_ns, e.path) for e in entries)
    except OSError:
        return 0
    removed = 0
    for _, path in written[:len(written) - keep]:
        try:
            os.unlink(path)
            removed += 1
        except OSError:
            pass
    return removed


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


_CACHES: dict[tuple, CodeCache | None] = {}


def code_cache(env: jinja2.Environment) -> CodeCache | None:
    """The cache for environments like `env` (same class, filters and tests), or None when off."""
    key = (type(env), frozenset(env.filters), frozenset(env.tests), os.environ.get("REPORTGEN_CACHE"))
    if key not in _CACHES:
        folder = cache_folder()
        salt = _digest(sys.version, sys.implementation.cache_tag or "", jinja2.__version__, type(env).__qualname__,
                       ",".join(sorted(env.filters)), ",".join(sorted(env.tests)),
                       *(_file_digest(Path(__file__).with_name(name)) for name in ("sandbox.py", "templating.py")))
        _CACHES[key] = CodeCache(folder, salt) if folder else None
    return _CACHES[key]
