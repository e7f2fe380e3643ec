"""Rebuild the shipped fonts in assets/fonts/ from Debian's font packages.

The game must draw Hangul on a machine with no system fonts, so it ships its own:
NanumGothic (OFL-1.1, package fonts-nanum) for Latin and Korean text, and DejaVu Sans
(package fonts-dejavu-core) as the fallback for the Latin letters Nanum lacks
(Turkish ğ, İ, ş in the remake titles, for example). Both are cut down to the
Unicode blocks the game can use, and a `<font>.coverage` file lists the code points
each one holds, so the renderer and the linter know which glyphs exist without
needing fontTools at run time.

Usage: python tools/build_fonts.py   (needs fontTools, dpkg and apt-get download)
"""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parent.parent / "assets" / "fonts"

BLOCKS = [
    (0x0020, 0x007E), (0x00A0, 0x024F),  # Latin, Latin-1, Latin Extended-A/B
    (0x2000, 0x206F), (0x20A0, 0x20BF),  # punctuation, currency
    (0x2190, 0x21FF), (0x2200, 0x22FF), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF),
    (0x3000, 0x303F), (0x3130, 0x318F),  # CJK punctuation, Hangul compatibility jamo
    (0xAC00, 0xD7A3),  # every Hangul syllable, so authors can write any Korean line
]

FONTS = {
    "fonts-nanum": [("usr/share/fonts/truetype/nanum/NanumGothic.ttf", "NanumGothic-Regular.ttf"),
                    ("usr/share/fonts/truetype/nanum/NanumGothicBold.ttf", "NanumGothic-Bold.ttf")],
    "fonts-dejavu-core": [("usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "DejaVuSans.ttf")],
}


def wanted_codepoints() -> list[int]:
    return [cp for lo, hi in BLOCKS for cp in range(lo, hi + 1)]


def write_coverage(font_path: Path) -> None:
    """Store covered code points as compact `start-end` ranges, one per line."""
    cps = sorted(TTFont(font_path).getBestCmap())
    ranges, start, prev = [], cps[0], cps[0]
    for cp in cps[1:] + [None]:
        if cp is not None and cp == prev + 1:
            prev = cp
            continue
        ranges.append(f"{start:04X}-{prev:04X}")
        if cp is not None:
            start = prev = cp
    font_path.with_suffix(".coverage").write_text("\n".join(ranges) + "\n")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for package, files in FONTS.items():
            subprocess.run(["apt-get", "download", package], cwd=tmp, check=True)
            deb = next(Path(tmp).glob(f"{package}_*.deb"))
            subprocess.run(["dpkg", "-x", str(deb), "root"], cwd=tmp, check=True)
            for src, dst in files:
                options = subset.Options()
                options.layout_features = ["*"]
                options.name_IDs = ["*"]
                font = TTFont(Path(tmp, "root", src))
                subsetter = subset.Subsetter(options)
                subsetter.populate(unicodes=wanted_codepoints())
                subsetter.subset(font)
                font.save(OUT / dst)
                write_coverage(OUT / dst)
                print(f"wrote {OUT / dst} ({(OUT / dst).stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
