"""The timeline mode's frames alone (issue 17): CPU p50 / p99 of the four kinds `benchmarks/run.py` times, several
rounds interleaved, and optionally a cProfile of one kind.

    python benchmarks/timeline.py [--rounds N] [--frames N] [--only zooming,selecting] [--profile KIND]

Uses run.py's own scenarios and frame loop, so the figures compare with its `--only frames` rows, plus
"timeline, panning from an empty spot": run.py's panning kind clicks on a marker (its card opens and the drag
is ignored), this one starts the drag where no marker is, so the view follows the pointer.
"""
from __future__ import annotations

import argparse
import cProfile
import math
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import shipped_library  # noqa: E402
from benchmarks.run import _frames, _pct, _timeline_scenarios  # noqa: E402


def _real_pan(library):
    """A drag from an empty spot of the plot, back and forth: the view pans every frame."""
    from benchmarks.common import new_app
    from game.screens.timeline import TimelineScreen
    from game.ui.input import Action

    def setup():
        app = new_app(library)
        screen = TimelineScreen(app)
        app.push(screen)
        plot = screen.view().frame.plot
        x, y = next((x, y) for y in range(plot.centery, plot.bottom, 4) for x in range(plot.centerx, plot.right, 8)
                    if screen._marker_at((x, y)) is None)
        screen.on_action(Action("click", pos=(x, y)))
        return app, lambda i: [Action("drag", pos=(x + round(300 * math.sin(i / 30)), y))]
    return setup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--frames", type=int, default=600)
    parser.add_argument("--only", default="", help="comma-separated words matched against the kinds' names")
    parser.add_argument("--profile", default="", help="a word of one kind's name: print its cProfile")
    args = parser.parse_args()
    library, _ = shipped_library(verbose=False)
    kinds = {**_timeline_scenarios(library), "timeline, panning from an empty spot": _real_pan(library)}
    wanted = [w for w in args.only.split(",") if w]
    kinds = {name: setup for name, setup in kinds.items() if not wanted or any(w in name for w in wanted)}
    if args.profile:
        name, setup = next((n, s) for n, s in kinds.items() if args.profile in n)
        app, before = setup()
        _frames(app, 60, before)
        prof = cProfile.Profile()
        prof.runcall(lambda: _frames(app, args.frames, before))
        print(f"cProfile of {name}, {args.frames} frames", file=sys.stderr)
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
        pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(25)
        return
    for r in range(args.rounds):
        for name, setup in kinds.items():
            app, before = setup()
            _frames(app, 60, before)
            cpu, _wall = _frames(app, args.frames, before)
            print(f"round {r + 1}  {name:28s} CPU p50 {_pct(cpu, 0.5):5.2f}  p99 {_pct(cpu, 0.99):5.2f}  "
                  f"max {max(cpu):5.1f} ms", flush=True)


if __name__ == "__main__":
    main()
