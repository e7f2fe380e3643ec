"""Issue 17, memory: what glibc keeps after freeing is handed back at quiet moments on the heap thread, never
in the frame (game/screens/heap.py). No test here depends on timing: each waits for the heap thread explicitly."""
from __future__ import annotations

import threading

import pytest
from conftest import play_until

from game.profile import Profile
from game.screens import app as app_module
from game.screens import heap
from game.screens.app import App
from game.screens.base import Screen
from game.screens.play import PlayScreen


def test_asking_wakes_the_heap_thread_and_neither_trims_nor_waits_on_the_callers_thread():
    entered, release, threads = threading.Event(), threading.Event(), []

    def trim() -> None:
        threads.append(threading.current_thread().name)
        entered.set()
        assert release.wait(60), "the test never let the trim finish"
    trimmer = heap.Trimmer(trim)
    trimmer.start()
    trimmer.ask()
    assert entered.wait(60)
    trimmer.ask()  # while the first trim runs: returns at once, and one more trim follows it
    trimmer.ask()
    release.set()
    assert trimmer.wait(60)
    assert trimmer.trims == 2
    assert threads == ["cell7-heap", "cell7-heap"]


def test_without_glibc_asking_does_nothing():
    trimmer = heap.Trimmer(None)
    trimmer.start()
    trimmer.ask()
    assert trimmer.wait(0) and trimmer.trims == 0 and trimmer._thread is None


def test_on_glibc_a_trim_calls_malloc_trim_on_the_heap_thread():
    trim = heap._malloc_trim()
    if trim is None:
        pytest.skip("not glibc: nothing to trim")
    trimmer = heap.Trimmer(trim)
    trimmer.ask()
    assert trimmer.wait(60) and trimmer.trims == 1


class Blank(Screen):
    def draw(self, surface) -> None:
        pass


@pytest.fixture
def watched(library, tmp_path, monkeypatch):
    """(app, trimmer, where): an app whose trims are recorded as (thread, inside App.step on that thread)."""
    where: list[tuple[str, bool]] = []
    inside = threading.local()

    def trim() -> None:
        where.append((threading.current_thread().name, getattr(inside, "step", False)))
    trimmer = heap.Trimmer(trim)
    monkeypatch.setattr(heap, "TRIMMER", trimmer)
    app = App(library, Profile(tmp_path / "data", library.story_id), window=False)
    step = app.step

    def framed(*args, **kwargs):
        inside.step = True
        try:
            return step(*args, **kwargs)
        finally:
            inside.step = False
    app.step = framed
    return app, trimmer, where


def test_a_new_scene_asks_for_a_trim_at_most_every_trim_every_seconds_and_it_runs_off_the_frame(watched):
    app, trimmer, where = watched
    play = PlayScreen(app)
    app.push(play)
    for _ in range(3):
        app.step(1 / 60)
    app.step(app_module.TRIM_EVERY)  # time passes on the same scene: nothing asked
    assert trimmer.wait(60) and where == []
    first = play.rt.state.scene
    play_until(play, lambda event: play.rt.state.scene != first)
    app.step(1 / 60)  # the first frame of a new scene
    assert trimmer.wait(60) and where == [("cell7-heap", False)]
    app.push(Blank(app))  # a new screen on top, too soon after: not asked
    app.step(1 / 60)
    app.pop()
    app.step(app_module.TRIM_EVERY)  # back to the scene: a new place again, and time enough
    assert trimmer.wait(60) and where == [("cell7-heap", False)] * 2
    for _ in range(3):
        app.step(app_module.TRIM_EVERY)  # the same place however long: nothing more
    assert trimmer.wait(60) and trimmer.trims == 2
    assert all(thread != threading.main_thread().name and not in_frame for thread, in_frame in where)


def test_the_heap_thread_starts_at_the_second_frame_and_looks_up_what_it_trims_there(library, tmp_path, monkeypatch):
    """ctypes (~2 ms of imports) and the heap thread are not paid for before the first frame: the thread starts at
    the second frame and looks up what it trims on its own thread."""
    where, trims = [], []

    def prepare():
        where.append(threading.current_thread().name)
        return lambda: trims.append(threading.current_thread().name)
    trimmer = heap.Trimmer(None, prepare=prepare)
    monkeypatch.setattr(heap, "TRIMMER", trimmer)
    app = App(library, Profile(tmp_path / "data", library.story_id), window=False)
    app.push(Blank(app))
    app.step(0.0)
    assert trimmer._thread is None  # the first frame starts nothing
    app.step(1 / 60)
    assert trimmer._thread is not None
    trimmer.ask()
    assert trimmer.wait(60) and where == ["cell7-heap"] and trims == ["cell7-heap"]


def test_when_there_is_nothing_to_trim_asking_does_nothing_once_the_thread_has_looked():
    trimmer = heap.Trimmer(None, prepare=lambda: None)  # as without glibc
    trimmer.start()
    trimmer._thread.join(60)
    trimmer.ask()
    assert trimmer.wait(0) and trimmer.trims == 0


def test_the_game_trimmer_separates_big_blocks_before_its_first_trim(monkeypatch):
    calls = []
    monkeypatch.setattr(heap, "separate_big_blocks", lambda: calls.append("separate"))
    monkeypatch.setattr(heap, "_malloc_trim", lambda: lambda: calls.append("trim"))
    trimmer = heap.Trimmer(None, prepare=heap._prepared)
    trimmer.ask()
    assert trimmer.wait(60) and calls == ["separate", "trim"]
