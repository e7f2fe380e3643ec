#!/usr/bin/env python3
"""Synthesise Cell 7's score, ambience loops and sound effects (no samples, no downloads).

    python tools/make_sound.py                  # everything (about 3-4 minutes on 2 busy cores)
    python tools/make_sound.py --only hope      # one id (music, ambience or effect)
    python tools/make_sound.py --kind sfx       # one kind: music, ambience or sfx
    python tools/make_sound.py --list
    python tools/make_sound.py --report         # measure the files on disk (length, loudness, peak, seam, size)
    python tools/make_sound.py --spectrograms /tmp/spec   # a PNG per music/ambience file, for review

Output: OGG Vorbis, 44.1 kHz, in assets/audio/{music,ambience,sfx}/<id>.ogg; music and ambience
in stereo, effects in mono. A stale <id>.wav beside a new <id>.ogg is removed. Needs numpy and
soundfile (the `tools` extra); the report and spectrograms also read the files with soundfile.
Deterministic: the same code gives byte-identical files.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
from sound import ambience, score, sfx  # noqa: E402
from sound.master import PEAK_LIMIT_DB, TARGET_LUFS, master, write_ogg  # noqa: E402
from sound.measure import loudness, seam, true_peak  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "audio"
BUDGET_MB = 12.0
MIN_SECONDS = {"music": 90.0, "ambience": 30.0}


def jobs() -> list[tuple[str, str, object]]:
    """(kind, id, render function) for every file."""
    return ([("music", k, f) for k, f in score.PIECES.items()] + [("ambience", k, f) for k, f in ambience.LOOPS.items()]
            + [("sfx", k, f) for k, f in sfx.EFFECTS.items()])


def render(kind: str, name: str, fn) -> Path:
    loop = kind != "sfx"
    level = "ui" if kind == "sfx" and name in sfx.UI else kind
    x = master(fn() if loop else sfx.finish(fn()), level, loop)
    path = OUT / kind / f"{name}.ogg"
    write_ogg(path, x, level)
    stale = path.with_suffix(".wav")
    if stale.exists():
        stale.unlink()
    return path


def report() -> int:
    """Measure every file as decoded from disk; exit 1 when one is out of spec."""
    import soundfile

    total, bad = 0, 0
    print(f"{'file':32s} {'len s':>6s} {'rate':>6s} {'ch':>2s} {'LUFS':>6s} {'dBTP':>6s} {'seam':>5s} {'KB':>6s}")
    for path in sorted(OUT.glob("*/*.*")):
        size = path.stat().st_size
        total += size
        x, rate = soundfile.read(str(path), always_2d=True)
        kind = path.parent.name
        loop = kind != "sfx"
        lufs = loudness(x, rate, loop)
        tp = true_peak(x, loop)
        step = seam(x)["step"] if loop else 0.0
        level = "ui" if kind == "sfx" and path.stem in sfx.UI else kind
        target, ceiling = TARGET_LUFS[level], PEAK_LIMIT_DB[level]
        problems = []
        if abs(lufs - target) > 1.0:
            problems.append(f"loudness {lufs:.1f} (target {target})")
        if tp > ceiling:
            problems.append(f"true peak above {ceiling} dBTP")
        if loop and step > 1.0:
            problems.append("loop seam jumps")
        if len(x) / rate < MIN_SECONDS.get(kind, 0):
            problems.append("too short")
        bad += bool(problems)
        print(f"{kind + '/' + path.name:32s} {len(x) / rate:6.1f} {rate:6d} {x.shape[1]:2d} {lufs:6.1f} {tp:6.1f} "
              f"{step:5.2f} {size / 1024:6.0f}  {'; '.join(problems)}")
    mb = total / 1024 / 1024
    print(f"total {mb:.2f} MB of a {BUDGET_MB:.0f} MB budget")
    return 1 if bad or mb > BUDGET_MB else 0


def spectrograms(folder: Path) -> None:
    """Log-frequency spectrogram (top) and RMS envelope (bottom) per loop, for looking at, not listening to."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame
    import soundfile

    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(list(OUT.glob("music/*.ogg")) + list(OUT.glob("ambience/*.ogg"))):
        x, rate = soundfile.read(str(path), always_2d=True)
        mono = x.mean(axis=1)
        width, height, hop = 1000, 300, max(1, len(mono) // 1000)
        win = 4096
        padded = np.pad(mono, (0, win))
        window = np.hanning(win)
        frames = np.stack([np.abs(np.fft.rfft(window * padded[i:i + win])) for i in range(0, hop * width, hop)])
        f = np.fft.rfftfreq(win, 1 / rate)
        rows = np.geomspace(40, 16000, height)
        idx = np.searchsorted(f, rows)
        db = 20 * np.log10(frames[:, idx] + 1e-9)
        img = np.clip((db - db.max() + 80) / 80, 0, 1)
        rgb = np.stack([img ** 0.6 * 255, img ** 1.5 * 255, (1 - img) * img * 4 * 160], axis=-1)[:, ::-1]
        env = np.array([np.sqrt(np.mean(mono[i:i + hop] ** 2)) for i in range(0, hop * width, hop)])
        env_db = np.clip((20 * np.log10(env + 1e-9) + 60) / 60, 0, 1)
        strip = np.zeros((width, 100, 3))
        for i, v in enumerate(env_db):
            strip[i, 100 - int(v * 99):, :] = (120, 200, 255)
        surf = pygame.surfarray.make_surface(np.concatenate([rgb, strip], axis=1).astype(np.uint8))
        pygame.image.save(surf, str(folder / f"{path.parent.name}_{path.stem}.png"))
        print(folder / f"{path.parent.name}_{path.stem}.png")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="one id")
    ap.add_argument("--kind", choices=("music", "ambience", "sfx"))
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--spectrograms", type=Path, metavar="DIR")
    args = ap.parse_args()
    if args.report:
        return report()
    if args.spectrograms:
        spectrograms(args.spectrograms)
        return 0
    items = [j for j in jobs() if (not args.kind or j[0] == args.kind) and (not args.only or j[1] == args.only)]
    if args.list:
        for kind, name, _ in jobs():
            print(f"{kind:8s} {name}")
        return 0
    if not items:
        print(f"unknown id: {args.only}", file=sys.stderr)
        return 2
    t0 = time.time()
    for kind, name, fn in items:
        t = time.time()
        path = render(kind, name, fn)
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size / 1024:6.0f} KB  {time.time() - t:5.1f} s", flush=True)
    print(f"done in {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
