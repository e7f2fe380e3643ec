"""Issue 17: work that used to stall a frame now happens elsewhere (ambience decoded on a thread, the
screen veil blitted, images decoded once for a scene's working set)."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pygame
import pytest

from game.screens.audio import Audio


@pytest.fixture
def audio(story_root: Path):
    folder = story_root.parent / "assets" / "audio"
    (folder / "ambience").mkdir(parents=True, exist_ok=True)
    for name in ("hush", "wind"):
        shutil.copy(folder / "music" / "calm.wav", folder / "ambience" / f"{name}.wav")
    sound = Audio(folder)
    if not sound.enabled:
        pytest.skip(f"no mixer even with the dummy driver: {sound.reason}")
    sound.background = True
    yield sound
    pygame.mixer.quit()


def _settle(audio: Audio) -> None:
    deadline = time.monotonic() + 10
    while audio._decoding and time.monotonic() < deadline:
        time.sleep(0.005)
    audio.update()


def test_an_ambience_loop_is_decoded_off_the_frame_and_starts_on_a_later_update(audio):
    audio.play_ambience("hush")
    assert audio.ambience == "hush" and not audio._loops  # nothing decoded in the call itself
    _settle(audio)
    assert pygame.mixer.Channel(audio._ambience_channel).get_sound() is audio._loops["hush"]


def test_only_the_place_the_player_is_in_starts_when_places_change_quickly(audio):
    audio.play_ambience("hush")
    audio.play_ambience("wind")
    _settle(audio)
    assert list(audio._loops) == ["wind"] and not audio._decoded
    audio.play_ambience("")  # away and back again: the loop is decoded again and starts
    audio.play_ambience("wind")
    _settle(audio)
    assert list(audio._loops) == ["wind"]
    assert pygame.mixer.Channel(audio._ambience_channel).get_sound() is audio._loops["wind"]
    audio.play_ambience("")
    audio.update()
    assert not audio._loops


def test_shade_darkens_like_a_black_veil_of_that_opacity():
    from game.screens.widgets import shade
    surface = pygame.Surface((40, 30))
    surface.fill((200, 100, 50))
    shade(surface, 150)
    r, g, b, _ = surface.get_at((39, 29))
    assert (abs(r - 200 * 105 / 255) <= 2, abs(g - 100 * 105 / 255) <= 2, abs(b - 50 * 105 / 255) <= 2) == (
        True, True, True)
    shade(surface, 0)
    assert surface.get_at((0, 0))[:3] == (r, g, b)


def test_the_watcher_thread_notices_a_saved_file_without_the_game_polling(story_root):
    import os

    from game.content.watch import ContentWatcher
    watcher = ContentWatcher(story_root)
    watcher.start(interval=0.01)
    try:
        assert not watcher.pending()
        scene = story_root / "story" / "01_first.yaml"
        scene.write_text(scene.read_text().replace("It begins.", "It begins again."))
        os.utime(scene, ns=(1, 1))  # a different time whatever the clock's resolution
        deadline = time.monotonic() + 10
        while not watcher.pending() and time.monotonic() < deadline:
            time.sleep(0.005)
        assert time.monotonic() < deadline  # seen by the thread
        assert not watcher.pending() and watcher.changed() == []  # once per change
    finally:
        watcher.stop()
