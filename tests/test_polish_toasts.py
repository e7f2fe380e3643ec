"""Toasts go where the screen says they hide nothing: the settings screen's and the gallery's footers, the free
band around a content note, a choice or a card; at every text size, in both languages."""
from __future__ import annotations

import pygame
import pytest
import test_player_features

from game import words
from game.screens.settings_screen import SettingsScreen

app = test_player_features.app  # the fixture story's app with the title screen on top


def shipped_app(library, tmp_path, scale: float, contrast: bool, language: str, classroom: bool = False):
    """An app of the shipped story at this text size, contrast and language (`classroom`: the projector's type)."""
    from game.profile import Profile
    from game.screens.app import App
    profile = Profile(tmp_path / "data", library.story_id)
    profile.settings.font_scale, profile.settings.high_contrast = scale, contrast
    app = App(library, profile, window=False, language=language, classroom=classroom)  # the story and the menus
    app.apply_settings()
    return app


def toast_box(app, screen, text: str = ""):
    """The box of the one toast `text` (a save's, by default) said over `screen`, placed as the app draws it."""
    app.notify(text or words.t("play.saved_slot", slot="1"))
    app.step(0.05)
    [(_, box, _)] = app.toasts.layout(app.fonts, app.theme, screen.header_bottom(), screen.toast_place())
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
def test_a_toast_on_a_menu_or_the_classroom_hub_covers_no_button(shipped_library, tmp_path, scale, contrast,
                                                                  language):
    """A screen that says nothing of where toasts go has them around the boxes of its layout: at 200% one sat on
    the pause menu's first button ("Return to the story"), on the classroom hub's and on the first scene of the
    content notes before class, below their headings."""
    app = shipped_app(shipped_library, tmp_path, scale, contrast, language)
    app.nav.open("title")
    play = app.nav.open("play")
    menu = app.nav.open("menu", play=play)
    box = toast_box(app, menu)
    assert menu.menu.rects and not any(box.colliderect(button) for button in menu.menu.rects)
    assert not box.colliderect(menu.layout()["header"])
    hub_app = shipped_app(shipped_library, tmp_path / "classroom", scale, contrast, language, classroom=True)
    hub = hub_app.nav.open("classroom", export_dir=tmp_path / "export")
    box = toast_box(hub_app, hub)
    lay = hub.layout()
    rows = [rect for name, rect in lay.boxes.items() if name.startswith("list/row")]
    assert rows and not any(box.colliderect(row) for row in rows) and box.top >= lay["subtitle"].bottom
    hub.open_story()  # the content notes before class: a row's words are beside its pill (the row holds the pill)
    notes = hub_app.top
    box = toast_box(hub_app, notes)
    rows = [rect for name, rect in notes.layout().boxes.items() if name.startswith("list/row") and name.count("/") == 1]
    assert rows and not any(box.colliderect(row) for row in rows)


@pytest.mark.parametrize("scale,contrast", [(1.0, False), (2.0, True)])
def test_a_toast_that_cannot_clear_a_classroom_footer_covers_its_hints_whole(shipped_library, tmp_path, scale,
                                                                              contrast):
    """A long toast (the files an export wrote, and where) on the classroom hub and on the content notes before
    class: where it cannot stay clear of the footer, it covers the key hints' whole height, never cuts across
    their line (on the notes it ended halfway down them)."""
    app = shipped_app(shipped_library, tmp_path, scale, contrast, "en", classroom=True)
    hub = app.nav.open("classroom", export_dir=tmp_path / "export")
    long = words.t("hub.wrote", files="session.csv, quiz.csv, summary.md",
                   folder="/home/teacher/Documents/Cell 7 exports/2026-12-02 period 3")  # two lines at 100%
    hub.open_story()
    for screen in (hub, app.top):
        box, foot = toast_box(app, screen, long), screen.layout()["footer"]
        assert not box.colliderect(foot) or (box.top <= foot.top and box.bottom >= foot.bottom), (screen, box, foot)
        app.toasts.clear()


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


