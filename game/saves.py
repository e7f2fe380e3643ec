"""Save slots: 9 manual slots, a quicksave and a small rotating set of autosaves.

A save is one JSON file (format version, when, where in the story, the runtime state and
an anchor for finding the place again after story edits) plus an optional PNG thumbnail.
Every save is checked against one schema (`save_problem`) before anything uses it: a
hand-edited or damaged file is refused with a message and moved aside, never half-loaded.
A save from a newer game is refused and kept where it is; nothing is overwritten unread.
"""
from __future__ import annotations

import dataclasses
import functools
import math
import os
import stat
import time
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Union, get_args, get_origin, get_type_hints

from .content import model as m
from .content.records import mutable_record
from .content.schema import POSITIONS
from .runtime.state import ENDED, NOTE, PLAY, SUMMARY, Stage, StoryState
from .storage import (
    BackgroundWriter,
    DamagedFile,
    StorageError,
    atomic_write,
    check_int,
    check_number,
    check_text,
    parse_json,
    read_regular,
    set_aside,
    write_json,
)
from .words import t

if TYPE_CHECKING:  # saving and loading import the runtime when they run: listing the slots (the title) does not
    from .runtime.resume import Resumed
    from .runtime.runtime import Options, Runtime

SAVE_FORMAT = 1
SHIPPED_STORY = "cell7"  # the story of every save written before saves named their story
MANUAL_SLOTS = [str(n) for n in range(1, 10)]
QUICK = "quick"
AUTO_SLOTS = ["auto1", "auto2", "auto3"]
NEWER = "saves.why_newer"  # key: t(NEWER) is "made by a newer version of the game"


def in_sentence(slot: str) -> str:
    """A slot as a message names it, in the player's language ("slot 3", "the quicksave slot", "autosave
    slot 2"): never its file's id ("quick", "auto2")."""
    if slot == QUICK:
        return t("saves.in_quick")
    if slot in AUTO_SLOTS:
        return t("saves.in_auto", number=slot.removeprefix("auto"))
    return t("saves.in_slot", number=slot)


def kept(moved: Path | None) -> str:
    """The end of a message about a save set aside (or not), in the player's language."""
    return t("saves.moved_to", path=moved) if moved else t("saves.not_moved")
MAX_SAVE_BYTES = 16 * 1024 * 1024
MAX_THUMBNAIL_BYTES = 8 * 1024 * 1024  # a thumbnail is about 50 KB
MAX_SAVED_AT = 1e11  # the year 5138: anything later is not a time this game wrote
MAX_INT = 2**53      # JSON-safe whole numbers
MAX_TEXT = 10_000
MAX_ITEMS = 1_000_000


class SaveError(Exception):
    """This save cannot be loaded; the message is meant for the player, `kind` says why in one word
    ("empty", "newer", "other_story", "damaged": a slot's card says it in short)."""

    def __init__(self, message: str, kind: str = "damaged"):
        super().__init__(message)
        self.kind = kind


@mutable_record
class SlotInfo:
    slot: str
    path: Path
    saved_at: float = 0.0
    scene_title: str = ""
    date: str = ""
    chapter: int = 0
    damaged: str = ""  # why it could not be read; empty when fine
    newer: bool = False  # written by a newer version of the game: kept, never written over
    scene: str = ""  # the scene's id: its title and date are shown in the language being played

    @property
    def thumbnail(self) -> Path:
        return self.path.with_suffix(".png")


# --- the schema of a save -----------------------------------------------------------------------

PATH_ENTRY = {"scene": str, "choice": str, "option": str, "index": int, "auto": bool}
ANCHOR = {"scene": str, "visit": int, "line_id": str, "scene_lines": int, "event": str, "after": int}
MODES = (PLAY, NOTE, SUMMARY, ENDED)


