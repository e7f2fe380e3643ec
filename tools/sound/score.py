"""The score: ten original pieces, each 90-120 s with contrasting sections, rendered as seamless loops.

The theme (F major) is the story's leitmotif: the ending restates it, the balloon piece lifts it
into C major and the sorrow piece quotes it in A minor. Every piece ends its last section leading
back into its first, so the loop reads as one more phrase rather than a restart.
"""
from __future__ import annotations

import numpy as np

from . import synth as s
from .arrange import (
    ARP6,
    ARP8,
    ARP16,
    BASS_1_3,
    BASS_WHOLE,
    BLOCK2,
    OOMPAH,
    PULSE8,
    WALTZ,
    Writer,
)

THEME_CHORDS = ["F", "Dm", "Bb", "C", "F", "Am", "Bb", "C"]
THEME = ["A4:1 C5:1 F5:1 E5:.5 C5:.5", "D5:1.5 C5:.5 A4:1 F4:1", "G4:1 Bb4:1 D5:1.5 C5:.5",
         "C5:2 R:1 G4:.5 A4:.5", "A4:1 C5:1 F5:1.5 G5:.5", "E5:1.5 D5:.5 C5:1 A4:1",
         "Bb4:1 D5:1 F5:1 E5:.5 D5:.5", "C5:1.5 E5:.5 G4:2"]
THEME_B_CHORDS = ["Dm", "Am", "Bb", "F", "Gm", "Dm", "Bb", "Csus4 C"]
THEME_B = ["D5:1.5 E5:.5 F5:1 A5:1", "G5:1.5 F5:.5 E5:2", "D5:1 F5:1 Bb5:1.5 A5:.5", "A5:2 G5:1 F5:1",
           "G5:1.5 A5:.5 Bb5:1 D5:1", "F5:1.5 E5:.5 D5:1 A4:1", "Bb4:1 D5:1 F5:1 E5:.5 D5:.5", "F5:2 E5:1 R:1"]
WARM_CHORDS = ["G", "C", "Em", "D", "G", "C", "D", "G"]
WARM = ["B4:.5 D5:.5 G5:.5 D5:.5 E5:.5 D5:.5 B4:1", "C5:.5 E5:.5 G5:.5 E5:.5 A5:1 G5:1",
        "E5:.5 G5:.5 B5:1 A5:.5 G5:.5 E5:1", "F#5:.5 E5:.5 D5:.5 A4:.5 D5:2",
        "B4:.5 D5:.5 G5:.5 A5:.5 B5:1 G5:1", "E5:.5 G5:.5 C6:1 B5:.5 A5:.5 G5:1",
        "A5:.5 F#5:.5 D5:.5 E5:.5 F#5:1 A5:1", "G5:1.5 D5:.5 B4:1 R:1"]


def every_other(bars: list[str], beats: int = 4, odd: bool = False) -> list[str]:
    """Keep every other bar (even ones, or odd ones) and rest in the rest: a doubling that comes and goes."""
    return [bar if (i % 2 == 1) == odd else f"R:{beats}" for i, bar in enumerate(bars)]


def transpose(bars: list[str], semitones: int) -> list[str]:
    """Move a melody by semitones (sharps spelled as sharps: only used for the notation)."""
    names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
    out = []
    for bar in bars:
        toks = []
        for tok in bar.split():
            note, beats = tok.split(":")
            if note != "R":
                m = s.midi(note) + semitones
                note = f"{names[m % 12]}{m // 12 - 1}"
            toks.append(f"{note}:{beats}")
        out.append(" ".join(toks))
    return out


def theme() -> np.ndarray:
    """Title and prologue: music box and piano, then flute over strings, then all together."""
    tr = s.Track(bpm=76, beats_per_bar=4, bars=30)
    w = Writer(tr, 1)
    w.chords(0, ["Fadd9", "Bbmaj7"], s.piano, ARP8, 0.16, pan=-0.1, bass_vel=1.2)
    w.chords(2, THEME_CHORDS, s.piano, ARP8, 0.15, pan=-0.1, bass_vel=1.2)
    w.melody(2, THEME, s.music_box, 0.42, octave=1, pan=0.25, rev=0.4)
    w.melody(2, THEME, s.piano, 0.16, pan=0.1)
    # B: the relative minor, flute over strings, piano on the beat
    w.chords(10, THEME_B_CHORDS, s.piano, BLOCK2, 0.09, pan=-0.15, low=53, bass_vel=1.3)
    w.pad(10, THEME_B_CHORDS, s.string_pad, 0.09, low=53)
    w.melody(10, THEME_B, s.flute, 0.4, pan=0.15, rev=0.35)
    w.chords(10, THEME_B_CHORDS, s.pluck_bass, BASS_1_3, 0.21, octave=2)
    # A': the theme on piano an octave down, the flute above it, strings and bass under
    w.chords(18, THEME_CHORDS, s.piano, ARP8, 0.12, pan=-0.2, bass_vel=1.3)
    w.melody(18, THEME, s.piano, 0.42, pan=0.05)
    w.melody(18, THEME, s.flute, 0.22, octave=1, pan=0.3, rev=0.4)
    w.pad(18, THEME_CHORDS, s.string_pad, 0.08, low=53)
    w.chords(18, THEME_CHORDS, s.pluck_bass, BASS_WHOLE, 0.21, octave=2)
    # bridge: the music box alone, drifting back to the opening
    bridge = ["Bbmaj7", "Am7", "Gm7", "Csus4 C"]
    w.chords(26, bridge, s.piano, ARP8, 0.12, pan=-0.1, bass_vel=1.3)
    w.melody(26, ["D5:1 C5:1 A4:2", "C5:1 A4:1 E4:2", "Bb4:1 A4:1 F4:1 D4:1", "F4:2 E4:2"], s.music_box, 0.35,
             octave=1, pan=0.25, rev=0.45)
    w.pad(26, bridge, s.string_pad, 0.05, low=53)
    return tr.mix(room=2.0, seed=11)


