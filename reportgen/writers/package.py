"""The .docx container: the template's styles package read once, and a byte-stable zip written once.

Parts the writer does not change (styles, theme, fonts, numbering, ...) are copied
as the template's compressed bytes, never decompressed and compressed again. The
zip has fixed timestamps and attributes and the parts in relationship order, so
the same inputs give the same bytes.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from dataclasses import field

from lxml import etree

from reportgen.records import record

PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1
EXTERNAL_ATTR = 0o644 << 16
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")


@record(frozen=True)
class Entry:
    """One zip member, compressed: what the zip needs to hold it without touching its bytes."""

    method: int
    crc: int
    size: int
    data: bytes

    @classmethod
    def of(cls, content: bytes) -> Entry:
        deflate = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        return cls(zipfile.ZIP_DEFLATED, zlib.crc32(content), len(content),
                   deflate.compress(content) + deflate.flush())


class DeflateStream:
    """A part compressed as it is written, so a long document is never whole in memory.

    `append` takes text; it is encoded and compressed in blocks. Deflate's output does not
    depend on how its input is split, so the bytes equal those of compressing it at once.
    """

    BLOCK = 1 << 16

    def __init__(self):
        self._deflate = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        self._pending: list[str] = []
        self._pending_size = 0
        self._compressed: list[bytes] = []
        self._crc = 0
        self._size = 0

    def append(self, text: str) -> None:
        self._pending.append(text)
        self._pending_size += len(text)
        if self._pending_size >= self.BLOCK:
            self._feed()

    def _feed(self) -> None:
        data = "".join(self._pending).encode("utf-8")
        self._pending, self._pending_size = [], 0
        self._crc = zlib.crc32(data, self._crc)
        self._size += len(data)
        self._compressed.append(self._deflate.compress(data))

    def entry(self) -> Entry:
        self._feed()
        self._compressed.append(self._deflate.flush())
        return Entry(zipfile.ZIP_DEFLATED, self._crc, self._size, b"".join(self._compressed))


@record(frozen=True)
class Relationship:
    id: str
    type: str
    target: str
    external: bool = False


def rels_name(part: str) -> str:
    """`word/document.xml` → `word/_rels/document.xml.rels`; the package's own: `_rels/.rels`."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve(source: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def parse_rels(data: bytes) -> list[Relationship]:
    root = etree.fromstring(data)
    return [Relationship(r.get("Id"), r.get("Type"), r.get("Target"), r.get("TargetMode") == "External")
            for r in root.iter(f"{{{PKG_REL_NS}}}Relationship")]


def serialize(element) -> bytes:
    return etree.tostring(element, encoding="UTF-8", standalone=True)


def rels_xml(rels: list[Relationship]) -> bytes:
    root = etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
    for rel in rels:
        attributes = {"Id": rel.id, "Type": rel.type, "Target": rel.target}
        if rel.external:
            attributes["TargetMode"] = "External"
        etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship", attributes)
    return serialize(root)


