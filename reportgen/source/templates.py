"""Templates are data: a folder under templates/ with settings (mau.yaml),
Jinja texts for the fixed wording, table kinds and a styles .docx."""

from __future__ import annotations

import functools
import os
import re
from dataclasses import field
from pathlib import Path

from reportgen.errors import (
    Diagnostic,
    Diagnostics,
    Location,
    ReportError,
    display_path,
    suggestion,
)
from reportgen.records import record
from reportgen.source import schema as S
from reportgen.source.loader import load_plain
from reportgen.source.validate import check_mapping

SHARED = "_chung"
SETTINGS_FILE = "mau.yaml"
STYLES_FILE = "styles.docx"
BUILTIN_FOLDER = "mau_co_san"  # the package holding the built-in templates in a wheel (pyproject.toml)

DEFAULT_SETTINGS = {
    "loai_van_ban": "bao_cao",
    "phu_luc_danh_so": "la_ma",
    "phu_luc_mot_khong_so": True,
    "co_chu_than": 14,
    "ty_le_thap_phan": 2,
    "dau_mm": 36,  # the agency's seal, real diameter: its image on the electronic document is this size
    "le": {"tren": 20, "duoi": 20, "trai": 30, "phai": 15},
    "cach_viet_chi_tieu": {
        "ty_le": "{{ tu_so }}/{{ mau_so }} {{ don_vi }}, đạt tỷ lệ {{ ty_le }}",
        "gia_tri": "{{ gia_tri }} {{ don_vi }}",
    },
    "dang_tieu_de": {
        "muc": {"dam": True, "in_hoa": True},
        "khoan_1": {"dam": True},
        "khoan_2": {"dam": True},
        "khoan_3": {"dam": True, "nghieng": True},
        "diem": {"nghieng": True},
        "liet_ke": {"dam": True, "nghieng": True},
    },
}

TYPE_TITLES = {"bao_cao": "BÁO CÁO", "to_trinh": "TỜ TRÌNH", "ke_hoach": "KẾ HOẠCH", "thong_bao": "THÔNG BÁO",
               "cong_van": ""}
TYPE_NAMES = {"bao_cao": "Báo cáo", "to_trinh": "Tờ trình", "ke_hoach": "Kế hoạch", "thong_bao": "Thông báo",
              "cong_van": "Công văn"}


TEMPLATE_NAME = re.compile(r"^[^./\\:][^/\\:]*$")


def is_inside(path: Path, folder: Path) -> bool:
    """Whether `path`, once every symlink is followed, lies inside `folder` (also followed).
    `path` is followed every time; `folder` (a templates folder, asked about for every file
    of every report) once per process: after a move of the folder, nothing outside the place
    it first led to is accepted."""
    real = os.path.normcase(os.path.realpath(path))
    base = _real_folder(os.fspath(folder))
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


@functools.lru_cache(maxsize=64)
def _real_folder(folder: str) -> str:
    return os.path.normcase(os.path.realpath(folder))


def _check_template_name(name: str, where: Location) -> None:
    """`mau` names a folder directly under templates/: no separators, no `..`, not a path."""
    if not isinstance(name, str) or not TEMPLATE_NAME.match(name) or ".." in name:
        raise ReportError(Diagnostic(where, f'mau "{name}": phải là tên một mẫu (một thư mục ngay trong '
                                            f'templates/, ví dụ de-an-06-bao-cao), không phải đường dẫn', ("mau",)))


def _outside_message(path: Path, root: Path) -> str:
    return (f'tệp mẫu {display_path(path)} trỏ ra ngoài thư mục mẫu {display_path(root)} '
            f'(liên kết tượng trưng); mẫu chỉ được dùng tệp bên trong templates/')


def project_templates_root(start: Path) -> Path | None:
    """The nearest templates/ folder above the report (or the working folder): the project's own."""
    for folder in [start.resolve(), *start.resolve().parents, Path.cwd()]:
        candidate = folder / "templates"
        if candidate.is_dir():
            return candidate
    return None


def builtin_templates_root() -> Path | None:
    """The templates shipped with reportgen: package data of an installed wheel
    (reportgen/mau_co_san), or the repository's templates/ in a source checkout or editable install."""
    package = Path(__file__).resolve().parents[1]
    if (package / BUILTIN_FOLDER).is_dir():
        return package / BUILTIN_FOLDER
    checkout = package.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "templates").is_dir():
        return checkout / "templates"
    return None