def warm() -> np.ndarray:
    """Home, father and daughter: marimba and plucked bass, a whistled B tune, a celesta bridge."""
    tr = s.Track(bpm=96, beats_per_bar=4, bars=40)
    w = Writer(tr, 2)
    # A: marimba tune, oom-pah, shaker
    w.melody(0, WARM, s.marimba, 0.7, pan=0.15, legato=0.8, rev=0.2)
    w.chords(0, WARM_CHORDS, s.pluck_bass, [(0, "B", 0.8), (2, "B5", 0.8)], 0.42, octave=2)
    w.chords(0, WARM_CHORDS, s.marimba, [(1, "C", 0.4), (3, "C", 0.4)], 0.15, octave=4, pan=-0.3, low=59)
    w.perc(0, 8, "shaker", [i * 0.5 for i in range(8)], 0.05, pan=0.45)
    # A2: the same tune on music box, piano arpeggios, no percussion
    w.melody(8, WARM, s.music_box, 0.38, pan=0.2, rev=0.35)
    w.chords(8, WARM_CHORDS, s.piano, ARP8, 0.13, pan=-0.15, bass_vel=1.2)
    w.pad(8, WARM_CHORDS, s.string_pad, 0.05, low=55)
    # B: whistled flute in E minor, piano blocks, strings
    b_chords = ["Em", "Bm", "C", "G/B", "Am", "D", "Bm Em", "Am D"]
    b_tune = ["B4:1 E5:1 G5:1.5 F#5:.5", "F#5:2 D5:1 B4:1", "C5:1 E5:1 G5:1 A5:1", "B5:2 G5:2",
              "A5:1.5 G5:.5 E5:1 C5:1", "D5:1 F#5:1 A5:1 F#5:1", "G5:1.5 F#5:.5 E5:1 B4:1", "C5:1 E5:1 D5:2"]
    w.melody(16, b_tune, s.flute, 0.42, pan=0.2, rev=0.35)
    w.chords(16, b_chords, s.piano, [(0, "B", 1.5), (1, "C", 1), (2.5, "C", 1.3)], 0.1, pan=-0.2, low=55,
             bass_vel=1.3)
    w.pad(16, b_chords, s.string_pad, 0.07, low=55)
    # bridge: pizzicato and celesta only
    bridge = ["C", "G/B", "Am7", "D"]
    w.chords(24, bridge, s.pizz, OOMPAH, 0.35, pan=-0.25, low=55)
    w.melody(24, ["E5:1 G5:1 C6:2", "D6:1 B5:1 G5:2", "A5:1 C6:1 E6:1 D6:1", "F#5:2 A5:2"], s.celesta, 0.4,
             pan=0.3, rev=0.4)
    # A': piano tune with bell doubling, shaker back; then a four-bar tag into the top
    w.melody(28, WARM, s.piano, 0.45, pan=0.05)
    w.melody(28, every_other(WARM), s.bell, 0.08, octave=1, pan=0.35, rev=0.4)
    w.chords(28, WARM_CHORDS, s.pluck_bass, [(0, "B", 0.8), (2, "B5", 0.8)], 0.39, octave=2)
    w.chords(28, WARM_CHORDS, s.marimba, [(1, "C", 0.4), (3, "C", 0.4)], 0.13, octave=4, pan=-0.3, low=59)
    w.perc(28, 12, "shaker", [i * 0.5 for i in range(8)], 0.04, pan=0.45)
    tag = ["C", "Am7", "G/D", "D7"]
    w.chords(36, tag, s.marimba, ARP8, 0.22, octave=3, pan=-0.1, bass_vel=1.2)
    w.chords(36, tag, s.pluck_bass, BASS_WHOLE, 0.35, octave=2)
    w.melody(36, ["E5:1 G5:1 C6:2", "C6:1 A5:1 E5:2", "D5:1 G5:1 B5:2", "A5:2 F#5:1 D5:1"], s.celesta, 0.3,
             pan=0.3, rev=0.4)
    return tr.mix(room=1.3, seed=12)


