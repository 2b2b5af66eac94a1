"""The exported figures as JSON bytes: UTF-8, keys in a fixed order, the same bytes for the same data."""

from __future__ import annotations

import json

FORMAT = "reportgen-chi-tieu/1"


def write_json(data: dict) -> bytes:
    document = {"dinh_dang": FORMAT, **data}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
