"""What each key of the input format means, in Vietnamese: the hover text of the JSON Schema.

Keys are named by their place: `chu_ky.ho_ten`, `chi_tieu.muc_tieu.giao`, `khoi.muc` (a body
block), `bang.nhom.ten` (a table, in the body or an appendix). A key's `meta: {mo_ta: ...}` in
schema.py, when it has one, is used instead. Examples are offered by editors as completions.
"""

from __future__ import annotations

DESCRIPTIONS = {
    # the report
    "mau": "Tên mẫu báo cáo (xem danh sách: reportgen templates), ví dụ de-an-06-bao-cao",
    "bao_gom": "Các tệp YAML gộp vào báo cáo này (đường dẫn tính từ thư mục của tệp): cơ quan, người ký... "
               "viết một lần, dùng cho mọi kỳ",
    "loai_van_ban": "Loại văn bản: bao_cao (mặc định), cong_van, to_trinh, ke_hoach, thong_bao; mẫu có thể đặt sẵn",
    "co_quan": "Cơ quan ban hành, in ở góc trái đầu trang",
    "so": "Số văn bản, ví dụ 117; bỏ trống khi là bản nháp (in «Số:     /BC-UBND»)",
    "ky_hieu": "Ký hiệu văn bản: BC-UBND (báo cáo), UBND-KSTT (công văn)",
    "dia_danh": "Địa danh ở dòng ngày tháng, ví dụ Bình Định",
    "ngay": "Ngày ban hành: 2024-07-05; bản nháp chưa có ngày: {thang: 7, nam: 2024}",
    "ky": "Kỳ báo cáo: thang-9-2024, quy-3-2024, 6thang-2024, 6thang-cuoi-2024, 9thang-2024, nam-2024",
    "trich_yeu": "Trích yếu nội dung; bỏ trống thì mẫu tự viết theo kỳ báo cáo",
    "kinh_gui": "Nơi được kính gửi: một chuỗi, hoặc danh sách khi gửi nhiều nơi",
    "van_ban_yeu_cau": "Văn bản yêu cầu báo cáo; mẫu viết câu mở đầu «Thực hiện ...» từ đây",
    "mo_dau": "Đoạn mở đầu, khi câu mở đầu của mẫu không phù hợp",
    "noi_dung": "Phần nội dung: danh sách các khối (đoạn văn, muc, khoan, diem, gach, cong, bang); "
                "số thứ tự được tự đánh",
    "ket_thuc": "Câu kết (mẫu có câu mặc định); tự thêm ./. nếu thiếu",
    "chu_ky": "Khối chữ ký: thẩm quyền, chức vụ, họ tên người ký",
    "noi_nhan": "Nơi nhận, mỗi nơi một dòng (không ghi «- » ở đầu và «;» ở cuối)",
    "luu": "Phần sau «Lưu:», ví dụ VT, KSTT (in «- Lưu: VT, KSTT.»)",
    "chu_thich": "Chú thích đặt tên — khóa: nội dung; dẫn trong văn bản bằng [^khóa]",
    "chi_tieu": "Các chỉ tiêu (số liệu): mỗi số liệu khai báo một lần, văn bản in từ khai báo này bằng {{ ct.id }}",
    "phu_luc": "Các phụ lục kèm theo văn bản",
    "don_vi": "Đơn vị báo cáo",
    # co_quan
    "co_quan.chu_quan": "Cơ quan chủ quản (dòng trên cùng), ví dụ BỘ CÔNG AN; UBND tỉnh không có",
    "co_quan.ten": "Tên cơ quan in ở đầu trang (chữ in hoa); danh sách hoặc \\n để xuống dòng",
    "co_quan.ten_goi": "Tên cơ quan trong câu văn, ví dụ Ủy ban nhân dân tỉnh Bình Định",
    "co_quan.ten_ngan": "Tên ngắn mẫu có thể dùng, ví dụ Ủy ban nhân dân tỉnh",
    # van_ban_yeu_cau
    "van_ban_yeu_cau.loai": "Loại văn bản yêu cầu, ví dụ Công văn, Kế hoạch",
    "van_ban_yeu_cau.so": "Số của văn bản yêu cầu, ví dụ 4709",
    "van_ban_yeu_cau.ky_hieu": "Ký hiệu của văn bản yêu cầu, ví dụ CV-TCTTKĐA",
    "van_ban_yeu_cau.ngay": "Ngày của văn bản yêu cầu, ví dụ 2024-06-10",
    "van_ban_yeu_cau.co_quan": "Cơ quan ban hành văn bản yêu cầu",
    "van_ban_yeu_cau.trich_yeu": "Trích yếu của văn bản yêu cầu (in sau «về việc»)",
    # chu_ky
    "chu_ky.tham_quyen": "Dòng thẩm quyền ký, bắt đầu bằng TM. / KT. / Q. / TL. / TUQ., ví dụ "
                         "[TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH]",
    "chu_ky.chuc_vu": "Chức vụ người ký, ví dụ PHÓ CHỦ TỊCH",
    "chu_ky.ho_ten": "Họ và tên người ký",
    # a draft date
    "ngay.ngay": "Ngày (bỏ trống khi chưa biết ngày ký)",
    "ngay.thang": "Tháng (1 đến 12)",
    "ngay.nam": "Năm, ví dụ 2024",
    # a list of the units that report (reportgen rollup)
    "tinh": "Tỉnh của danh sách đơn vị phải gửi số liệu (tệp danh sách của reportgen rollup)",
    "tinh.ma": "Mã tỉnh, ví dụ \"99\"",
    "tinh.ten": "Tên tỉnh",
    # don_vi
    "don_vi.ma": "Mã đơn vị",
    "don_vi.ten": "Tên đơn vị báo cáo",
    "don_vi.cap": "Cấp của đơn vị: xa, tinh hoặc so-nganh",
    # indicators
    "chi_tieu.id": "Mã chỉ tiêu (chữ không dấu, số, _), dùng trong văn bản: {{ ct.id }}",
    "chi_tieu.ten": "Tên chỉ tiêu",
    "chi_tieu.gia_tri": "Giá trị của chỉ tiêu là một số (không có tử số, mẫu số)",
    "chi_tieu.ty_le": "Tỷ lệ (%) khi chỉ biết kết quả, không có tử số và mẫu số",
    "chi_tieu.tu_so": "Tử số, ví dụ số đã làm được (1195107); tỷ lệ được tính = tu_so/mau_so",
    "chi_tieu.mau_so": "Mẫu số, ví dụ tổng số phải làm (1256188)",
    "chi_tieu.ty_le_ghi": "Tỷ lệ (%) như đã ghi trong tài liệu gốc, được kiểm tra với tu_so/mau_so",
    "chi_tieu.don_vi": "Đơn vị tính, ví dụ hồ sơ, trường hợp, công dân",
    "chi_tieu.tinh_den": "Số liệu tính đến ngày, ví dụ 2024-06-16",
    "chi_tieu.muc_tieu": "Các chỉ tiêu được giao (mục tiêu) để so sánh: vượt, đạt, chưa đạt",
    "chi_tieu.ky_truoc": "Giá trị kỳ trước (một số, hoặc {tu_so, mau_so}) để in «tăng ... so với»",
    "chi_tieu.co_the_vuot": "true khi tỷ lệ có thể vượt 100%",
    "chi_tieu.thanh_phan": "Các phần của chỉ tiêu (ví dụ theo cấp tỉnh, huyện, xã)",
    "chi_tieu.thanh_phan_la_tong": "true khi các phần cộng lại bằng toàn bộ (được kiểm tra)",
    "chi_tieu.ghi_chu": "Ghi chú của chỉ tiêu (in ở cột Ghi chú của bảng chỉ tiêu)",
    "chi_tieu.nhom": "Nhóm chỉ tiêu",
    "chi_tieu.cua_don_vi": "Số liệu của một đơn vị cấp dưới (do reportgen rollup ghi)",
    "chi_tieu.cua_don_vi.ma": "Mã của đơn vị cấp dưới",
    "chi_tieu.cua_don_vi.ten": "Tên của đơn vị cấp dưới",
    "chi_tieu.cua_don_vi.chi_tieu": "Mã chỉ tiêu (id) mà số liệu của đơn vị thuộc về",
    "chi_tieu.cua_don_vi.cap": "Cấp của đơn vị: xa, tinh hoặc so-nganh",
    "chi_tieu.muc_tieu.giao": "Cơ quan giao chỉ tiêu, ví dụ Chính phủ",
    "chi_tieu.muc_tieu.gia_tri": "Mức được giao, ví dụ 80 (phần trăm với chỉ tiêu tỷ lệ)",
    "chi_tieu.muc_tieu.thap_nhat": "true khi đây là mức thấp nhất («giao thấp nhất 90%»)",
    "chi_tieu.ky_truoc.tu_so": "Tử số kỳ trước",
    "chi_tieu.ky_truoc.mau_so": "Mẫu số kỳ trước",
    "chi_tieu.ky_truoc.gia_tri": "Giá trị kỳ trước",
    # appendices
    "phu_luc.id": "Mã phụ lục (chữ không dấu, số, - hoặc _), ví dụ nhiem-vu; dẫn trong văn bản: {{ phu_luc('nhiem-vu') }}",
    "phu_luc.tieu_de": "Tiêu đề phụ lục (in hoa, đậm)",
    "phu_luc.huong": "Hướng trang: ngang hoặc doc (mặc định theo loại bảng)",
    "phu_luc.kem_theo": "Dòng «(Kèm theo ...)» thay cho dòng của mẫu",
    "phu_luc.noi_dung": "Đoạn văn của phụ lục (các khối như phần nội dung)",
    "phu_luc.bang": "Bảng của phụ lục",
    # tables
    "bang": "Một bảng: loai (loại bảng của mẫu), rồi nhom (các nhóm) hoặc dong (các dòng)",
    "bang.id": "Mã bảng, để đếm dòng trong văn bản: {{ dem('id') }}",
    "bang.loai": "Loại bảng của mẫu (xem: reportgen templates)",
    "bang.tieu_de_cot": "Đổi tiêu đề cột cho riêng bảng này — khóa cột: tiêu đề mới",
    "bang.so_luong": "Số dòng ghi tay, được kiểm tra với số dòng thật",
    "bang.nhom": "Các nhóm dòng (in số La Mã hoặc chữ cái, tên in hoa và số dòng)",
    "bang.dong": "Các dòng của bảng (khi bảng không chia nhóm)",
    "bang.nhom.id": "Mã nhóm, để đếm: {{ dem('bang', nhom='id') }}",
    "bang.nhom.ma": "Mã in ở đầu nhóm thay cho mã tự đánh (\"\" để không in)",
    "bang.nhom.ten": "Tên nhóm (in hoa)",
    "bang.nhom.so_luong": "Số dòng ghi tay của nhóm, được kiểm tra với số dòng thật",
    "bang.nhom.dem": "false để không in số dòng sau tên nhóm",
    "bang.nhom.dong": "Các dòng của nhóm",
    # body blocks
    "khoi.doan": "Một đoạn văn",
    "khoi.canh": "Căn lề đoạn văn: giua, trai, phai, deu",
    "khoi.nghieng": "true: chữ nghiêng",
    "khoi.dam": "true: chữ đậm",
    "khoi.thut_dau_dong": "false: không thụt đầu dòng",
    "khoi.muc": "Mục: in «I. TÊN MỤC» (số La Mã, in hoa, đậm)",
    "khoi.khoan": "Khoản: in «1. Tên» (đậm); khoản trong khoản là 1.1., rồi 1.1.1.",
    "khoi.diem": "Điểm: in «a) Tên»",
    "khoi.kieu": "doan: số thứ tự rồi chữ trong một đoạn văn thường (không đậm); tieu_de: dòng tiêu đề riêng",
    "khoi.noi_dung": "Các khối nằm dưới khối này",
    "khoi.gach": "Đoạn gạch đầu dòng «- ...» (một chuỗi hoặc danh sách)",
    "khoi.cong": "Đoạn dấu cộng «+ ...» (một chuỗi hoặc danh sách)",
    "khoi.bang": "Một bảng trong phần nội dung",
    "khoi.liet_ke": "Một ý liệt kê ngoài thang đánh số của Nghị định: (1), (2) / (i), (ii) / Một là, Hai là",
    # a table row's own keys (the columns come from the table kind)
    "dong.trang_thai": "Trạng thái của dòng: đánh dấu X (hoặc ket_qua) vào cột của trạng thái",
    "dong.ket_qua": "Chữ in vào cột của trạng thái thay cho X",
    "dong.chi_tieu": "Mã chỉ tiêu (id): các cột của dòng được điền từ khai báo chỉ tiêu",
}

EXAMPLES = {
    "ky_hieu": ["BC-UBND", "UBND-KSTT"],
    "ngay": ["2025-10-31"],
    "ky": ["thang-10-2025", "quy-3-2025", "6thang-2025", "9thang-2025", "nam-2025"],
    "luu": ["VT, KSTT"],
    "chu_ky.tham_quyen": [["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]],
    "chu_ky.chuc_vu": ["CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    "noi_nhan": [["Như trên", "Bộ Công an"]],
    "phu_luc.id": ["nhiem-vu"],
    "chi_tieu.tinh_den": ["2025-10-31"],
}
