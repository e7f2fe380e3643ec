"""Issue 17 (fast clicking, CLICK): what the play screen owes when the app closes, and the work it keeps off the
frame while the player clicks on fast. Behaviour only, never time."""
from __future__ import annotations

from contextlib import contextmanager

import pytest

from game.library import load_library
from game.profile import Profile
from game.runtime import events as ev
from game.screens.app import App
from game.screens.input import Action
from game.screens.play import PlayScreen
from tests.test_perf_memory import _wav


def _to_choice(play) -> None:
    """Click on until a choice is drawn (its autosave is due, taken a frame later)."""
    for _ in range(200):
        play.app.step(1 / 60, [Action("confirm")] if play.menu is None else [])
        if isinstance(play.event, ev.ChoiceEvent):
            return
    raise AssertionError("no choice reached")


def test_an_autosave_still_due_when_the_app_closes_is_taken(play):
    _to_choice(play)
    saves = play.app.profile.saves
    assert play.autosave_due
    record = saves.record(play.rt)["runtime"]
    play.on_close()
    saves.flush()
    newest = saves.newest()
    assert not play.autosave_due and newest is not None and newest.slot.startswith("auto")
    assert saves._read(newest.path)["runtime"] == record



def _brought_by_enter(play, kind: type) -> ev.Event:
    """Frames go by with Enter (the first option at an earlier choice) until Enter brings a `kind` moment, not
    drawn yet."""
    for _ in range(200):
        play.app.step(1 / 60)
        if play.menu is not None:
            play.choose(0)
        else:
            play.on_action(Action("confirm"))
        if isinstance(play.event, kind):
            return play.event
    raise AssertionError(f"no {kind.__name__} reached")


def test_a_number_picks_an_option_only_once_the_options_have_been_on_screen(play):
    """A number pressed in the frame a choice comes, before it is drawn, picks nothing (fast clicking with Enter
    and 1 took options nobody had seen) and takes no autosave with the picture of the line before."""
    choice = _brought_by_enter(play, ev.ChoiceEvent)
    assert play.autosave_due
    play.on_action(Action("digit", number=1))
    assert play.event is choice and play.autosave_due
    play.app.step(1 / 60)
    play.on_action(Action("digit", number=1))
    assert play.event is not choice and not play.autosave_due


def test_a_number_with_no_options_on_screen_takes_no_autosave_early(play, monkeypatch):
    """A scene's title card comes with Enter, and 1 in the same frame: the 1 picks nothing, so the card's autosave
    waits for the card's own frame (it was taken at once, with the picture of the line before scaled in the frame)."""
    card = _brought_by_enter(play, ev.SceneStart)
    assert play.autosave_due
    taken = []
    monkeypatch.setattr(play, "save", lambda slot, from_canvas=False: taken.append((play.event, play._shown_drawn)))
    play.on_action(Action("digit", number=1))
    assert taken == [] and play.event is card
    play.app.step(1 / 60, [Action("digit", number=1)])  # its first frame; the next takes its autosave, with its picture
    play.app.step(1 / 60, [Action("digit", number=1)])
    assert taken == [(card, True)] and play.event is card


# --- sound effects decoded off the frame -----------------------------------------------------------

@pytest.fixture
def effects(tmp_path, monkeypatch):
    """Audio with background decoding over two 5-second effects; `effects.decoded_on` lists the threads that
    decoded a sound, `effects.played` the effects started."""
    import threading

    import pygame

    from game.screens.audio import Audio
    for name in ("door", "bell"):
        _wav(tmp_path / "sfx" / f"{name}.wav", 5.0)
    audio = Audio(tmp_path)
    if not audio.enabled:
        pytest.skip(f"no mixer even with the dummy driver: {audio.reason}")
    audio.background = True
    audio.decoded_on = []
    decode = pygame.mixer.Sound

    def spied(*args, **kwargs):
        audio.decoded_on.append(threading.current_thread() is threading.main_thread())
        return decode(*args, **kwargs)
    monkeypatch.setattr(pygame.mixer, "Sound", spied)
    audio.played = []  # the effects started, in turn (a channel's state would depend on the mixer's real time)
    play = audio._play
    monkeypatch.setattr(audio, "_play", lambda name: (audio.played.append(name), play(name))[1])
    yield audio
    pygame.mixer.quit()


