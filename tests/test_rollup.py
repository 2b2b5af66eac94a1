"""Rolling communes' figures up into the province's: sums of numerators and denominators,
definitions compared, missing units listed, the breakdown appendix, task statuses counted."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "inputs" / "tinh-vi-du-2025-quy-3"
UNITS = EXAMPLE / "don-vi"
UNIT_LIST = EXAMPLE / "danh-sach-don-vi.yaml"
BREAKDOWN = ("--chi-tiet", "so_hoa_ho_so", "--chi-tiet", "tai_khoan_dinh_danh",
             "--tieu-de-chi-tiet", "SỐ LIỆU CHI TIẾT THEO ĐƠN VỊ CẤP XÃ")


def rollup(*args):
    return run_cli("rollup", *args)


def indicators(path: Path) -> dict:
    return {i["id"]: i for i in yaml.safe_load(path.read_text(encoding="utf-8"))["chi_tieu"]}


def copy_units(tmp_path: Path, *codes: str) -> Path:
    folder = tmp_path / "don-vi"
    folder.mkdir()
    for source in sorted(UNITS.glob("*.yaml")):
        if not codes or source.name.split("-")[0] in codes:
            shutil.copy(source, folder / source.name)
    return folder


def replace_in(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def line_of(path: Path, text: str, after: str = "") -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines) if i >= start and text in line) + 1


def test_ratios_are_summed_numerators_over_summed_denominators(tmp_path):
    out = tmp_path / "tong-hop.yaml"
    result = rollup(UNITS, "-o", out)
    assert result.exit_code == 0, result.output
    totals = indicators(out)
    # by hand: 2.845 + 1.962 + 736 + 611 + 198 and 2.870 + 1.990 + 752 + 640 + 203
    assert (totals["so_hoa_ho_so"]["tu_so"], totals["so_hoa_ho_so"]["mau_so"]) == (6352, 6455)
    assert (totals["tai_khoan_dinh_danh"]["tu_so"], totals["tai_khoan_dinh_danh"]["mau_so"]) == (98269, 121888)
    assert totals["to_cong_nghe_so"]["gia_tri"] == 37  # 12 + 9 + 7 + 6 + 3
    parts = {p["id"]: p["gia_tri"] for p in totals["ho_so_truc_tuyen"]["thanh_phan"]}
    assert parts == {"toan_trinh": 3161, "mot_phan": 1891}  # together the numerator 5.052
    assert totals["ho_so_truc_tuyen"]["tu_so"] == 5052 and totals["ho_so_truc_tuyen"]["thanh_phan_la_tong"]
    # the same targets in every unit are kept; the cut-off date is kept
    assert totals["tai_khoan_dinh_danh"]["muc_tieu"] == [{"giao": "Ủy ban nhân dân tỉnh", "gia_tri": 80,
                                                          "thap_nhat": True}]
    assert str(totals["so_hoa_ho_so"]["tinh_den"]) == "2025-09-14"
    assert "5 đơn vị, 4 chỉ tiêu" in result.output


def test_the_province_rate_is_not_the_mean_of_the_units_rates(tmp_path):
    out = tmp_path / "tong-hop.yaml"
    assert rollup(UNITS, "-o", out).exit_code == 0
    units = [indicators(p)["so_hoa_ho_so"] for p in sorted(UNITS.glob("*.yaml"))]
    mean = sum(u["tu_so"] / u["mau_so"] for u in units) / len(units) * 100
    total = indicators(out)["so_hoa_ho_so"]
    assert round(total["tu_so"] / total["mau_so"] * 100, 2) == 98.40
    assert round(mean, 2) == 97.72


def test_units_missing_from_the_list_are_listed(tmp_path):
    out = tmp_path / "tong-hop.yaml"
    result = rollup(UNITS, "--danh-sach", UNIT_LIST, "-o", out)
    assert result.exit_code == 0, result.output
    assert "Chưa báo cáo (1 đơn vị):\n  - 99004 Xã Tân Lập\n" in result.output
    text = out.read_text(encoding="utf-8")
    assert "# Chưa báo cáo (1): Xã Tân Lập (99004)\n" in text
    reported = indicators(out)["so_don_vi_bao_cao"]
    assert (reported["tu_so"], reported["mau_so"]) == (5, 6)
    assert yaml.safe_load(text)["don_vi"] == {"ma": "99", "ten": "Tỉnh Hòa Sơn", "cap": "tinh"}


def test_breakdown_appendix_has_a_row_per_unit_and_the_total(tmp_path):
    out = tmp_path / "tong-hop.yaml"
    assert rollup(UNITS, "--danh-sach", UNIT_LIST, *BREAKDOWN, "-o", out).exit_code == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    appendix = next(a for a in data["phu_luc"] if a["id"] == "chi-tiet-don-vi")
    assert appendix["tieu_de"] == "SỐ LIỆU CHI TIẾT THEO ĐƠN VỊ CẤP XÃ"
    first = appendix["bang"]["nhom"][0]
    assert [r["ma"] for r in first["dong"][:-1]] == ["99001", "99002", "99003", "99004", "99005", "99006"]
    assert first["dong"][3] == {"ten": "Xã Tân Lập", "ma": "99004", "ghi_chu": "Chưa báo cáo"}
    assert first["dong"][-1] == {"chi_tieu": "so_hoa_ho_so", "ten": "Tổng cộng"}
    unit_figure = indicators(out)["so_hoa_ho_so__99002"]
    assert (unit_figure["tu_so"], unit_figure["mau_so"]) == (1962, 1990)
    assert unit_figure["cua_don_vi"] == {"ma": "99002", "ten": "Phường Bắc Sơn", "cap": "xa", "chi_tieu": "so_hoa_ho_so"}


def test_task_statuses_are_counted_per_unit(tmp_path):
    out = tmp_path / "tong-hop.yaml"
    assert rollup(UNITS, "-o", out).exit_code == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    rows = next(a for a in data["phu_luc"] if a["id"] == "nhiem-vu-tong-hop")["bang"]["dong"]
    assert rows[0] == {"noi_dung": "Rà soát, công bố lại danh mục thủ tục hành chính thuộc thẩm quyền cấp xã sau "
                                   "sắp xếp đơn vị hành chính", "so_don_vi": 5, "hoan_thanh": 4, "dang_trien_khai": 1}
    assert rows[1] == {"noi_dung": "Kiện toàn Tổ công nghệ số cộng đồng ở các thôn, tổ dân phố", "so_don_vi": 5,
                       "hoan_thanh": 3, "dang_trien_khai": 1, "chua_hoan_thanh": 1}
    assert rows[2]["dang_trien_khai"] == 4 and rows[2]["thuong_xuyen"] == 1


def test_a_different_unit_of_measure_is_refused_naming_both_files(tmp_path):
    folder = copy_units(tmp_path, "99001", "99002")
    first, second = sorted(folder.glob("*.yaml"))
    replace_in(second, "    don_vi: hồ sơ\n    tu_so: 1962", "    don_vi: thủ tục\n    tu_so: 1962")
    out = tmp_path / "tong-hop.yaml"
    result = rollup(folder, "-o", out)
    assert result.exit_code == 1
    where_second = f"{second}:{line_of(second, '- id: so_hoa_ho_so')}:5"
    where_first = f"{first}:{line_of(first, '- id: so_hoa_ho_so')}:5"
    assert (f'{where_second}: lỗi: chỉ tiêu "so_hoa_ho_so" của {second} định nghĩa khác với {first}: '
            f"đơn vị tính thủ tục khác hồ sơ (xem {where_first})") in result.output
    assert not out.exists()


def test_a_different_formula_is_refused(tmp_path):
    folder = copy_units(tmp_path, "99001", "99003")
    second = sorted(folder.glob("*.yaml"))[1]
    replace_in(second, "    tu_so: 736\n    mau_so: 752\n", "    gia_tri: 736\n")
    result = rollup(folder, "-o", tmp_path / "t.yaml")
    assert result.exit_code == 1
    assert "cách tính gia_tri khác tu_so/mau_so" in result.output


def test_a_rate_without_its_numbers_cannot_be_summed(tmp_path):
    folder = copy_units(tmp_path, "99001")
    unit = next(folder.glob("*.yaml"))
    replace_in(unit, "    tu_so: 2845\n    mau_so: 2870\n", "    ty_le: 99.13\n")
    result = rollup(folder, "-o", tmp_path / "t.yaml")
    assert result.exit_code == 1
    assert ('chỉ tiêu "so_hoa_ho_so" chỉ có tỷ lệ, không có tử số và mẫu số nên không cộng được: '
            "ghi tu_so và mau_so (hoặc gia_tri)") in result.output


def test_units_the_list_does_not_know_twice_or_of_another_period_are_errors(tmp_path):
    folder = copy_units(tmp_path, "99001", "99002", "99003")
    files = sorted(folder.glob("*.yaml"))
    replace_in(files[1], 'ma: "99002"', 'ma: "99001"')
    replace_in(files[2], "ky: quy-3-2025", "ky: quy-2-2025")
    stray = folder / "x.yaml"
    stray.write_text('don_vi: {ma: "12345", ten: Xã Lạ, cap: xa}\nky: quy-3-2025\nchi_tieu: []\n', encoding="utf-8")
    result = rollup(folder, "--danh-sach", UNIT_LIST, "-o", tmp_path / "t.yaml")
    assert result.exit_code == 1
    assert f'{files[1]}:6:14: lỗi: mã đơn vị "99001" đã có trong {files[0]} (xem {files[0]}:6:14)' in result.output
    assert (f'{files[2]}:7:5: lỗi: kỳ báo cáo "quy-2-2025" khác với kỳ "quy-3-2025" của {files[0]} '
            f"(xem {files[0]}:7:5)") in result.output
    assert f'{stray}:1:14: lỗi: mã đơn vị "12345" (Xã Lạ) không có trong danh sách danh-sach-don-vi.yaml' \
        in result.output


def test_a_unit_file_without_its_unit_is_an_error(tmp_path):
    folder = tmp_path / "dv"
    folder.mkdir()
    (folder / "a.yaml").write_text("ky: quy-3-2025\nchi_tieu:\n  - {id: a, ten: A, gia_tri: 1}\n", encoding="utf-8")
    result = rollup(folder, "-o", tmp_path / "t.yaml")
    assert result.exit_code == 1
    assert "tệp số liệu không ghi đơn vị báo cáo" in result.output


def test_the_output_is_never_an_input(tmp_path):
    folder = copy_units(tmp_path, "99001")
    unit = next(folder.glob("*.yaml"))
    before = unit.read_bytes()
    result = rollup(unit, "-o", unit)
    assert result.exit_code == 1
    assert "không có tệp số liệu .yaml nào" in result.output or "trùng với một tệp đầu vào" in result.output
    assert unit.read_bytes() == before


def test_the_committed_example_roll_up_is_what_rollup_writes(tmp_path):
    out = tmp_path / "tong-hop.yaml"
    assert rollup(UNITS, "--danh-sach", UNIT_LIST, *BREAKDOWN, "-o", out).exit_code == 0
    committed = (EXAMPLE / "tong-hop.yaml").read_text(encoding="utf-8")
    modeline, rest = committed.split("\n", 1)
    assert modeline == "# yaml-language-server: $schema=../../schema/reportgen.schema.json"  # from its folder
    assert out.read_text(encoding="utf-8") == rest  # outside a project: no schema line


def test_the_example_builds_and_prints_the_rolled_up_figures(tmp_path):
    out = tmp_path / "tinh.docx"
    result = run_cli("build", "--strict", "--text", ROOT / "inputs" / "tinh-vi-du-2025-quy-3.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    text = out.with_suffix(".txt").read_text(encoding="utf-8")
    assert "đã có 05/06 đơn vị cấp xã gửi báo cáo số liệu (đạt 83,33%)" in text
    assert ("- Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính: 6.352/6.455 hồ sơ, đạt tỷ lệ 98,4%; "
            "bình quân chung cả tỉnh đạt 98,4%.") in text
    assert "trong đó 3.161 hồ sơ dịch vụ công trực tuyến toàn trình và 1.891 hồ sơ" in text
    assert "98.269/121.888 công dân, đạt tỷ lệ 80,62%, vượt chỉ tiêu" in text
    assert "Toàn tỉnh có 37 tổ công nghệ số cộng đồng cấp xã." in text
    assert "2\tPhường Bắc Sơn\t99002\t1.962\t1.990\t98,59%\n" in text
    assert "4\tXã Tân Lập\t99004\t\t\t\tChưa báo cáo\n" in text
    assert "7\tTổng cộng\t\t6.352\t6.455\t98,4%\n" in text
    assert "1\tRà soát, công bố lại danh mục thủ tục hành chính thuộc thẩm quyền cấp xã sau sắp xếp đơn vị hành " \
           "chính\t5\t4\t1\n" in text


def test_reading_in_worker_processes_gives_what_reading_in_one_gives(monkeypatch):
    from reportgen.source import units

    files = units.figure_files([UNITS]) + [EXAMPLE / "khong-co.yaml"]
    serial, serial_problems = units.read_all(files, workers=1)
    monkeypatch.setattr(units, "PARALLEL_FROM", 2)
    parallel, parallel_problems = units.read_all(files, workers=2)
    assert [(f.unit, [(i.id, i.numerator, i.denominator, i.value) for i in f.indicators]) for f in parallel] == \
        [(f.unit, [(i.id, i.numerator, i.denominator, i.value) for i in f.indicators]) for f in serial]
    assert [f.where(("don_vi", "ma")) for f in parallel] == [f.where(("don_vi", "ma")) for f in serial]
    assert [d.render() for d in parallel_problems.items] == [d.render() for d in serial_problems.items]
    assert len(parallel) == 5 and "không tìm thấy tệp" in parallel_problems.items[0].message


def test_rollup_replaces_its_own_output_and_nothing_else(tmp_path):
    out = tmp_path / "tong-hop.yaml"
    assert rollup(UNITS, "-o", out).exit_code == 0
    assert rollup(UNITS, "--danh-sach", UNIT_LIST, "-o", out).exit_code == 0  # its own earlier output
    assert "so_don_vi_bao_cao" in out.read_text(encoding="utf-8")
    report = tmp_path / "bao-cao.yaml"
    report.write_text("mau: tong-hop-tinh\n", encoding="utf-8")
    result = rollup(UNITS, "-o", report)
    assert result.exit_code == 1
    assert f"{report}: lỗi: tệp này đã có và không phải do reportgen tạo" in result.output
    assert report.read_text(encoding="utf-8") == "mau: tong-hop-tinh\n"


def test_an_impossible_period_is_an_error(tmp_path):
    folder = copy_units(tmp_path, "99001")
    unit = next(folder.glob("*.yaml"))
    replace_in(unit, "ky: quy-3-2025", "ky: quy-5-2025")
    result = rollup(folder, "-o", tmp_path / "t.yaml")
    assert result.exit_code == 1
    assert f'{unit}:7:5: lỗi: kỳ báo cáo "quy-5-2025" không hợp lệ' in result.output


def test_a_unit_without_an_indicator_is_a_warning_and_the_total_covers_the_others(tmp_path):
    folder = copy_units(tmp_path)
    first, second = sorted(folder.glob("*.yaml"))[:2]
    text = first.read_text(encoding="utf-8")
    start = text.index("  - id: to_cong_nghe_so")
    first.write_text(text[:start] + text[text.index("phu_luc:"):], encoding="utf-8")
    out = tmp_path / "tong-hop.yaml"
    result = rollup(folder, "-o", out)
    assert result.exit_code == 0, result.output
    assert (f'{first}:9:3: cảnh báo: {first} không có chỉ tiêu "to_cong_nghe_so" (có trong '
            f"{second}); tổng chỉ gồm các đơn vị có báo cáo chỉ tiêu này") in result.output
    assert indicators(out)["to_cong_nghe_so"]["gia_tri"] == 25  # 37 without Phường Hòa Sơn's 12
    assert rollup(folder, "--strict", "-o", tmp_path / "strict.yaml").exit_code == 1


def test_a_different_name_is_a_warning_naming_both_files(tmp_path):
    folder = copy_units(tmp_path, "99001", "99002")
    first, second = sorted(folder.glob("*.yaml"))
    replace_in(second, "ten: Tổ công nghệ số cộng đồng", "ten: Tổ CNS cộng đồng")
    result = rollup(folder, "-o", tmp_path / "t.yaml")
    assert result.exit_code == 0, result.output
    where = line_of(second, "- id: to_cong_nghe_so")
    assert (f'{second}:{where}:5: cảnh báo: chỉ tiêu "to_cong_nghe_so" của {second} có tên "Tổ CNS cộng đồng", '
            f'khác tên trong {first}: "Tổ công nghệ số cộng đồng" (tổng hợp dùng tên sau)') in result.output
    assert rollup(folder, "--strict", "-o", tmp_path / "s.yaml").exit_code == 1


def test_a_task_listed_twice_by_one_unit_counts_once(tmp_path):
    folder = copy_units(tmp_path, "99001")
    unit = next(folder.glob("*.yaml"))
    text = unit.read_text(encoding="utf-8")
    unit.write_text(text + "        - noi_dung: Kiện toàn Tổ công nghệ số cộng đồng ở các thôn, tổ dân phố\n"
                           "          trang_thai: dang_trien_khai\n", encoding="utf-8")
    out = tmp_path / "t.yaml"
    result = rollup(folder, "-o", out)
    assert result.exit_code == 0, result.output
    assert "cảnh báo: nhiệm vụ này đã có ở một dòng trên của cùng đơn vị; chỉ tính dòng đầu" in result.output
    rows = yaml.safe_load(out.read_text(encoding="utf-8"))["phu_luc"][0]["bang"]["dong"]
    assert rows[1] == {"noi_dung": "Kiện toàn Tổ công nghệ số cộng đồng ở các thôn, tổ dân phố", "so_don_vi": 1,
                       "hoan_thanh": 1}
