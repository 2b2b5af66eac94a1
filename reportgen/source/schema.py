"""The input format as cerberus schemas: one source for the validator and for `reportgen schema`.

Blocks of the body, table rows and indicators are validated one mapping at a
time (see validate.py), because their shape depends on their kind.
"""

from __future__ import annotations

TEXT = {"type": "string"}
TEXT_OR_LIST = {"type": ["string", "list"], "schema": {"type": "string"}}
NUMBER = {"type": "number"}
DAY_OR_DRAFT = {
    "type": ["date", "dict"],
    "schema": {
        "ngay": {"type": "integer", "min": 1, "max": 31, "nullable": True},
        "thang": {"type": "integer", "min": 1, "max": 12, "required": True},
        "nam": {"type": "integer", "min": 1900, "max": 2200, "required": True},
    },
    "meta": {"mo_ta": "một ngày dạng 2024-07-05, hoặc {thang: 7, nam: 2024} khi chưa điền ngày"},
}
DOCUMENT_KINDS = ["bao_cao", "cong_van", "to_trinh", "ke_hoach", "thong_bao"]

AGENCY = {
    "type": "dict",
    "schema": {
        "chu_quan": {"type": "string", "nullable": True},
        "ten": {**TEXT_OR_LIST, "required": True, "empty": False},
        "ten_goi": {"type": "string", "required": True, "empty": False},
        "ten_ngan": {"type": "string"},
    },
}

CITED_DOCUMENT = {
    "type": "dict",
    "schema": {
        "loai": {"type": "string", "required": True, "empty": False},
        "so": {"type": ["integer", "string"]},
        "ky_hieu": {"type": "string"},
        "ngay": {"type": "date"},
        "co_quan": {"type": "string"},
        "trich_yeu": {"type": "string"},
    },
}

SIGNATURE = {
    "type": "dict",
    "schema": {
        "tham_quyen": {**TEXT_OR_LIST},
        "chuc_vu": {"type": "string", "required": True, "empty": False},
        # a draft may leave the name blank ("" or ~): a warning, the room for it kept
        "ho_ten": {"type": "string", "required": True, "nullable": True},
    },
}

TARGET = {
    "type": "dict",
    "schema": {
        "giao": {"type": "string", "required": True, "empty": False},
        "gia_tri": {**NUMBER, "excludes": ["tu", "den"]},
        "thap_nhat": {"type": "boolean"},
        "so_sanh": {"type": "string", "allowed": [">=", "<=", "=", "toi_thieu", "toi_da"],
                    "meta": {"mo_ta": "loại mục tiêu: >= (mặc định), <=, = (đúng bằng), toi_thieu, toi_da (in bằng chữ)"}},
        "tu": {**NUMBER, "dependencies": "den", "meta": {"mo_ta": "mục tiêu là một khoảng: từ"}},
        "den": {**NUMBER, "dependencies": "tu", "meta": {"mo_ta": "mục tiêu là một khoảng: đến"}},
    },
}

INDICATOR_PART = {
    "id": {"type": "string", "required": True, "regex": r"[A-Za-z0-9_]+"},
    "ten": {"type": "string", "required": True, "empty": False},
    "gia_tri": {**NUMBER, "excludes": ["tu_so", "mau_so", "ty_le"]},
    "ty_le": {**NUMBER, "excludes": ["tu_so", "mau_so", "gia_tri"],
              "meta": {"mo_ta": "một tỷ lệ (%) chỉ biết kết quả, không có tử số và mẫu số"}},
    "tu_so": {**NUMBER, "dependencies": ["mau_so"]},
    "mau_so": {**NUMBER, "dependencies": ["tu_so"]},
    "ty_le_ghi": NUMBER,
    "don_vi": {"type": "string"},
}