def _fits(value: Any, hint: Any) -> bool:
    """Whether JSON data `value` has the Python type `hint` (from the runtime state's annotations)."""
    if hint is str:
        return type(value) is str and len(value) <= MAX_TEXT
    if hint is int:
        return type(value) is int and -MAX_INT <= value <= MAX_INT
    if hint in (bool, dict, list):
        return type(value) is hint
    if hint is float:
        return type(value) in (int, float) and math.isfinite(value)
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        return any(_fits(value, arg) for arg in args)
    if origin is list:
        return type(value) is list and len(value) <= MAX_ITEMS and all(_fits(x, args[0]) for x in value)
    if origin is dict:
        return (type(value) is dict and len(value) <= MAX_ITEMS
                and all(_fits(k, args[0]) and _fits(v, args[1]) for k, v in value.items()))
    if dataclasses.is_dataclass(hint):
        return not _record_problem(value, hint.__name__, _field_types(hint), _required(hint))
    return False


@functools.cache
def _field_types(cls: type) -> dict[str, Any]:
    hints = get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


@functools.cache
def _required(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls)
                     if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)


def _record_problem(value: Any, name: str, types_: dict[str, Any], required: frozenset[str] | set[str]) -> str:
    """"" when `value` is a mapping with every required key and only known keys, each of its type."""
    if type(value) is not dict:
        return f"'{name}' is not a mapping"
    missing = sorted(required - value.keys())
    if missing:
        return f"'{name}' has no '{missing[0]}'"
    for key, item in value.items():
        if key not in types_:
            return f"'{name}' has an unknown key '{str(key)[:40]}'"
        if not _fits(item, types_[key]):
            return f"'{name}.{key}' has the wrong type"
    return ""


@functools.cache
def _state_types() -> dict[str, Any]:
    """The runtime state's schema, from StoryState's own annotations (a new field is covered at once)."""
    found = dict(_field_types(StoryState))
    found["path"] = list  # checked entry by entry below
    found["stage"] = dict
    found["version"] = int
    return found


def state_problem(state: Any, story: m.Story, same_story: bool) -> str:
    """"" when `state` can be restored (same story) or replayed from (edited story) without surprises."""
    problem = _record_problem(state, "state", _state_types(), _required(StoryState))
    if problem:
        return problem
    problem = _record_problem(state.get("stage", {}), "stage", _field_types(Stage), set())
    if problem:
        return problem
    for sprite in state.get("stage", {}).get("sprites", {}).values():
        if set(sprite) - {"outfit"} != {"expression", "at"} or sprite["at"] not in POSITIONS:
            return "'stage.sprites' holds a sprite without an expression and a place"
    for i, entry in enumerate(state.get("path", [])):
        if len(state["path"]) > MAX_ITEMS or _record_problem(entry, f"path[{i}]", PATH_ENTRY, set(PATH_ENTRY)):
            return f"'path[{i}]' is not a choice taken"
    if state.get("mode", PLAY) not in MODES:
        return f"'mode' must be one of {', '.join(MODES)}"
    if any(state.get(key, 0) < 0 for key in ("steps", "scene_lines")) or state.get("pc", 0) < -1:
        return "a count is negative"
    if any(n < 0 for n in state.get("visits", {}).values()) or state.get("version", 1) < 1:
        return "a count is negative"
    return _same_story_problem(state, story) if same_story else ""


def _same_story_problem(state: dict[str, Any], story: m.Story) -> str:
    """Every id the restored state refers to exists, and the place in the scene is inside it."""
    scene = story.scenes.get(state["scene"])
    if scene is None:
        return f"unknown scene '{state['scene'][:40]}'"
    pc = state.get("pc", 0)
    if pc > len(scene.code) or (pc == -1 or state.get("mode") == NOTE) and scene.content_note is None:
        return "'pc' is outside the scene"
    stage = state.get("stage", {})
    if stage.get("background", "") and stage["background"] not in story.locations:
        return "unknown background"
    if any(who not in story.characters for who in stage.get("sprites", {})):
        return "unknown character on stage"
    if any(sprite.get("outfit") not in (None, *getattr(story.characters[who], "outfits", ()))
           for who, sprite in stage.get("sprites", {}).items()):
        return "unknown outfit on stage"
    if stage.get("illustration", "") and stage["illustration"] not in getattr(story, "illustrations", {}):
        return "unknown illustration"
    if any(e not in story.evidence for e in state.get("evidence", [])):
        return "unknown evidence"
    return ""