def _until_kept(audio, *names: str) -> None:
    """Frames go by (`update()`) until the effects thread has handed these over (waited for, not timed)."""
    import time
    deadline = time.monotonic() + 30
    while not all(n in audio._sounds for n in names) and time.monotonic() < deadline:
        time.sleep(0.005)
        audio.update()
    assert all(n in audio._sounds for n in names)


def test_an_effect_not_decoded_yet_is_decoded_off_the_frame_and_plays_once_it_comes(effects):
    effects.play_sound("door")
    assert "door" not in effects._sounds  # nothing decoded in the frame that asked for it
    _until_kept(effects, "door")
    assert effects.played == ["door"]  # played by the update that took it, once
    assert effects.decoded_on == [False]


def test_expected_effects_are_decoded_ahead_and_play_at_once(effects):
    effects.expect(["door", "bell", "door"])
    _until_kept(effects, "door", "bell")
    assert effects.played == []  # decoded ahead, not played
    effects.play_sound("bell")
    assert effects.played == ["bell"]  # at once: nothing left to decode
    assert effects.decoded_on == [False, False]  # each once, on the effects thread


def test_a_missing_effect_is_silent_and_never_played_late(effects):
    effects.play_sound("nothing")
    effects.expect(["door"])
    _until_kept(effects, "door")  # handed over after "nothing" (one thread, in turn)
    assert "nothing" not in effects._sounds and not effects._to_play and not effects._asked


def test_the_play_screen_expects_each_scene_s_effects_once(play, monkeypatch):
    from game.content import model as m
    asked = []
    monkeypatch.setattr(play.app.audio, "expect", lambda names: asked.append((play.rt.state.scene, list(names))))
    scenes = [play.rt.state.scene]  # the first one's were asked for when the screen opened
    for _ in range(300):
        if isinstance(play.event, ev.EndEvent):
            break
        play.choose(0) if isinstance(play.event, ev.WAITS_FOR_CHOICE) else play.next_event()
        if play.rt.state.scene != scenes[-1]:
            scenes.append(play.rt.state.scene)
    assert len(scenes) == 2 and [scene for scene, _ in asked] == scenes[1:]
    for scene, names in asked:
        assert names == [op.effect for op in play.app.story.scenes[scene].code if isinstance(op, m.Sound)]


# --- a line typing out keeps its still part at once ------------------------------------------------

def _typing_line(play) -> None:
    """On to a new line that types out, with no transition running (its first frame not drawn yet)."""
    for _ in range(200):
        play.choose(0) if isinstance(play.event, ev.WAITS_FOR_CHOICE) else play.next_event()
        play.fade = 1.0
        if isinstance(play.event, ev.LineEvent) and not play.line_done():
            return
    raise AssertionError("no line typing out reached")


def test_a_line_typing_out_is_kept_at_once_and_the_click_that_finishes_it_draws_no_stage(play, monkeypatch):
    import pygame
    play.app.step(1 / 60)
    _typing_line(play)
    play.app.step(1 / 60)  # its first frame: drawn, and kept at once
    assert play.still._key == play._still_key(play.app.canvas)
    stages = []
    draw_still = play._draw_still
    monkeypatch.setattr(play, "_draw_still", lambda surface: (stages.append(surface), draw_still(surface)))
    play.app.step(1 / 60, [Action("confirm")])  # finishes the line: the same still part, from the kept copy
    assert play.line_done() and stages == []
    fresh = pygame.Surface(play.app.canvas.get_size())
    play.draw(fresh)  # (a surface that is not the canvas is always drawn afresh)
    assert pygame.image.tobytes(fresh, "RGB") == pygame.image.tobytes(play.app.canvas, "RGB")


