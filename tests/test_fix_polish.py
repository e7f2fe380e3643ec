"""Small things a player or teacher would notice (issue 17's POLISH list): the title menu whole at 200% text
and in Korean, toasts never left in the language the player just left, the window's caption in the player's
language, toasts that cover no era label or card heading, and no temporary folder left behind by an app
made without a profile."""
from __future__ import annotations

import gc
import threading
from pathlib import Path

import pygame
import pytest

from game import words
from game.screens.app import App
from game.screens.title import TitleScreen


def test_an_app_without_a_profile_takes_its_temporary_folder_with_it(library):
    app = App(library, window=False)
    folder = Path(app.profile.data)
    assert folder.is_dir() and folder.name.startswith("cell7-")
    app.push(TitleScreen(app))
    app.step(0.1)
    del app
    gc.collect()
    assert not folder.exists()


def test_an_app_that_ran_removes_its_temporary_folder_at_once(library):
    app = App(library, window=False)
    folder = Path(app.profile.data)
    app.push(TitleScreen(app))
    app.running = False  # closes at once: on_close, the last writes, then the folder goes
    app.run()
    assert not folder.exists()


def test_a_temporary_folder_goes_after_the_saves_queued_for_it_even_when_collected_on_the_writer(tmp_path):
    """An app collected on its writer's thread (the collector runs wherever memory is asked for) cannot wait for
    that thread: the folder's removal is queued behind the writes instead of racing them."""
    from game.screens.app import _remove_written
    from game.storage import BackgroundWriter
    folder = tmp_path / "cell7-temporary"
    folder.mkdir()
    writer = BackgroundWriter()
    written = []

    def save() -> None:
        (folder / "auto1.json").write_text("{}")
        written.append(True)
    go = threading.Event()
    writer.submit("busy", lambda: go.wait(60))      # holds the queue until both below are in it, in this order
    writer.submit("collected", lambda: _remove_written(str(folder), writer))
    writer.submit("auto1", save)
    go.set()
    assert writer.flush(60)
    assert written and not folder.exists()


def test_a_given_profile_folder_stays(library, tmp_path):
    from game.profile import Profile
    (tmp_path / "data").mkdir()
    app = App(library, Profile(tmp_path / "data", library.story_id), window=False)
    app.push(TitleScreen(app))
    app.running = False
    app.run()
    assert (tmp_path / "data").is_dir()


def test_the_window_caption_is_in_the_players_language(shipped_library):
    library = shipped_library
    app = App(library, window=True)
    assert pygame.display.get_caption()[0] == (library.story.caption or library.story.title)
    app.set_language("ko")
    korean = pygame.display.get_caption()[0]
    assert app.story.korean_title in korean
    app.set_language("en")
    assert pygame.display.get_caption()[0] == (library.story.caption or library.story.title)
    words.set_language("en")


# --- (a) the title menu whole at large text ------------------------------------------------------------------

def title_with_everything(shipped_library, tmp_path, scale: float, language: str, contrast: bool = False):
    """The shipped title with all nine entries (a save for Continue and Load, a chapter reached), at `scale`."""
    from game.profile import Profile
    from game.screens.capture import play_app
    data = tmp_path / "data"
    app = play_app(shipped_library, "shop_window", 3, profile=Profile(data, shipped_library.story_id))
    app.top.save("1", from_canvas=True)
    app.writer.flush()
    profile = Profile(data, shipped_library.story_id)
    profile.chapters.add(1)
    profile.settings.font_scale, profile.settings.high_contrast = scale, contrast
    app = App(shipped_library, profile, window=False, language=language)
    app.apply_settings()
    title = TitleScreen(app)
    app.push(title)
    app.step(0.05)
    return app, title


@pytest.mark.parametrize("scale, language, contrast", [(2.0, "en", False), (2.0, "ko", True), (1.5, "en", False),
                                                       (1.0, "ko", False)])
def test_every_title_entry_is_on_screen_at_large_text(shipped_library, tmp_path, scale, language, contrast):
    from game.ui.layout import SCREEN
    app, title = title_with_everything(shipped_library, tmp_path, scale, language, contrast)
    assert len(title.menu.items) == 9
    lines, top = title._arrange()
    rows = title.menu.list_layout(app.fonts).rows
    assert sorted(rows) == list(range(9))                                     # nothing scrolled away
    for i, rect in rows.items():
        assert SCREEN.contains(rect) and rect.top >= top and rect.bottom <= title._hint_top()
        assert not any(rect.colliderect(other) for j, other in rows.items() if j != i)
    shown = " ".join(text for text, *_ in lines)
    for part in (app.story.title, app.story.korean_title, app.story.tagline):  # the title block stays whole
        assert all(word in shown for word in part.split())


def test_two_columns_of_title_entries_answer_keys_and_the_pointer(shipped_library, tmp_path):
    from game.screens.input import Action
    app, title = title_with_everything(shipped_library, tmp_path, 2.0, "en")
    menu = title.menu
    assert menu.columns == 2
    per = menu.per_column()
    assert "←" in title.hint() and "←" not in title_with_everything(shipped_library, tmp_path / "at 100", 1.0,
                                                                     "en")[1].hint()  # the keys say so
    app.step(0.05, [Action("right")])
    assert menu.index == per                                   # across to the second column's top
    app.step(0.05, [Action("right")])
    assert menu.index == per                                   # and no further
    app.step(0.05, [Action("left")])
    assert menu.index == 0
    app.step(0.05, [Action("down"), Action("down")])
    assert menu.index == 2
    target = menu.list_layout(app.fonts).rows[per + 1]
    app.step(0.05, [Action("point", pos=target.center)])
    assert menu.index == per + 1
    app.step(0.05, [Action("wheel_down")])
    assert sorted(menu.list_layout(app.fonts).rows) == list(range(9))


