"""The shipped sound files: pygame loads every one, each has the agreed format and length, loops
meet without a click, levels are mastered to their targets, and the folder fits its size budget.

Measured on what pygame decodes (nobody can listen on the build machines). The numbers are the
ones stated in assets/ART.md; tools/make_sound.py --report prints the same measurements.
"""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path

import pytest

os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import numpy as np  # noqa: E402 (after the audio driver is chosen)
import pygame  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
AUDIO = ROOT / "assets" / "audio"
BUDGET_BYTES = 12 * 1024 * 1024
RATE = 44100
MUSIC = {"theme", "warm", "market", "prison", "tension", "sorrow", "courtroom", "hope", "balloon", "ending"}
AMBIENCE = {"winter", "prison", "fire", "court", "night"}
SFX = {"select", "confirm", "evidence", "page", "paper", "cell_door", "door", "gavel", "wind",
       "shop_bell", "footsteps", "footsteps_ice", "crowd", "fire", "balloon_burner"}
UI = {"select", "confirm", "evidence"}
TARGET_LUFS = {"music": -20.0, "ambience": -30.0, "sfx": -20.0, "ui": -26.0}
PEAK_DBTP = {"music": -1.0, "ambience": -10.0, "sfx": -1.0}
MIN_SECONDS = {"music": 90.0, "ambience": 30.0, "sfx": 0.05}
CHANNELS = {"music": 2, "ambience": 2, "sfx": 1}


def _measure():
    spec = importlib.util.spec_from_file_location("cell7_sound_measure", ROOT / "tools" / "sound" / "measure.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


measure = _measure()
FILES = sorted(AUDIO.glob("*/*.ogg"))
IDS = [f"{p.parent.name}/{p.stem}" for p in FILES]


def vorbis_format(path: Path) -> tuple[int, int]:
    """(channels, sample rate) from the Vorbis identification header on the first Ogg page."""
    data = path.read_bytes()[:512]
    assert data[:4] == b"OggS", f"{path.name}: not an Ogg file"
    start = 27 + data[26]
    assert data[start:start + 7] == b"\x01vorbis", f"{path.name}: not Vorbis"
    return data[start + 11], int.from_bytes(data[start + 12:start + 16], "little")


@pytest.fixture(scope="module", autouse=True)
def mixer():
    pygame.mixer.init(frequency=RATE, size=-16, channels=2)
    assert pygame.mixer.get_init()[0] == RATE
    yield
    pygame.mixer.quit()


@lru_cache(maxsize=None)
def decoded(path: Path) -> np.ndarray:
    """What pygame plays, as float frames (n, 2)."""
    return pygame.sndarray.array(pygame.mixer.Sound(str(path))).astype(np.float64) / 32768.0


def test_every_id_is_there_as_ogg_only():
    for kind, ids in (("music", MUSIC), ("ambience", AMBIENCE), ("sfx", SFX)):
        for name in ids:
            assert (AUDIO / kind / f"{name}.ogg").is_file(), f"missing {kind}/{name}.ogg"
    stale = [p for p in AUDIO.glob("*/*.wav") if p.with_suffix(".ogg").exists()]
    assert not stale, f".wav beside an .ogg with the same id: {stale}"


def test_within_size_budget():
    total = sum(p.stat().st_size for p in AUDIO.rglob("*") if p.is_file())
    assert total <= BUDGET_BYTES, f"assets/audio is {total / 2**20:.2f} MB, budget {BUDGET_BYTES / 2**20:.0f} MB"


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_loads_with_the_agreed_format_and_length(path: Path):
    kind = path.parent.name
    assert vorbis_format(path) == (CHANNELS[kind], RATE)
    if kind == "music":
        pygame.mixer.music.load(str(path))  # the game streams music
    frames = decoded(path)
    assert len(frames) / RATE >= MIN_SECONDS[kind]


@pytest.mark.parametrize("path", [p for p in FILES if p.parent.name != "sfx"], ids=lambda p: p.stem)
def test_loops_without_a_click(path: Path):
    seam = measure.seam(decoded(path), RATE)
    # the jump from the last frame to the first is no larger than the biggest 0.1 % inside the file
    assert seam["step"] < 1.0, seam
    # the level changes at the seam no more than it does somewhere inside (a section change)
    assert abs(seam["level_db"]) <= seam["inside_db"], seam


@pytest.mark.parametrize("path", [p for p in FILES if p.parent.name != "sfx"], ids=lambda p: p.stem)
def test_real_stereo_and_centred(path: Path):
    left, right = decoded(path).T
    # panning and decorrelated reverb: the sides differ, yet neither side dominates
    assert np.corrcoef(left, right)[0, 1] < 0.95
    assert abs(20 * np.log10(np.std(left) / np.std(right))) < 3.0


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_mastered_to_target(path: Path):
    kind = path.parent.name
    loop = kind != "sfx"
    frames = decoded(path)
    if kind == "sfx":  # the mixer plays a mono effect on both sides: measure the one channel
        frames = frames[:, :1]
    target = TARGET_LUFS["ui" if kind == "sfx" and path.stem in UI else kind]
    assert abs(measure.loudness(frames, RATE, loop) - target) <= 1.0
    assert measure.true_peak(frames, loop) <= PEAK_DBTP[kind]
