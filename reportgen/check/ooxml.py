"""WordprocessingML vocabulary: namespaces, units and the readers for attribute values."""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
V_NS = "urn:schemas-microsoft-com:vml"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

TWIPS_PER_MM = 1440 / 25.4
DEFAULT_SIZE = 10.0        # Word's size when nothing sets one


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def is_on(el) -> bool:
    """A toggle property (w:b, w:i, w:caps): present means on unless its value says off."""
    if el is None:
        return False
    val = el.get(w("val"))
    return val is None or val.lower() not in ("0", "false", "off", "none")


def to_int(value, default=None):
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return default


def in_fallback(el, stop) -> bool:
    """Whether `el` lies inside an mc:Fallback below `stop` (the copy Word reads only when it
    cannot read the mc:Choice, so never to be read twice)."""
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == f"{{{MC_NS}}}Fallback":
            return True
        parent = parent.getparent()
    return False
