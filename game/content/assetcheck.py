"""Checks on asset files and paths that need no pygame: a path an OS can open, and audio that will play.

`validate` runs these so that a file which would crash or silence the game is reported at the
line that names it, instead of failing on the title screen.
"""
from __future__ import annotations

import os
import stat
import wave
from pathlib import Path

from .. import paths  # the game's own folders (no pygame)
from .schema import MAX_PATH_CHARS  # the whole path an author writes under assets/<folder>/

MAX_AUDIO_BYTES = 64 * 1024 * 1024


def path_problem(relative: str) -> str:
    """What makes `relative` unusable as a file path on any platform ("" when fine)."""
    if len(relative) > MAX_PATH_CHARS:
        return f"is {len(relative):,} characters long; at most {MAX_PATH_CHARS} are allowed"
    if not relative.isprintable():
        bad = next(c for c in relative if not c.isprintable())
        return f"contains the control character U+{ord(bad):04X}"
    return ""


def audio_problem(path: Path) -> str:
    """Why `path` would not play ("" when its header is that of a WAV or Ogg file with sound in it)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return "is not a regular file"
        if info.st_size == 0:
            return "is empty"
        if info.st_size > MAX_AUDIO_BYTES:
            return f"is {info.st_size // 2**20} MiB; at most {MAX_AUDIO_BYTES // 2**20} MiB"
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if path.suffix == ".ogg":
        if not head.startswith(b"OggS") or not (b"\x01vorbis" in head or b"OpusHead" in head):
            return "is not an Ogg Vorbis or Opus file"
        return ""
    if not (head.startswith(b"RIFF") and head[8:12] == b"WAVE"):
        return "is not a WAV file"
    try:
        with wave.open(str(path), "rb") as sound:
            if sound.getnframes() == 0:
                return "holds no sound"
    except wave.Error as exc:
        if not str(exc).startswith("unknown format"):  # compressed WAV: pygame may still play it
            return f"is a damaged WAV file ({exc})"
    except (EOFError, OSError, ValueError) as exc:
        return f"is a damaged WAV file ({exc.__class__.__name__})"
    return ""


def shown_asset(path: Path) -> str:
    """The path the game looked at, as an author would type it: relative to the working directory when that
    is shorter, else absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive (Windows)
        relative = str(absolute)
    shown = relative if len(relative) < len(str(absolute)) else str(absolute)
    return Path(shown).as_posix()


def art_hint(root: Path, assets: Path, make: str, tool: str) -> str:
    """The hint for a missing asset file. The game's own art tools (`tool`) are named only to the shipped
    story (scenes/ with assets/ beside it); an assets folder given with --assets is named so its author can
    check it."""
    try:
        shipped = Path(root).resolve() == paths.SCENES.resolve()
        default = Path(assets).resolve() in (Path(root).resolve() / "assets", Path(root).resolve().parent / "assets")
    except (OSError, RuntimeError):
        shipped, default = False, True
    if not default:
        return f"{make} and put it there, or check --assets (it points at {shown_asset(Path(assets))})"
    if shipped:
        return f"{make}, or run {tool}"
    return f"{make} and put it there"
