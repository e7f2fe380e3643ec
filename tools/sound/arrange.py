"""Writing music onto a Track: melodies in a small text notation, chord patterns, percussion.

Melody bars are 'A4:1 C5:.5 R:1' (note:beats, R = rest); each bar must fill the metre (checked).
Chord bars are names ('F', 'Am7', 'C/E'); two names in one bar ('Dm G7') split it in half.
Patterns place chord tones by selector: B = bass, B5 = the bass's fifth, 0-3 = chord tones from
the bottom of a close voicing, a trailing ' raises one octave, C = the whole voicing.
"""
from __future__ import annotations

import numpy as np

from .synth import Track, chord, drum, freq, parse_bar

ARP8 = [(i * 0.5, s, 0.5) for i, s in enumerate("B B5 1 2 0' 2 1 B5".split())]
ARP6 = [(i * 0.5, s, 0.5) for i, s in enumerate("B B5 1 2 0' 2".split())]
ARP16 = [(i * 0.25, s, 0.25) for i, s in enumerate("0 1 2 0' 1' 2' 0'' 2' 1' 0' 2 1 0 1 2 0'".split())]
WALTZ = [(0, "B", 1.6), (1, "C", 0.8), (2, "C", 0.8)]
OOMPAH = [(0, "B", 0.8), (1, "C", 0.5), (2, "B5", 0.8), (3, "C", 0.5)]
BLOCK2 = [(0, "B", 2.0), (0, "C", 2.0), (2, "C", 1.8)]
PULSE8 = [(i * 0.5, "C", 0.35) for i in range(8)]
BASS_1_3 = [(0, "B", 1.8), (2, "B5", 1.8)]
BASS_WHOLE = [(0, "B", 3.8)]


def voicing(notes: list[int], low: int) -> list[int]:
    """Chord tones folded into the octave from `low` (smooth voice leading for pads and blocks)."""
    return sorted({low + (m - low) % 12 for m in notes})


def _tone(sel: str, notes: list[int], bass: int) -> list[int]:
    up = 12 * sel.count("'")
    sel = sel.rstrip("'")
    if sel == "B":
        return [bass + up]
    if sel == "B5":
        return [bass + 7 + up]
    if sel == "C":
        return [m + up for m in notes]
    i = int(sel)
    return [notes[i % len(notes)] + 12 * (i // len(notes)) + up]


class Writer:
    """Puts notes on a Track with a little deterministic humanising (timing ±6 ms, velocity ±6 %)."""

    def __init__(self, tr: Track, seed: int):
        self.tr = tr
        self.rng = np.random.default_rng(seed)

    def _nudge(self) -> tuple[float, float]:
        return self.rng.normal(0, 0.006) / self.tr.beat, 1 + self.rng.normal(0, 0.06)

    def melody(self, first_bar: int, bars: list[str], inst, vel: float, octave: int = 0, pan: float = 0.0,
               rev: float = 0.3, legato: float = 1.0) -> None:
        for b, text in enumerate(bars):
            notes = parse_bar(text)
            length = notes[-1][0] + notes[-1][1]
            if abs(length - self.tr.bpb) > 1e-6:
                raise ValueError(f"bar {first_bar + b} '{text}' has {length} beats, not {self.tr.bpb}")
            for off, beats, m in notes:
                if m is None:
                    continue
                dt, dv = self._nudge()
                accent = 1.08 if off == 0 else 1.0
                note = inst(freq(m + 12 * octave), beats * self.tr.beat * legato, vel * dv * accent)
                self.tr.add(note, self.tr.at(first_bar + b, off) + dt, pan, rev)

    def chords(self, first_bar: int, bars: list[str], inst, pattern, vel: float, octave: int = 3,
               pan: float = 0.0, rev: float = 0.3, low: int | None = None, bass_vel: float = 1.0) -> None:
        """Play `pattern` (list of (beat, selector, beats)) on every bar's chord(s)."""
        for b, text in enumerate(bars):
            names = text.split()
            span = self.tr.bpb / len(names)
            for beat, sel, beats in pattern:
                name = names[min(int(beat // span), len(names) - 1)]
                notes, bass = chord(name, octave)
                if low is not None:
                    notes = voicing(notes, low)
                for m in _tone(sel, notes, bass):
                    dt, dv = self._nudge()
                    v = vel * dv * (bass_vel if sel.startswith("B") else 1.0)
                    note = inst(freq(m), beats * self.tr.beat, v)
                    self.tr.add(note, self.tr.at(first_bar + b, beat) + dt, pan, rev)

    def pad(self, first_bar: int, bars: list[str], inst, vel: float, low: int = 55, rev: float = 0.5,
            pan: float = 0.0) -> None:
        """Held chords, one per bar (or half bar), voiced from `low`."""
        for b, text in enumerate(bars):
            names = text.split()
            span = self.tr.bpb / len(names)
            for k, name in enumerate(names):
                notes, _ = chord(name, 3)
                for m in voicing(notes, low):
                    self.tr.add(inst(freq(m), span * self.tr.beat, vel), self.tr.at(first_bar + b, k * span), pan, rev)

    def perc(self, first_bar: int, bars: int, kind: str, beats: list[float], vel: float, pan: float = 0.0,
             rev: float = 0.1) -> None:
        for b in range(bars):
            for beat in beats:
                dt, dv = self._nudge()
                seed = int(self.rng.integers(1 << 30))
                self.tr.add(drum(kind, seed, vel * dv), self.tr.at(first_bar + b, beat) + dt, pan, rev)
