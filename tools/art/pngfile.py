"""Write a surface as a PNG that the game decodes fast: every row filtered "Up", zlib at level 9.

libpng's default (what `pygame.image.save` writes) picks a filter per row, mostly Paeth, whose undoing costs
the most when the game decodes. Up is undone with one subtraction a byte: the shipped full-screen pictures
decode in about 11 ms instead of 20 (libpng, this machine) and the files come out smaller. The pixels are
the same, in RGB, or RGBA when the surface has per-pixel alpha.
"""
from __future__ import annotations

import os
import struct
import zlib

import numpy as np
import pygame

SIGNATURE = b"\x89PNG\r\n\x1a\n"
UP = 2  # the PNG filter type: each byte minus the byte above it


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_up_bytes(surface: pygame.Surface) -> bytes:
    """The surface as PNG bytes, 8 bits a channel, every row filtered Up."""
    alpha = bool(surface.get_flags() & pygame.SRCALPHA)
    mode, colour_type, channels = ("RGBA", 6, 4) if alpha else ("RGB", 2, 3)
    width, height = surface.get_size()
    rows = np.frombuffer(pygame.image.tobytes(surface, mode), np.uint8).reshape(height, width * channels)
    filtered = np.empty((height, width * channels + 1), np.uint8)
    filtered[:, 0] = UP
    filtered[0, 1:] = rows[0]
    filtered[1:, 1:] = rows[1:] - rows[:-1]  # uint8 arithmetic wraps, as PNG's modulo 256 does
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(filtered.tobytes(), 9))
            + _chunk(b"IEND", b""))


def save_png(surface: pygame.Surface, path: str | os.PathLike) -> None:
    with open(path, "wb") as out:
        out.write(png_up_bytes(surface))