INDICATOR = {
    **INDICATOR_PART,
    "don_vi": {"type": "string"},
    "tinh_den": {"type": "date"},
    "muc_tieu": {"type": "list", "schema": TARGET},
    "ky_truoc": {"type": ["number", "dict"], "schema": {"tu_so": NUMBER, "mau_so": NUMBER, "gia_tri": NUMBER}},
    "co_the_vuot": {"type": "boolean"},
    "thanh_phan": {"type": "list", "schema": {"type": "dict", "schema": INDICATOR_PART}},
    "thanh_phan_la_tong": {"type": "boolean"},
    "ghi_chu": {"type": "string"},
    "van_ban": {"type": "string", "meta": {"mo_ta": "văn bản chỉ đạo, giao chỉ tiêu: in ở cột Văn bản chỉ đạo của bảng "
                                                     "chỉ tiêu; có thể là {{ vb.ID.ngan }}"}},
    "chua_cap_nhat": {"type": "boolean",
                      "meta": {"mo_ta": "số vẫn là của kỳ trước (reportgen new ghi); nhập số kỳ này rồi xóa dòng này"}},
    "nhom": {"type": "string", "empty": False,
             "meta": {"mo_ta": "nhóm chỉ tiêu: mỗi nhóm một trang tính khi kết xuất (reportgen export, form)"}},
    "cua_don_vi": {"type": "dict", "schema": {
        "ma": {"type": "string", "required": True, "empty": False},
        "ten": {"type": "string", "required": True, "empty": False},
        "chi_tieu": {"type": "string", "required": True, "empty": False},
        "cap": {"type": "string", "allowed": ["xa", "tinh", "so-nganh"]}},
        "meta": {"mo_ta": "số liệu của một đơn vị cấp dưới cho chỉ tiêu chi_tieu (reportgen rollup ghi, "
                          "dùng cho phụ lục chi tiết và khi kết xuất)"}},
}

UNIT_LEVELS = ["xa", "tinh", "so-nganh"]
UNIT = {
    "type": "dict",
    "schema": {
        "ma": {"type": ["string", "integer"], "required": True, "empty": False,
               "meta": {"mo_ta": "mã đơn vị hành chính theo Quyết định 19/2025/QĐ-TTg (ví dụ \"00004\"), "
                                 "hoặc mã của sở, ngành do tỉnh đặt"}},
        "ten": {"type": "string", "required": True, "empty": False},
        "cap": {"type": "string", "allowed": UNIT_LEVELS, "required": True},
    },
    "meta": {"mo_ta": "đơn vị báo cáo: xã/phường/đặc khu (xa), tỉnh (tinh) hoặc sở, ngành (so-nganh)"},
}

GROUP_DEPTH = 4  # groups nest: A → 1 → 1.1 → rows


def _group(depth: int) -> dict:
    """A group row and what is under it: its rows, or groups of the next level (up to GROUP_DEPTH)."""
    schema = {
        "id": {"type": "string", "regex": r"[A-Za-z0-9_\-]+"},
        "ma": {"type": "string"},
        "ten": {"type": "string", "required": True, "empty": False},
        "so_luong": {"type": "integer", "min": 0},
        "dem": {"type": "boolean"},
        "dong": {"type": "list", "required": depth == GROUP_DEPTH, "schema": {"type": "dict"}},
    }
    if depth > 1:  # the top level's keys are described in key_docs.py
        described = {"id": "Mã nhóm con, để đếm: {{ dem('bang', nhom='id') }}", "ma": "Mã in ở đầu nhóm con",
                     "ten": "Tên nhóm con", "so_luong": "Số dòng ghi tay của nhóm con, được kiểm tra",
                     "dem": "false để không in số dòng sau tên nhóm con", "dong": "Các dòng của nhóm con"}
        for key, text in described.items():
            schema[key]["meta"] = {"mo_ta": text}
    if depth < GROUP_DEPTH:  # rows or sub-groups (a group with neither is reported when the table is built)
        schema["dong"].update(excludes="nhom", required=False)
        schema["nhom"] = {"type": "list", "excludes": "dong", "empty": False,
                          "schema": {"type": "dict", "schema": _group(depth + 1)},
                          "meta": {"mo_ta": "các nhóm con (cấp dưới) của nhóm này, mỗi nhóm có dong hoặc nhom"}}
    return schema


