"""Player features through the real screens, headless: saves, backlog, settings, input devices."""
from __future__ import annotations

import gc
import tempfile
import threading
from pathlib import Path

import pygame
import pytest
from conftest import WORKERS

from game.library import load_library
from game.profile import Profile
from game.runtime import events as ev
from game.screens.app import App
from game.screens.backlog import BacklogScreen
from game.screens.input import Action, InputMapper, key_action
from game.screens.play import PlayScreen
from game.screens.saveload import SaveLoadScreen
from game.screens.settings_screen import SettingsScreen
from game.screens.title import TitleScreen

SHOTS = Path(tempfile.mkdtemp(prefix="cell7-shots-"))  # for people to look at; never written into tests/


@pytest.fixture
def app(story_root, tmp_path):
    app = App(load_library(story_root), Profile(tmp_path / "data"), window=False)
    app.push(TitleScreen(app))
    return app


def press(app, *names, **kw):
    for name in names:
        app.step(0.05, [Action(name, **kw)])


def start_playing(app, lines: int = 2) -> PlayScreen:
    app.top.start()
    play = app.top
    for _ in range(lines):
        press(app, "confirm")
        press(app, "confirm")
    return play


def ink(surface: pygame.Surface, rect: pygame.Rect) -> int:
    region = surface.subsurface(rect)
    return len({region.get_at((x, y))[:3] for x in range(0, rect.w, 4) for y in range(0, rect.h, 4)})


def test_autosave_at_scene_start_and_continue_on_title(app):
    start_playing(app, 1)
    assert app.profile.saves.info("auto1").scene_title == "First"
    press(app, "cancel")          # menu
    app.top.to_title()
    assert isinstance(app.top, TitleScreen)
    assert [i.label for i in app.top.menu.items][:2] == ["Continue", "Start the story"]
    assert 1 in app.profile.chapters


def test_quicksave_and_quickload_return_to_the_same_line(app):
    play = start_playing(app, 2)
    line = play.event
    press(app, "quicksave")
    press(app, "confirm")
    press(app, "confirm")
    assert play.event != line
    press(app, "quickload")                        # asks first: what happened since is lost
    assert type(app.top).__name__ == "ConfirmDialog" and play.event != line
    press(app, "cancel")                           # no: nothing changes
    assert app.top is play and play.event != line
    press(app, "quickload")
    press(app, "down", "confirm")                  # yes
    assert app.top.event == line and "Loaded." in [t for t, _ in app.toasts]


def test_quickload_without_a_quicksave_says_so_without_asking(app):
    play = start_playing(app, 1)
    press(app, "quickload")
    assert app.top is play and any("quick" in t.lower() for t, _ in app.toasts)


def test_rollback_shows_the_line_whole_instead_of_typing_it_again(app):
    app.settings.text_speed = 30
    play = start_playing(app, 2)
    press(app, "rollback")
    assert play.event.text == "It begins." and play.line_done()
    press(app, "rollforward")
    assert play.event.text == "Hello." and play.line_done()


def test_save_screen_writes_a_slot_with_thumbnail_and_load_screen_lists_it(app):
    play = start_playing(app, 2)
    play.quick("Save")
    assert isinstance(app.top, SaveLoadScreen)
    press(app, "digit", number=4)
    info = app.profile.saves.info("4")
    assert info.path.exists() and info.thumbnail.exists() and info.scene_title == "First"
    app.step(0.05)
    app.screenshot(SHOTS / "save_slots.png")
    assert ink(app.canvas, app.top.rects[3]) > 20
    press(app, "cancel")
    app.push(SaveLoadScreen(app, "load", play))
    press(app, "right", "right", "right")  # to slot 4
    assert app.top.index == 3
    press(app, "confirm")
    assert isinstance(app.top, PlayScreen)


