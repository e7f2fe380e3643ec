"""Story flow the engine owns: the prologue's name, the scene card once per visit, the choice guard,
"Film and sources" pages at chapter ends, and the end screen with its credits."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from game.content.loader import check_content, load_story
from game.library import load_library
from game.profile import Profile
from game.runtime import events as ev
from game.runtime.runtime import Options, Runtime
from game.screens.app import App
from game.screens.capture import play_app
from game.screens.chapters import ChapterScreen
from game.screens.ending import CREDITS, END, SOURCES, EndScreen
from game.screens.input import Action
from game.screens.play import CHOICE_GUARD_SECONDS, PlayScreen
from game.screens.title import TitleScreen

SHOTS = Path(tempfile.mkdtemp(prefix="cell7-shots-"))  # for people to look at; never written into tests/
CREDITS_YAML = """\
credits:
  - heading: "Story"
    lines:
      - "A fixture, written for the tests."
      - "A second line that is long enough to wrap at the largest text size the settings allow."
  - heading: "Engine"
    lines: ["Python and pygame"]
"""
LOOP = """\
id: second
title: "Second"
chapter: 2
date: "Day two"
background: room
beats:
  - narrate: "Round we go."
  - choice: "Again?"
    options:
      - text: "Again"
        if: {visits: second, lt: 3}
        goto: second
      - text: "Stop"
  - differ: "A disagreement"
    accounts:
      - {source: book, says: "One thing."}
      - {source: book, says: "Another thing."}
  - end: finale
    title: "The End of the Fixture"
