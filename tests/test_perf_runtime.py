"""Issue 17: rollback points cost O(1) in the number of steps (the choice path is shared, never copied per
step) and stay exact: a rolled-back state equals the state as it was, field for field."""
from __future__ import annotations

import dataclasses
import random

from game.runtime import events as ev
from game.runtime.runtime import Options, Runtime
from game.runtime.state import Stage, StoryState


def _full_state() -> StoryState:
    """A state with every field away from its default (a new field must be added here, see below)."""
    return StoryState("s", pc=3, mode="summary", entered=True, vars={"a": True, "n": 2}, evidence=["e"],
                      visits={"s": 1}, stage=Stage("room", "theme", {"hero": {"expression": "smile", "at": "left"}},
                                                   "cg"),
                      path=[{"scene": "s", "choice": "c", "option": "o", "index": 0, "auto": False}],
                      ending="end", steps=9, scene_lines=4, cards=[{"scene": "s", "pc": 2}])


def test_a_mark_rebuilds_every_field_exactly():
    state = _full_state()
    defaults = StoryState("s")
    unset = [f.name for f in dataclasses.fields(StoryState) if getattr(state, f.name) == getattr(defaults, f.name)
             and f.name != "scene"]
    assert unset == [], f"give these fields a value in _full_state so marks are checked for them: {unset}"
    assert StoryState.from_mark(state.mark()) == state
    assert StoryState.from_mark(state.mark()).to_dict() == state.to_dict()


def test_a_mark_is_not_changed_by_what_happens_after_it():
    state = _full_state()
    before = state.to_dict()
    mark = state.mark()
    state.vars["a"] = False
    state.visits["s"] = 7
    state.stage.sprites["hero"]["at"] = "right"
    state.stage.sprites["friend"] = {"expression": "sad", "at": "center"}
    state.stage.background = "yard"
    state.path.append({"scene": "s", "choice": "d", "option": "p", "index": 1, "auto": True})
    state.evidence.append("f")
    state.cards.append({"scene": "s", "pc": 9})
    state.cards = []
    state.pc, state.steps = 8, 20
    restored = StoryState.from_mark(mark)
    assert restored.to_dict() == before
    restored.path.append({"scene": "x", "choice": "y", "option": "z", "index": 0, "auto": False})
    restored.vars["b"] = 1
    assert StoryState.from_mark(mark).to_dict() == before  # a restored state shares nothing with its mark


def test_marks_share_the_choice_path_instead_of_copying_it():
    state = _full_state()
    marks = []
    for i in range(1000):
        state.path.append({"scene": "s", "choice": f"c{i}", "option": "o", "index": 0, "auto": False})
        marks.append(state.mark())
    assert all(mark[12] is state.path for mark in marks)  # one list, not 1,000 copies of a growing one
    assert [len(StoryState.from_mark(m).path) for m in (marks[0], marks[499], marks[-1])] == [2, 501, 1001]


def test_rollback_and_roll_forward_return_exactly_to_each_earlier_state(story):
    rng = random.Random(5)
    rt = Runtime(story, Options(content_notes="ask", prompts=True))
    seen: list[tuple[dict, ev.Event]] = []  # (state just before the event, the event) in the order shown
    for _ in range(300):
        before = rt.snapshot()
        event = rt.advance()
        if not seen or rt.current is not seen[-1][1]:
            seen.append((before, event))
        if isinstance(event, ev.EndEvent):
            break
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            rt.choose(rng.choice(event.options)[0])
        elif rng.random() < 0.2 and len(rt.shown()) >= 2:
            depth = rng.randint(1, min(4, len(rt.shown()) - 1))
            for _ in range(depth):
                rt.rollback()
            history = rt.shown()
            assert rt.to_dict()["state"] == seen[len(history) - 1][0]  # exactly the state before that event
            for _ in range(rng.randint(0, depth)):
                rt.roll_forward()
            seen = seen[:len(rt.shown())]
