"""Save slots: 9 manual slots, a quicksave and a small rotating set of autosaves.

A save is one JSON file (format version, when, where in the story, the runtime state and
an anchor for finding the place again after story edits) plus an optional PNG thumbnail.
Damaged files are listed as damaged and moved aside; saves from a newer game are refused.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .content import model as m
from .runtime.resume import Resumed, anchor_of, resume
from .runtime.runtime import Options, Runtime
from .runtime.state import StoryState
from .storage import atomic_write, read_json, set_aside, write_json

SAVE_FORMAT = 1
MANUAL_SLOTS = [str(n) for n in range(1, 10)]
QUICK = "quick"
AUTO_SLOTS = ["auto1", "auto2", "auto3"]


class SaveError(Exception):
    """This save cannot be loaded; the message is meant for the player."""


@dataclass
class SlotInfo:
    slot: str
    path: Path
    saved_at: float = 0.0
    scene_title: str = ""
    date: str = ""
    chapter: int = 0
    damaged: str = ""  # why it could not be read; empty when fine

    @property
    def thumbnail(self) -> Path:
        return self.path.with_suffix(".png")


class SaveStore:
    def __init__(self, folder: Path):
        self.folder = Path(folder) / "saves"

    def path(self, slot: str) -> Path:
        return self.folder / f"{slot}.json"

    def save(self, slot: str, rt: Runtime, thumbnail_png: bytes | None = None) -> SlotInfo:
        scene = rt.story.scenes[rt.state.scene]
        record = {"format": SAVE_FORMAT, "game": "cell7", "saved_at": time.time(),
                  "scene_title": scene.title, "date": scene.date, "chapter": scene.chapter,
                  "runtime": {**rt.to_dict(), "anchor": anchor_of(rt)}}
        if thumbnail_png is not None:
            atomic_write(self.path(slot).with_suffix(".png"), thumbnail_png)
        write_json(self.path(slot), record)
        return self.info(slot)

    def autosave(self, rt: Runtime, thumbnail_png: bytes | None = None) -> SlotInfo:
        """Write over the oldest of the rotating autosave slots."""
        infos = [self.info(s) for s in AUTO_SLOTS]
        oldest = min(infos, key=lambda i: i.saved_at if not i.damaged and i.path.exists() else -1)
        return self.save(oldest.slot, rt, thumbnail_png)

    def info(self, slot: str) -> SlotInfo:
        path = self.path(slot)
        info = SlotInfo(slot, path)
        if not path.exists():
            return info
        try:
            record = read_json(path)
            info.saved_at = float(record["saved_at"])
            info.scene_title, info.date = str(record["scene_title"]), str(record["date"])
            info.chapter = int(record["chapter"])
            if record.get("format", 0) > SAVE_FORMAT:
                info.damaged = "made by a newer version of the game"
        except (ValueError, KeyError, TypeError, OSError) as exc:
            info.damaged = f"damaged ({exc.__class__.__name__})"
        return info

    def slots(self) -> list[SlotInfo]:
        return [self.info(s) for s in [*MANUAL_SLOTS, QUICK, *AUTO_SLOTS]]

    def newest(self) -> SlotInfo | None:
        usable = [i for i in self.slots() if i.path.exists() and not i.damaged]
        return max(usable, key=lambda i: i.saved_at) if usable else None

    def load(self, slot: str, story: m.Story, options: Options | None = None,
             seen: set[str] | None = None) -> Resumed:
        """Resume a slot; a damaged file is moved aside and reported with SaveError."""
        path = self.path(slot)
        try:
            record = read_json(path)
            if record.get("format", 0) > SAVE_FORMAT:
                raise SaveError(f"This save was made by a newer version of Cell 7 (save format "
                                f"{record['format']}); update the game to load it.")
            saved = record["runtime"]
            StoryState.from_dict(saved["state"])  # a hand-edited state fails here, not halfway through play
            if saved["fingerprint"] == story.fingerprint and saved["state"]["scene"] not in story.scenes:
                raise KeyError(saved["state"]["scene"])
            saved["anchor"]["scene"]
            return resume(story, saved, options, seen)
        except SaveError:
            raise
        except FileNotFoundError:
            raise SaveError(f"Slot {slot} is empty.") from None
        except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
            moved = set_aside(path)
            raise SaveError(f"Save slot {slot} is damaged and could not be loaded ({exc.__class__.__name__}); "
                            f"the file was kept as {moved}.") from None

    def delete(self, slot: str) -> None:
        for p in (self.path(slot), self.path(slot).with_suffix(".png")):
            if p.exists():
                p.unlink()
