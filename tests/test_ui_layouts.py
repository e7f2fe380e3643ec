"""Layout assertions on layout objects, for every player screen the kit rebuilt × text size 100/150/200% ×
the three themes: everything on screen, nothing overlapping its siblings, no text below the theme's hint
size; and in every list the last row can be reached and is shown whole."""
from __future__ import annotations

import pytest

from game import paths
from game.library import load_library
from game.profile import Profile
from game.screens.app import App
from game.screens.backlog import BacklogScreen
from game.screens.capture import play_app
from game.screens.gallery import GalleryScreen, IllustrationView
from game.screens.menu import GameMenu
from game.screens.saveload import SaveLoadScreen
from game.screens.settings_screen import SettingsScreen
from game.ui.dialog import ConfirmDialog
from game.ui.input import Action
from game.ui.layout import SCREEN

SCALES = (1.0, 1.5, 2.0)
THEMES = ("default", "high_contrast", "projector")


@pytest.fixture(scope="module")
def shipped():
    return load_library(paths.SCENES)


def make_app(library, tmp_path, scale: float, theme: str, play_events: int = 0):
    if play_events:
        app = play_app(library, "shop_window", play_events)
        app.classroom = theme == "projector"
    else:
        app = App(library, Profile(tmp_path / "data", library.story_id), window=False, classroom=theme == "projector")
    app.settings.font_scale, app.settings.high_contrast = scale, theme == "high_contrast"
    app.apply_settings()
    assert app.theme.name == theme
    return app


def open_screen(name: str, library, tmp_path, scale, theme):
    if name in ("menu", "save", "backlog", "confirm"):
        app = make_app(library, tmp_path, scale, theme, play_events=30 if name == "backlog" else 4)
        play = app.top
        if name == "save":
            play.save("1", from_canvas=True)
            app.writer.flush(30)
        screen = {"menu": lambda: GameMenu(app, play), "save": lambda: SaveLoadScreen(app, "save", play),
                  "backlog": lambda: BacklogScreen(app, play),
                  "confirm": lambda: ConfirmDialog(app, "Load the quicksave? What happened since it was made is lost.",
                                                   lambda: None, yes="Load")}[name]()
    else:
        app = make_app(library, tmp_path, scale, theme)
        for picture in list(app.story.illustrations)[:2]:
            app.profile.see_illustration(picture)
        for track in list(app.story.music)[:3]:
            app.profile.hear_track(track)
        gallery = GalleryScreen(app)
        screen = {"settings": lambda: SettingsScreen(app), "load": lambda: SaveLoadScreen(app, "load"),
                  "pictures": lambda: gallery, "music": lambda: GalleryScreen(app, page="music"),
                  "picture": lambda: IllustrationView(app, gallery, 0)}[name]()
    app.push(screen)
    app.step(0.05)
    return app, screen


SCREENS = ("menu", "settings", "save", "load", "backlog", "pictures", "music", "picture", "confirm")


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("name", SCREENS)
def test_every_screen_fits_at_every_size_and_theme(shipped, tmp_path, name, scale, theme):
    app, screen = open_screen(name, shipped, tmp_path, scale, theme)
    lay = screen.layout()
    assert lay.boxes, "the screen reports its layout"
    assert lay.problems(SCREEN, hint=app.theme.hint_size) == []
    for end in ("end", "home"):                            # the first and the last row, each whole on screen
        app.step(0.05, [Action(end)])
        lay = screen.layout()
        assert lay.problems(SCREEN, hint=app.theme.hint_size) == []


@pytest.mark.parametrize("scale", SCALES)
def test_the_last_row_of_every_list_is_reachable_and_whole(shipped, tmp_path, scale):
    for name, count in (("settings", lambda s: len(s.rows)), ("music", lambda s: len(s.room.items)),
                        ("backlog", lambda s: len(s.entries)), ("menu", lambda s: len(s.menu.items))):
        app, screen = open_screen(name, shipped, tmp_path, scale, "default")
        for _ in range(count(screen) - 1):
            app.step(0.02, [Action("down")])
        lay = screen.layout()
        rows = [n for n in lay.boxes if "/row" in n]
        last = f"/row{count(screen) - 1}"
        assert any(n.endswith(last) for n in rows), f"{name}: the last row is not on screen at {scale}"
        assert lay.problems(SCREEN, hint=app.theme.hint_size) == []


def test_toasts_stay_below_the_heading(shipped, tmp_path):
    app, screen = open_screen("settings", shipped, tmp_path, 2.0, "default")
    app.notify("Could not save: the disk is full.")
    app.step(0.05)
    header = screen.layout()["header"]
    for _, rect, _ in app.toasts.layout(app.fonts, app.theme, screen.header_bottom()):
        assert rect.top >= header.bottom
    app.pop()
    app.step(0.05)
    assert len(app.toasts) == 0                              # they do not follow into the next screen
