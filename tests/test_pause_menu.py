"""The pause menu (Esc) at every text size: the heading above the first button, every button on screen,
and buttons opaque enough that the line behind them does not show through."""
from __future__ import annotations

import pytest

from game import paths
from game.content.loader import load_story
from game.screens.capture import play_app
from game.screens.menu import MARGIN, GameMenu
from game.screens.theme import HEIGHT


@pytest.fixture(scope="module")
def story():
    return load_story(paths.SCENES)


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("contrast", [False, True])
def test_every_button_and_the_heading_fit(story, scale, contrast, tmp_path):
    app = play_app(story, "shop_window", 4)
    app.settings.font_scale, app.settings.high_contrast = scale, contrast
    app.apply_settings()
    menu = GameMenu(app, app.top)
    app.push(menu)
    app.step(0.1)
    rects = menu.menu.rects
    assert len(rects) == 7 and rects[0].top >= MARGIN and rects[-1].bottom <= HEIGHT
    assert menu.heading.top >= MARGIN and menu.heading.height > 0 and menu.heading.bottom <= rects[0].top
    assert all(a.bottom < b.top for a, b in zip(rects, rects[1:]))  # no button over the next
    # The line of dialogue behind a button does not show through it: its pixels are the panel's, nearly flat.
    inner = rects[3].inflate(-40, -rects[3].height + 6)
    colours = {app.canvas.get_at((x, inner.centery))[:3] for x in range(inner.left, inner.left + 30)}
    assert len(colours) <= 3
