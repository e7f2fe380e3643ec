"""Issue 17 (second wave): an autosave is taken in the frame after the one that first shows its moment (a scene
start, a choice), so its thumbnail is that moment and its cost is not in the frame that draws a new stage; when
the story moves on before then, it is taken first, so the slot always holds the moment it was due for."""
from __future__ import annotations

import pygame

from game.runtime import events as ev
from game.screens.input import Action


def _watch_autosaves(play, monkeypatch) -> list[tuple]:
    """(the moment on screen, the runtime's record, the canvas's pixels) at each autosave."""
    taken = []
    store = play.app.profile.saves
    monkeypatch.setattr(play, "save", lambda slot, from_canvas=False: taken.append(
        (play.event, store.record(play.rt)["runtime"], pygame.image.tobytes(play.app.canvas, "RGB"))))
    return taken


def _to_choice(play) -> list[bytes]:
    """Click on until a choice is drawn; the canvases of the frames, the last one showing the choice."""
    drawn = []
    for _ in range(200):
        play.app.step(1 / 60, [Action("confirm")] if play.menu is None else [])
        drawn.append(pygame.image.tobytes(play.app.canvas, "RGB"))
        if isinstance(play.event, ev.ChoiceEvent):
            return drawn
    raise AssertionError("no choice reached")


def test_the_autosave_of_a_choice_is_taken_the_frame_after_and_shows_the_choice(play, monkeypatch):
    drawn = _to_choice(play)
    taken = _watch_autosaves(play, monkeypatch)
    record = play.app.profile.saves.record(play.rt)["runtime"]
    play.app.step(1 / 60)
    assert len(taken) == 1
    event, saved, canvas = taken[0]
    assert event is play.event and saved == record
    assert canvas == drawn[-1] and canvas != drawn[-2]  # the frame that showed the choice, not the one before


def test_an_autosave_due_is_taken_before_the_story_moves_on(play, monkeypatch):
    _to_choice(play)
    choice, record = play.event, play.app.profile.saves.record(play.rt)["runtime"]
    taken = _watch_autosaves(play, monkeypatch)
    play.autosave_due, play._shown_drawn = True, False  # as in the frame that shows the choice
    play.choose(0)                                    # moved on at once (a test, a skip): taken first
    assert taken and taken[0][0] is choice and taken[0][1] == record


def test_an_autosave_still_due_when_the_game_is_closed_is_written(play, monkeypatch):
    """It is taken a frame after its moment: closing the window in between must not lose it (App.run's end)."""
    _to_choice(play)
    app, saves = play.app, play.app.profile.saves
    assert play.autosave_due
    record = saves.record(play.rt)["runtime"]
    monkeypatch.setattr(pygame, "quit", lambda: None)  # the test process goes on using pygame
    app.running = False  # the player closed the window: the loop ends before another frame
    assert app.run() == 0
    newest = saves.newest()  # run() waited for the writer
    assert not play.autosave_due and newest is not None and newest.slot.startswith("auto")
    assert saves._read(newest.path)["runtime"] == record


# --- the moment a load resumes at (AUDIT's A5) -------------------------------------------------------------

def _to_end(play) -> None:
    for _ in range(400):
        if isinstance(play.event, ev.EndEvent):
            return
        play.choose(play.event.options[0][0]) if isinstance(play.event, ev.WAITS_FOR_CHOICE) else play.next_event()
    raise AssertionError("no ending reached")


def test_the_moment_a_load_resumes_at_is_not_autosaved_again(play, monkeypatch):
    """Continue (a load from the title) shows the saved moment: a choice or the story's ending. It is the save
    just read, so no autosave of it is written (the ending's end screen still opens at once); the next one is."""
    from game.screens.play import PlayScreen
    app = play.app
    _to_choice(play)
    app.step(1 / 60)  # the choice's autosave
    _to_end(play)
    app.step(1 / 60)  # the ending's, taken at once: the end screen opens
    app.writer.flush()
    slot = app.profile.saves.newest().slot
    for expected in (ev.EndEvent, ev.EndEvent):  # Continue twice on a finished game
        while not isinstance(app.top, PlayScreen):
            app.pop()
        again = PlayScreen(app)
        app.push(again)
        taken = _watch_autosaves(again, monkeypatch)
        again.load(slot)
        assert isinstance(again.event, expected)
        for _ in range(3):
            app.step(1 / 60)
        assert taken == [] and app.top is not again  # the end screen, and no autosave


