"""The player's profile in the data folder: settings, lines read, chapters reached, pictures seen and music
heard, and the saves.

All of it is plain JSON written crash-safely. Anything damaged is set aside with a message
for the player and replaced by defaults: the game always goes on.
"""
from __future__ import annotations

from pathlib import Path

from .saves import SaveStore
from .settings import Settings, settings_problem
from .storage import StorageError, check_int, check_list, check_text, data_dir, load_json_or_default, write_json

MAX_CHAPTER = 10_000


def _id_list(value: object, name: str) -> str:
    return check_list(value, name, lambda item, at: check_text(item, at, 500))


def persistent_problem(data: object) -> str:
    """persistent.json's schema: "" when fine. Unknown keys are allowed (a newer game may add some)."""
    if type(data) is not dict:
        return "not a mapping"
    for key in ("seen", "illustrations", "tracks"):
        if key in data and (problem := _id_list(data[key], key)):
            return problem
    if "chapters" in data:
        return check_list(data["chapters"], "chapters", lambda item, at: check_int(item, at, 0, MAX_CHAPTER))
    return ""


class Profile:
    def __init__(self, folder: str | Path | None = None):
        self.folder = data_dir(folder)
        self.messages: list[str] = []  # problems to tell the player about, oldest first
        data, message = load_json_or_default(self.folder / "settings.json", {}, settings_problem)
        self._note(message)
        self.settings = Settings.from_dict(data)
        data, message = load_json_or_default(self.folder / "persistent.json", {}, persistent_problem)
        self._note(message)
        self.seen: set[str] = set(data.get("seen", []))
        self.chapters: set[int] = set(data.get("chapters", []))
        self.illustrations: list[str] = list(dict.fromkeys(  # seen ones, in the order first seen
            s for s in data.get("illustrations", []) if isinstance(s, str)))
        self.tracks: list[str] = list(dict.fromkeys(  # music heard, in the order first heard
            s for s in data.get("tracks", []) if isinstance(s, str)))
        self.saves = SaveStore(self.folder, self.messages)

    def _note(self, message: str) -> None:
        if message:
            self.messages.append(message)

    def _write(self, name: str, data: dict) -> bool:
        try:
            write_json(self.folder / name, data)
            return True
        except StorageError as exc:
            self.messages.append(f"{exc}. The game goes on, but this was not saved.")
            return False

    def save_settings(self) -> bool:
        return self._write("settings.json", self.settings.to_dict())

    def see_illustration(self, illustration: str) -> None:
        """Keep an illustration for the gallery the first time it is shown."""
        if illustration not in self.illustrations:
            self.illustrations.append(illustration)
            self.save_persistent()

    def hear_track(self, track: str) -> None:
        """Keep a piece of music for the music room the first time it plays."""
        if track and track != "stop" and track not in self.tracks:
            self.tracks.append(track)
            self.save_persistent()

    def save_persistent(self) -> bool:
        return self._write("persistent.json", {"seen": sorted(self.seen), "chapters": sorted(self.chapters),
                                               "illustrations": self.illustrations, "tracks": self.tracks})
