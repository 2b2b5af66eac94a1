"""Every scalar read again for the kind of its field, from the text the user typed.

YAML alone cannot know that `tu_so: 95.321` is a count (ninety-five thousand ...), that
`so: 05` is a text, or that `ngay: 31/10/2025` is a date. The loader keeps each scalar
as written; this pass walks the data beside the cerberus schema and gives each field its
value: figures the Vietnamese way (formatting.read_number), dates day first
(formatting.read_date), texts exactly as typed. A figure that cannot be read, or could be
read two ways, is an error here, and the schema does not report it a second time.
"""

from __future__ import annotations

import datetime as dt

from reportgen import formatting as F
from reportgen.errors import Diagnostics
from reportgen.source.loader import LoadedYaml

COUNT, DECIMAL, PERCENT = "count", "decimal", "percent"
_BOOLEAN_WORDS = {"yes", "no", "on", "off", "y", "n", "có", "không", "đúng", "sai", "co", "khong"}
# Units whose figures may have decimals: money, measures, durations, and "nghìn ..." style units.
_MEASURE_UNITS = {"ha", "héc-ta", "hécta", "km", "km2", "km²", "m", "m2", "m²", "m3", "m³", "kg", "tấn", "tạ",
                  "yến", "lít", "l", "kw", "kwh", "mw", "mwh", "gb", "tb", "mb", "usd", "giờ", "phút", "giây",
                  "ngày", "tháng", "năm", "điểm", "tuổi"}
_MEASURE_PREFIXES = ("nghìn", "ngàn", "triệu", "tỷ", "tỉ")


def counted(unit) -> bool:
    """A unit of things counted one by one (hồ sơ, trường hợp, công dân): figures are whole."""
    if not isinstance(unit, str) or not unit.strip():
        return False
    unit = unit.strip().lower()
    return not ("đồng" in unit or "%" in unit or "/" in unit or unit in _MEASURE_UNITS
                or unit.startswith(_MEASURE_PREFIXES))


def _types(rule: dict | None) -> list:
    if not rule or "type" not in rule:
        return []
    return rule["type"] if isinstance(rule["type"], list) else [rule["type"]]


