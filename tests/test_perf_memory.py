"""Issue 17, memory: what the game keeps between frames is bounded and lets go of what it no longer needs."""
from __future__ import annotations

import gc
import weakref

import numpy as np
import pygame

from game import worker
from game.storage import BackgroundWriter
from game.ui import draw
from game.ui.theme import theme_for


def _alike(a: pygame.Surface, b: pygame.Surface) -> bool:
    """The two pictures differ by at most 1 in any channel of any pixel (a panel's middle is blended by a multiply
    and an add, not pixel by pixel: `draw._tint`)."""
    first, second = (np.frombuffer(pygame.image.tobytes(s, "RGB"), np.uint8).astype(int) for s in (a, b))
    return first.shape == second.shape and int(np.abs(first - second).max()) <= 1


def test_panels_and_boxes_of_every_size_look_the_same_and_keep_memory_bounded():
    """A translucent panel used to get a scratch surface per size, kept (up to 65: ~47 MB at 1280x720)."""
    theme = theme_for(False, False)
    target, expected = pygame.Surface((640, 360)), pygame.Surface((640, 360))
    for i, size in enumerate([(300, 80), (310, 96), (120, 40), (600, 300), (5, 3), (0, 0)]):
        rect = pygame.Rect(7 * i, 5 * i, *size)
        for surface in (target, expected):
            surface.fill((40, 60, 90))
        draw.panel(target, rect, theme, edge=(200, 180, 90))
        draw.box(target, (250, 20, 20), rect.inflate(-2, -2), alpha=120, radius=4)
        layer = pygame.Surface((max(1, size[0]), max(1, size[1])), pygame.SRCALPHA)  # the old way, per size
        pygame.draw.rect(layer, (*theme.panel, theme.panel_alpha), layer.get_rect(), border_radius=14)
        pygame.draw.rect(layer, (200, 180, 90, 220), layer.get_rect(), width=theme.edge_width, border_radius=14)
        if rect.w and rect.h:  # an empty panel shows nothing (the old way drew it as one pixel)
            expected.blit(layer, rect.topleft)
        inner = rect.inflate(-2, -2)
        layer = pygame.Surface((max(1, inner.w), max(1, inner.h)), pygame.SRCALPHA)
        pygame.draw.rect(layer, (250, 20, 20, 120), layer.get_rect(), border_radius=4)
        expected.blit(layer, inner.topleft)
        assert _alike(target, expected), size
    assert len(draw._SCRATCH) == 1  # translucent boxes: one scratch surface for every size
    for i in range(200):  # panels are kept once drawn, within a byte budget
        draw.panel(target, pygame.Rect(0, 0, 300 + i, 200), theme)
    assert sum(p.get_width() * p.get_height() * 4 for p in draw._PANELS.values()) == draw._PANEL_BYTES[0] \
        <= draw.PANEL_CACHE_BYTES


def test_a_kept_panel_is_its_caps_and_a_strip_of_its_middle_with_the_pixels_of_the_whole(monkeypatch):
    """A panel of any height blitted from its kept caps and middle strip equals the whole box drawn at once, and a
    box growing with its line keeps one picture for every height, never taller than its caps and the strip."""
    monkeypatch.setattr(draw, "_PANELS", {})
    monkeypatch.setattr(draw, "_DRAWN_ONCE", {})
    monkeypatch.setattr(draw, "_PANEL_BYTES", [0])
    theme = theme_for(False, False)
    backdrop = pygame.Surface((1280, 720))
    for x in range(0, 1280, 40):  # something to blend over
        backdrop.fill((x % 255, 90, 255 - x % 255), (x, 0, 40, 720))
    for radius, edge, alpha in ((14, (200, 180, 90), None), (4, (9, 9, 9), 235), (0, (90, 200, 255), 120),
                                (10, None, None)):
        cap = max(radius, theme.edge_width if edge else 0)
        for height in [*range(4, 2 * cap + draw.PANEL_STRIP + 3), 190, 204, 600]:
            rect = pygame.Rect(31, 47, 1160, height)
            whole = pygame.Surface(rect.size, pygame.SRCALPHA)  # the box drawn at once at its own size
            draw._rounded(whole, whole.get_rect(), (*theme.panel, theme.panel_alpha if alpha is None else alpha),
                          edge, theme.edge_width if edge else 0, radius)
            expected = backdrop.copy()
            expected.blit(whole, rect.topleft)
            for _ in range(3):  # on the scratch, then kept, then from what is kept
                surface = backdrop.copy()
                draw.panel(surface, rect, theme, alpha=alpha, edge=edge, radius=radius)
                assert _alike(surface, expected), (radius, height)
    assert max(p.get_height() for p in draw._PANELS.values()) <= 2 * 14 + draw.PANEL_STRIP
    tall = [p for key, p in draw._PANELS.items() if key[1] == 2 * max(14, theme.edge_width) + draw.PANEL_STRIP]
    assert tall and all(p.get_width() == 1160 for p in tall)  # one for 190, 204 and 600 high alike