def market() -> np.ndarray:
    """The winter market: accordion tune over oom-pah, a glockenspiel B, a quieter flute stroll."""
    tr = s.Track(bpm=104, beats_per_bar=4, bars=40)
    w = Writer(tr, 3)
    a_chords = ["D", "D", "G", "A", "D", "Bm", "Em A", "D"]
    a_tune = ["A4:.5 D5:.5 F#5:.5 A5:.5 F#5:1 D5:1", "E5:.5 F#5:.5 E5:.5 D5:.5 A4:2",
              "B4:.5 D5:.5 G5:.5 B5:.5 A5:1 G5:1", "F#5:.5 G5:.5 F#5:.5 E5:.5 E5:2",
              "A4:.5 D5:.5 F#5:.5 A5:.5 D6:1 A5:1", "B5:.5 A5:.5 F#5:.5 D5:.5 B4:2",
              "G5:1 E5:1 C#5:1 E5:1", "D5:2 R:1 A4:1"]

    def street(first: int, bars: list[str], vel: float = 1.0) -> None:
        w.chords(first, bars, s.pluck_bass, [(0, "B", 0.7), (2, "B5", 0.7)], 0.3 * vel, octave=2)
        w.chords(first, bars, s.pizz, [(1, "C", 0.3), (3, "C", 0.3)], 0.22 * vel, pan=-0.35, low=57)
        w.perc(first, len(bars), "tick", [1, 3], 0.12 * vel, pan=0.4)
        w.perc(first, len(bars), "shaker", [0.5, 1.5, 2.5, 3.5], 0.05 * vel, pan=-0.5)

    street(0, ["D", "A7"])
    street(2, a_chords)
    w.melody(2, a_tune, s.reed, 0.45, pan=0.2, legato=0.85, rev=0.25)
    # B: B minor, glockenspiel and marimba
    b_chords = ["Bm", "G", "D", "A", "Bm", "G", "Em", "F#7"]
    b_tune = ["B5:1 F#5:1 D5:1 F#5:1", "G5:1.5 F#5:.5 E5:1 D5:1", "F#5:1 A5:1 D6:1 A5:1", "C#6:2 A5:2",
              "B5:1 D6:1 C#6:1 B5:1", "B5:1 G5:1 E5:1 G5:1", "E5:1 G5:1 B5:1 G5:1", "F#5:2 A#5:1 C#6:1"]
    street(10, b_chords, 0.8)
    w.melody(10, b_tune, s.bell, 0.2, pan=0.3, rev=0.35)
    w.melody(10, b_tune, s.marimba, 0.45, octave=-1, pan=-0.15, legato=0.8)
    # C: a quieter stroll in G, flute and pizzicato, no percussion
    c_chords = ["G", "D/F#", "Em", "D", "C", "G/B", "Em7", "A7"]
    c_tune = ["D5:2 B4:1 G4:1", "A4:2 F#4:1 D4:1", "G4:1 B4:1 E5:2", "D5:3 R:1",
              "E5:2 C5:1 G4:1", "D5:2 B4:1 G4:1", "B4:1 D5:1 G5:1 E5:1", "C#5:2 E5:1 G5:1"]
    w.chords(18, c_chords, s.pizz, OOMPAH, 0.3, pan=-0.2, low=55)
    w.melody(18, c_tune, s.flute, 0.4, octave=1, pan=0.25, rev=0.35)
    w.pad(18, c_chords, s.string_pad, 0.05, low=55)
    # A': accordion with glockenspiel an octave up
    street(26, a_chords)
    w.melody(26, a_tune, s.reed, 0.45, pan=0.2, legato=0.85, rev=0.25)
    w.melody(26, every_other(a_tune), s.bell, 0.07, octave=1, pan=-0.3, rev=0.4)
    tag = ["G", "A", "F#m", "Bm", "Em A", "D"]
    street(34, tag, 0.9)
    w.melody(34, ["B4:1 D5:1 G5:2", "A4:1 C#5:1 E5:2", "F#5:1 E5:1 C#5:1 A4:1", "D5:1 F#5:1 B5:2",
                  "G5:1 E5:1 C#5:1 E5:1", "D5:2 R:2"], s.reed, 0.4, pan=0.2, legato=0.85, rev=0.25)
    return tr.mix(room=1.1, seed=13)


