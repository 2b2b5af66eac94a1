"""The signature block as real reports have it: TM. without KT., a draft with the signer's name
left blank (a warning, the room kept), two signers side by side (văn bản liên tịch)."""

from conftest import REPORT_HEAD, build_report, project_with_templates
from docx import Document

from reportgen.check import check_docx

REPORT = REPORT_HEAD + """\
noi_dung:
  - Báo cáo tình hình.
"""


def _build(tmp_path, text, *args):
    project_with_templates(tmp_path)
    return build_report(tmp_path, text, *args)


def _signature_cells(out):
    table = Document(str(out)).tables[-1]
    return [[[p.text for p in cell.paragraphs] for cell in row.cells] for row in table.rows]


def test_tm_without_kt_signs_for_the_collective(tmp_path):
    result, out = _build(tmp_path, REPORT, "--strict")
    assert result.exit_code == 0, result.output
    right = _signature_cells(out)[0][1]
    assert right == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]
    assert not [f for f in check_docx(out) if f.rule == "signature"]


def test_a_draft_leaves_the_signers_name_blank_with_a_warning(tmp_path):
    text = REPORT.replace("ho_ten: Nguyễn Văn A", 'ho_ten: ""')
    result, out = _build(tmp_path, text)
    assert result.exit_code == 0, result.output
    assert ("r.yaml:7:" in result.output and
            "cảnh báo [chu_ky.ho_ten]: chưa có họ tên người ký (CHỦ TỊCH): để trống trong bản dự thảo; "
            "điền ho_ten trước khi trình ký" in result.output)
    right = _signature_cells(out)[0][1]
    assert right == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", ""]  # the name's line is kept, empty
    result, _ = _build(tmp_path, text, "--strict")
    assert result.exit_code == 1  # a signed document needs the name


def test_two_signers_side_by_side_in_a_joint_document(tmp_path):
    text = REPORT + """\
chu_ky_lien_tich: {tham_quyen: [KT. GIÁM ĐỐC], chuc_vu: PHÓ GIÁM ĐỐC, ho_ten: Trần Thị B}
"""
    result, out = _build(tmp_path, text, "--strict")
    assert result.exit_code == 0, result.output
    rows = _signature_cells(out)
    assert rows[0][0] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị B"]      # the co-signer on the left
    assert rows[0][1] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]  # the issuing agency on the right
    assert rows[1][0][:2] == ["Nơi nhận:", "- Như trên;"]
    assert rows[1][0][-1] == "- Lưu: VT."
    assert [f for f in check_docx(out) if f.severity == "error"] == []
