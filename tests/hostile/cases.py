"""The corpus, by family: each case one fault in a copy of an example project."""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

from hostile.corpus import (
    AGENCY,
    ROOT,
    MODELS,
    SIX,
    SIX_FIGURES,
    SIX_TABLE,
    TEMPLATE,
    YEAR,
    Case,
    append,
    replace_line,
    replace_text,
    set_key,
    set_text_expression,
    write_template,
)

REPORTS = (SIX, MODELS, YEAR)
SHORT = {SIX: "6thang", MODELS: "mo-hinh", YEAR: "nam"}


def _build(report: str) -> list:
    return ["build", report]


# --- syntax -------------------------------------------------------------------------------------
def syntax_cases() -> list[Case]:
    faults = {
        "tab-indent": lambda p, f: replace_text(p, f, "\nky_hieu:", "\n\tky_hieu:"),
        "unclosed-quote": lambda p, f: replace_line(p, f, "ky_hieu:", 'ky_hieu: "BC-UBND'),
        "unclosed-bracket": lambda p, f: replace_line(p, f, "ky_hieu:", "ky_hieu: [BC-UBND"),
        "unclosed-brace": lambda p, f: replace_line(p, f, "ky_hieu:", "ky_hieu: {a: 1"),
        "colon-in-value": lambda p, f: replace_line(p, f, "ky_hieu:", "ky_hieu: a: b"),
        "duplicate-key": lambda p, f: replace_line(p, f, "ky_hieu:", "mau: de-an-06-bao-cao"),
        "bad-escape": lambda p, f: replace_line(p, f, "ky_hieu:", 'ky_hieu: "BC\\qUBND"'),
        "undefined-alias": lambda p, f: replace_line(p, f, "ky_hieu:", "ky_hieu: *khong_co"),
        "bad-indent": lambda p, f: replace_line(p, f, "ky_hieu:", "   ky_hieu: BC-UBND"),
        "impossible-date": lambda p, f: replace_line(p, f, "ngay:", "ngay: 2024-02-30"),
        "unknown-key": lambda p, f: replace_line(p, f, "ky_hieu:", "ky_hieuu: BC-UBND"),
    }
    cases = []
    for name, fault in faults.items():
        for report in REPORTS:
            if name == "impossible-date" and report == YEAR:
                continue  # the yearly report's date is {thang, nam}
            cases.append(Case(f"syntax-{name}-{SHORT[report]}", lambda p, f=fault, r=report: f(p, r),
                              _build(report), expect="lỗi", where_exact=name not in {"unclosed-quote", "tab-indent"}))
    whole_file = {
        "empty-file": "",
        "a-list": "- a\n- b\n",
        "a-scalar": "chỉ một dòng chữ\n",
        "only-comments": "# không có gì\n",
        "nul-byte": "mau: de-an-06-bao-cao\nso: 1\x00\n",
    }
    for name, text in whole_file.items():
        def setup(p, text=text):
            (p / SIX).write_text(text, encoding="utf-8")
            return f"{SIX}:" if name != "empty-file" else None
        cases.append(Case(f"syntax-{name}", setup, _build(SIX), expect="lỗi", where_exact=False))
    return cases


# --- types --------------------------------------------------------------------------------------
TYPE_FAULTS = {
    "so": ["{a: 1}", "[1, 2]", ".nan", ".inf", "1e300", "-5", "0", "abc", "99999999999999999999999", '"1\\x01"'],
    "ky_hieu": ["{a: 1}", "[a, b]", '"BC\\x01UBND"', "123"],
    "ngay": ["{a: 1}", "[1, 2]", "abc", ".nan", "2024-13-01", "{thang: 13, nam: 2024}", "{thang: 2, nam: 2024, ngay: 30}"],
    "ky": ["{a: 1}", "[a]", "khong-co-ky", "quy-9-2024", "thang-13-2024", ".inf"],
    "kinh_gui": ["{a: 1}", '"Cục\\x07Cảnh sát"', "[{a: 1}]"],
    "mau": ["{a: 1}", "[a]", "123", "khong-co-mau"],
    "van_ban_yeu_cau": ["abc", "[a, b]", "{loai: [x]}", "{ngay: abc}"],
    "chu_ky": ["Nguyễn Văn A", "[a, b]", "{ho_ten: {a: 1}}", "{tham_quyen: 5}"],
    "noi_dung": ["abc", "{a: 1}", "[{muc: {a: 1}}]", "[{khong_co: x}]", "[[1, 2]]", "[{muc: x, noi_dung: abc}]"],
    "noi_nhan": ["{a: 1}", "[{a: 1}]", "[[a, b]]"],
    "luu": ["{a: 1}", "[a, b]", '"VT\\x1b, KSTT"'],
}