class Reader:
    def __init__(self, loaded: LoadedYaml, diags: Diagnostics):
        self.loaded = loaded
        self.diags = diags

    # --- structure ---
    def mapping(self, document: dict, schema: dict, path: tuple, kinds: dict | None = None) -> None:
        for key, value in list(document.items()):
            here = path + (key,)
            if key == "chi_tieu" and isinstance(value, list) and "chi_tieu" in schema:
                self.indicators(value, schema["chi_tieu"], here)
                continue
            rule = schema.get(key)
            if rule is None:
                continue  # an unknown key: the schema says so
            document[key] = self.value(value, rule, here, (kinds or {}).get(key))

    def value(self, value, rule: dict, path: tuple, kind: str | None = None):
        types = _types(rule)
        if isinstance(value, dict):
            if "schema" in rule and "dict" in types:
                self.mapping(value, rule["schema"], path)
            elif "valuesrules" in rule:
                for key, item in list(value.items()):
                    value[key] = self.value(item, rule["valuesrules"], path + (key,))
            elif "dict" in types:
                self.free_mapping(value, path)
                self.check_row(value, path)
            return value
        if isinstance(value, list):
            if "list" in types and isinstance(rule.get("schema"), dict):
                for i, item in enumerate(value):
                    value[i] = self.value(item, rule["schema"], path + (i,), kind)
            elif "list" in types:
                self.blocks(value, path)
            return value
        return self.scalar(value, types, path, kind)

    def free_mapping(self, row: dict, path: tuple) -> None:
        """A table row (or a block inside a cell): every value is text, written as typed."""
        for key, value in list(row.items()):
            row[key] = self.as_text_deep(value, path + (key,))

    def check_row(self, row: dict, path: tuple) -> None:
        """A table row with nothing in it would print an empty numbered line."""
        if all(v is None or v == [] or (isinstance(v, str) and not v.strip()) for v in row.values()):
            self.diags.error(self.loaded.where(path), "dòng trống trong bảng: ghi nội dung cho ít nhất một cột "
                                                      "(ví dụ noi_dung: ...), hoặc xóa dòng này", path)

    def blocks(self, items: list, path: tuple) -> None:
        """A list of body blocks: a scalar item is a paragraph, as typed (`- 2024` too)."""
        for i, item in enumerate(items):
            if item is not None and not isinstance(item, (str, dict, list)):
                items[i] = self.text(item, path + (i,))

    def as_text_deep(self, value, path: tuple):
        if isinstance(value, dict):
            self.free_mapping(value, path)
            return value
        if isinstance(value, list):
            return [self.as_text_deep(v, path + (i,)) for i, v in enumerate(value)]
        if value is None or isinstance(value, str):
            return value
        return self.text(value, path)

    # --- indicators: the unit decides what a figure may be ---
    def indicators(self, items: list, rule: dict, path: tuple) -> None:
        schema = rule.get("schema", {}).get("schema", {})
        for i, item in enumerate(items):
            if isinstance(item, dict):
                self.indicator(item, schema, path + (i,), None)

    def indicator(self, item: dict, schema: dict, path: tuple, parent_unit) -> None:
        if "don_vi" in item:
            item["don_vi"] = self.value(item["don_vi"], schema.get("don_vi", {"type": "string"}), path + ("don_vi",))
        unit = item.get("don_vi") if isinstance(item.get("don_vi"), str) else parent_unit
        is_ratio = any(k in item for k in ("tu_so", "ty_le")) or (isinstance(unit, str) and unit.strip() == "%")
        figure = COUNT if counted(unit) else DECIMAL
        value_kind = PERCENT if isinstance(unit, str) and unit.strip() == "%" else figure
        kinds = {"tu_so": figure, "mau_so": figure, "gia_tri": value_kind, "ty_le": PERCENT, "ty_le_ghi": PERCENT}
        for key, value in list(item.items()):
            here = path + (key,)
            rule = schema.get(key)
            if rule is None or key == "don_vi":
                continue
            if key == "thanh_phan" and isinstance(value, list):
                part_schema = rule.get("schema", {}).get("schema", {})
                for j, part in enumerate(value):
                    if isinstance(part, dict):
                        self.indicator(part, part_schema, here + (j,), unit)
            elif key == "muc_tieu" and isinstance(value, list):
                target_schema = rule.get("schema", {}).get("schema", {})
                for j, target in enumerate(value):
                    if isinstance(target, dict):
                        self.mapping(target, target_schema, here + (j,), {"gia_tri": PERCENT if is_ratio else value_kind})
            elif key == "ky_truoc" and isinstance(value, dict):
                self.mapping(value, rule.get("schema", {}), here, {"tu_so": figure, "mau_so": figure, "gia_tri": value_kind})
            elif key == "ky_truoc":
                item[key] = self.value(value, rule, here, figure if is_ratio else value_kind)
            else:
                item[key] = self.value(value, rule, here, kinds.get(key))

    # --- scalars ---
    def written(self, path: tuple):
        return self.loaded.source_text.get(path)

    def text(self, value, path: tuple) -> str:
        raw = self.written(path)
        return raw if raw is not None else str(value)

    def fail(self, path: tuple, message: str) -> None:
        self.loaded.figures[path] = None  # unreadable: the schema's own complaint would repeat it
        self.diags.error(self.loaded.where(path), message, path)

    def scalar(self, value, types: list, path: tuple, kind: str | None):
        if value is None or not types or self.written(path) is None:
            return value
        if "string" in types and "integer" in types:
            return self.text_or_whole(value, path)
        if "string" in types:
            return value if isinstance(value, str) else self.text(value, path)
        if "number" in types or "integer" in types:
            return self.number(value, path, COUNT if "number" not in types else kind or DECIMAL)
        if "date" in types:
            return self.date(value, path)
        if "boolean" in types and isinstance(value, str) and value.strip().lower() in _BOOLEAN_WORDS:
            self.fail(path, f'"{value}" không phải true/false: ghi true (có) hoặc false (không)')
        return value

    def text_or_whole(self, value, path: tuple):
        """`so`, a code: a whole number as typed, or the text (`05` keeps its zero)."""
        if isinstance(value, bool):
            self.fail(path, f'cần một số hoặc một chuỗi văn bản, không phải {self.text(value, path)} (true/false)')
            return value
        if isinstance(value, int) and self.text(value, path).strip().lstrip("+-") == str(abs(value)):
            return value
        return value if isinstance(value, str) else self.text(value, path)

    def number(self, value, path: tuple, kind: str):
        if isinstance(value, bool):
            return value  # the schema says a number is needed, not true/false
        written = self.text(value, path).strip()
        if kind == PERCENT and written.endswith("%"):
            written = written[:-1].rstrip()
        try:
            reading = F.read_number(written, whole=kind == COUNT)
        except F.ReadingError as exc:
            what = "số đếm (số nguyên)" if kind == COUNT else "tỷ lệ phần trăm" if kind == PERCENT else "số"
            self.fail(path, f"cần một {what}: {exc}")
            return value
        self.loaded.figures[path] = reading.digits
        return reading.value

    def date(self, value, path: tuple):
        if isinstance(value, (dt.date, bool)):
            return value
        try:
            return F.read_date(self.text(value, path))
        except F.ReadingError as exc:
            self.fail(path, str(exc))
            return value


def read_values(document: dict, schema: dict, path: tuple, loaded: LoadedYaml, diags: Diagnostics) -> None:
    """Give each field of `document` (validated by `schema`, at `path`) its value for its kind."""
    Reader(loaded, diags).mapping(document, schema, path)


def unreadable(loaded: LoadedYaml, path: tuple) -> bool:
    """A field already reported as unreadable (the schema need not say it again)."""
    return path in loaded.figures and loaded.figures[path] is None