def test_the_background_writer_lets_go_of_a_job_once_it_has_run():
    """A save's job holds a copy of the frame (3.5 MB): the idle writer thread must not keep the last one."""
    class Job:
        def __call__(self) -> None:
            pass

    writer, job = BackgroundWriter(), Job()
    gone = weakref.ref(job)
    writer.submit("slot", job)
    del job
    assert writer.flush(timeout=10)
    gc.collect()
    assert gone() is None


def _wav(path, seconds: float) -> None:
    import struct
    import wave
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(44100)
        out.writeframes(struct.pack("<hh", 0, 0) * int(44100 * seconds))


def _audio(folder):
    import pytest

    from game.screens.audio import Audio
    sound = Audio(folder)
    if not sound.enabled:
        pytest.skip(f"no mixer even with the dummy driver: {sound.reason}")
    return sound


def test_decoded_sound_effects_are_kept_within_a_byte_budget(tmp_path):
    from game.screens import audio as au
    for n in range(16):
        _wav(tmp_path / "sfx" / f"e{n}.wav", 1.0)  # 176 KB each once decoded
    sound = _audio(tmp_path)
    try:
        for n in [*range(16), 3]:
            sound.play_sound(f"e{n}")
            assert sum(map(au._bytes, sound._sounds.values())) <= au.SFX_BYTES
        assert list(sound._sounds)[-2:] == ["e15", "e3"] and "e0" not in sound._sounds  # least recently played out
    finally:
        pygame.mixer.quit()


def test_a_new_place_s_loop_is_decoded_only_once_the_old_loop_has_faded_out(tmp_path):
    import time
    for name in ("hush", "wind"):
        _wav(tmp_path / "ambience" / f"{name}.wav", 3.0)
    sound = _audio(tmp_path)
    sound.background = True
    asked = []
    decode = sound._decode

    def busy() -> bool:
        return any(pygame.mixer.Channel(i).get_busy() for i in range(2))
    sound._decode = lambda name: (asked.append((name, busy())), decode(name))
    try:
        for name in ("hush", "wind"):
            sound.play_ambience(name)
            deadline = time.monotonic() + 60  # a cap against a hang: the loop ends when it comes
            while not sound._loops and time.monotonic() < deadline:
                sound.update()
                time.sleep(0.005)
            assert list(sound._loops) == [name]
        assert [(name, busy) for name, busy in asked if name] == [("hush", False), ("wind", False)]
    finally:
        pygame.mixer.quit()


def test_wrapped_text_is_kept_least_recently_used_first_within_a_bound():
    from game.ui import richtext
    from game.ui.fonts import FontBook
    pygame.font.init()
    fonts = FontBook()
    first = richtext.lines(fonts, "the first line, used again and again", 20, 400)
    for n in range(richtext._MOST_KEPT + 50):
        richtext.lines(fonts, f"line {n}", 20, 400)
        assert richtext.lines(fonts, "the first line, used again and again", 20, 400) is first  # kept while used
    assert len(richtext._LINES[fonts]) == richtext._MOST_KEPT
    assert ("line 0", 20, 400, False) not in richtext._LINES[fonts]  # the least recently used went first


