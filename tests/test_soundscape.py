"""The ambience layer and the fades between tracks: the content checks and the mixer's behaviour."""
from __future__ import annotations

import shutil
import types
from pathlib import Path

import pygame
import pytest

from game import paths
from game.authoring.lint import lint
from game.content.loader import check_content, load_story
from game.library import load_library
from game.screens.audio import AMBIENCE_CHANNELS, Audio


def _with_ambience(story_root: Path, name: str) -> None:
    (story_root / "locations.yaml").write_text(
        f"locations:\n  - {{id: room, name: \"Room\", image: backgrounds/room.png, ambience: {name}}}\n")


def _add_loop(story_root: Path, name: str) -> Path:
    folder = story_root.parent / "assets" / "audio" / "ambience"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(story_root.parent / "assets" / "audio" / "music" / "calm.wav", folder / f"{name}.wav")
    return folder / f"{name}.wav"


def test_a_location_names_its_ambience_and_a_missing_loop_is_located(story_root):
    _with_ambience(story_root, "hush")
    problems = [p for p in check_content(story_root).problems.items if p.code == "missing-asset"]
    assert len(problems) == 1 and "ambience 'hush'" in problems[0].message
    assert problems[0].mark.file.endswith("locations.yaml") and problems[0].mark.line == 2
    _add_loop(story_root, "hush")
    assert not check_content(story_root).problems.errors
    assert load_story(story_root).locations["room"].ambience == "hush"


def test_lint_reports_an_ambience_loop_no_location_uses(story_root):
    _add_loop(story_root, "hush")
    unused = [p for p in lint(story_root) if "audio/ambience/hush.wav" in p.message]
    assert unused and "ambience: hush" in unused[0].hint
    _with_ambience(story_root, "hush")
    assert not [p for p in lint(story_root) if "audio/ambience/hush.wav" in p.message]


def test_every_shipped_ambience_is_used_by_a_location():
    story = load_story(paths.SCENES)
    used = {loc.ambience for loc in story.locations.values() if loc.ambience}
    shipped = {p.stem for p in (paths.ASSETS / "audio" / "ambience").iterdir()}
    assert used and used <= shipped and shipped <= used


@pytest.fixture
def audio(story_root) -> Audio:
    _add_loop(story_root, "hush")
    _add_loop(story_root, "wind")
    sound = Audio(story_root.parent / "assets" / "audio")
    if not sound.enabled:
        pytest.skip(f"no mixer even with the dummy driver: {sound.reason}")
    yield sound
    pygame.mixer.quit()


def test_a_new_ambience_crossfades_on_the_other_reserved_channel(audio):
    audio.play_ambience("hush")
    first = audio._ambience_channel
    assert pygame.mixer.Channel(first).get_sound() is not None
    audio.play_ambience("wind")
    second = audio._ambience_channel
    assert second != first and second < AMBIENCE_CHANNELS
    assert pygame.mixer.Channel(second).get_sound() is audio._loops["wind"]
    audio.play_ambience("wind")               # the same place again: nothing restarts
    assert audio._ambience_channel == second
    audio.play_ambience("")                   # a quiet place: the loop fades and nothing new starts
    assert audio.ambience == "" and not audio._loops  # the fading channel alone holds "wind" now
    assert pygame.mixer.get_num_channels() > AMBIENCE_CHANNELS  # effects keep their own channels


def test_mute_silences_the_ambience_and_unmute_restores_its_volume(audio):
    audio.ambience_volume = 0.4
    audio.play_ambience("hush")
    channel = pygame.mixer.Channel(audio._ambience_channel)
    audio.set_muted(True)
    assert channel.get_volume() == 0
    audio.set_muted(False)
    assert channel.get_volume() == pytest.approx(0.4, abs=0.01)


def test_a_change_of_music_waits_for_the_old_track_to_fade(audio, monkeypatch):
    import game.screens.audio as au
    busy, now = [True], [50.0]
    started = []
    monkeypatch.setattr(au, "time", types.SimpleNamespace(monotonic=lambda: now[0]))
    monkeypatch.setattr(pygame.mixer.music, "get_busy", lambda: busy[0])
    monkeypatch.setattr(pygame.mixer.music, "fadeout", lambda ms: None)
    monkeypatch.setattr(audio, "_start_music", started.append)
    audio.play_music("calm")
    assert started == [] and audio.track == "calm"   # the old track is still fading out
    audio.update()
    now[0] += au.MUSIC_FADE_OUT_MS / 1000            # its fade's time is up, but the mixer still plays it
    audio.update()
    assert started == []
    busy[0] = False
    audio.update()
    assert started == ["calm"]
    audio.update()
    assert started == ["calm"]                       # started once


def test_the_play_screen_plays_the_ambience_of_the_background(story_root, tmp_path):
    from game.profile import Profile
    from game.screens.app import App
    from game.screens.play import PlayScreen
    _with_ambience(story_root, "hush")
    _add_loop(story_root, "hush")
    app = App(load_library(story_root), Profile(tmp_path / "data"), window=False)
    app.push(PlayScreen(app))
    assert app.audio.ambience == "hush"
