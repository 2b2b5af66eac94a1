"""`reportgen check` on a PDF: what the document system and the signers will get.

Reports the edition (electronic: number and day blank for the system; paper: filled), the
PDF/A identification, the fonts, the signature boxes (from the `.ky-so.json` written with the
PDF, else found again in its text) and every signature: who, when, intact, covering the
whole file. Problems are findings like the .docx checker's: a font that is not the decree's
or not embedded, a signature that does not hold, a change after the last signature, the
agency's signature without or before the signer's (Điều 32.2.d).
"""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.check.findings import Finding
from reportgen.check.reading import CheckError
from reportgen.pdf.boxes import (
    AGENCY,
    SIGNER,
    boxes_from_sidecar,
    plan,
    read_sidecar,
    sidecar_candidates,
    sidecar_matches,
    signature_pages,
)
from reportgen.pdf.inspect import PdfProblem, embedded_fonts, font_problems, open_pdf, pdfa_identification
from reportgen.pdf.inspect import pages as page_dictionaries
from reportgen.pdf.signatures import SignatureInfo, read_signatures
from reportgen.pdf.text import Page

FIELD_ROLES = {"nguoi-ky": SIGNER, "co-quan": AGENCY}
ROLE_TEXT = {SIGNER: "người có thẩm quyền", AGENCY: "cơ quan"}
NUMBER_LINE = re.compile(r"Số:\s*([^\s/]*)\s*/\s*(\S+)")
DATE_LINE = re.compile(r"ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})?\s*năm\s+(\d{4})")
ATTACHED_LINE = re.compile(r"Kèm theo .*?số\s*([^\s/]*)\s*/\s*(\S+)\s+ngày\s*(\d{1,2})?\s*/")


