"""Play-side frame kinds, interleaved, for before/after comparisons while working on them (FRAMES, issue 17).

    python benchmarks/frames.py                       # every play-side kind, 3 rounds of 500 frames
    python benchmarks/frames.py --only reading,save --rounds 5 --frames 300
    python benchmarks/frames.py --only backlog --profile   # the call tree of one kind

Uses benchmarks/run.py's `frame_scenarios` and `_frames` (main-thread CPU per frame), so the figures
are the same kind as the lead's table; each round builds every scenario afresh and runs them in turn.
"""
from __future__ import annotations

import argparse
import os
import sys

from common import ROOT  # noqa: F401 - puts the repository on sys.path

from benchmarks.common import shipped_library
from benchmarks.run import PACED, _frames, _pct, _profile, frame_scenarios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="comma-separated name prefixes")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--frames", type=int, default=500)
    parser.add_argument("--profile", action="store_true", help="profile the first chosen kind")
    args = parser.parse_args()
    library, _ = shipped_library(verbose=False)
    scenarios = {name: setup for name, setup in frame_scenarios(library).items() if not name.startswith("timeline")}
    if args.only:
        wanted = [w.strip() for w in args.only.split(",")]
        scenarios = {n: s for n, s in scenarios.items() if any(n.startswith(w) for w in wanted)}
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


if __name__ == "__main__":
    main()
