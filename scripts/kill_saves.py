"""Kill a saving process with SIGKILL at random moments; every save file must be the old or the new one.

    python scripts/kill_saves.py --runs 200 [--seed 0] [--fixture] [--background]

A forked child plays the story at random and saves through game.saves (slot 1 with a thumbnail, the
rotating autosaves, settings through game.profile) as fast as it can; the parent kills it after a
random 1–40 ms, then checks every save file: it parses, it is the save seen before the kill or a newer
one (its saved_at never goes back), and SaveStore.load resumes it on the real story.
Leftover temporary files (a kill between mkstemp and rename) are counted and reported.
With --background the child saves as the game does, through a BackgroundWriter: the kill lands while the
writer thread encodes or writes, and the files must still be the old or the new ones.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import story_for_tools  # noqa: E402
from game.profile import Profile, story_folder  # noqa: E402
from game.runtime import events as ev  # noqa: E402
from game.runtime.runtime import Options, Runtime  # noqa: E402
from game.saves import AUTO_SLOTS, SaveError, SaveStore  # noqa: E402
from game.storage import BackgroundWriter  # noqa: E402


def _writer(story, folder: str, seed: int, background: bool = False) -> None:
    """Child: play and save forever (until killed); with `background`, through a writer thread."""
    rng = random.Random(seed)
    profile = Profile(folder, story.id)
    if background:
        profile.saves.writer = BackgroundWriter()
    rt = Runtime(story, Options(content_notes="play"), seen=profile.seen)
    while True:
        for _ in range(rng.randint(1, 6)):
            event = rt.advance()
            if isinstance(event, ev.WAITS_FOR_CHOICE):
                rt.choose(rng.choice(event.options)[0])
            elif isinstance(event, ev.EndEvent):
                rt = Runtime(story, rt.options, seen=rt.seen)
        thumb = os.urandom(rng.choice([1_000, 30_000, 300_000]))
        profile.saves.save("1", rt, thumbnail_png=(lambda data=thumb: data) if background else thumb)
        profile.saves.autosave(rt)
        profile.settings.text_speed = rng.randint(0, 200)
        profile.save_settings()
        profile.save_persistent()


def check(folder: Path, story, before: dict[str, float]) -> dict[str, float]:
    """Check every file after a kill; returns the new 'last seen' map. Raises AssertionError on a bad file."""
    store = SaveStore(story_folder(folder, story.id))
    seen: dict[str, float] = {}
    for slot in ["1", *AUTO_SLOTS]:
        path = store.path(slot)
        if not path.exists():
            assert slot not in before, f"slot {slot} vanished"
            continue
        record = json.loads(path.read_text(encoding="utf-8"))  # a torn file fails here
        order = record["saved_at"]
        if slot in before:
            assert order >= before[slot], f"slot {slot} went back from {before[slot]} to {order}"
        try:
            store.load(slot, story)
        except SaveError as exc:
            raise AssertionError(f"slot {slot} does not load: {exc}") from None
        seen[slot] = order
    for path in (folder / "settings.json", story_folder(folder, story.id) / "persistent.json"):
        if path.exists():
            json.loads(path.read_text(encoding="utf-8"))
    return seen


def run(story, runs: int, seed: int, folder: Path, min_ms: float = 1, max_ms: float = 40,
        background: bool = False) -> Counter:
    rng = random.Random(seed)
    ctx = multiprocessing.get_context("fork")
    counts: Counter[str] = Counter()
    profile = Profile(folder, story.id)  # saves to start from, so a kill before a child's first save still checks files
    profile.saves.save("1", Runtime(story, Options(content_notes="play")))
    profile.saves.autosave(Runtime(story, Options(content_notes="play")))
    last = check(folder, story, {})
    for _i in range(runs):
        proc = ctx.Process(target=_writer, args=(story, str(folder), rng.randrange(2**31), background), daemon=True)
        proc.start()
        time.sleep(rng.uniform(min_ms, max_ms) / 1000)
        os.kill(proc.pid, signal.SIGKILL)
        proc.join()
        counts["kills"] += 1
        current = check(folder, story, last)
        counts["old file kept"] += sum(1 for k, v in current.items() if last.get(k) == v)
        counts["new file"] += sum(1 for k, v in current.items() if last.get(k) != v)
        last = current
    counts["leftover temp files"] = sum(1 for p in folder.rglob("*.tmp"))
    counts["files checked"] = counts["old file kept"] + counts["new file"]
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="SIGKILL a saving process; saves must stay whole")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--fixture", action="store_true", help="use the small fixture story, not scenes/")
    parser.add_argument("--background", action="store_true", help="save through a background writer thread")
    args = parser.parse_args(argv)
    story, _, label = story_for_tools(prefer_shipped=not args.fixture)
    folder = Path(tempfile.mkdtemp(prefix="cell7-kill-"))
    start = time.perf_counter()
    try:
        counts = run(story, args.runs, args.seed, folder, background=args.background)
    except AssertionError as exc:
        print(f"kill_saves FAILED: {exc}")
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"kill_saves ok ({label} story, {time.perf_counter() - start:.1f} s): "
          + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