def is_pdf(path: str | Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(1024).lstrip().startswith(b"%PDF-")
    except OSError:
        return False


def edition_of(pages: list[Page]) -> str:
    """`dien-tu` when the number and the day are blank, `giay` when they are printed, else `khong-ro`."""
    texts = [line.text for page in pages[:2] for line in page.lines]
    number = next((m for m in map(NUMBER_LINE.search, texts) if m), None)
    date = next((m for m in map(DATE_LINE.search, texts) if m), None)
    if number is None or date is None:
        attached = next((m for m in map(ATTACHED_LINE.search, texts) if m), None)
        if attached is None:
            return "khong-ro"
        filled = (bool(attached.group(1)), bool(attached.group(3)))
    else:
        filled = (bool(number.group(1)), bool(date.group(1)))
    return "giay" if all(filled) else "dien-tu" if not any(filled) else "khong-ro"


EDITION_TEXT = {"dien-tu": "bản điện tử (số, ngày để trống cho Hệ thống cấp)",
                "giay": "bản giấy (đã in số và ngày)",
                "khong-ro": "không rõ (chỉ một trong số và ngày được điền, hoặc không tìm thấy dòng Số/ngày)"}


def _vietnam(signature: SignatureInfo) -> str:
    from reportgen.pdf.signing import vietnam_time

    return vietnam_time(signature.signed_at) if signature.signed_at else "không rõ thời gian"


def _box_text(box) -> str:
    return f"trang {box.page} [{', '.join(f'{v:.0f}' for v in box.rect)}] pt"


def _boxes(path: Path, data: bytes, pages: list[Page], facts: list, findings: list) -> tuple[str, list]:
    for sidecar in (p for p in sidecar_candidates(path) if p.is_file()):
        try:
            content = read_sidecar(sidecar)
            if sidecar_matches(content, data):
                facts.append(f"ô ký: theo {sidecar.name}")
                findings.extend(Finding("o-ky", "khối chữ ký", "", str(note), "warning")
                                for note in content.get("canh_bao", []))
                return content.get("loai_tep", "van-ban"), boxes_from_sidecar(content)
            findings.append(Finding("ky-so-json", sidecar.name, "", "tệp ô ký không khớp với PDF này "
                                    "(PDF đã được dựng lại sau khi ghi tệp ô ký?); dùng ô tìm lại từ chữ trong PDF",
                                    "warning"))
        except PdfProblem as exc:
            findings.append(Finding("ky-so-json", sidecar.name, "", str(exc), "warning"))
    try:
        found = plan(pages)
    except PdfProblem as exc:
        findings.append(Finding("o-ky", "khối chữ ký", "", str(exc), "warning"))
        return "van-ban", []
    facts.append("ô ký: tìm từ vị trí chữ trong PDF")
    for note in found.warnings:
        findings.append(Finding("o-ky", "khối chữ ký", "", note, "warning"))
    return found.kind, found.boxes


def _misplaced(sig: SignatureInfo, boxes: list) -> str | None:
    """What to say when a visible signature is not in the box the PDF has for its role."""
    role = FIELD_ROLES.get(sig.field)
    box = next((b for b in boxes if b.role == role), None)
    if box is None or sig.rect is None or not any(sig.rect):
        return None
    if sig.page == box.page and all(abs(a - b) <= 1 for a, b in zip(sig.rect, box.rect)):
        return None
    placed = f"trang {sig.page} [{', '.join(f'{v:.0f}' for v in sig.rect)}] pt"
    return f"chữ ký hiển thị ở {placed}, không ở ô ký của {ROLE_TEXT[role]} ({_box_text(box)})"


def _signature_findings(signatures: list[SignatureInfo], kind: str, boxes: list) -> list[Finding]:
    findings = []
    for i, sig in enumerate(signatures, start=1):
        where = f"chữ ký {i} ({sig.field})"
        misplaced = _misplaced(sig, boxes)
        if misplaced:
            findings.append(Finding("o-ky", where, sig.signer, misplaced, "warning"))
        if not sig.intact:
            findings.append(Finding("chu-ky", where, sig.signer, "chữ ký không hợp lệ: nội dung đã ký bị thay đổi "
                                    "hoặc chữ ký hỏng"))
        elif not sig.later_changes_ok:
            findings.append(Finding("chu-ky", where, sig.signer, "tệp bị sửa sau chữ ký này (không chỉ thêm chữ ký)"))
    roles = [FIELD_ROLES.get(s.field) for s in signatures]
    if kind != "phu-luc" and AGENCY in roles and (SIGNER not in roles or roles.index(AGENCY) < roles.index(SIGNER)):
        findings.append(Finding("thu-tu-ky", "chữ ký", "", "chữ ký số của cơ quan chỉ được ký vào văn bản đã có chữ "
                                "ký số của người có thẩm quyền (Nghị định 30, Điều 32.2.d)"))
    return findings


def _signature_fact(i: int, sig: SignatureInfo) -> str:
    role = ROLE_TEXT.get(FIELD_ROLES.get(sig.field, ""), "không rõ vai trò")
    state = "toàn vẹn" if sig.intact else "KHÔNG toàn vẹn"
    cover = "phủ toàn bộ tệp" if sig.covers_file else \
        "sau đó chỉ thêm chữ ký" if sig.later_changes_ok else "có thay đổi khác sau khi ký"
    trust = "chứng thư đã xác minh" if sig.trusted else "chưa xác minh chuỗi chứng thư trên máy này"
    stamp = ", có dấu thời gian" if sig.timestamped else ""
    where = f", trang {sig.page}" if sig.page else ""
    return f"chữ ký {i} ({sig.field}, {role}): {sig.signer}, {_vietnam(sig)}{stamp}{where}; {state}, {cover}; {trust}"


def check_pdf(path: str | Path) -> tuple[list[str], list[Finding]]:
    """What the PDF is (facts, in Vietnamese) and what is wrong with it (findings)."""
    path = Path(path)
    try:
        data = path.read_bytes()
        reader = open_pdf(data)
        read = signature_pages(data)
        fonts = embedded_fonts(reader)
        identification = pdfa_identification(reader)
        signatures = read_signatures(data)
    except OSError as exc:
        raise CheckError(f"không mở được tệp ({exc.strerror})") from None
    except PdfProblem as exc:
        raise CheckError(str(exc)) from None
    facts = [f"bản: {EDITION_TEXT[edition_of(read)]}",
             f"định dạng: {identification}" if identification else "định dạng: PDF thường (không phải PDF/A)",
             "phông: " + (", ".join(f"{f.name}{'' if f.embedded else ' (không nhúng)'}" for f in fonts) or "(không có)")]
    findings = [Finding("phong", "phông", "", problem) for problem in font_problems(fonts)]
    if identification is None or identification.part != "2":
        findings.append(Finding("pdf-a", "định dạng", str(identification or ""),
                                "không phải PDF/A-2b (reportgen xuất PDF/A-2b để lưu trữ lâu dài)", "warning"))
    kind, boxes = _boxes(path, data, read, facts, findings)
    sizes = {number: (float(page["/MediaBox"][2]) - float(page["/MediaBox"][0]),
                      float(page["/MediaBox"][3]) - float(page["/MediaBox"][1]))
             for number, page in enumerate(page_dictionaries(reader), start=1)}
    for box in boxes:
        facts.append(f"ô {box.role} ({box.content}): {_box_text(box)}")
        if box.page not in sizes or not box.inside(*sizes[box.page]):
            findings.append(Finding("o-ky", f"ô {box.role}", "", f"ô ký {_box_text(box)} nằm ngoài trang"))
    if kind == "phu-luc":
        facts.append("loại tệp: phụ lục tách tệp (chỉ có chữ ký số của cơ quan, góc trên bên phải trang đầu)")
    facts += [_signature_fact(i, s) for i, s in enumerate(signatures, start=1)] or ["chữ ký: chưa có chữ ký số"]
    findings += _signature_findings(signatures, kind, boxes)
    return facts, findings