def _streaming(folder, monkeypatch):
    """An app's audio (`background`) keeping decoded loops under `folder`, its clock (`now[0]`, seconds) and
    mixer channels (`_Channel`) played by hand."""
    import types

    from game.screens import audio as au
    from game.screens import decoded
    sound = _audio(folder)
    decoded.keep_in(folder / "cache")
    now = [100.0]
    monkeypatch.setattr(au, "time", types.SimpleNamespace(monotonic=lambda: now[0]))
    _Channel.channels = {}
    monkeypatch.setattr(pygame.mixer, "Channel", _Channel)
    sound.background = True
    return sound, now


def _made_on_thread(sound, name: str) -> None:
    """`sound` asked for the ambience `name`, its frame presented and the ambience thread done making it."""
    sound.play_ambience(name)
    sound.presented()
    assert worker.settle_all(60)


class _Channel:
    """A mixer channel as audio.py uses it, played by hand: `end_piece` is the audio thread reaching the end of the
    piece playing (the queued one starts)."""
    channels: dict[int, "_Channel"] = {}

    def __new__(cls, index: int):
        return cls.channels.setdefault(index, super().__new__(cls))

    def __init__(self, index: int):
        if not hasattr(self, "sound"):
            self.sound = self.queued = None
            self.volume = 1.0

    def play(self, sound, loops=0, fade_ms=0):
        self.sound, self.queued = sound, None

    def queue(self, sound):
        self.queued = sound

    def stop(self):
        self.sound = self.queued = None

    def fadeout(self, ms):
        assert self.sound is None, "a streamed loop is never faded by SDL (its queued piece would start at full volume)"

    def get_busy(self):
        return self.sound is not None

    def get_sound(self):
        return self.sound

    def get_queue(self):
        return self.queued

    def set_volume(self, volume):
        self.volume = volume

    def get_volume(self):
        return self.volume

    def end_piece(self):
        self.sound, self.queued = self.queued, None


