"""Ambience loops (stereo, 40 s): continuous beds built circularly, events placed on a ring buffer.

Beds are noise filtered in the frequency domain over the whole loop (periodic by construction);
their slow swells are periodic random curves; events (doors, steps, coughs) wrap round the seam
on the Track ring buffer, so nothing starts or stops at the loop point.
"""
from __future__ import annotations

import numpy as np

from . import sfx
from .synth import SR, Track, fade, filt, loop_from, noise, resonator, slow, tvec

SECONDS = 40


def _ring(seconds: int = SECONDS) -> Track:
    return Track(bpm=60, beats_per_bar=1, bars=seconds)


def _bed(n: int, seed: int, lo: float, hi: float, width: float = 0.8) -> np.ndarray:
    """Stereo filtered noise: a shared part and a per-side part, for a wide but centred bed."""
    mid = noise(n, seed)
    sides = [noise(n, seed + 1), noise(n, seed + 2)]
    chans = np.stack([(1 - width) * mid + width * sides[0], (1 - width) * mid + width * sides[1]])
    return filt(chans, lo=lo, hi=hi, circular=True)


def _events(tr: Track, times: list[float], make, pans: list[float], gains: list[float], rev: float) -> None:
    for k, (at, pan, gain) in enumerate(zip(times, pans, gains)):
        tr.add(fade(make(k), attack=0.0, release=0.02) * gain, at, pan, rev)


def _murmur(n: int, seed: int, voices: int, lo: float = 200, hi: float = 1800) -> np.ndarray:
    """Distant talk, made seamless by folding a longer take into the loop."""
    rng = np.random.default_rng(seed)
    extra = n + int(2 * SR)
    out = np.zeros((2, extra))
    for k in range(voices):
        v = sfx.voice(extra / SR, seed + 10 + k, float(rng.uniform(100, 240)))
        pan = rng.uniform(-0.8, 0.8)
        out[0] += v * np.sqrt((1 - pan) / 2)
        out[1] += v * np.sqrt((1 + pan) / 2)
    return loop_from(filt(out, lo=lo, hi=hi), n, overlap=1.5)


def winter() -> np.ndarray:
    """Winter wind in gusts with a thin whistle, and a market murmuring down the street."""
    tr = _ring()
    n = tr.n
    gust = np.clip(0.55 + 0.35 * slow(n, 0.15, 201), 0.15, 1.2)
    wind = _bed(n, 202, 90, 900) * gust
    whistle = np.stack([resonator(noise(n, 203 + c), 610 + 90 * c, 22, circular=True) for c in range(2)])
    whistle *= np.clip(slow(n, 0.1, 205), 0, None) ** 2 * 2.5
    tr.dry += wind + whistle
    tr.send += 0.6 * _murmur(n, 210, 10)
    _events(tr, [7.0, 23.5], lambda k: sfx.sfx_shop_bell() * 0.06, [0.6, -0.5], [1, 1], 1.0)
    return tr.mix(room=1.8, seed=31)


def prison() -> np.ndarray:
    """The hall: a cold room tone and the lights' hum, distant doors, footsteps that come and go."""
    tr = _ring()
    n = tr.n
    t = tvec(n)
    tone = _bed(n, 301, 35, 400) * 0.5
    hum = (np.sin(2 * np.pi * 100 * t) + 0.4 * np.sin(2 * np.pi * 200 * t) + 0.15 * np.sin(2 * np.pi * 300 * t))
    tr.dry += tone + 0.012 * hum[None, :]
    _events(tr, [3.0, 17.0, 31.5], lambda k: sfx.sfx_cell_door() * 0.35, [-0.6, 0.7, -0.2],
            [1, 0.7, 0.85], 1.2)
    for k, at in enumerate(np.arange(8.0, 15.0, 0.58)):  # a guard walks past
        pan = -0.8 + 1.6 * (at - 8.0) / 7.0
        gain = np.sin(np.pi * (at - 7.8) / 7.4) * 0.6
        tr.add(sfx.step(320 + k, hard=1.3) * gain, at, pan, 1.5)
    for k, at in enumerate(np.arange(24.0, 28.0, 0.62)):  # someone further off
        tr.add(sfx.step(340 + k, hard=1.0) * 0.25, at, 0.6, 2.0)
    keys = sfx.metal_hit(0.4, 2400, 350, 0.05) * 0.08
    for at in (14.6, 14.72, 14.8):
        tr.add(keys, at, 0.7, 0.8)
    tr.send += 0.25 * _murmur(n, 360, 4, 150, 1200)
    return tr.mix(room=3.2, seed=32)


