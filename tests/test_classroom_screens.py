"""Classroom screens, headless: presenter view, content-note plan, prompt card, class vote, chapter
list, quiz, film and reality, hub exports. Each render is checked for real content; screenshots go
to the test's temporary folder (never into tests/)."""
from __future__ import annotations

import csv
from pathlib import Path

import pygame
import pytest
from conftest import play_screen_to as advance_to

from game import paths
from game.library import load_library
from game.profile import Profile
from game.runtime import events as ev
from game.runtime.wording import is_summary
from game.screens.app import App
from game.screens.classroom_hub import ClassroomHub
from game.screens.classroom_play import (
    ClassroomChapterList,
    ClassroomNotesScreen,
    ClassroomVoteScreen,
    Presenter,
    presenter_view,
)
from game.screens.classroom_quiz import QuizScreen, QuizSetupScreen
from game.screens.classroom_reality import RealityScreen
from game.screens.play import PlayScreen
from game.ui.input import Act, Action
from game.ui.theme import PROJECTOR

FIXTURES = Path(__file__).parent / "fixtures"
CLASSROOM_STORY = FIXTURES / "classroom_story"
GREEN = PROJECTOR.success
FACT = PROJECTOR.fact
DIFFER = PROJECTOR.differ


@pytest.fixture(scope="module")
def library():
    return load_library(CLASSROOM_STORY, paths.ASSETS)


@pytest.fixture(scope="module")
def story(library):
    return library.story


@pytest.fixture
def app(library, tmp_path):
    return App(library, Profile(tmp_path / "profile", library.story_id), window=False, classroom=True)


@pytest.fixture
def shots(tmp_path):
    return tmp_path / "shots"


def hub_for(app, tmp_path=None) -> ClassroomHub:
    hub = ClassroomHub(app, export_dir=tmp_path)
    app.push(hub)
    return hub


def distinct_colours(surface: pygame.Surface, rect: pygame.Rect) -> int:
    region = surface.subsurface(rect)
    return len({region.get_at((x, y))[:3] for x in range(0, rect.w, 3) for y in range(0, rect.h, 3)})


def shot(app, folder: Path, name: str, dt: float = 1.5) -> pygame.Surface:
    canvas = app.step(dt)
    folder.mkdir(parents=True, exist_ok=True)
    app.screenshot(folder / f"classroom_{name}.png")
    return canvas


def count_colour(surface: pygame.Surface, rect: pygame.Rect, colour, tolerance: int = 30) -> int:
    region = surface.subsurface(rect)
    return sum(1 for x in range(0, rect.w, 2) for y in range(0, rect.h, 2)
               if all(abs(a - b) <= tolerance for a, b in zip(region.get_at((x, y))[:3], colour)))


def start_story(app, hub, summary: bool = False) -> PlayScreen:
    hub.open_story()
    notes = app.top
    assert isinstance(notes, ClassroomNotesScreen)
    if summary:
        app.step(0.1, [Action(Act.RIGHT)])  # the first (only) noted scene: play -> summary
    app.step(0.1, [Action(Act.NEXT)])       # Tab starts the story
    assert isinstance(app.top, PlayScreen) and isinstance(app.top.overlay, Presenter)
    return app.top


def log_of(play: PlayScreen):
    return play.overlay.log


# --- presenter view ----------------------------------------------------------------------------

def test_classroom_app_uses_the_projector_theme(app):
    assert app.theme == PROJECTOR and app.theme.body_size >= 36


