"""The typed model of a validated report: what the YAML says, nothing computed yet."""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from pathlib import Path

from reportgen.errors import Location
from reportgen.records import record
from reportgen.source.loader import LoadedYaml


@record(frozen=True)
class Text:
    raw: str
    location: Location


@record(frozen=True)
class IssueDate:
    """A document date; `day` is None in a draft whose day is filled in at signing."""

    year: int
    month: int
    day: int | None = None

    @property
    def date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.day else None


@record
class Agency:
    name_lines: list[str]
    name: str
    short_name: str
    parent: str | None = None


@record
class CitedDocument:
    """A document the report cites: its `van_ban_yeu_cau`, or one of `van_ban` (with its id and place)."""
    kind: str
    number: str | None
    symbol: str | None
    date: dt.date | None
    issuer: str | None
    subject: str | None
    id: str = ""
    location: Location | None = None


@record
class Signature:
    authority: list[str]
    title: str
    name: str  # "" in a draft whose signer is not yet known
    location: Location | None = None


@record
class Block:
    kind: str  # doan, muc, khoan, diem, gach, cong, bang
    text: Text | None
    location: Location
    children: list["Block"] = field(default_factory=list)
    run_in: bool = False
    align: str | None = None
    italic: bool = False
    bold: bool = False
    indent: bool = True
    table: "TableInput | None" = None
    style: str | None = None  # liet_ke: its numbering (ngoac_so, ngoac_la_ma, mot_la)
    dash: bool = False  # liet_ke: a dash before the number


@record
class Row:
    values: dict  # column key -> str or list of Block
    status: str | None
    result: object | None
    indicator: str | None
    location: Location
    path: tuple


@record
class Group:
    id: str | None
    code: str | None
    title: Text
    typed_count: int | None
    rows: list[Row]
    location: Location
    count_location: Location | None
    show_count: bool = True
    level: int = 1  # 1 for a top group, 2 for a group inside it, ...
    children: list["Group"] = field(default_factory=list)  # groups of the next level


@record
class TableInput:
    id: str | None
    kind: str
    column_titles: dict
    typed_count: int | None
    groups: list[Group]  # every group in reading order, each with its own rows (nested ones too)
    grouped: bool
    location: Location
    count_location: Location | None
    tree: list[Group] = field(default_factory=list)  # the top groups; `children` below them
    numbering: str | None = None  # `stt`: this table's STT instead of its kind's
    hidden_columns: list = field(default_factory=list)  # `an_cot`
    column_order: list = field(default_factory=list)  # `thu_tu_cot`


@record
class Target:
    by: str
    value: float | None
    at_least: bool
    comparison: str = ">="  # so_sanh: >=, <=, =, toi_thieu, toi_da
    low: float | None = None  # tu ... den: a range
    high: float | None = None


@record
class Indicator:
    id: str
    name: str
    unit: str | None
    value: float | None
    numerator: float | None
    denominator: float | None
    typed_percent: float | None
    typed_percent_text: str | None
    rate: float | None
    as_of: dt.date | None
    targets: list[Target]
    previous: dict | float | None
    may_exceed: bool
    parts: list["Indicator"]
    parts_are_whole: bool
    location: Location
    field_locations: dict
    group: str | None = None  # `nhom`: the sheet it goes on in an export or a collection workbook
    document: Text | None = None  # `van_ban`: the document that set it (an indicator table's column)
    of_unit: "Unit | None" = None  # `cua_don_vi`: another unit's figure for indicator `base_id`
    base_id: str | None = None


@record(frozen=True)
class Unit:
    """The reporting unit (`don_vi`): its official code, name and level (xa, tinh, so-nganh)."""

    code: str
    name: str
    level: str


@record
class Appendix:
    id: str
    title: Text
    orientation: str | None
    attached_line: Text | None
    blocks: list[Block]
    table: TableInput | None
    location: Location
    label: str | None = None  # `nhan`: printed instead of the template's numbering


@record
class Report:
    source: Path
    template: str
    kind: str | None
    agency: Agency
    number: str | None
    symbol: str
    place: str
    date: IssueDate
    period: str | None
    subject: Text | None
    recipients: list[Text]
    request: CitedDocument | None
    opening: Text | None
    body: list[Block]
    closing: Text | None
    signature: Signature
    distribution: list[Text]
    archive: Text
    footnotes: dict  # key -> Text
    indicators: list[Indicator]
    appendices: list[Appendix]
    location: Location
    unit: Unit | None = None
    co_signature: Signature | None = None  # chu_ky_lien_tich: the second signer of a joint document


# --- building the model from validated data ---------------------------------------------

def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(loaded: LoadedYaml, path: tuple, value) -> Text:
    return Text(str(value), loaded.where(path))


