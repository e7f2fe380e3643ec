"""A save slot's picture of the game, scaled from the canvas off the frame.

When the frame just presented shows a moment due for an autosave (the play screen's `thumbnail_due`), the
app has the canvas scaled to THUMB on a short thread of its own while the game waits for its next frame
(smoothscale lets go of the GIL), and waits for it to finish before drawing on the canvas again: the thread
reads the finished frame and nothing else, and the autosave taken next frame takes its picture. It starts
after the frame is presented: scaling locks the canvas, and a blit from a locked surface fails. The same
pixels as scaling in the frame (1-2 ms of the main thread's time there), and no copy of the canvas is kept. A
moment drawn on a surface of its own for its picture (an ending's, whose canvas has the end screen over it) is
scaled there too, and that surface let go once scaled.

The thread stays a while after its last picture, for the next one (worker.py): fast clicking asks for a picture
at every choice.
"""
from __future__ import annotations

import queue
import threading

import pygame

from ..worker import Worker

THUMB = (256, 144)

_jobs: queue.SimpleQueue[Scaling] = queue.SimpleQueue()


class Scaling:
    """smoothscale(source, THUMB) on the thumbnail thread; `picture()` waits for it."""

    def __init__(self, source: pygame.Surface):
        self._source: pygame.Surface | None = source
        self._picture: pygame.Surface | None = None
        self._error: pygame.error | None = None
        self._done = threading.Event()
        _jobs.put(self)
        _worker.wake()

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


def _drain() -> None:
    """On the thumbnail thread: each picture handed over, in turn."""
    while True:
        try:
            job = _jobs.get_nowait()
        except queue.Empty:
            return
        try:
            job._scale()
        finally:
            job._done.set()


_worker = Worker("cell7-thumbnail", _drain)
settle = _worker.settle  # until every picture handed over so far is made
