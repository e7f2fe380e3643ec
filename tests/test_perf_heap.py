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
    assert trimmer.wait(0) and trimmer.trims == 0 and trimmer._worker is None


def test_on_glibc_a_trim_calls_malloc_trim_on_the_heap_thread():
    trim = heap._malloc_trim()
    if trim is None:
        pytest.skip("not glibc: nothing to trim")
    trimmer = heap.Trimmer(trim)
    trimmer.ask()
    assert trimmer.wait(60) and trimmer.trims == 1


def test_glibcs_own_functions_are_found_without_importing_ctypes():
    """heap.py builds glibc's functions from `_ctypes` (what `ctypes.CDLL` is made of), not `import ctypes`: on
    glibc they are found and called, a name glibc lacks gives None, and a start never imports ctypes itself
    (tests/test_perf_startup.py's NOT_TO_START)."""
    import platform
    if platform.libc_ver()[0] != "glibc":
        pytest.skip("not glibc")
    mallopt = heap._glibc("mallopt")
    assert mallopt is not None and mallopt(-3, heap.MMAP_THRESHOLD) == 1  # (1: done)
    assert heap._glibc("malloc_trim")(0) in (0, 1)
    assert heap._glibc("cell7_no_such_function") is None


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
