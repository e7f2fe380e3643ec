"""Put a player back at their moment after the story was edited since they saved.

A save holds the runtime state, the content fingerprint, the path of choices taken and an
anchor (scene, visit, how many lines into it, the line's id, and for a choice or a card on
screen what it is and how many events after the last line it came). When the fingerprint
still matches, the state is restored as is. Otherwise the choices are replayed on the new
story from the start (so flags come out right even if `set:` beats moved), and the anchor
finds the same line, choice or card; failing that, the nearest earlier sensible point, with
a message.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..content import model as m
from ..words import t
from . import events as ev
from .runtime import CONTENT_NOTE_KEY, Options, Runtime

MAX_REPLAY_EVENTS = 200_000


@dataclass
class Resumed:
    """A runtime moved onto an edited story, whether it resumed at the exact place, and why not."""

    runtime: Runtime
    exact: bool
    message: str = ""


def anchor_of(rt: Runtime) -> dict[str, Any]:
    """Where the player is, in terms that survive edits elsewhere in the story."""
    s = rt.state
    current = rt.current
    return {"scene": s.scene, "visit": s.visits.get(s.scene, 0),
            "line_id": current.line_id if isinstance(current, ev.LineEvent) else "",
            "scene_lines": s.scene_lines, "event": _kind(current), "after": rt.since_line()}


def _kind(event: ev.Event | None) -> str:
    """What is on screen, in terms that survive edits: a choice by its id, anything else by its kind."""
    if event is None or isinstance(event, ev.LineEvent):
        return ""
    if isinstance(event, ev.ChoiceEvent):
        return f"choice:{event.key}"
    return type(event).__name__


def _count_since(since: int, event: ev.Event) -> int:
    """`Runtime.since_line` kept up to date one event at a time during a replay."""
    if isinstance(event, ev.SceneStart):
        return 1
    return 0 if isinstance(event, ev.LineEvent) else since + 1


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
    kind, after = ("", 0) if line_id else (anchor.get("event", ""), anchor.get("after", 0))
    best: int | None = None  # step count of the nearest earlier line (or event) in the target scene
    since = 0
    for _ in range(MAX_REPLAY_EVENTS):
        event = rt.advance()
        since = _count_since(since, event)
        in_target = rt.state.scene == target_scene and rt.state.visits.get(target_scene, 0) == target_visit
        if kind and not path and in_target:  # saved on a choice or a card: find that one, not the line before it
            if rt.state.scene_lines == line_count and _kind(event) == kind and (
                    since == after or kind.startswith("choice:")):
                return Resumed(rt, exact=True)
            passed = rt.state.scene_lines > line_count or isinstance(event, (*ev.WAITS_FOR_CHOICE, ev.EndEvent))
            if best is not None and passed:
                return _back_to(rt, best, CARD_GONE)
            if best is None and rt.state.scene_lines >= line_count and not passed:
                best = rt.state.steps
            if not passed:
                continue
        if not path and best is not None and (not in_target or isinstance(event, (ev.ChoiceEvent, ev.EndEvent))):
            return _back_to(rt, best, t(CARD_GONE if kind else LINE_GONE))  # gone: go back to the nearest point before
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            key = event.key if isinstance(event, ev.ChoiceEvent) else CONTENT_NOTE_KEY
            if not path:
                same = in_target and not line_id and (not kind or _kind(event) == kind)
                return Resumed(rt, exact=same, message="" if same else t("resume.nearest_choice"))
            wanted = path.pop(0)
            index = _option_index(story, rt, event, wanted) if wanted.get("choice") == key else None
            if index is None:
                return Resumed(rt, exact=False, message=t("resume.choice_changed"))
            rt.choose(index)
            continue
        if isinstance(event, ev.EndEvent):
            return Resumed(rt, exact=False, message=t("resume.ends_here"))
        if path or not in_target:
            continue
        if isinstance(event, ev.LineEvent):
            if event.line_id == line_id:
                return Resumed(rt, exact=True)
            if rt.state.scene_lines <= line_count:
                best = rt.state.steps
        if not line_id and rt.state.scene_lines >= line_count:  # saved just after a choice: same place in the scene
            return Resumed(rt, exact=not kind, message=t(CARD_GONE) if kind else "")
    return Resumed(rt, exact=False, message=t("resume.not_found"))


LINE_GONE, CARD_GONE = "resume.line_gone", "resume.card_gone"  # keys (game/lang/*.yaml)


def _back_to(rt: Runtime, best: int, message: str) -> Resumed:
    """Roll back to the nearest earlier line found during the replay."""
    while rt.state.steps > best:
        if rt.rollback() is None:
            break
    return Resumed(rt, exact=False, message=message)


def _option_index(story: m.Story, rt: Runtime, event: ev.Event, wanted: dict[str, Any]) -> int | None:
    available = [i for i, _ in event.options]
    if isinstance(event, ev.ContentNoteEvent):
        return 0 if wanted.get("option") == "play" else 1
    choice = story.scenes[rt.state.scene].code[rt.state.pc]
    for i in available:
        if choice.options[i].key == wanted.get("option"):
            return i
    return None
