"""Documents cited once (`van_ban`, `{{ vb.ID }}`), and the checks of what is typed by hand: the
same document with two dates, a percentage that does not match the numbers typed beside it,
the same ratio with two percentages — on seed 002's known cases (inputs/binh-dinh-2024-6thang)."""

import datetime
import shutil
from pathlib import Path

import pytest
from conftest import run_cli

from reportgen.compute.documents import CitedDocument, DocumentView, Registry
from reportgen.errors import Location, ReferenceProblem

ROOT = Path(__file__).resolve().parents[1]
SEED_002 = "binh-dinh-2024-6thang"


def _doc(**kw):
    base = {"id": "qd4466", "kind": "Quyết định", "number": "4466", "symbol": "QĐ-UBND",
            "date": datetime.date(2023, 12, 1), "issuer": None, "subject": None, "location": Location("r.yaml", 3, 3)}
    base.update(kw)
    return CitedDocument(**base)


def test_one_declaration_prints_the_long_and_the_short_form():
    view = DocumentView(_doc(issuer="Chủ tịch Ủy ban nhân dân tỉnh", subject="về phê duyệt Danh mục 42 mô hình"))
    assert view == ("Quyết định số 4466/QĐ-UBND ngày 01 tháng 12 năm 2023 của Chủ tịch Ủy ban nhân dân tỉnh "
                    "về phê duyệt Danh mục 42 mô hình")
    assert view.ngan == "Quyết định số 4466/QĐ-UBND ngày 01/12/2023"
    assert view.ten == "Quyết định số 4466/QĐ-UBND"
    assert (view.so_ky_hieu, view.ngay, view.ngay_ngan) == ("4466/QĐ-UBND", "ngày 01 tháng 12 năm 2023", "01/12/2023")


def test_numbers_below_ten_get_the_leading_zero():
    from reportgen.compute.documents import build_documents
    docs = build_documents({"kh2": {"loai": "Kế hoạch", "so": 2, "ky_hieu": "KH-C06-TTDLDC"}}, lambda p: Location("r.yaml"))
    assert DocumentView(docs[0]).ten == "Kế hoạch số 02/KH-C06-TTDLDC"


def test_an_undeclared_document_is_named_with_a_suggestion():
    registry = Registry([_doc()])
    with pytest.raises(ReferenceProblem) as caught:
        _ = registry.qd446
    assert str(caught.value) == ('chưa khai báo văn bản "qd446" trong van_ban (có phải ý bạn là "qd4466"?); '
                                 'các văn bản: qd4466')


