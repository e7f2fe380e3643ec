"""Music and sound effects. No audio device (or no mixer) means the game runs silent, never crashes.

A file that cannot be played (empty, damaged, an unknown format) is noted in `problems` and
skipped: that track or effect is silent, the rest of the game goes on. `validate` reports such
files too (game/content/assetcheck.py), so this is the last line of defence.
"""
from __future__ import annotations

from pathlib import Path

import pygame

from .. import paths

EXTENSIONS = (".ogg", ".wav")
_FAILURES = (pygame.error, OSError, ValueError, EOFError, MemoryError)


class Audio:
    def __init__(self, folder: Path = paths.ASSETS / "audio"):
        self.folder = folder
        self.enabled = False
        self.reason = ""
        self.music_volume = 0.6
        self.sound_volume = 0.8
        self.muted = False
        self.track = ""
        self.problems: dict[str, str] = {}  # "music/<name>" or "sfx/<name>" -> why it does not play
        self._sounds: dict[str, pygame.mixer.Sound | None] = {}
        try:
            pygame.mixer.init()
            self.enabled = True
        except pygame.error as exc:
            self.reason = f"no audio device ({exc})"

    def _file(self, kind: str, name: str) -> Path | None:
        try:
            return next((p for ext in EXTENSIONS if (p := self.folder / kind / f"{name}{ext}").is_file()), None)
        except (OSError, ValueError):
            return None

    def play_music(self, track: str) -> None:
        """Loop `track` ('' or 'stop' for silence); does nothing when it is already playing."""
        track = "" if track == "stop" else track
        if track == self.track:
            return
        self.track = track
        if not self.enabled:
            return
        try:
            if not track:
                pygame.mixer.music.fadeout(600)
                return
            path = self._file("music", track)
            if path and f"music/{track}" not in self.problems:
                pygame.mixer.music.load(str(path))
                pygame.mixer.music.set_volume(0 if self.muted else self.music_volume)
                pygame.mixer.music.play(loops=-1, fade_ms=800)
        except _FAILURES as exc:
            self.problems[f"music/{track}"] = str(exc) or exc.__class__.__name__
            self._stop_music()

    @staticmethod
    def _stop_music() -> None:
        try:
            pygame.mixer.music.stop()
        except pygame.error:
            pass

    def play_sound(self, name: str) -> None:
        if not self.enabled or self.muted:
            return
        if name not in self._sounds:
            path = self._file("sfx", name)
            if not path:
                return
            try:
                self._sounds[name] = pygame.mixer.Sound(str(path))
            except _FAILURES as exc:
                self.problems[f"sfx/{name}"] = str(exc) or exc.__class__.__name__
                self._sounds[name] = None
        sound = self._sounds[name]
        if sound is None:
            return
        try:
            sound.set_volume(self.sound_volume)
            sound.play()
        except pygame.error as exc:
            self.problems[f"sfx/{name}"] = str(exc)

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        if self.enabled:
            try:
                pygame.mixer.music.set_volume(0 if muted else self.music_volume)
            except pygame.error:
                pass