def test_content_note_screen_lists_noted_scenes_and_sets_the_plan(app, tmp_path, shots):
    hub = hub_for(app)
    hub.open_story()
    canvas = shot(app, shots, "content_notes")
    notes = app.top
    assert [n.scene for n in notes.noted] == ["market"]
    lay = notes.layout()
    assert distinct_colours(canvas, lay["list/row0"].inflate(-20, -10)) > 8      # the noted scene's row
    assert count_colour(canvas, lay["list/row0/pill"], GREEN) > 50               # its PLAY pill
    app.step(0.1, [Action(Act.RIGHT)])                                          # ← → switch play / summary
    canvas = app.step(0.1)
    assert notes.plan == {"market": "summary"}
    assert count_colour(canvas, lay["list/row0/pill"], GREEN) < 10               # now the amber SUMMARY pill
    app.step(0.1, [Action(Act.CONFIRM)])                                        # Enter walks down, not toggles
    assert notes.plan == {"market": "summary"} and notes.index == 1 and app.top is notes
    app.step(0.1, [Action(Act.CONFIRM)])                                        # Enter on "Start the story"
    assert isinstance(app.top, PlayScreen) and app.top.overlay.plan == {"market": "summary"}


def test_presenter_view_shows_the_story_with_chapter_and_clock(app, tmp_path, shots):
    hub = hub_for(app)
    play = start_story(app, hub)
    play.next_event()  # past the scene card
    assert isinstance(play.event, ev.LineEvent)
    app.time += 75
    canvas = shot(app, shots, "presenter_line")
    assert distinct_colours(canvas, pygame.Rect(10, 5, 400, 36)) > 3              # "Chapter 1 · The Window"
    assert distinct_colours(canvas, pygame.Rect(1150, 5, 120, 36)) > 3            # the session clock
    assert distinct_colours(canvas, pygame.Rect(100, 560, 800, 60)) > 8           # the line of text
    assert play.quick_rects == {}                                                # no Auto/Skip/Save bar
    assert log_of(play).elapsed() >= 75
    assert type(play) is PlayScreen                                              # the play screen, not a subclass


def test_no_auto_or_skip_in_the_presenter_view(app):
    hub = hub_for(app)
    play = start_story(app, hub)
    play.next_event()
    before = play.event
    for name in ("auto", "skip", "quicksave", "backlog"):
        app.step(0.1, [Action(name)])
    for _ in range(30):
        app.step(1.0)
    assert play.event is before and not play.auto and not play.skip and app.top is play
    assert not play.autosave_due                                                 # no saves in class


def test_blank_and_mute_keys(app):
    hub = hub_for(app)
    play = start_story(app, hub)
    play.next_event()
    canvas = app.step(0.1, [Action("blank")])
    assert play.overlay.blank and distinct_colours(canvas, pygame.Rect(0, 0, 1280, 720)) == 1
    assert canvas.get_at((640, 360))[:3] == (0, 0, 0)
    event = play.event
    app.step(0.1, [Action("confirm")])          # ignored while blank
    assert play.event is event and play.overlay.blank
    canvas = app.step(0.1, [Action("blank")])
    assert not play.overlay.blank and distinct_colours(canvas, pygame.Rect(0, 0, 1280, 720)) > 20
    app.step(0.1, [Action("mute")])
    assert app.audio.muted
    app.step(0.1, [Action("mute")])
    assert not app.audio.muted


def test_prompt_is_a_full_screen_card_that_holds_the_story(app, shots):
    hub = hub_for(app)
    play = start_story(app, hub)
    prompt = advance_to(play, ev.PromptEvent)
    canvas = shot(app, shots, "prompt")
    assert prompt.question.startswith("What does this first scene")
    assert count_colour(canvas, pygame.Rect(30, 60, 1220, 600), GREEN) > 300      # the green frame
    assert distinct_colours(canvas, pygame.Rect(80, 150, 1100, 100)) > 5          # the question, in big type
    # the background scene is covered: the card fills the screen
    assert canvas.get_at((640, 560))[:3] == (14, 22, 16)
    for _ in range(10):
        app.step(1.0)
    assert play.event is prompt                                                  # no timer moves it on
    app.step(0.1, [Action("timeline")])
    assert play.overlay.timer == pytest.approx(299.9)
    shot(app, shots, "prompt_timer", dt=2.0)
    assert play.overlay.timer == pytest.approx(297.9)
    assert [e.detail["question"] for e in log_of(play).of("prompt")] == [prompt.question]