def test_overwriting_a_slot_asks_first(app):
    play = start_playing(app, 1)
    app.profile.saves.save("1", play.rt)
    before = app.profile.saves.info("1").saved_at
    app.push(SaveLoadScreen(app, "save", play))
    press(app, "confirm")
    assert app.top.confirm_slot == "1" and app.profile.saves.info("1").saved_at == before
    press(app, "confirm")
    assert app.top.confirm_slot == ""


def test_damaged_slot_is_shown_and_kept(app, tmp_path):
    saves = app.profile.saves
    saves.folder.mkdir(parents=True, exist_ok=True)
    saves.path("2").write_text("{broken")
    app.push(SaveLoadScreen(app, "load"))
    app.step(0.05)
    assert app.top.infos[1].damaged
    app.screenshot(SHOTS / "load_damaged.png")
    press(app, "digit", number=2)
    assert list((saves.folder / "damaged").iterdir())
    assert any("damaged" in t for t, _ in app.toasts)


def test_backlog_lists_lines_and_returns_to_one(app):
    play = start_playing(app, 2)
    press(app, "backlog")
    assert isinstance(app.top, BacklogScreen)
    assert [e.text for _, e in app.top.lines] == ["It begins.", "Hello."]
    app.step(0.05)
    app.screenshot(SHOTS / "backlog.png")
    press(app, "up")
    press(app, "confirm")
    assert app.top is play and play.event.text == "It begins."


def test_backlog_marks_scenes_and_records_the_choices_made(app):
    play = start_playing(app, 2)
    while not isinstance(play.event, ev.ChoiceEvent):
        press(app, "confirm")
    options = dict(play.event.options)
    app.step(1.0)                                  # past the guard against Enter held from the line before
    press(app, "digit", number=2)
    press(app, "confirm", "confirm")
    press(app, "backlog")
    backlog = app.top
    kinds = [e.kind for e in backlog.entries]
    assert kinds[0] == "scene" and backlog.entries[0].text == "First"
    choice = next(e for e in backlog.entries if e.kind == "choice")
    assert choice.answer == options[sorted(options)[1]]
    assert backlog.layout().problems(hint=app.theme.hint_size) == []
    press(app, "home")                             # the separator comes into view with the first line
    assert 0 in backlog.list.layout(backlog.layout()["list"]).rows


def test_wheel_rolls_back_and_forward(app):
    play = start_playing(app, 2)
    assert play.event.text == "Hello."
    press(app, "wheel_up", pos=(10, 10))
    assert play.event.text == "It begins."
    press(app, "wheel_down", pos=(10, 10))
    assert play.event.text == "Hello."


def test_skip_stops_at_choices_and_unread_lines(app):
    play = start_playing(app, 0)
    press(app, "skip")
    for _ in range(20):
        app.step(0.05)
    assert isinstance(play.event, ev.LineEvent) and not play.event.seen  # unread: skip waits
    app.settings.skip_unread = True
    for _ in range(20):
        app.step(0.05)
    assert isinstance(play.event, ev.ChoiceEvent)


def test_auto_advance_waits_for_the_reading_time_then_moves_on(app):
    play = start_playing(app, 1)
    press(app, "auto")
    line = play.event  # "It begins.": 1.2 s plus 0.02 s a letter after it is typed
    for _ in range(10):
        app.step(0.1)
    assert play.event == line
    for _ in range(10):
        app.step(0.1)
    assert play.event != line


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_settings_screen_at_font_scale(app, scale):
    app.settings.font_scale = scale
    app.apply_settings()
    app.push(SettingsScreen(app))
    app.step(0.05)
    app.screenshot(SHOTS / f"settings_{int(scale * 100)}.png")
    visible = [r for r in app.top.rects if r.w]
    last = len(app.top.rows) - 1
    assert len(visible) == last + 1 if scale == 1.0 else len(visible) >= 4
    assert all(r.bottom <= 720 for r in visible)
    press(app, *["down"] * last)
    assert app.top.rects[last].w and app.top.rects[last].bottom <= 720  # scrolled to the last row


