"""A save slot's picture of the game, scaled from the canvas off the frame.

When the frame just presented shows a moment due for an autosave (the play screen's `thumbnail_due`), the
app has the canvas scaled to THUMB on a short thread of its own while the game waits for its next frame
(smoothscale lets go of the GIL), and waits for it to finish before drawing on the canvas again: the thread
reads the finished frame and nothing else, and the autosave taken next frame takes its picture. It starts
after the frame is presented: scaling locks the canvas, and a blit from a locked surface fails. The same
pixels as scaling in the frame (1-2 ms of the main thread's time there), and no copy of the canvas is kept.

The thread stays for LINGER_SECONDS after its last picture, for the next one: starting a thread took ~0.12 ms of
the frame's CPU and ~0.8 ms of its wall time (the frame waits for the thread to start), and fast clicking asks for
a picture at every choice.
"""
from __future__ import annotations

import queue
import threading

import pygame

THUMB = (256, 144)
LINGER_SECONDS = 1.0  # how long the thread waits for the next picture before it ends

_jobs: queue.SimpleQueue[Scaling] = queue.SimpleQueue()
_lock = threading.Lock()  # held to hand a job over, and by the thread to decide to end (none is left waiting)
_working = False  # a thread is running (scaling, or waiting for the next job)
_last: Scaling | None = None  # the latest job handed over (`settle`)


class Scaling:
    """smoothscale(source, THUMB) on the thumbnail thread; `picture()` waits for it."""

    def __init__(self, source: pygame.Surface):
        self._source: pygame.Surface | None = source
        self._picture: pygame.Surface | None = None
        self._error: pygame.error | None = None
        self._done = threading.Event()
        global _working, _last
        with _lock:
            _jobs.put(self)
            _last = self
            if not _working:
                _working = True
                threading.Thread(target=_work, name="cell7-thumbnail", daemon=True).start()

    def _scale(self) -> None:
        try:
            self._picture = pygame.transform.smoothscale(self._source, THUMB)
        except pygame.error as exc:
            self._error = exc
        self._source = None

    def wait(self) -> None:
        """Until the thread has finished with the source."""
        self._done.wait()

    def picture(self) -> pygame.Surface:
        """The scaled picture, once the thread has made it (raises what scaling raised)."""
        self.wait()
        if self._error is not None:
            raise self._error
        return self._picture


def _work() -> None:
    """The thumbnail thread: each picture handed over, in turn; it ends once none has come for LINGER_SECONDS."""
    global _working
    while True:
        try:
            job = _jobs.get(timeout=LINGER_SECONDS)
        except queue.Empty:
            with _lock:
                if _jobs.empty():
                    _working = False
                    return
            continue
        try:
            job._scale()
        finally:
            job._done.set()


def settle() -> None:
    """Until every picture handed over so far is made (the thread may still wait for the next)."""
    if _last is not None:
        _last.wait()
