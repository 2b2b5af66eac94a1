"""Reading units: a province's list of units (danh sách đơn vị) and one unit's figures file.

The list is a YAML file the province keeps; its codes are those of the official
danh mục (Quyết định 19/2025/QĐ-TTg, published by the General Statistics Office):

    tinh: {ma: "99", ten: Tỉnh Hòa Sơn}
    don_vi:
      - {ma: "99001", ten: Phường Hòa Sơn, cap: xa}

A unit's figures file is a figures-only file (`don_vi`, `ky`, `chi_tieu`, `phu_luc`).
Both go through the normal loader, so they are read exactly as a report is.
"""

from __future__ import annotations

import os
from dataclasses import field
from pathlib import Path

from reportgen.errors import Diagnostics, Location, ReportError, display_path
from reportgen.records import record
from reportgen.source import schema as S
from reportgen.source.loader import LoadedYaml, load
from reportgen.source.model import (
    Indicator,
    TableInput,
    Unit,
    build_indicators,
    build_table,
    build_unit,
)
from reportgen.source.validate import check_figures, check_mapping

UNIT_LIST = {
    "tinh": {"type": "dict", "schema": {
        "ma": S.UNIT["schema"]["ma"], "ten": S.UNIT["schema"]["ten"]}},
    "don_vi": {"type": "list", "required": True, "empty": False, "schema": S.UNIT},
}


@record
class UnitList:
    """The units expected to report, in the list's order, with where each is written."""

    path: Path
    province: Unit | None
    units: list[Unit]
    locations: dict = field(default_factory=dict)  # code -> Location

    def by_code(self) -> dict[str, Unit]:
        return {u.code: u for u in self.units}


@record
class UnitFigures:
    """One unit's figures as read from its file."""

    path: Path
    unit: Unit | None
    period: str | None
    indicators: list[Indicator]
    tables: list[tuple[str, TableInput]]  # (appendix id, table)
    locations: dict  # where the fields a roll-up may report on are written
    files: list  # every file read (the file and what it includes)

    @property
    def shown(self) -> str:
        return display_path(self.path)

    def where(self, path: tuple) -> Location:
        return self.locations.get(tuple(path)) or self.locations[()]


def _written(loaded: LoadedYaml, path: tuple, value) -> str:
    """A code as typed: YAML would read `00004` as the number 4."""
    return str(loaded.source_text.get(path, value)).strip()


def load_unit_list(path: str | Path) -> UnitList:
    path = Path(path)
    loaded = load(path)
    diags = Diagnostics()
    check_mapping(loaded.data, UNIT_LIST, (), loaded, diags)
    diags.raise_if_errors()
    units, locations = [], {}
    for i, item in enumerate(loaded.data["don_vi"]):
        code = _written(loaded, ("don_vi", i, "ma"), item["ma"])
        here = loaded.where(("don_vi", i, "ma"))
        if code in locations:
            diags.error(here, f'mã đơn vị "{code}" có hai lần trong danh sách', ("don_vi", i, "ma"),
                        related=locations[code])
            continue
        locations[code] = here
        units.append(Unit(code, item["ten"].strip(), item["cap"]))
    diags.raise_if_errors()
    province = loaded.data.get("tinh")
    head = Unit(_written(loaded, ("tinh", "ma"), province["ma"]), province["ten"].strip(), "tinh") \
        if province else None
    return UnitList(path, head, units, locations)


def read_figures(path: str | Path) -> UnitFigures:
    """A unit's figures file, validated; raises ReportError with every problem found."""
    path = Path(path)
    loaded = load(path)
    check_figures(loaded).raise_if_errors()
    tables = [(a.get("id"), build_table(loaded, ("phu_luc", i, "bang"), a["bang"]))
              for i, a in enumerate(loaded.data.get("phu_luc") or []) if a.get("bang")]
    # only a few locations, not the whole map: a roll-up moves thousands of these between processes
    locations = {field: loaded.where(field) for field in ((), ("don_vi", "ma"), ("ky",), ("chi_tieu",))}
    return UnitFigures(path, build_unit(loaded), loaded.data.get("ky"), build_indicators(loaded), tables,
                       locations, list(loaded.files))


def figure_files(paths) -> list[Path]:
    """The files given, and every .yaml/.yml file in the folders given (sorted, not recursive)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(list(path.glob("*.yaml")) + list(path.glob("*.yml"))))
        else:
            found.append(path)
    return found


def _read_one(path: Path) -> UnitFigures | Diagnostics:
    try:
        return read_figures(path)
    except ReportError as exc:
        return exc.diagnostics


PARALLEL_FROM = 200  # below this, starting worker processes costs more than it saves


def read_all(paths: list[Path], workers: int | None = None) -> tuple[list[UnitFigures], Diagnostics]:
    """Every file read (on all cores when there are many), in the order given; the problems
    of all of them collected, not only the first file's."""
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(paths) >= PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_read_one, paths, chunksize=max(1, len(paths) // (workers * 8))))
    else:
        results = [_read_one(p) for p in paths]
    figures, diags = [], Diagnostics()
    for result in results:
        if isinstance(result, Diagnostics):
            diags.extend(result)
        else:
            figures.append(result)
    return figures, diags