def test_lines_skipped_through_are_not_kept_at_once(play, monkeypatch):
    play.app.settings.skip_unread = True
    play.app.step(1 / 60)
    _typing_line(play)
    play.skip = True
    kept = []
    keep = play.still.keep
    monkeypatch.setattr(play.still, "keep", lambda surface, key, again=False: (
        kept.append((play.event, again)), keep(surface, key, again)))
    for _ in range(6):
        play.app.step(1 / 60)
    lines = [again for event, again in kept if isinstance(event, ev.LineEvent)]
    assert lines and not any(lines)  # a new line every frame: none copied at once


def test_a_choice_s_shaded_stage_is_kept_from_its_second_frame_and_blitted_after(play, monkeypatch):
    """A choice shown for one frame (fast clicking through the retrial's menus, each answer changing a look) costs
    no copy of its shaded stage; one that stays is copied at its second frame and blitted from the third."""
    import pygame
    play.app.step(1 / 60)
    for _ in range(400):
        if isinstance(play.event, ev.ChoiceEvent):
            break
        play.choose(0) if isinstance(play.event, ev.WAITS_FOR_CHOICE) else play.next_event()
    play.fade = 1.0
    copies, stages = [], []
    keep, draw_still = play.still.keep, play._draw_still
    monkeypatch.setattr(play.still, "keep", lambda surface, key, again=False: (
        copies.append(again or key == play.still._last), keep(surface, key, again)))
    monkeypatch.setattr(play, "_draw_still", lambda surface: (stages.append(surface), draw_still(surface)))
    play.app.step(1 / 60)
    assert stages and copies == [False]  # its first frame: drawn, not copied
    play.app.step(1 / 60)
    assert len(stages) == 2 and copies == [False, True]  # its second: drawn again, and kept
    play.app.step(1 / 60)
    assert len(stages) == 2 and play.still._key == play._still_key(play.app.canvas)  # its third: blitted
    fresh = pygame.Surface(play.app.canvas.get_size())
    play.draw(fresh)
    assert pygame.image.tobytes(fresh, "RGB") == pygame.image.tobytes(play.app.canvas, "RGB")


def test_a_choice_s_question_box_is_worked_out_once_and_again_when_its_menu_changes(play, monkeypatch):
    _to_choice(play)
    fitted = []
    fit = play._fit_choice_box
    monkeypatch.setattr(play, "_fit_choice_box", lambda e, gloss: (fitted.append(e), fit(e, gloss))[1])
    for name in ("down", "up", "down"):
        play.app.step(1 / 60, [Action(name)])
    assert fitted == []  # drawn, its options placed and clicks tested four frames running: worked out once, before
    box = play._choice_box(play.event)
    play.menu = play._menu_for(play.event)  # a new menu (a language switch makes one)
    assert play._choice_box(play.event) == box and fitted == [play.event]


def test_choices_in_a_row_on_one_stage_draw_the_stage_once(play, monkeypatch):
    import dataclasses

    import pygame
    _to_choice(play)  # its first frame keeps the shaded stage at once
    play.app.step(1 / 60)
    stages = []
    draw_stage = play._draw_stage
    monkeypatch.setattr(play, "_draw_stage", lambda surface: (stages.append(surface), draw_stage(surface)))
    then = dataclasses.replace(play.event, prompt="And then, which way?", options=((0, "North"), (1, "South")))
    play.event, play.menu = then, play._menu_for(then)  # the next choice comes, over the same stage
    play.app.step(1 / 60)
    assert stages == []
    fresh = pygame.Surface(play.app.canvas.get_size())
    play.draw(fresh)
    assert pygame.image.tobytes(fresh, "RGB") == pygame.image.tobytes(play.app.canvas, "RGB")


# --- the autosave's thumbnail scaled off the frame -------------------------------------------------

