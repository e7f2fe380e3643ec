"""Issue 17, memory: while the window is the canvas's size, frames are drawn on the window's own surface (no
second full-screen surface, no copy into the window at every frame); any other size gets a canvas of its own,
letterboxed into the window as before. The same pixels either way."""
from __future__ import annotations

import pygame
import pytest
from conftest import play_screen_to

from game.profile import Profile
from game.runtime import events as ev
from game.screens.app import App
from game.screens.play import PlayScreen
from game.screens.theme import HEIGHT, WIDTH


@pytest.fixture
def app(library, tmp_path):
    app = App(library, Profile(tmp_path / "data", library.story_id), window=True)
    yield app
    app._canvas_free()
    pygame.display.set_mode((WIDTH, HEIGHT))  # the next test's window as App makes it


def _drawn_on_both(app) -> tuple[bytes, bytes]:
    """This moment drawn on the window (the app's canvas) and on a surface of its own."""
    assert app.canvas is app.window
    app.draw()
    on_window = pygame.image.tobytes(app.canvas, "RGB")
    app.canvas = pygame.Surface((WIDTH, HEIGHT))
    app.draw()
    on_its_own = pygame.image.tobytes(app.canvas, "RGB")
    app.canvas = app._pick_canvas()
    return on_window, on_its_own


def test_frames_drawn_on_the_window_look_as_on_a_canvas_of_their_own(app):
    play = PlayScreen(app)
    app.push(play)
    for _ in range(3):
        app.step(1 / 60)
        app.present()
    assert app.canvas is app.window and app._own_canvas is None
    shown = [_drawn_on_both(app)]
    play_screen_to(play, ev.ChoiceEvent)
    for _ in range(3):
        app.step(1 / 60)
    shown.append(_drawn_on_both(app))
    app.nav.open("menu", play=play)
    app.step(1 / 60)
    shown.append(_drawn_on_both(app))
    for on_window, on_its_own in shown:
        assert on_window == on_its_own


def test_a_window_of_another_size_gets_a_canvas_of_its_own_letterboxed_into_it(app):
    play = PlayScreen(app)
    app.push(play)
    app.window = pygame.display.set_mode((1600, 1000))  # as a resized window is
    app.step(1 / 60)
    app.present()
    assert app.canvas is not app.window and app.canvas.get_size() == (WIDTH, HEIGHT)
    view = app._viewport()
    assert view.size == (1600, 900)
    assert app.window.get_at((800, 20)) == (0, 0, 0, 255)  # the bars
    scaled = pygame.transform.smoothscale(app.canvas, view.size)
    assert app.window.get_at((800, 500)) == scaled.get_at((800, 500 - view.y))
    app.window = pygame.display.set_mode((WIDTH, HEIGHT))  # back to the canvas's size
    app.step(1 / 60)
    assert app.canvas is app.window and app._own_canvas is None


def test_full_screen_and_back(app):
    app.push(PlayScreen(app))
    app.step(1 / 60)
    app.toggle_fullscreen()
    if app.window.get_size() != (WIDTH, HEIGHT):
        assert app.canvas is not app.window and app.canvas.get_size() == (WIDTH, HEIGHT)
    app.step(1 / 60)
    app.present()
    app.toggle_fullscreen()  # (the dummy driver keeps the desktop's size: then still a canvas of its own)
    app.step(1 / 60)
    assert (app.canvas is app.window) == (app.window.get_size() == (WIDTH, HEIGHT))
