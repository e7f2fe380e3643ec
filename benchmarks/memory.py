"""Pictures and memory while working on them (MEM, issue 17): fast clicking's in-frame decodes, and what a
playthrough holds when its RSS climbs.

    python benchmarks/memory.py decodes [--frames 1500] [--rounds 3]   # fast clicking: CPU p50/p99, decodes
    python benchmarks/memory.py census                                 # 3 playthroughs: what is held at each new high

`decodes` uses benchmarks/run.py's fast-clicking scenario and `_frames` (main-thread CPU per frame) and counts
pictures decoded in the frame (`Images.decodes`), made on the prefetch thread (`prefetched`) and those a new
moment waited a few frames for (`late`: the screen kept showing the moment before). `census` plays run.py's three
playthroughs and prints the RSS with the app made, then, each time RSS passes its high by 0.5 MB, the MB held by
the image pools, the pictures made ahead, the play screen's kept stage, rendered text, panels, the scratch layer,
veils and colour strips, whole-screen spares, kept frames, ambience loops (the channel fading out too), effects,
and what malloc holds: in use and free in its heaps, and in blocks mapped on their own (glibc's mallinfo2). pygame
is loaded as the game loads it first.
"""
from __future__ import annotations

import argparse
import ctypes
import sys

from common import ROOT  # noqa: F401 - puts the repository on sys.path

from game.cli import import_pygame

import_pygame()  # as the game starts (numpy and pkg_resources kept out): before any module imports pygame

from benchmarks.common import peak_rss_mb, rss_mb, shipped_library  # noqa: E402
from benchmarks.run import _frames, _pct, frame_scenarios  # noqa: E402

MB = 2**20


def decodes(frames: int, rounds: int) -> None:
    library, _ = shipped_library(verbose=False)
    setup = frame_scenarios(library)["fast clicking (Enter and 1 every frame, autosaves)"]
    for n in range(rounds):
        app, before = setup()
        _frames(app, 60, before)
        images = app.images
        counts = images.decodes, images.prefetched, images.late
        cpu, _ = _frames(app, frames, before)
        made, ahead, late = (now - then for now, then in zip((images.decodes, images.prefetched, images.late), counts))
        print(f"round {n + 1}: {frames} frames, CPU p50 {_pct(cpu, 0.5):.2f} p99 {_pct(cpu, 0.99):.2f} "
              f"max {max(cpu):.1f} ms; decoded in the frame {made}, on the prefetch thread {ahead}, waited for {late}")


class _MallInfo(ctypes.Structure):
    """glibc's mallinfo2: what malloc holds, in bytes (every arena summed)."""
    _fields_ = [(name, ctypes.c_size_t) for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                     "fsmblks", "uordblks", "fordblks", "keepcost")]


def _malloc_held() -> dict[str, float]:
    """MB malloc holds: in use and free in its heaps, and in blocks mapped on their own (pictures, sounds)."""
    libc = ctypes.CDLL(None)
    if not hasattr(libc, "mallinfo2"):
        return {}
    libc.mallinfo2.restype = _MallInfo
    info = libc.mallinfo2()
    return {"heap used": info.uordblks / MB, "heap free": info.fordblks / MB, "mapped blocks": info.hblkhd / MB}


def _surface_bytes(surface) -> int:
    return surface.get_width() * surface.get_height() * surface.get_bytesize() if surface is not None else 0


def held(app) -> dict[str, float]:
    """MB held by what the app keeps (pools, made ahead, sounds, kept frames, caches) and by malloc."""
    import pygame

    from game.screens import images as im
    from game.screens.audio import AMBIENCE_CHANNELS, _bytes
    from game.ui import draw
    images, audio = app.images, app.audio
    channels = []
    if audio.enabled:  # the loop playing and the one fading out (the channel holds it until it stops), or the
        channels = [sound for n in range(AMBIENCE_CHANNELS)  # pieces of a streamed loop: playing and queued
                    for sound in (pygame.mixer.Channel(n).get_sound(), pygame.mixer.Channel(n).get_queue())]
    stages = [screen.stage for screen in app.stack if isinstance(getattr(screen, "stage", None), draw.Layers)]
    stills = [getattr(screen, "still", None) for screen in app.stack] + \
        [getattr(screen, "_still", None) for screen in app.stack]
    parts = {"full-screen pool": images._pools["bg"].bytes, "portraits": images._small.bytes,
             "made ahead": sum(map(im._size, images._ready.values())),
             "kept stages": sum(_surface_bytes(s._picture) for s in stages),
             "text": app.fonts._cache_bytes, "panels": draw._PANEL_BYTES[0],
             "scratch": sum(map(_surface_bytes, draw._SCRATCH)),
             "veils and strips": sum(map(_surface_bytes, [*draw._STRIPS.values(), *draw._VEILS.values()])),
             "spares": sum(map(_surface_bytes, draw._SPARES)),
             "kept frames": sum(_surface_bytes(s._picture) for s in stills if s is not None),
             "own canvas": _surface_bytes(app._own_canvas),
             "ambience": sum(map(_bytes, {id(s): s for s in [*audio._loops.values(), *channels]
                                          if isinstance(s, pygame.mixer.Sound)}.values())),
             "effects": sum(map(_bytes, audio._sounds.values()))}
    return {**{k: v / MB for k, v in parts.items()}, **_malloc_held()}


def census() -> None:
    """run.py's FULL_PLAY, with the app's present() watched for new RSS highs: at each, what is held."""
    import benchmarks.common as common
    from benchmarks.run import FULL_PLAY
    made = common.new_app
    start = [0.0]

    def new_app(library, **options):
        app = made(library, **options)
        present, high = app.present, [0.0]
        start[0] = rss_mb()
        print(f"RSS with the app made, before the first frame: {start[0]:.1f} MB")

        def watched() -> None:
            present()
            now = rss_mb()
            if now > high[0] + 0.5:
                high[0] = now
                print(f"RSS {now:.1f} MB; " + ", ".join(f"{k} {v:.1f}" for k, v in held(app).items() if v >= 0.05))
        app.present = watched
        return app
    common.new_app = new_app
    exec(FULL_PLAY, {"__name__": "census"})  # prints its peak and events as JSON at the end
    print(f"peak RSS {peak_rss_mb():.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("decodes", "census"))
    parser.add_argument("--frames", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    decodes(args.frames, args.rounds) if args.what == "decodes" else census()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