def moments_with_boxes(app, play):
    """(name, screen) at each kind of moment whose boxes toasts go around, drawn: a content note, a choice, a
    card noted for later, a "Film and sources" page's fact and differ cards, then the end screen, its own sources
    page's cards and its credits. The shipped story is played through, each choice taking its options in turn."""
    from game.runtime import events as ev
    picks: dict[str, int] = {}
    seen: set[str] = set()
    for _ in range(3000):
        e = play.event
        name = type(e).__name__
        if isinstance(e, ev.SourcesPage):
            name = f"page's {type(e.cards[play.card]).__name__}"
        if isinstance(e, ev.EndEvent):
            break
        if name not in seen and name != "LineEvent" and name != "SceneStart":
            seen.add(name)
            app.step(0.05)
            yield name, play
        if isinstance(e, ev.WAITS_FOR_CHOICE):
            key = getattr(e, "prompt", "") or getattr(e, "scene_title", "")
            picks[key] = picks.get(key, -1) + 1
            play.choose(e.options[picks[key] % len(e.options)][0])
        elif isinstance(e, ev.SourcesPage) and play.card < len(e.cards) - 1:
            play.card += 1
        else:
            play.next_event()
    for _ in range(5):
        app.step(0.2)
    end = app.top
    yield "end screen", end
    end.open_sources()
    for page, card in enumerate(end.event.sources.cards):
        end.page = page
        app.step(0.05)
        yield f"end's {type(card).__name__} {page}", end
    end.phase = "end"
    end.go_on()
    app.step(0.05)
    yield "credits", end


def stray_pixels(canvas, box, words) -> int:
    """Pixels inside `box` (its edge and rounded corners left out) but outside `words` that are not the box's own
    fill: any would be words or pictures the screen forgot to count as its words."""
    inside = box.inflate(-24, -24)
    fill = canvas.get_at((box.left + 10, box.centery))
    same = pygame.mask.from_threshold(canvas.subsurface(inside), fill, (1, 1, 1, 255))
    same.invert()
    outside = pygame.Mask(inside.size, fill=True)
    words_here = words.clip(inside).move(-inside.left, -inside.top)
    if words_here.size != (0, 0):
        outside.erase(pygame.Mask(words_here.size, fill=True), words_here.topleft)
    return same.overlap_area(outside, (0, 0))


@pytest.mark.parametrize("scale,contrast,language", [(1.0, False, "en"), (2.0, True, "en"), (2.0, True, "ko")])
def test_a_toast_hides_no_words_of_a_card_a_page_or_the_end(shipped_library, tmp_path, scale, contrast, language):
    """Wherever a screen has boxes a toast must go around (notes, choices, cards, a "Film and sources" page under
    its heading, the end card and its buttons, its sources pages), the toast hides none of their words: clear of
    the boxes when a band between them is a toast tall, else over a box's edge or padding at most (at 200% a toast
    sat on a card's heading, on every page's heading, on "The End"); over the credits, below the skip hint. In high
    contrast the words the screen counts are checked against the pixels: nothing else is drawn in a box."""
    pytest.importorskip("pygame")
    app = shipped_app(shipped_library, tmp_path, scale, contrast, language)
    play = app.nav.open("play")
    names = []
    for name, screen in moments_with_boxes(app, play):
        names.append(name)
        clean = app.canvas.copy()
        box = toast_box(app, screen)
        app.toasts.clear()
        kept = screen.toast_place()
        if name == "credits":
            assert kept is None and box.top >= screen._hint_rect().bottom, name
            continue
        assert kept, name
        for area, words_area in kept:
            assert area.contains(words_area), (name, area, words_area)
            assert not box.colliderect(words_area), (name, box, words_area)
            if scale == 1.0:
                assert not box.colliderect(area), (name, box, area)
            buttons = screen.menu is not None and area == screen.menu.area  # (the stage shows between them)
            if contrast and not buttons:
                assert stray_pixels(clean, area, words_area) == 0, (name, area, words_area)
    assert {"ContentNoteEvent", "ChoiceEvent", "EvidenceEvent", "page's FactEvent", "page's DifferEvent",
            "end screen", "credits"} <= set(names), names
    assert any(name.startswith("end's DifferEvent") for name in names), names


@pytest.mark.parametrize("scale,contrast,language,classroom", [(2.0, True, "en", True), (2.0, False, "ko", True),
                                                               (2.0, True, "ko", False), (1.0, False, "en", True)])
def test_every_card_page_and_note_fits_the_screen(shipped_library, tmp_path, scale, contrast, language, classroom):
    """Every box of every kind of card, "Film and sources" page, note and choice is whole on the screen, in the
    classroom's projector type at 200% too (a differ card's question ran off the foot of the screen there)."""
    app = shipped_app(shipped_library, tmp_path, scale, contrast, language, classroom)
    play = app.nav.open("play")
    screen_rect = app.canvas.get_rect()
    for name, screen in moments_with_boxes(app, play):
        for area, words_area in screen.toast_place() or []:
            assert screen_rect.contains(area) and area.contains(words_area), (name, area, words_area)