def _reports_with(key: str) -> list[str]:
    return [r for r in REPORTS if f"\n{key}:" in (ROOT / r).read_text(encoding="utf-8")]


def type_cases() -> list[Case]:
    cases = []
    for key, values in TYPE_FAULTS.items():
        having = _reports_with(key)
        for index, value in enumerate(values):
            report = having[index % len(having)]
            cases.append(Case(f"type-{key}-{index}", lambda p, k=key, v=value, r=report: set_key(p, r, k, v),
                              _build(report), expect="lỗi"))
    figure_faults = {
        "gia_tri-nan": ("    gia_tri: 7", "    gia_tri: .nan"),
        "gia_tri-inf": ("    gia_tri: 7", "    gia_tri: -.inf"),
        "gia_tri-1e300": ("    gia_tri: 7", "    gia_tri: 1e300"),
        "gia_tri-text": ("    gia_tri: 7", "    gia_tri: bảy"),
        "gia_tri-map": ("    gia_tri: 7", "    gia_tri: {a: 1}"),
        "gia_tri-list": ("    gia_tri: 7", "    gia_tri: [7]"),
        "tu_so-nan": ("    tu_so: 18", "    tu_so: .nan"),
        "tu_so-huge": ("    tu_so: 18", "    tu_so: 1" + "0" * 40),
        "mau_so-zero": ("    mau_so: 18", "    mau_so: 0"),
        "tu_so-above": ("    tu_so: 18", "    tu_so: 19"),
        "ty_le_ghi-wrong": ("    ty_le_ghi: 100", "    ty_le_ghi: 90"),
        "ty_le_ghi-map": ("    ty_le_ghi: 100", "    ty_le_ghi: {a: 1}"),
        "id-map": ("  - id: don_vi_bieu_mau_dien_tu", "  - id: {a: 1}"),
        "don_vi-list": ("    don_vi: đơn vị", "    don_vi: [a, b]"),
        "control-char": ("    don_vi: đơn vị", '    don_vi: "đơn\\x02vị"'),
    }
    for name, (old, new) in figure_faults.items():
        cases.append(Case(f"figure-{name}", lambda p, o=old, n=new: replace_text(p, SIX_FIGURES, o, n),
                          _build(SIX), expect="lỗi", where_exact=name not in {"tu_so-above", "ty_le_ghi-wrong"}))
    cases.append(Case("figure-chi_tieu-text", lambda p: set_key(p, SIX_FIGURES, "chi_tieu", "abc"), _build(SIX),
                      expect="lỗi", where_exact=False))
    cases.append(Case("table-phu_luc-text", lambda p: set_key(p, SIX_TABLE, "phu_luc", "abc"), _build(SIX),
                      expect="lỗi", where_exact=False))
    cases.append(Case("table-loai-map", lambda p: replace_text(p, SIX_TABLE, "      loai: nhiem_vu", "      loai: {a: 1}"),
                      _build(SIX), expect="lỗi"))
    cases.append(Case("deep-nesting", lambda p: set_key(p, SIX, "ky_so_sanh", "[" * 60 + "]" * 60), _build(SIX),
                      expect="lồng nhau quá 40 cấp"))
    return cases


