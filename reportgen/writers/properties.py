"""The package's properties: docProps/core.xml (the same for the same inputs) and docProps/app.xml
(the program that wrote it, and nothing it cannot know: no page or word counts), no thumbnail."""

from __future__ import annotations

from lxml import etree

from reportgen import __version__
from reportgen.document import Document
from reportgen.writers.package import Package, serialize

CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
CORE_PART = "docProps/core.xml"
# Word shows at most 255 characters of a property.
MAX_PROPERTY = 255


def _core_root(package: Package):
    rel = next((r for r in package.rels.get("", []) if r.type == CORE_REL), None)
    if rel is None:
        package.relate("", CORE_REL, CORE_PART)
        return CORE_PART, etree.Element(f"{{{CP}}}coreProperties",
                                        nsmap={"cp": CP, "dc": DC, "dcterms": DCTERMS, "dcmitype": "http://purl.org/dc/dcmitype/",
                                               "xsi": XSI})
    name = rel.target.lstrip("/")
    return name, etree.fromstring(package.read_part(name))


def _set(root, namespace: str, name: str, text: str, w3cdtf: bool = False) -> None:
    element = root.find(f"{{{namespace}}}{name}")
    if element is None:
        element = etree.SubElement(root, f"{{{namespace}}}{name}")
    element.text = text[:MAX_PROPERTY]
    if w3cdtf:
        element.set(f"{{{XSI}}}type", "dcterms:W3CDTF")


def write_core(package: Package, document: Document) -> None:
    """Title, subject, author and the document's own date as every timestamp: no clock is read."""
    name, root = _core_root(package)
    year, month, day = document.date
    stamp = f"{year:04d}-{month:02d}-{day:02d}T00:00:00Z"
    _set(root, DC, "title", document.title)
    _set(root, DC, "subject", document.subject)
    _set(root, DC, "creator", document.author)
    _set(root, CP, "lastModifiedBy", document.author)
    _set(root, DCTERMS, "created", stamp, w3cdtf=True)
    _set(root, DCTERMS, "modified", stamp, w3cdtf=True)
    for never_printed in root.findall(f"{{{CP}}}lastPrinted"):
        root.remove(never_printed)
    _set(root, CP, "revision", "1")
    _set(root, DC, "description", "reportgen")
    _set(root, CP, "keywords", "")
    _set(root, CP, "category", "")
    package.set_part(name, serialize(root), CORE_TYPE)


EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
EXTENDED_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
EXTENDED_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
THUMBNAIL_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
APP_PART = "docProps/app.xml"


def write_app(package: Package) -> None:
    """docProps/app.xml naming reportgen and its version; the template's thumbnail dropped."""
    package.drop_relationships("", {THUMBNAIL_REL})
    rel = next((r for r in package.rels.get("", []) if r.type == EXTENDED_REL), None)
    name = rel.target.lstrip("/") if rel else APP_PART
    if rel is None:
        package.relate("", EXTENDED_REL, APP_PART)
    root = etree.Element(f"{{{EXTENDED}}}Properties", nsmap={None: EXTENDED})
    etree.SubElement(root, f"{{{EXTENDED}}}Application").text = f"reportgen {__version__}"
    etree.SubElement(root, f"{{{EXTENDED}}}DocSecurity").text = "0"
    package.set_part(name, serialize(root), EXTENDED_TYPE)