@record
class Package:
    """A .docx as parts: compressed entries, relationships per source part, content types."""

    entries: dict[str, Entry]
    rels: dict[str, list[Relationship]]  # "" is the package itself
    defaults: dict[str, str]  # extension -> content type
    overrides: dict[str, str]  # part name (no leading /) -> content type
    changed: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def read(cls, data: bytes) -> Package:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = {}
        for info in archive.infolist():
            if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                start = info.header_offset
                name_length, extra_length = struct.unpack("<2H", data[start + 26:start + 30])
                offset = start + 30 + name_length + extra_length
                entries[info.filename] = Entry(info.compress_type, info.CRC, info.file_size,
                                               data[offset:offset + info.compress_size])
            else:
                entries[info.filename] = Entry.of(archive.read(info))
        types = etree.fromstring(archive.read("[Content_Types].xml"))
        defaults = {d.get("Extension").lower(): d.get("ContentType") for d in types.iter(f"{{{CT_NS}}}Default")}
        overrides = {o.get("PartName").lstrip("/"): o.get("ContentType") for o in types.iter(f"{{{CT_NS}}}Override")}
        rels = {}
        for name in archive.namelist():
            if name.endswith(".rels"):
                folder, rel_file = posixpath.split(name)
                source = posixpath.join(posixpath.dirname(folder), rel_file[:-len(".rels")])
                rels[source] = parse_rels(archive.read(name))
        package = cls(entries, rels, defaults, overrides)
        package._archive = archive
        return package

    def read_part(self, name: str) -> bytes:
        return self._archive.read(name)

    def copy(self) -> Package:
        """A writable view for one document; the template's own entries are shared, never changed."""
        package = Package(dict(self.entries), {k: list(v) for k, v in self.rels.items()}, dict(self.defaults),
                          dict(self.overrides))
        package._archive = self._archive
        return package

    # --- editing ---
    def set_part(self, name: str, content: bytes | Entry, content_type: str | None = None) -> None:
        """A new or changed part: its bytes, or an already compressed Entry."""
        self.changed[name] = content
        if content_type and self.defaults.get(posixpath.splitext(name)[1][1:].lower()) != content_type:
            self.overrides[name] = content_type

    def relate(self, source: str, rel_type: str, target: str) -> str:
        """Add a relationship from `source`; return its id (the first free rIdN, as Word numbers them)."""
        rels = self.rels.setdefault(source, [])
        used = {r.id for r in rels}
        rel_id = next(f"rId{n}" for n in range(1, len(rels) + 2) if f"rId{n}" not in used)
        rels.append(Relationship(rel_id, rel_type, target))
        self.changed[rels_name(source)] = rels_xml(rels)
        return rel_id

    def drop_relationships(self, source: str, rel_types: set[str]) -> None:
        """Remove `source`'s relationships of these types (their parts go too unless reached otherwise)."""
        kept = [r for r in self.rels.get(source, []) if r.type not in rel_types]
        if len(kept) != len(self.rels.get(source, [])):
            self.rels[source] = kept
            self.changed[rels_name(source)] = rels_xml(kept)

    def next_partname(self, pattern: str) -> str:
        names = set(self.entries) | set(self.changed)
        return next(pattern % n for n in range(1, len(names) + 2) if pattern % n not in names)

    # --- writing ---
    def _walk(self) -> list[str]:
        """Every part reachable from the package's relationships, depth first, each followed by its rels."""
        order: list[str] = []
        self._visit("", order, set())
        return order

    def _visit(self, source: str, order: list, seen: set) -> None:
        # a method, not a closure calling itself: that cycle held the package until the collector ran
        for rel in self.rels.get(source, []):
            if rel.external:
                continue
            name = resolve(source, rel.target) if source else rel.target.lstrip("/")
            if name in seen or (name not in self.entries and name not in self.changed):
                continue
            seen.add(name)
            order.append(name)
            if name in self.rels:
                order.append(rels_name(name))
            self._visit(name, order, seen)

    def content_types(self, parts: list[str]) -> bytes:
        root = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
        used = {posixpath.splitext(p)[1][1:].lower() for p in parts} | {"rels", "xml"}
        for extension in sorted(self.defaults):
            if extension in used:
                etree.SubElement(root, f"{{{CT_NS}}}Default",
                                 {"Extension": extension, "ContentType": self.defaults[extension]})
        for name in sorted(set(self.overrides) & set(parts)):
            etree.SubElement(root, f"{{{CT_NS}}}Override",
                             {"PartName": "/" + name, "ContentType": self.overrides[name]})
        return serialize(root)

    def to_bytes(self) -> bytes:
        parts = self._walk()
        members = ["[Content_Types].xml", "_rels/.rels"] + parts
        self.changed["[Content_Types].xml"] = self.content_types(parts)
        if "_rels/.rels" not in self.changed and "" in self.rels:
            self.changed["_rels/.rels"] = rels_xml(self.rels[""])
        return write_zip([(name, self._entry(name)) for name in members])

    def _entry(self, name: str) -> Entry:
        if name not in self.changed:
            return self.entries[name]
        content = self.changed[name]
        return content if isinstance(content, Entry) else Entry.of(content)


def write_zip(members: list[tuple[str, Entry]]) -> bytes:
    """A zip of already-compressed members: fixed date (1980-01-01), mode 644, no extra fields."""
    out = io.BytesIO()
    central = []
    for name, entry in members:
        encoded = name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800
        version = 20
        offset = out.tell()
        out.write(_LOCAL.pack(b"PK\x03\x04", version, 0, flags, entry.method, 0, DOS_DATE_1980_01_01,
                              entry.crc, len(entry.data), entry.size, len(encoded), 0))
        out.write(encoded)
        out.write(entry.data)
        central.append(_CENTRAL.pack(b"PK\x01\x02", version, 3, version, 0, flags, entry.method, 0,
                                     DOS_DATE_1980_01_01, entry.crc, len(entry.data), entry.size, len(encoded),
                                     0, 0, 0, 0, EXTERNAL_ATTR, offset) + encoded)
    start = out.tell()
    for record in central:
        out.write(record)
    size = out.tell() - start
    out.write(_END.pack(b"PK\x05\x06", 0, 0, len(central), len(central), size, start, 0))
    return out.getvalue()


def deterministic_zip(data: bytes) -> bytes:
    """The same package, its members in the same order, with fixed timestamps and attributes."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    return write_zip([(info.filename, Entry.of(archive.read(info))) for info in archive.infolist()])