def fire() -> np.ndarray:
    """Fire: a low roar that breathes, hissing, and crackle with the odd loud snap."""
    tr = _ring(30)
    n = tr.n
    breath = np.clip(1 + 0.35 * slow(n, 0.6, 401), 0.3, 2)
    roar = _bed(n, 402, 30, 450, 0.5) * breath * 2
    hiss = _bed(n, 403, 2500, 8000) * 0.08 * np.clip(1 + 0.5 * slow(n, 2, 404), 0, 3)
    extra = n + int(2 * SR)
    crack = np.stack([sfx.crackle(extra / SR, 405 + c, 18) for c in range(2)])
    tr.dry += roar + hiss + loop_from(crack, n, 1.0) * 0.9
    return tr.mix(room=0.8, seed=33)


def court() -> np.ndarray:
    """A courtroom's hush: air and room tone, a page turned, a cough, a chair, a low whisper."""
    tr = _ring()
    n = tr.n
    tr.dry += _bed(n, 501, 40, 1200) * 0.35 + _bed(n, 502, 150, 5000) * 0.05
    _events(tr, [4.5, 21.0, 33.5], lambda k: sfx.rustle(0.5, 510 + k, 420) * 0.22, [0.3, -0.4, 0.1],
            [1, 0.8, 1], 0.6)
    _events(tr, [12.0, 29.0], lambda k: sfx.cough(520 + k) * 0.22, [-0.7, 0.6], [1, 0.6], 1.2)
    creak = resonator(noise(int(0.4 * SR), 530) * (np.sin(2 * np.pi * 30 * tvec(int(0.4 * SR))) > 0.6), 700, 150)
    tr.add(creak * 0.4, 17.5, 0.5, 1.0)
    tr.send += 0.12 * _murmur(n, 540, 3, 200, 1500) * np.clip(slow(n, 0.08, 541), 0, None)
    return tr.mix(room=1.6, seed=34)


def night() -> np.ndarray:
    """The cell at night: near silence, wind outside, a cellmate snoring, a guard's distant round."""
    tr = _ring()
    n = tr.n
    t = tvec(n)
    tr.dry += _bed(n, 601, 30, 500) * 0.15
    tr.dry += _bed(n, 602, 100, 600) * 0.25 * np.clip(0.5 + 0.4 * slow(n, 0.1, 603), 0, 1)
    # snoring: ten breaths in the loop, a low buzz on the in-breath
    cycle = 4.0
    phase = (t % cycle) / cycle
    inhale = np.clip(np.sin(np.pi * phase / 0.45), 0, None) * (phase < 0.45)
    exhale = np.clip(np.sin(np.pi * (phase - 0.5) / 0.4), 0, None) * (phase >= 0.5) * (phase < 0.9)
    buzz = np.sign(np.sin(2 * np.pi * np.cumsum(48 + 6 * np.sin(2 * np.pi * t / cycle)) / SR))
    snore = resonator(buzz * inhale ** 2, 420, 160, circular=True) * 0.5
    breath = filt(noise(n, 604), lo=300, hi=2500, circular=True) * (0.12 * exhale + 0.05 * inhale)
    tr.add((snore + breath) * 0.7, 0, -0.35, 0.3)
    for k, at in enumerate(np.arange(18.0, 24.0, 0.7)):  # a guard far down the corridor
        tr.add(sfx.step(610 + k, hard=1.0) * 0.12 * np.sin(np.pi * (at - 17.8) / 6.4), at, 0.7, 2.0)
    tr.add(sfx.sfx_cell_door() * 0.05, 30.0, 0.8, 2.0)
    return tr.mix(room=2.4, seed=35)


LOOPS = {"winter": winter, "prison": prison, "fire": fire, "court": court, "night": night}