# --- references ---------------------------------------------------------------------------------
def reference_cases() -> list[Case]:
    texts = {
        "undefined-indicator": ("{{ ct.khong_co }}", "khong_co"),
        "undefined-appendix": ("{{ phu_luc('khong-co') }}", "khong-co"),
        "undefined-table": ("{{ dem('khong-co') }}", "lỗi"),
        "undefined-name": ("{{ khong_co_ten }}", 'tên "khong_co_ten"'),
        "undefined-attribute": ("{{ bao_cao.khong_co }}", "khong_co"),
        "unknown-filter": ("{{ 1 | khong_co_loc }}", "lỗi"),
        "jinja-syntax": ("{{ 1 + }}", "lỗi cú pháp"),
        "jinja-unclosed": ("{% if true %}x", "lỗi"),
        "division-by-zero": ("{{ 1 / 0 }}", "chia cho 0"),
        "bad-filter-argument": ("{{ 'x' | tien }}", "lỗi"),
        "type-mismatch": ("{{ 1 + 'a' }}", "lỗi"),
        "huge-int-print": ("{{ 10 ** 5000 }}", "lỗi"),
    }
    cases = [Case(f"ref-{name}", lambda p, e=expr: set_text_expression(p, e), _build(SIX), expect=expect)
             for name, (expr, expect) in texts.items()]
    cases += [
        Case("ref-unknown-template", lambda p: set_key(p, SIX, "mau", "de-an-06-bao-caoo"), _build(SIX),
             expect='không có mẫu "de-an-06-bao-caoo".*de-an-06-bao-cao'),
        Case("ref-unknown-table-kind", lambda p: replace_text(p, SIX_TABLE, "loai: nhiem_vu", "loai: nhiem_vuu"),
             _build(SIX), expect='loại bảng "nhiem_vuu"'),
        Case("ref-duplicate-indicator", lambda p: replace_text(p, SIX_FIGURES, "  - id: truong_thong_tin_cong_dan",
                                                               "  - id: don_vi_bieu_mau_dien_tu"),
             _build(SIX), expect="hai lần"),
        Case("ref-unknown-status", lambda p: replace_text(p, SIX_TABLE, "trang_thai: hoan_thanh",
                                                          "trang_thai: khong_co"),
             _build(SIX), expect="lỗi", where_exact=False),
    ]
    return cases


# --- includes and containment --------------------------------------------------------------------
def _include(p: Path, entry: str, report: str = SIX) -> str:
    return replace_text(p, report, "  - chung/ubnd-binh-dinh.yaml", f"  - {entry}")


def _link(p: Path, name: str, target: str) -> None:
    path = p / name
    if path.exists() or path.is_symlink():
        path.unlink()
    path.symlink_to(target)


def containment_cases() -> list[Case]:
    outside = "/etc/hostname"
    cases = [
        Case("incl-parent-escape", lambda p: _include(p, "../../x.yaml"), expect="ra ngoài thư mục dự án"),
        Case("incl-absolute", lambda p: _include(p, "/etc/passwd"), expect="đường dẫn tương đối"),
        Case("incl-windows-absolute", lambda p: _include(p, "C:/Windows/win.ini"), expect="đường dẫn tương đối"),
        Case("incl-symlink-out", lambda p: (_link(p, "inputs/chung/ngoai.yaml", outside),
                                            _include(p, "chung/ngoai.yaml"))[1], expect="ra ngoài thư mục dự án"),
        Case("incl-folder", lambda p: _include(p, "chung"), expect="là một thư mục"),
        Case("incl-missing", lambda p: _include(p, "chung/khong-co.yaml"), expect="không tìm thấy tệp được bao gồm"),
        Case("incl-empty-entry", lambda p: _include(p, '""'), expect="bao_gom"),
        Case("incl-map-entry", lambda p: _include(p, "{a: 1}"), expect="bao_gom"),
        Case("incl-self", lambda p: _include(p, "../inputs/binh-dinh-2024-6thang.yaml"), expect="vòng lặp",
             where_exact=False),
        Case("incl-a-list-file", lambda p: ((p / "inputs/chung/ds.yaml").write_text("- a\n", encoding="utf-8"),
                                            _include(p, "chung/ds.yaml"))[1],
             expect="mapping", where_exact=False),
        Case("incl-binary", lambda p: ((p / "inputs/chung/bin.yaml").write_bytes(os.urandom(64) + b"\xff\xfe\x00"),
                                       _include(p, "chung/bin.yaml"))[1], expect="lỗi", where_exact=False),
        Case("incl-dotdot-inside", lambda p: _include(p, "../inputs/chung/ubnd-binh-dinh.yaml"), code=0, writes=True),
        Case("mau-absolute", lambda p: set_key(p, SIX, "mau", "/etc"), expect="không phải đường dẫn"),
        Case("mau-dotdot", lambda p: set_key(p, SIX, "mau", "de-an-06-bao-cao/../../inputs"),
             expect="không phải đường dẫn"),
        Case("mau-parent", lambda p: set_key(p, SIX, "mau", '".."'), expect="không phải đường dẫn"),
        Case("mau-dot", lambda p: set_key(p, SIX, "mau", '"."'), expect="không phải đường dẫn"),
        Case("mau-subfolder", lambda p: set_key(p, SIX, "mau", "de-an-06-bao-cao/bang"),
             expect="không phải đường dẫn"),
        Case("mau-backslash", lambda p: set_key(p, SIX, "mau", '"..\\\\inputs"'), expect="không phải đường dẫn"),
        Case("mau-shared", lambda p: set_key(p, SIX, "mau", "_chung"), expect='không có mẫu "_chung"'),
        Case("tpl-include-passwd", lambda p: (set_key(p, SIX, "mau", "de-an-06-bao-cao"),
                                              write_template(p, "ket_thuc.j2", "{% include 'passwd' %}"))[1] + "1:",
             expect="không tìm thấy tệp mẫu"),
        Case("tpl-include-parent", lambda p: write_template(p, "ket_thuc.j2",
                                                            "{% include '../../inputs/chung/ubnd-binh-dinh.yaml' %}")
             + "1:", expect="không tìm thấy tệp mẫu"),
        Case("tpl-include-absolute", lambda p: write_template(p, "ket_thuc.j2", "{% include '/etc/passwd' %}") + "1:",
             expect="không tìm thấy tệp mẫu"),
        Case("tpl-import-symlink-out", lambda p: (_link(p, "templates/_chung/ngoai.j2", "/etc/passwd"),
                                                  write_template(p, "ket_thuc.j2",
                                                                 "{% import 'ngoai.j2' as x %}x"))[1] + "1:",
             expect="trỏ ra ngoài thư mục mẫu"),
        Case("tpl-file-symlink-out", lambda p: _link(p, f"{TEMPLATE}/ket_thuc.j2", "/etc/passwd"),
             expect="ra ngoài thư mục mẫu"),
        Case("tpl-settings-symlink-out", lambda p: _link(p, f"{TEMPLATE}/mau.yaml", "/etc/hostname"),
             expect="ra ngoài thư mục mẫu"),
        Case("tpl-styles-symlink-out", lambda p: _link(p, "templates/_chung/styles.docx", "/etc/hostname"),
             expect="ra ngoài thư mục mẫu"),
        Case("tpl-table-kind-symlink-out", lambda p: _link(p, "templates/_chung/bang/nhiem_vu.yaml", "/etc/hostname"),
             expect="ra ngoài thư mục mẫu"),
    ]
    cases.append(Case("tpl-folder-symlink-out", lambda p: (_link(p, "templates/ngoai", "/etc"),
                                                           set_key(p, SIX, "mau", "ngoai"))[1],
                      expect="ra ngoài thư mục mẫu"))
    cases.append(Case("tpl-jinja-syntax", lambda p: write_template(p, "ket_thuc.j2", "dòng 1\n{% if %}\n") + "2:",
                      expect="lỗi cú pháp Jinja"))
    cases.append(Case("tpl-undefined", lambda p: write_template(p, "ket_thuc.j2", "a\nb\n{{ khong_co }}\n") + "3:",
                      expect='"khong_co" không được định nghĩa'))
    cases.append(Case("tpl-settings-bad", lambda p: write_template(p, "mau.yaml", "co_chu_than: [1]\n"),
                      expect="lỗi", where_exact=False))
    return cases


