"""The explorer: known coverage on fixtures, runtime errors reported with their path, the shipped story."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from game import paths
from game.authoring.explore import ExploreError, Step, explore, explore_or_raise
from game.content.loader import check_content

FIXTURES = Path(__file__).parent / "fixtures"


def story(name: str):
    content = check_content(FIXTURES / name, FIXTURES / "assets")
    assert content.problems.items == []
    return content.story


def test_fixture_story_coverage_is_known():
    report = explore(story("story_ok"))
    assert report.complete and report.ok and report.exit_code == 0
    assert (len(report.beats_reached), report.beats_total) == (17, 18)
    assert (report.lines_reached, report.lines_total) == (6, 6)
    assert (len(report.options_reached), report.options_total) == (2, 3)
    assert report.scenes_reached == {"first", "second"}
    assert list(report.endings) == ["finale"]
    # the secret door needs 'cautious', which only the choice itself sets: it is never offered
    assert [(s, c, o) for s, c, o, _ in report.unreached_options] == [("first", "way", "secret")]
    assert [(s, i, what) for s, i, _, what in report.unreached] == [("first", 6, "goto")]
    assert report.unreached_reason() == "unreachable"
    assert report.path_to("first", 6) is None


def test_shortest_choice_paths():
    report = explore(story("story_ok"))
    # "You found it." (op 8) needs the key: one choice
    assert report.path_to("first", 8) == (Step("first", "way", "take", "Take the key"),)
    assert report.path_to("first", 0) == ()
    assert [s.option for s in report.endings["finale"]] == ["leave", "summary"]  # 2 answers; seeded, so stable


def test_a_retrial_loop_is_explored_exhaustively():
    report = explore(story("explore_retrial_loop"))
    assert report.complete and report.ok
    assert sorted(report.endings) == ["acquitted", "convicted"]
    assert [s.option for s in report.endings["acquitted"]] == ["witness", "plead", "key"]
    assert [s.option for s in report.endings["convicted"]] == ["plead", "key"]
    assert (len(report.beats_reached), report.beats_total) == (12, 13)
    assert [what for _, _, _, what in report.unreached] == ['line "Nobody ever reads this."']
    assert report.percent("options") == 100.0


def test_bounded_search_says_so():
    report = explore(story("explore_retrial_loop"), max_states=2, dives=0)
    assert not report.complete
    assert "not exhaustive" in report.render_text()
    assert report.unreached_reason() == "not reached within 2 states"


def test_runtime_errors_fail_with_the_path_that_leads_there():
    report = explore(story("explore_endless_loop"))
    assert not report.ok and report.exit_code == 1
    assert [(f.scene, [s.text for s in f.path]) for f in report.failures] == [("trap", ["Open it"])]
    assert "endless loop" in report.failures[0].message
    with pytest.raises(ExploreError, match="after: spin: Open it"):
        explore_or_raise(story("explore_endless_loop"))


def test_json_report():
    data = explore(story("story_ok")).as_dict()
    assert data["complete"] is True and data["coverage"]["lines"] == 100.0
    assert data["unreached"][0]["reason"] == "unreachable"


def test_shipped_story_explores_within_seconds_without_errors():
    content = check_content(paths.SCENES)
    if content.story is None or content.problems.errors:
        pytest.skip("the shipped story does not validate yet (test_shipped_content reports why)")
    started = time.thread_time()  # this thread's CPU time: other processes on a busy machine do not count
    report = explore(content.story, max_states=1_000)
    assert time.thread_time() - started < 10
    assert report.ok, report.render_text()
    assert report.endings and "" not in report.endings  # no path runs off the end of a scene
    assert report.percent("scenes") == 100.0
    assert report.percent("options") > 90


def test_the_report_lists_every_ending_with_its_title_and_shortest_path():
    report = explore(story("explore_retrial_loop"))
    assert report.ending_titles == {"acquitted": "Acquitted", "convicted": "The End"}
    text = report.render_text()
    assert "endings: 2 reached" in text
    assert ('  convicted "The End" after 2 choice(s):\n      1. hub: Plead\n      2. hub: Present the key'
            in text)
    assert '  acquitted "Acquitted" after 3 choice(s):\n      1. hub: Call a witness' in text
    assert json.loads(report.render_json())["ending_titles"]["acquitted"] == "Acquitted"


def test_a_menu_that_offers_only_ways_back_is_reported():
    """The witness's menu, once her question is asked, offers only "No further questions", back to the hub with
    nothing changed; the clerk's way in is hidden once his question is asked, and his menu, opened again with
    questions left, is no dead end."""
    report = explore(story("explore_dead_end"))
    assert report.complete and report.ok and report.exit_code == 0  # a warning, not an error
    assert [(d.scene, d.choice) for d in report.dead_ends] == [("court", "ask_witness")]
    dead = report.dead_ends[0]
    assert dead.mark.endswith("explore_dead_end/story/01_court.yaml:22:21")
    assert [s.option for s in dead.path] == ["call", "call_witness", "witness_saw", "call", "call_witness"]
    assert f"{dead.mark}: warning: choice 'ask_witness' in 'court' offers only ways back" in report.render_text()
    assert report.as_dict()["dead_ends"] == [{"scene": "court", "choice": "ask_witness", "at": dead.mark,
                                              "path": [s.__dict__ for s in dead.path]}]
    assert explore(story("explore_retrial_loop")).dead_ends == []


def test_an_option_that_changes_nothing_is_reported():
    """"Not yet" at the porter's question, once the notice is read, leads through a hall offering only "Leave" to
    where "Yes" goes; "Not yet" at the booth asks the same question again. Options with beats or effects of their
    own, and ways back to a menu that still offers something, are not reported."""
    report = explore(story("explore_delay"))
    assert report.complete and report.ok and report.exit_code == 0
    assert [(d.scene, d.choice, d.option, d.like) for d in report.delays] == [
        ("booth", "sign", "sign_not_yet", ""), ("hall", "sure", "not_yet", "go")]
    hall = report.delays[1]
    assert hall.mark.endswith("explore_delay/story/01_hall.yaml:30:21")
    assert [s.option for s in hall.path] == ["read", "leave"]
    text = report.render_text()
    assert (f"{hall.mark}: warning: option 'not_yet' of choice 'sure' in 'hall' changes nothing: after it each "
            "choice offers a single option, to where 'go' goes") in text
    assert "option 'sign_not_yet' of choice 'sign' in 'booth' changes nothing: it comes back to this choice" in text
    assert report.as_dict()["delays"][1] == {"scene": "hall", "choice": "sure", "option": "not_yet", "like": "go",
                                             "at": hall.mark, "path": [s.__dict__ for s in hall.path]}
    assert explore(story("explore_dead_end")).delays == [] and explore(story("explore_retrial_loop")).delays == []
