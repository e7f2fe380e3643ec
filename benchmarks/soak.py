"""The windowed fast-clicking soak (issue 17) and a census of what its memory is made of (SOAK).

    python benchmarks/soak.py [--frames 30000] [--every 2500] [--trace]

The soak is run.py's: one app with a window, Enter and a number (1-3) every frame with a rollback now and then,
a new game whenever a playthrough ends. `census` prints, every `--every` frames: RSS (anonymous and file-backed),
glibc's heap (mallinfo2: in use, free in the arenas, in big blocks of their own), RSS again after a
`malloc_trim(0)` here (what the trim can still give back), Python's allocated blocks and objects by type
(the types that grew most since the first census), the pygame surfaces reachable from Python and their bytes,
and with `--trace` tracemalloc's largest growths by line.

Run from the repository root; children that play start as the game does (pygame first, game.cli.import_pygame).
"""
from __future__ import annotations

import argparse
import ctypes
import gc
import os
import random
import re
import sys
import tempfile
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.cli import import_pygame  # noqa: E402

import_pygame()

from benchmarks.common import new_app, rss_mb, shipped_library  # noqa: E402
from game.runtime.runtime import Options  # noqa: E402
from game.screens import heap  # noqa: E402
from game.screens.app import App  # noqa: E402
from game.screens.play import PlayScreen  # noqa: E402
from game.ui.input import Action  # noqa: E402


def soak(frames: int, look: Callable[[int, App], None] = lambda i, app: None) -> dict:
    """Play `frames` frames of fast clicking in a windowed app; `look(i, app)` after every frame's present.

    Returns the restarts (new games) and the RSS samples: `(frame, MB)` at the first frame of each new game,
    where every playthrough is at the same point (the title left behind, a fresh play screen, the writer
    flushed), and every 250 frames."""
    library, _ = shipped_library(verbose=False)
    app = new_app(library)
    app.push(PlayScreen(app, options=Options(content_notes="play")))
    rng = random.Random(4)
    restarts, starts, samples = 0, [], []
    for i in range(frames):
        if not isinstance(app.top, PlayScreen):
            app.writer.flush()
            app.replace(PlayScreen(app, options=Options(content_notes="play")))
            restarts += 1
            starts.append((i, rss_mb()))
        actions = [Action("confirm"), Action("digit", number=rng.randint(1, 3))]
        if rng.random() < 0.03:
            actions = [Action("rollback")]
        app.step(1 / 60, actions)
        app.present()
        if i % 250 == 0:
            samples.append((i, rss_mb()))
        look(i, app)
    app.writer.flush()
    return {"restarts": restarts, "starts": starts, "samples": samples, "end": rss_mb()}


# --- the census ---------------------------------------------------------------------------------

MB = 2**20


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                     "fsmblks", "uordblks", "fordblks", "keepcost")]


def _libc():
    libc = ctypes.CDLL(None)
    return libc if hasattr(libc, "mallinfo2") else None


def glibc_heap() -> dict[str, float]:
    """glibc's own account (MB): in use in the arenas, free in the arenas, in big blocks of their own."""
    libc = _libc()
    if libc is None:
        return {}
    libc.mallinfo2.restype = _Mallinfo2
    info = libc.mallinfo2()
    return {"arena used": info.uordblks / MB, "arena free": info.fordblks / MB, "mmapped": info.hblkhd / MB,
            "mmapped blocks": info.hblks}


def status() -> dict[str, float]:
    """RSS, its anonymous and file-backed parts (MB), from /proc/self/status."""
    out = {}
    with open("/proc/self/status") as handle:
        for line in handle:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "RssAnon", "RssFile"):
                out[key] = int(value.split()[0]) / 1024
    return out


def mappings() -> dict[str, float]:
    """Resident MB by kind of mapping: the main heap, thread arenas (64 MiB reserved), other anonymous, files."""
    kinds: dict[str, float] = {}
    entries: list[list] = []  # [kind, size, perms, rss KiB]
    with open("/proc/self/smaps") as handle:
        for line in handle:
            head = line.split()
            if "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):
                lo, hi = (int(x, 16) for x in head[0].split("-"))
                path = head[5] if len(head) > 5 else ""
                kind = path if path.startswith("[") else ("file" if path else "anon")
                entries.append([kind, hi - lo, head[1], 0])
            elif head[0] == "Rss:":
                entries[-1][3] = int(head[1])
    for n, (kind, size, perms, rss) in enumerate(entries):
        if kind == "anon" and perms.startswith("rw") and n + 1 < len(entries):
            follow = entries[n + 1]
            if follow[0] == "anon" and follow[2].startswith("---") and size + follow[1] == 64 * MB:
                kind = "thread arenas"
        kinds[kind] = kinds.get(kind, 0.0) + rss / 1024
    return kinds


