"""The pause menu (Esc) at every text size and theme: the heading above the buttons, every button
shown whole and on screen or reachable by scrolling (the type never shrinks), buttons opaque enough
that the line behind does not show through, and quitting asks first."""
from __future__ import annotations

import pytest

from game.screens.capture import play_app
from game.screens.menu import MARGIN, GameMenu
from game.ui.dialog import ConfirmDialog
from game.ui.input import Action
from game.ui.theme import HEIGHT


def paused(library, scale: float = 1.0, contrast: bool = False):
    app = play_app(library, "first", 3)
    app.settings.font_scale, app.settings.high_contrast = scale, contrast
    app.apply_settings()
    menu = GameMenu(app, app.top)
    app.push(menu)
    app.step(0.1)
    return app, menu


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("contrast", [False, True])
def test_every_button_and_the_heading_fit(library, scale, contrast):
    app, menu = paused(library, scale, contrast)
    lay = menu.layout()
    assert lay.problems(hint=app.theme.hint_size) == []
    rects = menu.menu.rects
    assert menu.heading.top >= MARGIN and menu.heading.bottom <= rects[0].top
    assert rects[-1].bottom <= HEIGHT - MARGIN
    assert all(a.bottom < b.top for a, b in zip(rects, rects[1:]))  # no button over the next
    assert menu.menu.size == app.theme.body_size                     # the type did not shrink
    if scale == 1.0:
        assert len(rects) == 7
    seen = set()
    for _ in range(7):                                               # every button comes into view
        seen.add(menu.menu.index)
        assert menu.menu.index in menu.menu.list_layout(app.fonts).rows
        app.step(0.05, [Action("down")])
    assert seen == set(range(7))
    # The line of dialogue behind a button does not show through it: its pixels are the panel's, nearly flat.
    inner = rects[1].inflate(-40, -rects[1].height + 6)
    colours = {app.canvas.get_at((x, inner.centery))[:3] for x in range(inner.left, inner.left + 30)}
    assert len(colours) <= 3


def test_quitting_asks_first_and_no_keeps_playing(library):
    app, menu = paused(library)
    app.step(0.05, [Action("end"), Action("confirm")])
    assert isinstance(app.top, ConfirmDialog) and app.running
    app.step(0.05, [Action("cancel")])
    assert app.top is menu and app.running
    app.step(0.05, [Action("confirm")])           # the dialog again; "No" is selected first
    app.step(0.05, [Action("down"), Action("confirm")])
    assert not app.running


def test_settings_from_the_menu_come_back_to_the_menu(library):
    app, menu = paused(library)
    app.step(0.05, [Action("digit", number=5)])    # Settings
    assert type(app.top).__name__ == "SettingsScreen"
    app.step(0.05, [Action("cancel")])
    assert app.top is menu