def _texts(loaded: LoadedYaml, path: tuple, value) -> list[Text]:
    if isinstance(value, list):
        return [_text(loaded, path + (i,), v) for i, v in enumerate(value)]
    return [] if value is None else [_text(loaded, path, value)]


def _number_text(value) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return str(value).strip()


def _signature(loaded: LoadedYaml, key: str) -> Signature:
    signer = loaded.data[key]
    return Signature([str(a) for a in _as_list(signer.get("tham_quyen"))], signer["chuc_vu"],
                     str(signer.get("ho_ten") or "").strip(), loaded.where((key, "ho_ten")))


def build_blocks(loaded: LoadedYaml, path: tuple, items) -> list[Block]:
    blocks = []
    for i, item in enumerate(items or []):
        here = path + (i,)
        if isinstance(item, str):
            blocks.append(Block("doan", _text(loaded, here, item), loaded.where(here)))
            continue
        kind = next(k for k in ("doan", "muc", "khoan", "diem", "liet_ke", "gach", "cong", "bang") if k in item)
        children = build_blocks(loaded, here + ("noi_dung",), item.get("noi_dung"))
        if kind == "bang":
            blocks.append(Block("bang", None, loaded.where(here), table=build_table(loaded, here + ("bang",), item["bang"])))
        elif kind in ("gach", "cong") and isinstance(item[kind], list):
            texts = _texts(loaded, here + (kind,), item[kind])
            for j, text in enumerate(texts):
                last = j == len(texts) - 1
                blocks.append(Block(kind, text, text.location, children if last else []))
        elif kind == "liet_ke":  # run in by default; `kieu: tieu_de` makes it a heading of its own
            blocks.append(Block(kind, _text(loaded, here + (kind,), item[kind]), loaded.where(here), children,
                                run_in=item.get("kieu") != "tieu_de", style=item.get("danh_so", "ngoac_so"),
                                dash=bool(item.get("gach_dau_dong"))))
        else:
            blocks.append(Block(
                kind, _text(loaded, here + (kind,), item[kind]), loaded.where(here), children,
                run_in=item.get("kieu") == "doan", align=item.get("canh"), italic=bool(item.get("nghieng")),
                bold=bool(item.get("dam")), indent=item.get("thut_dau_dong", True)))
    return blocks


def _cell(loaded: LoadedYaml, path: tuple, value):
    if isinstance(value, list):
        return build_blocks(loaded, path, value)
    if value is None:
        return None
    return _text(loaded, path, value)


ROW_CONTROL_KEYS = ("trang_thai", "ket_qua", "chi_tieu")


def _rows(loaded: LoadedYaml, path: tuple, items) -> list[Row]:
    rows = []
    for i, item in enumerate(items or []):
        here = path + (i,)
        values = {k: _cell(loaded, here + (k,), v) for k, v in item.items() if k not in ROW_CONTROL_KEYS}
        rows.append(Row(values, item.get("trang_thai"), _cell(loaded, here + ("ket_qua",), item.get("ket_qua")),
                        item.get("chi_tieu"), loaded.where(here), here))
    return rows


def _groups(loaded: LoadedYaml, path: tuple, items, level: int, flat: list) -> list[Group]:
    """The groups at `path` with their sub-groups; `flat` collects every group in reading order."""
    out = []
    for i, group in enumerate(items or []):
        here = path + (i,)
        built = Group(group.get("id"), group.get("ma"), _text(loaded, here + ("ten",), group["ten"]),
                      group.get("so_luong"), _rows(loaded, here + ("dong",), group.get("dong")),
                      loaded.where(here), loaded.positions.get(here + ("so_luong",)), group.get("dem", True), level)
        flat.append(built)
        built.children = _groups(loaded, here + ("nhom",), group.get("nhom"), level + 1, flat)
        out.append(built)
    return out


def build_table(loaded: LoadedYaml, path: tuple, data: dict) -> TableInput:
    grouped = "nhom" in data
    groups: list[Group] = []
    if grouped:
        tree = _groups(loaded, path + ("nhom",), data["nhom"], 1, groups)
    else:
        groups.append(Group(None, None, Text("", loaded.where(path)), None,
                            _rows(loaded, path + ("dong",), data.get("dong")), loaded.where(path), None))
        tree = list(groups)
    return TableInput(data.get("id"), data["loai"], data.get("tieu_de_cot") or {}, data.get("so_luong"), groups,
                      grouped, loaded.where(path), loaded.positions.get(path + ("so_luong",)), tree,
                      data.get("stt"), list(data.get("an_cot") or []), list(data.get("thu_tu_cot") or []))


