"""Reading a file's bytes as the text its author saw, and cleaning that text.

Reports come from Windows machines: saved as UTF-16 by Notepad, as Windows-1258 by old
editors, typed with the TCVN3 (ABC) or VNI fonts of the 1990s and pasted into Unicode
files, decomposed (NFD) by macOS, or carrying zero-width characters from a web page.
Each is read correctly or named, with the line and how to fix it.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from reportgen.patterns import LazyPattern
from reportgen.records import record

SAVE_AS_UTF8 = ("mở tệp bằng Notepad, chọn Tệp → Lưu thành (File → Save As), ở ô Mã hóa (Encoding) "
                "chọn UTF-8, rồi lưu")
CONVERT_WITH_UNIKEY = ("chuyển sang Unicode bằng Unikey: chép đoạn văn bản, nhấn chuột phải vào biểu tượng "
                       "Unikey → Công cụ chuyển mã (Ctrl+Shift+F6), chọn Nguồn: {source}, Đích: Unicode, "
                       "bấm Chuyển mã rồi dán lại")
LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI Windows"}


class EncodingProblem(Exception):
    """The bytes are not text we can read; `message` says what they likely are and what to do."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.message = message
        self.line = line


# --- decoding -----------------------------------------------------------------------------

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# Windows-1258 writes Vietnamese with combining tone marks (0xCC 0xEC 0xD2 0xDE 0xF2)
# after the vowel and keeps ă ơ ư đ at 0xE3 0xF5 0xFD 0xF0 (capitals 0xC3 0xD5 0xDD 0xD0).
_CP1258_TONES = LazyPattern(rb"[aeiouyAEIOUY\xe2\xea\xf4\xe3\xf5\xfd\xc2\xca\xd4\xc3\xd5\xdd][\xcc\xec\xd2\xde\xf2]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: ASCII-heavy YAML leaves a zero byte beside every character."""
    if len(data) < 4 or data.count(0) < len(data) // 4:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    encoding = "utf-16-le" if odd > even * 4 else "utf-16-be" if even > odd * 4 else None
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def likely_encoding(data: bytes) -> str:
    """A name for bytes that are not UTF-8: the encodings Vietnamese files were saved in."""
    latin = data.decode("cp1252", errors="replace")
    legacy = legacy_encoding(latin)
    if legacy:
        return LEGACY_NAMES[legacy]
    if _CP1258_TONES.search(data) or re.search(rb"[\xe3\xf5\xfd\xf0\xc3\xd5\xdd\xd0]", data):
        return "Windows-1258"
    return "Windows-1252"


def decode(data: bytes) -> str:
    """The text of a file; raise EncodingProblem with the likely encoding when it is not readable."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                line = data[:exc.start].count(b"\n") + 1
                raise EncodingProblem(f"tệp bắt đầu bằng dấu BOM của {encoding.upper()} nhưng nội dung hỏng "
                                      f"(dòng {line}); {SAVE_AS_UTF8}", line) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        line = data[:exc.start].count(b"\n") + 1
        name = likely_encoding(data)
        if name in LEGACY_NAMES.values():
            fix = CONVERT_WITH_UNIKEY.format(source=name) + ", sau đó lưu tệp bằng mã UTF-8"
        else:
            fix = SAVE_AS_UTF8
        raise EncodingProblem(f"tệp không được lưu bằng mã UTF-8 (có vẻ là {name}; ký tự đầu tiên không đọc "
                              f"được ở dòng {line}): {fix}", line) from None


def decode_head(data: bytes) -> str:
    """The first bytes of a file as text, as `decode` would read them, never failing
    (finding the reports in a folder: a BOM, UTF-16 or a stray byte changes nothing)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    return _utf16_without_bom(data[:len(data) // 2 * 2]) or data.decode("utf-8", errors="replace")


# --- text from the old Vietnamese fonts ------------------------------------------------------

# Vietnamese letters that Latin-1 has: in real text these are the only Latin-1 letters.
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# TCVN3 (ABC) fonts put the other Vietnamese letters at Latin-1 positions: ă=¨ â=© ê=ª ô=« ơ=¬
# ư=(soft hyphen) đ=® à=µ á=¸ ả=¶ ã=· ạ=¹ ắ=¾ ằ=» ặ=Æ ậ=Ë ệ=Ö ì=× ỉ=Ø ị=Þ ò=ß ọ=ä ... Đ=§.
_TCVN3 = {chr(c) for c in range(0xA1, 0x100)} - _VIETNAMESE_LATIN1 - set("°±²³´")
# VNI fonts write a base letter and a mark: á=aù à=aø ả=aû ã=aõ ạ=aï â=aâ ă=aê ấ=aá ậ=aä ư=ö đ=ñ Đ=Ñ.
_VNI = set("øûïåäëüæöñÑÖØÛÏÅÄËÜÆ")
_VNI_VOWEL = "aeiouyâêôöAEIOUYÂÊÔÖ"
_VNI_PAIRS = f"[{_VNI_VOWEL}][øûïæùõØÛÏÆÙÕ]|[aeoAEO][åäâÅÄÂ]|[aA][êëüÊËÜ]"
_VNI_D = f"^[ñÑ][{_VNI_VOWEL}]"
_VNI_MARKS = LazyPattern(f"{_VNI_PAIRS}|{_VNI_D}")
# The same pairs over a whole file. A pair is looked for from its mark back to its letter:
# searching one class of marks is ten times faster than trying the pairs at every letter.
_VNI_MARK_AFTER_LETTER = re.compile(f"[øûïæùõØÛÏÆÙÕåäâÅÄÂêëüÊËÜ](?<={_VNI_PAIRS})")
_VNI_D_AT_LINE_START = re.compile(_VNI_D, re.MULTILINE)
_VNI_U_HORN = "öÖ"  # ư, Ư: also German, so it counts only beside a VNI mark
_ONLY_TCVN3 = _TCVN3 - _VNI
# Letters Western European names also have (Müller, Straße, Peña): alone they prove nothing.
_WESTERN = set("äöüßçëîïñûÄÖÜÇËÎÏÑÛ")
_SUSPECT = re.compile("[" + re.escape("".join(sorted(_TCVN3 | _VNI))) + "]")
# Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and the precomposed tones U+1EA0–U+1EF9).
_MODERN = LazyPattern(r"[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


def _words(text: str) -> list[str]:
    """Runs of letters and Latin-1 signs (so `nh©n` and `Coäng` stay one word each)."""
    return re.findall(r"(?:[^\W\d_]|[\u00a1-\u00ff])+", text)


def legacy_encoding(text: str) -> str | None:
    """"tcvn3" or "vni" when the text reads as letters typed with those fonts, else None.

    A word counts when it mixes ASCII letters with a sign the encoding leaves (`nh©n`,
    `Coäng`); real Vietnamese has none of those inside words. At least two such words,
    a fifth of the words at least, and more of them than words with Unicode-only letters."""
    words = [w for w in _words(text) if re.search(r"[A-Za-z]", w)]
    tcvn = [w for w in words if any(c in _TCVN3 for c in w)]
    if not any(c in _TCVN3 - _WESTERN for w in tcvn for c in w):
        tcvn = []
    vni = [w for w in words if _VNI_MARKS.search(w)]
    if vni:
        vni = [w for w in words if _VNI_MARKS.search(w) or any(c in _VNI_U_HORN for c in w)]
    modern = sum(1 for w in _words(text) if _MODERN.search(w))
    best = max(len(tcvn), len(vni))
    if best < 2 or best <= modern or best * 5 < len(words):
        return None
    if any(c in _ONLY_TCVN3 for w in tcvn for c in w):
        return "tcvn3"
    return "vni" if len(vni) >= len(tcvn) else "tcvn3"


# --- cleaning -----------------------------------------------------------------------------

_INVISIBLE_NAMES = {
    "\u200b": "dấu cách độ rộng 0 (U+200B)", "\u200c": "ký tự nối ẩn (U+200C)", "\u200d": "ký tự nối ẩn (U+200D)",
    "\u2060": "ký tự nối từ ẩn (U+2060)", "\ufeff": "dấu BOM giữa văn bản (U+FEFF)",
    "\u00ad": "dấu gạch nối mềm (U+00AD)",
}


# Control (Cc) and format (Cf) characters, tab and line feed excepted, and the noncharacters
# YAML refuses (U+FFFE, U+FFFF, U+FDD0–U+FDEF).
_INVISIBLE = LazyPattern("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u08e2\u180e"
                        "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufdd0-\ufdef\ufeff\ufff9-\ufffb\ufffe\uffff"
                        "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
                        "\U000e0001\U000e0020-\U000e007f]")


def _may_have_invisible(text: str) -> bool:
    """False when every character but tab and line feed is printable (str.isprintable, in C):
    each of _INVISIBLE is a control, format or noncharacter, none printable. Most files."""
    return not text.replace("\n", "").replace("\t", "").isprintable()


def _describe(ch: str) -> str:
    return _INVISIBLE_NAMES.get(ch) or f"ký tự điều khiển U+{ord(ch):04X}"


@record
class Cleaned:
    text: str
    removed: list  # (line, description) of each invisible character taken out
    legacy: list   # (line, column, "tcvn3"/"vni", the line's text) of text typed with the old fonts


def _suspect_lines(text: str) -> list[int]:
    """The numbers of the lines with a character of TCVN3 or a pair of VNI. Each pattern is
    searched over the whole text, going on from the line after each line it finds: a file
    without such a line costs one search of each."""
    offsets = set()
    for pattern in (_SUSPECT, _VNI_MARK_AFTER_LETTER, _VNI_D_AT_LINE_START):
        if pattern is _VNI_D_AT_LINE_START and "ñ" not in text and "Ñ" not in text:
            continue  # a plain look for the letter is faster than the pattern at every line
        found = pattern.search(text)
        while found:
            offsets.add(text.rfind("\n", 0, found.start()) + 1)
            end = text.find("\n", found.start())
            found = pattern.search(text, end + 1) if end >= 0 else None
    numbers, line, counted_to = [], 1, 0
    for start in sorted(offsets):
        line += text.count("\n", counted_to, start)
        counted_to = start
        numbers.append(line)
    return numbers


def clean(text: str) -> Cleaned:
    """NFC, one kind of line break, no invisible characters; lines in TCVN3/VNI noted.

    The old fonts are looked for before anything is removed: TCVN3 writes ư as the
    soft hyphen."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    legacy = []
    lines = text.split("\n")
    for number in _suspect_lines(text):
        line = lines[number - 1]
        content = line.split(" #")[0] if not line.lstrip().startswith("#") else ""
        if not (_SUSPECT.search(content) or _VNI_MARKS.search(content)):
            continue
        kind = legacy_encoding(content)
        if kind:
            column = next((i for i, c in enumerate(content) if c in _TCVN3 | _VNI), 0) + 1
            legacy.append((number, column, kind, content.strip()))
    text = unicodedata.normalize("NFC", text)
    removed = []
    if _may_have_invisible(text) and _INVISIBLE.search(text):
        lines = text.split("\n")
        for number, line in enumerate(lines, start=1):
            found = _INVISIBLE.findall(line)
            if found:
                removed.extend((number, _describe(c)) for c in dict.fromkeys(found))
                lines[number - 1] = _INVISIBLE.sub("", line)
        text = "\n".join(lines)
    return Cleaned(text, removed, legacy)