# --- hostile texts and templates (in-process: the sandbox's refusals) ----------------------------------
HOSTILE = {
    "mutate-dict": ("{{ bao_cao.clear() }}", 'không được dùng "clear"'),
    "mutate-pop": ("{% set x = bao_cao.pop('so') %}x", 'không được dùng "pop"'),
    "mutate-update": ("{{ bao_cao.update({}) }}", 'không được dùng "update"'),
    "mutate-list": ("{{ bao_cao.kinh_gui.append(1) }}", 'không được dùng "append"'),
    "dunder-class": ("{{ ''.__class__.__mro__ }}", "lỗi"),
    "dunder-globals": ("{{ cycler.__init__.__globals__ }}", "lỗi"),
    "format-attribute": ("{{ '{0.__class__}'.format(1) }}", "an toàn"),
    "mro-subclasses": ("{{ ().__class__.__base__.__subclasses__() }}", "lỗi"),
    "repeat-string": ("{{ 'a' * 10**9 }}", 'phép lặp "\\*"'),
    "repeat-list": ("{{ [1, 2] * 10**9 }}", 'phép lặp "\\*"'),
    "printf-width": ("{{ '%0999999999d' % 1 }}", "độ rộng 999.999.999"),
    "printf-star": ("{{ '%*d' % (10**9, 1) }}", "độ rộng"),
    "printf-filter": ("{{ '%0999999999d' | format(1) }}", "độ rộng"),
    "format-width": ("{{ '{:>999999999}'.format(1) }}", "độ rộng"),
    "format-nested-width": ("{{ '{0:{1}}'.format(1, 1000000000) }}", "độ rộng"),
    "center-filter": ("{{ 'x' | center(10**9) }}", 'bộ lọc "center"'),
    "center-method": ("{{ 'x'.center(10**9) }}", "center"),
    "ljust-method": ("{{ 'x'.ljust(10**9) }}", "ljust"),
    "zfill-method": ("{{ 'x'.zfill(10**9) }}", "zfill"),
    "indent-filter": ("{{ 'a\nb' | indent(10**9) }}", 'bộ lọc "indent"'),
    "wordwrap-filter": ("{{ 'a b' | wordwrap(10**9) }}", 'bộ lọc "wordwrap"'),
    "power": ("{{ 10 ** (10 ** 9) }}", 'lũy thừa "\\*\\*"'),
    "big-multiply": ("{% set n = 10 ** 4000 %}{{ (n * n) | length }}", "số quá lớn"),
    "range-size": ("{{ range(10**6) | list | length }}", "range\\(\\)"),
    "nested-range": ("{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
                     "vòng lặp chạy quá"),
    "macro-exponential": ("{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(40) }}",
                          "lần gọi"),
    "macro-infinite": ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "đệ quy"),
    "namespace-doubling": ("{% set ns = namespace(s='ab') %}{% for i in range(40) %}"
                           "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}", "giới hạn"),
    "concat-doubling": ("{% macro d(s, n) %}{{ d(s ~ s, n - 1) if n else s | length }}{% endmacro %}{{ d('ab', 40) }}",
                        "giới hạn"),
    "join-bomb": ("{{ (['x' * 50000] * 50000) | join }}", "giới hạn"),
    "replace-bomb": ("{{ ('a' * 50000).replace('', 'b' * 50000) }}", "replace"),
    "lipsum": ("{{ lipsum(10**9) }}", '"lipsum" không được định nghĩa'),
    "slice-filter": ("{{ [1] | slice(10**9) | list }}", 'bộ lọc "slice"'),
    "batch-fill": ("{{ [1] | batch(10**9, 'x') | list }}", 'bộ lọc "batch"'),
    "tojson-indent": ("{{ [1, 2] | tojson(indent=10**9) }}", 'bộ lọc "tojson"'),
    "output-loop": ("{% for i in range(10000) %}{{ 'x' * 90000 }}{% endfor %}", "giới hạn|quá"),
    "expandtabs": ("{{ ('\t' * 1000).expandtabs(10**6) }}", "expandtabs"),
}


