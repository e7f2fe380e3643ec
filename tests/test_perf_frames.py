"""Issue 17: work that used to stall a frame now happens elsewhere (ambience decoded on a thread, the
screen veil blitted, images decoded once for a scene's working set)."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pygame
import pytest

from game.screens.audio import Audio


@pytest.fixture
def audio(story_root: Path):
    folder = story_root.parent / "assets" / "audio"
    (folder / "ambience").mkdir(parents=True, exist_ok=True)
    for name in ("hush", "wind"):
        shutil.copy(folder / "music" / "calm.wav", folder / "ambience" / f"{name}.wav")
    sound = Audio(folder)
    if not sound.enabled:
        pytest.skip(f"no mixer even with the dummy driver: {sound.reason}")
    sound.background = True
    yield sound
    pygame.mixer.quit()


def _settle(audio: Audio) -> None:
    """Frames go by until the loop asked for is decoded (after the old one has faded out) and started."""
    deadline = time.monotonic() + 60  # a cap against a hang, not a timing
    while (audio._pending or audio._decoding) and time.monotonic() < deadline:
        audio.update()
        time.sleep(0.005)
    audio.update()


def test_an_ambience_loop_is_decoded_off_the_frame_and_starts_on_a_later_update(audio):
    audio.play_ambience("hush")
    assert audio.ambience == "hush" and not audio._loops  # nothing decoded in the call itself
    _settle(audio)
    assert pygame.mixer.Channel(audio._ambience_channel).get_sound() is audio._loops["hush"]


def test_only_the_place_the_player_is_in_starts_when_places_change_quickly(audio):
    audio.play_ambience("hush")
    audio.play_ambience("wind")
    _settle(audio)
    assert list(audio._loops) == ["wind"] and not audio._decoded
    audio.play_ambience("")  # away and back again: the loop is decoded again and starts
    audio.play_ambience("wind")
    _settle(audio)
    assert list(audio._loops) == ["wind"]
    assert pygame.mixer.Channel(audio._ambience_channel).get_sound() is audio._loops["wind"]
    audio.play_ambience("")
    audio.update()
    assert not audio._loops


def test_shade_darkens_like_a_black_veil_of_that_opacity():
    from game.screens.widgets import shade
    surface = pygame.Surface((40, 30))
    surface.fill((200, 100, 50))
    shade(surface, 150)
    r, g, b, _ = surface.get_at((39, 29))
    assert (abs(r - 200 * 105 / 255) <= 2, abs(g - 100 * 105 / 255) <= 2, abs(b - 50 * 105 / 255) <= 2) == (
        True, True, True)
    shade(surface, 0)
    assert surface.get_at((0, 0))[:3] == (r, g, b)


def test_the_watcher_thread_notices_a_saved_file_without_the_game_polling(story_root):
    import os

    from game.content.watch import ContentWatcher
    watcher = ContentWatcher(story_root)
    watcher.start(interval=0.01)
    try:
        assert not watcher.pending()
        scene = story_root / "story" / "01_first.yaml"
        edited = story_root.parent / "01_first.yaml.new"  # written whole beside, then swapped in: one change
        edited.write_text(scene.read_text().replace("It begins.", "It begins again."))
        os.utime(edited, ns=(1, 1))  # a different time whatever the clock's resolution
        os.replace(edited, scene)  # (written in place, the thread could see the new size, then the new time)
        deadline = time.monotonic() + 60  # a cap against a hang, not a timing
        while not watcher.pending() and time.monotonic() < deadline:
            time.sleep(0.005)
        assert time.monotonic() < deadline  # seen by the thread
        assert not watcher.pending() and watcher.changed() == []  # once per change
    finally:
        watcher.stop()


# --- the play screen's still part (FRAMES, issue 17) -----------------------------------------------------

def _shipped_app(shipped_library, tmp_path, kind, nth: int = 1):
    """A headless app on the shipped story whose play screen shows the `nth` event of type `kind`, at rest."""
    from game.profile import Profile
    from game.runtime.runtime import Options
    from game.screens.app import App
    from game.screens.play import PlayScreen
    from tests.conftest import play_until
    app = App(shipped_library, Profile(tmp_path / "data", shipped_library.story_id), window=False)
    app.push(PlayScreen(app, options=Options(content_notes="play", cards="inline")))
    play_until(app.top, lambda event: isinstance(event, kind), nth)
    app.top.typed = 1e9
    app.step(2.0)  # fades over
    return app


def _frame(app) -> bytes:
    app.step(0.0)
    return pygame.image.tobytes(app.canvas, "RGB")


def _kept_then_fresh(app, play) -> tuple[bytes, bytes]:
    """(a frame drawn from the kept still part, the same frame drawn from scratch)."""
    _frame(app)
    _frame(app)  # the same still part two frames running: kept
    assert play.still._key is not None
    kept = _frame(app)
    play.still.forget()
    return kept, _frame(app)


@pytest.mark.parametrize("kind", ["LineEvent", "ChoiceEvent", "FactEvent", "DifferEvent", "SceneStart"])
def test_a_frame_from_the_kept_still_part_is_the_frame_drawn_afresh(shipped_library, tmp_path, kind):
    from game.runtime import events as ev
    app = _shipped_app(shipped_library, tmp_path, getattr(ev, kind))
    kept, fresh = _kept_then_fresh(app, app.top)
    assert kept == fresh


def _switch_language(app, play):
    app.set_language("ko")


def _larger_text(app, play):
    app.settings.font_scale = 2.0
    app.apply_settings()


def _high_contrast(app, play):
    app.settings.high_contrast = True
    app.apply_settings()


def _bilingual(app, play):
    app.settings.bilingual = True
    app.relabel()


def _rollback(app, play):
    play.rollback()


def _auto(app, play):
    play.quick("auto")


def _next_line(app, play):
    play.next_event()
    play.typed = 1e9


@pytest.mark.parametrize("change", [_switch_language, _larger_text, _high_contrast, _bilingual, _rollback, _auto,
                                    _next_line])
def test_the_kept_still_part_never_outlives_what_it_shows(shipped_library, tmp_path, change):
    """A language switch, a text size, a theme, bilingual mode, a rollback, the quick bar's Auto, the next
    line: the first frame after the change already shows it, and once kept again it is still the same frame."""
    from game.runtime import events as ev
    app = _shipped_app(shipped_library, tmp_path, ev.LineEvent, nth=3)
    play = app.top
    before, _ = _kept_then_fresh(app, play)
    _frame(app)
    _frame(app)
    change(app, play)
    app.top.typed = 1e9
    first = _frame(app)
    kept, fresh = _kept_then_fresh(app, play)
    assert first != before
    assert first == kept == fresh


def test_a_hot_reload_shows_the_edited_line_at_once(story_root, tmp_path, monkeypatch):
    from game.library import load_library
    from game.profile import Profile
    from game.screens.app import App
    from game.screens.play import PlayScreen
    monkeypatch.chdir(story_root.parent)
    app = App(load_library(story_root), Profile(tmp_path / "d"), window=False)
    play = PlayScreen(app, start_scene="first")
    app.push(play)
    play.next_event()
    play.typed = 1e9
    app.step(2.0)
    before, _ = _kept_then_fresh(app, play)
    scene = story_root / "story" / "01_first.yaml"
    scene.write_text(scene.read_text().replace('"It begins."', '"It begins, again and again."'))
    app.reload()
    play.typed = 1e9
    assert play.event.text == "It begins, again and again."
    first = _frame(app)
    kept, fresh = _kept_then_fresh(app, play)
    assert first != before and first == kept == fresh


def test_clicking_through_lines_copies_no_still_part_and_thumbnails_leave_it_alone(shipped_library, tmp_path):
    """A still part is copied only once it has shown two frames running: a line clicked past at once costs no
    copy. A save's thumbnail (drawn on its own surface) neither uses nor replaces it."""
    from game.runtime import events as ev
    app = _shipped_app(shipped_library, tmp_path, ev.LineEvent)
    play = app.top
    play.still.forget()
    for _ in range(5):
        play.next_event()
        play.typed = 1e9  # shown whole (a line typing out is kept at once: it shows next frame too)
        _frame(app)
    assert play.still._key is None
    _frame(app)
    kept = play.still._key
    assert kept is not None
    surface = pygame.Surface(app.canvas.get_size())
    play.draw(surface)
    assert play.still._key is kept
    assert pygame.image.tobytes(surface, "RGB") == _frame(app)


