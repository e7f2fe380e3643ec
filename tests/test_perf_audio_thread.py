"""Issue 17 (fast clicking): with `background`, the mixer's slow calls are made on the ambience thread, not in a
frame: halting a loop still sounding (SDL frees a whole 7 MB loop as it stops it: 1.4 ms) and loading a new track
(`pygame.mixer.music.load`, 1 ms). What plays, and in what order, is as before; the latest request wins; `stop()`
waits for a call under way, and only so long. Behaviour, not timings: the mixer is stood in for, and each call
notes whether the frame's (main) thread made it."""
from __future__ import annotations

import threading
import time
import types
from pathlib import Path

import pygame
import pytest

from game import worker
from game.screens import audio as au
from tests import test_perf_memory as memory
from tests.test_perf_memory import _wav


def _on_main() -> bool:
    return threading.current_thread() is threading.main_thread()


class _Channel(memory._Channel):
    """A mixer channel as audio.py uses it (tests/test_perf_memory.py's), a loop faded out by SDL sounding until it
    is stopped. `log` lists every play and stop, in turn: (call, channel, made on the main thread, the channel
    sounding)."""
    log: list[tuple[str, int, bool, bool]] = []

    def __init__(self, index: int):
        super().__init__(index)
        self.index = index

    def play(self, sound, loops=0, fade_ms=0):
        self.log.append(("play", self.index, _on_main(), self.sound is not None))
        super().play(sound)

    def stop(self):
        self.log.append(("stop", self.index, _on_main(), self.sound is not None))
        super().stop()

    def fadeout(self, ms):
        pass


def _join() -> None:
    assert worker.settle_all(60)


def _frames_until(sound: au.Audio, done, frames: int = 50) -> None:
    """Frames go by (update, then presented once drawn), each waiting for the ambience thread, until `done()`."""
    for _ in range(frames):
        sound.update()
        sound.presented()
        _join()
        if done():
            return
    raise AssertionError("not done after 50 frames")


@pytest.fixture
def ambience(tmp_path, monkeypatch):
    """Audio with `background` over three short loops, its mixer channels `_Channel`, its clock `now[0]`."""
    for name in ("hush", "wind", "rain"):
        _wav(tmp_path / "ambience" / f"{name}.wav", 0.3)
    sound = au.Audio(tmp_path)
    if not sound.enabled:
        pytest.skip(f"no mixer even with the dummy driver: {sound.reason}")
    sound.background = True
    now = [100.0]
    monkeypatch.setattr(au, "time", types.SimpleNamespace(monotonic=lambda: now[0]))
    monkeypatch.setattr(_Channel, "channels", {})
    monkeypatch.setattr(_Channel, "log", [])
    monkeypatch.setattr(pygame.mixer, "Channel", _Channel)
    decodes = []
    loop = au._loop
    monkeypatch.setattr(au, "_loop", lambda path: (decodes.append(("decode", path.stem, _on_main())), loop(path))[1])
    sound.decodes = decodes
    yield sound, now
    pygame.mixer.quit()


def test_a_sounding_loop_is_halted_on_the_ambience_thread_and_no_loop_starts_on_its_channel_before(ambience):
    sound, now = ambience
    log = _Channel.log
    sound.play_ambience("hush")
    first = sound._ambience_channel
    other = 1 - first
    _frames_until(sound, lambda: _Channel(first).sound is not None)
    sound.play_ambience("wind")  # hush fades out; wind waits for it to have faded
    _frames_until(sound, lambda: True)
    sound.play_ambience("rain")  # before wind has come: hush, two places back and still sounding, is halted ...
    assert sound._ambience_channel == first and _Channel(first).sound is not None  # ... not in this frame
    _frames_until(sound, lambda: "rain" in sound._loops and _Channel(first).sound is sound._loops["rain"])
    assert [(call, main, sounding) for call, index, main, sounding in log if index == first] == [
        ("stop", True, False), ("play", True, False), ("stop", False, True), ("play", True, False)]
    # (silent, stopped where asked), hush, halted off the frame, and only then rain
    assert list(sound._loops) == ["rain"] and sound.decodes == [("decode", "hush", False), ("decode", "rain", False)]

    del log[:]
    sound.play_ambience("wind")  # rain fades out; wind comes once it has, and it has been stopped
    now[0] += au.AMBIENCE_FADE_OUT_MS / 1000
    _frames_until(sound, lambda: _Channel(other).sound is not None)
    assert [(call, index, main) for call, index, main, sounding in log if sounding] == [("stop", first, False)]
    assert _Channel(first).sound is None and list(sound._loops) == ["wind"]
    assert sound.decodes[-1] == ("decode", "wind", False)
    # (a silent channel, holding nothing to free, is stopped where it is asked: cheaply)


