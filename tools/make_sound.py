#!/usr/bin/env python3
"""Synthesise all music and sound effects of Cell 7 (no samples, no downloads).

    python tools/make_sound.py             # everything
    python tools/make_sound.py --only hope # one track or effect
    python tools/make_sound.py --list

Output: mono 22050 Hz 16-bit PCM WAV in assets/audio/music and assets/audio/sfx.
Music is rendered on a circular buffer (note tails and reverb wrap around to
the start), so every track loops seamlessly.  All melodies are original.
"""
import argparse
import os
import sys
import time
import wave

import numpy as np

SR = 22050
PEAK = 10 ** (-3 / 20)  # -3 dBFS
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "assets", "audio")

NOTE_INDEX = {"C": 0, "C#": 1, "Db": 1, "D": 2, "D#": 3, "Eb": 3, "E": 4, "F": 5, "F#": 6, "Gb": 6,
              "G": 7, "G#": 8, "Ab": 8, "A": 9, "A#": 10, "Bb": 10, "B": 11}


def midi(name):
    """'C#5' -> MIDI number."""
    pitch, octave = name[:-1], int(name[-1])
    return 12 * (octave + 1) + NOTE_INDEX[pitch]


def freq(m):
    return 440.0 * 2 ** ((m - 69) / 12)


# ---------------------------------------------------------------------------
# Instruments: each returns a mono float array for one note
# ---------------------------------------------------------------------------
def _t(n):
    return np.arange(n) / SR


def adsr(n, attack=0.005, release=0.05, sustain_len=None):
    env = np.ones(n)
    a = max(1, int(attack * SR))
    env[:a] = np.linspace(0, 1, a) ** 1.5
    r = max(1, int(release * SR))
    if sustain_len is not None:
        end = min(n, int(sustain_len * SR))
        env[end:] = 0
        r0 = max(0, end - r)
        env[r0:end] *= np.linspace(1, 0, end - r0) ** 2
    else:
        env[-r:] *= np.linspace(1, 0, r) ** 2
    return env


def partials(f, dur, parts, tail=0.0, attack=0.004, release=0.08):
    """Sum of decaying sine partials. parts = [(ratio, amp, decay_seconds)]."""
    n = int((dur + tail) * SR)
    t = _t(n)
    out = np.zeros(n)
    for ratio, amp, decay in parts:
        fr = f * ratio
        if fr >= SR / 2 - 500:
            continue
        out += amp * np.sin(2 * np.pi * fr * t) * np.exp(-t / decay)
    return out * adsr(n, attack, release, dur + tail)


def music_box(f, dur, vel=1.0):
    return vel * partials(f, dur, [(1, 1.0, 0.9), (2.0, 0.25, 0.4), (3.01, 0.1, 0.25), (5.4, 0.06, 0.12)],
                          tail=1.2, attack=0.002)


def piano(f, dur, vel=1.0):
    B = 0.00035
    parts = []
    for k in range(1, 9):
        ratio = k * np.sqrt(1 + B * k * k)
        parts.append((ratio, 1.0 / k ** 1.4, 1.6 / (1 + 0.5 * k) * (220 / max(f, 110)) ** 0.35))
    note = partials(f, dur, parts, tail=0.25, attack=0.004, release=0.18)
    return vel * note


def marimba(f, dur, vel=1.0):
    return vel * partials(f, dur, [(1, 1.0, 0.35), (3.93, 0.22, 0.08), (9.2, 0.05, 0.03)], tail=0.5, attack=0.002)


def bell(f, dur, vel=1.0):
    return vel * partials(f, dur, [(1, 1.0, 1.2), (2.76, 0.35, 0.5), (5.4, 0.2, 0.25), (8.93, 0.08, 0.12)],
                          tail=1.5, attack=0.002)


