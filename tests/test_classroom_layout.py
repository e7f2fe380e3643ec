"""Layout assertions for the classroom screens, on the shipped story, at 100%, 150% and 200% text in
every theme: everything on screen, no two boxes overlapping, no text below the theme's hint size
(`Layout.problems`), any number of entries reachable, and the presenter's header clear of a choice."""
from __future__ import annotations

import pytest
from conftest import play_screen_to

from game.classroom.quiz import QuizGame
from game.classroom.session import SessionLog
from game.profile import Profile
from game.runtime import events as ev
from game.screens.app import App
from game.screens.classroom_hub import ClassroomHub
from game.screens.classroom_play import (
    ClassroomChapterList,
    ClassroomNotesScreen,
    ClassroomPauseMenu,
    ClassroomVoteScreen,
    presenter_view,
)
from game.screens.classroom_quiz import QuizScreen, QuizSetupScreen, quiz_layout
from game.screens.classroom_reality import RealityScreen
from game.ui.fonts import FontBook
from game.ui.theme import DEFAULT, HIGH_CONTRAST, PROJECTOR, PROJECTOR_HIGH_CONTRAST

SCALES = (1.0, 1.5, 2.0)
THEMES = (DEFAULT, PROJECTOR, HIGH_CONTRAST, PROJECTOR_HIGH_CONTRAST)
CASES = [pytest.param((scale, theme), id=f"{round(scale * 100)}-{theme.name}") for scale in SCALES for theme in THEMES]


@pytest.fixture(scope="module")
def shipped(shipped_library):
    return shipped_library


@pytest.fixture(scope="module")
def base_app(shipped, tmp_path_factory):
    return App(shipped, Profile(tmp_path_factory.mktemp("profile"), shipped.story_id), window=False, classroom=True)


@pytest.fixture
def app(base_app, request):
    scale, theme = request.param
    base_app.fonts = FontBook(scale=scale)
    base_app.theme = theme
    base_app.stack.clear()
    return base_app


def clean(lay, theme) -> None:
    problems = lay.problems(hint=theme.hint_size)
    assert not problems, "\n".join(problems)


def on_a_choice(app):
    """A presenter view at the first choice of the shipped story."""
    play = presenter_view(app, SessionLog(clock=lambda: 0.0))
    app.push(play)
    play_screen_to(play, ev.ChoiceEvent)
    return play


@pytest.mark.parametrize("app", CASES, indirect=True)
def test_hub_with_seven_entries_fits_and_reaches_every_entry(app):
    hub = ClassroomHub(app)
    app.push(hub)
    hub.play = on_a_choice(app)       # a session under way: Resume and Start again join the entries
    app.stack[-1:] = []
    hub.on_enter()
    assert len(hub.labels) == 7
    lay = hub.layout()
    clean(lay, app.theme)
    assert lay["subtitle"].top >= lay["header"].bottom and lay["list"].top >= lay["subtitle"].bottom
    for i in range(7):
        hub.list.index = i
        lay = hub.layout()
        clean(lay, app.theme)
        assert f"list/row{i}" in lay                      # the selected entry is on screen, whole
    if len([n for n, _ in lay.children("list") if "/row" in n]) < 7:
        assert "list/bar" in lay                          # entries off screen: a scroll bar says so


@pytest.mark.parametrize("app", CASES, indirect=True)
def test_content_notes_scroll_and_never_clip_the_last_row(app):
    notes = ClassroomNotesScreen(app, SessionLog())
    app.push(notes)
    rows = len(notes.noted) + 1
    assert rows >= 6
    for i in range(rows):
        notes.list.index = i
        lay = notes.layout()
        clean(lay, app.theme)
        assert f"list/row{i}" in lay and lay[f"list/row{i}"].bottom <= lay["list"].bottom
        shown = [n for n, _ in lay.children("list") if "/row" in n]
        if len(shown) < rows:
            assert "list/bar" in lay


@pytest.mark.parametrize("app", CASES, indirect=True)
def test_presenter_header_stays_clear_of_a_choice(app):
    play = on_a_choice(app)
    overlay = play.overlay.layout()
    clean(overlay, app.theme)
    header = overlay["header"]
    canvas = app.step(0.0)
    edge = app.theme.panel_edge
    gaps = [x for x in range(200, 1080, 7)
            if not any(r.left - 4 <= x <= r.right + 4 for n, r in overlay.boxes.items() if n.startswith("header/"))]
    assert gaps

    def box_edge_at(y: int) -> bool:
        return any(all(abs(a - b) <= 40 for a, b in zip(canvas.get_at((x, y))[:3], edge)) for x in gaps)

    assert not any(box_edge_at(y) for y in range(header.top, header.bottom))      # nothing of the box up here
    assert any(box_edge_at(y) for y in range(header.bottom, header.bottom + 80))  # and the box just below


@pytest.mark.parametrize("app", CASES, indirect=True)
def test_every_shipped_question_fits_asked_and_revealed(app, shipped):
    game = QuizGame(shipped.quiz.questions, 6)
    screen = QuizScreen(app, game, SessionLog())
    app.push(screen)
    for index in range(len(game.questions)):
        game.index, game.phase, game.answers, game.team = index, "ask", {0: 0, 1: 1}, 2
        parts = quiz_layout(app.fonts, app.theme, game, shipped.story)
        assert parts.fits, game.question.id
        clean(screen.layout(), app.theme)
        assert len(parts.options) == len(game.question.choices)  # asking: every option on screen
        game.phase = "reveal"
        parts = quiz_layout(app.fonts, app.theme, game, shipped.story)
        assert parts.fits and parts.explanation is not None, game.question.id
        clean(screen.layout(), app.theme)
    game.phase = "done"
    clean(screen.layout(), app.theme)


@pytest.mark.parametrize("app", CASES, indirect=True)
def test_quiz_setup_vote_chapters_and_pause_fit(app, shipped):
    setup = QuizSetupScreen(app, shipped.quiz, SessionLog())
    for i in range(len(setup.sets)):
        setup.set_index = i
        clean(setup.layout(), app.theme)
    play = on_a_choice(app)
    clean(ClassroomVoteScreen(app, play.overlay, play.event).layout(), app.theme)
    chapters = ClassroomChapterList(app, play.overlay)
    for i in range(len(chapters.chapters)):
        chapters.list.index = i
        lay = chapters.layout()
        clean(lay, app.theme)
        assert f"list/row{i}" in lay
    clean(ClassroomPauseMenu(app, play.overlay).layout(), app.theme)


@pytest.mark.parametrize("app", CASES, indirect=True)
def test_prompts_fit_or_scroll(app):
    play = on_a_choice(app)
    play_screen_to(play, ev.PromptEvent)
    clean(play.overlay.layout(), app.theme)


@pytest.mark.parametrize("app", CASES, indirect=True)
def test_every_film_and_reality_page_fits_or_scrolls(app):
    screen = RealityScreen(app)
    app.push(screen)
    for i in range(len(screen.pages)):
        screen.index = i
        clean(screen.layout(), app.theme)
