"""Locating the components by their text (quốc hiệu, `Số:`, the date line, Kính gửi, the
body, Nơi nhận, the signature, appendices), wherever the document puts them: in the
header table or typed as paragraphs, in a table beside Nơi nhận or after it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import field
from typing import Iterable

from reportgen.records import record

from .ooxml import DEFAULT_SIZE
from .reading import Doc, Para, Run, TableInfo
from .text import fold, is_upper, normalize, segment

QUOC_HIEU = "cộng hòa xã hội chủ nghĩa việt nam"
TIEU_NGU_RE = re.compile(r"độc\s*lập\s*\S?\s*tự\s*do\s*\S?\s*hạnh\s*phúc")
NUMBER_RE = re.compile(r"^Số\b\s*(?P<colon>[:.]?)\s*(?P<num>[^\s/]*)\s*(?P<rest>/.*)?$", re.S)
DATE_RE = re.compile(r"^(?P<place>[^,\n]*?)\s*(?P<comma>,?)\s*ngày\s*(?P<day>[^\s]*?)\s*tháng\s*"
                     r"(?P<month>[^\s]*?)\s*năm\s*(?P<year>\d{4})", re.I)
AUTHORITY_RE = re.compile(r"^(TM|KT|Q|TL|TUQ)\.\s*\S")
ROMAN_RE = re.compile(r"^(?P<num>[IVXLC]+)\.\s+(?P<title>\S.*)$", re.S)
ARABIC_RE = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.(?:\s+|$)")
POINT_RE = re.compile(r"^(?P<letter>[a-zđư])\)\s")
APPENDIX_RE = re.compile(r"^phụ\s+lục(?:\s+(?:số\s+)?(?:\d+|[ivxlc]+))?\s*(?:$|[:.\-–]\s*\S)", re.I)

NORMATIVE_TYPES = {"LUẬT", "PHÁP LỆNH", "NGHỊ ĐỊNH", "THÔNG TƯ", "THÔNG TƯ LIÊN TỊCH"}


def is_numbered(p: Para) -> bool:
    return bool(ROMAN_RE.match(p.text) or ARABIC_RE.match(p.text) or POINT_RE.match(p.text))


@record
class Parts:
    header_table: TableInfo | None = None
    quoc_hieu: Para | None = None
    tieu_ngu: Para | None = None
    agency: list[Para] = field(default_factory=list)
    number: Para | None = None
    vv: Para | None = None
    date: Para | None = None
    title: Para | None = None
    subject: list[Para] = field(default_factory=list)
    kinh_gui: Para | None = None
    addressees: list[Para] = field(default_factory=list)   # dash lines under a bare "Kính gửi:"
    header_zone: list[Para] = field(default_factory=list)
    front: list[Para] = field(default_factory=list)     # header zone + title, subject, Kính gửi
    body: list[Para] = field(default_factory=list)      # main text, outside tables
    noi_nhan: Para | None = None
    recipients: list[tuple[Para, str, list[Run]]] = field(default_factory=list)
    signature: list[Para] = field(default_factory=list)
    appendices: list[Para] = field(default_factory=list)
    normative: bool = False

    @property
    def cong_van(self) -> bool:
        return self.vv is not None and self.title is None

    @property
    def body_size(self) -> float | None:
        return dominant_size(r for p in self.body for r in p.text_runs)


def dominant_size(runs: Iterable[Run]) -> float | None:
    weights: Counter = Counter()
    for run in runs:
        weights[run.props.size or DEFAULT_SIZE] += len(run.text.strip())
    return weights.most_common(1)[0][0] if weights else None


def locate(doc: Doc) -> Parts:
    parts = Parts()
    main = doc.section_paras(0)
    _locate_header(parts, doc, main)
    _locate_front(parts, main)
    sig_start = _locate_signature(parts, doc, main)
    front_end = max((p.order for p in parts.front), default=-1)
    parts.body = [p for p in main if p.top is not None and front_end < p.order < sig_start]
    parts.appendices = [p for p in doc.paras if p.top is not None and len(p.text) < 200
                        and APPENDIX_RE.match(p.text)]
    for p in parts.appendices:
        if p.section < len(doc.sections):
            doc.sections[p.section].appendix = True
    parts.normative = (
        (parts.title is not None and normalize(parts.title.text) in NORMATIVE_TYPES)
        or any(fold(p.text).startswith("căn cứ") and "ban hành văn bản quy phạm pháp luật" in fold(p.text)
               for p in parts.front + parts.body))
    return parts


def _locate_header(parts: Parts, doc: Doc, main: list[Para]) -> None:
    parts.quoc_hieu = next((p for p in main[:60] if QUOC_HIEU in fold(p.text)), None)
    qh = parts.quoc_hieu
    if qh is not None and qh.table is not None:
        parts.header_table = doc.tables[qh.table - 1]
        zone = list(parts.header_table.paras)
    else:
        tops = [p for p in main if p.top is not None and not p.empty][:12]
        dated = next((i for i, p in enumerate(tops) if segment(p.text, DATE_RE)), None)
        zone = tops[: dated + 1] if dated is not None else tops[:8]
    parts.header_zone = zone
    parts.tieu_ngu = next((p for p in zone if TIEU_NGU_RE.search(fold(p.text))), None)
    parts.number = next((p for p in zone if segment(p.text, NUMBER_RE)), None)
    parts.vv = next((p for p in zone if fold(p.text).startswith("v/v")), None)
    parts.date = next((p for p in zone if segment(p.text, DATE_RE)), None)
    parts.agency = _agency_lines(parts, zone)
    parts.front = list(zone)


def _agency_lines(parts: Parts, zone: list[Para]) -> list[Para]:
    qh = parts.quoc_hieu
    if qh is None:
        return []
    stop = {id(parts.number), id(parts.vv), id(parts.date)}
    if qh.table is not None:
        lines = []
        for p in zone:
            if p.row == qh.row and p.col is not None and p.col < qh.col:
                if id(p) in stop:
                    break
                if not p.empty:
                    lines.append(p)
        return lines
    return [p for p in zone if p.order < qh.order and not p.empty and id(p) not in stop]


def _looks_like_title(p: Para) -> bool:
    text = p.text
    return (is_upper(text) and len(text.split()) <= 8 and not fold(text).startswith("kính gửi")
            and not ROMAN_RE.match(text) and QUOC_HIEU not in fold(text) and not re.search(r"\d", text))


def _locate_front(parts: Parts, main: list[Para]) -> None:
    zone_end = max((p.order for p in parts.header_zone), default=-1)
    after = [p for p in main if p.top is not None and p.order > zone_end]
    nonempty = [p for p in after if not p.empty]
    i = 0
    if nonempty and _looks_like_title(nonempty[0]):
        parts.title = nonempty[0]
        parts.front.append(parts.title)
        i = 1
        for p in after[after.index(parts.title) + 1:]:
            if p.empty or p.props.border or fold(p.text).startswith("kính gửi") or p.props.align != "center":
                break
            parts.subject.append(p)
        parts.front.extend(parts.subject)
        i += len(parts.subject)
    for p in nonempty[i:i + 3]:
        if fold(p.text).startswith("kính gửi"):
            parts.kinh_gui = p
            parts.front.append(p)
            if re.fullmatch(r"kính gửi\s*:?", fold(p.text)):  # addressees follow as dash lines
                for q in after[after.index(p) + 1:]:
                    if q.empty or not q.text.startswith(("-", "–", "+")) or len(q.text) > 200:
                        break
                    parts.addressees.append(q)
                parts.front.extend(parts.addressees)
            break


def _locate_signature(parts: Parts, doc: Doc, main: list[Para]) -> int:
    """Find Nơi nhận and the signature block; return the order where they start."""
    end = (main[-1].order + 1) if main else 0
    front_end = max((p.order for p in parts.front), default=-1)
    candidates = [p for p in main if p.order > front_end]
    noi_nhan = next((p for p in reversed(candidates) if fold(p.text).startswith("nơi nhận")), None)
    authority = next((p for p in candidates if AUTHORITY_RE.match(p.text)), None)
    parts.noi_nhan = noi_nhan
    starts = [end]
    for anchor in (noi_nhan, authority):
        if anchor is not None:
            starts.append(min(p.order for p in main if p.table == anchor.table) if anchor.table else anchor.order)
    signature: list[Para] = []
    if noi_nhan is not None and noi_nhan.table is not None:
        signature = [p for p in main if p.table == noi_nhan.table and p.cell is not noi_nhan.cell]
    if not any(not p.empty for p in signature) and authority is not None:
        if authority.table is not None:
            signature = [p for p in main if p.cell is authority.cell and p.order >= authority.order]
        else:
            stop = noi_nhan.order if noi_nhan is not None and noi_nhan.order > authority.order else end
            signature = [p for p in main if p.top is not None and authority.order <= p.order < stop]
    if not any(not p.empty for p in signature) and noi_nhan is None:
        signature = _trailing_signature(main, front_end)
        if signature:
            starts.append(signature[0].order)
    parts.signature = signature
    parts.recipients = _recipient_lines(noi_nhan, main, authority) if noi_nhan else []
    return min(starts)


def _trailing_signature(main: list[Para], front_end: int) -> list[Para]:
    """No Nơi nhận and no TM./KT. line: the short lines at the end, caps titles then a name."""
    tail: list[Para] = []
    for p in reversed([p for p in main if p.top is not None and p.order > front_end]):
        if not p.empty and (len(p.text) > 60 or p.text.endswith(("./.", ".", ";", ":"))):
            break
        tail.insert(0, p)
    lines = [p for p in tail if not p.empty]
    if len(lines) < 2 or not all(is_upper(p.text) for p in lines[:-1]):
        return []
    return tail[tail.index(lines[0]):]


def _recipient_lines(noi_nhan: Para, main: list[Para], authority: Para | None):
    lines = [(noi_nhan, text, runs) for text, runs in noi_nhan.lines()[1:]]
    if noi_nhan.table is not None:
        following = [p for p in main if p.cell is noi_nhan.cell and p.order > noi_nhan.order]
    else:
        following = []
        for p in main:
            if p.order <= noi_nhan.order or p.top is None:
                continue
            if p.empty or p is authority or p.table is not None:
                break
            following.append(p)
    for p in following:
        lines.extend((p, text, runs) for text, runs in p.lines())
    # A signature typed beside the list with tabs is not part of the entry.
    return [(p, text.split("\t")[0].strip(), runs) for p, text, runs in lines if text.split("\t")[0].strip()]
