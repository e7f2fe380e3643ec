"""A long session keeps bounded caches: what grows with every new line of a fast-clicking soak is dropped,
least recently used first, before it grows without bound; and what a new game leaves behind is freed at once
(issue 17's soak: RSS growth over 100,000 frames)."""
from __future__ import annotations

import gc
import weakref

import pygame

from game.library import load_library
from game.profile import Profile
from game.runtime import events as ev
from game.screens.app import App
from game.screens.play import PlayScreen
from game.ui import fonts as fonts_module
from game.ui.fonts import FontBook
from game.ui.input import Action


def _book() -> FontBook:
    pygame.font.init()
    return FontBook()


def test_measured_widths_are_kept_least_recently_used_first_within_a_bound():
    fonts = _book()
    label = fonts.width("a label measured every frame", 20)
    for n in range(fonts_module.MOST_WIDTHS + 500):
        fonts.width(f"word {n}", 20)
        assert fonts.width("a label measured every frame", 20) == label
    assert len(fonts._widths) == fonts_module.MOST_WIDTHS
    assert ("a label measured every frame", 20, False, False) in fonts._widths  # kept while used
    assert ("word 0", 20, False, False) not in fonts._widths  # the least recently used went first
    assert fonts.width("word 0", 20) == fonts.width("word 1", 20)  # measured again when asked again


def test_wrapped_plain_text_is_kept_least_recently_used_first_within_a_bound():
    fonts = _book()
    lines = fonts.wrap("a hint wrapped every frame on a narrow card", 20, 120)
    for n in range(fonts_module.MOST_WRAPS + 200):
        fonts.wrap(f"line number {n} of a long session", 20, 120)
        assert fonts.wrap("a hint wrapped every frame on a narrow card", 20, 120) == lines
    assert len(fonts._wraps) == fonts_module.MOST_WRAPS
    assert ("a hint wrapped every frame on a narrow card", 20, 120, False) in fonts._wraps
    assert ("line number 0 of a long session", 20, 120, False) not in fonts._wraps


def _at_a_drawn_choice(story_root, tmp_path):
    """An app without a window playing the fixture story, clicked through with Enter (as the soak does) to its
    first choice, drawn with its menu; returns (app, a weak reference to the play screen)."""
    app = App(load_library(story_root), Profile(tmp_path / "data"), window=False)
    app.push(PlayScreen(app))
    for _ in range(2000):
        app.step(1 / 60, [Action("confirm")])
        if isinstance(app.top.event, ev.ChoiceEvent):
            break
    app.step(1 / 60)
    assert isinstance(app.top.event, ev.ChoiceEvent) and app.top.menu is not None
    return app, weakref.ref(app.top)


def test_a_play_screen_left_behind_is_freed_at_once_by_reference_counting(story_root, tmp_path):
    """A new game replaces the play screen: the old one, with its runtime, history, menus and kept frames, is freed
    then, not at the cycle collector's next full pass (issue 17's soak: a choice's menu held the screen through its
    options' callbacks, so each finished playthrough's ~3 MB stayed until a full collection, every ~10,000 frames,
    and the soak's RSS swung by up to 40 MB)."""
    app, screen = _at_a_drawn_choice(story_root, tmp_path)
    gc.collect()
    gc.disable()
    try:
        app.replace(PlayScreen(app))
        app.step(1 / 60)
        app.writer.flush()
        assert screen() is None
    finally:
        gc.enable()
    app.writer.flush()
