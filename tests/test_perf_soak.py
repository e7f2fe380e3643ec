"""A long session keeps bounded caches: what grows with every new line of a fast-clicking soak is dropped,
least recently used first, before it grows without bound (issue 17's soak: RSS growth over 100,000 frames)."""
from __future__ import annotations

import pygame

from game.ui import fonts as fonts_module
from game.ui.fonts import FontBook


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
