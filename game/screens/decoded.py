"""Large pictures kept decoded in the data folder, so a picture seen before loads without inflating its PNG.

A 1280x720 PNG takes 16-24 ms of CPU to decode here, nearly all of it zlib's inflate; the same pixels as an
uncompressed BMP load in about 1.5 ms. The title's picture is decoded at every start and a place's background
at every visit, so an opaque picture of at least KEPT_FROM bytes, once decoded, is also written as BMP into the
folder given to `keep_in` (the game gives its data folder's cache) and read from there while its PNG is the
same file (path, size and modification time in the name). At most BUDGET bytes are kept on disk (40 MB: the
fifteen most recently used full-screen pictures); the least recently used go first. Small or translucent
pictures (portraits, icons) decode fast and are never kept.

A kept file that does not load, or is not the size the PNG's header says, is set aside into `damaged/` beside
it (game/storage.py) and the picture is decoded from its PNG and kept again.
"""
from __future__ import annotations

import hashlib
import os
import struct
from pathlib import Path

import pygame

from ..storage import set_aside

KEPT_FROM = 1 << 20   # decoded bytes: a full-screen picture is 2.6 MB
BUDGET = 40 << 20     # fifteen full-screen pictures

_folder: Path | None = None


def keep_in(folder: Path | None) -> None:
    """Keep decoded pictures in `folder` from now on (None: keep nothing, decode every time)."""
    global _folder
    _folder = folder


def load(path: Path) -> pygame.Surface:
    """`pygame.image.load(path)`, from the kept copy when there is one; raises as pygame.image.load does."""
    kept = _kept_file(path)
    size = _png_size(path) if kept is not None else None  # only a PNG's header says what its copy must be
    if size is not None:
        image = _load_kept(kept, size)
        if image is not None:
            return image
    image = pygame.image.load(str(path))
    if size is not None and image.get_flags() & pygame.SRCALPHA == 0 \
            and image.get_width() * image.get_height() * image.get_bytesize() >= KEPT_FROM:
        _keep(image, kept)
    return image


def _kept_file(path: Path) -> Path | None:
    """Where `path`'s pixels are kept (named by its path, size and modification time), or None."""
    if _folder is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    name = f"{os.path.abspath(path)}\0{info.st_size}\0{info.st_mtime_ns}".encode("utf-8", "surrogateescape")
    return _folder / f"{hashlib.blake2b(name, digest_size=16).hexdigest()}.bmp"


def _png_size(path: Path) -> tuple[int, int] | None:
    """The width and height a PNG's header gives (None for anything else)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(24)
    except OSError:
        return None
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def _load_kept(kept: Path, size: tuple[int, int]) -> pygame.Surface | None:
    try:
        image = pygame.image.load(str(kept))
    except FileNotFoundError:
        return None
    except (pygame.error, OSError):
        image = None
    if image is None or image.get_size() != size:
        set_aside(kept)  # damaged, or not this picture's: never shown
        return None
    try:
        os.utime(kept)  # recently used: the last to go when the budget is full
    except OSError:
        pass
    return image


def _keep(image: pygame.Surface, kept: Path) -> None:
    """Write the pixels beside the others (atomically: a picture read meanwhile is whole), then trim to BUDGET."""
    tmp = kept.with_name(f"{kept.stem}.{os.getpid()}.{os.urandom(4).hex()}.tmp.bmp")
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(image, str(tmp))
        os.replace(tmp, kept)
        _trim(kept.parent)
    except (pygame.error, OSError):
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # a picture that cannot be kept only costs the next start its decode


def _trim(folder: Path) -> None:
    files = []
    for entry in os.scandir(folder):
        if entry.name.endswith(".bmp") and ".tmp." not in entry.name:
            info = entry.stat()
            files.append((info.st_mtime_ns, info.st_size, entry.path))
    total = sum(size for _, size, _ in files)
    for _, size, file in sorted(files):
        if total <= BUDGET:
            break
        os.unlink(file)
        total -= size