def _wording(p: Path, expression: str) -> str:
    """The template's indicator wording (mau.yaml cach_viet_chi_tieu), rendered inside every ct.X."""
    quoted = expression.replace("\\", "\\\\").replace('"', '\\"')
    append(p, f"{TEMPLATE}/mau.yaml", f'cach_viet_chi_tieu:\n  ty_le: "{quoted}"\n  gia_tri: "{quoted}"\n')
    return f"{SIX}:"


def hostile_cases() -> list[Case]:
    cases = [Case(f"hostile-text-{name}", lambda p, e=expr: set_text_expression(p, e), _build(SIX), expect=expect)
             for name, (expr, expect) in HOSTILE.items()]
    for name in ("repeat-string", "nested-range", "dunder-class", "macro-infinite"):
        expr, expect = HOSTILE[name]
        cases.append(Case(f"hostile-wording-{name}", lambda p, e=expr: _wording(p, e), _build(SIX), expect=expect,
                          where_exact=False))
    for name in ("repeat-string", "macro-exponential", "nested-range", "mutate-dict", "format-width"):
        expr, expect = HOSTILE[name]
        cases.append(Case(f"hostile-template-{name}",
                          lambda p, e=expr: write_template(p, "ket_thuc.j2", "Dòng đầu.\n" + e + "\n") + "2:",
                          _build(SIX), expect=expect))
    return cases


# --- output paths -------------------------------------------------------------------------------
def _foreign_docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as docx:
        docx.writestr("[Content_Types].xml", "<Types/>")
        docx.writestr("docProps/core.xml", "<cp:coreProperties><dc:creator>Word</dc:creator></cp:coreProperties>")
        docx.writestr("word/document.xml", "<w:document/>")


def _prepare(action):
    def setup(p: Path):
        action(p)
        return None
    return setup