def test_prompts_do_not_appear_outside_classroom_mode(library, tmp_path):
    from game.classroom.session import SessionLog
    plain = App(library, Profile(tmp_path / "p", library.story_id), window=False, classroom=False)
    screen = PlayScreen(plain, options=None)
    assert not screen.rt.options.prompts and screen.overlay is None
    classroom = App(library, Profile(tmp_path / "q", library.story_id), window=False, classroom=True)
    assert PlayScreen(classroom).rt.options.prompts
    assert presenter_view(classroom, SessionLog()).rt.options.prompts


def test_content_plan_summary_replaces_the_scene_without_asking(app):
    hub = hub_for(app)
    play = start_story(app, hub, summary=True)
    seen = []
    for _ in range(40):
        seen.append(play.event)
        if isinstance(play.event, ev.EndEvent):
            break
        if isinstance(play.event, ev.ChoiceEvent):
            play.choose(play.event.options[0][0])
        else:
            play.next_event()
    assert not any(isinstance(e, ev.ContentNoteEvent) for e in seen)
    summary = [e for e in seen if is_summary(e)]
    assert summary and summary[0].text.startswith("A girl slips on the ice")
    assert not any(isinstance(e, ev.LineEvent) and e.text == "The market is icy." for e in seen)
    notes = log_of(play).of("content_note")
    assert [(n.scene, n.detail["decision"]) for n in notes] == [("market", "summary")]
    assert log_of(play).of("content_plan")[0].detail["plan"] == {"market": "summary"}


# --- votes ---------------------------------------------------------------------------------------

def test_class_vote_changes_the_path_and_is_logged(app, shots):
    hub = hub_for(app)
    play = start_story(app, hub)
    choice = advance_to(play, ev.ChoiceEvent)
    app.step(0.1, [Action("vote")])
    vote_screen = app.top
    assert isinstance(vote_screen, ClassroomVoteScreen)
    for _ in range(4):
        app.step(0.05, [Action("digit", number=1)])
    for _ in range(6):
        app.step(0.05, [Action("digit", number=2)])
    app.step(0.05, [Action("up")])               # one more for the selected option (2)
    canvas = shot(app, shots, "vote")
    assert vote_screen.vote.counts == [4, 7]
    rows = [vote_screen.layout()[f"options/row{i}"] for i in range(2)]
    for rect in rows:
        assert distinct_colours(canvas, rect.inflate(-10, -10)) > 8
    assert count_colour(canvas, rows[1], GREEN) > 20                             # the leader's tally in green
    app.step(0.1, [Action("confirm")])
    assert app.top is play
    assert play.rt.state.path[-1]["choice"] == choice.key and play.rt.state.path[-1]["option"] == "wait"
    assert play.rt.state.vars["promised"] is False
    vote = log_of(play).of("vote")[-1]
    assert vote.detail["tallies"] == [(0, choice.options[0][1], 4), (1, choice.options[1][1], 7)]
    assert vote.detail["winner"] == 1 and not vote.detail["tie_broken_by_teacher"]
    taken = log_of(play).of("choice")[-1]
    assert (taken.detail["how"], taken.detail["index"]) == ("vote", 1)


def test_a_tied_vote_waits_for_the_teacher(app, shots):
    hub = hub_for(app)
    play = start_story(app, hub)
    advance_to(play, ev.ChoiceEvent)
    app.step(0.1, [Action("vote")])
    screen = app.top
    app.step(0.05, [Action("digit", number=1)])
    app.step(0.05, [Action("digit", number=2)])
    app.step(0.05, [Action("confirm")])
    assert app.top is screen and screen.tie_mode
    shot(app, shots, "vote_tie")
    app.step(0.05, [Action("digit", number=1)])
    assert app.top is play and play.rt.state.vars["promised"] is True
    assert log_of(play).of("vote")[-1].detail["tie_broken_by_teacher"]