def test_a_long_ambience_loop_streams_from_its_kept_samples_two_pieces_at_a_time(tmp_path, monkeypatch):
    import struct
    import wave

    import pytest

    from game.screens import audio as au
    from game.screens import decoded
    frames = 44100 * 7  # 1.2 MB once decoded: long enough to keep (decoded.KEPT_FROM)
    samples = b"".join(struct.pack("<hh", n % 30011, -(n % 20011)) for n in range(frames))
    (tmp_path / "ambience").mkdir()
    with wave.open(str(tmp_path / "ambience" / "hush.wav"), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(44100)
        out.writeframes(samples)
    sound, now = _streaming(tmp_path, monkeypatch)
    sound.ambience_volume = 0.5
    piece = round(au.PIECE_SECONDS * 44100) * 4
    try:
        _made_on_thread(sound, "hush")
        sound.update()
        channel = _Channel(sound._ambience_channel)
        assert isinstance(sound._loops["hush"], au._Stream)
        assert (channel.sound.get_raw(), channel.queued.get_raw()) == (samples[:piece], samples[piece:2 * piece])
        assert channel.volume == 0.0  # faded in from silence, by `update`
        now[0] += au.AMBIENCE_FADE_MS / 2000
        sound.update()
        assert channel.volume == pytest.approx(0.25)
        heard = channel.sound.get_raw()
        for _ in range(6):  # round the loop and on into its start again, one piece queued behind the one playing
            channel.end_piece()
            assert channel.queued is None
            now[0] += au.PIECE_SECONDS
            sound.update()
            heard += channel.sound.get_raw()
            assert channel.queued is not None
        assert heard == (samples * 2)[:7 * piece] and channel.volume == 0.5
        sound.play_ambience("")  # a quiet place: the loop fades out from `update`, still fed meanwhile
        now[0] += au.AMBIENCE_FADE_OUT_MS / 2000
        channel.end_piece()
        sound.update()
        assert channel.volume == pytest.approx(0.25) and channel.queued is not None
        stream = sound._streams[channel_index := [i for i, c in _Channel.channels.items() if c is channel][0]]
        now[0] += au.AMBIENCE_FADE_OUT_MS / 1000
        sound.update()  # faded out: stopped, its queued piece gone with it, the file closed
        assert (channel.sound, channel.queued) == (None, None) and stream._file.closed
        assert channel_index not in sound._streams and not sound._fades
    finally:
        decoded.keep_in(None)
        pygame.mixer.quit()


def test_a_loop_is_streamed_only_from_samples_kept_whole(tmp_path):
    from game.screens import decoded
    long, short = tmp_path / "long.wav", tmp_path / "short.wav"
    _wav(long, 7.0)
    _wav(short, 1.0)
    pygame.mixer.init()
    try:
        assert isinstance(decoded.samples(long), pygame.mixer.Sound)  # nowhere to keep it
        decoded.keep_in(tmp_path / "cache")
        kept = decoded.samples(long)
        assert kept.parent == tmp_path / "cache" / "sounds" and kept.stat().st_size == 44 + 44100 * 7 * 4
        assert decoded.samples(long) == kept  # read from the kept file, not decoded again
        kept.write_bytes(kept.read_bytes()[:-4])  # shorter than its header says: set aside, made again
        assert decoded.samples(long) == kept and kept.stat().st_size == 44 + 44100 * 7 * 4
        assert isinstance(decoded.samples(short), pygame.mixer.Sound)  # too short to keep
    finally:
        decoded.keep_in(None)
        pygame.mixer.quit()


def test_a_fifo_or_a_device_where_a_decoded_file_is_kept_is_set_aside_unopened(tmp_path):
    import os

    import pytest

    from game.screens import decoded
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    picture, loop = tmp_path / "wide.png", tmp_path / "loop.wav"
    image = pygame.Surface((1280, 720))  # 2.6 MB: kept
    image.fill((90, 20, 20))
    pygame.image.save(image, str(picture))
    _wav(loop, 7.0)
    pygame.mixer.init()
    decoded.keep_in(tmp_path / "cache")
    try:
        decoded.load(picture)
        kept = decoded.samples(loop)
        [bmp] = (tmp_path / "cache" / "pictures").glob("*.bmp")
        for path in (bmp, kept):  # opening a FIFO would wait for a writer for ever
            path.unlink()
            os.mkfifo(path)
        assert decoded.load(picture).get_at((5, 5))[:3] == (90, 20, 20)
        assert decoded.samples(loop) == kept and kept.stat().st_size == 44 + 44100 * 7 * 4
        bmp.unlink()
        bmp.symlink_to("/dev/zero")  # a device reads without end
        assert decoded.load(picture).get_size() == (1280, 720) and bmp.is_file()
        assert len(list((bmp.parent / "damaged").iterdir())) == 2
        assert len(list((kept.parent / "damaged").iterdir())) == 1
    finally:
        decoded.keep_in(None)
        pygame.mixer.quit()


def test_sound_work_asked_in_a_frame_starts_once_that_frame_is_on_screen(tmp_path):
    _wav(tmp_path / "ambience" / "hush.wav", 1.0)
    _wav(tmp_path / "sfx" / "door.wav", 0.5)
    sound = _audio(tmp_path)
    sound.background = True

    def workers() -> bool:
        return sound._decoder_thread.busy or sound._effects_thread.busy

    def join() -> None:
        assert worker.settle_all(60)
    try:
        sound.play_ambience("hush")
        sound.expect(["door"])
        assert not sound._decoder_started and not workers()
        sound.presented()  # (App.present, after the flip)
        join()
        sound.update()
        assert "door" in sound._sounds and sound._loops
        sound.play_ambience("")
        sound.play_sound("bell")  # (none: the thread finds no file)
        sound.play_ambience("hush")
        sound.update()  # where nothing presents, the threads start at the update after next
        assert not sound._decoder_started and not workers()
        sound.update()
        join()
        sound.update()
        assert list(sound._loops) == ["hush"] and not sound._asked  # both threads ran and handed over what they made
    finally:
        pygame.mixer.quit()


def test_a_track_starts_once_the_frame_that_asked_is_on_screen_and_nothing_starts_once_quitting(tmp_path, monkeypatch):
    _wav(tmp_path / "ambience" / "hush.wav", 1.0)
    _wav(tmp_path / "sfx" / "door.wav", 0.5)
    sound = _audio(tmp_path)
    sound.background = True
    started = []
    monkeypatch.setattr(sound, "_start_music", started.append)
    try:
        sound.play_music("calm")
        sound.update()  # the frame that asked for it: SDL would decode the track's start meanwhile
        assert started == []
        sound.presented()
        assert started == ["calm"]
        sound.play_music("dawn")
        sound.play_ambience("hush")
        sound.expect(["door"])
        sound.stop()  # quitting: what was asked and not started is dropped
        sound.presented()
        sound.update()
        sound.update()
        assert started == ["calm"] and not sound._effects
        assert not (sound._decoder_thread.busy or sound._effects_thread.busy)
    finally:
        pygame.mixer.quit()


def test_a_loop_being_kept_when_the_game_quits_is_dropped_quietly(tmp_path):
    import pytest

    from game.screens import audio as au
    from game.screens import decoded
    loop = tmp_path / "loop.wav"
    _wav(loop, 7.0)
    pygame.mixer.init()
    decoded.keep_in(tmp_path / "cache")
    try:
        kept = decoded.samples(loop)
        pygame.mixer.quit()  # App.run quits pygame while the ambience thread is still at work (AUDIT's A11)
        with pytest.raises(pygame.error):
            au._Stream("loop", kept)
        sound, problem = au._sound_at(loop, au._loop)  # what the thread meets: said, never raised
        assert sound is None and problem
    finally:
        decoded.keep_in(None)
        pygame.mixer.quit()


def test_a_streamed_loops_first_pieces_are_read_where_it_is_made_not_in_the_frame_that_starts_it(tmp_path,
                                                                                               monkeypatch):
    """A streamed loop reads its first two pieces as it is made (on the ambience thread): the frame that starts it
    reads none (two reads were 0.5 ms of a scene's first line), and the pieces after are read by `update` as they
    are needed. A loop whose first read fails is never made, its file closed, the reason in `problems`."""
    import threading

    from game.screens import audio as au
    from game.screens import decoded
    _wav(tmp_path / "ambience" / "hush.wav", 7.0)
    sound, now = _streaming(tmp_path, monkeypatch)
    reads: list[str] = []
    read = au._Stream._read
    monkeypatch.setattr(au._Stream, "_read",
                        lambda self: (reads.append(threading.current_thread().name), read(self))[1])
    try:
        _made_on_thread(sound, "hush")
        assert reads == ["cell7-ambience"] * au.PIECES_AHEAD
        sound.update()  # the frame that starts it: a piece playing, one queued, nothing read here
        channel = _Channel(sound._ambience_channel)
        assert channel.sound is not None and channel.queued is not None and reads == ["cell7-ambience"] * 2
        channel.end_piece()
        now[0] += au.PIECE_SECONDS
        sound.update()  # the third piece, read when the second starts
        assert reads[2:] == ["MainThread"] and channel.queued is not None
        opened: list = []
        real_open = open
        monkeypatch.setattr(au, "open", lambda *a: opened.append(real_open(*a)) or opened[-1], raising=False)
        monkeypatch.setattr(au._Stream, "_read", lambda self: (_ for _ in ()).throw(OSError("the disk went away")))
        kept = decoded.samples(tmp_path / "ambience" / "hush.wav")
        made, problem = au._sound_at(tmp_path / "ambience" / "hush.wav", au._loop)
        assert kept is not None and made is None and "the disk went away" in problem
        assert opened and all(handle.closed for handle in opened)
    finally:
        decoded.keep_in(None)
        pygame.mixer.quit()


def test_samples_that_cannot_be_written_leave_nothing_on_stderr(tmp_path, monkeypatch):
    """AUDIT's A15: on a data folder that cannot be written, keeping a loop printed 'Exception ignored in
    Wave_write.__del__' at every start (wave.open given a path it cannot open leaves a half-made writer)."""
    import sys

    import pytest

    from game.screens import decoded
    unraisable: list = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    loop = tmp_path / "loop.wav"
    _wav(loop, 0.1)
    pygame.mixer.init()
    try:
        with pytest.raises(OSError):
            decoded._write_wav(tmp_path / "no such folder" / "kept.wav", pygame.mixer.Sound(str(loop)),
                               pygame.mixer.get_init())
        gc.collect()
        assert unraisable == []
    finally:
        pygame.mixer.quit()