def output_cases() -> list[Case]:
    refuse_input = "tệp đầu vào mà lệnh này đọc"
    zone = "không ghi vào thư mục"
    suffix = "phải có đuôi .docx"
    not_ours = "không phải .* do reportgen tạo ra"
    nothing = lambda p: None  # noqa: E731
    cases = [
        Case("out-onto-report", nothing, ["build", SIX, "-o", SIX], expect=suffix),
        Case("out-onto-include", nothing, ["build", SIX, "-o", AGENCY], expect=suffix),
        Case("out-onto-other-report", nothing, ["build", SIX, "-o", YEAR], expect=suffix),
        Case("out-onto-styles", nothing, ["build", SIX, "-o", "templates/_chung/styles.docx"], expect=refuse_input),
        Case("out-onto-styles-dotdot", nothing, ["build", SIX, "-o", "inputs/../templates/_chung/styles.docx"],
             expect=refuse_input),
        Case("out-into-templates", nothing, ["build", SIX, "-o", "templates/moi.docx"], expect=zone),
        Case("out-into-inputs", nothing, ["build", SIX, "-o", "inputs/moi.docx"], expect=zone),
        Case("out-into-inputs-subfolder", nothing, ["build", SIX, "-o", "inputs/chung/moi.docx"], expect=zone),
        Case("out-docx-named-like-report-link", _prepare(lambda p: (p / "outputs/lien-ket.docx").symlink_to(p / SIX)),
             ["build", SIX, "-o", "outputs/lien-ket.docx"], expect=refuse_input),
        Case("out-hardlink-to-styles", _prepare(lambda p: os.link(p / "templates/_chung/styles.docx",
                                                                  p / "outputs/cung.docx")),
             ["build", SIX, "-o", "outputs/cung.docx"], expect=refuse_input),
        Case("out-symlinked-folder-into-inputs", _prepare(lambda p: (p / "outputs/vao").symlink_to(p / "inputs")),
             ["build", SIX, "-o", "outputs/vao/moi.docx"], expect=zone),
        Case("out-wrong-suffix", nothing, ["build", SIX, "-o", "outputs/bao-cao.yaml"], expect=suffix),
        Case("out-no-suffix", nothing, ["build", SIX, "-o", "outputs/bao-cao"], expect=suffix),
        Case("out-is-folder", _prepare(lambda p: (p / "outputs/thu-muc.docx").mkdir()),
             ["build", SIX, "-o", "outputs/thu-muc.docx"], code=2, expect="Lỗi: .*là một thư mục"),
        Case("out-under-a-file", nothing, ["build", SIX, "-o", "outputs/binh-dinh-2024-6thang.docx/x.docx"],
             expect="là một tệp"),
        Case("out-foreign-docx", _prepare(lambda p: _foreign_docx(p / "outputs/cua-ai-do.docx")),
             ["build", SIX, "-o", "outputs/cua-ai-do.docx"], expect=not_ours),
        Case("out-text-named-docx", _prepare(lambda p: (p / "outputs/ghi-chu.docx").write_text("ghi chú")),
             ["build", SIX, "-o", "outputs/ghi-chu.docx"], expect=not_ours),
        Case("out-foreign-txt", _prepare(lambda p: (p / "outputs/ban-nhap.txt").write_text("ghi chú của tôi")),
             ["build", SIX, "-o", "outputs/ban-nhap.docx", "--text"], expect=not_ours),
        Case("out-edited-txt", _prepare(lambda p: (p / "outputs/binh-dinh-2024-6thang.txt").write_text("đã sửa")),
             ["build", SIX, "--text"], expect=not_ours),
        Case("out-foreign-pdf", _prepare(lambda p: (p / "outputs/binh-dinh-2024-6thang.pdf").write_bytes(b"%PDF-1.4")),
             ["build", SIX, "--pdf"], expect=not_ours),
        Case("out-rebuild-ours", nothing, ["build", SIX, "--text"], code=0, writes=True),
        Case("out-fresh-file", nothing, ["build", SIX, "-o", "outputs/moi/bao-cao.docx", "--text"], code=0, writes=True),
        Case("out-dir-option", _prepare(lambda p: (p / "outputs/thu-muc").mkdir()),
             ["build", SIX, "-o", "outputs/thu-muc"], code=2, expect="Lỗi: .*thư mục"),
        Case("out-o-with-folder", nothing, ["build", "inputs", "-o", "outputs/a.docx"], code=2,
             expect="Lỗi: -o chỉ dùng"),
        Case("schema-onto-report", nothing, ["schema", "-o", SIX], expect="phải có đuôi .json"),
        Case("schema-into-inputs", nothing, ["schema", "-o", "inputs/s.json"], expect=zone),
        Case("schema-onto-foreign-json", _prepare(lambda p: (p / "outputs/cau-hinh.json").write_text('{"a": 1}')),
             ["schema", "-o", "outputs/cau-hinh.json"], expect=not_ours),
        Case("schema-under-a-file", nothing, ["schema", "-o", f"{SIX}/s.json"], expect="là một tệp"),
        Case("schema-fresh", nothing, ["schema", "-o", "outputs/s.json"], code=0, writes=True),
    ]
    return cases