def test_an_autosave_s_thumbnail_is_its_moment_s_canvas_scaled_off_the_frame(play, monkeypatch):
    import io
    import threading

    import pygame
    _to_choice(play)
    app = play.app
    app.present()  # the frame that shows the choice is presented: its canvas is scaled on a thread meanwhile
    app._scaling.wait()  # (waited for here, so the spy below sees only what the next frame scales)
    expected = pygame.image.tobytes(pygame.transform.smoothscale(app.canvas.copy(), (256, 144)), "RGB")
    scaled_on, taken = [], []
    smoothscale = pygame.transform.smoothscale
    monkeypatch.setattr(pygame.transform, "smoothscale", lambda *a: (
        scaled_on.append(threading.current_thread().name), smoothscale(*a))[1])
    monkeypatch.setattr(app.profile.saves, "autosave", lambda rt, thumbnail: taken.append(thumbnail))
    app.step(1 / 60)  # the next frame takes the autosave, then draws
    assert len(taken) == 1 and scaled_on == []  # nothing scaled in this frame: the thread had done it
    picture = pygame.image.load(io.BytesIO(taken[0]()))
    assert pygame.image.tobytes(picture, "RGB") == expected


def test_an_ending_s_thumbnail_is_its_moment_drawn_apart_and_scaled_off_the_frame(play, monkeypatch):
    """The ending's autosave is taken at once, its canvas about to show the end screen: its moment is drawn on a
    surface of its own, and that is scaled on the thumbnail thread, not in the frame; the picture is that moment's."""
    import io
    import threading

    import pygame
    app = play.app
    scaled_on, taken = [], []
    smoothscale = pygame.transform.smoothscale
    monkeypatch.setattr(pygame.transform, "smoothscale", lambda surface, size: (
        tuple(size) == (256, 144) and scaled_on.append(threading.current_thread().name), smoothscale(surface, size))[1])
    monkeypatch.setattr(app.profile.saves, "autosave", lambda rt, thumbnail: taken.append(thumbnail))
    for _ in range(300):
        app.step(1 / 60, [Action("confirm")] if play.menu is None else [Action("digit", number=1)])
        app.present()
        if app.top is not play:
            break
    assert isinstance(play.event, ev.EndEvent) and type(app.top).__name__ == "EndScreen"
    assert scaled_on and threading.current_thread().name not in scaled_on  # every thumbnail, the ending's with
    # them, scaled on the thumbnail thread
    alone = pygame.Surface(app.canvas.get_size())
    play.draw(alone)
    expected = pygame.image.tobytes(smoothscale(alone, (256, 144)), "RGB")
    picture = pygame.image.load(io.BytesIO(taken[-1]()))
    assert pygame.image.tobytes(picture, "RGB") == expected


def test_the_canvas_is_never_drawn_on_while_its_thumbnail_is_being_scaled(play, monkeypatch):
    import threading
    import time

    from game.screens import thumbnail
    events, lock, watching = [], threading.Lock(), []
    scale = thumbnail.Scaling._scale

    def slow(self) -> None:  # a thread slower than the frames that follow it
        time.sleep(0.05)
        scale(self)
        with lock:
            events.append(("scaled", id(self)))
    monkeypatch.setattr(thumbnail.Scaling, "_scale", slow)
    draw = play.draw

    def drawing(surface) -> None:
        if watching:
            with lock:
                events.append("draw")
        draw(surface)
    monkeypatch.setattr(play, "draw", drawing)
    _to_choice(play)
    play.app.present()
    pending = play.app._scaling
    assert pending is not None
    watching.append(True)
    for _ in range(3):
        play.app.step(1 / 60)
        play.app.present()
    assert events.index(("scaled", id(pending))) < events.index("draw")  # the next drawing waited for it


@contextmanager
def _locked(surface):
    surface.lock()
    try:
        yield
    finally:
        surface.unlock()


