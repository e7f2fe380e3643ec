"""Review fixes (save/load, settings, gallery, chapters), headless through the real screens."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import test_player_features

from game.library import load_library
from game.profile import Profile
from game.screens.app import App
from game.screens.play import PlayScreen
from game.screens.saveload import SaveLoadScreen
from game.screens.title import TitleScreen

app = test_player_features.app  # the fixture: the fixture story's app with the title screen on top
press = test_player_features.press


def a_saved_slot(app, slot: str = "1") -> None:
    """Play two lines, save in `slot`, and go back to the title."""
    app.top.start()
    play = app.top
    for _ in range(3):
        press(app, "confirm")
    app.profile.saves.save(slot, play.rt)
    app.profile.saves.flush()
    app.pop()
    assert isinstance(app.top, TitleScreen)


def open_load(app) -> SaveLoadScreen:
    app.nav.open("load", play=None)
    app.step(0.05)
    assert isinstance(app.top, SaveLoadScreen)
    return app.top


def test_a_good_save_from_the_title_loads_and_plays(app):
    a_saved_slot(app)
    open_load(app)
    press(app, "digit", number=1)
    assert isinstance(app.top, PlayScreen) and "Loaded." in [t for t, _ in app.toasts]


def test_a_damaged_save_from_the_title_stays_on_the_load_screen(app):
    saves = app.profile.saves
    saves.folder.mkdir(parents=True, exist_ok=True)
    saves.path("1").write_text("{broken")
    screen = open_load(app)
    press(app, "digit", number=1)
    assert app.top is screen, "a damaged save must not start a new game"
    assert not any(isinstance(s, PlayScreen) for s in app.stack)
    assert any("damaged" in t for t, _ in app.toasts)
    assert "damaged" in screen._lines(screen.infos[0])[0][0]
    press(app, "confirm")  # again: still here, still saying why
    assert app.top is screen and any("damaged" in t for t, _ in app.toasts)


def test_another_storys_save_is_refused_on_the_load_screen_and_kept(app):
    a_saved_slot(app)
    path = app.profile.saves.path("1")
    record = json.loads(path.read_text())
    record["story"] = "night_ferry"
    path.write_text(json.dumps(record))
    screen = open_load(app)
    press(app, "digit", number=1)
    assert app.top is screen and not any(isinstance(s, PlayScreen) for s in app.stack)
    assert path.exists(), "another story's save is left where it is"
    shown = screen._lines(screen.infos[0])
    assert len(shown) == 1 and "another story" in shown[0][0]
    assert any("another story" in t for t, _ in app.toasts)


@pytest.mark.parametrize("scale,contrast", [(1.0, False), (2.0, True)])
def test_the_saved_toast_covers_neither_the_header_nor_the_slot_just_saved(app, scale, contrast):
    app.settings.font_scale, app.settings.high_contrast = scale, contrast
    app.apply_settings()
    app.top.start()
    play = app.top
    press(app, "confirm")
    app.push(SaveLoadScreen(app, "save", play))
    press(app, "confirm")  # slot 1, empty: saved at once
    app.step(0.05)
    assert any(t.startswith("Saved") for t, _ in app.toasts)
    screen = app.top
    boxes = app.toasts.layout(app.fonts, app.theme, screen.header_bottom(), screen.toast_place())
    lay = screen.layout()
    for _, box, _ in boxes:
        assert box.top >= lay["header"].bottom
        assert not box.colliderect(screen.rects[0]), "the toast covers the slot just saved"


def test_settings_show_story_rows_only_for_a_story_that_has_them(tmp_path):
    from game.screens.settings_screen import SettingsScreen
    ferry = Path(__file__).parent.parent / "examples" / "night_ferry"
    app = App(load_library(ferry), Profile(tmp_path / "data"), window=False)
    shown = SettingsScreen(app).rows
    labels, helps = [row.label for row in shown], " ".join(row.help for row in shown)
    assert "Discussion prompts" not in labels and "Content notes" not in labels
    assert "Ambience volume" in labels
    assert "prison" not in helps and "courtroom" not in helps


def test_settings_keep_prompts_and_content_notes_for_cell7(shipped_library):
    from game.screens.settings_screen import rows
    labels = [row.label for row in rows("", shipped_library.story)]
    assert "Discussion prompts" in labels and "Content notes" in labels


def test_gallery_at_200_percent_shows_a_second_row_of_pictures(shipped_library, tmp_path):
    from game.screens.gallery import COLUMNS, GalleryScreen
    profile = Profile(tmp_path / "data", shipped_library.story_id)
    profile.settings.font_scale, profile.settings.high_contrast = 2.0, True
    app = App(shipped_library, profile, window=False)
    app.apply_settings()
    screen = GalleryScreen(app)
    assert len(screen.items) > COLUMNS
    shown = [r for r in screen.rects if r.height]
    assert len(shown) >= 2 * COLUMNS and len({r.top for r in shown}) == 2
    assert all(abs(r.width * 9 - r.height * 16) <= 16 for r in shown)  # still 16:9 pictures


def test_chapter_select_with_nothing_reached_says_so(shipped_library, tmp_path):
    from game.screens.chapters import ChapterScreen
    app = App(shipped_library, Profile(tmp_path / "data", shipped_library.story_id), window=False)
    app.nav.open("title")
    screen = app.nav.open("chapters")
    assert isinstance(screen, ChapterScreen) and "No chapter reached yet" in screen.note()
    app.step(0.05)
    note = screen._note_rect()
    assert note.height > 0 and screen.menu.area.top >= note.bottom
    accent = [(x, y) for x in range(note.left, note.left + 400) for y in range(note.top, note.bottom, 2)
              if app.canvas.get_at((x, y))[:3] == tuple(app.theme.accent[:3])]
    assert len(accent) > 50  # the line is drawn, in the accent colour
    app.profile.chapters.add(shipped_library.story.chapters[0].number)
    assert ChapterScreen(app).note() == ""


def test_a_damaged_slot_keeps_the_load_grid_at_three_rows(app):
    saves = app.profile.saves
    saves.folder.mkdir(parents=True, exist_ok=True)
    saves.path("1").write_text("{" + '"a": ' * 40 + "1")  # a long reason
    screen = open_load(app)
    assert screen.infos[0].damaged
    heights = {r.height for r in screen.rects}
    assert all(r.height for r in screen.rects) and len(heights) == 1, "nine slots, one row height"
    assert "damaged" in screen._hint()  # the whole reason is in the footer while the slot is selected