# --- the machine: disk full, read-only, permissions (simulated: tests may run as root) --------------
MACHINE = {
    "disk-full": (errno.ENOSPC, "ổ đĩa đã đầy"),
    "read-only-fs": (errno.EROFS, "chỉ đọc"),
    "no-permission": (errno.EACCES, "không có quyền"),
    "quota": (errno.EDQUOT, "hạn mức"),
    "io-error": (errno.EIO, "lỗi đọc/ghi"),
}


def machine_cases() -> list[tuple[str, int, str, list]]:
    """(id, errno, expected message, command): the write fails with that errno."""
    cases = []
    for name, (code, message) in MACHINE.items():
        cases.append((f"machine-build-{name}", code, message, ["build", SIX, "--text"]))
        cases.append((f"machine-schema-{name}", code, message, ["schema", "-o", "outputs/s.json"]))
    cases.append(("machine-batch-disk-full", errno.ENOSPC, "ổ đĩa đã đầy", ["build", "-j", "1", "inputs"]))
    return cases


# --- encodings ----------------------------------------------------------------------------------
def encoding_cases() -> list[Case]:
    def rewrite(p: Path, data: bytes, file: str = SIX):
        (p / file).write_bytes(data)
        return None

    def original(p: Path, file: str = SIX) -> str:
        return (p / file).read_text(encoding="utf-8")

    return [
        Case("enc-binary-garbage", lambda p: rewrite(p, os.urandom(4096)), expect="lỗi"),
        Case("enc-nul-bytes", lambda p: rewrite(p, b"mau: x\n\x00\x00\x00"), expect="lỗi"),
        Case("enc-zip-named-yaml", lambda p: rewrite(p, (p / "templates/_chung/styles.docx").read_bytes()),
             expect="lỗi"),
        Case("enc-lone-surrogate", lambda p: replace_line(p, SIX, "ky_hieu:", 'ky_hieu: "BC\\ud800"'), expect="lỗi"),
        Case("enc-escape-nul", lambda p: replace_line(p, SIX, "ky_hieu:", 'ky_hieu: "BC\\0UBND"'), expect="lỗi"),
        Case("enc-utf8-bom-ok", lambda p: rewrite(p, b"\xef\xbb\xbf" + original(p).encode("utf-8")), code=0,
             writes=True),
        Case("enc-crlf-ok", lambda p: rewrite(p, original(p).replace("\n", "\r\n").encode("utf-8")), code=0,
             writes=True),
        Case("enc-include-binary", lambda p: rewrite(p, os.urandom(2048), AGENCY), expect="lỗi"),
        Case("enc-include-truncated-utf8", lambda p: rewrite(p, original(p, AGENCY).encode("utf-8")[:-1] + b"\xe1",
                                                             AGENCY), expect="lỗi: tệp không được lưu bằng mã UTF-8"),
    ]


