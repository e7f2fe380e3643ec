"""The classroom's runtime side, without a screen: the content-note plan is a runtime option, and the
session log is written by a listener that hears new events and answers only (never rollback's replays)."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import play_through

from game import paths
from game.classroom import notes
from game.classroom.session import Recorder, SessionLog
from game.library import load_library
from game.runtime import events as ev
from game.runtime.runtime import Options, Runtime
from game.runtime.wording import speaker_name

CLASSROOM_STORY = Path(__file__).parent / "fixtures" / "classroom_story"


@pytest.fixture(scope="module")
def story():
    return load_library(CLASSROOM_STORY, paths.ASSETS).story


def test_the_plan_is_a_runtime_option(story):
    noted = [n.scene for n in notes.noted_scenes(story)]
    assert noted == ["market"]
    summary = play_through(Runtime(story, Options(content_notes={"market": "summary"})))
    assert not any(isinstance(e, ev.ContentNoteEvent) for e in summary)
    lines = [e for e in summary if isinstance(e, ev.LineEvent)]
    assert any(speaker_name(e) == "Summary" and e.text.startswith("A girl slips on the ice") for e in lines)
    assert not any(e.text == "The market is icy." for e in lines)
    played = play_through(Runtime(story, Options(content_notes={"market": "play"})))
    assert not any(isinstance(e, ev.ContentNoteEvent) for e in played)
    assert any(isinstance(e, ev.LineEvent) and e.text == "The market is icy." for e in played)
    unplanned = play_through(Runtime(story, Options(content_notes={})))   # a noted scene the plan leaves out plays
    assert any(isinstance(e, ev.LineEvent) and e.text == "The market is icy." for e in unplanned)


def test_a_plan_says_play_or_summary(story):
    with pytest.raises(ValueError, match="market"):
        Options(content_notes={"market": "skip"})
    with pytest.raises(ValueError):
        Options(content_notes="sometimes")
    plan = {"market": "summary"}
    options = Options(content_notes=plan)
    plan["market"] = "play"
    assert options.content_notes == {"market": "summary"}      # the option keeps its own copy


def test_listeners_hear_new_events_and_answers_but_not_rollback(story):
    rt = Runtime(story, Options(prompts=True, content_notes={"market": "play"}))
    heard = []
    rt.listeners.append(heard.append)
    first = rt.advance()
    second = rt.advance()
    assert heard == [first, second]
    assert rt.rollback() is not None and rt.roll_forward() is not None
    assert heard == [first, second]                            # the replays were not told
    choice = next(e for e in run_until_choice(rt))
    index = choice.options[-1][0]
    rt.choose(index)
    assert heard[-1] == ev.Chosen(choice, index)
    assert heard.count(choice) == 1


def run_until_choice(rt: Runtime):
    for _ in range(80):
        event = rt.advance()
        if isinstance(event, ev.ChoiceEvent):
            yield event
            return


def test_the_recorder_writes_the_session_from_the_runtime(story):
    log = SessionLog(clock=lambda: 0.0)
    plan = {"market": "summary"}
    recorder = Recorder(log, story, plan)
    rt = Runtime(story, Options(prompts=True, content_notes=plan, cards="inline"))
    recorder.attach(rt)
    choice = next(run_until_choice(rt))
    rt.choose(choice.options[0][0])
    for _ in range(3):                                          # back and forth over the choice: no new entries
        rt.rollback()
    for _ in range(3):
        rt.roll_forward()
    recorder.how = "vote"
    play_through(rt)
    kinds = [e.kind for e in log.entries]
    assert kinds.count("choice") == 2 and kinds.count("prompt") == 1
    first, second = log.of("choice")
    assert (first.detail["how"], first.detail["key"], first.detail["index"]) == ("teacher", choice.key, 0)
    assert second.detail["how"] == "vote"                       # the next choice after a vote is the class's
    assert [(e.scene, e.detail["decision"]) for e in log.of("content_note")] == [("market", "summary")]
    assert len(log.of("scene")) == len({e.scene for e in log.of("scene")})
