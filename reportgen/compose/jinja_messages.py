"""Jinja's syntax errors told in Vietnamese: what was written wrong and how to write it."""

from __future__ import annotations

import re

# Jinja's own names for the tokens it expected, as a clerk would recognise them.
_TOKENS = {
    "end of print statement": "dấu đóng }}",
    "end of statement block": "dấu đóng %}",
    "end of template": "hết văn bản",
    "name": "một tên",
    "string": "một chuỗi trong ngoặc kép",
    "integer": "một số",
    "rparen": "dấu đóng )",
    "rbracket": "dấu đóng ]",
    "rbrace": "dấu đóng }",
    "colon": "dấu :",
    "comma": "dấu phẩy",
    "','": "dấu phẩy",
    "')'": "dấu đóng )",
    "']'": "dấu đóng ]",
    "'}'": "dấu đóng }",
    "'%}'": "dấu đóng %}",
    "'}}'": "dấu đóng }}",
}


def _token(text: str) -> str:
    text = text.strip()
    return _TOKENS.get(text) or _TOKENS.get(text.strip("'")) or f"“{text.strip(chr(39))}”"


def _block_tags(message: str) -> str:
    tags = re.findall(r"'(end\w+|else|elif)'", message)
    closing = [t for t in tags if t.startswith("end")]
    tags = closing or tags  # an open block is closed by its end tag; else/elif are optional
    return " hoặc ".join(f"{{% {t} %}}" for t in dict.fromkeys(tags))


_RULES: list[tuple[re.Pattern, object]] = [
    (re.compile(r"No filter named '([^']+)'"),
     lambda m: f'không có bộ lọc "{m.group(1)}" (tên sau dấu |)'),
    (re.compile(r"No test named '([^']+)'"),
     lambda m: f'không có phép thử "{m.group(1)}" (tên sau "is")'),
    (re.compile(r"Encountered unknown tag '([^']+)'(.*)", re.S),
     lambda m: f'thẻ "{{% {m.group(1)} %}}" không có trong Jinja' +
               (f"; ở đây cần {_block_tags(m.group(2))}" if _block_tags(m.group(2)) else "")),
    (re.compile(r"Unexpected end of template(.*)", re.S | re.I),
     lambda m: "văn bản hết mà khối chưa đóng" +
               (f": thiếu {_block_tags(m.group(1))}" if _block_tags(m.group(1)) else "")),
    (re.compile(r"unexpected end of template, expected (.+?)\.?$", re.S),
     lambda m: f"biểu thức chưa đóng: thiếu {_token(m.group(1))}"),
    (re.compile(r"expected token (.+?), got (.+)$", re.S),
     lambda m: f"cần {_token(m.group(1))} nhưng gặp {_token(m.group(2))}"),
    (re.compile(r"unexpected char (.+?) at \d+"),
     lambda m: f"ký tự {m.group(1)} không dùng được trong biểu thức"),
    (re.compile(r"unexpected '([^']+)', expected (.+?)\.?$", re.S),
     lambda m: f"cần {_token(m.group(2))} nhưng gặp “{m.group(1)}”"),
    (re.compile(r"unexpected '([^']+)'"),
     lambda m: f"không chờ “{m.group(1)}” ở đây"),
    (re.compile(r"tag name expected"),
     lambda m: "sau {% cần tên thẻ (if, for, set …)"),
    (re.compile(r"Block '([^']+)' defined twice"),
     lambda m: f'khối "{m.group(1)}" được định nghĩa hai lần'),
    (re.compile(r"missing end of (raw|comment)"),
     lambda m: "thiếu dấu đóng " + ("{% endraw %}" if m.group(1) == "raw" else "#}")),
    (re.compile(r"unexpected end of (comment|raw|string)"),
     lambda m: "chuỗi hoặc ghi chú chưa đóng"),
]


def explain_syntax(message: str | None) -> str:
    """A Jinja TemplateSyntaxError's message in Vietnamese, with what to write instead."""
    text = (message or "").strip()
    for pattern, explain in _RULES:
        match = pattern.search(text)
        if match:
            return f"lỗi cú pháp Jinja: {explain(match)}"
    return "lỗi cú pháp Jinja: biểu thức trong {{ … }} hoặc {% … %} viết sai (kiểm tra dấu ngoặc và dấu đóng)"