def pymalloc() -> dict[str, float]:
    """pymalloc's arenas (CPython's small-object allocator), from sys._debugmallocstats (written on fd 2)."""
    with tempfile.TemporaryFile() as out:
        saved = os.dup(2)
        try:
            sys.stderr.flush()
            os.dup2(out.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        out.seek(0)
        text = out.read().decode(errors="replace")
    found = {}
    for key, pattern in (("arenas", r"# arenas allocated current\s*=\s*([\d,]+)"),
                         ("in use", r"# bytes in allocated blocks\s*=\s*([\d,]+)"),
                         ("total", r"Total\s*=\s*([\d,]+)")):
        match = re.search(pattern, text)
        if match:
            value = int(match.group(1).replace(",", ""))
            found[key] = value / MB if key != "arenas" else value
    return found


def surfaces() -> tuple[int, float, int]:
    """(pygame surfaces reachable from Python, their pixels in MB (subsurfaces count nothing), fonts)."""
    import pygame
    seen: dict[int, object] = {}
    fonts = set()
    for holder in gc.get_objects():
        for item in gc.get_referents(holder):
            if isinstance(item, pygame.Surface):
                seen[id(item)] = item
            elif isinstance(item, pygame.font.Font):
                fonts.add(id(item))
    pixels = sum(s.get_pitch() * s.get_height() for s in seen.values() if s.get_parent() is None)
    return len(seen), pixels / MB, len(fonts)


def _types() -> Counter:
    return Counter(type(o).__qualname__ for o in gc.get_objects())


def census(frames: int, every: int, trace: bool) -> None:
    if trace:
        tracemalloc.start(8)
    trim = _libc().malloc_trim if _libc() is not None else None
    first: dict = {}

    def look(i: int, app: App) -> None:
        if i == 0 or i % every:
            return
        app.writer.flush()
        heap.TRIMMER.wait()
        row: dict[str, object] = {"frame": i, **status(), **{f"map {k}": v for k, v in mappings().items()},
                                   **glibc_heap(), **{f"pymalloc {k}": v for k, v in pymalloc().items()},
                                   "blocks": sys.getallocatedblocks()}
        row["surfaces"], row["surface MB"], row["fonts"] = surfaces()
        row["play screens"] = sum(isinstance(o, PlayScreen) for o in gc.get_objects())  # 1: only the live one
        row["full gc passes"] = gc.get_stats()[2]["collections"]
        if trim is not None:
            trim(0)
            row["VmRSS trimmed"] = status()["VmRSS"]
        types = _types()
        if not first:
            first.update(row=row, types=types, snap=tracemalloc.take_snapshot() if trace else None)
        print(" ".join(f"{k}={v:.1f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()), flush=True)
        grew = (types - first["types"]).most_common(8)
        print("   objects grown since the first census:", ", ".join(f"{t} +{n}" for t, n in grew) or "none",
              flush=True)
        if trace and first["snap"] is not None:
            for stat in tracemalloc.take_snapshot().compare_to(first["snap"], "traceback")[:6]:
                frame = stat.traceback.format()[-2:]
                print(f"   {stat.size_diff / 1024:+.0f} KiB {stat.count_diff:+d} blocks  {' | '.join(frame)}",
                      flush=True)

    result = soak(frames, look)
    print(f"{result['restarts']} new games; RSS at each new game:",
          ", ".join(f"{i}:{mb:.0f}" for i, mb in result["starts"]), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--frames", type=int, default=30_000)
    parser.add_argument("--every", type=int, default=2_500, help="frames between two censuses")
    parser.add_argument("--trace", action="store_true", help="tracemalloc's growth by line (slow)")
    args = parser.parse_args()
    census(args.frames, args.every, args.trace)


if __name__ == "__main__":
    main()
