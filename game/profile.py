"""The player's profile in the data folder: settings, lines read, chapters reached, and the saves.

All of it is plain JSON written crash-safely. Anything damaged is set aside with a message
for the player and replaced by defaults: the game always goes on.
"""
from __future__ import annotations

from pathlib import Path

from .saves import SaveStore
from .settings import Settings
from .storage import StorageError, data_dir, load_json_or_default, write_json


class Profile:
    def __init__(self, folder: str | Path | None = None):
        self.folder = data_dir(folder)
        self.messages: list[str] = []  # problems to tell the player about, oldest first
        data, message = load_json_or_default(self.folder / "settings.json", {})
        self._note(message)
        self.settings = Settings.from_dict(data if isinstance(data, dict) else {})
        data, message = load_json_or_default(self.folder / "persistent.json", {})
        self._note(message)
        data = data if isinstance(data, dict) else {}
        self.seen: set[str] = {s for s in data.get("seen", []) if isinstance(s, str)}
        self.chapters: set[int] = {c for c in data.get("chapters", []) if isinstance(c, int)}
        self.illustrations: list[str] = list(dict.fromkeys(  # seen ones, in the order first seen
            s for s in data.get("illustrations", []) if isinstance(s, str)))
        self.saves = SaveStore(self.folder)

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

    def save_persistent(self) -> bool:
        return self._write("persistent.json", {"seen": sorted(self.seen), "chapters": sorted(self.chapters),
                                               "illustrations": self.illustrations})
