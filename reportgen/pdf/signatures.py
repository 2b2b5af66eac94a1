"""The signatures in a PDF and whether they hold, validated with pyHanko.

Each is reported with who signed (the certificate's common name), when (the time the signer
declared, or the RFC 3161 timestamp), whether the signed bytes are intact and the
cryptography valid, whether the certificate chains to a trusted root given, and how much of
the file it covers: the whole file (the last signature), or its revision with only form
filling after it (the signer's signature under the agency's) — anything else is a change
made after signing.
"""

from __future__ import annotations

import io
import logging
from datetime import datetime
from pathlib import Path

from reportgen.pdf.inspect import PdfProblem
from reportgen.records import record


@record(frozen=True)
class SignatureInfo:
    field: str
    signer: str
    signed_at: datetime | None
    timestamped: bool
    intact: bool          # the signed bytes are unchanged and the signature checks out
    trusted: bool         # the certificate chains to one of the trust roots given
    covers_file: bool     # the signature covers the whole file
    later_changes_ok: bool  # after it, at most signatures and form filling were added
    page: int | None
    rect: tuple | None


def _roots(paths) -> list:
    from asn1crypto import pem, x509

    roots = []
    for path in paths:
        data = Path(path).read_bytes()
        if pem.detect(data):
            roots += [x509.Certificate.load(der) for _, _, der in pem.unarmor(data, multiple=True)]
        else:
            roots.append(x509.Certificate.load(data))
    return roots


def _field_page(reader, sig) -> tuple[int | None, tuple | None]:
    field = sig.sig_field
    rect = tuple(round(float(v), 2) for v in field["/Rect"]) if "/Rect" in field else None
    if "/P" not in field:
        return None, rect
    target = field.raw_get("/P")
    from reportgen.pdf.inspect import pages

    for number, page in enumerate(pages(reader), start=1):
        if getattr(page, "container_ref", None) == getattr(target, "reference", target):
            return number, rect
    return None, rect


def read_signatures(data: bytes, trust_roots=()) -> list[SignatureInfo]:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis.policy_api import ModificationLevel
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as exc:  # a damaged signature dictionary
        raise PdfProblem(f"không đọc được chữ ký trong PDF ({type(exc).__name__})") from None
    context_roots = _roots(trust_roots)
    found = []
    previous = logging.root.manager.disable
    logging.disable(logging.ERROR)  # pyHanko logs every untrusted chain; the report says it in Vietnamese
    try:
        for sig in embedded:
            context = ValidationContext(trust_roots=context_roots, allow_fetching=False)
            try:
                status = validate_pdf_signature(sig, context)
            except (SignatureValidationError, ValueError):
                found.append(SignatureInfo(sig.field_name, "(không đọc được)", None, False, False, False, False,
                                           False, *_field_page(reader, sig)))
                continue
            stamp = status.timestamp_validity
            signed_at = stamp.timestamp if stamp is not None else status.signer_reported_dt
            common_name = status.signing_cert.subject.native.get("common_name") or \
                status.signing_cert.subject.human_friendly
            covers = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
            later_ok = covers or (status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
                                  and status.modification_level is not None
                                  and status.modification_level <= ModificationLevel.FORM_FILLING
                                  and bool(status.docmdp_ok))
            found.append(SignatureInfo(sig.field_name, str(common_name), signed_at, stamp is not None,
                                       bool(status.intact and status.valid), bool(status.trusted), covers, later_ok,
                                       *_field_page(reader, sig)))
    finally:
        logging.disable(previous)
    return found