TABLE = {
    "id": {"type": "string", "regex": r"[A-Za-z0-9_\-]+"},
    "loai": {"type": "string", "required": True, "empty": False},
    "tieu_de_cot": {"type": "dict", "valuesrules": {"type": "string"}},
    "an_cot": {"type": "list", "schema": {"type": "string"},
               "meta": {"mo_ta": "các cột (khoa) của loại bảng không in trong bảng này"}},
    "thu_tu_cot": {"type": "list", "schema": {"type": "string"},
                   "meta": {"mo_ta": "thứ tự cột (khoa) in trong bảng này; cột không nêu giữ thứ tự sau các cột đã nêu"}},
    "stt": {"type": "string", "allowed": ["lien_tuc", "theo_nhom", "phan_cap"],
            "meta": {"mo_ta": "cách đánh STT của bảng này (thay cho loại bảng): lien_tuc, theo_nhom, phan_cap"}},
    "so_luong": {"type": "integer", "min": 0},
    "nhom": {"type": "list", "excludes": "dong", "schema": {"type": "dict", "schema": _group(1)}},
    "dong": {"type": "list", "excludes": "nhom", "schema": {"type": "dict"}},
}

APPENDIX = {
    "id": {"type": "string", "required": True, "regex": r"[A-Za-z0-9_\-]+",
           "meta": {"mo_ta": "chữ không dấu, số, - hoặc _ (ví dụ: nhiem-vu)"}},
    "tieu_de": {"type": "string", "required": True, "empty": False},
    "huong": {"type": "string", "allowed": ["ngang", "doc"]},
    "kem_theo": {"type": "string"},
    "nhan": {"type": "string", "empty": False,
             "meta": {"mo_ta": "nhãn in thay cho số tự đánh của mẫu, ví dụ: Phụ lục 01, PHỤ LỤC SỐ 2"}},
    "noi_dung": {"type": "list"},
    "bang": {"type": "dict", "schema": TABLE},
}

REPORT = {
    "mau": {"type": "string", "required": True, "empty": False},
    "loai_van_ban": {"type": "string", "allowed": DOCUMENT_KINDS},
    "co_quan": {**AGENCY, "required": True},
    "so": {"type": ["integer", "string"], "nullable": True},
    "ky_hieu": {"type": "string", "required": True, "empty": False},
    "dia_danh": {"type": "string", "required": True, "empty": False},
    "ngay": {**DAY_OR_DRAFT, "required": True},
    "ky": {"type": "string"},
    "trich_yeu": {"type": "string"},
    "kinh_gui": {**TEXT_OR_LIST, "nullable": True},
    "van_ban_yeu_cau": CITED_DOCUMENT,
    "van_ban": {"type": "dict", "keysrules": {"type": "string", "regex": r"[A-Za-z0-9_]+"},
                "valuesrules": {"type": "dict", "schema": {
                    key: {**rules, "meta": {"mo_ta": text}} for (key, rules), text in zip(
                        CITED_DOCUMENT["schema"].items(),
                        ["Loại văn bản: Quyết định, Công văn, Kế hoạch, ...", "Số văn bản: 4466",
                         "Ký hiệu: QĐ-UBND", "Ngày ban hành: 2023-12-01", "Cơ quan ban hành (in sau «của»)",
                         "Trích yếu, in sau cơ quan như đã viết: «về ...»"])}},
                "meta": {"mo_ta": "các văn bản được trích dẫn, khai báo một lần: {{ vb.ID }} in đầy đủ, "
                                  "{{ vb.ID.ngan }} in dạng ngắn (bảng, chú thích)"}},
    "mo_dau": {"type": "string"},
    "noi_dung": {"type": "list", "required": True, "empty": False},
    "ket_thuc": {"type": "string"},
    "chu_ky": {**SIGNATURE, "required": True},
    "chu_ky_lien_tich": {"type": "dict", "schema": {
        key: {**rules, "meta": {"mo_ta": text}} for (key, rules), text in zip(
            SIGNATURE["schema"].items(), ["Dòng thẩm quyền ký của người ký thứ hai (TM. / KT. / Q. / TL. / TUQ.)",
                                          "Chức vụ người ký thứ hai", "Họ và tên người ký thứ hai"])},
        "meta": {"mo_ta": "người ký thứ hai của văn bản liên tịch: in bên trái, chu_ky bên phải, Nơi nhận ở dưới"}},
    "noi_nhan": {**TEXT_OR_LIST, "required": True},
    "luu": {"type": "string", "required": True, "empty": False},
    "chu_thich": {"type": "dict", "keysrules": {"type": "string"}, "valuesrules": {"type": "string"}},
    "chi_tieu": {"type": "list", "schema": {"type": "dict", "schema": INDICATOR}},
    "phu_luc": {"type": "list", "schema": {"type": "dict", "schema": APPENDIX}},
    "ky_so_sanh": {**TEXT_OR_LIST, "meta": {"mo_ta": "các kỳ trước được nhắc có chủ ý (so sánh): \"năm 2023\" hoặc nam-2023"}},
    "don_vi": UNIT,
}

