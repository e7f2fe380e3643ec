"""The runtime: conditions, choices, flags, visits, notes, rollback and the JSON round trip.

Like ink's suite, scripted runs are played twice: straight, and with a save and restore
through JSON after every single event. Both must show exactly the same events.
"""
from __future__ import annotations

import dataclasses
import json

import pytest

from game.content.loader import load_story
from game.runtime import events as ev
from game.runtime.conditions import holds
from game.runtime.runtime import Options, Runtime, StoryRuntimeError
from game.runtime.state import STATE_VERSION, StoryState


@pytest.fixture
def story(story_root):
    return load_story(story_root)


def play(story, picks: list[str], options: Options | None = None, reload_every_event: bool = False) -> list:
    """Play choosing options by id (in order); optionally save+load through JSON at every event."""
    picks = list(picks)
    rt = Runtime(story, options or Options(prompts=True, content_notes="play"))
    shown = []
    for _ in range(200):
        event = rt.advance()
        if reload_every_event:
            data = json.loads(json.dumps(rt.to_dict()))
            rt = Runtime.from_dict(story, data, rt.options, rt.seen)
            assert rt.advance() == event, "a loaded save must show the same moment"
        shown.append(event)
        if isinstance(event, ev.EndEvent):
            return shown
        if isinstance(event, ev.ChoiceEvent):
            wanted = picks.pop(0)
            index = next(i for i, _ in event.options
                         if story.scenes[rt.state.scene].code[rt.state.pc].options[i].key == wanted)
            rt.choose(index)
        elif isinstance(event, ev.ContentNoteEvent):
            rt.choose(0)
        if reload_every_event and isinstance(event, ev.WAITS_FOR_CHOICE):
            rt = Runtime.from_dict(story, json.loads(json.dumps(rt.to_dict())), rt.options, rt.seen)
    raise AssertionError("story did not end")


def texts(events) -> list[str]:
    return [e.text for e in events if isinstance(e, ev.LineEvent)]


@pytest.mark.parametrize("reload", [False, True])
def test_taking_the_key(story, reload):
    shown = play(story, ["take"], reload_every_event=reload)
    assert texts(shown) == ["It begins.", "Hello.", "You found it.", "Later.", "Brave."]
    kinds = [type(e).__name__ for e in shown]
    assert kinds == ["SceneStart", "LineEvent", "LineEvent", "ChoiceEvent", "EvidenceEvent", "LineEvent",
                     "PromptEvent", "SourcesPage", "SceneStart", "LineEvent", "LineEvent", "EndEvent"]
    assert shown[-1].title == "The End of the Fixture"
    assert [type(c).__name__ for c in shown[-1].sources.cards] == ["DifferEvent"]  # offered on the end screen


@pytest.mark.parametrize("reload", [False, True])
def test_leaving_the_key_sets_a_flag_and_skips_the_brave_line(story, reload):
    shown = play(story, ["leave"], reload_every_event=reload)
    assert texts(shown) == ["It begins.", "Hello.", "Nothing in hand.", "Later."]


def test_option_conditions_hide_unavailable_options(story):
    rt = Runtime(story)
    while not isinstance(event := rt.advance(), ev.ChoiceEvent):
        pass
    assert [text for _, text in event.options] == ["Take the key", "Leave it"]
    rt.state.vars["cautious"] = True
    rt.current = None
    assert [text for _, text in rt.advance().options] == ["Take the key", "Leave it", "Secret door"]


def test_choose_rejects_unavailable_option(story):
    rt = Runtime(story)
    while not isinstance(rt.advance(), ev.ChoiceEvent):
        pass
    with pytest.raises(StoryRuntimeError):
        rt.choose(2)


def test_effects_report_stage_changes(story):
    rt = Runtime(story)
    start = rt.advance()
    assert ("background", "room", "fade") in start.effects and ("music", "calm") in start.effects
    rt.advance()
    rt.advance()
    assert rt.state.stage.sprites == {"hero": {"expression": "happy", "at": "left"}}


def test_visit_counts_and_conditions():
    state = StoryState(scene="a", vars={"n": 3, "f": True}, evidence=["key"], visits={"a": 2})
    assert holds({"counter": "n", "gte": 3, "lt": 4}, state)
    assert not holds({"counter": "n", "gt": 3}, state)
    assert holds({"visits": "a", "eq": 2}, state) and holds({"visited": "a"}, state)
    assert not holds({"visited": "b"}, state)
    assert holds({"all": [{"flag": "f"}, {"has": "key"}, {"not": {"flag": "g"}}]}, state)
    assert holds({"any": [{"flag": "g"}, {"evidence_count": True, "eq": 1}]}, state)
    assert holds({"counter": "missing", "eq": 0}, state)