def pad(f, dur, vel=1.0, bright=0.35):
    """Soft string/organ pad: detuned partials with a slow swell."""
    n = int((dur + 0.6) * SR)
    t = _t(n)
    out = np.zeros(n)
    for det in (-0.12, 0.0, 0.13):
        fd = f * 2 ** (det / 12)
        for k in range(1, 7):
            out += (bright ** (k - 1)) / k * np.sin(2 * np.pi * fd * k * t + k * det * 7)
    env = np.minimum(1, t / 0.5) * np.clip((dur + 0.6 - t) / 0.6, 0, 1)
    return vel * out * env / 3


def pluck_bass(f, dur, vel=1.0):
    return vel * partials(f, dur, [(1, 1.0, 0.5), (2, 0.35, 0.25), (3, 0.12, 0.12)], tail=0.2, attack=0.006,
                          release=0.1)


# ---------------------------------------------------------------------------
# Score helpers
# ---------------------------------------------------------------------------
def parse_bar(text):
    """'A4:1 C5:.5 R:1' -> [(beat_offset, beats, midi or None)]."""
    out, pos = [], 0.0
    for tok in text.split():
        name, beats = tok.split(":")
        beats = float(beats)
        out.append((pos, beats, None if name == "R" else midi(name)))
        pos += beats
    return out


class Track:
    def __init__(self, bpm, beats_per_bar, bars):
        self.beat = 60.0 / bpm
        self.bpb = beats_per_bar
        self.n = int(round(bars * beats_per_bar * self.beat * SR))
        self.buf = np.zeros(self.n + 6 * SR)

    def add(self, sound, start_beat):
        i = int(round(start_beat * self.beat * SR)) % self.n
        self.buf[i:i + len(sound)] += sound

    def melody(self, bars, inst, vel=1.0, octave=0, legato=1.0, first_bar=0):
        for b, text in enumerate(bars):
            for off, beats, m in parse_bar(text):
                if m is None:
                    continue
                start = (first_bar + b) * self.bpb + off
                self.add(inst(freq(m + 12 * octave), beats * self.beat * legato, vel), start)

    def loop(self, reverb=0.2, room=1.2, brightness=None):
        """Fold tails onto the start, add circular reverb, filter, normalise."""
        x = self.buf[:self.n].copy()
        tail = self.buf[self.n:]
        k = 0
        while k < len(tail):
            seg = tail[k:k + self.n]
            x[:len(seg)] += seg
            k += self.n
        if brightness:
            x = fft_lowpass(x, brightness, circular=True)
        if reverb:
            x = (1 - reverb) * x + reverb * circular_reverb(x, room)
        return x


def circular_reverb(x, seconds, seed=7):
    rng = np.random.default_rng(seed)
    n = len(x)
    L = int(seconds * SR)
    t = _t(L)
    ir = rng.standard_normal(L) * np.exp(-t / (seconds / 5))
    ir = fft_lowpass(ir, 4500)
    ir[:int(0.012 * SR)] = 0
    ir /= np.sqrt(np.sum(ir ** 2))
    h = np.zeros(n)
    h[:L] = ir[:n]
    y = np.fft.irfft(np.fft.rfft(x) * np.fft.rfft(h), n)
    return y * (np.std(x) / (np.std(y) + 1e-9))