def test_an_ending_s_autosave_shows_the_ending_not_the_frame_before(play, monkeypatch):
    """An ending is autosaved at once, before a frame has shown it: its thumbnail is the ending drawn, not the
    canvas, which still holds the moment before (or, after Continue, the title)."""
    app = play.app
    _to_end(play)
    pictures = []
    thumbnail = app.thumbnail
    monkeypatch.setattr(app, "thumbnail", lambda under=None: (pictures.append(under), thumbnail(under))[1])
    app.step(1 / 60)
    assert pictures == [play]  # drawn again for the thumbnail, not taken from the canvas


# --- quitting keeps the moment on screen (AUDIT's A7) ------------------------------------------------------

def _close(app, monkeypatch) -> None:
    monkeypatch.setattr(pygame, "quit", lambda: None)  # the test process goes on using pygame
    app.running = False  # the player quit: the loop ends before another frame
    assert app.run() == 0  # (it waits for the writer)


def test_quitting_autosaves_the_moment_on_screen_when_it_is_not_the_newest_autosave(play, monkeypatch):
    """The quit dialog says progress is kept in the autosave: lines read on after a load of an earlier save (or
    after the last scene start or choice) are where Continue comes back to."""
    app, saves = play.app, play.app.profile.saves
    while not (isinstance(play.event, ev.LineEvent) and play.event.text == "Hello."):
        play.next_event()
    play.save("1")  # an earlier moment, saved by hand
    _to_choice(play)
    app.step(1 / 60)  # the choice's autosave
    play.load("1")  # back to "Hello." (no autosave of it: it is the save just read)
    app.step(1 / 60)
    play.next_event()  # read on, to the choice again
    app.step(1 / 60)
    play.choose(0)
    play.next_event()  # and past it: a line
    record = saves.record(play.rt)["runtime"]
    _close(app, monkeypatch)
    newest = saves.newest()
    assert newest.slot.startswith("auto") and saves._read(newest.path)["runtime"] == record


def test_quitting_at_the_newest_autosave_or_a_save_just_loaded_writes_none(play, monkeypatch):
    app, saves = play.app, play.app.profile.saves
    _to_choice(play)
    app.step(1 / 60)  # the choice's autosave
    app.writer.flush()
    play.load(saves.newest().slot)
    taken = _watch_autosaves(play, monkeypatch)
    _close(app, monkeypatch)
    assert taken == []


def _thumbnails_asked(app, monkeypatch) -> list:
    """The `under` of each thumbnail asked for: None takes the canvas as it is, a screen is drawn again."""
    asked = []
    real = app.thumbnail
    monkeypatch.setattr(app, "thumbnail", lambda under=None: asked.append(under) or real(under))
    return asked


def _a_line_after_the_newest_autosave(play) -> None:
    app = play.app
    _to_choice(play)
    app.step(1 / 60)  # the choice's autosave
    play.choose(0)
    while not isinstance(play.event, ev.LineEvent):
        play.next_event()
    app.step(1 / 60)  # drawn: the canvas shows the line, alone
    app.writer.flush()


def test_quitting_from_play_takes_the_thumbnail_from_the_last_frame_not_a_new_drawing(play, monkeypatch):
    app = play.app
    _a_line_after_the_newest_autosave(play)
    record = app.profile.saves.record(play.rt)["runtime"]
    asked = _thumbnails_asked(app, monkeypatch)
    drawn = []
    monkeypatch.setattr(play, "draw", lambda surface: drawn.append(surface))
    _close(app, monkeypatch)
    assert asked == [None] and drawn == []  # the frame on screen shows the moment as it is: no second drawing
    saves = app.profile.saves
    assert saves._read(saves.newest().path)["runtime"] == record


def test_quitting_with_a_menu_over_play_or_after_an_action_not_yet_drawn_draws_the_moment_again(play, monkeypatch):
    app = play.app
    _a_line_after_the_newest_autosave(play)
    app.nav.open("menu", play=play)  # the pause menu over the story
    app.step(1 / 60)
    asked = _thumbnails_asked(app, monkeypatch)
    play.on_close()
    assert asked == [play]  # the canvas shows the menu: the thumbnail is the game drawn without it
    app.pop()
    app.step(1 / 60)  # the story alone again
    shown = play.event
    for _ in range(3):  # (the first may only finish typing the line out)
        app.dispatch(Action("confirm"))  # on to the next moment, not drawn yet
    assert play.event is not shown
    asked.clear()
    play.on_close()
    assert asked == [play]