def _indicator(loaded: LoadedYaml, path: tuple, data: dict) -> Indicator:
    fields = {key: loaded.where(path + (key,)) for key in data}
    parts = [_indicator(loaded, path + ("thanh_phan", i), p) for i, p in enumerate(data.get("thanh_phan") or [])]
    targets = [Target(t["giao"], t.get("gia_tri"), bool(t.get("thap_nhat")), t.get("so_sanh", ">="), t.get("tu"),
                      t.get("den")) for t in data.get("muc_tieu") or []]
    return Indicator(
        id=data["id"], name=data["ten"], unit=data.get("don_vi"), value=data.get("gia_tri"),
        numerator=data.get("tu_so"), denominator=data.get("mau_so"), typed_percent=data.get("ty_le_ghi"),
        typed_percent_text=loaded.figures.get(path + ("ty_le_ghi",)) or loaded.source_text.get(path + ("ty_le_ghi",)), rate=data.get("ty_le"),
        as_of=data.get("tinh_den"), targets=targets, previous=data.get("ky_truoc"),
        may_exceed=bool(data.get("co_the_vuot")), parts=parts, parts_are_whole=bool(data.get("thanh_phan_la_tong")),
        location=loaded.where(path), field_locations=fields, group=data.get("nhom"),
        document=_text(loaded, path + ("van_ban",), data["van_ban"]) if data.get("van_ban") else None,
        of_unit=Unit(of["ma"], of["ten"], of.get("cap", "xa")) if (of := data.get("cua_don_vi")) else None,
        base_id=of["chi_tieu"] if of else None)


def build_indicators(loaded: LoadedYaml) -> list[Indicator]:
    """The `chi_tieu` of a validated file (a report or a figures-only file)."""
    return [_indicator(loaded, ("chi_tieu", i), c) for i, c in enumerate(loaded.data.get("chi_tieu") or [])]


def build_unit(loaded: LoadedYaml) -> Unit | None:
    """The `don_vi` of a validated file; codes are kept as written (`"00004"` keeps its zeros)."""
    unit = loaded.data.get("don_vi")
    if not unit:
        return None
    written = loaded.source_text.get(("don_vi", "ma"), unit["ma"])  # YAML reads 00004 as the number 4
    return Unit(str(written).strip(), unit["ten"].strip(), unit["cap"])


def _date(value) -> IssueDate:
    if isinstance(value, dict):
        return IssueDate(value["nam"], value["thang"], value.get("ngay"))
    return IssueDate(value.year, value.month, value.day)


def build_report(loaded: LoadedYaml, source: Path) -> Report:
    d = loaded.data
    agency = d["co_quan"]
    names = agency["ten"]
    name_lines = [line for n in _as_list(names) for line in str(n).split("\n") if line.strip()]
    request = d.get("van_ban_yeu_cau")
    return Report(
        source=source,
        template=d["mau"],
        kind=d.get("loai_van_ban"),
        agency=Agency(name_lines, agency["ten_goi"], agency.get("ten_ngan") or agency["ten_goi"], agency.get("chu_quan")),
        number=_number_text(d.get("so")),
        symbol=d["ky_hieu"],
        place=d["dia_danh"],
        date=_date(d["ngay"]),
        period=d.get("ky"),
        subject=_text(loaded, ("trich_yeu",), d["trich_yeu"]) if d.get("trich_yeu") else None,
        recipients=_texts(loaded, ("kinh_gui",), d.get("kinh_gui")),
        request=CitedDocument(request["loai"], _number_text(request.get("so")), request.get("ky_hieu"),
                              request.get("ngay"), request.get("co_quan"), request.get("trich_yeu")) if request else None,
        opening=_text(loaded, ("mo_dau",), d["mo_dau"]) if d.get("mo_dau") else None,
        body=build_blocks(loaded, ("noi_dung",), d["noi_dung"]),
        closing=_text(loaded, ("ket_thuc",), d["ket_thuc"]) if d.get("ket_thuc") else None,
        signature=_signature(loaded, "chu_ky"),
        co_signature=_signature(loaded, "chu_ky_lien_tich") if d.get("chu_ky_lien_tich") else None,
        distribution=_texts(loaded, ("noi_nhan",), d["noi_nhan"]),
        archive=_text(loaded, ("luu",), d["luu"]),
        footnotes={k: _text(loaded, ("chu_thich", k), v) for k, v in (d.get("chu_thich") or {}).items()},
        indicators=build_indicators(loaded),
        appendices=[
            Appendix(a["id"], _text(loaded, ("phu_luc", i, "tieu_de"), a["tieu_de"]), a.get("huong"),
                     _text(loaded, ("phu_luc", i, "kem_theo"), a["kem_theo"]) if a.get("kem_theo") else None,
                     build_blocks(loaded, ("phu_luc", i, "noi_dung"), a.get("noi_dung")),
                     build_table(loaded, ("phu_luc", i, "bang"), a["bang"]) if a.get("bang") else None,
                     loaded.where(("phu_luc", i)), a.get("nhan"))
            for i, a in enumerate(d.get("phu_luc") or [])
        ],
        location=loaded.where(()),
        unit=build_unit(loaded),
    )
