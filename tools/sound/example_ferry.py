#!/usr/bin/env python3
"""Night Ferry's three ambience loops (examples/night_ferry/assets/audio/ambience/), built with Cell 7's
sound tools (synth, ambience beds, master) and nothing else: no samples, no downloads.

    python tools/sound/example_ferry.py           # write all three (about 20 s)
    python tools/sound/example_ferry.py --only still

- harbour: rain on a stone quay, water slapping the wall and the hull, a mooring rope creaking
  (Sarrow quay, Hollin harbour);
- underway: the Marguerite under way, heard from inside: the diesel's slow throb and the wash along
  the hull (the saloon, the wheelhouse, the aft deck);
- still: the engines stopped at the middle: only the rain on the water and the water on the hull.
  The one place the throb stops is the one moment the story asks for quiet.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sound.ambience import _bed, _ring  # noqa: E402
from sound.master import master, write_ogg  # noqa: E402
from sound.synth import SR, filt, noise, resonator, slow, tvec  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent.parent
OUT = ROOT / "examples" / "night_ferry" / "assets" / "audio" / "ambience"
SECONDS = 30


def _rain(n: int, seed: int, amount: float) -> np.ndarray:
    """Fine rain: a bright hiss with a little grain in it."""
    hiss = _bed(n, seed, 2500, 9000) * 0.5
    grain = _bed(n, seed + 5, 900, 4000) * np.clip(slow(n, 3.0, seed + 6), 0, None) * 0.4
    return (hiss + grain) * amount


def _slaps(n: int, seed: int, every: float, low: float, high: float) -> np.ndarray:
    """Water against a wall or a hull: filtered noise swelling and falling in irregular waves."""
    t = tvec(n)
    rng = np.random.default_rng(seed)
    swell = np.zeros(n)
    at = 0.0
    while at < n / SR:
        width = rng.uniform(0.4, 0.9)
        d = ((t - at + n / SR / 2) % (n / SR)) - n / SR / 2  # circular distance to the wave
        swell += rng.uniform(0.5, 1.0) * np.exp(-(d / width) ** 2)
        at += every * rng.uniform(0.6, 1.4)
    water = _bed(n, seed + 1, low, high, 0.6)
    return water * swell[None, :]


def harbour() -> np.ndarray:
    tr = _ring(SECONDS)
    n = tr.n
    tr.dry += _rain(n, 701, 0.35)
    tr.dry += _slaps(n, 710, 2.6, 120, 1400) * 3.0
    creak_len = int(0.9 * SR)
    creak = resonator(noise(creak_len, 720) * (np.sin(2 * np.pi * 23 * tvec(creak_len)) > 0.7), 480, 90)
    creak *= np.sin(np.pi * tvec(creak_len) / 0.9)
    for at, pan in ((6.0, -0.6), (19.5, -0.5)):
        tr.add(creak * 0.5, at, pan, 0.8)
    return tr.mix(room=1.2, seed=71)


def underway() -> np.ndarray:
    tr = _ring(SECONDS)
    n = tr.n
    t = tvec(n)
    # a slow diesel: 7.5 firing pulses a second under a 60 Hz body, felt more than heard
    pulse = (0.5 + 0.5 * np.sin(2 * np.pi * 7.5 * t)) ** 3
    body = np.sin(2 * np.pi * 45 * t) + 0.5 * np.sin(2 * np.pi * 90 * t) + 0.2 * np.sin(2 * np.pi * 135 * t)
    rumble = filt(noise(n, 730), lo=30, hi=220, circular=True)
    knock = filt(noise(n, 731), lo=150, hi=600, circular=True) * pulse  # the pulses heard through the deck
    engine = (0.25 * body + 1.5 * rumble) * (0.55 + 0.45 * pulse) + 0.8 * knock
    tr.dry += np.stack([engine, engine]) * 0.9
    tr.dry += _slaps(n, 740, 3.5, 200, 2500) * 1.2  # the wash along the hull
    tr.dry += _rain(n, 750, 0.15)  # rain on the windows
    return tr.mix(room=0.9, seed=72)


def still() -> np.ndarray:
    tr = _ring(SECONDS)
    n = tr.n
    tr.dry += _rain(n, 760, 0.3)
    tr.dry += _slaps(n, 770, 4.5, 90, 900) * 3.0
    return tr.mix(room=2.0, seed=73)


LOOPS = {"harbour": harbour, "underway": underway, "still": still}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=sorted(LOOPS))
    args = ap.parse_args()
    for name, fn in LOOPS.items():
        if args.only and name != args.only:
            continue
        path = OUT / f"{name}.ogg"
        write_ogg(path, master(fn(), "ambience", True), "ambience")
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
