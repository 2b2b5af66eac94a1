"""The template's styles.docx, read once per process: its parts, style ids and section properties.

The style table (each style's name and id) is read from styles.xml, which is most of the
package (364 KB of XML in the built-in one: ~10 ms to parse). It is kept in the user's cache
folder (reportgen/cache.py) under the SHA-256 of the styles.docx, so the next run with the
same file reads a small JSON file instead.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from lxml import etree

from reportgen.cache import cache_folder
from reportgen.errors import Diagnostic, Location, ReportError, display_path
from reportgen.output import write_atomic
from reportgen.writers.ooxml import W_NS, w
from reportgen.writers.package import Package, resolve
from reportgen.writers.roles import ROLES

RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MAIN_DOCUMENT = RT + "officeDocument"
STYLE_TABLE_FORMAT = b"style ids by name, 1\0"  # part of the kept table's key: a new format, a new key


def style_name(role: str) -> str:
    return f"RG {role}"


class StylesPackage:
    """The parsed package; the writer copies it per document and never changes it."""

    def __init__(self, path: Path, data: bytes):
        self.path = path
        try:
            self.package = Package.read(data)
            document_rel = next(r for r in self.package.rels[""] if r.type == MAIN_DOCUMENT)
            self.document_part = document_rel.target.lstrip("/")
            self.document_xml = self.package.read_part(self.document_part)
            self.style_ids = self._style_ids(hashlib.sha256(STYLE_TABLE_FORMAT + data).hexdigest())
            self.settings_part = self._related(RT + "settings")
            self.settings_xml = self.package.read_part(self.settings_part) if self.settings_part else None
            root = etree.fromstring(self.document_xml)
        except zipfile.BadZipFile:
            raise self._error("tệp kiểu (styles.docx) không phải tệp .docx hợp lệ") from None
        except (KeyError, StopIteration, TypeError, etree.XMLSyntaxError, ValueError, OSError):
            raise self._error("tệp kiểu (styles.docx) bị hỏng: thiếu phần hoặc XML sai") from None
        missing = [style_name(r) for r in ROLES if style_name(r) not in self.style_ids]
        if missing:
            raise self._error(f"tệp kiểu thiếu các kiểu đoạn: {', '.join(missing)}")
        self.namespaces = dict(root.nsmap)
        if self.namespaces.get("w") != W_NS:
            raise self._error("tệp kiểu (styles.docx) bị hỏng: phần văn bản không dùng tiền tố w: cho WordprocessingML")
        body = root.find(w("body"))
        found = body.find(w("sectPr")) if body is not None else None
        self.sect_pr = found if found is not None else etree.SubElement(root, w("sectPr"))
        for ref in self.sect_pr.findall(w("headerReference")):
            self.sect_pr.remove(ref)

    def _style_ids(self, digest: str) -> dict[str, str]:
        """Each style's id by its name (the first style of a name wins, as Word takes it)."""
        kept = _kept_style_ids(digest)
        if kept is not None:
            return kept
        styles = etree.fromstring(self.package.read_part(self._related(RT + "styles")))
        ids: dict[str, str] = {}
        for style in styles.iter(w("style")):
            name = style.find(w("name"))
            if name is not None and name.get(w("val")) not in ids:
                ids[name.get(w("val"))] = style.get(w("styleId"))
        _keep_style_ids(digest, ids)
        return ids

    def _error(self, message: str) -> ReportError:
        return ReportError(Diagnostic(Location(display_path(self.path)), message))

    def _related(self, rel_type: str) -> str | None:
        rel = next((r for r in self.package.rels.get(self.document_part, []) if r.type == rel_type), None)
        return resolve(self.document_part, rel.target) if rel else None


def _kept_path(digest: str) -> Path | None:
    folder = cache_folder("styles")
    return folder / f"{digest}.json" if folder else None


def _kept_style_ids(digest: str) -> dict[str, str] | None:
    path = _kept_path(digest)
    try:
        kept = json.loads(path.read_bytes()) if path else None
    except (OSError, ValueError):
        return None  # not kept yet, or damaged: read from the package
    if isinstance(kept, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in kept.items()):
        return kept
    return None


def _keep_style_ids(digest: str, ids: dict[str, str]) -> None:
    path = _kept_path(digest)
    if path is None or None in ids.values():
        return
    try:
        write_atomic(path, json.dumps(ids, ensure_ascii=False, sort_keys=True).encode("utf-8"), durable=False)
    except OSError:  # a full disk or a read-only folder: read from the package next time too
        pass


_PACKAGES: dict[tuple, StylesPackage] = {}


def styles_package(path: Path) -> StylesPackage:
    """The parsed styles package, read from disk once per process (again only if the file changed)."""
    if not path.is_file():
        raise ReportError(Diagnostic(Location(display_path(path)), "không tìm thấy tệp kiểu (styles.docx) của mẫu"))
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    if key not in _PACKAGES:
        _PACKAGES[key] = StylesPackage(path, path.read_bytes())
    return _PACKAGES[key]
