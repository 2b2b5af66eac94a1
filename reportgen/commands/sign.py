"""`reportgen sign`: a PAdES signature on a PDF, at the box the build found for it (the `.ky-so.json`
sidecar), as Nghị định 30 shows it; the input PDF is never written."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from reportgen.commands.common import EXIT_INVALID


def default_output(source: Path, role: str) -> Path:
    """x.pdf → x.nguoi-ky.pdf → x.co-quan.pdf (each signature a new file)."""
    from reportgen.pdf.boxes import unsigned_stem

    return source.with_name(f"{unsigned_stem(source)}.{role}.pdf")


def check_output(source: Path, target: Path) -> None:
    if target.suffix.lower() != ".pdf":
        raise click.UsageError(f"tệp kết quả phải có đuôi .pdf: {target}")
    if target.exists() and (os.path.samefile(target, source)):
        raise click.UsageError(f"không ghi đè tệp đang ký {source}: chọn tệp kết quả khác (-o)")
    if target.exists():
        raise click.UsageError(f"{target} đã có; reportgen không ghi đè tệp đã ký: xóa nó hoặc chọn tên khác (-o)")


def plan_for(source: Path, data: bytes, sidecar: Path | None, seal_mm: float, warn) -> tuple[str, list]:
    """The file's kind and boxes: from the sidecar written with it, else found again in the PDF's text."""
    from reportgen.pdf.boxes import (boxes_from_sidecar, plan, read_sidecar, sidecar_candidates, sidecar_matches,
                                     signature_pages)

    candidates = [sidecar] if sidecar else [p for p in sidecar_candidates(source) if p.is_file()]
    for path in candidates:
        data_json = read_sidecar(path)
        if sidecar_matches(data_json, data):
            for note in data_json.get("canh_bao", []):
                warn(str(note))
            return data_json.get("loai_tep", "van-ban"), boxes_from_sidecar(data_json)
        warn(f"tệp ô ký {path.name} không khớp với {source.name} (PDF đã được dựng lại?): "
             "tìm lại ô ký từ chữ trong PDF")
    found = plan(signature_pages(data), seal_mm)
    for note in found.warnings:
        warn(note)
    return found.kind, found.boxes


@click.command("sign")
@click.argument("pdf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--vai-tro", "role", type=click.Choice(["nguoi-ky", "co-quan"]), required=True,
              help="nguoi-ky: chữ ký của người có thẩm quyền (ký trước); co-quan: chữ ký số của cơ quan (ký sau).")
@click.option("--p12", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Chứng thư số dạng tệp PKCS#12 (.p12, .pfx).")
@click.option("--mat-khau", envvar="REPORTGEN_MAT_KHAU", help="Mật khẩu tệp .p12 hoặc mã PIN thiết bị ký "
              "(hoặc biến môi trường REPORTGEN_MAT_KHAU; bỏ trống thì hỏi).")
@click.option("--pkcs11-lib", type=click.Path(path_type=Path), help="Thư viện PKCS#11 của thiết bị ký (USB token).")
@click.option("--pkcs11-nhan", help="Nhãn của khóa và chứng thư trên thiết bị ký.")
@click.option("--pkcs11-token", help="Nhãn của thiết bị ký (mặc định: khe đầu tiên).")
@click.option("--anh-chu-ky", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Ảnh chữ ký (PNG màu xanh, nền trong suốt), với --vai-tro nguoi-ky.")
@click.option("--anh-dau", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Ảnh dấu (PNG màu đỏ, nền trong suốt, kích thước thật), với --vai-tro co-quan.")
@click.option("--so-ky-hieu", help="Số và ký hiệu văn bản in trong chữ ký của cơ quan trên phụ lục tách tệp "
              "(ví dụ 117/BC-UBND).")
@click.option("--o-ky", "sidecar", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Tệp ô ký (.ky-so.json); mặc định: tệp cùng tên bên cạnh PDF.")
@click.option("--dau-mm", type=click.FloatRange(20, 60), default=36.0, show_default=True,
              help="Đường kính dấu (mm) khi không có tệp ô ký.")
@click.option("--tsa", help="Địa chỉ máy chủ dấu thời gian (RFC 3161), ví dụ của nhà cung cấp chứng thư số.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Tệp PDF đã ký (mặc định: <tên>.nguoi-ky.pdf, <tên>.co-quan.pdf).")
def sign_command(pdf, role, p12, mat_khau, pkcs11_lib, pkcs11_nhan, pkcs11_token, anh_chu_ky, anh_dau,
                 so_ky_hieu, sidecar, dau_mm, tsa, output):
    """Ký số tệp PDF (PAdES) theo Nghị định 30/2020/NĐ-CP: người có thẩm quyền ký trước, cơ quan ký sau."""
    from reportgen.commands.common import user_errors
    from reportgen.output import guarded_write
    from reportgen.pdf import signing
    from reportgen.pdf.inspect import PdfProblem

    if bool(p12) == bool(pkcs11_lib):
        raise click.UsageError("chọn một cách ký: --p12 TỆP hoặc --pkcs11-lib THƯ_VIỆN --pkcs11-nhan NHÃN")
    if pkcs11_lib and not pkcs11_nhan:
        raise click.UsageError("--pkcs11-lib cần --pkcs11-nhan (nhãn khóa trên thiết bị ký)")
    target = output or default_output(pdf, role)
    check_output(pdf, target)

    def warn(message: str) -> None:
        click.echo(f"{pdf}: cảnh báo: {message}", err=True)

    with user_errors(pdf):  # the output refused by the write guard, the disk, a bug: said plainly
        try:
            data = pdf.read_bytes()
            kind, boxes = plan_for(pdf, data, sidecar, dau_mm, warn)
            signing.check_order(role, signing.existing_fields(data), kind)
            box = next((b for b in boxes if b.role == role), None)
            if box is None:
                raise signing.SigningProblem(f"tệp ô ký không có ô cho vai trò {role}")
            image = anh_chu_ky if role == "nguoi-ky" else anh_dau
            for note in signing.image_warnings(image, role) if image is not None else []:
                warn(note)
            key = signing_key(signing, p12, mat_khau, pkcs11_lib, pkcs11_nhan, pkcs11_token)
            number = so_ky_hieu or (appendix_number(data) if box.content == "thong-tin" else None)
            signed = signing.sign(data, signing.SignRequest(role, key, box, kind, image, number, tsa))
            guarded_write(target, signed, ".pdf", reads=[pdf, *(p for p in [sidecar, anh_chu_ky, anh_dau, p12] if p)])
        except (signing.SigningProblem, PdfProblem) as exc:
            click.echo(f"{pdf}: lỗi: {exc}", err=True)
            sys.exit(EXIT_INVALID)
    x0, y0, x1, y1 = box.rect
    click.echo(f"{pdf} → {target} (chữ ký số của {signing.ROLE_NAMES[role]}, trang {box.page}, "
               f"ô [{x0:.0f}, {y0:.0f}, {x1:.0f}, {y1:.0f}] pt)")


def signing_key(signing, p12, password, pkcs11_lib, pkcs11_label, pkcs11_token):
    """The key from the .p12 file or the token; the password or PIN asked for on a terminal when not given."""
    if password is None and sys.stdin.isatty():
        password = click.prompt("Mật khẩu / mã PIN", hide_input=True, default="", show_default=False)
    if p12:
        return signing.key_from_p12(p12, password)
    return signing.key_from_pkcs11(pkcs11_lib, pkcs11_label, password, pkcs11_token)


def appendix_number(data: bytes) -> str | None:
    """The number and symbol printed in an appendix's own `(Kèm theo ...)` line (a paper edition)."""
    from reportgen.pdf import signing
    from reportgen.pdf.text import read_pages

    return signing.number_from_text([line.text for page in read_pages(data, [1]) for line in page.lines])
