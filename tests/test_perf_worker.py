"""The workers (game/worker.py): one thread per burst of bursts, no wake ever lost, nothing kept alive."""
from __future__ import annotations

import gc
import math
import threading
import weakref

import pytest

from game import worker


@pytest.fixture
def started(monkeypatch) -> list[str]:
    """The names of the threads started during the test; the workers linger 0.05 s."""
    monkeypatch.setattr(worker, "LINGER_SECONDS", 0.05)
    names: list[str] = []
    real_start = threading.Thread.start
    monkeypatch.setattr(threading.Thread, "start", lambda self: (names.append(self.name), real_start(self))[1])
    return names


def _thread(name: str) -> threading.Thread:
    return next(t for t in threading.enumerate() if t.name == name)


def test_wakes_in_a_row_are_drained_by_one_thread_that_ends_when_none_comes(started):
    done = []
    work = worker.Worker("test-worker", lambda: done.append(threading.current_thread().name))
    for _ in range(5):
        work.wake()
        assert work.settle(10)
    assert started == ["test-worker"] and done == ["test-worker"] * 5 and not work.busy
    thread = _thread("test-worker")
    thread.join(10)
    assert not thread.is_alive()
    work.wake()  # none waits now: a new thread drains it
    assert work.settle(10) and started == ["test-worker"] * 2 and len(done) == 6


def test_a_wake_while_draining_is_drained_again(started):
    inside, go = threading.Event(), threading.Event()
    calls = []

    def drain() -> None:
        calls.append(len(calls))
        if len(calls) == 1:
            inside.set()
            assert go.wait(10)
    work = worker.Worker("test-worker", drain)
    work.wake()
    assert inside.wait(10) and work.busy
    work.wake()  # the work asked now may have come after the drain looked for it
    go.set()
    assert work.settle(10) and calls == [0, 1] and started == ["test-worker"]


def test_a_drain_that_raises_leaves_the_next_wake_a_thread(started, monkeypatch):
    monkeypatch.setattr(threading, "excepthook", lambda args: None)  # (the thread's error is not the test's)
    calls = []

    def drain() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("broken")
    work = worker.Worker("test-worker", drain)
    work.wake()
    assert work.settle(10)
    _thread("test-worker").join(10)
    work.wake()
    assert work.settle(10) and calls == [1, 1] and started == ["test-worker"] * 2


def test_a_worker_does_not_keep_its_owner_alive(started):
    class Owner:
        def __init__(self) -> None:
            self.drained = 0
            self.work = worker.Worker("test-worker", worker.weak(self.drain))

        def drain(self) -> None:
            self.drained += 1
    owner = Owner()
    owner.work.wake()
    assert owner.work.settle(10) and owner.drained == 1
    gone = weakref.ref(owner)
    work = owner.work
    del owner
    gc.collect()
    assert gone() is None
    work.wake()  # (a wake after its owner went does nothing)
    assert work.settle(10)


def test_a_worker_started_ahead_drains_its_first_wake_without_a_new_thread_and_one_that_never_ends(started):
    """`start()` (the heap's trimmer, at the app's start): the thread waits before any wake; `linger=math.inf`: it
    is still waiting long after the default linger; `in_thread()` is true inside the drain only."""
    inside = []
    work = worker.Worker("test-forever", lambda: inside.append(work.in_thread()), linger=math.inf)
    work.start()
    assert started == ["test-forever"] and not work.busy and not work.in_thread()
    work.wake()
    assert work.settle(10) and inside == [True]
    thread = _thread("test-forever")
    thread.join(0.3)  # six times the linger of the other workers here
    assert thread.is_alive()
    work.start()  # (one runs: nothing more starts)
    work.wake()
    assert work.settle(10) and inside == [True, True] and started == ["test-forever"]


def test_the_writer_and_the_heap_trimmer_are_workers(started, tmp_path):
    """Saves (storage.BackgroundWriter) and heap trims (heap.Trimmer) run on workers: a burst of saves shares
    one thread, which ends after its own linger (5 s; here 0.05)."""
    from game import storage
    from game.screens import heap
    writer = storage.BackgroundWriter()
    writer._worker._linger = 0.05
    for n in range(3):
        writer.submit(f"slot{n}", lambda n=n: (tmp_path / f"{n}.txt").write_text("x"))
    assert writer.flush(10) and writer.idle and writer.written == 3
    assert started == ["cell7-writer"] and sorted(p.name for p in tmp_path.iterdir()) == ["0.txt", "1.txt", "2.txt"]
    writer._worker._thread.join(10)  # (other tests' writers may linger under the same name)
    writer.submit("slot0", lambda: None)
    assert writer.flush(10) and started == ["cell7-writer"] * 2
    assert isinstance(heap.Trimmer(lambda: None)._worker, worker.Worker)


def test_settle_all_waits_for_every_worker(started):
    gate = threading.Event()
    slow = worker.Worker("test-slow", lambda: gate.wait(10))
    slow.wake()
    assert not worker.settle_all(0.05)
    gate.set()
    assert worker.settle_all(10)


def test_decodes_take_turns_and_the_frame_never_waits_long_for_one(tmp_path, monkeypatch):
    """A place's loop being kept (7 MB decoded) waits while a picture is decoded on another thread, and goes on once
    it is done; the frame's thread waits decoded.FRAME_WAIT at most, then goes on without its turn."""
    import pygame

    from game.screens import decoded
    from tests.test_perf_memory import _audio, _wav
    _wav(tmp_path / "ambience" / "yard.wav", 7.0)  # 1.2 MB decoded: kept
    _audio(tmp_path)  # (the mixer, as the game opens it)
    decoded.keep_in(tmp_path / "kept")
    release = threading.Event()
    log = []

    def picture() -> None:  # a picture decoded on the prefetch thread, in its turn
        with decoded.one_at_a_time():
            log.append("picture begins")
            assert release.wait(10)
            log.append("picture ends")

    def loop() -> None:  # a new place's loop, on the ambience thread
        kept = decoded.samples(tmp_path / "ambience" / "yard.wav")
        log.append(f"loop kept: {kept.name.endswith('.wav')}")
    try:
        painter = threading.Thread(target=picture, name="test-picture")
        painter.start()
        while not log:
            threading.Event().wait(0.001)
        ambience = threading.Thread(target=loop, name="test-ambience")
        ambience.start()
        monkeypatch.setattr(decoded, "FRAME_WAIT", 0.01)
        with decoded.one_at_a_time():  # the frame's thread: not its turn, and it goes on anyway
            log.append("frame goes on")
        release.set()
        ambience.join(10), painter.join(10)
        assert not ambience.is_alive() and not painter.is_alive()
        assert log == ["picture begins", "frame goes on", "picture ends", "loop kept: True"]
    finally:
        release.set()
        decoded.keep_in(None)
        pygame.mixer.quit()