# --- (b) toasts and a language switch ------------------------------------------------------------------------

def test_a_toast_said_before_a_language_switch_goes_with_the_old_language(shipped_library, tmp_path):
    from game.profile import Profile
    app = App(shipped_library, Profile(tmp_path / "data", shipped_library.story_id), window=False)
    settings = app.nav.open("settings")
    app.notify(words.t("play.saved_quick"))
    app.step(0.05)
    assert [text for text, _ in app.toasts] == [words.t("play.saved_quick")]
    app.set_language("ko")
    app.step(0.05)
    assert list(app.toasts) == []                      # no English left on a Korean screen
    app.notify(words.t("play.saved_quick"))            # what is said after the switch shows, in Korean
    app.step(0.05)
    assert app.top is settings and [text for text, _ in app.toasts] == [words.t("play.saved_quick")]


# --- (d) toasts on the timeline ----------------------------------------------------------------------------

@pytest.mark.parametrize("scale, language, focus", [(1.0, "en", None), (1.0, "en", "story_backpack"),
                                                    (2.0, "en", "story_backpack"), (2.0, "ko", None)])
def test_a_toast_on_the_timeline_hides_no_era_label_or_card(shipped_library, tmp_path, scale, language, focus):
    from game.profile import Profile
    from game.ui.layout import SCREEN
    profile = Profile(tmp_path / "data", shipped_library.story_id)
    profile.settings.font_scale = scale
    app = App(shipped_library, profile, window=False, language=language)
    app.apply_settings()
    timeline = app.nav.open("timeline", focus_event=focus)
    app.step(0.05)
    app.notify(words.t("app.reloaded", ms="150"))   # what a hot reload says
    app.step(0.05)
    [(_, toast, _)] = app.toasts.layout(app.fonts, app.theme, timeline.header_bottom(), timeline.toast_place())
    boxes = timeline.layout().boxes
    kept_in_sight = {name: rect for name, rect in boxes.items()
                     if name.startswith(("eras/", "card", "plot/label_", "legend/", "chart", "table"))}
    assert kept_in_sight and SCREEN.contains(toast)
    assert not [name for name, rect in kept_in_sight.items() if rect.colliderect(toast)]
    if scale == 1.0:                                 # with room in the heading bar, the title and tabs stay too
        assert not [name for name, rect in boxes.items() if name.startswith("header/") and rect.colliderect(toast)]


# --- (f) what the renders showed -----------------------------------------------------------------------------

def test_the_undated_columns_edge_runs_behind_no_label(shipped_library, tmp_path):
    """The line at the undated column's edge ran through 'See also: Joe Arridy' (and its Korean)."""
    from game.profile import Profile
    profile = Profile(tmp_path / "data", shipped_library.story_id)
    app = App(shipped_library, profile, window=False)
    timeline = app.nav.open("timeline")
    canvas = app.step(0.05)
    v, ctl = timeline.view(), timeline.ctl
    divider = round(ctl.view.x(ctl.axis.undated_u0))
    crossing = [p for p in v.placed if p.label_rect and p.label_rect[0] < divider < p.label_rect[0] + p.label_rect[2]]
    assert crossing                                          # the shipped timeline has one, at its default view
    line = tuple(v.style.undated_text)
    for p in crossing:
        x, y, w, h = (round(n) for n in p.label_rect)
        assert [canvas.get_at((divider + dx, y + dy))[:3] for dx in (-1, 0, 1) for dy in range(h)].count(line) == 0
    below = max(round(p.label_rect[1] + p.label_rect[3]) for p in crossing) + 2
    assert canvas.get_at((divider, below))[:3] == line or canvas.get_at((divider - 1, below))[:3] == line


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_chapter_list_says_its_keys_and_widens_with_the_text(shipped_library, tmp_path, scale):
    from game.profile import Profile
    profile = Profile(tmp_path / "data", shipped_library.story_id)
    profile.settings.font_scale = scale
    profile.chapters.update(c.number for c in shipped_library.story.chapters)
    app = App(shipped_library, profile, window=False)
    app.apply_settings()
    chapters = app.nav.open("chapters")
    app.step(0.05)
    hint = chapters._hint_rect()
    assert hint.bottom <= 720 and chapters.menu.area.bottom <= hint.top
    rows = chapters.menu.list_layout(app.fonts).rows
    assert rows and all(rect.bottom <= hint.top for rect in rows.values())
    assert rows[0].height == rows[1].height                  # the prologue's long title keeps to one line


@pytest.mark.parametrize("language, contrast", [("en", False), ("ko", True)])
def test_every_classroom_title_entry_is_on_screen_at_200_percent(shipped_library, tmp_path, language, contrast):
    """The classroom's title (the projector's larger type): two columns step their type down, then let the tagline
    go, before any entry would scroll away (2 of 7 showed in English, 1 in Korean)."""
    from game.profile import Profile
    from game.ui.layout import SCREEN
    profile = Profile(tmp_path / "data", shipped_library.story_id)
    profile.settings.font_scale, profile.settings.high_contrast = 2.0, contrast
    app = App(shipped_library, profile, window=False, language=language, classroom=True)
    app.apply_settings()
    title = TitleScreen(app)
    app.push(title)
    app.step(0.05)
    rows = title.menu.list_layout(app.fonts).rows
    assert len(title.menu.items) == 7 and sorted(rows) == list(range(7))
    for i, rect in rows.items():
        assert SCREEN.contains(rect) and rect.bottom <= title._hint_top()
        assert not any(rect.colliderect(other) for j, other in rows.items() if j != i)
    shown = " ".join(text for text, *_ in title._arrange()[0])
    assert app.story.title in shown and app.story.korean_title in shown
