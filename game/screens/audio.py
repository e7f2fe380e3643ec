"""Music, ambience and sound effects. No audio device (or no mixer) means the game runs silent, never crashes.

Three layers: one music track (pygame.mixer.music, streamed), one ambience loop on its own pair of
reserved channels, and one-shot effects on the rest. A change of music fades the old track out
before the new one fades in (the mixer streams one track at a time, so `update()` starts the next
one when the fade has finished); a change of ambience crossfades, the old loop fading out on one
channel while the new one fades in on the other. Effects are kept decoded within SFX_BYTES, the least
recently played let go first.

A file that cannot be played (empty, damaged, an unknown format) is noted in `problems` and
skipped: that track or effect is silent, the rest of the game goes on. `validate` reports such
files too (game/content/assetcheck.py), so this is the last line of defence.

With `background` (the app sets it), an ambience loop is decoded on a thread (a 40-second Ogg
loop takes 60-100 ms, and decoding releases the GIL) and starts on the first `update()` after it
is ready, so a change of place never stalls a frame. A decoded 40-second loop is 7 MB, so there the
old loop fades out (AMBIENCE_FADE_OUT_MS) before the new one is decoded and fades in, as music does:
never two loops in memory at once. Where decoded sounds are kept (decoded.keep_in: the game's data folder), a
loop is not held whole at all: it is streamed from its kept samples, a piece of PIECE_SECONDS queued on its
channel behind the piece playing (`update()` reads the next one, 0.1 ms), and faded by `update()` rather than by
SDL, whose fades and a channel's queue do not mix. Effects (1-6 ms each) are decoded on a thread of their own too:
`expect` has a scene's decoded before they are needed, and one played before it is decoded plays on the
first `update()` after (a frame or two late) instead of stalling the frame.

With `background`, the ambience thread also does the mixer's slow calls, in the order asked (halts first, then the
track, then the loop to decode): halting an ambience channel (a loop two places back still fading, or the old loop
once faded out: 1.4 ms when SDL frees a whole 7 MB loop, 0.1 ms for a streamed one) and loading and starting a new
track (`pygame.mixer.music.load`, 1 ms: it opens the file and reads its codebooks). The latest request wins: a track
asked for and not started when another is asked for never starts, and no loop starts on a channel still to be halted.
A track may start up to one loop's decoding late (0.1 s, under its 0.9 s fade-in). `stop()` drops what is not
started and waits (at most STOP_WAIT seconds) for the mixer calls under way on either thread (a halt, a track, or a
loop or effect being decoded: SDL decodes into the mixer's format), so none runs on while pygame quits.
"""
from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pygame

from .. import paths
from ..words import t
from ..worker import Worker, weak
from . import decoded

EXTENSIONS = (".ogg", ".wav")
MUSIC_FADE_OUT_MS = 700
MUSIC_FADE_IN_MS = 900
AMBIENCE_FADE_MS = 1500
AMBIENCE_FADE_OUT_MS = 700  # with `background`: the old loop is gone before the new one is decoded
AMBIENCE_CHANNELS = 2  # reserved: the loop playing and the one fading out
SFX_BYTES = 2 * 2**20  # decoded effects kept (at 44.1 kHz stereo, 2 MB is 12 s of sound)
PIECE_SECONDS = 2.0  # a streamed loop is read in pieces this long (0.35 MB at 44.1 kHz stereo); longer than a fade
PIECES_AHEAD = 2  # a streamed loop's first pieces, read as it is made: the one it starts with and the one queued next
STOP_WAIT = 1.0  # seconds `stop()` waits at most for the ambience thread's mixer call under way
_FAILURES = (pygame.error, OSError, ValueError, EOFError, MemoryError)