def test_frames_presented_while_thumbnails_are_scaled_never_blit_a_canvas_the_scaling_holds(
        story_root, tmp_path, monkeypatch):
    import time

    from game.screens import thumbnail
    scale = thumbnail.Scaling._scale

    def slow(self) -> None:  # a slow scaling, holding the canvas locked as smoothscale does while it reads
        with _locked(self._source):
            time.sleep(0.05)
        scale(self)
    monkeypatch.setattr(thumbnail.Scaling, "_scale", slow)
    app = App(load_library(story_root), Profile(tmp_path / "data"), window=True)
    play = PlayScreen(app)
    app.push(play)
    scaled = 0
    for _ in range(300):
        app.step(1 / 60, [Action("confirm")] if play.menu is None else [Action("digit", number=1)])
        app.present()  # blits the canvas to the window: a blit from a canvas being scaled (locked) fails
        scaled += app._scaling is not None
        if isinstance(play.event, ev.EndEvent):
            break
    assert scaled >= 2  # the scene start's and the choice's


def test_a_screenshot_waits_for_the_thumbnail_being_scaled(play, monkeypatch, tmp_path):
    import time

    import pygame

    from game.screens import thumbnail
    scale = thumbnail.Scaling._scale
    monkeypatch.setattr(thumbnail.Scaling, "_scale", lambda self: (time.sleep(0.05), scale(self)))
    _to_choice(play)
    play.app.present()
    scaling, saved = play.app._scaling, []
    save = pygame.image.save
    monkeypatch.setattr(pygame.image, "save", lambda surface, path: (saved.append(not scaling._done.is_set()),
                                                                      save(surface, path)))
    play.app.screenshot(tmp_path / "shot.png")
    assert saved == [False] and play.app._scaling is scaling  # waited for, and still there for the autosave


# --- a panel drawn once has no surface of its own ----------------------------------------------------

@pytest.mark.parametrize("size, edge, alpha", [((1180, 600), (200, 180, 90), None), ((57, 31), None, 235),
                                               ((900, 190), (90, 200, 255), 120), ((40, 20), (9, 9, 9), None),
                                               ((10, 300), None, None)])
def test_a_panel_drawn_once_is_drawn_on_the_scratch_layer_with_the_same_pixels(size, edge, alpha, monkeypatch):
    import pygame

    from game.ui import draw
    from game.ui.theme import Theme
    monkeypatch.setattr(draw, "_PANELS", {})
    monkeypatch.setattr(draw, "_DRAWN_ONCE", {})
    monkeypatch.setattr(draw, "_PANEL_BYTES", [0])
    backdrop = pygame.Surface((1280, 720))
    for x in range(0, 1280, 40):  # something to blend over
        backdrop.fill((x % 255, 90, 255 - x % 255), (x, 0, 40, 720))
    draw._layer((1280, 720))[0].fill((250, 10, 90, 200))  # what a box drawn before left on the scratch layer
    frames, kept = [], []
    for _ in range(3):  # drawn once (on the scratch), again (a surface of its own, kept), then from the kept one
        surface = backdrop.copy()
        draw.panel(surface, pygame.Rect((31, 47), size), Theme(), alpha=alpha, edge=edge)
        frames.append(pygame.image.tobytes(surface, "RGB"))
        kept.append([id(made) for made in draw._PANELS.values()])
    assert frames[0] == frames[1] == frames[2]
    assert kept[0] == [] and len(kept[1]) == 1 and kept[2] == kept[1]


