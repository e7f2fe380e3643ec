"""The spectrogram PNGs in docs/sound/, small enough to commit: tools/make_sound.py draws them (1000×400,
a log-frequency spectrogram over an RMS strip, as 24-bit PNGs of 300-500 KB); this keeps the music
pieces' and writes each as an indexed PNG of at most 64 colours (the picture is a one-dimensional colour
map, so nothing visible is lost).

    python scripts/spectrograms.py            # docs/sound/music_<id>.png for every piece
    python scripts/spectrograms.py --out DIR  # elsewhere
"""
from __future__ import annotations

import argparse
import os
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "sound"
BITS = 4  # per channel, before the palette is formed from the colours actually used


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def indexed_png(rgb: np.ndarray) -> bytes:
    """An (h, w, 3) uint8 picture as an 8-bit palette PNG: each channel cut to BITS bits, each cell's mean
    colour in the palette."""
    h, w, _ = rgb.shape
    q = rgb.astype(np.int32) >> (8 - BITS)
    key = (q[..., 0] << 2 * BITS) | (q[..., 1] << BITS) | q[..., 2]
    cells, index = np.unique(key, return_inverse=True)
    if len(cells) > 256:
        raise ValueError(f"{len(cells)} colours: too many for a palette")
    index = index.reshape(h, w)
    palette = bytearray()
    for i in range(len(cells)):
        palette += bytes(int(v) for v in rgb[index == i].mean(axis=0).round())
    rows = b"".join(b"\x00" + index[y].astype(np.uint8).tobytes() for y in range(h))
    header = struct.pack(">IIBBBBB", w, h, 8, 3, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"PLTE", bytes(palette))
            + _chunk(b"IDAT", zlib.compress(rows, 9)) + _chunk(b"IEND", b""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(ROOT / "tools" / "make_sound.py"), "--spectrograms", tmp], check=True,
                       stdout=subprocess.DEVNULL)
        for path in sorted(Path(tmp).glob("music_*.png")):
            rgb = pygame.surfarray.array3d(pygame.image.load(str(path))).transpose(1, 0, 2)
            target = args.out / path.name
            target.write_bytes(indexed_png(rgb))
            print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}  "
                  f"{target.stat().st_size / 1024:4.0f} KB (was {path.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
