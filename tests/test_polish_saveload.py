"""The save and load grids use the height they have at every text size (whole rows, the rows in view filling the
grid when it scrolls, nothing over the footer), and a toast neither moves nor covers a card."""
from __future__ import annotations

import pytest
import test_player_features

from game import words
from game.screens.input import Action
from game.screens.saveload import THUMB, SaveLoadScreen

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
    [(_, box, _)] = app.toasts.layout(app.fonts, app.theme, screen.header_bottom(), screen.toast_place())
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


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("scale,contrast", SIZES)
def test_a_card_stretched_tall_shows_a_larger_picture_over_its_text(app, scale, contrast, language):
    """A card the grid stretched (the rows in view fill its height) puts a larger picture on top and the text
    under it, every card's picture the same size, nothing over the bottom line; cards not stretched keep the
    picture beside the text (100% text)."""
    screen = saved_and_open(app, "load", scale, contrast, language)
    parts = [p for i in range(len(screen.infos)) if (p := screen.card_parts(i)) is not None]
    pictures = {picture.size for _, picture, _, _ in parts}
    assert len(pictures) == 1
    stretched = "grid/bar" in screen.layout()
    for card, picture, column, bottom_top in parts:
        assert card.contains(picture) and column.width > 0
        if stretched and picture.width > THUMB[0]:
            assert column.top >= picture.bottom and column.left == picture.left
            info = screen.infos[screen.rects.index(card)]
            assert column.top + screen._column_height(info, column.width) <= bottom_top
        else:
            assert picture.size == THUMB and column.left >= picture.right


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("at", ["title card", "line"])
@pytest.mark.parametrize("contrast", [False, True])
def test_no_card_of_the_shipped_story_keeps_a_pictures_height_empty(shipped_library, tmp_path, language, at,
                                                                    contrast):
    """At 200% text the rows in view fill the grid; a card stretched so tall that a small picture and its text
    would leave a picture's height empty above the bottom line shows a larger picture over its text instead."""
    from conftest import play_screen_to

    from game.profile import Profile
    from game.runtime import events as ev
    from game.screens.app import App
    profile = Profile(tmp_path / "data", shipped_library.story_id)
    profile.settings.font_scale, profile.settings.high_contrast = 2.0, contrast
    app = App(shipped_library, profile, window=False)
    app.apply_settings()
    play = app.nav.open("play")
    if at == "line":  # (a new game opens on its first scene's title card)
        play_screen_to(play, ev.LineEvent)
    for slot in "123":  # (two rows of filled cards do not fit at 200%: one row fills the grid)
        play.save(slot)
    app.writer.flush(30)
    app.set_language(language)
    screen = SaveLoadScreen(app, "save", play)
    app.push(screen)
    app.step(0.05)
    for i in range(len(screen.infos)):
        if (parts := screen.card_parts(i)) is not None:
            card, picture, column, bottom_top = parts
            text_end = column.top + screen._column_height(screen.infos[i], column.width)
            assert bottom_top - max(picture.bottom, text_end) < THUMB[1], (i, card, picture, column)
