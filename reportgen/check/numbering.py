"""Word's automatic numbering (numbering.xml) resolved into the labels a reader sees.

A paragraph numbered by Word (its own w:numPr or its style's) shows a label that is not
in its text: `3.`, `1.1.`, `a)`, `-`. The checker reads the document as it is seen, so
each such paragraph's label is computed here, in document order, as Word counts: one
counter per level of each abstract list; a level's number restarts when a shallower
level is numbered (w:lvlRestart can say otherwise); a list instance's w:lvlOverride
(w:startOverride, or a whole w:lvl) starts its levels anew the first time it is used.
"""

from __future__ import annotations

from dataclasses import field

from reportgen.records import record

from .ooxml import to_int, w

ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def letters(number: int) -> str:
    """Word's letter numbering: a ... z, then aa ... zz (the letter repeated)."""
    if number < 1:
        return ""
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        text = roman(number)
        return text if fmt == "upperRoman" else text.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        text = letters(number)
        return text.upper() if fmt == "upperLetter" else text
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(number)  # decimal and the formats a Vietnamese document does not use


@record
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # restart after this (1-based) level is used; 0: never
    legal: bool = False
    suffix: str = "tab"

    @classmethod
    def read(cls, lvl) -> Level:
        def val(tag):
            el = lvl.find(w(tag))
            return None if el is None else el.get(w("val"))

        level = cls()
        level.start = to_int(val("start"), 1)
        level.fmt = val("numFmt") or "decimal"
        text = lvl.find(w("lvlText"))
        level.text = text.get(w("val")) or "" if text is not None else ""
        restart = val("lvlRestart")
        level.restart = to_int(restart) if restart is not None else None
        level.legal = lvl.find(w("isLgl")) is not None
        level.suffix = val("suff") or "tab"
        return level


@record
class Instance:
    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)
    used: bool = False


class ListNumbering:
    """The labels of automatically numbered paragraphs, computed in the order they are asked for."""

    def __init__(self, root, styles):
        self.styles = styles
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, Instance] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.findall(w("abstractNum")):
            levels = {to_int(lvl.get(w("ilvl")), 0): Level.read(lvl) for lvl in abstract.findall(w("lvl"))}
            self.abstracts[abstract.get(w("abstractNumId"))] = levels
        for num in root.findall(w("num")):
            ref = num.find(w("abstractNumId"))
            if ref is None:
                continue
            instance = Instance(ref.get(w("val")))
            for override in num.findall(w("lvlOverride")):
                ilvl = to_int(override.get(w("ilvl")), 0)
                start = override.find(w("startOverride"))
                if start is not None:
                    instance.start_overrides[ilvl] = to_int(start.get(w("val")), 1)
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    instance.level_overrides[ilvl] = Level.read(lvl)
            self.instances[num.get(w("numId"))] = instance

    def _num_pr(self, ppr, style_id: str | None) -> tuple[str | None, int]:
        """The paragraph's list and level: its own w:numPr, else its style's (nearest first)."""
        num_id, ilvl = None, None
        sources = [ppr] + [s.find(w("pPr")) for s in self.styles.chain(style_id, "paragraph")[::-1]]
        for source in sources:
            num_pr = source.find(w("numPr")) if source is not None else None
            if num_pr is None:
                continue
            if num_id is None and num_pr.find(w("numId")) is not None:
                num_id = num_pr.find(w("numId")).get(w("val"))
            if ilvl is None and num_pr.find(w("ilvl")) is not None:
                ilvl = to_int(num_pr.find(w("ilvl")).get(w("val")), 0)
        return num_id, ilvl or 0

    def _level(self, instance: Instance, ilvl: int) -> Level | None:
        return instance.level_overrides.get(ilvl) or self.abstracts.get(instance.abstract, {}).get(ilvl)

    def label(self, p, style_id: str | None) -> str:
        """The label Word shows before `p` ("" when it is not numbered), counting it."""
        if not self.instances:
            return ""
        num_id, ilvl = self._num_pr(p.find(w("pPr")), style_id)
        instance = self.instances.get(num_id) if num_id not in (None, "0") else None
        level = self._level(instance, ilvl) if instance else None
        if level is None:
            return ""
        counters = self.counters.setdefault(instance.abstract, {})
        if not instance.used:
            instance.used = True
            for overridden in set(instance.start_overrides) | set(instance.level_overrides):
                counters.pop(overridden, None)
                start = instance.start_overrides.get(overridden)
                if start is not None:
                    counters[overridden] = start - 1
                elif overridden in instance.level_overrides:
                    counters[overridden] = instance.level_overrides[overridden].start - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            deeper_level = self._level(instance, deeper)
            if deeper_level is None or deeper_level.restart != 0 and (deeper_level.restart is None
                                                                       or deeper_level.restart > ilvl):
                del counters[deeper]
        return self._render(instance, level, counters)

    def _render(self, instance: Instance, level: Level, counters: dict[int, int]) -> str:
        text = level.text
        for index in range(9):
            token = f"%{index + 1}"
            if token not in text:
                continue
            shown = self._level(instance, index)
            fmt = "decimal" if level.legal and shown and shown.fmt != "decimalZero" else (shown.fmt if shown else "decimal")
            value = counters.get(index, (shown.start if shown else 1))
            text = text.replace(token, format_number(value, fmt))
        if not text:
            return ""
        return text + ("" if level.suffix == "nothing" else " ")