# --- every command ------------------------------------------------------------------------------
def command_cases() -> list[Case]:
    nothing = lambda p: None  # noqa: E731
    return [
        Case("validate-nan", lambda p: set_key(p, SIX, "so", ".nan"), ["validate", SIX], expect="lỗi"),
        Case("validate-mau-path", lambda p: set_key(p, SIX, "mau", "/etc"), ["validate", SIX],
             expect="không phải đường dẫn"),
        Case("validate-include-out", lambda p: _include(p, "../../x.yaml"), ["validate", SIX],
             expect="ra ngoài thư mục dự án"),
        Case("validate-chu_ky-text", lambda p: set_key(p, SIX, "chu_ky", "Nguyễn Văn A"), ["validate", SIX],
             expect="lỗi"),
        Case("validate-hostile", lambda p: set_text_expression(p, "{{ 'a' * 10**9 }}"), ["validate", SIX],
             expect="phép lặp"),
        Case("validate-folder-with-subfolder", lambda p: ((p / "inputs/thu-muc.yaml").mkdir(), None)[1],
             ["validate", "inputs"], code=0),
        Case("validate-dangling-link", lambda p: ((p / "inputs/hong.yaml").symlink_to(p / "khong-co.yaml"), None)[1],
             ["validate", "inputs"], expect="inputs/hong.yaml: lỗi: liên kết trỏ tới tệp không tồn tại"),
        Case("build-folder-with-subfolder", lambda p: ((p / "inputs/thu-muc.yaml").mkdir(), None)[1],
             ["build", "-j", "1", "inputs"], code=0, writes=True),
        Case("build-dangling-link", lambda p: ((p / "inputs/hong.yaml").symlink_to(p / "khong-co.yaml"), None)[1],
             ["build", "-j", "1", "inputs"], expect="inputs/hong.yaml: lỗi: liên kết trỏ tới tệp không tồn tại",
             writes=True),
        Case("build-no-reports", lambda p: None, ["build", "templates/_chung/bang"], code=2,
             expect="Lỗi: không tìm thấy tệp báo cáo"),
        Case("diff-nan", lambda p: replace_text(p, SIX_FIGURES, "    gia_tri: 7", "    gia_tri: .nan"),
             ["diff", SIX, YEAR], expect="lỗi"),
        Case("diff-chi_tieu-text", lambda p: set_key(p, SIX_FIGURES, "chi_tieu", "abc"), ["diff", SIX, YEAR],
             expect="lỗi", where_exact=False),
        Case("diff-same-file", nothing, ["diff", SIX, SIX], code=0),
        Case("new-chi_tieu-text", lambda p: set_key(p, SIX_FIGURES, "chi_tieu", "abc"),
             ["new", "--from", SIX, "--ky", "nam-2024", "-o", "inputs/moi.yaml"], code=0, writes=True,
             creates_inputs=True,
             expect="lỗi \\[chi_tieu\\]: cần một danh sách", where_exact=False),
        Case("new-onto-existing", nothing, ["new", "--from", SIX, "--ky", "nam-2024", "-o", YEAR], expect="lỗi|đã có"),
        Case("new-bad-period", nothing, ["new", "--from", SIX, "--ky", "quy-9-2024"], code=2,
             expect="Lỗi: .*kỳ báo cáo"),
        Case("check-yaml", nothing, ["check", SIX], code=2, expect="không phải tệp .docx"),
        Case("check-folder", nothing, ["check", "inputs"], code=2, expect="Lỗi: .*thư mục"),
        Case("check-missing", nothing, ["check", "outputs/khong-co.docx"], code=2, expect="Lỗi: .*không tồn tại"),
        Case("check-empty-docx", _prepare(lambda p: (p / "outputs/rong.docx").write_bytes(b"")),
             ["check", "outputs/rong.docx"], code=2, expect="không phải tệp .docx"),
        Case("check-foreign-zip", _prepare(lambda p: _foreign_docx(p / "outputs/la.docx")),
             ["check", "outputs/la.docx"], code=2, expect="docx"),
        Case("cli-unknown-command", nothing, ["buid", SIX], code=2, expect="Lỗi: Không có lệnh 'buid'.*'build'"),
        Case("cli-unknown-option", nothing, ["build", "--xx", SIX], code=2, expect="Lỗi: Không có tùy chọn '--xx'"),
        Case("cli-missing-argument", nothing, ["build"], code=2, expect="Cách dùng:.*\n.*\n+Lỗi: Thiếu tham số"),
        Case("cli-bad-number", nothing, ["build", "-j", "abc", SIX], code=2, expect="không phải là số nguyên"),
        Case("cli-out-of-range", nothing, ["build", "-j", "0", SIX], code=2, expect="không nằm trong khoảng"),
        Case("cli-bad-choice", nothing, ["new", "--from", SIX, "--ky", "nam-2024", "--noi-dung", "zz"], code=2,
             expect="không phải một trong"),
        Case("cli-missing-option", nothing, ["new", "--ky", "nam-2024"], code=2, expect="Thiếu tùy chọn '--from'"),
        Case("cli-missing-second-argument", nothing, ["diff", SIX], code=2, expect="Lỗi: Thiếu tham số 'TỆP'"),
        Case("cli-missing-file", nothing, ["validate", "inputs/khong-co.yaml"], code=2,
             expect="Tệp 'inputs/khong-co.yaml' không tồn tại"),
        Case("cli-extra-argument", nothing, ["schema", "thua"], code=2, expect="Thừa tham số"),
        Case("cli-help", nothing, ["build", "--help"], code=0, expect="Cách dùng:.*\n(.*\n)*Tùy chọn:"),
        Case("cli-group-help", nothing, ["--help"], code=0, expect="Tùy chọn:(.*\n)*Lệnh:"),
    ]


def all_cases() -> list[Case]:
    return (syntax_cases() + type_cases() + reference_cases() + containment_cases() + hostile_cases()
            + output_cases() + encoding_cases() + command_cases())