@pytest.mark.parametrize("alpha", [None, 120, 255])
def test_a_tall_panel_s_middle_is_blended_at_once_and_only_its_caps_and_edges_pixel_by_pixel(alpha, monkeypatch):
    """On an opaque canvas the one-coloured middle of a panel is a multiply and an add of kept strips (`_tint`), or
    a fill when the panel is opaque (high contrast, exact): what is blitted pixel by pixel from the kept panel is
    its caps and its two edges (a card's 1180x600 middle was blended a pixel at a time: 0.6 ms)."""
    import pygame

    from game.ui import draw
    from game.ui.theme import Theme
    monkeypatch.setattr(draw, "_PANELS", {})
    monkeypatch.setattr(draw, "_DRAWN_ONCE", {})
    monkeypatch.setattr(draw, "_PANEL_BYTES", [0])

    class Counting(pygame.Surface):
        blended = 0

        def blit(self, source, dest, area=None, special_flags=0):  # noqa: D102 - as pygame's
            if source.get_flags() & pygame.SRCALPHA:
                size = pygame.Rect(area).size if area is not None else source.get_size()
                Counting.blended += size[0] * size[1]
            return super().blit(source, dest, area, special_flags)

    theme = Theme()
    rect, edge, cap = pygame.Rect(50, 60, 1180, 600), (200, 180, 90), max(14, theme.edge_width)
    surface = Counting((1280, 720))
    for _ in range(3):  # on the scratch layer, then kept, then from what is kept
        Counting.blended = 0
        before = surface.copy()
        draw.panel(surface, rect, theme, alpha=alpha, edge=edge)
        assert Counting.blended == rect.w * 2 * cap + 2 * theme.edge_width * (rect.h - 2 * cap)
        if alpha == 255:  # a fill gives the blit's pixels exactly
            expected = before
            whole = pygame.Surface(rect.size, pygame.SRCALPHA)
            draw._rounded(whole, whole.get_rect(), (*theme.panel, 255), edge, theme.edge_width, 14)
            expected.blit(whole, rect.topleft)
            assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(expected, "RGB")
    Counting.blended = 0  # on a transparent layer it is blended pixel by pixel, as before
    draw.panel(Counting((1280, 720), pygame.SRCALPHA), rect, theme, alpha=alpha, edge=edge)
    assert Counting.blended == rect.w * rect.h


def test_text_is_split_into_runs_of_one_font_as_before():
    """Text the main font covers is one run (found without a loop in Python); symbols the fallback draws still
    get runs of their own."""
    from game.ui.fonts import FontBook
    fonts = FontBook()
    arrow = next(chr(cp) for cp in sorted(fonts.fallback_cover) if cp > 0x2000 and cp not in fonts.primary_cover)
    assert fonts._runs("He said 용구, then left.") == [("He said 용구, then left.", False)]
    assert fonts._runs("") == []
    assert fonts._runs(f"a {arrow}{arrow} b") == [("a ", False), (arrow * 2, True), (" b", False)]


# --- a coming "Film and sources" page laid out ahead -----------------------------------------------

@pytest.fixture
def unhurried(monkeypatch):
    """Cheap frames lay out all that comes, time aside (how much fits in LAY_OUT_SECONDS depends on the machine)."""
    from game.screens import play as play_module
    monkeypatch.setattr(play_module, "LAY_OUT_SECONDS", float("inf"))

def test_a_coming_page_s_cards_are_laid_out_ahead_in_frames_that_blit_their_still_part(play, monkeypatch, unhurried):
    """Read at rest (each moment's still part kept, then blitted), the chapter's page comes with its cards already
    wrapped: its first frame lays out no text (the same frame as one drawn afresh)."""
    import pygame

    from game.ui import richtext
    app = play.app
    while not isinstance(play.event, ev.SourcesPage):
        play.typed = 1e9
        for _ in range(3):
            app.step(1 / 60)
        play.choose(0) if isinstance(play.event, ev.WAITS_FOR_CHOICE) else play.next_event()
    assert play.event.cards  # (the fixture's first chapter: a fact)
    wrapped = []
    wrap = richtext.markup.wrap
    monkeypatch.setattr(richtext.markup, "wrap", lambda *args: (wrapped.append(args), wrap(*args))[1])
    app.step(1 / 60)
    assert wrapped == []
    fresh = pygame.Surface(app.canvas.get_size())
    play.draw(fresh)
    assert pygame.image.tobytes(fresh, "RGB") == pygame.image.tobytes(app.canvas, "RGB")