# --- the save screen's cards and the lists' heights (FRAMES, issue 17) -------------------------------------

def _save_screen(shipped_library, tmp_path):
    from game.runtime import events as ev
    from game.screens.saveload import SaveLoadScreen
    app = _shipped_app(shipped_library, tmp_path, ev.LineEvent)
    play = app.top
    for slot in ("1", "2", "3"):
        play.next_event()
        app.step(0.0)
        play.save(slot)
    app.writer.flush()
    screen = SaveLoadScreen(app, "save", play)
    app.push(screen)
    return app, screen


def _card_change(app, screen, change: str) -> None:
    from game.ui.input import Action
    if change == "selection":
        screen.on_action(Action("right"))
    elif change == "language":
        app.set_language("ko")
    elif change == "text size":
        app.settings.font_scale = 2.0
        app.apply_settings()
    elif change == "theme":
        app.settings.high_contrast = True
        app.apply_settings()
    elif change == "a save":
        screen.index = 4
        screen.activate()
        app.writer.flush()
        screen.refresh()


@pytest.mark.parametrize("change", ["selection", "language", "text size", "theme", "a save"])
def test_the_save_screens_kept_cards_are_the_cards_painted_afresh(shipped_library, tmp_path, change):
    app, screen = _save_screen(shipped_library, tmp_path)
    before = _frame(app)
    assert screen._cards
    _card_change(app, screen, change)
    after = _frame(app)
    screen._cards.clear()
    assert after == _frame(app) != before