def prison() -> np.ndarray:
    """Cell life: a tiptoeing clarinet comedy, a tender friendship tune, a sneaking pizzicato minor."""
    tr = s.Track(bpm=100, beats_per_bar=4, bars=40)
    w = Writer(tr, 4)
    a_chords = ["C", "C", "F", "G7", "C", "Am", "D7", "G7"]
    a_tune = ["C5:.5 R:.5 E5:.5 R:.5 G5:.5 E5:.5 C5:1", "D5:.5 E5:.5 F5:.5 E5:.5 D5:1 R:1",
              "A4:.5 R:.5 C5:.5 R:.5 F5:.5 E5:.5 D5:.5 C5:.5", "B4:1 D5:1 G4:1 R:1",
              "C5:.5 R:.5 E5:.5 R:.5 G5:.5 A5:.5 G5:1", "E5:.5 C5:.5 A4:.5 C5:.5 E5:1 R:1",
              "F#5:.5 E5:.5 D5:.5 C5:.5 A4:1 F#4:1", "G4:1 B4:.5 D5:.5 G5:1 R:1"]
    w.melody(0, a_tune, s.clarinet, 0.42, pan=0.15, legato=0.55, rev=0.2)
    w.chords(0, a_chords, s.pizz, OOMPAH, 0.4, pan=-0.25, low=52)
    w.perc(0, 8, "tick", [0, 2], 0.1, pan=0.4)
    # B: the cell's friendship, piano and strings
    b_chords = ["F", "Em7", "Dm7", "C", "F", "G", "Em7 Am", "Dm7 G7"]
    b_tune = ["A4:1.5 C5:.5 F5:2", "E5:1.5 D5:.5 B4:2", "C5:1 D5:1 F5:1 A5:1", "G5:3 R:1",
              "A5:1.5 G5:.5 F5:1 C5:1", "D5:1.5 E5:.5 B4:2", "G5:1 E5:1 C5:1 E5:1", "D5:2 F5:1 B4:1"]
    w.melody(8, b_tune, s.piano, 0.45, pan=0.1, rev=0.3)
    w.chords(8, b_chords, s.piano, ARP8, 0.1, octave=3, pan=-0.2, bass_vel=1.2)
    w.pad(8, b_chords, s.string_pad, 0.07, low=53)
    # C: sneaking about in A minor
    c_chords = ["Am", "E7", "Am", "E7", "Dm", "Am", "Dm E7", "Am"]
    c_tune = ["A4:.5 R:.5 C5:.5 R:.5 E5:.5 R:.5 A5:.5 R:.5", "G#5:.5 R:.5 E5:.5 R:.5 D5:1 B4:1",
              "C5:.5 R:.5 E5:.5 R:.5 A5:.5 R:.5 C6:.5 R:.5", "B5:.5 G#5:.5 E5:.5 D5:.5 B4:1 R:1",
              "D5:.5 R:.5 F5:.5 R:.5 A5:.5 R:.5 D6:.5 R:.5", "C6:.5 B5:.5 A5:.5 E5:.5 C5:1 R:1",
              "F5:.5 E5:.5 D5:.5 F5:.5 E5:.5 D5:.5 B4:.5 G#4:.5", "A4:1 R:.5 E4:.5 A4:1 R:1"]
    w.melody(16, c_tune, s.pizz, 0.6, pan=0.2, rev=0.25)
    w.melody(16, every_other(c_tune, odd=True), s.celesta, 0.12, octave=1, pan=-0.35, rev=0.4)
    w.chords(16, c_chords, s.clarinet, [(0, "B", 0.4), (2, "B", 0.4)], 0.3, octave=3, pan=-0.15)
    w.perc(16, 8, "tick", [0, 1, 2, 3], 0.06, pan=0.45)
    # A': the comedy again, marimba doubling the clarinet
    w.melody(24, a_tune, s.clarinet, 0.38, octave=-1, pan=0.15, legato=0.55, rev=0.2)
    w.melody(24, a_tune, s.marimba, 0.4, pan=-0.2, legato=0.6)
    w.chords(24, a_chords, s.pizz, OOMPAH, 0.38, pan=-0.3, low=52)
    w.perc(24, 8, "tick", [0, 2], 0.1, pan=0.4)
    # B': the friendship tune low on the cello, over strings and piano
    w.melody(32, b_tune, s.cello, 0.45, octave=-1, pan=-0.1, rev=0.35)
    w.chords(32, b_chords, s.piano, BLOCK2, 0.09, pan=0.2, low=55, bass_vel=1.5)
    w.pad(32, b_chords, s.string_pad, 0.06, low=55)
    return tr.mix(room=1.4, seed=14)


