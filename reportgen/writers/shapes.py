"""Drawn line shapes, as Word writes them: a DrawingML shape (wps) in mc:AlternateContent, with a
VML v:line for readers before Word 2010, anchored to the paragraph that holds it.

The decree's short rules (under the agency, the tiêu ngữ, the subject, an appendix's
`(Kèm theo ...)` line) are such shapes in documents made in Word, and the Word checkers
agencies use recognise only them. The line floats (wrapNone), centred in its column, a
few points below the top of its own small paragraph, which sits right under the text:
so it never touches descenders or the dot of dấu nặng.
"""

from __future__ import annotations

EMU_PER_MM = 36000
EMU_PER_PT = 12700
LINE_WEIGHT_EMU = 9525  # 0.75 pt, Word's default line
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS_URI = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _pt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def line_run(shape_id: int, length_mm: float, below_pt: float) -> str:
    """A w:r holding a horizontal line `length_mm` long, `below_pt` under its paragraph's top."""
    length = round(length_mm * EMU_PER_MM)
    offset = round(below_pt * EMU_PER_PT)
    name = f"Đường kẻ {shape_id}"
    length_pt = _pt(length / EMU_PER_PT)
    below = _pt(below_pt)
    drawing = (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{251659264 + shape_id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:align>center</wp:align></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{offset}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{length}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{shape_id}" name="{name}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic xmlns:a="{A_NS}"><a:graphicData uri="{WPS_URI}"><wps:wsp><wps:cNvCnPr/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{length}" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        f'<a:ln w="{LINE_WEIGHT_EMU}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
        '<a:prstDash val="solid"/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
        '</wp:anchor></w:drawing>'
    )
    vml = (
        f'<w:pict><v:line id="{name}" o:spid="_x0000_s{1024 + shape_id}" '
        f'style="position:absolute;z-index:{251659264 + shape_id};visibility:visible;mso-wrap-style:square;'
        'mso-position-horizontal:center;mso-position-horizontal-relative:text;'
        'mso-position-vertical:absolute;mso-position-vertical-relative:text" '
        f'from="0,{below}pt" to="{length_pt}pt,{below}pt" strokecolor="black" strokeweight=".75pt"/></w:pict>'
    )
    return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
            f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>")