@pytest.mark.parametrize("change", ["text size", "language"])
def test_the_backlogs_kept_heights_follow_the_text_size_and_the_language(shipped_library, tmp_path, change):
    from game.runtime import events as ev
    from game.screens.backlog import BacklogScreen
    app = _shipped_app(shipped_library, tmp_path, ev.LineEvent, nth=30)
    play = app.top
    app.push(BacklogScreen(app, play))
    _frame(app)
    _card_change(app, None, change)
    kept = _frame(app)
    app.pop()
    app.push(BacklogScreen(app, play))  # measured afresh
    assert _frame(app) == kept


def test_a_moment_whose_pictures_are_late_waits_whole_then_comes_whole(shipped_library, tmp_path):
    """Lead's note (late pictures): while a picture the next moment needs is being decoded off the frame, the
    screen presents the moment before it, unchanged (never the new line over the old picture, nor a stage with
    a character missing), and ignores Enter; once the picture is there, the frame is a fresh render's."""
    import threading
    import time

    from game.profile import Profile
    from game.runtime import events as ev
    from game.runtime.runtime import Options
    from game.screens.app import App
    from game.screens.images import Images
    from game.screens.play import PlayScreen
    from game.ui.input import Action
    from tests.conftest import play_until
    app = App(shipped_library, Profile(tmp_path / "data", shipped_library.story_id), window=True)
    app.settings.reduce_motion = True  # no dissolve: the new moment's first frame is its whole picture
    play = PlayScreen(app, options=Options(content_notes="play"))
    app.push(play)
    play_until(play, lambda e: isinstance(e, ev.LineEvent))
    deadline = time.monotonic() + 60  # a cap against a hang, not a timing: the loop ends when they come
    while play._held is not None and time.monotonic() < deadline:  # its pictures come
        time.sleep(0.01)
        _frame(app)
    assert play._held is None
    images = app.images = Images(app.story, app.assets)
    gate, make = threading.Event(), images._make
    images._make = lambda key: (gate.wait(10), make(key))[1]  # the prefetch thread holds every picture back
    before = None
    for _ in range(300):  # on to a moment whose stage needs a picture not decoded yet
        play.typed = 1e9
        before = _frame(app)  # (a moment shown at once decodes what it draws, as without a window)
        play.next_event() if not isinstance(play.event, ev.WAITS_FOR_CHOICE) else play.choose(
            play.event.options[0][0])
        if play._held is not None:
            break
    assert play._held is not None
    waiting, shown = play.event, play._held["event"]
    assert waiting is not shown
    assert _frame(app) == before and _frame(app) == before  # the moment before, whole
    play.on_action(Action("confirm"))
    assert play.rt.current is waiting and play._held["event"] is shown
    gate.set()
    deadline = time.monotonic() + 60
    while play._held is not None and time.monotonic() < deadline:
        time.sleep(0.01)
        _frame(app)
    assert play._held is None and play.event is waiting
    play.typed = 1e9
    arrived = _frame(app)
    play.still.forget()
    assert arrived == _frame(app) != before