def tension() -> np.ndarray:
    """Interrogation and threat: a drone and a heartbeat, a low ostinato, a clock, then the drone alone."""
    tr = s.Track(bpm=72, beats_per_bar=4, bars=28)
    w = Writer(tr, 5)
    drone = ["Dm", "Dm", "Bb/D", "Dm", "Eb/D", "Dm", "Gm/D", "A/D"] * 3 + ["Dm", "Bb/D", "Eb/D", "Dm"]
    for b, name in enumerate(drone):
        notes, bass = s.chord(name, 2)
        swell = 0.3 + 0.08 * np.sin(b / 28 * 2 * np.pi)
        tr.add(s.cello(s.freq(bass + 12), tr.bpb * tr.beat * 1.02, swell * 0.6), tr.at(b), -0.15, 0.4)
        tr.add(s.cello(s.freq(bass + 24), tr.bpb * tr.beat * 1.02, swell * 0.7), tr.at(b), 0.2, 0.4)
        tr.add(s.string_pad(s.freq(notes[1] + 24), tr.bpb * tr.beat, 0.05), tr.at(b), 0.0, 0.5)
    for b in list(range(0, 8)) + list(range(24, 28)):  # heartbeat
        for beat in range(4):
            tr.add(s.drum("kick", 0, 0.4), tr.at(b, beat), 0.0, 0.15)
            tr.add(s.drum("kick", 0, 0.22), tr.at(b, beat + 0.3), 0.0, 0.15)
    for b in range(0, 8, 2):  # high tremolo strings, a semitone rub
        for note, pan in (("Eb5", 0.5), ("D5", -0.5)):
            held = s.string_pad(s.freq(s.midi(note)), 2 * tr.bpb * tr.beat, 0.035)
            held *= 0.6 + 0.4 * np.sin(2 * np.pi * 7 * s.tvec(held.shape[1]))
            tr.add(held, tr.at(b), pan, 0.8)
    # B: low ostinato in eighths, timpani on the downbeat, a cello line rising by semitones
    ost = (["D3:.5 D3:.5 Eb3:.5 D3:.5 D3:.5 D3:.5 F3:.5 E3:.5"] * 4
           + ["D3:.5 D3:.5 Eb3:.5 D3:.5 G3:.5 F3:.5 Eb3:.5 D3:.5"] * 4)
    w.melody(8, ost, s.piano, 0.32, pan=-0.25, legato=0.6, rev=0.25)
    w.melody(8, ["D4:4", "Eb4:4", "F4:4", "E4:4", "G4:3 F#4:1", "G4:4", "Bb4:2 A4:2", "A4:4"], s.cello, 0.3,
             pan=0.25, rev=0.4)
    for b in range(8, 16):
        tr.add(s.timpani(s.freq(s.midi("D2")), 1, 0.35), tr.at(b), 0.0, 0.3)
    # C: the clock, clusters and a high bell that does not resolve
    w.perc(16, 8, "tick", [0, 1, 2, 3], 0.16, pan=0.35, rev=0.2)
    w.melody(16, ["D3:.5 D3:.5 Eb3:.5 D3:.5 D3:.5 D3:.5 F3:.5 E3:.5"] * 8, s.pizz, 0.4, pan=-0.3, rev=0.2)
    for b in range(16, 24, 2):
        for m in ("D3", "Eb3", "A3"):
            tr.add(s.piano(s.freq(s.midi(m)), 3.0, 0.2), tr.at(b, 3.5), 0.1, 0.4)
        tr.add(s.bell(s.freq(s.midi("G#5" if b % 4 else "A5")), 2.0, 0.08), tr.at(b + 1, 2), 0.4, 0.6)
    for b in (19, 23):
        tr.add(s.timpani(s.freq(s.midi("D2")), 1, 0.4), tr.at(b, 3), 0.0, 0.3)
    return tr.mix(room=2.4, seed=15)


def sorrow() -> np.ndarray:
    """Grief: a piano waltz, the cello in B, both together, then the theme's first phrase in A minor."""
    tr = s.Track(bpm=60, beats_per_bar=3, bars=32)
    w = Writer(tr, 6)
    a_chords = ["Am", "F", "C", "G", "Am", "Dm", "E", "Am"]
    a_tune = ["E5:2 C5:1", "A4:1.5 C5:.5 F5:1", "E5:2 D5:.5 C5:.5", "D5:2 B4:1",
              "C5:1 E5:1 A5:1", "F5:1.5 E5:.5 D5:1", "B4:1 G#4:1 B4:1", "A4:3"]
    w.melody(0, a_tune, s.piano, 0.42, legato=1.3, pan=0.1, rev=0.4)
    w.chords(0, a_chords, s.piano, WALTZ, 0.12, pan=-0.15, low=52, bass_vel=1.3)
    w.pad(0, a_chords, s.string_pad, 0.05, low=52)
    b_chords = ["F", "G", "Em", "Am", "Dm", "G", "C", "E7"]
    b_tune = ["A4:2 C5:1", "B4:1.5 A4:.5 G4:1", "G4:2 E4:1", "A4:3", "F4:1 A4:1 D5:1", "D5:1.5 C5:.5 B4:1",
              "E5:2 C5:1", "B4:3"]
    w.melody(8, b_tune, s.cello, 0.45, octave=-1, pan=-0.1, rev=0.4)
    w.chords(8, b_chords, s.piano, ARP6, 0.1, pan=0.2, bass_vel=1.3)
    w.pad(8, b_chords, s.string_pad, 0.06, low=52)
    # A': the waltz tune an octave up, the cello answering underneath
    w.melody(16, a_tune, s.piano, 0.38, octave=1, legato=1.3, pan=0.15, rev=0.45)
    w.melody(16, ["C4:3", "A3:3", "G3:3", "B3:3", "A3:3", "A3:3", "G#3:3", "E3:3"], s.cello, 0.35, pan=-0.2,
             rev=0.4)
    w.chords(16, a_chords, s.piano, WALTZ, 0.1, pan=-0.15, low=52, bass_vel=1.5)
    # D: strings and the music box, the theme in A minor
    d_chords = ["Am", "C", "Dm", "E", "F", "C/E", "Dm", "E7"]
    d_tune = ["C5:1 E5:1 A5:1", "G5:1.5 E5:.5 C5:1", "D5:1 F5:1 A5:1", "G#5:3",
              "A5:1.5 G5:.5 F5:1", "E5:1.5 D5:.5 C5:1", "D5:1 C5:1 A4:1", "B4:3"]
    w.pad(24, d_chords, s.string_pad, 0.08, low=52)
    w.melody(24, d_tune, s.music_box, 0.3, pan=0.25, rev=0.5)
    w.chords(24, d_chords, s.pluck_bass, [(0, "B", 2.8)], 0.21, octave=2)
    # a piano pick-up on E7 that hands over to the waltz at the top
    w.melody(31, ["E4:1 G#4:1 B4:1"], s.piano, 0.22, pan=0.1, rev=0.4)
    return tr.mix(room=2.6, seed=16)


