"""Instruments, filters and the circular stereo Track that every loop is rendered on.

Everything is additive synthesis or filtered noise from fixed seeds, so a run is reproducible.
A Track is a ring buffer: note tails and reverb wrap round to the start, which is what makes the
loop seam inaudible (the last sample leads into the first exactly as any two neighbours do).
"""
from __future__ import annotations

import numpy as np

SR = 44100
NOTE_INDEX = {"C": 0, "C#": 1, "Db": 1, "D": 2, "D#": 3, "Eb": 3, "E": 4, "F": 5, "F#": 6, "Gb": 6,
              "G": 7, "G#": 8, "Ab": 8, "A": 9, "A#": 10, "Bb": 10, "B": 11}


def midi(name: str) -> int:
    """'C#5' -> MIDI number."""
    return 12 * (int(name[-1]) + 1) + NOTE_INDEX[name[:-1]]


def freq(m: float) -> float:
    return 440.0 * 2 ** ((m - 69) / 12)


def tvec(n: int) -> np.ndarray:
    return np.arange(n) / SR


def noise(n: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(n)


def smooth_sizes(lo: int, hi: int) -> list[int]:
    """Sizes in [lo, hi] with no prime factor above 13 (FFTs of other sizes can be 100x slower)."""
    sizes = [1]
    for p in (2, 3, 5, 7, 11, 13):
        grown = []
        for k in sizes:
            while k <= hi:
                grown.append(k)
                k *= p
        sizes = grown
    return sorted(k for k in sizes if k >= lo)


def fast_len(n: int) -> int:
    return smooth_sizes(n, 2 * n)[0]


# --- filters (FFT based; `circular=True` for loops, zero-padded otherwise) -------------------------
def _gain_curve(f: np.ndarray, lo: float | None, hi: float | None, order: int = 2) -> np.ndarray:
    g = np.ones_like(f)
    if hi:
        g /= np.sqrt(1 + (f / hi) ** (2 * order))
    if lo:
        g /= np.sqrt(1 + (lo / np.maximum(f, 1e-3)) ** (2 * order))
    return g


def filt(x: np.ndarray, lo: float | None = None, hi: float | None = None, circular: bool = False,
         order: int = 2) -> np.ndarray:
    """Butterworth-shaped (zero-phase) high/low/band-pass along the last axis."""
    n = x.shape[-1]
    pad = 0 if circular else fast_len(n + min(n, SR // 2)) - n
    if pad:
        x = np.concatenate([x, np.zeros(x.shape[:-1] + (pad,))], axis=-1)
    f = np.fft.rfftfreq(n + pad, 1 / SR)
    y = np.fft.irfft(np.fft.rfft(x) * _gain_curve(f, lo, hi, order), n + pad)
    return y[..., :n]


def resonator(x: np.ndarray, centre: float, width: float, circular: bool = False) -> np.ndarray:
    """A Gaussian band around `centre` Hz (formants, whistles, hollow rooms)."""
    n = x.shape[-1]
    pad = 0 if circular else fast_len(n + min(n, SR // 2)) - n
    if pad:
        x = np.concatenate([x, np.zeros(x.shape[:-1] + (pad,))], axis=-1)
    f = np.fft.rfftfreq(n + pad, 1 / SR)
    y = np.fft.irfft(np.fft.rfft(x) * np.exp(-0.5 * ((f - centre) / width) ** 2), n + pad)
    return y[..., :n]


def slow(n: int, hz: float, seed: int, circular: bool = True) -> np.ndarray:
    """A smooth random curve (noise low-passed at `hz`), scaled to unit standard deviation."""
    x = filt(noise(n, seed), hi=hz, circular=circular)
    return x / (np.std(x) + 1e-12)


def loop_from(x: np.ndarray, n: int, overlap: float = 1.5) -> np.ndarray:
    """Fold a signal longer than `n` into a seamless loop of `n` frames: its last `overlap`
    seconds are crossfaded (equal power) into its start."""
    k = int(overlap * SR)
    if x.shape[-1] < n + k:
        raise ValueError("loop_from needs the loop length plus the overlap")
    out = x[..., :n].copy()
    a = np.linspace(0, np.pi / 2, k)
    out[..., :k] = x[..., :k] * np.sin(a) + x[..., n:n + k] * np.cos(a)
    return out


def env_lin(n: int, points: list[tuple[float, float]]) -> np.ndarray:
    """Piecewise-linear envelope from [(time_s, level)]."""
    xs, ys = zip(*points)
    return np.interp(tvec(n), xs, ys)


def fade(x: np.ndarray, attack: float = 0.004, release: float = 0.03) -> np.ndarray:
    n = x.shape[-1]
    a, r = min(int(attack * SR), n // 4), min(int(release * SR), n // 3)
    x = x.copy()
    if a:
        x[..., :a] *= np.linspace(0, 1, a)
    if r:
        x[..., -r:] *= np.linspace(1, 0, r) ** 2
    return x


# --- instruments: each returns a mono note (float array) --------------------------------------------
def level(gain: float):
    """Scale an instrument so that vel=1 sounds about as loud as a piano note (measured RMS)."""
    def wrap(fn):
        def inst(f: float, dur: float, vel: float = 1.0) -> np.ndarray:
            return fn(f, dur, vel) * gain
        inst.__name__ = fn.__name__
        inst.__doc__ = fn.__doc__
        return inst
    return wrap


def _envelope(n: int, attack: float, release: float, hold: float) -> np.ndarray:
    t = tvec(n)
    env = np.minimum(1.0, t / max(attack, 1e-4)) ** 1.5
    return env * np.clip((hold + release - t) / max(release, 1e-4), 0, 1) ** 2


def partials(f: float, dur: float, parts, tail: float = 0.0, attack: float = 0.004, release: float = 0.08,
             vibrato: float = 0.0, vib_rate: float = 5.2) -> np.ndarray:
    """Sum of decaying sine partials; parts = [(ratio, amp, decay_s)] (decay None = sustained)."""
    n = int((dur + tail + release) * SR)
    t = tvec(n)
    phase = 2 * np.pi * f * t
    if vibrato:
        depth = 0.004 * vibrato * np.minimum(1, t / 0.6)  # a vibrato that grows in, as a player's does
        phase = phase - depth * f / vib_rate * np.cos(2 * np.pi * vib_rate * t)
    out = np.zeros(n)
    for ratio, amp, decay in parts:
        if f * ratio >= SR / 2 - 1000:
            continue
        p = amp * np.sin(phase * ratio)
        out += p if decay is None else p * np.exp(-t / decay)
    return out * _envelope(n, attack, release, dur + tail)


def piano(f: float, dur: float, vel: float = 1.0) -> np.ndarray:
    scale = (220 / max(f, 110)) ** 0.35
    parts = [(k * np.sqrt(1 + 0.00035 * k * k), 1.0 / k ** 1.15, 1.7 / (1 + 0.45 * k) * scale) for k in range(1, 13)]
    note = partials(f, dur, parts, tail=0.3, attack=0.003, release=0.25)
    hammer = filt(noise(int(0.01 * SR), int(f)), lo=1500, hi=5000) * np.exp(-tvec(int(0.01 * SR)) / 0.002) * 0.05
    note[:len(hammer)] += hammer
    return vel * note


def music_box(f: float, dur: float, vel: float = 1.0) -> np.ndarray:
    return vel * partials(f, dur, [(1, 1.0, 0.9), (2.0, 0.25, 0.4), (3.01, 0.1, 0.25), (5.4, 0.06, 0.12)],
                          tail=1.2, attack=0.002)


def celesta(f: float, dur: float, vel: float = 1.0) -> np.ndarray:
    return vel * partials(f, dur, [(1, 1.0, 0.7), (2.0, 0.3, 0.35), (4.0, 0.08, 0.15)], tail=0.8, attack=0.002)


def marimba(f: float, dur: float, vel: float = 1.0) -> np.ndarray:
    return vel * partials(f, dur, [(1, 1.0, 0.35), (3.93, 0.22, 0.08), (9.2, 0.05, 0.03)], tail=0.5, attack=0.002)


def bell(f: float, dur: float, vel: float = 1.0) -> np.ndarray:
    return vel * partials(f, dur, [(1, 1.0, 1.4), (2.76, 0.35, 0.6), (5.4, 0.2, 0.3), (8.93, 0.08, 0.14)],
                          tail=1.6, attack=0.002)


def pluck_bass(f: float, dur: float, vel: float = 1.0) -> np.ndarray:
    return vel * partials(f, dur, [(1, 1.0, 0.6), (2, 0.35, 0.3), (3, 0.12, 0.14)], attack=0.006, release=0.1)


def pizz(f: float, dur: float, vel: float = 1.0) -> np.ndarray:
    return vel * partials(f, min(dur, 0.3), [(1, 1.0, 0.18), (2, 0.5, 0.1), (3, 0.25, 0.06), (4, 0.1, 0.04)],
                          tail=0.2, attack=0.003, release=0.08)


@level(0.5)
def flute(f: float, dur: float, vel: float = 1.0) -> np.ndarray:
    note = partials(f, dur, [(1, 1.0, None), (2, 0.22, None), (3, 0.06, None)], attack=0.06, release=0.12,
                    vibrato=1.0, vib_rate=4.8)
    breath = filt(noise(len(note), int(f * 7)), lo=f * 1.5, hi=f * 4) * 0.03
    return vel * (note + breath * _envelope(len(note), 0.03, 0.12, dur))


@level(0.8)
def reed(f: float, dur: float, vel: float = 1.0) -> np.ndarray:
    """Accordion-like: two slightly detuned reeds, rich harmonics, a little bellows swell."""
    parts = [(k, 0.9 / k ** 0.9, None) for k in range(1, 10)]
    a = partials(f, dur, parts, attack=0.03, release=0.08)
    b = partials(f * 1.004, dur, parts, attack=0.03, release=0.08)
    return vel * 0.5 * (a + b) * (0.9 + 0.1 * np.sin(2 * np.pi * 1.5 * tvec(len(a))))


@level(0.45)
def clarinet(f: float, dur: float, vel: float = 1.0) -> np.ndarray:
    parts = [(1, 1.0, None), (3, 0.45, None), (5, 0.22, None), (7, 0.1, None), (2, 0.06, None)]
    return vel * partials(f, dur, parts, attack=0.025, release=0.06, vibrato=0.4)


@level(0.5)
def cello(f: float, dur: float, vel: float = 1.0) -> np.ndarray:
    parts = [(k, 1.0 / k ** 1.1, None) for k in range(1, 12)]
    note = partials(f, dur, parts, attack=0.18, release=0.35, vibrato=1.3, vib_rate=5.0)
    return vel * filt(note, hi=2200, order=1)


@level(0.55)
def horn(f: float, dur: float, vel: float = 1.0) -> np.ndarray:
    parts = [(k, 1.0 / k ** 1.6, None) for k in range(1, 9)]
    note = partials(f, dur, parts, attack=0.09, release=0.25, vibrato=0.5)
    return vel * filt(note, hi=1400, order=1)


@level(1.6)
def string_pad(f: float, dur: float, vel: float = 1.0, bright: float = 0.4) -> np.ndarray:
    """A section of strings: three detuned voices (returned stereo, spread left/centre/right)."""
    n = int((dur + 0.8) * SR)
    t = tvec(n)
    out = np.zeros((2, n))
    for det, (gl, gr) in ((-0.1, (0.9, 0.3)), (0.0, (0.65, 0.65)), (0.11, (0.3, 0.9))):
        fd = f * 2 ** (det / 12)
        v = sum(bright ** (k - 1) / k * np.sin(2 * np.pi * fd * k * t + 1.7 * k * (det + 0.2)) for k in range(1, 7))
        out[0] += gl * v
        out[1] += gr * v
    env = np.minimum(1, t / 0.45) * np.clip((dur + 0.8 - t) / 0.8, 0, 1)
    return vel * out * env / 3


@level(2.8)
def choir(f: float, dur: float, vel: float = 1.0) -> np.ndarray:
    """Soft 'aah': harmonics shaped by the formants of an open vowel, three voices spread in stereo."""
    formants = ((730, 90, 1.0), (1090, 110, 0.5), (2440, 160, 0.25))
    n = int((dur + 0.9) * SR)
    t = tvec(n)
    out = np.zeros((2, n))
    for v, (det, (gl, gr)) in enumerate(((-0.08, (1.0, 0.35)), (0.0, (0.7, 0.7)), (0.09, (0.35, 1.0)))):
        fd = f * 2 ** (det / 12)
        vib = 0.003 * np.sin(2 * np.pi * (4.6 + 0.4 * v) * t + v)
        phase = 2 * np.pi * fd * t - fd * 0.003 / 4.6 * np.cos(2 * np.pi * 4.6 * t)
        voice = np.zeros(n)
        for k in range(1, int(3500 / fd) + 1):
            amp = 0.12 / k + sum(a * np.exp(-0.5 * ((k * fd - c) / w) ** 2) for c, w, a in formants)
            voice += amp * np.sin(k * phase + vib * k)
        out[0] += gl * voice
        out[1] += gr * voice
    env = np.minimum(1, t / 0.5) * np.clip((dur + 0.9 - t) / 0.9, 0, 1)
    return vel * out * env / 3


def timpani(f: float, dur: float, vel: float = 1.0) -> np.ndarray:
    n = int(2.2 * SR)
    t = tvec(n)
    body = sum(a * np.sin(2 * np.pi * f * r * t) * np.exp(-t / d) for r, a, d in
               ((1, 1.0, 0.7), (1.5, 0.5, 0.45), (1.98, 0.3, 0.3), (2.44, 0.15, 0.2)))
    skin = filt(noise(n, int(f)), lo=100, hi=1500) * np.exp(-t / 0.02) * 0.4
    return vel * (body + skin) * np.minimum(1, t / 0.002)


def drum(kind: str, seed: int = 0, vel: float = 1.0) -> np.ndarray:
    """Small percussion: 'kick' (soft), 'shaker', 'tick', 'brush'."""
    if kind == "kick":
        n = int(0.35 * SR)
        t = tvec(n)
        return vel * np.sin(2 * np.pi * np.cumsum(48 + 70 * np.exp(-t * 30)) / SR) * np.exp(-t / 0.12)
    if kind == "shaker":
        n = int(0.07 * SR)
        return vel * filt(noise(n, seed), lo=5000, hi=10000) * np.exp(-tvec(n) / 0.018) * np.minimum(1, tvec(n) / 0.004)
    if kind == "tick":
        n = int(0.05 * SR)
        return vel * resonator(noise(n, seed), 2600, 300) * np.exp(-tvec(n) / 0.008)
    n = int(0.25 * SR)  # brush
    return vel * filt(noise(n, seed), lo=2000, hi=8000) * env_lin(n, [(0, 0), (0.03, 1), (0.25, 0)])


# --- the circular stereo track ----------------------------------------------------------------------
def pan_gains(pan: float) -> tuple[float, float]:
    """Constant-power pan, -1 (left) .. 1 (right)."""
    a = (pan + 1) * np.pi / 4
    return float(np.cos(a) * np.sqrt(2)), float(np.sin(a) * np.sqrt(2))


class Track:
    """A ring buffer `bars` long with a dry bus and a reverb send; positions are in beats."""

    def __init__(self, bpm: float, beats_per_bar: int, bars: int):
        self.beat = 60.0 / bpm
        self.bpb = beats_per_bar
        self.bars = bars
        exact = bars * beats_per_bar * self.beat * SR
        # the nearest FFT-friendly length: the tempo moves by less than 0.2 %
        self.n = min(smooth_sizes(int(exact * 0.998), int(exact * 1.002)), key=lambda k: abs(k - exact))
        self.beat = self.n / SR / (bars * beats_per_bar)
        self.dry = np.zeros((2, self.n))
        self.send = np.zeros((2, self.n))

    def _wrap_add(self, bus: np.ndarray, sound: np.ndarray, i: int) -> None:
        k = 0
        while k < sound.shape[-1]:
            j = (i + k) % self.n
            m = min(sound.shape[-1] - k, self.n - j)
            bus[:, j:j + m] += sound[:, k:k + m]
            k += m

    def add(self, sound: np.ndarray, beat: float, pan: float = 0.0, rev: float = 0.25) -> None:
        """Mix a mono (panned) or stereo note at `beat`; `rev` is the reverb send."""
        if sound.ndim == 1:
            gl, gr = pan_gains(pan)
            sound = np.stack([sound * gl, sound * gr])
        i = int(round(beat * self.beat * SR)) % self.n
        self._wrap_add(self.dry, sound, i)
        if rev:
            self._wrap_add(self.send, sound * rev, i)

    def at(self, bar: float, beat: float = 0.0) -> float:
        return bar * self.bpb + beat

    def mix(self, room: float = 1.8, bright: float | None = None, seed: int = 7) -> np.ndarray:
        wet = stereo_reverb(self.send, room, seed)
        out = self.dry + wet
        if bright:
            out = filt(out, hi=bright, circular=True, order=1)
        return filt(out, lo=28, circular=True)


def stereo_reverb(x: np.ndarray, seconds: float, seed: int = 7) -> np.ndarray:
    """Circular, decorrelated noise-tail reverb per channel (gives the mix its width); highs die first.

    For a one-shot, pad the input with silence first so the tail has room.
    """
    n = x.shape[-1]
    L = min(int(seconds * SR), n)
    t = tvec(L)
    out = np.empty_like(x)
    for ch in range(2):
        rng = np.random.default_rng(seed + ch)
        low = filt(rng.standard_normal(L), hi=1200, circular=True) * np.exp(-t / (seconds / 4.5))
        high = filt(rng.standard_normal(L), lo=1200, hi=9000, circular=True) * np.exp(-t / (seconds / 9))
        ir = low + 0.6 * high
        ir *= np.minimum(1, t / 0.03)
        ir[:int(0.018 * SR)] = 0
        ir /= np.sqrt(np.sum(ir ** 2))
        h = np.zeros(n)
        h[:L] = ir
        out[ch] = np.fft.irfft(np.fft.rfft(x[ch]) * np.fft.rfft(h), n)
    return out


# --- chords ----------------------------------------------------------------------------------------
CHORD_SHAPES = {"": (0, 4, 7), "m": (0, 3, 7), "7": (0, 4, 7, 10), "maj7": (0, 4, 7, 11), "m7": (0, 3, 7, 10),
                "sus4": (0, 5, 7), "sus2": (0, 2, 7), "dim": (0, 3, 6), "add9": (0, 4, 7, 14), "madd9": (0, 3, 7, 14),
                "6": (0, 4, 7, 9), "aug": (0, 4, 8), "7sus4": (0, 5, 7, 10)}


def chord(name: str, octave: int = 3) -> tuple[list[int], int]:
    """'Am7/G' -> (chord tones from the root in `octave`, bass note an octave below)."""
    name, _, bass = name.partition("/")
    root = name[:2] if len(name) > 1 and name[1] in "#b" else name[:1]
    shape = CHORD_SHAPES[name[len(root):]]
    r = 12 * (octave + 1) + NOTE_INDEX[root]
    b = 12 * octave + NOTE_INDEX[bass] if bass else r - 12
    if b > r - 7:
        b -= 12
    return [r + s for s in shape], b


def parse_bar(text: str) -> list[tuple[float, float, int | None]]:
    """'A4:1 C5:.5 R:1' -> [(beat offset, beats, MIDI or None)]."""
    out, pos = [], 0.0
    for tok in text.split():
        name, beats = tok.split(":")
        out.append((pos, float(beats), None if name == "R" else midi(name)))
        pos += float(beats)
    return out