def test_a_hold_never_becomes_a_hang(shipped_library, tmp_path):
    """A prefetch thread that never delivers (stuck on a file, died, or dropped the picture): after HOLD_SECONDS
    of game time the moment comes anyway, its pictures decoded in the frame (the picture the thread is stuck on is
    not waited for longer than decoded.FRAME_WAIT), and the frame is a fresh render's."""
    import threading

    from game.profile import Profile
    from game.runtime import events as ev
    from game.runtime.runtime import Options
    from game.screens.app import App
    from game.screens.images import Images
    from game.screens.play import HOLD_SECONDS, PlayScreen
    from tests.conftest import play_until
    app = App(shipped_library, Profile(tmp_path / "data", shipped_library.story_id), window=True)
    app.settings.reduce_motion = True
    play = PlayScreen(app, options=Options(content_notes="play"))
    app.push(play)
    play_until(play, lambda e: isinstance(e, ev.LineEvent))
    images = app.images = Images(app.story, app.assets)
    gate, make = threading.Event(), images._make
    images._make = lambda key: (gate.wait(60), make(key))[1]  # never in time: stuck until the test ends
    try:
        app.step(1 / 60)
        for _ in range(300):
            play.next_event() if not isinstance(play.event, ev.WAITS_FOR_CHOICE) else play.choose(
                play.event.options[0][0])
            if play._held is not None:
                break
        held = play.on_screen
        assert play._held is not None and held is not play.event
        frames = 0
        while play._held is not None and frames < 100:
            app.step(1 / 60)
            frames += 1
        assert play._held is None and play.on_screen is play.event
        assert frames <= round(HOLD_SECONDS * 60) + 1
        assert not gate.is_set() and images.decodes > 0 and images.prefetched == 0  # made in the frame
        play.typed = 1e9
        shown = _frame(app)
        play.still.forget()
        assert shown == _frame(app)
    finally:
        gate.set()


