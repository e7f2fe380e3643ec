"""A thread that does work off the frame (decoding, saving, trimming the heap), and stays a while for more.

`wake()` has the thread call its `drain` (which does all the work there is, then returns); once drained, the
thread waits LINGER_SECONDS (or the worker's own `linger`) for the next `wake()` before it ends; `start()` starts it
ahead, waiting. Starting a thread took ~0.1 ms of the frame's CPU and 0.4-1.8 ms of its wall time (the frame waits
for the new thread to start), and fast clicking asks for pictures, sounds and thumbnails in bursts a few frames
apart: a thread that lingers is started once per burst of bursts, not once per burst. Tests wait for the work
(`settle`, `settle_all`), not for the thread to end.
"""
from __future__ import annotations

import math
import threading
import weakref
from collections.abc import Callable

LINGER_SECONDS = 1.0  # how long a thread waits for the next wake before it ends (a worker's default)

_ALL: weakref.WeakSet[Worker] = weakref.WeakSet()  # every worker made (`settle_all`)


class Worker:
    """One thread named `name` calling `drain()` after each `wake()`; none runs while there is nothing to do."""

    def __init__(self, name: str, drain: Callable[[], None], linger: float | None = None):
        """`linger`: seconds the thread waits for the next wake before it ends (None: LINGER_SECONDS; math.inf:
        it never ends)."""
        self.name = name
        self._drain = drain
        self._linger = linger
        self._cond = threading.Condition()
        self._woken = False    # a wake not drained yet
        self._draining = False
        self._alive = False    # a thread runs (draining, or waiting for the next wake)
        self._thread: threading.Thread | None = None
        _ALL.add(self)

    def wake(self) -> None:
        """Have the thread drain: at once if it waits, else on a new thread (safe under the caller's own lock:
        the thread never takes this worker's lock while draining)."""
        with self._cond:
            self._woken = True
            if self._alive:
                self._cond.notify_all()  # (`settle` waits on it too)
                return
        self.start()

    def start(self) -> None:
        """Start the thread now, if none runs: it drains a wake there is, else waits for one (so that the first
        wake does not wait for a thread to start)."""
        with self._cond:
            if self._alive:
                return
            self._alive = True
            self._thread = thread = threading.Thread(target=self._run, name=self.name, daemon=True)
        thread.start()

    def in_thread(self) -> bool:
        """Whether the caller runs on this worker's thread (inside its drain)."""
        return threading.current_thread() is self._thread

    @property
    def busy(self) -> bool:
        """Woken and not yet drained, or draining."""
        with self._cond:
            return self._woken or self._draining

    def settle(self, timeout: float | None = None) -> bool:
        """Until every wake so far is drained (the thread may still wait for the next); False on a timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not (self._woken or self._draining), timeout)

    def _run(self) -> None:
        try:
            while self._next():
                try:
                    self._drain()
                finally:
                    with self._cond:
                        self._draining = False
                        self._cond.notify_all()
        except BaseException:
            with self._cond:
                self._alive = False  # the next wake starts a thread
            raise

    def _next(self) -> bool:
        """Wait for a wake, LINGER_SECONDS at most: True to drain, False to end (none came)."""
        linger = LINGER_SECONDS if self._linger is None else self._linger
        with self._cond:
            if not self._cond.wait_for(lambda: self._woken, None if math.isinf(linger) else linger):
                self._alive = False  # (under the lock: a wake from now on starts a thread)
                return False
            self._woken, self._draining = False, True
            return True


def weak(method: Callable[[], None]) -> Callable[[], None]:
    """`method` (bound) as a worker's drain that does not keep its object alive: nothing once it is let go."""
    ref = weakref.WeakMethod(method)

    def drain() -> None:
        bound = ref()
        if bound is not None:
            bound()
    return drain


def settle_all(timeout: float | None = None) -> bool:
    """Until every worker's wakes so far are drained; False when one was still busy after `timeout` seconds."""
    return all(worker.settle(timeout) for worker in list(_ALL))
