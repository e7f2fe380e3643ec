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


def test_marks_share_their_copies_until_the_state_changes_and_see_changes_made_from_outside():
    state = _full_state()
    first, second = state.mark(), state.mark()
    assert first[4] is second[4] and first[7] is second[7] and first[10] is second[10]  # nothing changed: shared
    state.vars["a"] = False  # from outside, without touched(): the copies no longer compare equal
    third = state.mark()
    assert third[4] == {"a": False, "n": 2} and first[4] == {"a": True, "n": 2}
    state.stage.sprites["hero"]["expression"] = "sad"
    assert state.mark()[10]["hero"]["expression"] == "sad"
    state.vars["n"] = True  # equal to 1 but not the same value: only touched() can tell, and the runtime calls it
    state.vars["n"] = 2
    state.touched()
    state.vars["n"] = 1
    fourth = state.mark()
    state.touched()
    state.vars["n"] = True
    assert StoryState.from_mark(state.mark()).vars["n"] is True and fourth[4]["n"] == 1


def test_lines_made_ahead_are_the_events_a_line_would_make(story):
    """The runtime makes each plain line's two events (read or not) once per story and shares them; what it
    returns equals the event made afresh, `seen` included, and lines with variables are filled in each time."""
    rng = random.Random(11)
    seen: set[str] = set()
    lines = 0
    for _game in range(2):
        rt = Runtime(story, Options(content_notes="play"), seen=seen)
        for _ in range(400):
            read_before = set(seen)
            event = rt.advance()
            if isinstance(event, ev.EndEvent):
                break
            if isinstance(event, ev.WAITS_FOR_CHOICE):
                rt.choose(rng.choice(event.options)[0])
                continue
            if isinstance(event, ev.LineEvent) and not event.line_id.endswith(":summary"):
                op = next(op for op in story.scenes[rt.state.scene].code
                          if getattr(op, "line_id", None) == event.line_id)
                fresh = rt._line_event(op, event.seen)
                assert (event, event.seen, event.name, event.colour) == (fresh, fresh.seen, fresh.name, fresh.colour)
                assert event.seen == (event.line_id in read_before)
                lines += 1
    assert lines >= 8 and seen  # both games: each line once unread, then read


def test_a_subclass_that_watches_operations_sees_every_one(story):
    ops: list[tuple[str, int]] = []

    class Watching(Runtime):
        def _run(self, op, quiet):
            ops.append((self.state.scene, self.state.pc))
            return super()._run(op, quiet)

    watched, plain = Watching(story, Options(content_notes="play")), Runtime(story, Options(content_notes="play"))
    for _ in range(60):
        a, b = watched.advance(), plain.advance()
        assert a == b
        if isinstance(a, ev.WAITS_FOR_CHOICE):
            watched.choose(a.options[0][0]), plain.choose(b.options[0][0])
        if isinstance(a, ev.EndEvent):
            break
    assert len(ops) > 10 and watched.to_dict() == plain.to_dict()  # the story's whole run, op by op


# --- runs of plain lines (runtime/history.py) ------------------------------------------------------------------

def _lines(start: int, count: int) -> str:
    return "".join(f'  - say: hero\n    text: "Line {i}."\n' if i % 3 else f'  - narrate: "Line {i}."\n'
                   for i in range(start, start + count))


def _long_story(story_root, lines: int = 40):
    """One scene of plain lines, broken by everything that is not one: a line that changes an expression on
    stage, a flag set, a line with a variable, a choice, a sound."""
    from game.content.loader import load_story
    for old in (story_root / "story").iterdir():
        old.unlink()
    (story_root / "story.yaml").write_text('title: "Long"\nstart: long\nchapters:\n  - {number: 1, title: "One"}\n')
    beats = (_lines(0, lines) + "  - show: hero\n    at: left\n" + _lines(100, 5)
             + '  - say: hero\n    expression: happy\n    text: "Happy now."\n' + _lines(200, lines)
             + "  - set: {brave: true}\n" + '  - narrate: "Brave: [brave]."\n' + _lines(300, 5)
             + '  - choice: "Which way?"\n    id: way\n    options:\n      - {text: "Left", id: left}\n'
             + '      - {text: "Right", id: right, add: {courage: 1}}\n' + _lines(400, lines)
             + "  - sound: ding\n" + _lines(500, lines) + "  - end: done\n")
    (story_root / "story" / "long.yaml").write_text(
        'id: long\ntitle: "Long"\nchapter: 1\ndate: "Day"\nbackground: room\nbeats:\n' + beats)
    return load_story(story_root)


def _play_recording(rt: Runtime, rng: random.Random) -> list[tuple[dict, ev.Event]]:
    """Play to the end; (the state just before it, the event) for each event shown."""
    shown: list[tuple[dict, ev.Event]] = []
    while True:
        before = rt.snapshot()
        event = rt.advance()
        shown.append((before, event))
        if isinstance(event, ev.EndEvent):
            return shown
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            rt.choose(rng.choice(event.options)[0])


def test_rollback_returns_exactly_within_and_across_runs_of_lines(story_root):
    """Every step back, all the way, and every step forward again, lands on the state as it was before that
    event: inside a run of plain lines (one mark for the run) as at its edges."""
    story = _long_story(story_root)
    rt = Runtime(story, Options(content_notes="play"))
    shown = _play_recording(rt, random.Random(3))
    assert len(shown) > 150 and rt.shown() == [event for _, event in shown]
    for k in range(len(shown) - 2, -1, -1):
        event = rt.rollback()
        assert event == shown[k][1] and rt.to_dict()["state"] == shown[k][0]
    assert rt.rollback() is None
    for k in range(1, len(shown)):
        event = rt.roll_forward()
        assert event == shown[k][1] and rt.to_dict()["state"] == shown[k][0]
    assert rt.roll_forward() is None


