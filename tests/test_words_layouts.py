"""The layout checks of tests/test_ui_layouts.py and tests/test_classroom_layout.py again, in Korean: the
player's screens switched to Korean once they are open (as Settings → Language does), the classroom's on
the Korean library, at 100% and 200% text: everything on screen, nothing overlapping, no text below the
hint size, every list's ends reachable and whole."""
from __future__ import annotations

import pytest
from test_classroom_layout import clean, on_a_choice
from test_classroom_layout import test_every_film_and_reality_page_fits_or_scrolls as reality_pages_fit
from test_classroom_layout import test_every_shipped_question_fits_asked_and_revealed as questions_fit
from test_classroom_layout import test_prompts_fit_or_scroll as prompts_fit
from test_classroom_layout import test_quiz_setup_vote_chapters_and_pause_fit as setup_vote_chapters_fit
from test_ui_layouts import SCREENS, open_screen

from game import words
from game.classroom.session import SessionLog
from game.profile import Profile
from game.screens.app import App
from game.screens.classroom_hub import ClassroomHub
from game.screens.classroom_play import ClassroomNotesScreen
from game.ui.fonts import FontBook
from game.ui.input import Action
from game.ui.layout import SCREEN
from game.ui.theme import DEFAULT, HIGH_CONTRAST, PROJECTOR, PROJECTOR_HIGH_CONTRAST

SIZES = [(1.0, "default"), (2.0, "default"), (2.0, "high_contrast"), (2.0, "projector")]


@pytest.mark.parametrize("scale,theme", SIZES)
@pytest.mark.parametrize("name", SCREENS)
def test_every_player_screen_fits_in_korean(shipped_library, tmp_path, name, scale, theme):
    app, screen = open_screen(name, shipped_library, tmp_path, scale, theme)
    app.set_language("ko")
    app.step(0.05)
    assert words.language() == "ko" and app.story is not shipped_library.story
    for keys in ([], [Action("end")], [Action("home")]):
        app.step(0.05, keys)
        lay = screen.layout()
        assert lay.problems(SCREEN, hint=app.theme.hint_size) == [], (name, keys)


@pytest.fixture(scope="module")
def korean(shipped_library):
    return shipped_library.in_language("ko")


@pytest.fixture(scope="module")
def base_app(korean, tmp_path_factory):
    return App(korean, Profile(tmp_path_factory.mktemp("profile"), korean.story_id), window=False, classroom=True,
               language="ko")


CASES = [pytest.param((scale, theme), id=f"{round(scale * 100)}-{theme.name}")
         for scale, theme in ((1.0, DEFAULT), (2.0, DEFAULT), (2.0, PROJECTOR), (2.0, HIGH_CONTRAST),
                              (2.0, PROJECTOR_HIGH_CONTRAST))]


@pytest.fixture
def app(base_app, request):
    scale, theme = request.param
    words.set_language("ko")  # the words are process-wide and every test starts in English (conftest)
    base_app.fonts = FontBook(scale=scale)
    base_app.theme = theme
    base_app.stack.clear()
    return base_app


@pytest.mark.parametrize("app", CASES, indirect=True)
def test_the_hub_and_the_content_notes_plan_fit_in_korean(app):
    hub = ClassroomHub(app, export_dir=None)
    app.push(hub)
    clean(hub.layout(), app.theme)
    assert all("\u3131" <= ch <= "\ud7a3" for ch in hub.labels[0] if ch.isalpha())  # the entries are Korean
    notes = ClassroomNotesScreen(app, SessionLog(clock=lambda: 0.0))
    for i in range(notes.list.count):
        notes.list.index = i
        clean(notes.layout(), app.theme)


@pytest.mark.parametrize("app", CASES, indirect=True)
def test_every_question_fits_in_korean(app, korean):
    questions_fit(app, korean)


@pytest.mark.parametrize("app", CASES, indirect=True)
def test_quiz_setup_vote_chapters_and_pause_fit_in_korean(app, korean):
    setup_vote_chapters_fit(app, korean)


@pytest.mark.parametrize("app", CASES, indirect=True)
def test_prompts_and_the_presenter_fit_in_korean(app):
    prompts_fit(app)
    app.stack.clear()
    play = on_a_choice(app)
    clean(play.overlay.layout(), app.theme)


@pytest.mark.parametrize("app", CASES, indirect=True)
def test_every_film_and_reality_page_fits_in_korean(app):
    reality_pages_fit(app)


def test_the_timeline_rewords_itself_on_a_language_change(shipped_library, tmp_path):
    from game.screens.timeline import TimelineScreen
    app = App(shipped_library, Profile(tmp_path / "data", shipped_library.story_id), window=False)
    event = shipped_library.timeline.events[3]
    screen = TimelineScreen(app, focus_event=event.id)
    app.push(screen)
    app.step(0.05)
    app.set_language("ko")
    app.step(0.05)
    assert screen.selected == event.id and screen.timeline.event(event.id).title != event.title
    assert screen.layout().problems(SCREEN, hint=app.theme.hint_size) == []
    app.set_language("en")
    assert screen.timeline.event(event.id).title == event.title


def test_the_gallery_rewords_itself_on_a_language_change(shipped_library, tmp_path):
    from game.screens.gallery import GalleryScreen
    app = App(shipped_library, Profile(tmp_path / "data", shipped_library.story_id), window=False)
    picture = next(iter(shipped_library.story.illustrations.values()))
    app.profile.see_illustration(picture.id)
    gallery = GalleryScreen(app)
    app.push(gallery)
    app.set_language("ko")
    assert gallery._caption(0) == app.story.illustrations[picture.id].title != picture.title
    assert gallery.room._title(1) == "아직 듣지 못함"