def save_problem(record: Any) -> str:
    """The save file's own schema (the runtime state is checked against the story on load)."""
    if type(record) is not dict:
        return "not a mapping"
    if record.get("game") != "cell7":
        return "not a Cell 7 save"
    problem = (check_text(record.get("story", SHIPPED_STORY), "story", 64)
               or check_int(record.get("format"), "format", 1, MAX_INT)
               or check_number(record.get("saved_at"), "saved_at", 0, MAX_SAVED_AT)
               or check_text(record.get("scene_title"), "scene_title")
               or check_text(record.get("date"), "date")
               or check_int(record.get("chapter"), "chapter", 0, 10_000))
    if problem or record["format"] > SAVE_FORMAT:
        return problem
    runtime = record.get("runtime")
    if type(runtime) is not dict:
        return "'runtime' is not a mapping"
    return (check_text(runtime.get("fingerprint"), "fingerprint", 200)
            or check_text(runtime.get("scene_fingerprint", ""), "scene_fingerprint", 200)
            or _record_problem(runtime.get("anchor"), "anchor", ANCHOR, {"scene"})
            or _record_problem(runtime.get("state"), "state", _state_types(), _required(StoryState)))


def _info_of(slot: str, path: Path, record: dict[str, Any]) -> SlotInfo:
    return SlotInfo(slot, path, record["saved_at"], record["scene_title"], record["date"], record["chapter"],
                    scene=_scene_of(record))


def _scene_of(record: dict[str, Any]) -> str:
    """The id of the scene a record resumes in: its anchor's, the moment on screen (a scene's title card is the new
    scene's while the state kept is the one before it), else its state's ("" when the record says neither)."""
    runtime = record.get("runtime")
    for part in (runtime.get("anchor"), runtime.get("state")) if isinstance(runtime, dict) else ():
        scene = part.get("scene") if isinstance(part, dict) else None
        if isinstance(scene, str) and scene:
            return scene
    return ""