def test_settings_change_and_persist(app, tmp_path):
    app.push(SettingsScreen(app))
    labels = [row.label for row in app.top.rows]
    press(app, "down", "right")           # (below Language) text speed up
    press(app, *["down"] * (labels.index("Text size") - 1), "right")  # text size 110%
    press(app, "down", "confirm")         # high contrast on
    assert app.settings.font_scale == 1.1 and app.settings.high_contrast
    assert app.theme.name == "high_contrast" and app.fonts.scale == 1.1
    press(app, "cancel")
    again = Profile(app.profile.data, app.profile.story_id)
    assert again.settings.font_scale == 1.1 and again.settings.high_contrast and again.settings.text_speed == 60


def test_self_voicing_row_explains_why_it_is_off(app):
    app.voice.available, app.voice.reason = False, "pyttsx3 is not installed (pip install pyttsx3)"
    app.push(SettingsScreen(app))
    row = next(i for i, r in enumerate(app.top.rows) if r.label == "Read lines aloud")
    app.top.index = row
    press(app, "right")
    assert app.settings.self_voicing is False
    assert any("pyttsx3" in t for t, _ in app.toasts)


def test_play_screen_at_200_percent_keeps_the_text_box_on_screen(app):
    app.settings.font_scale = 2.0
    app.apply_settings()
    play = start_playing(app, 2)
    play.typed = 1e9
    app.step(0.05)
    app.screenshot(SHOTS / "line_200.png")
    assert ink(app.canvas, pygame.Rect(100, 560, 400, 100)) > 5


def test_keyboard_mapping():
    assert key_action(pygame.K_RETURN, 0).name == "confirm"
    assert key_action(pygame.K_RETURN, pygame.KMOD_ALT).name == "fullscreen"
    assert key_action(pygame.K_PAGEUP, 0).name == "rollback"
    assert key_action(pygame.K_3, 0) == Action("digit", number=3)
    assert key_action(pygame.K_TAB, pygame.KMOD_SHIFT).name == "prev"
    assert key_action(pygame.K_F5, 0).name == "quicksave"


def test_controller_events_become_the_same_actions():
    mapper = InputMapper()
    def button(b):
        return pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=b, instance_id=0)
    assert mapper.translate(button(pygame.CONTROLLER_BUTTON_A)) == [Action("confirm")]
    assert mapper.translate(button(pygame.CONTROLLER_BUTTON_B)) == [Action("cancel")]
    assert mapper.translate(button(pygame.CONTROLLER_BUTTON_START)) == [Action("menu")]
    assert mapper.translate(button(pygame.CONTROLLER_BUTTON_LEFTSHOULDER)) == [Action("rollback")]
    def axis(v):
        return pygame.event.Event(pygame.CONTROLLERAXISMOTION, axis=pygame.CONTROLLER_AXIS_LEFTY, value=v,
                                            instance_id=0)
    assert mapper.translate(axis(30000)) == [Action("down")]
    assert mapper.translate(axis(31000)) == []          # held: no repeat
    assert mapper.translate(axis(0)) == []
    assert mapper.translate(axis(-30000)) == [Action("up")]
    removed = pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=5)
    assert mapper.translate(removed) == []


def test_mouse_events_map_to_actions():
    mapper = InputMapper(lambda pos: (pos[0] * 2, pos[1] * 2))
    click = pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(10, 20))
    assert mapper.translate(click) == [Action("click", (20, 40))]
    right = pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=3, pos=(0, 0))
    assert mapper.translate(right) == [Action("cancel")]