def courtroom() -> np.ndarray:
    """The training court: a firm minor ostinato, a horn that finds its footing, a full F major, a calm coda."""
    tr = s.Track(bpm=80, beats_per_bar=4, bars=32)
    w = Writer(tr, 7)
    a_chords = ["Dm", "Bb", "F", "C", "Dm", "Bb", "Gm", "A"]
    w.chords(0, a_chords, s.piano, [(i * 0.5, "B" if i % 2 == 0 else "B5", 0.4) for i in range(8)], 0.28,
             octave=3, pan=-0.2, rev=0.2)
    w.melody(0, ["D5:1.5 E5:.5 F5:2", "F5:1 E5:1 D5:2", "C5:1.5 D5:.5 F5:1 A5:1", "G5:3 R:1",
                 "A5:1.5 G5:.5 F5:1 D5:1", "D5:1 F5:1 Bb5:2", "A5:1 G5:1 F5:1 E5:1", "E5:2 C#5:2"],
             s.piano, 0.4, pan=0.15)
    for b in range(0, 8, 2):
        tr.add(s.timpani(s.freq(s.midi("D2")), 1, 0.25), tr.at(b), 0.0, 0.3)
    # B: the horn finds its footing over strings
    b_chords = ["Bb", "C", "Am", "Dm", "Bb", "C", "F/A", "Gm7 C7"]
    w.melody(8, ["D4:1 F4:1 Bb4:2", "C5:1.5 Bb4:.5 G4:2", "A4:1 C5:1 E5:2", "D5:3 A4:1",
                 "Bb4:1 D5:1 F5:2", "E5:1.5 D5:.5 C5:2", "C5:1 A4:1 F4:1 A4:1", "Bb4:2 C5:2"],
             s.horn, 0.5, pan=-0.1, rev=0.4)
    w.pad(8, b_chords, s.string_pad, 0.08, low=53)
    w.chords(8, b_chords, s.pizz, PULSE8, 0.14, pan=0.3, low=57)
    w.chords(8, b_chords, s.pluck_bass, BASS_1_3, 0.32, octave=2)
    for b in (11, 15):
        tr.add(s.timpani(s.freq(s.midi("F2")), 1, 0.3), tr.at(b, 3), 0.0, 0.3)
    # C: F major, everyone
    c_chords = ["F", "C/E", "Dm", "Bb", "F/C", "C", "Bb", "C"]
    c_tune = ["F5:1.5 G5:.5 A5:2", "G5:1 E5:1 C5:2", "D5:1 F5:1 A5:1 D6:1", "D6:2 Bb5:2",
              "A5:1.5 G5:.5 F5:1 A5:1", "G5:1 E5:1 C5:1 E5:1", "F5:1 D5:1 Bb4:1 D5:1", "E5:2 G5:2"]
    w.melody(16, c_tune, s.flute, 0.35, pan=0.25, rev=0.4)
    w.melody(16, c_tune, s.horn, 0.4, octave=-1, pan=-0.2, rev=0.4)
    w.melody(16, every_other(c_tune), s.bell, 0.08, octave=1, pan=0.4, rev=0.5)
    w.pad(16, c_chords, s.string_pad, 0.1, low=53)
    w.chords(16, c_chords, s.piano, ARP8, 0.12, pan=0.1, bass_vel=1.3)
    w.chords(16, c_chords, s.pluck_bass, BASS_1_3, 0.35, octave=2)
    for b in range(16, 24):
        tr.add(s.timpani(s.freq(s.chord(c_chords[b - 16].split("/")[0], 2)[0][0]), 1, 0.3), tr.at(b), 0.0, 0.3)
    # D: calm, piano and strings, back to D minor
    d_chords = ["Dm", "Am", "Bb", "F", "Gm", "Dm", "Eb", "Asus4 A"]
    w.melody(24, ["A4:2 D5:2", "C5:2 E5:2", "D5:1 F5:1 Bb5:2", "A5:3 R:1", "G5:1.5 F5:.5 D5:2", "F5:2 A4:2",
                  "G4:1 Bb4:1 Eb5:2", "E5:2 C#5:2"], s.piano, 0.38, pan=0.1, rev=0.4)
    w.pad(24, d_chords, s.string_pad, 0.06, low=53)
    w.chords(24, d_chords, s.pluck_bass, BASS_WHOLE, 0.24, octave=2)
    return tr.mix(room=1.9, seed=17)


HOPE_CHORDS = ["D", "A", "Bm", "G", "D", "A", "G", "A"]
HOPE = ["F#4:1 A4:1 D5:1 E5:1", "C#5:1.5 E5:.5 A5:2", "F#5:1 E5:.5 D5:.5 B4:2", "D5:1 G5:1 F#5:1 E5:1",
        "F#5:1.5 A5:.5 D6:2", "C#6:1 B5:.5 A5:.5 E5:2", "B5:1 A5:1 G5:1 F#5:1", "E5:1 F#5:.5 G5:.5 A5:2"]


