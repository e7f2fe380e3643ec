"""The save and load grids use the height they have at every text size (whole rows, the rows in view filling the
grid when it scrolls, nothing over the footer), and a toast neither moves nor covers a card."""
from __future__ import annotations

import pytest
import test_player_features

from game import words
from game.screens.input import Action
from game.screens.saveload import SaveLoadScreen

app = test_player_features.app  # the fixture story's app with the title screen on top
press = test_player_features.press
SIZES = [(1.0, False), (1.25, False), (1.5, True), (1.75, False), (2.0, True)]


def saved_and_open(app, mode: str, scale: float, contrast: bool, language: str) -> SaveLoadScreen:
    """Slot 1 saved, then the save screen (over the game) or the load screen (from the title) at this text size."""
    app.settings.font_scale, app.settings.high_contrast = scale, contrast
    app.apply_settings()
    words.set_language(language)
    app.top.start()
    play = app.top
    press(app, "confirm", "confirm")
    app.profile.saves.save("1", play.rt)
    app.profile.saves.flush()
    if mode == "load":
        app.pop()
    app.push(SaveLoadScreen(app, mode, play if mode == "save" else None))
    app.step(0.05)
    return app.top


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("mode", ["save", "load"])
@pytest.mark.parametrize("scale,contrast", SIZES)
def test_the_grid_fills_its_height_with_whole_rows(app, mode, scale, contrast, language):
    screen = saved_and_open(app, mode, scale, contrast, language)
    lay = screen.layout()
    grid, shown = lay["grid"], [rect for rect in screen.rects if rect.height]
    assert all(grid.contains(rect) for rect in shown), "a card cut at the grid's edge"
    assert not any(rect.colliderect(lay["footer"]) for rect in shown)
    if "grid/bar" in lay:
        assert max(rect.bottom for rect in shown) == grid.bottom, "the rows in view leave the grid's foot empty"
    else:
        assert len(shown) == len(screen.infos)
    rows = sorted({(rect.top, rect.height) for rect in shown})
    assert all(top + height < next_top for (top, height), (next_top, _) in zip(rows, rows[1:]))


@pytest.mark.parametrize("scale,contrast", [(1.0, False), (2.0, True)])
def test_a_toast_moves_no_card_and_covers_none(app, scale, contrast):
    screen = saved_and_open(app, "save", scale, contrast, "en")
    before = list(screen.rects)
    app.notify(words.t("play.saved_slot", slot="1"))
    app.step(0.05)
    assert screen.rects == before, "the grid moved for a toast"
    [(_, box)] = app.toasts.layout(app.fonts, app.theme, screen.header_bottom(), screen.toast_place())
    lay = screen.layout()
    assert not [name for name, rect in lay.boxes.items() if name.startswith(("header", "grid/")) and
                rect.colliderect(box)]
    assert app.canvas.get_rect().contains(box)


def test_a_click_picks_the_card_as_drawn(app):
    """Rows stretched to fill the grid are hit-tested where they are drawn: the foot of a stretched card is that
    card, not the one below it in the grid's own (unstretched) rows."""
    screen = saved_and_open(app, "load", 2.0, False, "en")
    second_row = next(i for i, rect in enumerate(screen.rects) if rect.height and rect.top > screen.rects[0].bottom)
    foot = screen.rects[0].midbottom[0], screen.rects[0].bottom - 3
    app.step(0.05, [Action("point", pos=foot)])
    assert screen.index == 0
    app.step(0.05, [Action("point", pos=screen.rects[second_row].center)])
    assert screen.index == second_row


def test_a_question_in_the_footer_takes_the_toasts_away(app):
    """Toasts go in the footer (toast_place); "press Enter again to overwrite" is asked there, so it is not hidden
    under the "Saved (slot 1)." still showing from the save before."""
    screen = saved_and_open(app, "save", 1.0, False, "en")
    app.notify(words.t("play.saved_slot", slot="1"))
    app.step(0.05)
    assert screen.toast_place() == screen.layout()["footer"] and len(app.toasts)
    press(app, "digit", number=1)  # slot 1 holds a save: asked first
    assert screen.confirm_slot == "1" and not len(app.toasts)