def test_timeline_button_is_named_timeline_and_opens_the_timeline_at_this_scenes_moment(story_root, tmp_path):
    from game import paths
    app = App(load_library(paths.SCENES), Profile(tmp_path / "d"), window=False)
    play = PlayScreen(app, start_scene="shop_window")
    app.push(play)
    press(app, "timeline")
    assert type(app.top).__name__ == "TimelineScreen" and app.top.selected == "story_backpack"
    from game.screens.play import QUICK
    from game.words import t
    assert "timeline" in QUICK and t("play.quick_timeline") == "Timeline"
    assert "History" not in {t(f"play.quick_{name}") for name in QUICK}  # "History" is what players call the backlog


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_title_screen_fits_at_every_text_size(story_root, tmp_path, scale):
    from game import paths
    profile = Profile(tmp_path / "d")
    profile.settings.font_scale = scale
    profile.chapters.update(range(1, 12))  # all entries shown: Chapters too
    app = App(load_library(paths.SCENES), profile, window=False)
    app.push(TitleScreen(app))
    app.step(0.1)
    app.screenshot(SHOTS / f"title_{int(scale * 100)}.png")
    menu = app.top.menu
    assert len(menu.items) == 7 and menu.size == app.theme.body_size - 2  # every entry, at full size (never shrunk)
    for step in range(len(menu.items)):  # with large text the buttons scroll: each comes into view in turn
        rects = menu.rects
        assert rects and rects[0].top > 120                          # below the title
        assert rects[-1].bottom <= 720 - 60                           # above the key hint
        assert not any(a.colliderect(b) for i, a in enumerate(rects) for b in rects[i + 1:])  # (two columns)
        assert menu.index == step and step in menu.list_layout(app.fonts).rows  # the chosen one is in view
        if step < len(menu.items) - 1:
            app.step(0.1, [Action("down")])
    assert len(menu.rects) >= 3  # under the whole title block (title, Korean title, tagline: kept at 200% too)


def test_save_thumbnails_are_real_pngs_of_the_game(app, tmp_path):
    play = start_playing(app)
    app.present()
    data = app.thumbnail_png(play)
    path = tmp_path / "thumb.png"
    path.write_bytes(data)
    thumb = pygame.image.load(str(path))
    assert thumb.get_size() == (256, 144)
    expected = pygame.transform.smoothscale(app.canvas, (256, 144))
    for x, y in [(0, 0), (128, 72), (255, 143), (40, 120)]:
        assert thumb.get_at((x, y))[:3] == expected.get_at((x, y))[:3]


def test_autosave_thumbnails_do_not_stay_in_memory(app):
    """pygame 2.6's image.save into a BytesIO keeps the buffer alive for good (35 KB per autosave)."""
    import tracemalloc
    play = start_playing(app)
    size = len(app.thumbnail_png(play))  # also warms up caches
    assert app.writer.flush(30)  # the autosave still being written would count: tracemalloc sees every thread,
    app.images.stop()  # and so would pictures and sounds looked ahead: none starts now, and those under way end
    app.audio.stop()
    for thread in threading.enumerate():
        if thread.name in WORKERS:
            thread.join(60)
    tracemalloc.start()
    try:  # (a full collection empties CPython's free lists too: freed tuples kept for reuse are not held memory)
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(100):
            app.thumbnail_png(play)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 10 * size, f"{kept:,} bytes still held after 100 thumbnails of {size:,} bytes"


def test_backlog_shows_marked_up_lines_with_their_styles_not_their_tags(app):
    from game.screens.backlog import Entry
    start_playing(app, 2)
    press(app, "backlog")
    backlog = app.top
    fonts, size = app.fonts, app.theme.body_size
    last, at = len(backlog.entries) - 1, backlog.entries[-1].at
    width = fonts.width("Stop there.", size, True) + 48 + 4  # the words fit on one line; with the tags they would not
    assert backlog._stacked(width)                              # (narrow: the name goes above the words)
    backlog.entries[last] = Entry("line", "Stop there.", name="Hero", at=at)
    plain = backlog._height(last, width)
    backlog.entries[last] = Entry("line", "{b}Stop{/b} there.", name="Hero", at=at)
    assert backlog._height(last, width) == plain              # the tags take no room: drawn as bold, not as text
