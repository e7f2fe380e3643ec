"""The player's profile in the data folder: settings, lines read, chapters reached, pictures seen and music
heard, and the saves.

Settings are shared by every story (data/settings.json). Everything else belongs to one story and lives
under data/stories/<story id>/ (persistent.json and saves/), so two stories never share saves or
progress. Cell 7's data from before per-story folders (data/persistent.json, data/saves/) is moved
into data/stories/cell7/ the first time Cell 7 opens it; a file already there is never written over.

All of it is plain JSON written crash-safely. Anything damaged is set aside with a message
for the player and replaced by defaults: the game always goes on.
"""
from __future__ import annotations

import os
from pathlib import Path

from .saves import SHIPPED_STORY, SaveStore
from .settings import Settings, settings_problem
from .storage import StorageError, check_int, check_list, check_text, data_dir, load_json_or_default, write_json
from .words import speaking, t

MAX_CHAPTER = 10_000
STORIES = "stories"
PER_STORY = ("persistent.json", "saves")  # what moved from the data folder into stories/cell7/


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


def story_folder(data: Path, story_id: str) -> Path:
    """Where one story's progress and saves live inside the data folder."""
    if not story_id or not story_id.replace("_", "a").isalnum() or not story_id.isascii():
        raise ValueError(f"not a story id: {story_id!r}")  # ids are checked by the content schema
    return data / STORIES / story_id


def move_shipped_data(data: Path, target: Path, messages: list[str]) -> None:
    """Move Cell 7's data from the data folder's top level into its story folder (once).

    Each item is renamed, never copied, so it cannot end up half in both places; an item that
    already exists in the story folder stays as it is and the old one is left untouched."""
    for name in PER_STORY:
        old, new = data / name, target / name
        try:
            if not os.path.lexists(old) or os.path.lexists(new):
                continue
            target.mkdir(parents=True, exist_ok=True)
            os.rename(old, new)
        except OSError as exc:
            messages.append(t("profile.not_moved", old=old, target=target, why=exc.strerror or exc))


class Profile:
    def __init__(self, folder: str | Path | None = None, story_id: str = SHIPPED_STORY):
        self.data = data_dir(folder)  # shared by every story: settings.json
        self.story_id = story_id
        self.folder = story_folder(self.data, story_id)  # this story's progress and saves
        self.messages: list[str] = []  # problems to tell the player about, oldest first
        data, message = load_json_or_default(self.data / "settings.json", {}, settings_problem)
        self._note(message)
        self.settings = Settings.from_dict(data)
        if story_id == SHIPPED_STORY:
            with speaking(self.settings.language):  # the app is not built yet: say it in the player's language
                move_shipped_data(self.data, self.folder, self.messages)
        data, message = load_json_or_default(self.folder / "persistent.json", {}, persistent_problem)
        self._note(message)
        self.seen: set[str] = set(data.get("seen", []))
        self.chapters: set[int] = set(data.get("chapters", []))
        self.illustrations: list[str] = list(dict.fromkeys(  # seen ones, in the order first seen
            s for s in data.get("illustrations", []) if isinstance(s, str)))
        self.tracks: list[str] = list(dict.fromkeys(  # music heard, in the order first heard
            s for s in data.get("tracks", []) if isinstance(s, str)))
        self._stored = self._persistent()  # what persistent.json holds: it is written again only when this changes
        self.saves = SaveStore(self.folder, self.messages)

    def _note(self, message: str) -> None:
        if message:
            self.messages.append(message)

    def _write(self, path: Path, data: dict) -> bool:
        try:
            write_json(path, data)
            return True
        except StorageError as exc:
            self.messages.append(t("profile.not_written", reason=exc.detail))
            return False

    def save_settings(self) -> bool:
        return self._write(self.data / "settings.json", self.settings.to_dict())

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

    def _persistent(self) -> dict:
        """What persistent.json holds: a copy taken now (the game goes on changing the sets)."""
        return {"seen": sorted(self.seen), "chapters": sorted(self.chapters), "illustrations": list(self.illustrations),
                "tracks": list(self.tracks)}

    def save_persistent(self) -> bool:
        """Write persistent.json when it changed: on the saves' background writer when the app gave them one (a
        failure then comes back as a toast), else at once (False when it could not be written)."""
        data = self._persistent()
        if data == self._stored:
            return True
        path = self.folder / "persistent.json"
        writer = self.saves.writer
        if writer is None:
            if not self._write(path, data):
                return False
        else:
            writer.submit("persistent.json", lambda: write_json(path, data))
        self._stored = data
        return True
