"""`reportgen new`: the next period's report from the last one."""

import shutil
from pathlib import Path

import yaml
from conftest import MINI, run_cli

ROOT = Path(__file__).resolve().parents[1]


def project(tmp_path):
    inputs = tmp_path / "inputs"
    (inputs / "bc-6thang").mkdir(parents=True)
    shutil.copy(MINI / "agency.yaml", inputs / "agency.yaml")
    report = yaml.safe_load((MINI / "report.yaml").read_text(encoding="utf-8"))
    indicators = {"chi_tieu": report.pop("chi_tieu")}
    appendix = {"phu_luc": report.pop("phu_luc")}
    report["bao_gom"] = ["agency.yaml", "bc-6thang/chi-tieu.yaml", "bc-6thang/phu-luc.yaml"]
    dump = lambda d: yaml.safe_dump(d, allow_unicode=True, sort_keys=False, width=4096)
    (inputs / "bc-6thang.yaml").write_text(dump(report), encoding="utf-8")
    (inputs / "bc-6thang/chi-tieu.yaml").write_text(dump(indicators), encoding="utf-8")
    (inputs / "bc-6thang/phu-luc.yaml").write_text(dump(appendix), encoding="utf-8")
    (tmp_path / "templates").symlink_to(ROOT / "templates")
    (tmp_path / "schema").symlink_to(ROOT / "schema")
    return inputs


def test_new_report_carries_the_last_one_over(tmp_path):
    inputs = project(tmp_path)
    before = {p: p.read_bytes() for p in inputs.rglob("*.yaml")}
    result = run_cli("new", "--from", inputs / "bc-6thang.yaml", "--ky", "nam-2024", "-o", inputs / "bc-nam.yaml")
    assert result.exit_code == 0, result.output
    assert {p: p.read_bytes() for p in before} == before  # the last report is untouched
    new = yaml.safe_load((inputs / "bc-nam.yaml").read_text(encoding="utf-8"))
    assert new["ky"] == "nam-2024" and new["mau"] == "de-an-06-bao-cao"
    assert new["so"] is None and new["ngay"] == {"thang": 12, "nam": 2024}  # number and day left blank
    assert new["bao_gom"] == ["agency.yaml", "bc-nam/chi-tieu.yaml", "bc-nam/phu-luc.yaml"]
    assert new["kinh_gui"] and new["noi_nhan"] == ["Như trên", "Bộ Công an"]
    indicators = yaml.safe_load((inputs / "bc-nam/chi-tieu.yaml").read_text(encoding="utf-8"))["chi_tieu"]
    assert indicators[0]["ky_truoc"] == {"tu_so": 1195107, "mau_so": 1256188}
    assert indicators[0]["tu_so"] == 1195107 and indicators[0]["chua_cap_nhat"] is True  # kept, flagged
    assert "ty_le_ghi" not in indicators[0]
    tasks = yaml.safe_load((inputs / "bc-nam/phu-luc.yaml").read_text(encoding="utf-8"))["phu_luc"][0]["bang"]
    rows = [r for g in tasks["nhom"] for r in g["dong"]]
    # a yearly plan keeps its finished tasks (with their status) until the year ends
    assert [(r["noi_dung"], r["trang_thai"]) for r in rows] == [
        ("Việc một", "hoan_thanh"), ("Việc hai", "dang_trien_khai"), ("Việc ba", "hoan_thanh")]
    assert "Cần điền:" in result.output and "van_ban_yeu_cau" in result.output
    text = (inputs / "bc-nam.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/reportgen.schema.json")


def enter_new_figure(path):
    """What the clerk does: types this period's number and deletes the flag line."""
    text = path.read_text(encoding="utf-8").replace("tu_so: 1195107", "tu_so: 1215107", 1)
    lines = [line for line in text.splitlines(keepends=True) if "chua_cap_nhat: true" not in line]
    path.write_text("".join(lines), encoding="utf-8")


def test_new_report_builds_with_comparisons(tmp_path):
    inputs = project(tmp_path)
    run_cli("new", "--from", inputs / "bc-6thang.yaml", "--ky", "nam-2024", "-o", inputs / "bc-nam.yaml")
    enter_new_figure(inputs / "bc-nam/chi-tieu.yaml")
    report = inputs / "bc-nam.yaml"
    text = report.read_text(encoding="utf-8")  # ghi=2 stays true: the finished tasks are kept this year
    report.write_text(text.replace("{{ ct.dinh_danh.so_muc_tieu }}", "{{ ct.dinh_danh.thay_doi }}"), encoding="utf-8")
    out = tmp_path / "bc-nam.docx"
    result = run_cli("build", "--text", report, "-o", out)
    assert result.exit_code == 0, result.output
    assert "tăng 1,6 điểm phần trăm" in (tmp_path / "bc-nam.txt").read_text(encoding="utf-8")


def test_clear_narrative_keeps_headings_only(tmp_path):
    inputs = project(tmp_path)
    result = run_cli("new", "--from", inputs / "bc-6thang.yaml", "--ky", "nam-2024", "-o", inputs / "n.yaml",
                     "--noi-dung", "xoa")
    assert result.exit_code == 0, result.output
    body = yaml.safe_load((inputs / "n.yaml").read_text(encoding="utf-8"))["noi_dung"]
    assert [b["muc"] for b in body] == ["Khái quát tình hình", "Kết quả các mặt công tác"]
    assert body[1]["noi_dung"] == [{"khoan": "Công tác chỉ đạo", "noi_dung": [
        {"khoan": "Pháp lý thực hiện", "noi_dung": [{"khoan": "Văn bản"}]}]}, {"khoan": "Dữ liệu"}]


def test_never_overwrites(tmp_path):
    inputs = project(tmp_path)
    target = inputs / "bc-nam.yaml"
    target.write_text("# mine\n", encoding="utf-8")
    result = run_cli("new", "--from", inputs / "bc-6thang.yaml", "--ky", "nam-2024", "-o", target)
    assert result.exit_code == 1
    assert "không ghi đè" in result.output
    assert target.read_text(encoding="utf-8") == "# mine\n"
    assert not (inputs / "bc-nam").exists()


def test_unknown_period_lists_accepted_forms(tmp_path):
    inputs = project(tmp_path)
    result = run_cli("new", "--from", inputs / "bc-6thang.yaml", "--ky", "quy-5-2024")
    assert result.exit_code == 2
    assert "thang-<1..12>-<năm>" in result.output and "nam-<năm>" in result.output


def test_diff_shows_how_indicators_changed(tmp_path):
    inputs = project(tmp_path)
    run_cli("new", "--from", inputs / "bc-6thang.yaml", "--ky", "nam-2024", "-o", inputs / "bc-nam.yaml")
    result = run_cli("diff", inputs / "bc-6thang.yaml", inputs / "bc-nam.yaml")
    row = next(line for line in result.output.splitlines() if "[dinh_danh]" in line)
    assert row.endswith("chưa cập nhật")  # last period's figure is not passed off as unchanged
    enter_new_figure(inputs / "bc-nam/chi-tieu.yaml")
    result = run_cli("diff", inputs / "bc-6thang.yaml", inputs / "bc-nam.yaml")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["Chỉ", "tiêu", "Kỳ", "trước", "Kỳ", "này", "Thay", "đổi"]
    row = next(line for line in lines if "[dinh_danh]" in line)
    assert "1.195.107/1.256.188 (95,14%)" in row and "1.215.107/1.256.188 (96,73%)" in row
    # the difference of the printed rates (96,73 - 95,14), not of the unrounded ones
    assert row.endswith("tăng 1,59 điểm phần trăm")
