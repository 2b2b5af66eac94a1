"""The line shapes drawn in a paragraph, and their lengths: DrawingML shapes and groups
(read through mc:AlternateContent's Choice), VML v:line when Word wrote no DrawingML."""

from __future__ import annotations

import re

from .ooxml import A_NS, V_NS, in_fallback, to_int, w

WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WPG_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
EMU_PER_MM = 36000
LINE_GEOMETRIES = {"line", "straightConnector1"}
_UNITS_MM = {"pt": 25.4 / 72, "in": 25.4, "cm": 10.0, "mm": 1.0, "px": 25.4 / 96, "": 25.4 / 72}
_LENGTH = re.compile(r"^\s*(-?[\d.]+)\s*([a-z]*)\s*$")


def _is_line(shape) -> bool:
    geometry = shape.find(f"{{{WPS_NS}}}spPr/{{{A_NS}}}prstGeom")
    return shape.find(f"{{{WPS_NS}}}cNvCnPr") is not None or (
        geometry is not None and geometry.get("prst") in LINE_GEOMETRIES)


def _flat(shape) -> bool:
    """Horizontal: no height, or much wider than high."""
    ext = shape.find(f"{{{WPS_NS}}}spPr/{{{A_NS}}}xfrm/{{{A_NS}}}ext")
    if ext is None:
        return True
    cx, cy = to_int(ext.get("cx"), 0), to_int(ext.get("cy"), 0)
    return cy == 0 or cx > 20 * cy


def _drawing_lines(drawing) -> list[float]:
    """Lengths (mm) of horizontal line shapes in one w:drawing: a lone shape takes the frame's
    extent, a group's lines their own extents scaled from the group's child space."""
    frame = drawing.find(f"{{{WP_NS}}}anchor")
    frame = frame if frame is not None else drawing.find(f"{{{WP_NS}}}inline")
    if frame is None:
        return []
    extent = frame.find(f"{{{WP_NS}}}extent")
    frame_cx = to_int(extent.get("cx"), 0) if extent is not None else 0
    lines = []
    for shape in drawing.iter(f"{{{WPS_NS}}}wsp"):
        if not (_is_line(shape) and _flat(shape)):
            continue
        group = next(shape.iterancestors(f"{{{WPG_NS}}}wgp"), None)
        if group is None:
            lines.append(frame_cx / EMU_PER_MM)
            continue
        ext = shape.find(f"{{{WPS_NS}}}spPr/{{{A_NS}}}xfrm/{{{A_NS}}}ext")
        child = group.find(f"{{{WPG_NS}}}grpSpPr/{{{A_NS}}}xfrm/{{{A_NS}}}chExt")
        scale = frame_cx / to_int(child.get("cx"), 1) if child is not None and to_int(child.get("cx")) else 1.0
        lines.append(to_int(ext.get("cx"), 0) * scale / EMU_PER_MM if ext is not None else 0.0)
    return lines


def _vml_length_mm(value: str | None) -> tuple[float, float] | None:
    parts = (value or "0,0").split(",")
    points = []
    for part in (parts + ["0"])[:2]:
        match = _LENGTH.match(part or "0")
        if not match or match.group(2) not in _UNITS_MM:
            return None
        points.append(float(match.group(1)) * _UNITS_MM[match.group(2)])
    return points[0], points[1]


def _vml_lines(p) -> list[float]:
    lines = []
    for line in p.iter(f"{{{V_NS}}}line"):
        if in_fallback(line, p):
            continue
        start, end = _vml_length_mm(line.get("from")), _vml_length_mm(line.get("to"))
        if start and end and abs(end[1] - start[1]) < 0.5:
            lines.append(abs(end[0] - start[0]))
    return lines


def drawn_lines(p) -> list[float]:
    """The lengths in mm of the horizontal lines drawn in paragraph element `p`."""
    lines = []
    for drawing in p.iter(w("drawing")):
        if not in_fallback(drawing, p):
            lines.extend(_drawing_lines(drawing))
    return lines + _vml_lines(p)


def has_drawing(p) -> bool:
    """Any shape or picture at all (a rule drawn some other way, a picture of one)."""
    return p.find(f".//{w('drawing')}") is not None or p.find(f".//{w('pict')}") is not None