"""


@pytest.fixture
def story(story_root):
    return load_story(story_root)


def walk(rt: Runtime, pick=lambda e: e.options[0][0], limit: int = 100) -> list[ev.Event]:
    shown = []
    for _ in range(limit):
        event = rt.advance()
        shown.append(event)
        if isinstance(event, ev.EndEvent):
            return shown
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            rt.choose(pick(event))
    raise AssertionError("no end")


# --- prologue ----------------------------------------------------------------------------------

def test_chapter_0_is_allowed_and_shown_as_prologue(story_root, tmp_path):
    story_file = story_root / "story.yaml"
    story_file.write_text(story_file.read_text().replace("chapters:\n", 'chapters:\n  - {number: 0, title: "Frame"}\n'))
    scene = story_root / "story" / "01_first.yaml"
    scene.write_text(scene.read_text().replace("chapter: 1", "chapter: 0"))
    content = check_content(story_root)
    assert not content.problems.errors
    profile = Profile(tmp_path / "p")
    app = play_app(load_library(story_root), "first", 1, profile=profile)
    assert app.top.event.chapter == 0
    app.screenshot(SHOTS / "prologue_card.png")
    app.push(ChapterScreen(app))
    assert app.top.menu.items[0].label == "Prologue: Frame"


# --- the scene card once -----------------------------------------------------------------------

def test_a_goto_into_the_same_scene_shows_no_second_card_and_saves_still_resume(story_root):
    (story_root / "story" / "02_second.yaml").write_text(LOOP)
    story = load_story(story_root)
    rt = Runtime(story, Options(content_notes="play"), start="second")
    shown = walk(rt)
    assert [type(e).__name__ for e in shown].count("SceneStart") == 1
    assert [e.text for e in shown if isinstance(e, ev.LineEvent)] == ["Round we go."] * 3
    assert rt.state.visits["second"] == 3
    # a save taken on the second time round comes back there, and rollback crosses the loop
    rt = Runtime(story, Options(content_notes="play"), start="second")
    rt.advance(), rt.advance(), rt.advance(), rt.choose(0)
    assert rt.advance().text == "Round we go."
    saved = json.loads(json.dumps(rt.to_dict()))
    loaded = Runtime.from_dict(story, saved, rt.options)
    assert loaded.advance().text == "Round we go." and loaded.state.visits["second"] == 2
    assert isinstance(rt.rollback(), ev.ChoiceEvent) and rt.state.visits["second"] == 1


# --- choices -------------------------------------------------------------------------------------

def test_options_beyond_six_are_a_located_error(story_root):
    scene = story_root / "story" / "01_first.yaml"
    extra = "".join(f'      - text: "More {n}"\n' for n in range(4))
    scene.write_text(scene.read_text().replace('      - text: "Leave it"\n', extra + '      - text: "Leave it"\n'))
    problems = check_content(story_root).problems.errors
    assert len(problems) == 1 and "at most 6" in problems[0].message
    assert problems[0].hint.startswith("group them")
    assert problems[0].mark.file.endswith("01_first.yaml") and problems[0].mark.line == 17


def test_enter_right_after_a_choice_appears_is_ignored_but_number_keys_work(library, story_root):
    app = play_app(library, "first", 3)
    play = app.top
    play.next_event()
    assert isinstance(play.event, ev.ChoiceEvent)
    play.on_action(Action("confirm"))            # mashed Enter from the line before
    assert isinstance(play.event, ev.ChoiceEvent)
    app.step(CHOICE_GUARD_SECONDS + 0.05)        # the app clock, not the wall clock
    play.on_action(Action("digit", number=2))    # "Leave it"
    assert rt_flag(play, "cautious")


def rt_flag(play: PlayScreen, name: str) -> bool:
    return bool(play.rt.state.vars.get(name))


# --- teaching cards at the chapter's end -----------------------------------------------------------

def test_cards_do_not_stop_play_and_the_chapter_end_brings_one_page_with_its_cards(story):
    shown = walk(Runtime(story, Options(content_notes="play")))
    assert not any(isinstance(e, (ev.FactEvent, ev.DifferEvent)) for e in shown)
    pages = [e for e in shown if isinstance(e, ev.SourcesPage)]
    assert len(pages) == 1 and pages[0].chapter == 1 and pages[0].chapter_title == "One"
    assert [c.text for c in pages[0].cards] == ["A fact."]
    after = shown[shown.index(pages[0]) + 1]
    assert isinstance(after, ev.SceneStart) and after.scene == "second"  # the page comes before the next chapter
    assert [c.topic for c in shown[-1].sources.cards] == ["A disagreement"]  # the last chapter's: on the end screen


def test_save_and_load_in_the_middle_of_a_chapter_keeps_the_pending_cards(story):
    rt = Runtime(story, Options(content_notes="play", prompts=True))
    for _ in range(20):
        event = rt.advance()
        if isinstance(event, ev.PromptEvent):
            break
        if isinstance(event, ev.ChoiceEvent):
            rt.choose(0)
    assert rt.state.cards  # the fact was passed, not shown
    loaded = Runtime.from_dict(story, json.loads(json.dumps(rt.to_dict())), rt.options)
    assert isinstance(loaded.advance(), ev.PromptEvent)
    page = loaded.advance()
    assert isinstance(page, ev.SourcesPage) and [c.text for c in page.cards] == ["A fact."]
    assert loaded.rollback() is not None and loaded.roll_forward() == page


def test_classroom_and_captures_keep_cards_inline(story):
    from game.screens.classroom_play import classroom_options
    assert classroom_options().cards == "inline"
    shown = walk(Runtime(story, Options(content_notes="play", cards="inline")))
    assert [type(e).__name__ for e in shown if isinstance(e, (ev.FactEvent, ev.DifferEvent, ev.SourcesPage))] == [
        "FactEvent", "DifferEvent"]
    assert shown[-1].sources is None


@pytest.mark.parametrize("scale, contrast", [(1.0, False), (2.0, False), (1.0, True)])
def test_sources_page_renders_within_the_screen(library, story_root, tmp_path, scale, contrast):
    profile = Profile(tmp_path / "p")
    profile.settings.font_scale, profile.settings.high_contrast = scale, contrast
    app = App(library, profile, window=False)
    play = PlayScreen(app, options=Options(content_notes="play", prompts=True))
    app.push(play)
    while not isinstance(play.event, ev.SourcesPage):
        play.choose(play.event.options[0][0]) if isinstance(play.event, ev.WAITS_FOR_CHOICE) else play.next_event()
    app.step(2.0)
    app.screenshot(SHOTS / f"sources_page_{int(scale * 100)}{'_contrast' if contrast else ''}.png")
    play.on_action(Action("confirm"))  # one card: Enter goes on to the next chapter
    assert isinstance(play.event, ev.SceneStart)


# --- the end screen ------------------------------------------------------------------------------

def ended_app(story_root, tmp_path, scale=1.0, contrast=False, reduce_motion=False) -> App:
    (story_root / "credits.yaml").write_text(CREDITS_YAML)
    profile = Profile(tmp_path / "p")
    profile.settings.font_scale, profile.settings.high_contrast = scale, contrast
    profile.settings.reduce_motion = reduce_motion
    app = App(load_library(story_root), profile, window=False)
    app.push(TitleScreen(app))
    play = PlayScreen(app, start_scene="second", options=Options(content_notes="play"))
    app.push(play)
    while not isinstance(play.event, ev.EndEvent):
        play.next_event()
    app.step(1 / 60)  # autosave, then the end screen
    return app


@pytest.mark.parametrize("scale, contrast", [(1.0, False), (2.0, False), (1.0, True)])
def test_end_screen_then_credits_then_the_title_screen(story_root, tmp_path, scale, contrast):
    app = ended_app(story_root, tmp_path, scale, contrast)
    end = app.top
    assert isinstance(end, EndScreen) and end.phase == END
    tag = f"{int(scale * 100)}{'_contrast' if contrast else ''}"
    app.step(0.1)
    app.screenshot(SHOTS / f"end_{tag}.png")
    assert [i.label for i in end.menu.items] == ["Go on to the credits", "Film and sources (1)",
                                                 "Return to the title screen"]
    assert all(0 <= r.top and r.bottom <= 720 for r in end.menu.rects)
    end.on_action(Action("confirm"))
    assert end.phase == END  # too soon after the end appeared: a held Enter
    end.on_action(Action("down"))
    app.step(1.0)
    end.on_action(Action("confirm"))
    assert end.phase == SOURCES
    app.step(0.1)
    app.screenshot(SHOTS / f"end_sources_{tag}.png")
    end.on_action(Action("cancel"))
    end.menu.choose(0)
    assert end.phase == CREDITS
    app.step(4.0)
    app.screenshot(SHOTS / f"credits_{tag}.png")
    end.on_action(Action("cancel"))  # skip
    assert isinstance(app.top, TitleScreen)


def test_credits_roll_to_the_title_screen_by_themselves_and_page_with_reduced_motion(story_root, tmp_path):
    app = ended_app(story_root, tmp_path)
    app.step(1.0)
    app.top.go_on()
    for _ in range(60):
        app.step(1.0)
    assert isinstance(app.top, TitleScreen)


def test_credits_page_with_reduced_motion(story_root, tmp_path):
    app = ended_app(story_root, tmp_path, reduce_motion=True)
    end = app.top
    end.go_on()
    app.step(30.0)
    assert app.top is end  # no roll: pages wait for the player
    app.screenshot(SHOTS / "credits_pages.png")
    end.on_action(Action("confirm"))
    assert end.page == 1
    end.on_action(Action("confirm"))
    assert isinstance(app.top, TitleScreen)


def test_continue_after_an_ending_comes_back_to_the_end_screen(story_root, tmp_path):
    app = ended_app(story_root, tmp_path)
    app.top.finish()
    title = app.top
    title.on_enter()
    assert title.menu.items[0].label == "Continue"
    title.menu.choose(0)
    app.step(1 / 60)
    assert isinstance(app.top, EndScreen)


def test_rollback_from_the_end_screen_returns_to_the_story(story_root, tmp_path):
    app = ended_app(story_root, tmp_path)
    app.top.on_action(Action("rollback"))
    assert isinstance(app.top, PlayScreen) and not isinstance(app.top.event, ev.EndEvent)


def test_end_screen_says_nothing_about_evidence_when_the_story_has_none(story_root, tmp_path):
    app = ended_app(story_root, tmp_path)
    lines = [text for text, *_ in app.top._lines()]
    assert lines == ["The End", "The End of the Fixture", "Evidence noticed: 0 of 1"]
    app.library = dataclasses_replace(app.library, story=dataclasses_replace(app.story, evidence={}))
    assert [text for text, *_ in app.top._lines()] == ["The End", "The End of the Fixture"]


def dataclasses_replace(obj, **changes):
    import dataclasses
    return dataclasses.replace(obj, **changes)


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_title_screen_with_every_entry_fits(tmp_path, scale):
    from game import paths
    profile = Profile(tmp_path / "p")
    profile.settings.font_scale = scale
    profile.chapters.update(range(0, 12))
    app = App(load_library(paths.SCENES), profile, window=False)
    app.push(TitleScreen(app))
    play = PlayScreen(app, options=Options(content_notes="play"))
    app.push(play)
    play.save("1")
    app.pop()
    app.step(0.1)
    labels = [item.label for item in app.top.menu.items]
    assert labels[0] == "Continue" and "Gallery" in labels and len(labels) == 9
    rects = app.top.menu.rects
    assert len(rects) == 9 and all(r.bottom <= 720 - 60 for r in rects)   # every entry shown (two columns at 200%)
    assert not any(a.colliderect(b) for i, a in enumerate(rects) for b in rects[i + 1:])
