"""Runtime speed on a linear story of 3,000 lines (issue 17): steps per second with rollback kept.

    python benchmarks/runtime.py [--lines 3000] [--passes 20]

Builds the fixture story's cast with one scene of `lines` lines (`say` and `narrate` alternating),
then advances a Runtime from the first line to the end again and again. A step is one `advance()`
that shows a line. Rollback stays available the whole time (the runtime keeps its history), and the
script checks it at the end. The ink comparison (inkcpp-py or bink, the optional `bench` extra) lives
in benchmarks/run.py's runtime section.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import FIXTURES  # noqa: E402


def linear_story(lines: int = 3000):
    """(story, root): one scene of `lines` lines on the fixture story's cast and assets."""
    from game.content.loader import load_story
    root = Path(tempfile.mkdtemp(prefix="cell7-linear-"))
    shutil.copytree(FIXTURES / "story_ok", root / "scenes")
    shutil.copytree(FIXTURES / "assets", root / "assets")
    for old in (root / "scenes" / "story").iterdir():
        old.unlink()
    (root / "scenes" / "story.yaml").write_text('title: "Linear"\nstart: linear\nchapters:\n'
                                                '  - {number: 1, title: "One"}\n')
    beats = "".join(f'  - say: hero\n    text: "Line {i} of the linear story."\n' if i % 2 else
                    f'  - narrate: "Narration {i}."\n' for i in range(lines))
    (root / "scenes" / "story" / "linear.yaml").write_text(
        'id: linear\ntitle: "Linear"\nchapter: 1\ndate: "Day"\nbackground: room\nbeats:\n' + beats
        + '  - end: done\n')
    return load_story(root / "scenes"), root


def steps_per_second(story, passes: int = 20) -> tuple[float, float, int]:
    """(steps per second of wall time, steps per second of this thread's CPU time, steps per pass), each the
    best of `passes` passes through the whole story. On a shared host the CPU figure is the steadier one."""
    from game.runtime import events as ev
    from game.runtime.runtime import Runtime
    best, best_cpu, steps = float("inf"), float("inf"), 0
    for _ in range(passes):
        rt = Runtime(story)
        t, c = time.perf_counter(), time.thread_time()
        n = 0
        advance = rt.advance
        while not isinstance(advance(), ev.EndEvent):
            n += 1
        cpu, elapsed = time.thread_time() - c, time.perf_counter() - t
        best, best_cpu, steps = min(best, elapsed), min(best_cpu, cpu), n
        back = rt.rollback()  # rollback is still there after thousands of steps
        assert isinstance(back, ev.LineEvent), back
    return steps / best, steps / max(best_cpu, 1e-9), steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=3000)
    parser.add_argument("--passes", type=int, default=20)
    args = parser.parse_args(argv)
    story, root = linear_story(args.lines)
    try:
        rate, cpu_rate, steps = steps_per_second(story, args.passes)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"{rate:,.0f} steps/s of wall time, {cpu_rate:,.0f} of CPU time ({steps} steps per pass, best of "
          f"{args.passes})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
