"""Formatting as Word resolves it: the theme's fonts and colours, run and paragraph
properties, and the style sheet whose layers (docDefaults → table style → paragraph style
and its basedOn chain → character style) give a run's or paragraph's base properties."""

from __future__ import annotations

import copy

from lxml import etree

from reportgen.records import record

from .ooxml import A_NS, is_on, to_int, w

_THEME_COLOR_SLOT = {"text1": "dk1", "dark1": "dk1", "background1": "lt1", "light1": "lt1",
                     "text2": "dk2", "dark2": "dk2", "background2": "lt2", "light2": "lt2",
                     "hyperlink": "hlink", "followedHyperlink": "folHlink"}


class Theme:
    def __init__(self, root):
        self.fonts: dict[str, str] = {}
        self.colors: dict[str, str] = {}
        if root is None:
            return
        for kind in ("major", "minor"):
            latin = root.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
            if latin is not None and latin.get("typeface"):
                self.fonts[kind] = latin.get("typeface")
        scheme = root.find(f".//{{{A_NS}}}clrScheme")
        if scheme is not None:
            for slot in scheme:
                name = etree.QName(slot).localname
                for value in slot:
                    colour = value.get("lastClr") or value.get("val")
                    if colour:
                        self.colors[name] = colour.upper()

    def font(self, theme_name: str) -> str | None:
        return self.fonts.get("major" if theme_name.startswith("major") else "minor")

    def color(self, theme_name: str) -> str | None:
        slot = _THEME_COLOR_SLOT.get(theme_name, theme_name)
        return self.colors.get(slot)


@record
class RunProps:
    ascii: str | None = None
    hansi: str | None = None
    size: float | None = None
    bold: bool = False
    italic: bool = False
    caps: bool = False
    underline: bool = False
    hidden: bool = False
    color: str | None = None      # "000000", "AUTO", a hex colour or "tinted <hex>"

    def apply(self, rpr, theme: Theme) -> None:
        if rpr is None:
            return
        fonts = rpr.find(w("rFonts"))
        if fonts is not None:
            for slot, attr in (("ascii", "ascii"), ("hansi", "hAnsi")):
                themed = fonts.get(w(attr + "Theme"))
                if themed:
                    setattr(self, slot, theme.font(themed) or getattr(self, slot))
                elif fonts.get(w(attr)):
                    setattr(self, slot, fonts.get(w(attr)))
        size = rpr.find(w("sz"))
        if size is not None and to_int(size.get(w("val"))) is not None:
            self.size = to_int(size.get(w("val"))) / 2
        for name, attr in (("b", "bold"), ("i", "italic"), ("caps", "caps"), ("vanish", "hidden")):
            el = rpr.find(w(name))
            if el is not None:
                setattr(self, attr, is_on(el))
        under = rpr.find(w("u"))
        if under is not None:
            self.underline = (under.get(w("val")) or "single") != "none"
        self._apply_color(rpr.find(w("color")), theme)

    def _apply_color(self, el, theme: Theme) -> None:
        if el is None:
            return
        value = (el.get(w("val")) or "auto").upper()
        themed = el.get(w("themeColor"))
        if themed:
            value = theme.color(themed) or value
            tint = el.get(w("themeTint"))
            if tint and tint.upper() != "FF":
                value = f"tinted {value}"
        self.color = value

    @property
    def black(self) -> bool:
        return self.color in (None, "AUTO", "000000", "WINDOWTEXT")


@record
class ParaProps:
    align: str | None = None
    line: int | None = None
    line_rule: str | None = None
    before: int = 0
    after: int = 0
    border: bool = False

    def apply(self, ppr) -> None:
        if ppr is None:
            return
        jc = ppr.find(w("jc"))
        if jc is not None:
            self.align = jc.get(w("val"))
        spacing = ppr.find(w("spacing"))
        if spacing is not None:
            if spacing.get(w("line")) is not None:
                self.line = to_int(spacing.get(w("line")))
                self.line_rule = spacing.get(w("lineRule")) or "auto"
            if spacing.get(w("before")) is not None:
                self.before = to_int(spacing.get(w("before")), 0)
            if spacing.get(w("after")) is not None:
                self.after = to_int(spacing.get(w("after")), 0)
        borders = ppr.find(w("pBdr"))
        if borders is not None:
            self.border = any((b.get(w("val")) or "none") not in ("nil", "none") for b in borders)


class StyleSheet:
    def __init__(self, root, theme: Theme):
        self.theme = theme
        self.styles: dict[str, object] = {}
        self.defaults: dict[str, str] = {}
        self.default_rpr = self.default_ppr = None
        self._run_cache: dict[tuple, RunProps] = {}
        self._para_cache: dict[tuple, ParaProps] = {}
        if root is None:
            return
        for style in root.findall(w("style")):
            sid = style.get(w("styleId"))
            self.styles[sid] = style
            if _on_attr(style.get(w("default"))):
                self.defaults.setdefault(style.get(w("type")), sid)
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            self.default_rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")
            self.default_ppr = defaults.find(f"{w('pPrDefault')}/{w('pPr')}")

    def chain(self, style_id: str | None, kind: str) -> list:
        """The style and its basedOn ancestors, the most basic first."""
        sid = style_id if style_id in self.styles else self.defaults.get(kind)
        found, seen = [], set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            style = self.styles[sid]
            found.append(style)
            based = style.find(w("basedOn"))
            sid = based.get(w("val")) if based is not None else None
        return found[::-1]

    def base_run_props(self, para_style, run_style, table_style) -> RunProps:
        key = (para_style, run_style, table_style)
        if key not in self._run_cache:
            props = RunProps()
            props.apply(self.default_rpr, self.theme)
            levels = (self.chain(table_style, "table") + self.chain(para_style, "paragraph")
                      + self.chain(run_style, "character"))
            for style in levels:
                props.apply(style.find(w("rPr")), self.theme)
            self._run_cache[key] = props
        return copy.copy(self._run_cache[key])

    def base_para_props(self, para_style, table_style) -> ParaProps:
        key = (para_style, table_style)
        if key not in self._para_cache:
            props = ParaProps()
            props.apply(self.default_ppr)
            for style in self.chain(table_style, "table") + self.chain(para_style, "paragraph"):
                props.apply(style.find(w("pPr")))
            self._para_cache[key] = props
        return copy.copy(self._para_cache[key])


def _on_attr(value) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")