# A figures-only file: one unit's figures (for `reportgen rollup`), or the rolled-up result.
FIGURES = {
    "don_vi": UNIT,
    "ky": {"type": "string"},
    "chi_tieu": REPORT["chi_tieu"],
    "phu_luc": REPORT["phu_luc"],
}

# Body blocks: a mapping is recognised by its kind key; each kind has its own schema.
_CHILDREN = {"noi_dung": {"type": "list"}}
_NUMBERED = {"kieu": {"type": "string", "allowed": ["tieu_de", "doan"]}, **_CHILDREN}
BLOCKS = {
    "doan": {"doan": {"type": "string", "required": True},
             "canh": {"type": "string", "allowed": ["giua", "trai", "phai", "deu"]},
             "nghieng": {"type": "boolean"}, "dam": {"type": "boolean"},
             "thut_dau_dong": {"type": "boolean"}, **_CHILDREN},
    "muc": {"muc": {"type": "string", "required": True, "empty": False}, **_NUMBERED},
    "khoan": {"khoan": {"type": "string", "required": True, "empty": False}, **_NUMBERED},
    "diem": {"diem": {"type": "string", "required": True, "empty": False}, **_NUMBERED},
    "gach": {"gach": {**TEXT_OR_LIST, "required": True}, **_CHILDREN},
    "cong": {"cong": {**TEXT_OR_LIST, "required": True}, **_CHILDREN},
    "bang": {"bang": {"type": "dict", "required": True, "schema": TABLE}},
    # An enumerated item outside the decree's ladder: (1), (2) / (i), (ii) / "Một là, ... Hai là, ...".
    "liet_ke": {"liet_ke": {"type": "string", "required": True, "empty": False,
                            "meta": {"mo_ta": "một mục liệt kê đánh số (1), (2) / (i), (ii) / Một là, Hai là"}},
                "danh_so": {"type": "string", "allowed": ["ngoac_so", "ngoac_la_ma", "mot_la"],
                            "meta": {"mo_ta": "(1), (2) (ngoac_so, mặc định) / (i), (ii) (ngoac_la_ma) / "
                                              "Một là, Hai là (mot_la)"}},
                "gach_dau_dong": {"type": "boolean", "meta": {"mo_ta": "in gạch đầu dòng trước số: - Một là, ..."}},
                **_NUMBERED},
}
# Inside a table cell only paragraphs, lists and enumerations are allowed.
CELL_BLOCK_KINDS = ("doan", "gach", "cong", "liet_ke")