def _rising_arps(w: Writer, first: int, chords: list[str], vel: float) -> None:
    """Marimba arpeggios that speed up in the last two bars of a phrase."""
    tr = w.tr
    for b, name in enumerate(chords):
        notes, _ = s.chord(name, 4)
        step = 0.5 if b < len(chords) - 2 else 0.25
        seq = [notes[0], notes[1], notes[2], notes[0] + 12]
        for i in range(int(4 / step)):
            m = seq[i % 4] + (12 * (i // 4 % 2) if step < 0.5 else 0)
            tr.add(s.marimba(s.freq(m), step * tr.beat, vel), tr.at(first + b, i * step), -0.3 + 0.6 * (i % 2), 0.3)


def hope() -> np.ndarray:
    """Hope (the choir, the rehearsal, the balloon being built, the verdict): bright D major."""
    tr = s.Track(bpm=96, beats_per_bar=4, bars=40)
    w = Writer(tr, 8)
    w.melody(0, HOPE, s.piano, 0.45, pan=0.1)
    w.pad(0, HOPE_CHORDS, s.string_pad, 0.06, low=57)
    w.chords(0, HOPE_CHORDS, s.pluck_bass, BASS_WHOLE, 0.32, octave=2)
    _rising_arps(w, 0, HOPE_CHORDS, 0.12)
    # B: a choir and the flute, celesta sparkle
    b_chords = ["G", "D/F#", "Em", "A", "G", "D/F#", "Em7", "A7"]
    b_tune = ["B4:1 D5:1 G5:1.5 F#5:.5", "F#5:2 A4:2", "G4:1 B4:1 E5:1.5 D5:.5", "C#5:3 R:1",
              "D5:1 G5:1 B5:1.5 A5:.5", "A5:1 F#5:1 D5:2", "E5:1 G5:1 B5:1 A5:1", "A5:2 G5:1 E5:1"]
    w.pad(8, b_chords, s.choir, 0.1, low=55, rev=0.6)
    w.melody(8, b_tune, s.flute, 0.42, pan=0.2, rev=0.35)
    w.chords(8, b_chords, s.celesta, [(0.5, "2'", 0.5), (1.5, "1'", 0.5), (2.5, "0''", 0.5), (3.5, "1'", 0.5)],
             0.14, pan=-0.35, rev=0.45)
    w.chords(8, b_chords, s.pluck_bass, BASS_1_3, 0.32, octave=2)
    # C: the tune with bells and the rising arpeggios, fuller
    w.melody(16, HOPE, s.piano, 0.45, pan=0.05)
    w.melody(16, HOPE, s.bell, 0.1, octave=1, pan=0.35, rev=0.45)
    w.pad(16, HOPE_CHORDS, s.string_pad, 0.09, low=57)
    w.chords(16, HOPE_CHORDS, s.pluck_bass, BASS_1_3, 0.35, octave=2)
    _rising_arps(w, 16, HOPE_CHORDS, 0.15)
    # D: quiet piano arpeggios in B minor, a breath before the tune returns
    d_chords = ["Bm", "G", "D", "A", "Bm", "G", "Em7", "Asus4 A"]
    w.chords(24, d_chords, s.piano, ARP8, 0.15, pan=-0.1, bass_vel=1.3)
    w.melody(24, ["F#5:4", "G5:2 D5:2", "F#5:2 A5:2", "E5:4", "D5:2 F#5:2", "B5:3 A5:1", "G5:2 E5:2", "E5:4"],
             s.flute, 0.3, pan=0.25, rev=0.45)
    w.pad(24, d_chords, s.string_pad, 0.05, low=57)
    # A': the tune on flute and piano in octaves, choir under it
    w.melody(32, HOPE, s.piano, 0.4, pan=-0.1)
    w.melody(32, HOPE, s.flute, 0.25, octave=1, pan=0.3, rev=0.4)
    w.pad(32, HOPE_CHORDS, s.choir, 0.07, low=57, rev=0.6)
    w.chords(32, HOPE_CHORDS, s.pluck_bass, BASS_1_3, 0.32, octave=2)
    _rising_arps(w, 32, HOPE_CHORDS, 0.13)
    return tr.mix(room=1.6, seed=18)


def balloon() -> np.ndarray:
    """Flight, sunset, farewell: the theme lifted into C major, a soaring strings-and-choir B, a sunset coda."""
    tr = s.Track(bpm=76, beats_per_bar=4, bars=30)
    w = Writer(tr, 9)
    theme_c = transpose(THEME, 7)
    chords_c = ["C", "Am", "F", "G", "C", "Em", "F", "G"]
    w.chords(0, ["Cadd9", "Fmaj7"], s.celesta, ARP16, 0.12, octave=4, pan=0.2, rev=0.45)
    w.pad(0, ["Cadd9", "Fmaj7"], s.string_pad, 0.07, low=55)
    # A: the theme on flute, harp-like arpeggios, cello counter-line
    w.melody(2, theme_c, s.flute, 0.42, pan=0.15, rev=0.4)
    w.chords(2, chords_c, s.celesta, ARP16, 0.08, octave=4, pan=-0.3, rev=0.45)
    w.chords(2, chords_c, s.piano, ARP8, 0.1, pan=0.05, bass_vel=1.3)
    w.melody(2, ["E3:4", "E3:4", "F3:2 A3:2", "G3:2 B3:2", "C4:4", "B3:4", "A3:4", "B3:2 D4:2"], s.cello, 0.3,
             pan=-0.25, rev=0.4)
    # B: soaring, strings and choir
    b_chords = ["Am", "F", "C", "G", "Am", "F", "Dm7", "Gsus4 G"]
    b_tune = ["E5:1 A5:1 C6:1.5 B5:.5", "A5:2 F5:1 C5:1", "E5:1 G5:1 C6:2", "B5:2 D6:1 B5:1",
              "C6:1.5 B5:.5 A5:1 E5:1", "F5:1 A5:1 C6:1 F6:1", "E6:1.5 D6:.5 C6:1 A5:1", "C6:2 B5:2"]
    w.melody(10, b_tune, s.string_pad, 0.16, rev=0.5)
    w.melody(10, b_tune, s.flute, 0.2, octave=-1, pan=0.2, rev=0.4)
    w.pad(10, b_chords, s.choir, 0.09, low=52, rev=0.6)
    w.chords(10, b_chords, s.piano, ARP8, 0.12, pan=-0.15, bass_vel=1.2)
    w.chords(10, b_chords, s.timpani, [(0, "B", 1)], 0.12, octave=3)
    # A': farewell, quieter: the theme on the music box over piano and strings
    w.melody(18, theme_c, s.music_box, 0.38, pan=0.25, rev=0.5)
    w.melody(18, theme_c, s.piano, 0.2, octave=-1, pan=-0.05)
    w.chords(18, chords_c, s.piano, ARP8, 0.1, pan=-0.2, bass_vel=1.3)
    w.pad(18, chords_c, s.string_pad, 0.06, low=55)
    # coda: sunset, choir and bells
    coda = ["F", "G", "Em7 Am7", "Fmaj7 G"]
    w.pad(26, coda, s.choir, 0.1, low=55, rev=0.6)
    w.pad(26, coda, s.string_pad, 0.06, low=48)
    w.melody(26, ["A5:2 C6:2", "B5:2 D6:2", "G5:2 C6:2", "A5:2 B5:2"], s.bell, 0.1, pan=0.3, rev=0.6)
    return tr.mix(room=2.6, seed=19)


def ending() -> np.ndarray:
    """End and credits: the theme told once more, from a music box alone to everyone, in G at the close."""
    tr = s.Track(bpm=72, beats_per_bar=4, bars=36)
    w = Writer(tr, 10)
    w.chords(0, ["F", "C/E"], s.music_box, ARP8, 0.22, octave=4, pan=0.2, rev=0.45)
    # A: the music box alone with soft piano
    w.melody(2, THEME, s.music_box, 0.42, octave=1, pan=0.2, rev=0.45)
    w.chords(2, THEME_CHORDS, s.piano, [(0, "B", 2), (1, "1", 1), (2, "2", 1), (3, "0'", 1)], 0.1, pan=-0.1)
    # B: the theme's second tune on the cello
    w.melody(10, THEME_B, s.cello, 0.45, octave=-1, pan=-0.15, rev=0.4)
    w.chords(10, THEME_B_CHORDS, s.piano, ARP8, 0.11, pan=0.15, bass_vel=1.3)
    w.pad(10, THEME_B_CHORDS, s.string_pad, 0.06, low=53)
    # C: up a tone to G, everyone
    g_chords = ["G", "Em", "C", "D", "G", "Bm", "C", "D"]
    theme_g = transpose(THEME, 2)
    w.melody(18, theme_g, s.flute, 0.35, pan=0.25, rev=0.4)
    w.melody(18, theme_g, s.piano, 0.3, octave=-1, pan=-0.1)
    w.melody(18, every_other(theme_g), s.bell, 0.07, octave=1, pan=0.4, rev=0.5)
    w.pad(18, g_chords, s.string_pad, 0.1, low=55)
    w.pad(18, g_chords, s.choir, 0.06, low=55, rev=0.6)
    w.chords(18, g_chords, s.pluck_bass, BASS_1_3, 0.35, octave=2)
    w.chords(18, g_chords, s.celesta, ARP16, 0.06, octave=4, pan=-0.35, rev=0.45)
    # D: the home tune, remembered, on celesta; then back towards F for the top
    w.melody(26, WARM, s.celesta, 0.35, pan=0.2, rev=0.45)
    w.chords(26, WARM_CHORDS, s.piano, ARP8, 0.1, pan=-0.15, bass_vel=1.3)
    w.pad(26, WARM_CHORDS, s.string_pad, 0.05, low=55)
    w.pad(34, ["Gm7", "C7sus4 C7"], s.string_pad, 0.06, low=53)
    w.chords(34, ["Gm7", "C7sus4 C7"], s.piano, ARP8, 0.1, pan=-0.1, bass_vel=1.3)
    w.melody(34, ["Bb4:1 D5:1 F5:2", "F5:2 E5:2"], s.music_box, 0.3, octave=1, pan=0.2, rev=0.45)
    return tr.mix(room=2.2, seed=20)


PIECES = {"theme": theme, "warm": warm, "market": market, "prison": prison, "tension": tension,
          "sorrow": sorrow, "courtroom": courtroom, "hope": hope, "balloon": balloon, "ending": ending}
