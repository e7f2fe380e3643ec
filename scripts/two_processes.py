"""Two game processes sharing one data folder: every write must succeed and every read must parse.

    python scripts/two_processes.py [--writes 1200]

Both processes write settings.json, persistent.json and a save slot as fast as they can (the same
files), and read them back between writes. Before issue 14 each atomic write cleared every
temporary file beside its target, including the other process's in-flight one: 522 of 1,200
writes failed. Temporary names now carry the process id and a random part, and only a dead
process's (or an hour-old) temporary file is cleared.
"""
from __future__ import annotations

import argparse
import multiprocessing
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.storage import DamagedFile, StorageError, read_json, write_json  # noqa: E402

NAMES = ["settings.json", "persistent.json", "saves/1.json"]


def _worker(folder: str, writes: int, who: int, results: Any) -> None:
    failed = damaged = 0
    root = Path(folder)
    for n in range(writes):
        path = root / NAMES[n % len(NAMES)]
        try:
            write_json(path, {"who": who, "n": n, "pad": "x" * (n % 7 * 3000)})
        except StorageError:
            failed += 1
        try:
            read_json(path)
        except (DamagedFile, FileNotFoundError):
            damaged += 1
    results.put((failed, damaged))


def run(folder: Path, writes: int = 1200) -> dict[str, int]:
    """`writes` writes in all, half in each of two processes."""
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(str(folder), writes // 2, who, results)) for who in (1, 2)]
    for proc in procs:
        proc.start()
    outcomes = [results.get() for _ in procs]
    for proc in procs:
        proc.join()
    return {"writes": writes // 2 * 2, "failed writes": sum(o[0] for o in outcomes),
            "damaged reads": sum(o[1] for o in outcomes),
            "leftover temp files": sum(1 for _ in folder.rglob("*.tmp"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="two processes writing one data folder")
    parser.add_argument("--writes", type=int, default=1200)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="cell7-two-"))
    start = time.perf_counter()
    try:
        report = run(folder, args.writes)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"two_processes ({time.perf_counter() - start:.1f} s): " + ", ".join(f"{k} {v}" for k, v in report.items()))
    return 1 if report["failed writes"] or report["damaged reads"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