def test_content_note_offers_summary_that_keeps_flags(story):
    rt = Runtime(story, Options(content_notes="ask"), start="second")
    assert isinstance(rt.advance(), ev.SceneStart)
    note = rt.advance()
    assert isinstance(note, ev.ContentNoteEvent) and note.topics == ("a sad moment",)
    rt.choose(1)
    summary = rt.advance()
    assert summary.text == "Something sad happens."
    assert isinstance(rt.advance(), ev.EndEvent)
    assert rt.state.visits["second"] == 1


def test_prompts_are_skipped_unless_enabled(story):
    shown = play(story, ["take"], Options(prompts=False, content_notes="play"))
    assert not any(isinstance(e, ev.PromptEvent) for e in shown)


def test_rollback_and_roll_forward_and_rechoose(story):
    rt = Runtime(story)
    seen = [rt.advance() for _ in range(4)]
    assert isinstance(seen[-1], ev.ChoiceEvent)
    rt.choose(0)
    after = rt.advance()
    assert isinstance(after, ev.EvidenceEvent) and rt.state.evidence == ["key"]
    back = rt.rollback()
    assert back == seen[-1] and rt.state.evidence == []
    assert rt.roll_forward() == after and rt.state.evidence == ["key"]
    rt.rollback()
    rt.choose(1)
    assert rt.advance().text == "Nothing in hand."
    assert not rt.can_roll_forward
    assert rt.state.vars == {"cautious": True}


def test_rollback_crosses_scenes(story):
    rt = Runtime(story, Options(content_notes="play"))
    while not isinstance(rt.advance(), ev.ChoiceEvent):
        pass
    rt.choose(0)
    while not isinstance(event := rt.advance(), ev.SceneStart) or event.scene != "second":
        pass
    assert rt.rollback().__class__ is ev.PromptEvent or rt.state.scene == "first"
    assert rt.state.scene == "first"


def test_snapshot_is_plain_json_and_restores_exactly(story):
    rt = Runtime(story)
    for _ in range(3):
        rt.advance()
    snap = rt.snapshot()
    assert json.loads(json.dumps(snap)) == snap
    rt.advance()
    rt.restore(snap)
    assert rt.snapshot() == snap


def test_state_to_dict_is_a_full_copy_of_every_field():
    """to_dict is written out for speed; it must still hold every field and share nothing mutable with the state
    (the path's entries are copied once and shared by later dicts: tests/test_perf_runtime.py)."""
    state = StoryState("s", pc=3, mode="summary", entered=True, vars={"a": True, "n": 2}, evidence=["e"],
                       visits={"s": 1}, path=[{"scene": "s", "choice": "c", "option": "o", "index": 0, "auto": False}],
                       ending="end", steps=9, scene_lines=4)
    state.stage.background, state.stage.music = "room", "theme"
    state.stage.sprites["hero"] = {"expression": "smile", "at": "left"}
    data = state.to_dict()
    assert data == {**dataclasses.asdict(state), "version": STATE_VERSION}
    assert StoryState.from_dict(state.to_dict()) == state
    data["vars"]["a"] = False
    data["evidence"].append("x")
    data["visits"]["s"] = 5
    data["path"][0]["option"] = "other"
    data["stage"]["sprites"]["hero"]["at"] = "right"
    assert state.vars["a"] is True and state.evidence == ["e"] and state.visits == {"s": 1}
    assert state.path[0]["option"] == "o" and state.stage.sprites["hero"]["at"] == "left"


def test_state_from_newer_format_is_refused():
    with pytest.raises(ValueError, match="newer"):
        StoryState.from_dict({"scene": "a", "version": 99})


def test_seen_lines_are_remembered_across_playthroughs(story):
    first = play(story, ["take"])
    rt_seen = set()
    for e in first:
        if isinstance(e, ev.LineEvent):
            rt_seen.add(e.line_id)
    rt = Runtime(story, Options(content_notes="play"), seen=rt_seen)
    rt.advance()
    assert rt.advance().seen is True


def test_unknown_start_scene_is_an_error(story):
    with pytest.raises(StoryRuntimeError):
        Runtime(story, start="nowhere")


def test_shown_events_and_return_to_a_line(story):
    rt = Runtime(story)
    for _ in range(3):
        rt.advance()
    lines = [(i, e) for i, e in enumerate(rt.shown()) if isinstance(e, ev.LineEvent)]
    assert [e.text for _, e in lines] == ["It begins.", "Hello."]
    back = rt.return_to(lines[0][0])
    assert back.text == "It begins." and len(rt.shown()) == 2
