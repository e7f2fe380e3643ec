"""Soak: a long random autoplay through every branch, with rollbacks, roll-forwards and save/load round
trips mixed in. Fails (exit 1) on any error or any broken invariant; prints its counts.

    python scripts/soak.py --steps 100000 [--seeds 4] [--scenes scenes/]

Invariants checked as it goes:
  * rollback then roll_forward shows the same event again;
  * saving and loading (through SaveStore, on disk) resumes exactly, and the next event is the same;
  * the rollback history never exceeds its limit.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import rss_mb, story_for_tools  # noqa: E402
from game.runtime import events as ev  # noqa: E402
from game.runtime.runtime import HISTORY_LIMIT, Options, Runtime  # noqa: E402
from game.saves import SaveStore  # noqa: E402


@dataclass
class SoakReport:
    steps: int = 0
    playthroughs: int = 0
    rollbacks: int = 0
    roll_forwards: int = 0
    saves: int = 0
    loads: int = 0
    choices: set = field(default_factory=set)
    scenes: set = field(default_factory=set)
    endings: Counter = field(default_factory=Counter)

    def summary(self, story) -> str:
        all_options = sum(len(op.options) for s in story.scenes.values() for op in s.code if hasattr(op, "options"))
        return (f"{self.steps} steps, {self.playthroughs} playthroughs, scenes {len(self.scenes)}/{len(story.scenes)}, "
                f"choice options taken {len(self.choices)}/{all_options}, endings "
                + ", ".join(f"{k or '(none)'} x{v}" for k, v in sorted(self.endings.items()))
                + f"; rollbacks {self.rollbacks}, roll-forwards {self.roll_forwards}, save/load round trips "
                f"{self.loads}")


def soak(story, steps: int, seed: int, folder: Path, report: SoakReport | None = None) -> SoakReport:
    rng = random.Random(seed)
    report = report or SoakReport()
    store = SaveStore(folder)
    options = Options(prompts=rng.random() < 0.5, content_notes=rng.choice(["ask", "play", "summary"]))
    rt = Runtime(story, options)
    done = 0
    while done < steps:
        event = rt.advance()
        done += 1
        if isinstance(event, ev.SceneStart):
            report.scenes.add(event.scene)
        r = rng.random()
        if r < 0.03 and len(rt.shown()) >= 2:  # rollback, then (usually) forward again to the same event
            back = rt.rollback()
            assert back is not None
            report.rollbacks += 1
            if rng.random() < 0.7 and rt.can_roll_forward:
                again = rt.roll_forward()
                report.roll_forwards += 1
                assert again == event, f"roll forward showed {again!r}, expected {event!r}"
            continue
        if r < 0.045:  # save and load through the disk, as the game does
            store.save("quick", rt)
            resumed = store.load("quick", story, rt.options, rt.seen)
            report.saves += 1
            report.loads += 1
            assert resumed.exact, resumed.message
            loaded = resumed.runtime
            assert loaded.advance() == rt.current, "a loaded save shows a different moment"
            assert loaded.snapshot() == rt.snapshot()
            rt = loaded
        assert len(rt.shown()) <= HISTORY_LIMIT
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            index, _ = rng.choice(event.options)
            if isinstance(event, ev.ChoiceEvent):
                report.choices.add((rt.state.scene, event.key, index))
            rt.choose(index)
        elif isinstance(event, ev.EndEvent):
            report.endings[event.ending] += 1
            report.playthroughs += 1
            options = Options(prompts=rng.random() < 0.5, content_notes=rng.choice(["ask", "play", "summary"]))
            rt = Runtime(story, options, seen=rt.seen)
    report.steps += done
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="long random autoplay with rollbacks and save/load round trips")
    parser.add_argument("--steps", type=int, default=100_000, help="total steps, split over the seeds")
    parser.add_argument("--seeds", type=int, default=4)
    parser.add_argument("--fixture", action="store_true", help="use the small fixture story, not scenes/")
    args = parser.parse_args(argv)
    story, _, label = story_for_tools(prefer_shipped=not args.fixture)
    folder = Path(tempfile.mkdtemp(prefix="cell7-soak-"))
    report = SoakReport()
    start, rss0 = time.perf_counter(), rss_mb()
    try:
        for seed in range(args.seeds):
            soak(story, args.steps // args.seeds, seed, folder, report)
    except Exception:  # noqa: BLE001
        import traceback
        traceback.print_exc()
        print(f"soak FAILED after {report.steps} steps ({label} story)")
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"soak ok ({label} story, {args.seeds} seeds, {time.perf_counter() - start:.1f} s, "
          f"RSS {rss0:.0f} → {rss_mb():.0f} MB): {report.summary(story)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
