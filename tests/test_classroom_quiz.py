"""The classroom quiz: teams answer in order, a number key never overwrites an answer, and the
projector shows nothing of the answers before the reveal (playtest: → wrapped to Team 1 and the
next number overwrote its answer; answers showed on the projector before the reveal)."""
from __future__ import annotations

from pathlib import Path

import pytest

from game import paths
from game.classroom.quiz import QuizGame
from game.classroom.session import SessionLog
from game.library import load_library
from game.profile import Profile
from game.screens.app import App
from game.screens.classroom_quiz import QuizScreen, quiz_hints, team_status
from game.ui.input import Act, Action

CLASSROOM_STORY = Path(__file__).parent / "fixtures" / "classroom_story"


@pytest.fixture(scope="module")
def library():
    return load_library(CLASSROOM_STORY, paths.ASSETS)


@pytest.fixture
def game(library):
    return QuizGame(library.quiz.questions, 3)


@pytest.fixture
def app(library, tmp_path):
    return App(library, Profile(tmp_path / "profile", library.story_id), window=False, classroom=True)


def test_after_a_team_answers_the_next_team_without_an_answer_is_selected(game):
    assert game.team == 0
    assert game.answer(1) and game.team == 1
    assert game.answer(0) and game.team == 2
    assert game.answer(2) and game.team is None          # everyone has answered: nobody is selected
    assert game.answers == {0: 1, 1: 0, 2: 2}


def test_a_number_key_never_overwrites_an_answer(game):
    game.answer(1)                                        # Team 1
    game.select_team(+1)                                  # → (what the footer suggests): Team 3, not back to 1
    assert game.team == 2
    game.select_team(+1)                                  # no wrapping round to Team 1
    assert game.team == 2
    game.select_team(-1)
    game.select_team(-1)                                  # ← skips Team 1, which has answered
    assert game.team == 1
    assert not game.answer(3, team=0)                     # an explicit team that has answered keeps its answer
    assert game.answers[0] == 1
    game.answer(0)
    game.answer(0)
    assert game.team is None
    assert not game.answer(2)                             # nobody selected: the key does nothing
    assert game.answers == {0: 1, 1: 0, 2: 0}


def test_undo_takes_back_the_last_answer_and_selects_that_team(game):
    game.answer(1)
    game.answer(0)
    assert game.undo() == 1 and game.team == 1 and 1 not in game.answers
    assert game.answer(2) and game.answers[1] == 2
    game.reveal()
    assert game.undo() is None                            # nothing is taken back after the reveal


def test_teams_start_again_in_order_on_the_next_question(game):
    game.answer(1)
    game.reveal()
    assert game.next() and game.team == 0 and game.answers == {} and game.waiting() == [0, 1, 2]


def test_status_says_only_whether_a_team_has_answered_until_the_reveal(game):
    q = game.question
    game.answer(q.correct)
    game.answer((q.correct + 1) % len(q.choices))
    assert [team_status(game, t) for t in range(3)] == ["answered", "answered", "waiting"]
    game.reveal()
    assert [team_status(game, t) for t in range(3)] == ["right", "wrong", "no_answer"]


def test_the_hints_name_the_selected_team_and_say_when_all_have_answered(game):
    assert "Team 1's answer" in quiz_hints(game)[0]
    for _ in range(3):
        game.answer(0)
    assert quiz_hints(game)[0].startswith("Every team has answered")


def quiz_screen(app, library, picks: list[int]) -> QuizScreen:
    screen = QuizScreen(app, QuizGame(library.quiz.questions, 3), log=SessionLog(clock=lambda: 0.0))
    app.push(screen)
    for pick in picks:
        app.step(0.05, [Action(Act.DIGIT, number=pick)])
    return screen


def frame(app, screen: QuizScreen) -> bytes:
    app.stack[-1:] = [screen]
    return app.step(0.0).get_view("2").raw


def test_the_projector_shows_the_same_picture_whatever_the_teams_picked(app, library):
    """Before the reveal the screen is the same pixel for pixel for any answers (only "answered" shows);
    after it, the picks show."""
    first = quiz_screen(app, library, [1, 2])
    second = quiz_screen(app, library, [3, 1])
    assert first.game.answers != second.game.answers
    assert frame(app, first) == frame(app, second)
    first.reveal()
    second.reveal()
    assert frame(app, first) != frame(app, second)


def test_the_screen_keys_follow_the_game_rules(app, library):
    screen = quiz_screen(app, library, [2])                 # Team 1 picks option 2
    game = screen.game
    app.step(0.05, [Action(Act.RIGHT)])                     # → : Team 3
    app.step(0.05, [Action(Act.RIGHT)])                     # → again: still Team 3 (no wrap to Team 1)
    app.step(0.05, [Action(Act.DIGIT, number=1)])
    assert game.answers == {0: 1, 2: 0} and game.team == 1
    app.step(0.05, [Action(Act.ROLLBACK)])                  # PgUp takes back Team 3's answer
    assert game.answers == {0: 1} and game.team == 2
    app.step(0.05, [Action(Act.DIGIT, number=3)])
    app.step(0.05, [Action(Act.DIGIT, number=2)])           # Team 2
    app.step(0.05, [Action(Act.DIGIT, number=1)])           # nobody left: ignored (the footer says so)
    assert game.answers == {0: 1, 2: 2, 1: 1}
    assert not app.toasts                                   # no toast over the question
    app.step(0.05, [Action(Act.CONFIRM)])
    assert game.phase == "reveal"
