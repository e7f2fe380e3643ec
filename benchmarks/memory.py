"""Pictures and memory while working on them (MEM, issue 17): fast clicking's in-frame decodes, and what a
playthrough holds when its RSS climbs.

    python benchmarks/memory.py decodes [--frames 1500] [--rounds 3]   # fast clicking: CPU p50/p99, decodes
    python benchmarks/memory.py census                                 # 3 playthroughs: what is held at each new high

`decodes` uses benchmarks/run.py's fast-clicking scenario and `_frames` (main-thread CPU per frame) and counts
pictures decoded in the frame (`Images.decodes`), made on the prefetch thread (`prefetched`) and those a new
moment waited a few frames for (`late`: the screen kept showing the moment before). `census` plays run.py's three
playthroughs and prints, each time RSS passes its high by 0.5 MB, the bytes of the image pools, the pictures made
ahead, rendered text, panels, ambience loops and effects.
"""
from __future__ import annotations

import argparse
import sys

from common import ROOT  # noqa: F401 - puts the repository on sys.path

from benchmarks.common import peak_rss_mb, rss_mb, shipped_library
from benchmarks.run import _frames, _pct, frame_scenarios

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


def census() -> None:
    """run.py's FULL_PLAY, with the app's present() watched for new RSS highs."""
    import benchmarks.common as common
    from benchmarks.run import FULL_PLAY
    from game.screens import images as im
    from game.screens.audio import _bytes
    from game.ui import draw
    made = common.new_app

    def new_app(library, **options):
        app = made(library, **options)
        present, high = app.present, [0.0]

        def watched() -> None:
            present()
            now = rss_mb()
            if now > high[0] + 0.5:
                high[0] = now
                images, audio = app.images, app.audio
                held = {"full-screen pool": images._pools["bg"].bytes, "portraits": images._small.bytes,
                        "made ahead": sum(map(im._size, images._ready.values())), "text": app.fonts._cache_bytes,
                        "panels": draw._PANEL_BYTES[0], "ambience": sum(map(_bytes, audio._loops.values())),
                        "effects": sum(map(_bytes, audio._sounds.values()))}
                print(f"RSS {high[0]:.1f} MB; " + ", ".join(f"{k} {v / MB:.1f}" for k, v in held.items()))
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
