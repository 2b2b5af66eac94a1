"""Opening a .docx for the checker: the zip, the main document part and the parts it relates to.

Read straight from the package (no python-docx): Word's own files, .docm and templates
saved as .docx are read alike, and `reportgen check` starts quickly.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = "/officeDocument"
# Defences against a hostile file: entity expansion and huge trees are refused.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


class PackageError(ValueError):
    """Not a readable Office Open XML package; `kind` says why ("zip", "document", "xml")."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(detail or kind)
        self.kind = kind


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


class DocxPackage:
    def __init__(self, path: Path):
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise PackageError("zip", str(exc)) from None
        self.names = set(self.zip.namelist())
        main = next((target for rel_type, target, external in self._rels("")
                     if rel_type.endswith(OFFICE_DOCUMENT) and not external), None)
        if main is None or main not in self.names:
            raise PackageError("document")
        self.document_part = main
        self.document = self.root(main)
        self.rels = {rid: (rel_type, target, external) for rid, (rel_type, target, external)
                     in self._rels_by_id(main).items()}

    def root(self, name: str):
        try:
            return etree.fromstring(self.zip.read(name), _PARSER)
        except etree.XMLSyntaxError as exc:
            raise PackageError("xml", f"{name}: {exc}") from None

    def _rels_by_id(self, source: str) -> dict:
        name = "_rels/.rels" if not source else _rels_name(source)
        if name not in self.names:
            return {}
        found = {}
        for rel in self.root(name).iter(f"{{{REL_NS}}}Relationship"):
            external = rel.get("TargetMode") == "External"
            target = rel.get("Target") or ""
            if not external:
                target = target.lstrip("/") if target.startswith("/") else \
                    posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
            found[rel.get("Id")] = (rel.get("Type") or "", target, external)
        return found

    def _rels(self, source: str) -> list:
        return list(self._rels_by_id(source).values())

    def related_root(self, type_suffix: str):
        """The root of the document's first internal part of this relationship type, or None."""
        for rel_type, target, external in self.rels.values():
            if rel_type.endswith(type_suffix) and not external and target in self.names:
                return self.root(target)
        return None

    def part_by_id(self, rel_id: str):
        """(part name, root) of the document's relationship `rel_id`, or None."""
        found = self.rels.get(rel_id)
        if found is None or found[2] or found[1] not in self.names:
            return None
        return "/" + found[1], self.root(found[1])
