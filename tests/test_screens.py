"""Headless screens: each render is checked for real content, and saved as PNG to look at."""
from __future__ import annotations

import pygame
import pytest

from game.content.loader import load_story
from game.runtime import events as ev
from game.screens.app import App
from game.screens.capture import play_app
from game.screens.fonts import FontBook
from game.screens.input import Action
from game.screens.play import PlayScreen
from game.screens.title import TitleScreen


@pytest.fixture
def story(story_root):
    return load_story(story_root)


@pytest.fixture
def assets(story_root):
    return story_root.parent / "assets"


def distinct_colours(surface: pygame.Surface, rect: pygame.Rect) -> int:
    """How many different colours a region holds: 1 means blank."""
    region = surface.subsurface(rect)
    return len({region.get_at((x, y))[:3] for x in range(0, rect.w, 3) for y in range(0, rect.h, 3)})


def test_title_screen_shows_title_and_menu(library, assets, tmp_path):
    app = App(library, window=False)
    app.push(TitleScreen(app))
    canvas = app.step(0.1)
    app.screenshot(tmp_path / "title.png")
    assert distinct_colours(canvas, pygame.Rect(100, 100, 500, 120)) > 10  # the title text
    # no quiz and no cards in the fixture: no Classroom entry
    assert [item.label for item in app.top.menu.items] == ["Start the story", "Settings", "Quit"]
    for rect in app.top.menu.rects:
        assert distinct_colours(canvas, rect.inflate(-20, -10)) > 5


def test_line_fills_the_text_box_and_names_the_speaker(library, assets, tmp_path):
    app = play_app(library, "first", 3)
    event = app.top.event
    assert isinstance(event, ev.LineEvent) and event.name == "Hero"
    app.screenshot(tmp_path / "line.png")
    box = pygame.Rect(100, 560, 600, 60)
    assert distinct_colours(app.canvas, box) > 8
    blank = play_app(library, "first", 3)
    blank.top.typed = 0  # nothing typed yet: the same region must then be plain
    blank.draw()
    assert distinct_colours(blank.canvas, box) < distinct_colours(app.canvas, box)


def test_choice_shows_one_button_per_available_option(library, assets, tmp_path):
    app = play_app(library, "first", 4)
    play = app.top
    assert isinstance(play.event, ev.ChoiceEvent)
    app.screenshot(tmp_path / "choice.png")
    assert len(play.menu.rects) == len(play.event.options) == 2
    for rect in play.menu.rects:
        assert distinct_colours(app.canvas, rect.inflate(-20, -10)) > 5


def test_choosing_by_number_key_and_by_click(library, assets):
    app = play_app(library, "first", 4)
    app.step(0.1, [Action("digit", number=2)])
    assert app.top.rt.state.vars == {"cautious": True}
    app = play_app(library, "first", 4)
    first = app.top.menu.rects[0]
    app.step(0.1, [Action("click", first.center)])
    assert app.top.rt.state.evidence == ["key"]


def test_click_completes_typing_then_advances(library, assets):
    app = App(library, window=False)
    play = PlayScreen(app, start_scene="first")
    app.push(play)
    app.step(0.01, [Action("confirm")])  # past the scene card
    assert isinstance(play.event, ev.LineEvent) and not play.line_done()
    app.step(0.01, [Action("confirm")])
    assert play.line_done() and play.event.text == "It begins."
    app.step(0.01, [Action("confirm")])
    assert play.event.text == "Hello."


def test_escape_opens_the_menu_over_the_game(library, assets, tmp_path):
    app = play_app(library, "first", 2)
    app.step(0.1, [Action("cancel")])
    assert type(app.top).__name__ == "GameMenu" and len(app.stack) == 2
    app.screenshot(tmp_path / "menu.png")
    app.step(0.1, [Action("cancel")])
    assert isinstance(app.top, PlayScreen)


def test_korean_text_renders_as_glyphs_not_boxes():
    pygame.font.init()
    book = FontBook()
    box = book.render("\uffff", 40, (255, 255, 255))  # a code point no font has: drawn as a box
    hangul = book.render("7번방의 선물", 40, (255, 255, 255))
    assert all(ord(c) in book.primary_cover for c in "번방의선물")
    assert hangul.get_width() > 4 * box.get_width()
    assert pygame.image.tobytes(book.render("번", 40, (255, 255, 255)), "RGBA") != \
        pygame.image.tobytes(book.render("방", 40, (255, 255, 255)), "RGBA")


def test_latin_letters_missing_from_nanum_use_the_fallback():
    pygame.font.init()
    book = FontBook()
    assert ord("ğ") not in book.primary_cover and ord("ğ") in book.fallback_cover
    assert [fb for _, fb in book._runs("Koğuş")] == [False, True, False, True]


def test_window_scaling_maps_clicks_to_the_canvas(library, assets):
    app = App(library, window=True)
    app.window = pygame.display.set_mode((640, 480))
    assert app.to_logical((320, 240)) == (640, 360)
    assert app.to_logical((0, 60)) == (0, 0)

