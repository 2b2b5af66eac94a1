"""Write reportgen/data/tnr_widths.json: advance widths of Times New Roman, regular and bold.

Read from Liberation Serif 2 (metric-compatible with Times New Roman: the same advance
width for every character, which is what makes line breaks match Word's). The table
holds the characters of Vietnamese text: Basic Latin, Latin-1, Latin Extended-A/B,
combining diacritics, Latin Extended Additional (ạ ả ấ ... ỹ) and general punctuation.

    .venv/bin/python scripts/make_font_metrics.py [--fonts /usr/share/fonts/truetype/liberation2]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
RANGES = ((0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x1E00, 0x1EFF), (0x2000, 0x206F))
FACES = {"regular": "LiberationSerif-Regular.ttf", "bold": "LiberationSerif-Bold.ttf"}


def widths(font_path: Path) -> tuple[int, dict[str, int]]:
    font = TTFont(str(font_path))
    cmap = font.getBestCmap()
    advances = font["hmtx"].metrics
    table = {}
    for first, last in RANGES:
        for code in range(first, last + 1):
            if code in cmap:
                table[chr(code)] = advances[cmap[code]][0]
    return font["head"].unitsPerEm, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fonts", default="/usr/share/fonts/truetype/liberation2")
    parser.add_argument("-o", "--output", default=str(ROOT / "reportgen" / "data" / "tnr_widths.json"))
    args = parser.parse_args()
    data = {"source": "Liberation Serif 2 (metric-compatible with Times New Roman)"}
    for face, name in FACES.items():
        units, table = widths(Path(args.fonts) / name)
        data["units_per_em"] = units
        data[face] = table
    Path(args.output).write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                                 encoding="utf-8")
    print(f"wrote {args.output}: {len(data['regular'])} regular, {len(data['bold'])} bold characters")


if __name__ == "__main__":
    main()