def test_a_run_of_lines_takes_one_mark_and_sees_what_is_changed_through_state(story_root, monkeypatch):
    story = _long_story(story_root)
    marks = []
    real_mark = StoryState.mark
    monkeypatch.setattr(StoryState, "mark", lambda self: marks.append(1) or real_mark(self))
    rt = Runtime(story, Options(content_notes="play"))
    rt.advance()  # the scene's card
    for _ in range(40):
        assert isinstance(rt.advance(), ev.LineEvent)
    assert len(marks) == 2  # the card's, then one for the 40 lines: not one per step
    rt.state.vars["brave"] = True  # from outside, without touched(): the state handed out ends the run
    rt.advance()
    assert len(marks) == 3
    rt.advance()
    assert rt.rollback().text == "Line 100." and rt.state.vars == {"brave": True}


def test_the_history_keeps_the_last_limit_events_and_rolls_back_through_all_of_them(story_root, monkeypatch):
    from game.runtime import runtime
    monkeypatch.setattr(runtime, "HISTORY_LIMIT", 25)
    story = _long_story(story_root)
    rt = Runtime(story, Options(content_notes="play"))
    shown = _play_recording(rt, random.Random(4))
    assert rt.shown() == [event for _, event in shown[-25:]]
    for k in range(len(shown) - 2, len(shown) - 26, -1):
        assert rt.rollback() == shown[k][1] and rt.to_dict()["state"] == shown[k][0]
    assert rt.rollback() is None and len(rt.shown()) == 1


def test_history_reads_the_same_events_however_they_are_grouped_in_runs():
    from game.runtime.history import History
    lines = [ev.LineEvent(None, "", "", f"{i}", f"l{i}", False) for i in range(8)]
    card = ev.SceneStart("s", "S", 1, "", "")
    history = History(6)
    history.add(("m0",), card)
    history.begin(("m1",)).extend(lines[:4])
    history.add(("m2",), lines[4])
    assert history.events() == [card, *lines[:5]] and history.since_line() == 0
    history.begin(("m3",)).extend(lines[5:])
    assert history.events() == lines[2:] and len(history) == 6  # the oldest dropped, inside a run too
    assert [history[i] for i in range(6)] == [history[i - 6] for i in range(6)]
    assert history[0] == ((("m1",), 2), lines[2]) and history[2] == ((("m2",), 0), lines[4])
    assert history.pop() == ((("m3",), 2), lines[7])
    assert [history.pop()[1] for _ in range(5)] == [lines[6], lines[5], lines[4], lines[3], lines[2]]
    assert len(history) == 0 and history.since_line() == 0
    history.add(("m4",), card)
    history.add(("m5",), ev.PromptEvent("Why?", (), None))
    assert history.since_line() == 2


def test_a_save_at_every_choice_copies_only_the_new_choices(story_root):
    """The autosave record's state: the path's entries are copied once each and the copies shared by later
    records of the same path (none is the state's own); a state rebuilt by rollback copies its path afresh."""
    story = _long_story(story_root)
    rt = Runtime(story, Options(content_notes="play"))
    state = rt.state
    for i in range(3):
        state.path.append({"scene": "long", "choice": f"c{i}", "option": "o", "index": 0, "auto": False})
    first = rt.to_dict()["state"]["path"]
    state.path.append({"scene": "long", "choice": "c3", "option": "o", "index": 0, "auto": False})
    second = rt.to_dict()["state"]["path"]
    assert second == state.path and second is not first and second[:3] == first
    assert all(a is b for a, b in zip(first, second))  # copied once, shared
    assert not any(copy is entry for copy, entry in zip(second, state.path))  # never the state's own
    rt.advance(), rt.advance(), rt.advance()
    on_screen = rt.to_dict()["state"]  # an event on screen: the state just before it, from the history's mark
    assert on_screen == StoryState.from_mark(*rt._history[-1][0]).to_dict() and on_screen["path"] == state.path
    rt.rollback()
    assert rt.to_dict()["state"]["path"] == state.path and rt.state is not state


def test_a_save_at_a_scene_start_is_listed_under_the_scene_it_resumes_in(tmp_path):
    """The record keeps the state before the scene's title card (the history's mark) and the anchor of the card on
    screen: the slot is listed under the new scene, whose title and card its picture shows (AUDIT's A10)."""
    from game import paths
    from game.library import load_library
    from game.saves import SaveStore
    story = load_library(paths.SCENES).story
    rt = Runtime(story)
    starts = 0
    while starts < 2:
        event = rt.advance()
        if isinstance(event, ev.ChoiceEvent):
            rt.choose(0)
        starts += isinstance(event, ev.SceneStart)
    record = SaveStore(tmp_path).record(rt)
    assert record["runtime"]["state"]["scene"] != rt.state.scene  # (the state before the card)
    info = SaveStore(tmp_path).save("quick", rt)
    assert info.scene == rt.state.scene and story.scenes[info.scene].title == record["scene_title"]
    assert SaveStore(tmp_path).info("quick").scene == rt.state.scene  # and read back from the file