def test_teacher_choice_is_logged_as_teacher(app):
    hub = hub_for(app)
    play = start_story(app, hub)
    advance_to(play, ev.ChoiceEvent)
    app.step(0.1)  # the options on screen: a number picks only what has been shown
    app.step(0.1, [Action("digit", number=1)])
    assert log_of(play).of("choice")[-1].detail["how"] == "teacher"


def test_chapter_list_jumps_anywhere(app, shots):
    hub = hub_for(app)
    play = start_story(app, hub)
    app.step(0.1, [Action("chapters")])
    chapters = app.top
    assert isinstance(chapters, ClassroomChapterList)
    canvas = shot(app, shots, "chapters")
    lay = chapters.layout()
    for name, rect in lay.children("list"):
        if name.split("/")[-1].startswith("row"):
            assert distinct_colours(canvas, rect.inflate(-10, -10)) > 5
    app.step(0.1, [Action("down")])
    app.step(0.1, [Action("confirm")])
    assert app.top is play and play.rt.state.scene == "market"
    assert log_of(play).of("jump")[-1].chapter == 2
    assert isinstance(play.event, ev.SceneStart) and play.event.chapter == 2


# --- quiz -----------------------------------------------------------------------------------------

def test_quiz_by_keyboard_alone_with_teams(app, shots):
    hub = hub_for(app)
    hub.open_quiz()
    setup = app.top
    assert isinstance(setup, QuizSetupScreen)
    shot(app, shots, "quiz_setup")
    app.step(0.1, [Action("digit", number=3)])   # three teams
    app.step(0.1, [Action("confirm")])           # start
    quiz = app.top
    assert isinstance(quiz, QuizScreen) and len(quiz.game.teams) == 3
    game = quiz.game
    q = game.question
    canvas = shot(app, shots, "quiz_question")
    assert distinct_colours(canvas, quiz.layout()["question"]) > 5               # the question
    for rect in quiz.option_rects:
        assert distinct_colours(canvas, rect.inflate(-10, -10)) > 5
    assert count_colour(canvas, pygame.Rect(0, 0, 1280, 580), GREEN) < 40          # nothing revealed yet
    right = q.correct + 1
    wrong = 1 if right != 1 else 2
    for n in (right, wrong, right):                                             # teams 1, 2, 3 in turn
        app.step(0.05, [Action("digit", number=n)])
    app.step(0.1, [Action("confirm")])           # reveal
    canvas = shot(app, shots, "quiz_reveal")
    assert game.phase == "reveal" and game.scores == [1, 0, 1]
    assert count_colour(canvas, quiz.option_rects[q.correct], GREEN) > 100        # the right answer in green
    assert distinct_colours(canvas, quiz.layout()["explanation"].inflate(-20, -20)) > 5   # the explanation
    while game.phase != "done":
        app.step(0.05, [Action("confirm")])
    shot(app, shots, "quiz_results")
    app.step(0.1, [Action("confirm")])
    assert app.top is hub
    answers = hub.log.of("quiz_answer")
    assert len(answers) == 3 * len(game.questions)
    assert answers[0].detail["source"] in ("encyclopedia", "filmdb") and answers[0].detail["section"]
    assert hub.log.of("quiz_end")[-1].detail["scores"] == dict(zip(game.teams, game.scores))


# --- film and reality -----------------------------------------------------------------------------

def test_film_and_reality_without_cards_says_where_they_go(library, tmp_path):
    import dataclasses

    from game.classroom.reality import Reality
    from game.profile import Profile
    app = App(dataclasses.replace(library, reality=Reality()), Profile(tmp_path / "profile", library.story_id),
              window=False, classroom=True)
    hub = hub_for(app)
    hub.open_reality()
    assert app.top is hub and "reality.yaml" in list(app.toasts)[-1][0]