def _signature(path: Path) -> tuple[int, int, int] | None:
    """What tells a file apart from the one seen before without reading it (None when absent)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


# --- the store ----------------------------------------------------------------------------------

Thumbnail = Union[bytes, Callable[[], bytes], None]  # PNG bytes, or a function that encodes them (run off the frame)


class SaveStore:
    """The save slots of one data folder.

    With a `writer` (the app sets one), `save` and `autosave` take the record on the calling thread
    (cheap: plain data) and leave encoding the thumbnail and writing to the writer's thread; the
    latest save of a slot wins. Without one (tools, tests) they write at once. Either way each file
    is written atomically, and a damaged or newer file in the way is moved aside or kept, never
    written over.
    """

    def __init__(self, folder: Path, messages: list[str] | None = None, writer: BackgroundWriter | None = None):
        self.folder = Path(folder) / "saves"
        self.messages = messages if messages is not None else []  # files set aside, for the player
        self.writer = writer
        self._known: dict[str, tuple[tuple[int, int, int], SlotInfo]] = {}  # slot -> (file's stat, its info)

    def path(self, slot: str) -> Path:
        return self.folder / f"{slot}.json"

    def record(self, rt: Runtime) -> dict[str, Any]:
        """The save record of the runtime's current moment: plain data sharing nothing with `rt`."""
        from .runtime.resume import anchor_of
        scene = rt.story.scenes[rt.state.scene]
        return {"format": SAVE_FORMAT, "game": "cell7", "story": rt.story.id or SHIPPED_STORY, "saved_at": time.time(),
                "scene_title": scene.title, "date": scene.date, "chapter": scene.chapter,
                "runtime": {**rt.to_dict(), "anchor": anchor_of(rt)}}

    def save(self, slot: str, rt: Runtime, thumbnail_png: Thumbnail = None, said: str = "") -> SlotInfo:
        """Write `slot` (on the writer's thread when there is one); a damaged or newer file already there
        is moved aside first, never written over. Returns what the slot will hold. `said` ("Saved.") is said
        once the slot is written, never before."""
        record = self.record(rt)
        if self.writer is None:
            info = self._write(slot, record, thumbnail_png)
            if said:
                self.messages.append(said)
            return info
        self.writer.submit(f"slot:{slot}", lambda: self._write(slot, record, thumbnail_png), said)
        return _info_of(slot, self.path(slot), record)

    def autosave(self, rt: Runtime, thumbnail_png: Thumbnail = None) -> SlotInfo | None:
        """Write over the oldest readable autosave; damaged ones are moved aside first, newer ones are skipped.

        The slot is picked from what this store last wrote or read (a `stat` of each autosave tells
        whether a file changed since; only a changed file is read again). With a writer the slot is
        picked on the writer's thread and None is returned.
        """
        record = self.record(rt)
        if self.writer is None:
            return self._write(self._oldest_auto(), record, thumbnail_png)
        self.writer.submit("auto", lambda: self._write(self._oldest_auto(), record, thumbnail_png))
        return None

    def flush(self, timeout: float | None = None) -> bool:
        """Wait for saves still being written (before reading slots back)."""
        return self.writer.flush(timeout) if self.writer is not None else True

    def _oldest_auto(self) -> str:
        usable = [info for info in map(self._current, AUTO_SLOTS) if not info.newer]
        if not usable:
            raise StorageError(t("saves.autos_newer"))
        empty = [i for i in usable if i.damaged or not self._exists(i.path)]
        return (empty[0] if empty else min(usable, key=lambda i: i.saved_at)).slot

    def _current(self, slot: str) -> SlotInfo:
        """The slot's info, read again only when its file changed since this store last saw it."""
        signature = _signature(self.path(slot))
        known = self._known.get(slot)
        if known is not None and signature is not None and known[0] == signature:
            return known[1]
        info = self.info(slot)
        if signature is not None:
            self._known[slot] = (signature, info)
        else:
            self._known.pop(slot, None)
        return info

    def _write(self, slot: str, record: dict[str, Any], thumbnail_png: Thumbnail) -> SlotInfo:
        old = self._current(slot)
        if old.newer:  # checked again here: another game may have written it since the slot was picked
            raise StorageError(t("saves.write_newer", slot=in_sentence(slot)))
        if old.damaged and not self._set_aside(old):
            raise StorageError(t("saves.write_stuck", slot=in_sentence(slot), why=old.damaged))
        png = thumbnail_png() if callable(thumbnail_png) else thumbnail_png
        if png is not None:
            atomic_write(self.path(slot).with_suffix(".png"), png)
        write_json(self.path(slot), record)
        info = _info_of(slot, self.path(slot), record)
        signature = _signature(self.path(slot))
        if signature is not None:
            self._known[slot] = (signature, info)
        return info

    @staticmethod
    def _exists(path: Path) -> bool:
        try:
            return path.exists() or path.is_symlink()
        except OSError:
            return True

    def _set_aside(self, info: SlotInfo) -> bool:
        """Move a slot's file (and thumbnail) aside with a message; False when it could not be moved."""
        moved = set_aside(info.path)
        if moved and self._exists(info.thumbnail):
            set_aside(info.thumbnail)
        self.messages.append(t("saves.set_aside", slot=in_sentence(info.slot), why=info.damaged, kept=kept(moved)))
        return moved is not None

    def _check_thumbnail(self, info: SlotInfo) -> None:
        """A thumbnail the load screen could block on or choke on (FIFO, folder, huge) is moved aside."""
        try:
            mode = info.thumbnail.lstat().st_mode
            if stat.S_ISLNK(mode):
                mode = info.thumbnail.stat().st_mode
            usable = stat.S_ISREG(mode) and info.thumbnail.stat().st_size <= MAX_THUMBNAIL_BYTES
        except FileNotFoundError:
            return
        except OSError:
            usable = False
        if not usable:
            moved = set_aside(info.thumbnail)
            self.messages.append(t("saves.picture_set_aside", slot=in_sentence(info.slot), kept=kept(moved)))

    def _read(self, path: Path) -> dict[str, Any]:
        """The record, schema-checked; a newer-format record comes back unchecked beyond its header."""
        record = parse_json(read_regular(path, MAX_SAVE_BYTES), path.name)
        problem = save_problem(record)
        if problem:
            raise DamagedFile(f"{path.name} is damaged ({problem})")
        return record

    def info(self, slot: str) -> SlotInfo:
        self.flush()  # a save of this store still being written is shown as written
        path = self.path(slot)
        info = SlotInfo(slot, path)
        self._check_thumbnail(info)
        if not self._exists(path):
            return info
        try:
            record = self._read(path)
            info.saved_at, info.chapter = float(record["saved_at"]), record["chapter"]
            info.scene_title, info.date, info.scene = record["scene_title"], record["date"], _scene_of(record)
            if record["format"] > SAVE_FORMAT:
                info.damaged, info.newer = t(NEWER), True
        except (DamagedFile, OSError) as exc:
            info.damaged = t("saves.why_damaged", reason=str(exc)[:200])
        return info

    def slots(self) -> list[SlotInfo]:
        return [self.info(s) for s in [*MANUAL_SLOTS, QUICK, *AUTO_SLOTS]]

    def newest(self) -> SlotInfo | None:
        usable = [i for i in self.slots() if self._exists(i.path) and not i.damaged]
        return max(usable, key=lambda i: i.saved_at) if usable else None

    def load(self, slot: str, story: m.Story, options: Options | None = None,
             seen: set[str] | None = None) -> Resumed:
        """Resume a slot; a damaged file is moved aside and reported with SaveError."""
        from .runtime.resume import resume
        from .runtime.runtime import StoryRuntimeError
        self.flush()
        path = self.path(slot)
        if not self._exists(path):
            raise SaveError(t("saves.slot_empty", slot=in_sentence(slot)), "empty")
        try:
            record = self._read(path)
            if record["format"] > SAVE_FORMAT:
                raise SaveError(t("saves.too_new", format=record["format"]), "newer")
            owner = record.get("story", SHIPPED_STORY)  # saves from before per-story folders are Cell 7's
            if owner != (story.id or SHIPPED_STORY):
                raise SaveError(t("saves.other_story", slot=in_sentence(slot), story=owner[:64]), "other_story")
            saved = record["runtime"]
            problem = state_problem(saved["state"], story, saved["fingerprint"] == story.fingerprint)
            if problem:
                raise DamagedFile(problem)
            return resume(story, saved, options, seen)
        except SaveError:
            raise
        except FileNotFoundError:
            raise SaveError(t("saves.slot_empty", slot=in_sentence(slot)), "empty") from None
        except (DamagedFile, OSError, ValueError, KeyError, TypeError, IndexError, AttributeError,
                StoryRuntimeError, RecursionError) as exc:
            moved = set_aside(path)
            reason = str(exc) if isinstance(exc, DamagedFile) else exc.__class__.__name__
            raise SaveError(t("saves.load_damaged", slot=in_sentence(slot), reason=reason[:200],
                              kept=kept(moved))) from None

    def delete(self, slot: str) -> None:
        self.flush()
        for p in (self.path(slot), self.path(slot).with_suffix(".png")):
            try:
                if p.is_file() or p.is_symlink():
                    p.unlink()
            except OSError:
                pass