def test_a_coming_scene_s_title_card_and_evidence_are_laid_out_ahead(play, monkeypatch, unhurried):
    """The title card of the scene a goto leads to, and evidence the scene gives ahead, are wrapped and rendered in
    cheap frames before they show: their first frames lay out no text, and look as drawn afresh."""
    import pygame

    from game.ui import richtext
    app = play.app
    shown, wrapped = [], []
    wrap = richtext.markup.wrap
    monkeypatch.setattr(richtext.markup, "wrap", lambda *args: (wrapped.append(args), wrap(*args))[1])
    for _ in range(100):
        if isinstance(play.event, (ev.SceneStart, ev.EvidenceEvent)) and len(shown) < 4:
            wrapped.clear()
            app.step(1 / 60)
            fresh = pygame.Surface(app.canvas.get_size())
            play.draw(fresh)
            shown.append((type(play.event).__name__, wrapped == [],
                          pygame.image.tobytes(fresh, "RGB") == pygame.image.tobytes(app.canvas, "RGB")))
        play.typed = 1e9
        for _ in range(3):
            app.step(1 / 60)
        if isinstance(play.event, ev.EndEvent):
            break
        play.choose(0) if isinstance(play.event, ev.WAITS_FOR_CHOICE) else play.next_event()
    later = [(kind, laid_out, same) for kind, laid_out, same in shown[1:]]  # (the first scene's card opens the game)
    assert later and all(laid_out and same for _, laid_out, same in later), shown


def test_the_next_line_is_laid_out_ahead_and_shows_as_drawn_afresh(play, monkeypatch, unhurried):
    """In the cheap frames of a line at rest, the next line's words are wrapped and rendered (after the cards to
    come): its first frame lays out no text, and looks as drawn afresh. What was laid out ahead is let go once it
    is no longer to come."""
    import pygame

    from game.ui import richtext
    app, wrapped = play.app, []
    while not isinstance(play.event, ev.LineEvent):
        play.next_event()
    assert play.event.text == "It begins."  # (the fixture's first line; a portrait, then "Hello.")
    wrap = richtext.markup.wrap
    monkeypatch.setattr(richtext.markup, "wrap", lambda *args: (wrapped.append(args), wrap(*args))[1])
    play.typed = 1e9
    for _ in range(8):
        app.step(1 / 60)  # drawn, kept, then blitted: a cheap frame lays out what comes (cards first)
    assert ("Hello.", (app.fonts, app.theme, "en")) in play._laid_out
    play.next_event()
    wrapped.clear()
    play.typed = 1e9
    app.step(1 / 60)
    fresh = pygame.Surface(app.canvas.get_size())
    play.draw(fresh)
    assert play.event.text == "Hello." and wrapped == []
    assert pygame.image.tobytes(fresh, "RGB") == pygame.image.tobytes(app.canvas, "RGB")
    for _ in range(4):
        app.step(1 / 60)
    assert play._laid_out and all(done in play._ahead[1] for done, _ in play._laid_out)


# --- a coming choice laid out ahead -----------------------------------------------------------------------

def test_the_runtime_lists_a_coming_choice_as_it_would_offer_itself_now(play):
    """Runtime.coming names the choice ahead with the options whose conditions hold now (the secret door waits for
    a flag), before what its options give; shown, it is the same choice."""
    rt = play.rt
    coming = rt.coming()
    choices = [c for c in coming if isinstance(c, ev.ChoiceEvent)]
    assert [(c.prompt, c.options) for c in choices] == [("Which way?", ((0, "Take the key"), (1, "Leave it")))]
    assert coming.index(choices[0]) < next(i for i, c in enumerate(coming) if isinstance(c, ev.EvidenceEvent))
    while not isinstance(play.event, ev.ChoiceEvent):
        play.next_event()
    assert play.event == choices[0]


def _cheap_frames_before_the_choice(play, frames: int) -> list[tuple]:
    """At rest on the line before the fixture's choice, up to `frames` cheap frames, until the choice is laid out;
    each leaves the canvas as it was. Returns what was being laid out after each (`_laying_out`)."""
    import pygame
    app, progress = play.app, []
    while not (isinstance(play.event, ev.LineEvent) and play.event.text == "Hello."):
        play.next_event()
    play.typed = 1e9
    app.step(1 / 60)
    app.step(1 / 60)
    before = pygame.image.tobytes(app.canvas, "RGB")
    for _ in range(frames):
        app.step(0.0)
        assert pygame.image.tobytes(app.canvas, "RGB") == before
        progress.append(play._laying_out)
        if any(isinstance(done, ev.ChoiceEvent) for done, _ in play._laid_out):
            return progress
    raise AssertionError("the coming choice was not laid out")


