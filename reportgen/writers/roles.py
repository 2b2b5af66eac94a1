"""The paragraph roles the document tree uses; styles.docx has one style `RG <role>` for each."""

ROLES = (
    "body", "heading-muc", "heading-khoan-1", "heading-khoan-2", "heading-khoan-3", "heading-diem",
    "co-quan-chu-quan", "co-quan", "quoc-hieu", "tieu-ngu", "so", "vv", "dia-danh-ngay", "loai-van-ban",
    "trich-yeu", "kinh-gui", "kinh-gui-nhieu", "kinh-gui-muc", "noi-nhan-tieu-de", "noi-nhan", "chu-ky-tham-quyen", "chu-ky-ten",
    "table-text", "table-header", "phu-luc-so", "phu-luc-tieu-de", "phu-luc-kem-theo", "rule", "page-number",
)
