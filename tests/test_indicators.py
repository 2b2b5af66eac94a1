"""Indicators as a template author uses them: declared once, printed through Jinja, checked."""

import textwrap

import pytest
from conftest import TEMPLATES, project_with_templates

from reportgen.errors import ReportError
from reportgen.pipeline import prepare

HEAD = """\
mau: de-an-06-bao-cao
co_quan: {ten: ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH, ten_goi: Ủy ban nhân dân tỉnh Bình Định}
ky_hieu: BC-UBND
dia_danh: Bình Định
ngay: 2024-07-05
chu_ky: {tham_quyen: [TM. ỦY BAN NHÂN DÂN], chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}
noi_nhan: [Như trên]
luu: VT
"""


def write(tmp_path, indicators: str, text: str):
    (tmp_path / "templates").symlink_to(TEMPLATES)
    body = HEAD + "chi_tieu:\n" + textwrap.indent(textwrap.dedent(indicators), "  ") + \
        "noi_dung:\n  - " + repr(text).replace("\\'", "'") + "\n"
    path = tmp_path / "r.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def fresh(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    return folder


def printed(tmp_path, indicators, text):
    prepared = prepare(write(tmp_path, indicators, text))
    body = [b for b in prepared.document.sections[0].blocks if getattr(b, "role", "") == "body"]
    return body[1].text  # after the opening paragraph


def errors(tmp_path, indicators, text="x"):
    with pytest.raises(ReportError) as caught:
        prepare(write(tmp_path, indicators, text))
    return [d.render() for d in caught.value.diagnostics.sorted()]


RATIO = """\
- id: cccd
  ten: Cấp Căn cước công dân
  don_vi: trường hợp
  tu_so: 1195107
  mau_so: 1256188
  tinh_den: 2024-06-16
  muc_tieu:
    - {giao: Chính phủ, gia_tri: 80}
    - {giao: Ủy ban nhân dân tỉnh, gia_tri: 90, thap_nhat: true}
"""


def test_default_wording_and_parts(tmp_path):
    text = printed(tmp_path, RATIO, "{{ ct.cccd }}; {{ ct.cccd.tinh_den }}; còn {{ ct.cccd.con_lai }}")
    assert text == ("1.195.107/1.256.188 trường hợp, đạt tỷ lệ 95,14%; ngày 16 tháng 6 năm 2024; còn 61.081")


def test_target_comparison(tmp_path):
    assert printed(tmp_path, RATIO, "{{ ct.cccd.so_muc_tieu }}") == \
        "vượt chỉ tiêu (Chính phủ giao 80%, Ủy ban nhân dân tỉnh giao thấp nhất 90%)"


def test_target_not_met(tmp_path):
    ind = RATIO.replace("gia_tri: 90", "gia_tri: 96")
    assert printed(tmp_path, ind, "{{ ct.cccd.so_muc_tieu }}").startswith("chưa đạt chỉ tiêu")


@pytest.mark.parametrize("numbers,expected", [
    ("tu_so: 0\n  mau_so: 40", "0%"),
    ("tu_so: 40\n  mau_so: 40", "100%"),
    ("tu_so: 1\n  mau_so: 200", "0,5%"),
    ("tu_so: 1\n  mau_so: 8", "12,5%"),
    ("tu_so: 2005\n  mau_so: 100000", "2,01%"),  # 2,005 rounds half up
])
def test_percent_edge_cases(tmp_path, numbers, expected):
    ind = f"- id: x\n  ten: X\n  don_vi: hồ sơ\n  {numbers}\n"
    assert printed(tmp_path, ind, "{{ ct.x.ty_le }}") == expected


def test_over_100_percent_needs_permission(tmp_path):
    ind = "- id: x\n  ten: X\n  don_vi: hồ sơ\n  tu_so: 201\n  mau_so: 200\n"
    assert any("lớn hơn mẫu số" in e and "r.yaml:" in e for e in errors(tmp_path, ind))


def test_over_100_percent_allowed(tmp_path):
    ind = "- id: x\n  ten: X\n  don_vi: hồ sơ\n  tu_so: 201\n  mau_so: 200\n  co_the_vuot: true\n"
    assert printed(tmp_path, ind, "{{ ct.x.ty_le }}") == "100,5%"


def test_zero_denominator_is_a_clear_error(tmp_path):
    ind = "- id: x\n  ten: X\n  don_vi: hồ sơ\n  tu_so: 0\n  mau_so: 0\n"
    found = errors(tmp_path, ind, "{{ ct.x.ty_le }}")
    assert any("mẫu số bằng 0" in e for e in found)


def test_typed_percentage_checked_at_its_precision(tmp_path):
    ok = RATIO + "  ty_le_ghi: 95.1\n"
    assert printed(tmp_path, ok, "{{ ct.cccd.ty_le }}") == "95,14%"
    bad = RATIO + "  ty_le_ghi: 95.41\n"
    (found,) = [e for e in errors(fresh(tmp_path, "b"), bad) if "không khớp" in e]
    line = next(i for i, t in enumerate((tmp_path / "b/r.yaml").read_text().splitlines(), 1) if "ty_le_ghi" in t)
    assert f"r.yaml:{line}:" in found and "95,41%" in found and "= 95,14%" in found


