"""Put a player back at their moment after the story was edited since they saved.

A save holds the runtime state, the content fingerprint, the path of choices taken and an
anchor (scene, visit, how many lines into it, the line's id). When the fingerprint still
matches, the state is restored as is. Otherwise the choices are replayed on the new
story from the start (so flags come out right even if `set:` beats moved), and the anchor
finds the same line; failing that, the nearest earlier sensible point, with a message.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content import model as m
from . import events as ev
from .runtime import CONTENT_NOTE_KEY, Options, Runtime

MAX_REPLAY_EVENTS = 200_000


@dataclass
class Resumed:
    runtime: Runtime
    exact: bool
    message: str = ""


def anchor_of(rt: Runtime) -> dict[str, Any]:
    """Where the player is, in terms that survive edits elsewhere in the story."""
    s = rt.state
    current = rt.current
    return {"scene": s.scene, "visit": s.visits.get(s.scene, 0),
            "line_id": current.line_id if isinstance(current, ev.LineEvent) else "",
            "scene_lines": s.scene_lines}


def resume(story: m.Story, saved: dict[str, Any], options: Options | None = None,
           seen: set[str] | None = None) -> Resumed:
    """Restore `saved` (Runtime.to_dict() plus "anchor") on `story`, replaying if it changed."""
    if saved.get("fingerprint") == story.fingerprint:
        return Resumed(Runtime.from_dict(story, saved, options, seen), exact=True)
    return _replay(story, saved, options, seen)


def _replay(story: m.Story, saved: dict[str, Any], options: Options | None, seen: set[str] | None) -> Resumed:
    anchor = saved["anchor"]
    path = [p for p in saved["state"].get("path", []) if not p.get("auto")]
    rt = Runtime(story, options, seen=seen)
    target_scene, target_visit = anchor.get("scene"), anchor.get("visit", 1)
    line_id, line_count = anchor.get("line_id", ""), anchor.get("scene_lines", 0)
    best: int | None = None  # step count of the nearest earlier line in the target scene
    for _ in range(MAX_REPLAY_EVENTS):
        event = rt.advance()
        in_target = rt.state.scene == target_scene and rt.state.visits.get(target_scene, 0) == target_visit
        if not path and best is not None and (not in_target or isinstance(event, (ev.ChoiceEvent, ev.EndEvent))):
            return _back_to(rt, best)  # the saved line is gone: go back to the nearest line before it
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            key = event.key if isinstance(event, ev.ChoiceEvent) else CONTENT_NOTE_KEY
            if not path:
                return Resumed(rt, exact=not line_id and in_target, message="" if in_target else
                               "The story was edited since this save; you are at the nearest choice before it.")
            wanted = path.pop(0)
            index = _option_index(story, rt, event, wanted) if wanted.get("choice") == key else None
            if index is None:
                return Resumed(rt, exact=False, message="The story was edited since this save: this choice changed, "
                               "so you are back at it.")
            rt.choose(index)
            continue
        if isinstance(event, ev.EndEvent):
            return Resumed(rt, exact=False, message="The story was edited since this save; it now ends here.")
        if path or not in_target:
            continue
        if isinstance(event, ev.LineEvent):
            if event.line_id == line_id:
                return Resumed(rt, exact=True)
            if rt.state.scene_lines <= line_count:
                best = rt.state.steps
        if not line_id and rt.state.scene_lines >= line_count:
            return Resumed(rt, exact=True)  # saved on a card, not a line: same place in the scene
    return Resumed(rt, exact=False, message="The story was edited since this save; could not find the place.")


def _back_to(rt: Runtime, best: int) -> Resumed:
    """Roll back to the nearest earlier line found during the replay."""
    while rt.state.steps > best:
        if rt.rollback() is None:
            break
    return Resumed(rt, exact=False, message="The line you saved on was changed since; you are at the same "
                   "point in the scene, or the nearest line before it.")


def _option_index(story: m.Story, rt: Runtime, event: ev.Event, wanted: dict[str, Any]) -> int | None:
    available = [i for i, _ in event.options]
    if isinstance(event, ev.ContentNoteEvent):
        return 0 if wanted.get("option") == "play" else 1
    choice = story.scenes[rt.state.scene].code[rt.state.pc]
    for i in available:
        if choice.options[i].key == wanted.get("option"):
            return i
    return None