def test_reality_section_shows_fact_beside_fiction_and_the_differ_cards(app, shots):
    hub_for(app)
    app.push(RealityScreen(app))
    screen = app.top
    canvas = shot(app, shots, "reality")
    left, right = pygame.Rect(100, 200, 480, 200), pygame.Rect(680, 200, 480, 200)
    assert distinct_colours(canvas, left) > 8 and distinct_colours(canvas, right) > 8
    assert count_colour(canvas, pygame.Rect(640, 120, 600, 500), FACT, 25) > 100  # the blue "real" panel
    app.step(0.1, [Action("end")])
    assert screen.index == screen.first_differ()
    canvas = shot(app, shots, "reality_differ")
    assert count_colour(canvas, pygame.Rect(60, 120, 1160, 480), DIFFER, 25) > 100  # amber frames
    assert distinct_colours(canvas, screen.layout()["below"]) > 3                # "How would you check..."
    for _ in range(len(screen.pages) + 3):
        app.step(0.02, [Action("right")])
        assert distinct_colours(app.canvas, pygame.Rect(100, 200, 480, 120)) > 5
    assert screen.index == len(screen.pages) - 1
    app.step(0.1, [Action("cancel")])
    assert isinstance(app.top, ClassroomHub)


# --- hub --------------------------------------------------------------------------------------------

def test_hub_lists_its_entries_and_exports_where_it_says(app, tmp_path, shots):
    hub = hub_for(app, tmp_path / "export")
    canvas = shot(app, shots, "hub")
    assert hub.labels == ["Start the story (presenter view)", "Quiz (teams)", "Film and reality",
                          "Export the session log and quiz results", "Print a handout (and its answer key)", "Back"]
    for name, rect in hub.layout().children("list"):
        if name.endswith(tuple(f"row{i}" for i in range(9))):
            assert distinct_colours(canvas, rect.inflate(-20, -10)) > 5
    play = start_story(app, hub)
    advance_to(play, ev.ChoiceEvent)
    app.step(0.1)  # the options on screen
    app.step(0.1, [Action(Act.DIGIT, number=2)])
    app.step(0.1, [Action(Act.CANCEL)])
    app.step(0.1, [Action(Act.DOWN)])
    app.step(0.1, [Action(Act.DOWN)])
    app.step(0.1, [Action(Act.CONFIRM)])           # "Classroom menu": back to the hub
    assert app.top is hub and hub.play is play
    assert hub.labels[:2] == ["Resume the story (presenter view)", "Start the story again from the beginning"]
    written = hub.export_session()
    assert {p.name for p in written} == {"session.csv", "quiz.csv", "summary.md"}
    assert all(p.parent == tmp_path / "export" for p in written)
    assert str(tmp_path / "export") in list(app.toasts)[-1][0]
    with (tmp_path / "export" / "session.csv").open(encoding="utf-8-sig") as f:
        kinds = [row["kind"] for row in csv.DictReader(f)]
    assert kinds[:3] == ["session_start", "content_plan", "scene"] and "choice" in kinds
    handout = hub.write_handout()
    assert {p.name for p in handout} == {"handout.html", "answer_key.html"}
    hub.open_story()
    assert app.top is play                        # resumed where it was left