def test_parts_must_add_up(tmp_path):
    ind = """\
- id: hs
  ten: Hồ sơ
  don_vi: hồ sơ
  gia_tri: 1819
  thanh_phan_la_tong: true
  thanh_phan:
    - {id: tinh, ten: cấp tỉnh, gia_tri: 1057}
    - {id: huyen, ten: cấp huyện, gia_tri: 760}
"""
    found = [e for e in errors(tmp_path, ind) if "thành phần" in e]
    assert found and "1.817" in found[0] and "1.819" in found[0]


def test_part_printed_through_parent(tmp_path):
    ind = """\
- id: sh
  ten: Số hóa
  don_vi: hồ sơ
  tu_so: 300
  mau_so: 400
  thanh_phan:
    - {id: tinh, ten: cấp tỉnh, tu_so: 99, mau_so: 100}
"""
    assert printed(tmp_path, ind, "cấp tỉnh đạt {{ ct.sh.thanh_phan.tinh.ty_le }}") == "cấp tỉnh đạt 99%"


def test_change_against_previous_period(tmp_path):
    ind = "- id: v\n  ten: V\n  don_vi: tài khoản\n  gia_tri: 1302\n  ky_truoc: 1000\n"
    assert printed(tmp_path, ind, "{{ ct.v.thay_doi }} so với kỳ trước ({{ ct.v.ky_truoc }})") == \
        "tăng 30,2% so với kỳ trước (1.000)"
    ratio = RATIO + "  ky_truoc: {tu_so: 80, mau_so: 100}\n"
    assert printed(fresh(tmp_path, "c"), ratio,
                   "{{ ct.cccd.thay_doi }}") == "tăng 15,1 điểm phần trăm"


def test_money_filters_on_a_figure(tmp_path):
    ind = "- id: kp\n  ten: Kinh phí\n  don_vi: đồng\n  gia_tri: 18535000000\n"
    assert printed(tmp_path, ind, "{{ ct.kp.gia_tri | tien }}; {{ ct.kp.gia_tri | trieu_dong }}; "
                                  "{{ 4800000000 | ty_dong }}") == \
        "18.535.000.000 đồng; 18.535 triệu đồng; 4,8 tỷ đồng"


def test_counts_under_ten_are_zero_padded(tmp_path):
    ind = "- id: dvc\n  ten: DVC\n  don_vi: DVC\n  tu_so: 9\n  mau_so: 28\n"
    assert printed(tmp_path, ind, "{{ ct.dvc.tu_so }}/{{ ct.dvc.mau_so }}") == "09/28"


def test_rate_only_indicator(tmp_path):
    ind = "- id: tt\n  ten: Thanh toán\n  ty_le: 80.3\n  muc_tieu: [{giao: Chính phủ, gia_tri: 80}]\n"
    assert printed(tmp_path, ind, "{{ ct.tt.ty_le }}, {{ ct.tt.so_muc_tieu }}") == \
        "80,3%, vượt chỉ tiêu (Chính phủ giao 80%)"


def test_unknown_indicator_suggests(tmp_path):
    found = errors(tmp_path, RATIO, "{{ ct.ccd }}")
    assert any('chưa khai báo chỉ tiêu "ccd" (có phải ý bạn là "cccd"?)' in e and "r.yaml:" in e for e in found)


def test_duplicate_id_points_at_both(tmp_path):
    found = [e for e in errors(tmp_path, RATIO + RATIO) if "hai lần" in e]
    assert found and "(xem " in found[0]


def test_unit_missing_where_printed(tmp_path):
    ind = "- id: x\n  ten: X\n  tu_so: 1\n  mau_so: 2\n"
    assert any("chưa khai báo don_vi" in e for e in errors(tmp_path, ind, "{{ ct.x }}"))


def test_template_sets_the_percentage_rounding(tmp_path):
    templates = project_with_templates(tmp_path)
    settings = templates / "de-an-06-bao-cao/mau.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("ty_le_thap_phan: 2", "ty_le_thap_phan: 1"),
                        encoding="utf-8")
    folder = fresh(tmp_path, "r")
    (folder / "templates").symlink_to(templates)
    (folder / "r.yaml").write_text(HEAD + "chi_tieu:\n" + textwrap.indent(RATIO, "  ") +
                                   "noi_dung:\n  - '{{ ct.cccd.ty_le }} trong {{ \"quy-2-2024\" | ky }}'\n",
                                   encoding="utf-8")
    prepared = prepare(folder / "r.yaml")
    body = [b for b in prepared.document.sections[0].blocks if getattr(b, "role", "") == "body"]
    assert body[1].text == "95,1% trong Quý II/2024"