def fft_lowpass(x, cutoff, circular=False, highpass=None):
    n = len(x)
    pad = 0 if circular else min(n, SR // 2)
    X = np.fft.rfft(np.concatenate([x, np.zeros(pad)]))
    f = np.fft.rfftfreq(n + pad, 1 / SR)
    g = 1 / np.sqrt(1 + (f / cutoff) ** 4)
    if highpass:
        g *= 1 / np.sqrt(1 + (highpass / np.maximum(f, 1e-3)) ** 4)
    return np.fft.irfft(X * g, n + pad)[:n]


def bandpass(x, lo, hi):
    return fft_lowpass(x, hi, highpass=lo)


def chord_notes(name, octave=3):
    """'Am' / 'F' / 'C#m' / 'E7' -> list of MIDI numbers of a close triad."""
    minor = name.endswith("m")
    seven = name.endswith("7")
    root = name.rstrip("m7")
    r = midi(root + str(octave))
    notes = [r, r + (3 if minor else 4), r + 7]
    if seven:
        notes.append(r + 10)
    return notes


# ---------------------------------------------------------------------------
# Music
# ---------------------------------------------------------------------------
def music_theme():
    tr = Track(bpm=80, beats_per_bar=4, bars=8)
    chords = ["F", "Dm", "Bb", "C", "F", "Am", "Bb", "C"]
    mel = ["A4:1 C5:1 F5:1 E5:.5 C5:.5", "D5:1.5 C5:.5 A4:1 F4:1", "G4:1 Bb4:1 D5:1.5 C5:.5",
           "C5:2 R:1 G4:.5 A4:.5", "A4:1 C5:1 F5:1.5 G5:.5", "E5:1.5 D5:.5 C5:1 A4:1",
           "Bb4:1 D5:1 F5:1 E5:.5 D5:.5", "C5:1.5 E5:.5 G4:2"]
    tr.melody(mel, music_box, vel=0.55, octave=1)
    tr.melody(mel, piano, vel=0.25)
    for b, ch in enumerate(chords):
        r, third, fifth = chord_notes(ch, 3)
        pattern = [r - 12, fifth - 12, third, fifth, r + 12, fifth, third, fifth - 12]
        for i, m in enumerate(pattern):
            tr.add(piano(freq(m), tr.beat * 0.5, 0.16 if i else 0.24), b * 4 + i * 0.5)
    return tr.loop(reverb=0.28, room=1.6, brightness=5000)


def music_warm():
    tr = Track(bpm=96, beats_per_bar=4, bars=8)
    chords = ["G", "C", "Em", "D", "G", "C", "D", "G"]
    mel = ["B4:.5 D5:.5 G5:.5 D5:.5 E5:.5 D5:.5 B4:1", "C5:.5 E5:.5 G5:.5 E5:.5 A5:1 G5:1",
           "E5:.5 G5:.5 B5:1 A5:.5 G5:.5 E5:1", "F#5:.5 E5:.5 D5:.5 A4:.5 D5:2",
           "B4:.5 D5:.5 G5:.5 A5:.5 B5:1 G5:1", "E5:.5 G5:.5 C6:1 B5:.5 A5:.5 G5:1",
           "A5:.5 F#5:.5 D5:.5 E5:.5 F#5:1 A5:1", "G5:1.5 D5:.5 B4:1 R:1"]
    tr.melody(mel, marimba, vel=0.7, legato=0.8)
    tr.melody(mel[1::2], bell, vel=0.12, octave=1, first_bar=0)
    rng = np.random.default_rng(3)
    for b, ch in enumerate(chords):
        notes = chord_notes(ch, 3)
        tr.add(pluck_bass(freq(notes[0] - 12), tr.beat * 0.8, 0.7), b * 4)
        tr.add(pluck_bass(freq(notes[2] - 12), tr.beat * 0.8, 0.55), b * 4 + 2)
        for beat in (1, 3):
            for m in notes:
                tr.add(marimba(freq(m + 12), tr.beat * 0.4, 0.16), b * 4 + beat)
        for e in range(8):  # soft shaker on eighths
            n = int(0.06 * SR)
            hit = rng.standard_normal(n) * np.exp(-_t(n) / 0.015) * (0.05 if e % 2 else 0.08)
            tr.add(bandpass(hit, 5000, 9000), b * 4 + e * 0.5)
    return tr.loop(reverb=0.18, room=0.9)


def music_tension():
    tr = Track(bpm=60, beats_per_bar=4, bars=4)
    total = tr.n / SR
    t = _t(tr.n)
    drone = np.zeros(tr.n)
    for m, amp in ((midi("D2"), 0.5), (midi("A2"), 0.3), (midi("D3"), 0.15)):
        f = freq(m)
        # frequencies are snapped so that each partial completes whole cycles in the loop
        for k, a in ((1, 1.0), (2, 0.4), (3, 0.2)):
            fk = round(f * k * total) / total
            drone += amp * a * np.sin(2 * np.pi * fk * t)
    lfo = 0.65 + 0.35 * np.sin(2 * np.pi * t * 2 / total)
    tr.buf[:tr.n] += drone * lfo * 0.5
    # heartbeat pulse: lub-dub on every beat
    for beat in range(16):
        for off, v in ((0.0, 1.0), (0.28, 0.6)):
            n = int(0.35 * SR)
            tt = _t(n)
            f0 = 70 * np.exp(-tt * 6) + 38
            ph = 2 * np.pi * np.cumsum(f0) / SR
            thump = np.sin(ph) * np.exp(-tt / 0.09) * v
            tr.add(thump * np.minimum(1, tt / 0.004), beat + off)
    # dissonant shimmer swelling in the second half
    for m in (midi("Eb5"), midi("D5")):
        tr.add(pad(freq(m), 7.0, 0.05, bright=0.2), 8)
    for b in (0, 2):
        for m in (midi("D3"), midi("Eb3"), midi("A3")):
            tr.add(piano(freq(m), 3.0, 0.18), b * 4 + 3.5)
    return tr.loop(reverb=0.3, room=2.0, brightness=2500)


def music_sorrow():
    tr = Track(bpm=60, beats_per_bar=3, bars=8)
    chords = ["Am", "F", "C", "G", "Am", "Dm", "E", "Am"]
    mel = ["E5:2 C5:1", "A4:1.5 C5:.5 F5:1", "E5:2 D5:.5 C5:.5", "D5:2 B4:1",
           "C5:1 E5:1 A5:1", "F5:1.5 E5:.5 D5:1", "B4:1 G#4:1 B4:1", "A4:3"]
    tr.melody(mel, piano, vel=0.5, legato=1.3)
    for b, ch in enumerate(chords):
        notes = chord_notes(ch, 3)
        r, third, fifth = notes[0], notes[1], notes[2]
        for i, m in enumerate((r - 12, fifth - 12, third)):
            tr.add(piano(freq(m), tr.beat * 1.6, 0.22 if i == 0 else 0.15), b * 3 + i)
        for m in notes:
            tr.add(pad(freq(m), tr.beat * 3.2, 0.05, bright=0.3), b * 3)
    return tr.loop(reverb=0.32, room=2.2, brightness=3800)


def music_hope():
    tr = Track(bpm=96, beats_per_bar=4, bars=8)
    chords = ["D", "A", "Bm", "G", "D", "A", "G", "A"]
    mel = ["F#4:1 A4:1 D5:1 E5:1", "C#5:1.5 E5:.5 A5:2", "F#5:1 E5:.5 D5:.5 B4:2", "D5:1 G5:1 F#5:1 E5:1",
           "F#5:1.5 A5:.5 D6:2", "C#6:1 B5:.5 A5:.5 E5:2", "B5:1 A5:1 G5:1 F#5:1", "E5:1 F#5:.5 G5:.5 A5:2"]
    tr.melody(mel, piano, vel=0.5)
    tr.melody(mel[4:], bell, vel=0.12, octave=1, first_bar=4)
    for b, ch in enumerate(chords):
        notes = chord_notes(ch, 3)
        tr.add(pluck_bass(freq(notes[0] - 12), tr.beat * 3.5, 0.5), b * 4)
        for m in notes:
            tr.add(pad(freq(m + 12), tr.beat * 4.2, 0.045, bright=0.4), b * 4)
        step = 0.5 if b < 6 else 0.25   # arpeggio speeds up, rising into the loop
        seq = [notes[0], notes[1], notes[2], notes[0] + 12]
        for i in range(int(4 / step)):
            m = seq[i % 4] + 12 * (i // 4 % 2 if b >= 6 else 0)
            tr.add(marimba(freq(m + 12), step * tr.beat, 0.14 + 0.03 * (b >= 6)), b * 4 + i * step)
    return tr.loop(reverb=0.25, room=1.5, brightness=6000)


# ---------------------------------------------------------------------------
# Sound effects
# ---------------------------------------------------------------------------
def noise(n, seed):
    return np.random.default_rng(seed).standard_normal(n)


def env_lin(n, points):
    """Piecewise-linear envelope from [(time_s, level)]."""
    t = _t(n)
    xs, ys = zip(*points)
    return np.interp(t, xs, ys)


def sweep_filter(x, f_start, f_end, q=4.0):
    """Time-varying resonant band-pass (state-variable filter, per sample)."""
    n = len(x)
    fc = np.geomspace(f_start, f_end, n)
    F = 2 * np.sin(np.pi * fc / SR)
    damp = 1.0 / q
    low = band = 0.0
    out = np.empty(n)
    for i in range(n):
        high = x[i] - low - damp * band
        band += F[i] * high
        low += F[i] * band
        out[i] = band
    return out


def sfx_select():
    n = int(0.1 * SR)
    t = _t(n)
    s = np.sin(2 * np.pi * 1760 * t) * np.exp(-t / 0.018) + 0.4 * np.sin(2 * np.pi * 2640 * t) * np.exp(-t / 0.01)
    return s * np.minimum(1, t / 0.002)


def sfx_confirm():
    a = bell(freq(midi("E6")), 0.5, 0.8)
    b = bell(freq(midi("B6")), 0.45, 0.5)
    out = np.zeros(int(0.9 * SR))
    out[:len(a)] += a[:len(out)]
    k = int(0.07 * SR)
    out[k:k + len(b)] += b[:len(out) - k]
    return fft_lowpass(out, 7000)


def sfx_page():
    n = int(0.38 * SR)
    x = noise(n, 11)
    x = bandpass(x, 1500, 6500)
    env = env_lin(n, [(0, 0), (0.06, 0.5), (0.16, 1.0), (0.26, 0.4), (0.38, 0)])
    flutter = 0.75 + 0.25 * np.sin(2 * np.pi * 38 * _t(n))
    return x * env * flutter


def metal_hit(n, base, seed, decay=0.5):
    t = _t(n)
    out = np.zeros(n)
    for ratio, amp in ((1, 1.0), (2.37, 0.7), (3.81, 0.5), (6.13, 0.35), (9.4, 0.2)):
        out += amp * np.sin(2 * np.pi * base * ratio * t) * np.exp(-t / (decay / ratio ** 0.5))
    click = bandpass(noise(n, seed), 800, 5000) * np.exp(-t / 0.01)
    thud = np.sin(2 * np.pi * 70 * t) * np.exp(-t / 0.08)
    return (out * 0.5 + click * 0.8 + thud * 1.2) * np.minimum(1, t / 0.001)


def sfx_cell_door():
    n = int(1.4 * SR)
    out = metal_hit(n, 160, 5, 0.6)
    k = int(0.32 * SR)
    latch = metal_hit(n - k, 420, 6, 0.15) * 0.45
    out[k:] += latch
    rev = circular_reverb(np.concatenate([out, np.zeros(int(0.8 * SR))]), 0.8)[:n]
    return fft_lowpass(out, 6000) + 0.25 * rev * np.linspace(1, 0, n)


def wood_knock(n, seed):
    t = _t(n)
    body = (np.sin(2 * np.pi * 520 * t) * np.exp(-t / 0.035) + 0.6 * np.sin(2 * np.pi * 1180 * t) *
            np.exp(-t / 0.02) + 0.5 * np.sin(2 * np.pi * 180 * t) * np.exp(-t / 0.05))
    click = bandpass(noise(n, seed), 1000, 4000) * np.exp(-t / 0.004)
    return (body + click * 0.8) * np.minimum(1, t / 0.0008)


def sfx_gavel():
    n = int(0.8 * SR)
    out = np.zeros(n)
    for start, vel, seed in ((0.0, 1.0, 1), (0.3, 0.85, 2)):
        k = int(start * SR)
        out[k:] += vel * wood_knock(n - k, seed)
    return fft_lowpass(out, 6000)


def sfx_wind():
    n = int(2.0 * SR)
    t = _t(n)
    x = noise(n, 21)
    base = fft_lowpass(x, 700, highpass=120)
    whistle = sweep_filter(x * 0.5, 420, 760, q=12) * 0.5
    gust = 0.55 + 0.45 * np.sin(2 * np.pi * 0.6 * t - 1.2) ** 2
    env = env_lin(n, [(0, 0), (0.45, 1), (1.5, 1), (2.0, 0)])
    return (base + whistle) * gust * env


def sfx_whoosh():
    n = int(1.3 * SR)
    x = noise(n, 31)
    swept = sweep_filter(x, 180, 2400, q=2.5)
    env = env_lin(n, [(0, 0), (0.55, 0.6), (0.85, 1.0), (1.3, 0)])
    t = _t(n)
    burner = np.sin(2 * np.pi * np.cumsum(60 + 50 * t) / SR) * env_lin(n, [(0, 0), (0.3, 0.5), (1.0, 0.2), (1.3, 0)])
    return swept * env + 0.3 * fft_lowpass(noise(n, 32), 300) * env + 0.2 * burner


def sfx_evidence():
    out = np.zeros(int(0.8 * SR))
    for start, note, v in ((0.0, "A6", 0.7), (0.11, "E7", 0.6)):
        s = bell(freq(midi(note)), 0.35, v)
        k = int(start * SR)
        m = min(len(s), len(out) - k)
        out[k:k + m] += s[:m]
    return fft_lowpass(out, 8000)


MUSIC = {"theme": music_theme, "warm": music_warm, "tension": music_tension, "sorrow": music_sorrow,
         "hope": music_hope}
SFX = {"select": sfx_select, "confirm": sfx_confirm, "page": sfx_page, "cell_door": sfx_cell_door,
       "gavel": sfx_gavel, "wind": sfx_wind, "whoosh": sfx_whoosh, "evidence": sfx_evidence}


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------
def finish(x, is_music):
    x = x - np.mean(x) if is_music else x
    if not is_music:
        # gentle fade-in/out so one-shots never click
        n = len(x)
        f = min(int(0.004 * SR), n // 4)
        x[:f] *= np.linspace(0, 1, f)
        g = min(int(0.03 * SR), n // 3)
        x[-g:] *= np.linspace(1, 0, g) ** 2
    peak = np.max(np.abs(x)) or 1.0
    return x / peak * PEAK


def write_wav(path, x):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = np.clip(np.round(x * 32767), -32768, 32767).astype("<i2")
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SR)
        w.writeframes(data.tobytes())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="one music track or sound effect id")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()
    items = [("music", k, f) for k, f in MUSIC.items()] + [("sfx", k, f) for k, f in SFX.items()]
    if args.list:
        for kind, name, _ in items:
            print(f"{kind:6s} {name}")
        return 0
    if args.only:
        items = [i for i in items if i[1] == args.only]
        if not items:
            print(f"unknown id: {args.only}", file=sys.stderr)
            return 2
    t0 = time.time()
    for kind, name, fn in items:
        x = finish(fn(), kind == "music")
        write_wav(os.path.join(OUT, kind, name + ".wav"), x)
        print(f"{kind}/{name}.wav  {len(x) / SR:5.2f}s")
    print(f"done in {time.time() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
