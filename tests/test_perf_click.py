"""Issue 17 (fast clicking, CLICK): what the play screen owes when the app closes, and the work it keeps off the
frame while the player clicks on fast. Behaviour only, never time."""
from __future__ import annotations

import pytest

from game.library import load_library
from game.profile import Profile
from game.runtime import events as ev
from game.screens.app import App
from game.screens.input import Action
from game.screens.play import PlayScreen


@pytest.fixture
def play(story_root, tmp_path):
    app = App(load_library(story_root), Profile(tmp_path / "data"), window=False)
    play = PlayScreen(app)
    app.push(play)
    return play


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