def _the_choice_comes_laid_out(play, monkeypatch) -> None:
    """The choice's first frame lays out no text and looks as drawn afresh."""
    import pygame

    from game.ui import richtext
    wrapped, wrap = [], richtext.markup.wrap
    monkeypatch.setattr(richtext.markup, "wrap", lambda *args: (wrapped.append(args), wrap(*args))[1])
    play.next_event()
    assert isinstance(play.event, ev.ChoiceEvent) and play.menu is not None
    play.app.step(1 / 60)
    assert wrapped == []
    fresh = pygame.Surface(play.app.canvas.get_size())
    play.draw(fresh)
    assert pygame.image.tobytes(fresh, "RGB") == pygame.image.tobytes(play.app.canvas, "RGB")


def test_a_coming_choice_is_laid_out_ahead_and_its_first_frame_shows_as_drawn_afresh(play, monkeypatch, unhurried):
    """In the cheap frames before it, the choice's question and options are wrapped and rendered, the moment on
    screen left as it was (its frames unchanged); the choice's first frame lays out no text and looks as drawn
    afresh."""
    _cheap_frames_before_the_choice(play, 8)
    _the_choice_comes_laid_out(play, monkeypatch)


def test_what_comes_is_laid_out_in_pieces_once_the_frame_s_time_for_it_is_spent(play, monkeypatch):
    """With no time for laying out (the deadline always past), each cheap frame goes one blit further into the card
    it began, then stops: the coming choice is laid out over many frames, each leaving the canvas as it was, and its
    first frame lays out no text and looks as drawn afresh."""
    from game.screens import play as play_module
    monkeypatch.setattr(play_module, "LAY_OUT_SECONDS", -1.0)
    progress = _cheap_frames_before_the_choice(play, 300)
    choice = [blits for (card, blits) in progress if card is not None and isinstance(card[0], ev.ChoiceEvent)]
    assert len(choice) > 2 and choice[:-1] == list(range(len(choice) - 1))  # one blit further each frame, then done
    _the_choice_comes_laid_out(play, monkeypatch)


def test_thumbnails_in_a_row_share_one_thread_which_ends_when_none_comes(monkeypatch):
    """An autosave's picture is scaled on the thumbnail thread; pictures asked for one after another (fast clicking
    asks at every choice) are scaled by the same thread, not one started for each (a start took ~0.12 ms of the
    frame's CPU and ~0.8 ms of its wall time), and the thread ends once none has come for LINGER_SECONDS."""
    import threading

    import pygame

    from game import worker
    from game.screens import thumbnail
    thumbnail.settle()
    monkeypatch.setattr(worker, "LINGER_SECONDS", 0.05)
    for thread in threading.enumerate():  # (one left waiting by an earlier test ends now)
        if thread.name == "cell7-thumbnail":
            thread.join(10)
    started = []
    real_start = threading.Thread.start
    monkeypatch.setattr(threading.Thread, "start", lambda self: (started.append(self.name), real_start(self))[1])
    pictures = []
    for shade in range(0, 250, 50):
        source = pygame.Surface((1280, 720))
        source.fill((shade, 0, 0))
        pictures.append((shade, thumbnail.Scaling(source)))
    for shade, scaling in pictures:
        picture = scaling.picture()
        assert picture.get_size() == thumbnail.THUMB and abs(picture.get_at((10, 10)).r - shade) <= 4  # (its own)
    assert started.count("cell7-thumbnail") == 1
    worker = next(t for t in threading.enumerate() if t.name == "cell7-thumbnail")
    worker.join(10)
    assert not worker.is_alive()
