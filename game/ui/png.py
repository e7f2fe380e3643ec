"""Encode a surface as PNG bytes in memory.

pygame 2.6's `image.save` to a file object never releases the object (its SDL_RWops is not
closed), so every thumbnail written that way stayed in memory: 35 KB per autosave, 11 MB over
three playthroughs. Writing the few chunks of a PNG ourselves with zlib avoids it.
"""
from __future__ import annotations

import struct
import zlib

import pygame

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(surface: pygame.Surface, level: int = 6) -> bytes:
    """The surface's pixels as an 8-bit RGB PNG (no alpha), compressed at zlib's `level` (a save's thumbnail takes
    1: 2.6 ms against 4.2 ms at 6 for a 256x144 picture of the game, 6% larger)."""
    width, height = surface.get_size()
    pixels = pygame.image.tobytes(surface, "RGB")
    stride = width * 3
    rows = b"".join(b"\x00" + pixels[y * stride:(y + 1) * stride] for y in range(height))  # filter 0: none
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits per channel, RGB
    return SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows, level)) + _chunk(b"IEND", b"")