def test_backing_out_of_start_again_keeps_resume_and_the_place(app):
    """Playtest: Esc on the content-note screen of "Start the story again" lost "Resume" and the class's place."""
    hub = hub_for(app)
    play = start_story(app, hub)
    choice = advance_to(play, ev.ChoiceEvent)
    app.step(0.1, [Action(Act.CANCEL)])
    app.step(0.1, [Action(Act.DOWN)])
    app.step(0.1, [Action(Act.DOWN)])
    app.step(0.1, [Action(Act.CONFIRM)])          # "Classroom menu"
    assert app.top is hub
    app.step(0.1, [Action(Act.DOWN)])
    app.step(0.1, [Action(Act.CONFIRM)])          # "Start the story again from the beginning"
    assert isinstance(app.top, ClassroomNotesScreen)
    app.step(0.1, [Action(Act.CANCEL)])           # changed their mind
    assert app.top is hub and hub.play is play
    assert hub.labels[0] == "Resume the story (presenter view)"
    app.step(0.1, [Action(Act.HOME)])
    app.step(0.1, [Action(Act.CONFIRM)])          # Resume
    assert app.top is play and play.event is choice
    app.step(0.1, [Action(Act.CANCEL)])
    app.step(0.1, [Action(Act.DOWN)])
    app.step(0.1, [Action(Act.DOWN)])
    app.step(0.1, [Action(Act.CONFIRM)])
    hub.restart_story()                           # and starting again for real replaces it
    app.step(0.1, [Action(Act.NEXT)])
    again = app.top
    assert again is not play and hub.play is again and again.rt.state.scene == app.story.start
    assert len(log_of(again).of("content_plan")) == 2       # one session log throughout


def test_default_export_folder_is_under_the_profile(app):
    hub = hub_for(app)
    folder = hub.folder()
    assert folder.parent == Path(app.profile.folder) / "classroom"


def test_rollback_in_class_writes_nothing_twice(app):
    hub = hub_for(app)
    play = start_story(app, hub)
    advance_to(play, ev.ChoiceEvent)
    before = list(log_of(play).entries)
    for _ in range(4):
        app.step(0.05, [Action(Act.ROLLBACK)])
    for _ in range(4):
        app.step(0.05, [Action(Act.ROLLFORWARD)])
    assert log_of(play).entries == before


# --- the shipped story ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def shipped(shipped_library):
    return shipped_library


def test_shipped_story_in_the_presenter_view(shipped, tmp_path, shots):
    app = App(shipped, Profile(tmp_path / "profile", shipped.story_id), window=False, classroom=True)
    hub = ClassroomHub(app)
    app.push(hub)
    hub.open_story()
    notes = app.top
    assert len(notes.noted) >= 5
    topics = " ".join(t for n in notes.noted for t in n.topics)
    for needle in ("death of a child", "sexual crime", "police", "death penalty"):
        assert needle in topics
    shot(app, shots, "shipped_content_notes")
    app.step(0.1, [Action("digit", number=2)])   # summaries for every noted scene
    app.step(0.1, [Action("next")])
    play = app.top
    play.next_event()
    canvas = shot(app, shots, "shipped_presenter_line")
    assert distinct_colours(canvas, pygame.Rect(100, 560, 800, 60)) > 8
    advance_to(play, ev.ChoiceEvent)
    shot(app, shots, "shipped_choice")
    app.step(0.1, [Action("vote")])
    for n in (1, 1, 2):
        app.step(0.05, [Action("digit", number=n)])
    shot(app, shots, "shipped_vote")
    app.step(0.1, [Action("confirm")])
    assert log_of(play).of("choice")[-1].detail["how"] == "vote"
    advance_to(play, ev.PromptEvent)
    canvas = shot(app, shots, "shipped_prompt")
    assert count_colour(canvas, pygame.Rect(30, 60, 1220, 600), GREEN) > 300
    seen = []
    import random
    rng = random.Random(7)
    for _ in range(5000):                          # to the end, the teacher choosing at random
        seen.append(play.event)
        if isinstance(play.event, ev.EndEvent):
            break
        if isinstance(play.event, ev.ChoiceEvent):
            play.choose(rng.choice(play.event.options)[0])
        else:
            play.next_event()
    assert isinstance(seen[-1], ev.EndEvent)
    assert not any(isinstance(e, ev.ContentNoteEvent) for e in seen)
    decisions = {e.scene: e.detail["decision"] for e in log_of(play).of("content_note")}
    assert decisions and set(decisions.values()) == {"summary"}