def test_a_story_started_from_the_title_shows_the_title_until_its_first_pictures_come(shipped_library, tmp_path):
    """Start from the title (fast clicking's new game, a player's first start): the play screen draws nothing while
    its first moment's pictures are decoded off the frame; the title stays on screen and what is pressed meanwhile
    acts on nothing. The moment then comes whole, with no picture decoded in a frame; a load from the title too."""
    import threading

    from game.profile import Profile
    from game.screens.app import App
    from game.screens.images import Images
    from game.ui.input import Action
    app = App(shipped_library, Profile(tmp_path / "data", shipped_library.story_id), window=True)
    app.settings.reduce_motion = True
    images = app.images = Images(app.story, app.assets)
    gate, make = threading.Event(), images._make
    images._make = lambda key: (gate.wait(60), make(key))[1]  # the prefetch thread holds every picture back
    title = app.nav.open("title")
    for _ in range(3):
        shown = _frame(app)
    decoded = images.decodes  # (the title's own picture)
    try:
        title.start()
        play = app.top
        first = play.event
        for _ in range(3):
            assert _frame(app) == shown  # the title, as it was
            app.dispatch(Action("confirm"))  # acts on nothing: not on screen yet
            app.dispatch(Action("menu"))
        assert play._opening and play.on_screen is None and app.top is play and play.rt.current is first
        assert images.decodes == decoded
        gate.set()
        deadline = time.monotonic() + 60  # a cap against a hang, not a timing
        while play._opening and time.monotonic() < deadline:
            time.sleep(0.01)
            _frame(app)
        assert not play._opening and play.on_screen is first and images.decodes == decoded
        assert _frame(app) != shown
        play.save("1")
        app.writer.flush()
        app.pop()  # back to the title, and a load from it waits the same way
        images = app.images = Images(app.story, app.assets)
        gate.clear()
        images._make = lambda key: (gate.wait(60), make(key))[1]
        _frame(app)
        decoded = images.decodes
        title.load("1")
        _frame(app)
        assert app.top._opening and app.top.on_screen is None and images.decodes == decoded  # (the title below)
    finally:
        gate.set()


def test_a_missing_or_broken_picture_holds_nothing_past_the_cap(story_root, tmp_path):
    from game.library import load_library
    from game.profile import Profile
    from game.runtime import events as ev
    from game.screens.app import App
    from game.screens.play import HOLD_SECONDS, PlayScreen
    characters = story_root.parent / "assets" / "images" / "characters"
    app = App(load_library(story_root), Profile(tmp_path / "d"), window=True)
    (characters / "hero_happy.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")
    (characters / "hero_neutral.png").unlink()
    play = PlayScreen(app, start_scene="first")
    app.push(play)
    app.step(1 / 60)
    for _ in range(5):  # on to the hero's line: his portraits are missing or broken
        play.next_event()
        frames = 0
        while play._held is not None:
            app.step(1 / 60)
            frames += 1
            assert frames <= round(HOLD_SECONDS * 60) + 1
        if isinstance(play.on_screen, ev.LineEvent) and play.on_screen.speaker == "hero":
            break
    assert isinstance(play.on_screen, ev.LineEvent) and play.on_screen.speaker == "hero"
    _frame(app)


def test_a_black_veil_multiplies_every_row_with_a_few_small_grey_strips():
    from game.ui import draw
    surface = pygame.Surface((200, 2 * draw.STRIP_ROWS + 17))
    for y in range(surface.get_height()):
        surface.fill((y % 256, 255 - y % 256, 90), (0, y, 200, 1))
    expected = surface.copy()
    grey = pygame.Surface(surface.get_size(), 0, surface)
    grey.fill((105, 105, 105))
    expected.blit(grey, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
    for alpha in (110, 140, 150, 205, 150):
        shaded = surface.copy()
        draw.shade(shaded, alpha)
    assert pygame.image.tobytes(shaded, "RGB") == pygame.image.tobytes(expected, "RGB")
    assert len(draw._STRIPS) <= draw.STRIPS_KEPT
    assert all(strip.get_height() == draw.STRIP_ROWS for strip in draw._STRIPS.values())


def test_fitting_finds_the_first_size_that_fits_as_trying_each_in_turn_would():
    import random

    from game.ui.widgets import fitting

    def in_turn(height, limit, step, most):
        return next((d for d in range(0, most + 1, step) if height(d) <= limit), most)

    rng = random.Random(7)
    for _ in range(500):
        step, most = rng.choice([(2, 20), (4, 24), (1, 10), (2, 9)])
        heights = sorted((rng.randrange(0, 400) for _ in range(most + 1)), reverse=True)  # falls as d grows
        asked: list[int] = []
        limit = rng.randrange(0, 420)
        found = fitting(lambda d, h=heights, a=asked: a.append(d) or h[d], limit, step, most)
        assert found == in_turn(heights.__getitem__, limit, step, most)
        assert len(asked) <= 2 + len(range(0, most + 1, step)).bit_length()
