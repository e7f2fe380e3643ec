"""A save slot's picture of the game, scaled from the canvas off the frame.

When the frame just presented shows a moment due for an autosave (the play screen's `thumbnail_due`), the
app has the canvas scaled to THUMB on a short thread of its own while the game waits for its next frame
(smoothscale lets go of the GIL), and waits for it to finish before drawing on the canvas again: the thread
reads the finished frame and nothing else, and the autosave taken next frame takes its picture. It starts
after the frame is presented: scaling locks the canvas, and a blit from a locked surface fails. The same
pixels as scaling in the frame (1-2 ms of the main thread's time there), and no copy of the canvas is kept.
"""
from __future__ import annotations

import threading

import pygame

THUMB = (256, 144)


class Scaling:
    """smoothscale(source, THUMB) on a thread of its own; `picture()` waits for it."""

    def __init__(self, source: pygame.Surface):
        self._source: pygame.Surface | None = source
        self._picture: pygame.Surface | None = None
        self._error: pygame.error | None = None
        self._thread = threading.Thread(target=self._scale, name="cell7-thumbnail", daemon=True)
        self._thread.start()

    def _scale(self) -> None:
        try:
            self._picture = pygame.transform.smoothscale(self._source, THUMB)
        except pygame.error as exc:
            self._error = exc
        self._source = None

    def wait(self) -> None:
        """Until the thread has finished with the source."""
        self._thread.join()

    def picture(self) -> pygame.Surface:
        """The scaled picture, once the thread has made it (raises what scaling raised)."""
        self.wait()
        if self._error is not None:
            raise self._error
        return self._picture