def _seed_002(tmp_path) -> Path:
    """A copy of seed 002's inputs in a project layout (the real files are never touched)."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(ROOT / "inputs" / f"{SEED_002}.yaml", inputs)
    shutil.copytree(ROOT / "inputs" / SEED_002, inputs / SEED_002)
    shutil.copytree(ROOT / "inputs" / "chung", inputs / "chung")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return inputs / f"{SEED_002}.yaml"


def _line(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_seed_002_cites_each_document_with_one_date():
    result = run_cli("validate", "--strict", ROOT / "inputs" / f"{SEED_002}.yaml")
    assert result.exit_code == 0, result.output
    out = ROOT / "inputs" / SEED_002
    assert "{{ vb.qd4466" in (ROOT / "inputs" / f"{SEED_002}.yaml").read_text(encoding="utf-8")
    assert "{{ vb.cd766.ngan }}" in (out / "phu-luc.yaml").read_text(encoding="utf-8")


def test_the_same_document_typed_with_two_dates_is_reported_with_both_places(tmp_path):
    report = _seed_002(tmp_path)
    text = report.read_text(encoding="utf-8")
    # the original's II.8, as typed in seed 002: "ngày 19 tháng 3 năm 2024"
    report.write_text(text.replace("Thực hiện {{ vb.qd4466.ten }} {{ vb.qd4466.ngay }} của Chủ tịch",
                                   "Thực hiện Quyết định số 4466/QĐ-UBND ngày 19 tháng 3 năm 2024 của Chủ tịch"),
                      encoding="utf-8")
    annex = report.parent / SEED_002 / "phu-luc.yaml"
    annex_text = annex.read_text(encoding="utf-8")
    # and the appendix's "Văn bản chỉ đạo" cell of row 18, as typed: "ngày 24/8/2023"
    annex.write_text(annex_text.replace('van_ban: "{{ vb.cd766.ngan }} của Thủ tướng Chính phủ."',
                                        "van_ban: Công điện số 766/CD-TTg ngày 24/8/2023 của Thủ tướng Chính phủ."),
                     encoding="utf-8")
    result = run_cli("validate", report)
    assert result.exit_code == 0, result.output  # warnings
    typed = _line(report, "4466/QĐ-UBND ngày 19 tháng 3")
    declared = _line(report, "qd4466: {loai")
    assert (f"inputs/{SEED_002}.yaml:{typed}:" in result.output)
    assert (f"cảnh báo: văn bản số 4466/QĐ-UBND ghi ngày 19/3/2024 ở đây nhưng ngày 01/12/2023 ở "
            f"inputs/{SEED_002}.yaml:{declared}:") in result.output.replace(str(tmp_path) + "/", "")
    cell = _line(annex, "766/CD-TTg ngày 24/8/2023")
    assert f"{SEED_002}/phu-luc.yaml:{cell}:" in result.output
    assert "văn bản số 766/CD-TTg ghi ngày 24/8/2023 ở đây nhưng ngày 23/8/2023" in result.output
    assert run_cli("validate", "--strict", report).exit_code == 1


def test_a_hand_typed_percentage_is_recomputed_from_the_numbers_beside_it(tmp_path):
    report = _seed_002(tmp_path)
    text = report.read_text(encoding="utf-8")
    # seed 002, II.4.1, as the original typed it: "4.293/4.842 người (99,40%)"
    text = text.replace("""{{ ct.that_nghiep_qua_tai_khoan.tu_so }}/{{ ct.that_nghiep_qua_tai_khoan.mau_so }}
                  người (đạt tỷ lệ {{ ct.that_nghiep_qua_tai_khoan.ty_le }})""", """4.293/4.842
                  người (đạt tỷ lệ 99,40%)""")
    report.write_text(text, encoding="utf-8")
    result = run_cli("validate", report)
    line = _line(report, "4.293/4.842")
    assert f"{SEED_002}.yaml:{line}:" in result.output
    assert ("cảnh báo: tỷ lệ ghi tay 99,4% không khớp với 4.293/4.842 = 88,66% (“4.293/4.842 người (đạt tỷ lệ "
            "99,40%”); khai báo số liệu trong chi_tieu (tu_so, mau_so) và in bằng {{ ct.ID }}") in result.output


def test_the_same_ratio_typed_with_two_percentages_is_reported(tmp_path):
    report = _seed_002(tmp_path)
    text = report.read_text(encoding="utf-8")
    text = text.replace("  - muc: KHÁI QUÁT TÌNH HÌNH\n    noi_dung:\n",
                        "  - muc: KHÁI QUÁT TÌNH HÌNH\n    noi_dung:\n"
                        "      - \"Đã cung cấp 1.819/2.029 thủ tục (đạt tỷ lệ 89,65%).\"\n"
                        "      - \"Tỷ lệ 89,6% (1.819/2.029 thủ tục).\"\n", 1)
    report.write_text(text, encoding="utf-8")
    result = run_cli("validate", report)
    first, second = _line(report, "1.819/2.029 thủ tục (đạt"), _line(report, "89,6% (1.819")
    assert f"{SEED_002}.yaml:{second}:" in result.output
    # 89,650...% is 89,7% at one decimal: the original truncated (seed 002's corrections.md §2)
    assert "tỷ lệ ghi tay 89,6% không khớp với 1.819/2.029 = 89,65%" in result.output
    assert (f"cùng số liệu 1.819/2.029 ghi hai tỷ lệ: 89,6% ở đây và 89,65% ở "
            f"{report.parent}/{SEED_002}.yaml:{first}:".replace(str(tmp_path) + "/", "")) in \
        result.output.replace(str(tmp_path) + "/", "")


def test_figures_printed_from_indicators_are_not_checked_as_typed():
    result = run_cli("validate", "--strict", ROOT / "inputs" / "binh-dinh-2024-nam.yaml")
    assert result.exit_code == 0, result.output
