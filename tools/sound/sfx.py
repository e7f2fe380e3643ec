"""One-shot effects (mono), and the sound sources the ambience loops are built from.

Each source is physical-ish: struck metal and wood as decaying inharmonic partials over a noise
click, steps as a heel thump plus a granular crunch, voices as a buzz through vowel formants.
"""
from __future__ import annotations

import numpy as np

from .synth import SR, bell, env_lin, fade, filt, freq, midi, noise, resonator, slow, stereo_reverb, tvec


def place(out: np.ndarray, sound: np.ndarray, at: float, gain: float = 1.0) -> None:
    """Add `sound` into `out` at `at` seconds (clipped at the end; its last 10 ms faded so a cut
    ring never clicks)."""
    sound = fade(sound, attack=0.0, release=0.01)
    i = int(at * SR)
    m = max(0, min(len(sound), out.shape[-1] - i))
    out[..., i:i + m] += gain * sound[..., :m]


def finish(x: np.ndarray) -> np.ndarray:
    """Trim the silent tail (below -60 dB of the peak) and fade both ends."""
    level = np.abs(x)
    last = int(np.nonzero(level > level.max() * 1e-3)[0][-1]) + int(0.02 * SR)
    return fade(x[:min(len(x), last)], attack=0.001, release=0.05)


def room(x: np.ndarray, seconds: float, wet: float, seed: int = 3) -> np.ndarray:
    """Mono one-shot through a (stereo) reverb folded back to mono; pads the tail."""
    y = np.concatenate([x, np.zeros(int(seconds * SR))])
    r = stereo_reverb(np.stack([y, y]), seconds, seed).mean(axis=0)
    return y + wet * r * np.std(y) / (np.std(r) + 1e-12)


# --- sources ---------------------------------------------------------------------------------------
def metal_hit(dur: float, base: float, seed: int, decay: float = 0.5) -> np.ndarray:
    n = int(dur * SR)
    t = tvec(n)
    ring = sum(a * np.sin(2 * np.pi * base * r * t) * np.exp(-t / (decay / r ** 0.5))
               for r, a in ((1, 1.0), (2.37, 0.7), (3.81, 0.5), (6.13, 0.35), (9.4, 0.2)))
    click = filt(noise(n, seed), lo=800, hi=5000) * np.exp(-t / 0.01)
    thud = np.sin(2 * np.pi * 62 * t) * np.exp(-t / 0.12)
    return (0.5 * ring + 0.8 * click + 1.4 * thud) * np.minimum(1, t / 0.001)


def wood_knock(dur: float, seed: int, pitch: float = 1.0) -> np.ndarray:
    n = int(dur * SR)
    t = tvec(n)
    body = sum(a * np.sin(2 * np.pi * f * pitch * t) * np.exp(-t / d)
               for f, a, d in ((190, 1.0, 0.06), (520, 0.8, 0.035), (1180, 0.5, 0.02), (2300, 0.2, 0.01)))
    click = filt(noise(n, seed), lo=1200, hi=6000) * np.exp(-t / 0.003)
    return (body + 0.9 * click) * np.minimum(1, t / 0.0006)


def step(seed: int, crunch: float = 0.0, hard: float = 1.0) -> np.ndarray:
    """A footstep: heel thump and scuff; `crunch` adds packed snow/ice grains."""
    n = int(0.35 * SR)
    t = tvec(n)
    rng = np.random.default_rng(seed)
    heel = resonator(noise(n, seed), 180 + 60 * rng.random(), 90) * np.exp(-t / 0.03) * 3
    click = filt(noise(n, seed + 1), lo=1500, hi=5000) * np.exp(-t / 0.006) * 0.5 * hard
    out = heel + click
    if crunch:
        grains = np.zeros(n)
        for _ in range(int(40 * crunch)):
            k = int(rng.uniform(0, 0.16) * SR)
            g = int(0.002 * SR)
            grains[k:k + g] += rng.uniform(0.3, 1) * noise(g, int(rng.integers(1 << 30))) * np.exp(-tvec(g) / 0.0006)
        out = out + filt(grains, lo=1200, hi=7000) * 1.2 * crunch * env_lin(n, [(0, 1), (0.18, 0.6), (0.3, 0)])
    return out * np.minimum(1, t / 0.001)


