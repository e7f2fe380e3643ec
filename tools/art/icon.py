"""The Cell 7 application icon: the patched balloon seen through the bars of a cell window at dawn.

    python tools/art/icon.py          # writes assets/icon/ and packaging/linux/cell7.png

Drawn with the same palette, supersampled canvas and balloon as the game's art (tools/art/common.py,
scenery.py), headless and deterministic. It writes:

- ``assets/icon/cell7-<size>.png`` for 16, 32, 48, 64, 128, 256 and 512 pixels (the game sets the
  64-pixel one as its window icon; the bundle carries them all),
- ``assets/icon/cell7.ico`` (Windows: the PNG sizes up to 256 in one ICO file, PNG-compressed entries),
- ``assets/icon/cell7.icns`` (macOS: 16 to 512 pixels as PNG entries),
- ``packaging/linux/cell7.png`` (256 pixels, the icon the Linux .desktop entry names).

ICO and ICNS are written by hand (both are a small header and a table around PNG data), so no
image library beyond pygame is needed.
"""
from __future__ import annotations

import io
import os
import struct
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent
if str(TOOLS) not in sys.path:  # run as a script: make `art` importable
    sys.path.insert(0, str(TOOLS))

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame  # noqa: E402

from art import scenery as S  # noqa: E402
from art.common import PAL, Canvas, dark, light, rgba, rng_for  # noqa: E402

ROOT = TOOLS.parent
OUT = ROOT / "assets" / "icon"
LINUX_ICON = ROOT / "packaging" / "linux" / "cell7.png"
BASE = 256  # drawn at this size (4x supersampled), scaled to each output size
SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 32, 48, 64, 128, 256)
# ICNS entry types holding PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def draw(size: int = BASE) -> pygame.Surface:
    """The icon at `size` pixels: drawn in 256-pixel coordinates, supersampled at least 4x, scaled down."""
    s = BASE
    small = size <= 32  # task-bar sizes: fewer, bolder shapes (no snow, two bars, a larger balloon)
    c = Canvas(s, s, ss=max(4, -(-4 * size // BASE)), alpha=True)
    m = 4 if small else 10  # margin: the tile does not touch the edges, as desktop icons do not
    tile = (m, m, s - 2 * m, s - 2 * m)
    radius = 46
    # the wall around the window: a rounded concrete tile with a darker rim
    c.rect(*tile, PAL["concrete_dk"], radius=radius)
    inner = (m + 18, m + 18, s - 2 * m - 36, s - 2 * m - 36)
    # the sky through the window: night above, dawn below (the film's last image is a balloon at dawn)
    sky = c.layer()
    sky.vgrad(*inner, [(0.0, PAL["night"]), (0.45, PAL["navy"]), (0.78, PAL["plum"]), (1.0, PAL["amber"])])
    sky.glow(s / 2, s * 0.72, 96, PAL["lamp"], alpha=120, power=1.6)
    mask = c.layer()
    mask.rect(*inner, (255, 255, 255, 255), radius=radius - 16)
    sky.clip_to(mask)
    c.paste(sky)
    # a few snowflakes
    rng = rng_for("cell7_icon")
    for _ in range(0 if small else 14):
        x, y = rng.uniform(inner[0] + 8, inner[0] + inner[2] - 8), rng.uniform(inner[1] + 8, s * 0.55)
        c.circle(x, y, rng.uniform(1.6, 2.8), rgba(PAL["snow"], 200))
    # the balloon, rising, lit from below
    S.balloon(c, s / 2, s * (0.40 if small else 0.43), 70 if small else 56, rng,
              lit=PAL["lamp"], shadow=(70, 40, 80), rope=0)
    # bars in front (the cell): three and a cross bar, or two at task-bar sizes
    bar = PAL["steel"]
    w = 16 if small else 12
    for i in ((0, 2) if small else (0, 1, 2)):
        bx = inner[0] + inner[2] * (i + 1) / 4
        c.rect(bx - w / 2, inner[1], w, inner[3], dark(bar, 0.6))
        c.rect(bx - w / 2 + 1, inner[1], w - 2, inner[3], bar)
        c.rect(bx - w / 2 + 1, inner[1], w * 0.3, inner[3], light(bar, 0.3))
    if not small:
        c.rect(inner[0], s * 0.68 - 5, inner[2], 10, dark(bar, 0.75))
        c.rect(inner[0], s * 0.68 - 5, inner[2], 3.5, light(bar, 0.2))
    # the rim of the window and of the tile
    c.rect(*inner, (0, 0, 0, 0), radius=radius - 16, stroke=dark(PAL["concrete_dk"], 0.55), sw=5)
    c.rect(*tile, (0, 0, 0, 0), radius=radius, stroke=dark(PAL["concrete_dk"], 0.6), sw=4)
    return pygame.transform.smoothscale(c.surf, (size, size))


def png_data(surface: pygame.Surface) -> bytes:
    buffer = io.BytesIO()
    pygame.image.save(surface, buffer, "icon.png")
    return buffer.getvalue()


def ico_data(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (read by Windows Vista and later)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    table, blobs, offset = b"", b"", 6 + 16 * len(sizes)
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        table += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + table + blobs


def icns_data(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: 'icns', the total length, then (type, length, PNG data) entries, big-endian."""
    body = b"".join(ICNS_TYPES[size] + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for size in sorted(pngs) if size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_all(out: Path = OUT, linux_icon: Path = LINUX_ICON) -> list[Path]:
    """Write every icon file; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_data(draw(size)) for size in SIZES}
    written = []
    for size, data in pngs.items():
        written.append(_write(out / f"cell7-{size}.png", data))
    written.append(_write(out / "cell7.ico", ico_data({k: v for k, v in pngs.items() if k in ICO_SIZES})))
    written.append(_write(out / "cell7.icns", icns_data(pngs)))
    linux_icon.parent.mkdir(parents=True, exist_ok=True)
    written.append(_write(linux_icon, pngs[256]))
    return written


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def main() -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    pygame.display.init()
    for path in write_all():
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