@pytest.fixture
def music(tmp_path, monkeypatch):
    """Audio with `background` over two tracks and a stand-in for pygame.mixer.music: `music.loads` and
    `music.plays` list the tracks loaded and started and whether the main thread did it; a load of a track in
    `music.held` waits for `music.gate`. A fade-out silences the track at once; `music.now[0]` is the clock and
    `music.asked` counts the questions whether a track plays."""
    for name in ("calm", "dawn"):
        _wav(tmp_path / "music" / f"{name}.wav", 0.3)
    sound = au.Audio(tmp_path)
    if not sound.enabled:
        pytest.skip(f"no mixer even with the dummy driver: {sound.reason}")
    sound.background = True
    fake = types.SimpleNamespace(loads=[], plays=[], held=set(), gate=threading.Event(), loaded=None, playing=None,
                                 loading=threading.Event(), asked=0)
    sound.now = [100.0]
    monkeypatch.setattr(au, "time", types.SimpleNamespace(monotonic=lambda: sound.now[0]))

    def busy() -> bool:
        fake.asked += 1
        return fake.playing is not None

    def load(path):
        name = Path(path).stem
        fake.loads.append((name, _on_main()))
        if name in fake.held:
            fake.loading.set()
            fake.gate.wait(30)
        fake.loaded = name

    def play(loops=0, fade_ms=0):
        fake.plays.append((fake.loaded, _on_main()))
        fake.playing = fake.loaded

    def stop():
        fake.playing = None
    for name, call in (("load", load), ("play", play), ("stop", stop), ("fadeout", lambda ms: stop()),
                       ("get_busy", busy), ("set_volume", lambda volume: None)):
        monkeypatch.setattr(pygame.mixer.music, name, call)
    sound.fake = fake
    yield sound
    fake.gate.set()
    pygame.mixer.quit()


def test_a_track_is_loaded_and_started_off_the_frame_once_that_frame_is_on_screen(music):
    music.play_music("calm")
    music.update()
    assert music.fake.loads == []
    _frames_until(music, lambda: music.fake.playing == "calm")
    assert music.fake.loads == [("calm", False)] and music.fake.plays == [("calm", False)]
    music.play_music("dawn")  # calm fades out first, then dawn comes
    music.now[0] += au.MUSIC_FADE_OUT_MS / 1000
    _frames_until(music, lambda: music.fake.playing == "dawn")
    assert music.fake.plays == [("calm", False), ("dawn", False)] and not [load for load in music.fake.loads if load[1]]


def test_the_mixer_is_not_asked_whether_a_track_plays_while_it_fades_out(music):
    """Each question waits on the audio thread's lock: fast clicking asked it in every frame of every fade-out."""
    music.play_music("calm")
    _frames_until(music, lambda: music.fake.playing == "calm")
    music.play_music("dawn")
    asked = music.fake.asked
    for _ in range(30):  # the fade-out's frames (the clock stands still)
        music.update()
        music.presented()
    assert music.fake.asked == asked and music.fake.plays == [("calm", False)]
    music.now[0] += au.MUSIC_FADE_OUT_MS / 1000
    _frames_until(music, lambda: music.fake.playing == "dawn")


def test_the_latest_track_asked_for_wins_over_one_being_loaded(music):
    music.fake.held.add("calm")
    music.play_music("calm")
    music.update()
    music.presented()
    assert music.fake.loading.wait(30)  # the ambience thread is loading calm ...
    music.play_music("dawn")  # ... and the frame's thread does not wait for it
    music.fake.gate.set()
    _frames_until(music, lambda: music.fake.playing == "dawn")
    assert music.fake.plays == [("dawn", False)]  # calm, loaded when dawn was asked for, never started
    assert music.fake.loads == [("calm", False), ("dawn", False)] and music.track == "dawn"


def test_stop_waits_for_a_track_being_loaded_and_nothing_starts_after(music):
    music.fake.held.add("calm")
    music.play_music("calm")
    music.update()
    music.presented()
    assert music.fake.loading.wait(30)
    threading.Timer(0.05, music.fake.gate.set).start()
    music.stop()  # waits (STOP_WAIT at most) for the load under way: pygame never quits under it
    assert not music._mixing
    _join()
    assert music.fake.plays == [] and music.fake.playing is None


def test_stop_waits_no_longer_than_its_bound_for_a_load_that_does_not_end(music, monkeypatch):
    monkeypatch.setattr(au, "STOP_WAIT", 0.05)
    music.fake.held.add("calm")
    music.play_music("calm")
    music.update()
    music.presented()
    assert music.fake.loading.wait(30)
    began = time.monotonic()
    music.stop()  # (a cap, not a timing: it returns, the load still under way)
    assert music._mixing and time.monotonic() - began < 30
    music.fake.gate.set()
    _join()
    assert music.fake.plays == [] and not music._mixing


@pytest.mark.parametrize("kind", ["ambience", "sfx"])
def test_stop_waits_for_a_loop_or_effect_being_decoded(tmp_path, monkeypatch, kind):
    """SDL decodes a sound into the mixer's format: pygame must not quit the mixer under it (a decode that outlived
    the mixer raised on its thread: "unknown mixer format 0"). `stop` waits for it, as for a halt or a track."""
    _wav(tmp_path / kind / "rain.wav", 0.3)
    sound = au.Audio(tmp_path)
    if not sound.enabled:
        pytest.skip(f"no mixer even with the dummy driver: {sound.reason}")
    sound.background = True
    decoding, gate, ends = threading.Event(), threading.Event(), []

    def held(path, *rest, **named):
        decoding.set()
        gate.wait(30)
        ends.append(time.monotonic())
        return None
    monkeypatch.setattr(au.decoded, "samples" if kind == "ambience" else "sound", held)
    try:
        if kind == "ambience":
            sound.play_ambience("rain")
        else:
            sound.expect(["rain"])
        for _ in range(3):
            sound.update()
            sound.presented()
            if decoding.wait(0.5):
                break
        assert decoding.is_set() and sound._mixing == 1
        threading.Timer(0.05, gate.set).start()
        sound.stop()
        stopped = time.monotonic()
        assert ends and ends[0] <= stopped and not sound._mixing  # the decode ended before stop returned
        _join()
    finally:
        gate.set()
        pygame.mixer.quit()