def voice(seconds: float, seed: int, pitch: float = 150.0) -> np.ndarray:
    """One distant voice talking: a buzz with a drifting pitch through changing vowel bands."""
    n = int(seconds * SR)
    t = tvec(n)
    rng = np.random.default_rng(seed)
    f0 = pitch * (1 + 0.06 * slow(n, 3, seed))
    phase = 2 * np.pi * np.cumsum(f0) / SR
    buzz = sum(np.sin(k * phase) / k for k in range(1, 14))
    vowels = ((700, 1200), (400, 2000), (550, 900), (300, 2300))
    out = np.zeros(n)
    size = int(0.18 * SR)
    for k in range(0, n, size):
        f1, f2 = vowels[int(rng.integers(len(vowels)))]
        seg = buzz[k:k + size + size // 2]
        w = np.hanning(len(seg))
        out[k:k + len(seg)] += w * (resonator(seg, f1, 120) + 0.6 * resonator(seg, f2, 180))
    syllables = np.clip(0.6 * slow(n, 5, seed + 1) + 0.4, 0, 1)
    phrases = np.clip(0.8 * slow(n, 0.4, seed + 2) + 0.5, 0, 1)
    return out * syllables * phrases * np.minimum(1, t / 0.05)


def cough(seed: int) -> np.ndarray:
    n = int(0.7 * SR)
    out = np.zeros(n)
    for k, (at, g) in enumerate(((0.0, 1.0), (0.24, 0.7))):
        m = int(0.2 * SR)
        burst = noise(m, seed + k)
        burst = resonator(burst, 500, 200) + 0.6 * resonator(burst, 1500, 300) + 0.2 * filt(burst, lo=2000, hi=5000)
        burst *= env_lin(m, [(0, 0), (0.008, 1), (0.05, 0.5), (0.2, 0)])
        place(out, burst, at, g)
    return out


def rustle(seconds: float, seed: int, density: float = 300.0) -> np.ndarray:
    """Paper handled: dense crinkle grains through a bright band, in a swell."""
    n = int(seconds * SR)
    rng = np.random.default_rng(seed)
    grains = np.zeros(n)
    for _ in range(int(density * seconds)):
        k = int(rng.uniform(0, seconds - 0.01) * SR)
        g = int(rng.uniform(0.001, 0.006) * SR)
        grains[k:k + g] += rng.pareto(2.5) * noise(g, int(rng.integers(1 << 30))) * np.hanning(g)
    swish = filt(noise(n, seed), lo=1500, hi=6000) * 0.15
    body = filt(grains, lo=900, hi=8000) + swish
    return body * np.sin(np.pi * np.clip(tvec(n) / seconds, 0, 1)) ** 0.7


def crackle(seconds: float, seed: int, rate: float = 14.0) -> np.ndarray:
    """Burning wood: pops with heavy-tailed sizes, a few larger snaps."""
    n = int(seconds * SR)
    rng = np.random.default_rng(seed)
    out = np.zeros(n)
    for _ in range(int(rate * seconds)):
        k = int(rng.uniform(0, seconds) * SR)
        g = int(rng.uniform(0.0015, 0.008) * SR)
        amp = min(6.0, rng.pareto(1.8) + 0.2)
        pop = noise(g, int(rng.integers(1 << 30))) * np.exp(-tvec(g) / (g / SR / 4))
        m = min(g, n - k)
        out[k:k + m] += amp * pop[:m]
    return filt(out, lo=700, hi=9000)


def burner(seconds: float, seed: int) -> np.ndarray:
    """A propane burner: low roar and a hissing jet."""
    n = int(seconds * SR)
    roar = filt(noise(n, seed), lo=40, hi=350) * 2.2
    jet = filt(noise(n, seed + 1), lo=1500, hi=7000) * 0.35
    flutter = 1 + 0.15 * slow(n, 12, seed + 2)
    return (roar + jet) * flutter


# --- the effects -------------------------------------------------------------------------------------
def sfx_select() -> np.ndarray:
    t = tvec(int(0.1 * SR))
    return np.sin(2 * np.pi * 1760 * t) * np.exp(-t / 0.018) + 0.4 * np.sin(2 * np.pi * 2640 * t) * np.exp(-t / 0.01)


def sfx_confirm() -> np.ndarray:
    out = np.zeros(int(1.0 * SR))
    place(out, bell(freq(midi("E6")), 0.5, 0.8), 0.0)
    place(out, bell(freq(midi("B6")), 0.45, 0.5), 0.07)
    return filt(out, hi=7000)


def sfx_evidence() -> np.ndarray:
    out = np.zeros(int(0.9 * SR))
    place(out, bell(freq(midi("A6")), 0.35, 0.7), 0.0)
    place(out, bell(freq(midi("E7")), 0.35, 0.6), 0.11)
    return filt(out, hi=8000)


def sfx_page() -> np.ndarray:
    n = int(0.4 * SR)
    x = filt(noise(n, 11), lo=1500, hi=6500) * env_lin(n, [(0, 0), (0.06, 0.5), (0.16, 1.0), (0.26, 0.4), (0.4, 0)])
    return x * (0.75 + 0.25 * np.sin(2 * np.pi * 38 * tvec(n))) + 0.5 * rustle(0.4, 12, 200)


def sfx_paper() -> np.ndarray:
    """A sheaf of papers picked up, shuffled and laid down."""
    out = np.zeros(int(1.4 * SR))
    place(out, rustle(0.5, 41, 500), 0.0)
    place(out, rustle(0.35, 42, 350), 0.45, 0.8)
    place(out, filt(noise(int(0.08 * SR), 43), lo=150, hi=900) * np.exp(-tvec(int(0.08 * SR)) / 0.015) * 2, 0.95)
    return room(out, 0.5, 0.15)


def sfx_cell_door() -> np.ndarray:
    """A heavy steel door: the slam, the bolt shot home, the corridor answering."""
    out = np.zeros(int(1.2 * SR))
    place(out, metal_hit(1.2, 118, 5, 0.7), 0.0)
    place(out, metal_hit(0.8, 430, 6, 0.15), 0.34, 0.5)
    place(out, metal_hit(0.5, 610, 7, 0.08), 0.41, 0.3)
    return filt(room(out, 1.6, 0.5, 5), hi=6000)


def sfx_door() -> np.ndarray:
    """An ordinary door: handle, a short creak, closing thud and latch."""
    out = np.zeros(int(1.6 * SR))
    place(out, wood_knock(0.1, 51, 2.2) * 0.3, 0.0)
    n = int(0.45 * SR)
    t = tvec(n)
    creak_f = 380 + 160 * np.sin(np.pi * t / 0.45)
    pulses = (np.sin(2 * np.pi * np.cumsum(creak_f / 9) / SR) > 0.7).astype(float)
    creak = resonator(pulses * noise(n, 52), 900, 250) + 0.5 * resonator(pulses, 1800, 300)
    place(out, creak * env_lin(n, [(0, 0), (0.05, 1), (0.35, 0.8), (0.45, 0)]) * 0.5, 0.12)
    place(out, wood_knock(0.5, 53, 0.6) * 1.5, 0.8)
    place(out, metal_hit(0.3, 900, 54, 0.05) * 0.25, 0.83)
    return room(out, 0.6, 0.25)


def sfx_gavel() -> np.ndarray:
    """Three knocks of a gavel on its block, in a panelled room."""
    out = np.zeros(int(1.4 * SR))
    for at, g, seed in ((0.0, 1.0, 1), (0.34, 0.85, 2), (0.62, 1.0, 3)):
        place(out, wood_knock(0.4, seed, 1.0) * g, at)
    return room(out, 1.1, 0.35, 8)


def sfx_wind() -> np.ndarray:
    n = int(3.0 * SR)
    t = tvec(n)
    base = filt(noise(n, 21), lo=120, hi=700)
    whistle = resonator(noise(n, 22), 640, 25) * 3 * np.clip(np.sin(np.pi * t / 3.0), 0, 1) ** 2
    gust = 0.55 + 0.45 * np.sin(2 * np.pi * 0.4 * t - 1.2) ** 2
    return (base + whistle) * gust * env_lin(n, [(0, 0), (0.6, 1), (2.2, 1), (3.0, 0)])


def sfx_shop_bell() -> np.ndarray:
    """The bell above a shop door: a small brass bell shaken by the door, three strikes, then ringing."""
    out = np.zeros(int(3.0 * SR))
    base = freq(midi("E6")) * 1.03
    for at, g in ((0.0, 1.0), (0.09, 0.7), (0.2, 0.45), (0.34, 0.25)):
        n = int(2.6 * SR)
        t = tvec(n)
        ring = sum(a * np.sin(2 * np.pi * base * r * t + r) * np.exp(-t / d)
                   for r, a, d in ((1, 1.0, 0.6), (2.32, 0.5, 0.3), (4.08, 0.3, 0.15), (6.1, 0.15, 0.08)))
        tick = filt(noise(n, int(at * 100)), lo=3000, hi=9000) * np.exp(-t / 0.002) * 0.5
        place(out, (ring + tick) * g, at)
    return room(out, 0.5, 0.15)


def sfx_footsteps_ice() -> np.ndarray:
    """Careful steps on packed ice and snow: crunch, a short skid on the fourth."""
    out = np.zeros(int(3.0 * SR))
    for k, at in enumerate((0.0, 0.55, 1.1, 1.62)):
        place(out, step(60 + k, crunch=1.0, hard=0.6), at, 0.9 + 0.1 * (k % 2))
    n = int(0.35 * SR)
    skid = filt(noise(n, 70), lo=1800, hi=6000) * env_lin(n, [(0, 0), (0.05, 1), (0.3, 0.4), (0.35, 0)]) * 0.5
    place(out, skid, 1.72)
    place(out, step(75, crunch=1.2, hard=1.0) * 1.2, 2.15)
    return room(out, 0.6, 0.1)


def sfx_footsteps() -> np.ndarray:
    """Hard shoes on a concrete corridor, coming closer, with the corridor's echo."""
    out = np.zeros(int(3.2 * SR))
    for k in range(6):
        place(out, step(120 + k, hard=1.4), 0.05 + 0.5 * k, 0.45 + 0.11 * k)
    return room(out, 1.4, 0.6, 12)


def sfx_crowd() -> np.ndarray:
    """People gathering: many voices rising to an agitated murmur, then settling."""
    seconds = 5.0
    n = int(seconds * SR)
    rng = np.random.default_rng(80)
    out = np.zeros(n)
    for k in range(14):
        out += voice(seconds, 81 + k, float(rng.uniform(110, 240))) * rng.uniform(0.5, 1.0)
    out = filt(out, lo=150, hi=3500) * env_lin(n, [(0, 0), (1.2, 0.7), (2.5, 1.0), (4.0, 0.8), (5.0, 0)])
    return room(out, 0.8, 0.3)


def sfx_fire() -> np.ndarray:
    """Fire catching: a whoosh of flame, then crackling and a roar."""
    seconds = 4.0
    n = int(seconds * SR)
    roar = filt(noise(n, 90), lo=40, hi=500) * 2.0 * (1 + 0.3 * np.tanh(slow(n, 6, 91)))
    catch = filt(noise(n, 92), lo=300, hi=3000) * env_lin(n, [(0, 0), (0.25, 1.0), (0.8, 0.3), (4, 0.2)])
    body = roar * env_lin(n, [(0, 0), (0.3, 1.0), (3.2, 0.9), (4.0, 0)]) + 0.6 * catch
    body += crackle(seconds, 93, 22) * 0.6 * env_lin(n, [(0, 0), (0.5, 1), (3.5, 1), (4.0, 0)])
    return body


def sfx_balloon_burner() -> np.ndarray:
    """The burner of a hot-air balloon fired for two seconds: click of the valve, roar, cut-off."""
    n = int(2.8 * SR)
    out = burner(2.8, 100) * env_lin(n, [(0, 0), (0.12, 0.7), (0.3, 1.0), (2.2, 1.0), (2.45, 0.1), (2.8, 0)])
    place(out, metal_hit(0.2, 1400, 101, 0.03) * 0.3, 0.0)
    place(out, metal_hit(0.2, 1200, 102, 0.03) * 0.25, 2.3)
    return out


UI = ("select", "confirm", "evidence")
EFFECTS = {"select": sfx_select, "confirm": sfx_confirm, "evidence": sfx_evidence, "page": sfx_page,
           "paper": sfx_paper, "cell_door": sfx_cell_door, "door": sfx_door, "gavel": sfx_gavel,
           "wind": sfx_wind, "shop_bell": sfx_shop_bell, "footsteps": sfx_footsteps,
           "footsteps_ice": sfx_footsteps_ice, "crowd": sfx_crowd, "fire": sfx_fire,
           "balloon_burner": sfx_balloon_burner}
