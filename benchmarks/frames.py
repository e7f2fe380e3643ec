"""Play-side frame kinds, interleaved, for before/after comparisons while working on them (FRAMES, issue 17).

    python benchmarks/frames.py                       # every play-side kind, 3 rounds of 500 frames
    python benchmarks/frames.py --only reading,save --rounds 5 --frames 300
    python benchmarks/frames.py --only backlog --profile   # the call tree of one kind
    python benchmarks/frames.py --only fast --over 4        # every frame over 4 ms: its moment and its costly parts

Uses benchmarks/run.py's `frame_scenarios` and `_frames` (main-thread CPU per frame), so the figures
are the same kind as the lead's table; each round builds every scenario afresh and runs them in turn.
"""
from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import time

from common import ROOT  # noqa: F401 - puts the repository on sys.path

from benchmarks.common import shipped_library
from benchmarks.run import PACED, _frames, _pct, _profile, frame_scenarios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="comma-separated name prefixes")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--frames", type=int, default=500)
    parser.add_argument("--profile", action="store_true", help="profile the first chosen kind")
    parser.add_argument("--over", type=float, default=0.0,
                        help="list every frame of the first chosen kind over this many ms of CPU, with its causes")
    args = parser.parse_args()
    library, _ = shipped_library(verbose=False)
    scenarios = {name: setup for name, setup in frame_scenarios(library).items() if not name.startswith("timeline")}
    if args.only:
        wanted = [w.strip() for w in args.only.split(",")]
        scenarios = {n: s for n, s in scenarios.items() if any(n.startswith(w) for w in wanted)}
    if args.over:
        name, setup = next(iter(scenarios.items()))
        over_budget(name, setup, args.frames, args.over)
        return
    if args.profile:  # run.py's call tree (pyinstrument, else cProfile) of the first chosen kind
        name, setup = next(iter(scenarios.items()))
        app, before = setup()
        _frames(app, 60, before, name in PACED)
        print(f"profile: {name}, {args.frames} frames", file=sys.stderr)
        _profile(lambda: _frames(app, args.frames, before, name in PACED))
        return
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in scenarios}
    for _ in range(args.rounds):
        for name, setup in scenarios.items():
            app, before = setup()
            _frames(app, 60, before, name in PACED)
            cpu, _wall = _frames(app, args.frames, before, name in PACED)  # fast clicking at 60 a second, as run.py
            results[name].append((_pct(cpu, 0.5), _pct(cpu, 0.99)))
    print(f"load average {os.getloadavg()[0]:.1f}")
    for name, figures in results.items():
        p50 = " ".join(f"{a:.2f}" for a, _ in figures)
        p99 = " ".join(f"{b:.2f}" for _, b in figures)
        print(f"{name[:40]:40}  p50 {p50:20}  p99 {p99}")


# the parts of a frame timed by --over (main-thread CPU, each call's own and its callees' time)
PARTS = {"game.screens.play.PlayScreen": ("_draw_stage", "_draw_line", "_draw_typed", "_draw_question",
                                          "_draw_scene_card", "_draw_card", "_draw_differ", "draw_sources",
                                          "_draw_note", "_lay_out_ahead", "save", "_present"),
         "game.ui.draw.Still": ("show", "keep"),
         "game.ui.draw.Layers": ("draw",),
         "game.screens.audio.Audio": ("play_ambience", "presented", "update", "_halt", "_start_music", "_start_loop",
                                       "_feed"),  # a loop halted, a track loaded
         "game.ui.widgets.MenuList": ("draw",),
         "game.runtime.runtime.Runtime": ("advance", "choose"),
         "game.screens.app.App": ("present", "_prefetch")}


def over_budget(name: str, setup, frames: int, budget: float) -> None:
    """Every frame over `budget` ms of CPU: what it showed (the moment before and after, "new" when a new moment
    came) and its costliest parts; then, per kind of frame, how many, their mean and p90, and where the time went."""
    import importlib
    from collections import defaultdict
    spent: dict[str, int] = defaultdict(int)

    def timed(owner, method: str) -> None:
        original = getattr(owner, method)
        label = method if owner.__name__ == "PlayScreen" else f"{owner.__name__}.{method}"

        @functools.wraps(original)
        def part(*args, **kwargs):
            start = time.thread_time_ns()
            try:
                return original(*args, **kwargs)
            finally:
                spent[label] += time.thread_time_ns() - start
        setattr(owner, method, part)

    for path, methods in PARTS.items():
        module, cls = path.rsplit(".", 1)
        owner = getattr(importlib.import_module(module), cls)
        for method in methods:
            if hasattr(owner, method):
                timed(owner, method)
    app, before = setup()
    paced = name in PACED

    def moment() -> tuple[str, object]:
        event = getattr(app.top, "event", None)
        held = " (held)" if getattr(app.top, "_held", None) is not None else ""
        return f"{type(app.top).__name__}:{type(event).__name__}{held}", event

    rows = []
    for i in range(60 + frames):
        actions = before(i) if before else ()
        was, event = moment()
        spent.clear()
        cpu, wall = time.thread_time_ns(), time.perf_counter_ns()
        app.step(1 / 60, actions or ())
        app.present()
        cpu = (time.thread_time_ns() - cpu) / 1e6
        now, after = moment()
        if i >= 60:
            rows.append((i, cpu, f"{was} -> {now}{' new' if after is not event else ''}", dict(spent)))
        if paced:
            time.sleep(max(0.0, 1 / 60 - (time.perf_counter_ns() - wall) / 1e9))

    def parts(times: dict[str, float], count: int = 1) -> str:
        top = sorted(times.items(), key=lambda item: -item[1])[:6]
        return " ".join(f"{method}={t / count / 1e6:.2f}" for method, t in top if t / count >= 50_000)

    cpu = sorted(row[1] for row in rows)
    over = [row for row in rows if row[1] > budget]
    print(f"{name}: {len(rows)} frames, load average {os.getloadavg()[0]:.1f}, CPU p50 {_pct(cpu, 0.5):.2f}, "
          f"p99 {_pct(cpu, 0.99):.2f} ms; {len(over)} over {budget:g} ms")
    for i, ms, kind, times in over:
        print(f"  frame {i:5d} {ms:6.2f} ms  {kind}  {parts(times)}")
    kinds: dict[str, list] = defaultdict(list)
    for _, ms, kind, times in rows:
        kinds[kind].append((ms, times))
    print(f"\n{'kind of frame':58} {'n':>5} {'mean':>6} {'p90':>6} {'over':>5}  mean ms of its costliest parts "
          "(a part's time includes the parts it calls)")
    for kind, got in sorted(kinds.items(), key=lambda item: -len(item[1])):
        times: dict[str, float] = defaultdict(float)
        for _, spent_there in got:
            for method, t in spent_there.items():
                times[method] += t
        ms = sorted(m for m, _ in got)
        print(f"{kind[:58]:58} {len(ms):5d} {statistics.mean(ms):6.2f} {_pct(ms, 0.9):6.2f} "
              f"{sum(m > budget for m in ms):5d}  {parts(times, len(ms))}")


if __name__ == "__main__":
    main()
