"""Music and sound effects. No audio device (or no mixer) means the game runs silent, never crashes."""
from __future__ import annotations

from pathlib import Path

import pygame

from .. import paths

EXTENSIONS = (".ogg", ".wav")


class Audio:
    def __init__(self, folder: Path = paths.ASSETS / "audio"):
        self.folder = folder
        self.enabled = False
        self.reason = ""
        self.music_volume = 0.6
        self.sound_volume = 0.8
        self.muted = False
        self.track = ""
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        try:
            pygame.mixer.init()
            self.enabled = True
        except pygame.error as exc:
            self.reason = f"no audio device ({exc})"

    def _file(self, kind: str, name: str) -> Path | None:
        return next((p for ext in EXTENSIONS if (p := self.folder / kind / f"{name}{ext}").is_file()), None)

    def play_music(self, track: str) -> None:
        """Loop `track` ('' or 'stop' for silence); does nothing when it is already playing."""
        track = "" if track == "stop" else track
        if track == self.track:
            return
        self.track = track
        if not self.enabled:
            return
        if not track:
            pygame.mixer.music.fadeout(600)
            return
        path = self._file("music", track)
        if path:
            pygame.mixer.music.load(str(path))
            pygame.mixer.music.set_volume(0 if self.muted else self.music_volume)
            pygame.mixer.music.play(loops=-1, fade_ms=800)

    def play_sound(self, name: str) -> None:
        if not self.enabled or self.muted:
            return
        if name not in self._sounds:
            path = self._file("sfx", name)
            if not path:
                return
            self._sounds[name] = pygame.mixer.Sound(str(path))
        sound = self._sounds[name]
        sound.set_volume(self.sound_volume)
        sound.play()

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        if self.enabled:
            pygame.mixer.music.set_volume(0 if muted else self.music_volume)
