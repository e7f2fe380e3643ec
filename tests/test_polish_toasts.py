"""Toasts go where the screen says they hide nothing: the settings screen's and the gallery's footers, the free
band around a content note, a choice or a card; at every text size, in both languages."""
from __future__ import annotations

import pytest
import test_player_features

from game import words
from game.screens.settings_screen import SettingsScreen

app = test_player_features.app  # the fixture story's app with the title screen on top


def shipped_app(library, tmp_path, scale: float, contrast: bool, language: str):
    """An app of the shipped story at this text size, contrast and language."""
    from game.profile import Profile
    from game.screens.app import App
    profile = Profile(tmp_path / "data", library.story_id)
    profile.settings.font_scale, profile.settings.high_contrast = scale, contrast
    app = App(library, profile, window=False)
    app.apply_settings()
    words.set_language(language)
    return app


def toast_box(app, screen, text: str = ""):
    """The box of the one toast `text` (a save's, by default) said over `screen`, placed as the app draws it."""
    app.notify(text or words.t("play.saved_slot", slot="1"))
    app.step(0.05)
    [(_, box)] = app.toasts.layout(app.fonts, app.theme, screen.header_bottom(), screen.toast_place())
    return box


def playing_at(library, tmp_path, scale: float, contrast: bool, language: str, kind):
    """The shipped story's play screen at its first event of `kind`, drawn."""
    from conftest import play_screen_to
    app = shipped_app(library, tmp_path, scale, contrast, language)
    play = app.nav.open("play")
    play_screen_to(play, kind)
    app.step(0.05)
    return app, play


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("scale,contrast", [(1.0, False), (1.5, True), (2.0, False), (2.0, True)])
def test_a_toast_on_the_settings_screen_covers_no_row(app, scale, contrast, language):
    app.settings.font_scale, app.settings.high_contrast = scale, contrast
    app.apply_settings()
    words.set_language(language)
    screen = SettingsScreen(app)
    app.push(screen)
    box = toast_box(app, screen, words.t("settings.row_off", label=words.t("settings.self_voicing"),
                                         reason="pyttsx3 is not installed"))
    assert screen.toasts_showing()
    lay = screen.layout()
    covered = [name for name, rect in lay.boxes.items() if name != "footer" and rect.colliderect(box)]
    assert covered == [] and app.canvas.get_rect().contains(box)


@pytest.mark.parametrize("kind", ["content note", "choice"])
@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("scale,contrast", [(1.0, False), (1.5, True), (2.0, True)])
def test_a_toast_over_a_content_note_or_a_choice_hides_none_of_its_words(shipped_library, tmp_path, scale, contrast,
                                                                          language, kind):
    """A toast (an autosave's, a reload's) while a content note or a choice asks goes in the tallest free band: at
    100% clear of its box and its options; when no band is a toast tall (a content note at 200%), at most over
    their edges, not their words (at 200% a toast at the top hid a choice's question)."""
    from game.runtime import events as ev
    app, play = playing_at(shipped_library, tmp_path, scale, contrast, language,
                           ev.ContentNoteEvent if kind == "content note" else ev.ChoiceEvent)
    box = toast_box(app, play)
    asks = play._note_box(play.event)[1] if kind == "content note" else play._choice_box(play.event)[0]
    options = play.menu.area
    if scale == 1.0 or kind == "choice":
        assert not box.colliderect(asks) and not box.colliderect(options)
    assert not box.colliderect(asks.inflate(0, -2 * 30)) and not box.colliderect(options.inflate(0, -2 * 12))


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("scale,contrast", [(1.0, False), (2.0, True)])
def test_a_toast_on_the_gallery_covers_no_tile(shipped_library, tmp_path, scale, contrast, language):
    """The gallery's toasts go in its footer: below the heading one sat on the first row of pictures."""
    app = shipped_app(shipped_library, tmp_path, scale, contrast, language)
    app.nav.open("title")
    screen = app.nav.open("gallery")
    box = toast_box(app, screen)
    lay = screen.layout()
    covered = [name for name, rect in lay.boxes.items() if name != "footer" and rect.colliderect(box)]
    assert covered == [] and screen.toasts_showing()


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("scale,contrast", [(1.0, False), (2.0, True)])
def test_a_toast_over_a_card_stays_off_it(shipped_library, tmp_path, scale, contrast, language):
    """A card on its own (here the first 'noted for later' card) keeps its toasts in the taller band above or
    below it: at 200% one sat on the card's top edge."""
    from game.runtime import events as ev
    app, play = playing_at(shipped_library, tmp_path, scale, contrast, language, ev.EvidenceEvent)
    box = toast_box(app, play)
    assert not box.colliderect(play._card_rects[play.event])