class Audio:
    def __init__(self, folder: Path = paths.ASSETS / "audio"):
        self.folder = folder
        self.enabled = False
        self.reason = ""
        self.music_volume = 0.6
        self.sound_volume = 0.8
        self.ambience_volume = 0.5
        self.muted = False
        self.track = ""
        self.on_track: Callable[[str], None] | None = None  # told each track that starts (the profile keeps it)
        self.ambience = ""
        self._next_track = ""    # waiting for the old track to fade out
        self._waiting = False
        self._faded_at = 0.0     # when that track's fade-out ends (time.monotonic()): not asked if busy before
        self._ambience_channel = 0
        self._loops: dict[str, pygame.mixer.Sound | _Stream | None] = {}  # the ambience loop in use
        self._streams: dict[int, _Stream] = {}  # ambience channel -> the loop streamed on it
        self._fades: dict[int, tuple[float, float, float | None]] = {}  # streamed channel -> (began, seconds, from)
        self.problems: dict[str, str] = {}  # "<music|ambience|sfx>/<name>" -> why it does not play
        self._sounds: dict[str, pygame.mixer.Sound | None] = {}
        self.background = False  # decode ambience loops, halt them and load tracks on a thread (the module's note)
        self._decoded: list[tuple[str, pygame.mixer.Sound | _Stream | None, str]] = []  # (name, loop, problem)
        self._decoder_lock = threading.Lock()
        self._idle = threading.Condition(self._decoder_lock)  # told when a thread's mixer call is done
        self._decoding = False  # the ambience thread has work, or is due to (a loop, a halt or a track asked)
        self._decoder_started = False  # ... and it has been woken for it
        self._decoder_thread = Worker("cell7-ambience", weak(self._decoder))
        self._wanted = ""       # the loop the decoder should make next
        self._request = 0       # counts play_ambience calls that asked the decoder for a loop
        self._served = 0        # ... and the last request it has served
        self._halts: list[tuple[int, _Stream | None]] = []  # ambience channels for the thread to halt, in order
        self._halting: dict[int, int] = {}  # channel -> its halts asked and not done (no loop starts meanwhile)
        self._music_job: tuple[str, int] | None = None  # the track for the thread to start, and its _music_request
        self._music_request = 0  # counts play_music calls (with `background`): a track asked before is not started
        self._mixing = 0        # mixer calls under way on the two threads (`stop` waits for them)
        self._pending = ""      # a loop to decode once the one fading out has gone quiet
        self._quiet_at = 0.0    # when it has (time.monotonic()); -1 once it is asked to stop
        self._effects: list[str] = []  # effects the effects thread should decode, in order
        self._asked: set[str] = set()  # effects asked of it and not taken by `update()` yet
        self._made: list[tuple[str, pygame.mixer.Sound | None, str]] = []  # (name, effect, problem) from it
        self._to_play: set[str] = set()  # effects played before they were decoded: played once they come
        self._effects_thread = Worker("cell7-sfx", weak(self._effects_decoder))
        self._due = False  # a decoder or effects thread or a track asked for and not started yet (`presented`)
        self._stopped = False  # the game is quitting (`stop`)
        self._updates = 0  # `update()` calls so far ...
        self._due_since = 0  # ... and their count when the threads due were first asked for
        try:
            pygame.mixer.init()
            pygame.mixer.set_reserved(AMBIENCE_CHANNELS)
            self.enabled = True
        except pygame.error as exc:
            self.reason = t("audio.no_device", error=exc)

    def _file(self, kind: str, name: str) -> Path | None:
        try:
            return next((p for ext in EXTENSIONS if (p := self.folder / kind / f"{name}{ext}").is_file()), None)
        except (OSError, ValueError):
            return None

    def play_music(self, track: str) -> None:
        """Loop `track` ('' or 'stop' for silence), fading out whatever plays now; nothing when already playing."""
        track = "" if track == "stop" else track
        if track == self.track:
            return
        self.track = track
        if track and self.on_track:
            self.on_track(track)
        if not self.enabled:
            return
        if self.background:  # started once the old track has faded out and this frame is on screen (`presented`)
            with self._decoder_lock:  # (the ambience thread starts a track under it: it has started, or never will)
                self._music_request, self._music_job = self._music_request + 1, None  # one not started yet never will
                try:
                    busy = pygame.mixer.music.get_busy()
                    if busy:
                        pygame.mixer.music.fadeout(MUSIC_FADE_OUT_MS)
                except _FAILURES:
                    self._stop_music()
                    return
                self._wait_for_fade(track, busy)
                self._later()
            return
        try:
            busy = pygame.mixer.music.get_busy()
            if busy:
                pygame.mixer.music.fadeout(MUSIC_FADE_OUT_MS)
            if busy:  # started once the old track has faded out
                self._wait_for_fade(track, True)
            else:
                self._start_music(track)
        except _FAILURES:
            self._stop_music()

    def presented(self) -> None:
        """The frame is on screen: the ambience (decoder) and effects threads asked for while it was made start now,
        and a new track is handed to the ambience thread, so they never compete with that frame (the first title's
        and story line's above all: SDL's audio thread decodes a track as it starts). Where no frame is presented,
        `update()` starts them a frame later."""
        if self._stopped:
            return
        self._next_music()
        with self._decoder_lock:
            if self._decoding and not self._decoder_started:
                self._decoder_started = True
                self._decoder_thread.wake()
            if self._effects:
                self._effects_thread.wake()
            self._due = False

    def stop(self) -> None:
        """The game is quitting: the loops and effects asked for and not decoded yet, and the halts and track asked of
        the ambience thread and not begun, are dropped (pygame's quit stops every channel), and no thread or track
        starts any more. A mixer call a thread has begun (a halt, a track, a loop or an effect being decoded) is waited
        for, STOP_WAIT seconds at most, so that pygame never quits under it."""
        with self._decoder_lock:
            self._stopped = True
            self._wanted, self._request = "", self._request + 1
            self._effects.clear()
            self._due = self._waiting = False
            self._music_request, self._music_job = self._music_request + 1, None
            halts, self._halts = self._halts, []
            self._halting.clear()
            self._idle.wait_for(lambda: not self._mixing, STOP_WAIT)
        for _, stream in halts:
            if stream is not None:
                stream.close()

    def _later(self) -> None:
        """A thread is due: started by `presented()`, or by the `update()` after next."""
        if not self._due:
            self._due, self._due_since = True, self._updates

    def update(self) -> None:
        """Once a frame: decode the new place's loop once the old one has faded out, start a loop decoded since,
        and the next track when the old one has faded out."""
        self._updates += 1
        if self._due and self._updates - self._due_since > 1:  # (asked before the last update: no presenting here)
            self.presented()
        self._take_effects()
        self._feed()
        if self._pending and 0 <= self._quiet_at <= time.monotonic():
            self._stop_old_loop()  # faded out by now (a loop still fading in when left ignores its fade-out) ...
            self._quiet_at = -1.0
        if self._pending and self._quiet_at < 0 and not self._halting:  # ... and stopped (by the ambience thread)
            self._decode(self._pending)
            self._pending = ""
        while self._decoded and not self._halting:  # (a loop starts on a channel the thread has halted)
            name, loop, problem = self._decoded.pop(0)
            if problem:
                self.problems[f"ambience/{name}"] = problem
            if name == self.ambience and loop is not None:  # still the place the player is in
                self._loops = {name: loop}
                self._start_loop(loop)
            elif isinstance(loop, _Stream):
                loop.close()
        if not self._due:  # (a track asked for in this frame starts once it is on screen)
            self._next_music()

    def _wait_for_fade(self, track: str, fading: bool) -> None:
        """`track` starts once the one before has faded out (`fading`: a fade-out was begun now)."""
        self._next_track, self._waiting = track, True
        self._faded_at = time.monotonic() + (MUSIC_FADE_OUT_MS / 1000 if fading else 0.0)

    def _next_music(self) -> None:
        """Start the track waiting, once the one before has faded out. The mixer is not asked before its fade-out
        ends: each question waits on the audio thread's lock (87 us a frame, through every fade of fast clicking)."""
        if not (self.enabled and self._waiting) or time.monotonic() < self._faded_at:
            return
        try:
            if pygame.mixer.music.get_busy():
                return
        except pygame.error:
            pass
        self._waiting = False
        self._start_music(self._next_track)

    def _start_music(self, track: str) -> None:
        if not track:
            return
        if self.background:  # loaded and started on the ambience thread (`_music_on_thread`)
            with self._decoder_lock:
                if not self._stopped:
                    self._music_job = (track, self._music_request)
                    self._want_thread()
            return
        path = self._file("music", track)
        if not path or f"music/{track}" in self.problems:
            return
        try:
            pygame.mixer.music.load(str(path))
            pygame.mixer.music.set_volume(0 if self.muted else self.music_volume)
            pygame.mixer.music.play(loops=-1, fade_ms=MUSIC_FADE_IN_MS)
        except _FAILURES as exc:
            self.problems[f"music/{track}"] = str(exc) or exc.__class__.__name__
            self._stop_music()

    def play_ambience(self, name: str) -> None:
        """Loop the ambience `name` ('' for none), crossfading from the one playing now."""
        if name == self.ambience:
            return
        self.ambience = name
        if not self.enabled:
            return
        try:
            sounding = self._ambience_channel not in self._halting and \
                pygame.mixer.Channel(self._ambience_channel).get_busy()  # (not a loop the thread is to halt)
            self._fade_out(self._ambience_channel, AMBIENCE_FADE_OUT_MS if self.background else AMBIENCE_FADE_MS)
            self._ambience_channel = (self._ambience_channel + 1) % AMBIENCE_CHANNELS
            self._halt(self._ambience_channel, later=True)  # a loop two places back, if still fading
            # only the new loop is kept here (a decoded 40 s loop is ~7 MB); the channel fading out holds
            # the old one until its fade ends
            self._loops = {}
            if self.background:
                if sounding:  # decoded by `update()` once the old loop has gone; one being decoded is dropped
                    self._decode("")
                    self._pending, self._quiet_at = name, time.monotonic() + AMBIENCE_FADE_OUT_MS / 1000
                else:
                    self._pending = ""
                    self._decode(name)
                return
            loop = self._load("ambience", name, self._loops) if name else None
            if loop is not None:
                self._start_loop(loop)
        except _FAILURES as exc:
            self.problems[f"ambience/{name}"] = str(exc) or exc.__class__.__name__

    def _stop_old_loop(self) -> None:
        try:
            self._halt((self._ambience_channel + 1) % AMBIENCE_CHANNELS, later=True)
        except pygame.error:
            pass

    def _halt(self, index: int, later: bool = False) -> None:
        """Stop the ambience channel `index` at once (the piece queued after the one playing goes too). `later`, with
        `background`: on the ambience thread (SDL frees a whole loop as it stops: 1.4 ms), `update()` starting no loop
        until it is done; `update()` and `feed` forget the channel's loop now. (A silent channel holds nothing to free:
        stopped here.)"""
        self._fades.pop(index, None)
        stream = self._streams.pop(index, None)
        if later and self.background and (stream is not None or pygame.mixer.Channel(index).get_busy()):
            with self._decoder_lock:
                if not self._stopped:
                    self._halts.append((index, stream))
                    self._halting[index] = self._halting.get(index, 0) + 1
                    self._want_thread()
                    return
        try:
            pygame.mixer.Channel(index).stop()
        finally:
            if stream is not None:
                stream.close()

    def _fade_out(self, index: int, ms: int) -> None:
        """Fade the ambience channel `index` out over `ms`: by SDL for a whole loop, from `update()` for a streamed
        one (see `_feed`)."""
        if index in self._streams:
            self._fades[index] = (time.monotonic(), ms / 1000, pygame.mixer.Channel(index).get_volume())
        else:
            pygame.mixer.Channel(index).fadeout(ms)

    def _feed(self) -> None:
        """Once a frame: keep the next piece of each streamed loop queued behind the one playing, and move its fade
        on. A streamed loop fades here, not by SDL: a queued piece starts with SDL's fade dropped, and a fade-out
        that ends restores the channel's volume and starts the queued piece at it."""
        now = time.monotonic()
        for index, stream in list(self._streams.items()):
            channel = pygame.mixer.Channel(index)
            try:
                if index in self._fades:
                    began, seconds, start = self._fades[index]
                    done = min(1.0, (now - began) / seconds)
                    if start is None:  # fading in, to the level the settings give now
                        channel.set_volume(self._ambience_level() * done)
                        if done == 1.0:
                            del self._fades[index]
                    elif done == 1.0:
                        self._halt(index)
                        continue
                    else:
                        channel.set_volume(start * (1 - done))
                if channel.get_queue() is None:  # the queued piece has started: the next one is read now
                    if channel.get_busy():
                        channel.queue(stream.piece())
                    else:  # ran dry (no frame for a whole piece)
                        channel.play(stream.piece())
            except _FAILURES as exc:
                self.problems[f"ambience/{stream.name}"] = str(exc) or exc.__class__.__name__
                self._halt(index)

    def _ambience_level(self) -> float:
        return 0.0 if self.muted else self.ambience_volume

    def _decode(self, name: str) -> None:
        """Have the decoder thread make the loop `name` (none for ''), dropping any loop asked for before."""
        with self._decoder_lock:
            self._wanted, self._request = name, self._request + 1
            if name:
                self._want_thread()

    def _want_thread(self) -> None:
        """(Under the lock.) The ambience thread has work: one at a time, started once this frame is on screen."""
        if not self._decoding:
            self._decoding, self._decoder_started = True, False
            self._later()

    def _decoder(self) -> None:
        """On a thread: the halts asked for, in order; then the track asked for (`_music_on_thread`); then the loop of
        the place the player is in now, and of any place reached since (`update()` starts it). Places passed through
        while a loop was decoding are never decoded."""
        while True:
            with self._decoder_lock:
                if self._halts:
                    job: Callable[[], None] | None = functools.partial(self._halt_on_thread, *self._halts.pop(0))
                elif self._music_job is not None:
                    job, self._music_job = functools.partial(self._music_on_thread, *self._music_job), None
                else:
                    job = None
                    name, request = self._wanted, self._request
                    if request == self._served:
                        self._decoding = self._decoder_started = False
                        return
                self._mixing += 1  # (`stop` drops what is not begun under this lock: none is begun after it)
            if job is not None:
                job()  # (which ends its mixer call: `_mixed`)
                continue
            # streamed from its kept samples (read in pieces), else decoded whole; none for '' (a quiet place)
            try:
                loop, problem = _sound_at(self._file("ambience", name) if name else None, _loop)
            finally:
                self._mixed()
            with self._decoder_lock:
                self._served = request
                if request == self._request and name:  # still wanted: hand it over; else drop it at once and go on
                    self._decoded.append((name, loop, problem))
                elif isinstance(loop, _Stream):
                    loop.close()

    def _halt_on_thread(self, index: int, stream: _Stream | None) -> None:
        try:
            pygame.mixer.Channel(index).stop()
        except pygame.error:
            pass
        finally:
            if stream is not None:
                stream.close()
            with self._decoder_lock:
                if self._halting.get(index, 0) > 1:
                    self._halting[index] -= 1
                else:
                    self._halting.pop(index, None)
            self._mixed()

    def _music_on_thread(self, track: str, request: int) -> None:
        """On the ambience thread: load the track `track` and start it, unless another was asked for meanwhile
        (`play_music` counts them) or the game is quitting. A track that will not play is noted in `problems`."""
        try:
            path = self._file("music", track)
            if not path or f"music/{track}" in self.problems or request != self._music_request:
                return
            try:
                pygame.mixer.music.load(str(path))  # (the track before has faded out: freed at once)
                with self._decoder_lock:  # started now or never: `play_music` counts and fades under it
                    if request != self._music_request or self._stopped:
                        return
                    pygame.mixer.music.set_volume(0 if self.muted else self.music_volume)
                    pygame.mixer.music.play(loops=-1, fade_ms=MUSIC_FADE_IN_MS)
            except _FAILURES as exc:
                self.problems[f"music/{track}"] = str(exc) or exc.__class__.__name__
                with self._decoder_lock:
                    if request == self._music_request and not self._stopped:
                        self._stop_music()
        finally:
            self._mixed()

    def _mixed(self) -> None:
        """On a thread: a mixer call begun under the lock (`_mixing`) is done; `stop` may be waiting for it."""
        with self._decoder_lock:
            self._mixing -= 1
            self._idle.notify_all()

    def _start_loop(self, loop: pygame.mixer.Sound | _Stream) -> None:
        try:
            channel = pygame.mixer.Channel(self._ambience_channel)
            if isinstance(loop, _Stream):  # faded in by `_feed`, which queues its second piece at once
                self._halt(self._ambience_channel)
                self._streams[self._ambience_channel] = loop
                self._fades[self._ambience_channel] = (time.monotonic(), AMBIENCE_FADE_MS / 1000, None)
                channel.set_volume(0.0)
                channel.play(loop.piece())
                self._feed()
                return
            channel.set_volume(self._ambience_level())
            channel.play(loop, loops=-1, fade_ms=AMBIENCE_FADE_MS)
        except _FAILURES as exc:
            self.problems[f"ambience/{self.ambience}"] = str(exc) or exc.__class__.__name__

    def _load(self, kind: str, name: str, cache: dict[str, pygame.mixer.Sound | None]) -> pygame.mixer.Sound | None:
        """A sound from assets/audio/<kind>/, kept in `cache`; None (and a note in `problems`) if it won't play."""
        if name not in cache:
            path = self._file(kind, name)
            if not path:
                return None
            cache[name], problem = _sound_at(path)
            if problem:
                self.problems[f"{kind}/{name}"] = problem
        return cache[name]

    @staticmethod
    def _stop_music() -> None:
        try:
            pygame.mixer.music.stop()
        except pygame.error:
            pass

    def play_sound(self, name: str) -> None:
        """Play the effect `name` once. With `background`, one not decoded yet is decoded on the effects thread
        and plays on the first `update()` after (see the module's note)."""
        if not self.enabled or self.muted or f"sfx/{name}" in self.problems:
            return
        if self.background and name not in self._sounds:
            self._to_play.add(name)
            self._ask_effects([name])
            return
        if self._load("sfx", name, self._sounds) is not None:
            self._play(name)

    def _play(self, name: str) -> None:
        """Play the decoded effect `name`, now the most recently played (kept within SFX_BYTES)."""
        sound = self._sounds[name] = self._sounds.pop(name)  # the most recently played last
        self._trim_effects()
        try:
            sound.set_volume(self.sound_volume)
            sound.play()
        except pygame.error as exc:
            self.problems[f"sfx/{name}"] = str(exc)

    def _trim_effects(self) -> None:
        while len(self._sounds) > 1 and sum(map(_bytes, self._sounds.values())) > SFX_BYTES:
            self._sounds.pop(next(iter(self._sounds)))  # a sound still playing keeps its own data until it ends

    def expect(self, names: Iterable[str]) -> None:
        """With `background`: have these effects (a scene's) decoded on the effects thread, ahead of playing
        them. Without it, nothing (they are decoded when played)."""
        if self.enabled and self.background:
            self._ask_effects(names)

    def _ask_effects(self, names: Iterable[str]) -> None:
        """Queue the effects not decoded nor asked for yet for the effects thread (started, when idle, once this frame
        is on screen)."""
        with self._decoder_lock:
            for name in names:
                if name not in self._sounds and name not in self._asked and f"sfx/{name}" not in self.problems:
                    self._asked.add(name)
                    self._effects.append(name)
            if self._effects:
                self._later()  # the effects thread starts once this frame is on screen

    def _effects_decoder(self) -> None:
        """On a thread: decode the effects asked for, in turn (decoding a file releases the GIL)."""
        while True:
            with self._decoder_lock:
                if not self._effects:  # (`stop` empties it)
                    return
                name = self._effects.pop(0)
                self._mixing += 1
            try:
                sound, problem = _sound_at(self._file("sfx", name))
            finally:
                self._mixed()
            with self._decoder_lock:
                self._made.append((name, sound, problem))

    def _take_effects(self) -> None:
        """Keep the effects decoded since the last frame, and play those that were played before they came."""
        with self._decoder_lock:
            made, self._made = self._made, []
        for name, sound, problem in made:
            self._asked.discard(name)
            if problem:
                self.problems[f"sfx/{name}"] = problem
            if sound is None:
                self._to_play.discard(name)
                continue
            self._sounds[name] = sound
            if name in self._to_play and not self.muted:
                self._play(name)
            else:
                self._trim_effects()
            self._to_play.discard(name)

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute everything; also applies changed volumes."""
        self.muted = muted
        if self.enabled:
            try:
                with self._decoder_lock:  # (not between the ambience thread's setting a track's volume and its start)
                    pygame.mixer.music.set_volume(0 if muted else self.music_volume)
                if self._ambience_channel not in self._fades:  # (a fade follows the settings itself)
                    pygame.mixer.Channel(self._ambience_channel).set_volume(self._ambience_level())
            except pygame.error:
                pass


class _Stream:
    """An ambience loop played from its kept samples (decoded.samples) in pieces of PIECE_SECONDS, round and round:
    the channel holds the piece playing and the one queued behind it (0.7 MB) instead of the whole loop (6.7 MB for
    40 seconds at 44.1 kHz stereo). The file stays open while the loop plays. Its first PIECES_AHEAD pieces are read
    when it is made, so a frame that starts it reads none (two reads were 0.5 ms of a scene's first line)."""

    def __init__(self, name: str, path: Path):
        mixer = pygame.mixer.get_init()
        if mixer is None:  # closed meanwhile: the game quit while the loop was being kept
            raise pygame.error("the mixer is closed")
        frequency, _, channels = mixer
        self.name = name
        self._file = open(path, "rb")
        self._size = os.fstat(self._file.fileno()).st_size - decoded.WAV_HEADER  # the samples' bytes
        self._piece = round(PIECE_SECONDS * frequency) * channels * 2  # 16-bit samples
        self._at = 0
        try:  # where it is made (the ambience thread, with `background`), not in the frame that starts it
            self._ahead = [self._read() for _ in range(PIECES_AHEAD)]
        except BaseException:
            self._file.close()
            raise

    def piece(self) -> pygame.mixer.Sound:
        """The next PIECE_SECONDS of the loop (its end runs on into its start); OSError if the file has shrunk."""
        return self._ahead.pop(0) if self._ahead else self._read()

    def _read(self) -> pygame.mixer.Sound:
        parts, left = [], self._piece
        while left:
            self._file.seek(decoded.WAV_HEADER + self._at)
            part = self._file.read(min(left, self._size - self._at))
            if not part:
                raise OSError("the kept loop is shorter than it was")
            parts.append(part)
            left -= len(part)
            self._at = (self._at + len(part)) % self._size
        return pygame.mixer.Sound(buffer=parts[0] if len(parts) == 1 else b"".join(parts))

    def close(self) -> None:
        self._file.close()


def _loop(path: Path) -> pygame.mixer.Sound | _Stream:
    """The ambience loop at `path`: streamed from its kept samples when it can be kept (decoded.samples), else whole."""
    kept = decoded.samples(path)
    return _Stream(path.stem, kept) if isinstance(kept, Path) else kept  # (a Sound when it could not be kept)


def _effect(path: Path) -> pygame.mixer.Sound:
    """An effect, decoded, or read from its kept samples (decoded.sound)."""
    return decoded.sound(path, smallest=0)


def _sound_at(path: Path | None, decode: Callable[[Path], pygame.mixer.Sound | _Stream] = _effect) -> \
        tuple[pygame.mixer.Sound | _Stream | None, str]:
    """The sound `decode` makes of the file at `path`, or None and why it will not play ('' when there is no file)."""
    if path is None:
        return None, ""
    try:
        return decode(path), ""
    except _FAILURES as exc:
        return None, str(exc) or exc.__class__.__name__


def _bytes(sound: pygame.mixer.Sound | None) -> int:
    """The decoded size of `sound` in the mixer's format."""
    if sound is None:
        return 0
    frequency, size, channels = pygame.mixer.get_init() or (44100, -16, 2)
    return round(sound.get_length() * frequency) * channels * abs(size) // 8