def template_roots(start: Path) -> list[Path]:
    """Where templates are looked up, in order: the project's templates/, then the built-in ones."""
    roots: list[Path] = []
    for root in (project_templates_root(start), builtin_templates_root()):
        if root is not None and all(os.path.realpath(root) != os.path.realpath(r) for r in roots):
            roots.append(root)
    return roots


def find_templates_root(start: Path) -> Path | None:
    """The first place templates are looked up: the project's templates/, else the built-in ones."""
    roots = template_roots(start)
    return roots[0] if roots else None


def template_names(roots: list[Path]) -> list[str]:
    """Every template name available from these roots (a project's own and the built-in ones)."""
    return sorted({p.name for root in roots for p in root.iterdir()
                   if p.is_dir() and not p.name.startswith((".", "_"))})


def _merge_settings(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge_settings(merged[key], value)
        else:
            merged[key] = value
    return merged


@record
class TableKind:
    name: str
    data: dict
    file: str


@record
class Template:
    name: str
    folder: Path
    root: Path
    settings: dict
    settings_file: str
    shared_roots: list = field(default_factory=list)  # roots whose _chung/ this template may use, in order
    _table_kinds: dict = field(default_factory=dict)

    @property
    def shared_folders(self) -> list[Path]:
        return [r / SHARED for r in self.shared_roots] or [self.root / SHARED]

    def text_path(self, name: str) -> Path | None:
        for folder in (self.folder, *self.shared_folders):
            path = folder / name
            if path.is_file():
                if not is_inside(path, folder):
                    raise ReportError(Diagnostic(Location(display_path(path)), _outside_message(path, self.root)))
                return path
        return None

    def search_path(self) -> list[str]:
        return [str(self.folder), *(str(f) for f in self.shared_folders)]

    @property
    def styles_path(self) -> Path:
        return self.text_path(STYLES_FILE) or (self.root / SHARED / STYLES_FILE)

    def available_table_kinds(self) -> list[str]:
        names = set()
        for folder in (self.folder / "bang", *(f / "bang" for f in self.shared_folders)):
            if folder.is_dir():
                names.update(p.stem for p in folder.glob("*.yaml"))
        return sorted(names)

    def table_kind(self, name: str, where: Location) -> TableKind:
        if name in self._table_kinds:
            return self._table_kinds[name]
        path = self.text_path(f"bang/{name}.yaml")
        if path is None:
            known = self.available_table_kinds()
            raise ReportError(Diagnostic(where, f'mẫu "{self.name}" không có loại bảng "{name}"'
                                                f'{suggestion(name, known)}; có: {", ".join(known) or "(không có)"}'))
        loaded = load_plain(path)
        diags = Diagnostics()
        check_mapping(loaded.data, S.TABLE_KIND, (), loaded, diags)
        diags.raise_if_errors()
        kind = TableKind(name, loaded.data, display_path(path))
        self._table_kinds[name] = kind
        return kind


def load_template(name: str, report_file: Path, where: Location) -> Template:
    _check_template_name(name, where)
    roots = template_roots(report_file.parent)
    if not roots:
        raise ReportError(Diagnostic(where, "không tìm thấy mẫu nào: không có thư mục templates/ và bản cài reportgen "
                                            "thiếu mẫu có sẵn; hãy cài lại từ tệp wheel: py -m pip install --force-reinstall <tệp .whl>"))
    root = next((r for r in roots if (r / name).is_dir()), roots[0])
    folder = root / name
    if not folder.is_dir() or name.startswith((".", "_")):
        known = template_names(roots)
        raise ReportError(Diagnostic(where, f'không có mẫu "{name}"{suggestion(name, known)}; '
                                            f'các mẫu hiện có: {", ".join(known) or "(không có)"} '
                                            f'(xem: reportgen templates)'))
    shared_roots = [r for r in roots if (r / SHARED).is_dir()]
    for inside, base in [(folder, root), *((r / SHARED, r) for r in shared_roots)]:
        if inside.exists() and not is_inside(inside, base):
            raise ReportError(Diagnostic(where, _outside_message(inside, base)))
    settings = dict(DEFAULT_SETTINGS)
    settings_path = folder / SETTINGS_FILE
    if settings_path.is_file() and not is_inside(settings_path, folder):
        raise ReportError(Diagnostic(Location(display_path(settings_path)), _outside_message(settings_path, root)))
    settings_file = display_path(settings_path)
    if settings_path.is_file():
        loaded = load_plain(settings_path)
        diags = Diagnostics()
        check_mapping(loaded.data, S.TEMPLATE, (), loaded, diags)
        diags.raise_if_errors()
        settings = _merge_settings(settings, loaded.data)
    return Template(name, folder, root, settings, settings_file, shared_roots)