# A template's settings (templates/<name>/mau.yaml).
TEMPLATE = {
    "ten": {"type": "string"},
    "loai_van_ban": {"type": "string", "allowed": DOCUMENT_KINDS},
    "ten_loai": {"type": "string"},
    "phu_luc_danh_so": {"type": "string", "allowed": ["la_ma", "so", "so_2_chu_so", "so_chu"]},
    "phu_luc_mot_khong_so": {"type": "boolean"},
    "phu_luc_in_hoa": {"type": "boolean"},  # PHỤ LỤC 01 instead of Phụ lục 01
    "phu_luc_dau_trang": {"type": "boolean"},  # the agency | quốc hiệu block on each appendix's first page
    "co_chu_than": {"type": "integer", "allowed": [13, 14]},
    "ty_le_thap_phan": {"type": "integer", "min": 0, "max": 4,
                        "meta": {"mo_ta": "số chữ số thập phân tối đa của tỷ lệ phần trăm (làm tròn nửa lên)"}},
    "dau_mm": {"type": "number", "min": 20, "max": 60,
               "meta": {"mo_ta": "đường kính thật của con dấu cơ quan (mm): ảnh dấu trên văn bản điện tử có kích thước này"}},
    "le": {"type": "dict", "schema": {k: {"type": "number", "min": 5, "max": 60} for k in ("tren", "duoi", "trai", "phai")}},
    "cach_viet_chi_tieu": {"type": "dict", "valuesrules": {"type": "string"}},
    "che_do_bao_cao": {"type": "string", "allowed": ["hanh_chinh", "thong_ke"],
                       "meta": {"mo_ta": "hanh_chinh: kỳ lấy số liệu theo Nghị định 09/2019 (ngày 15 đến ngày 14); thong_ke: theo lịch"}},
    "dang_tieu_de": {"type": "dict", "valuesrules": {"type": "dict", "schema": {
        "dam": {"type": "boolean"}, "nghieng": {"type": "boolean"}, "in_hoa": {"type": "boolean"}}}},
}

GROUP_LEVEL = {
    "ma": {"type": "string", "allowed": ["la_ma", "chu_cai", "so", "phan_cap", "khong"],
           "meta": {"mo_ta": "mã nhóm: I, II (la_ma) / A, B (chu_cai) / 1, 2 (so) / 1.1, 1.2 (phan_cap) / không (khong)"}},
    "dem": {"type": "string", "meta": {"mo_ta": "chữ sau số dòng đếm được: (05 MÔ HÌNH)"}},
    "in_hoa": {"type": "boolean", "meta": {"mo_ta": "in tên nhóm bằng chữ hoa (mặc định: như đã gõ khi khai báo "
                                                    "theo từng cấp; chữ hoa khi chỉ có một cấp)"}},
    "dam": {"type": "boolean"}, "nghieng": {"type": "boolean"},
}

_COLUMN = {
    "khoa": {"type": "string", "regex": r"[a-z0-9_]+"},
    "tieu_de": {"type": "string", "required": True},
    "rong": {"type": "number", "min": 1},
    "canh": {"type": "string", "allowed": ["trai", "giua", "phai", "deu"]},
    "nguon": {"type": "string"},
    "kieu": {"type": "string", "allowed": ["van_ban", "so", "tien"]},
    "cot": {"type": "list"},
}
TABLE_KIND = {
    "ten": {"type": "string"},
    "huong": {"type": "string", "allowed": ["ngang", "doc"]},
    "co_chu": {"type": "integer", "min": 10, "max": 14},
    "stt": {"type": "string", "allowed": ["lien_tuc", "theo_nhom", "phan_cap"]},
    # one level of groups (a mapping), or one mapping per level (A → 1 → 1.1)
    "nhom": {"oneof": [{"type": "dict", "schema": GROUP_LEVEL},
                       {"type": "list", "schema": {"type": "dict", "schema": GROUP_LEVEL}}]},
    "nt": {"type": "list", "schema": {"type": "string"}},
    "tong": {"type": "list", "schema": {"type": "string"}},
    "cot": {"type": "list", "required": True, "schema": {"type": "dict", "schema": _COLUMN}},
    "trang_thai": {"type": "dict", "valuesrules": {"type": "dict", "schema": {
        "cot": {"type": "string"}, "ten": {"type": "string", "required": True}}}},
    "sang_ky_moi": {"type": "dict", "schema": {"bo_trang_thai": {"type": "list", "schema": {"type": "string"}},
                                               "bo_khi": {"type": "string", "allowed": ["nam_moi", "moi_ky"]}}},
}
