"""The C heap under pygame (glibc only; nothing happens elsewhere): large blocks in their own mappings, and the
memory glibc keeps after pictures, sounds and texts are freed handed back to the system at quiet moments, on a
thread of its own, never in the frame.

glibc keeps what the program frees for its next allocations. Over a long session of pictures, sounds and
rendered lines coming and going, what it keeps grows while the Python heap stays flat (issue 17's soak: +8 to
+10 MB of RSS over 100,000 frames; `malloc_trim(0)` every 2,000 frames stopped it). `TRIMMER.ask()` wakes the
`cell7-heap` thread, which calls `malloc_trim(0)` once for every burst of asks; the app asks at the first frame
of a new scene or screen (see App.step). A trim takes 0.05-0.7 ms of that thread's CPU here; while it trims one
of glibc's arenas, a thread allocating from that arena waits for it.
"""
from __future__ import annotations

import functools
import math
from typing import Callable

from ..worker import Worker

MMAP_THRESHOLD = 256 * 1024  # blocks this large or larger get a mapping of their own, returned when freed


def _glibc(name: str) -> Callable[..., int] | None:
    """glibc's function `name` (its own symbols: already loaded), called with C ints and giving one; None when the
    C library is not glibc, or has no such function."""
    find = _glibc_symbols()
    try:
        return find(name) if find is not None else None
    except OSError:
        return None


@functools.cache
def _glibc_symbols() -> Callable[[str], Callable[..., int]] | None:
    """What finds one of the program's own C functions by name (OSError when there is none), where the C library is
    glibc; else None. Made once.

    Made from what `ctypes.CDLL` is built on (`_ctypes`: a function pointer class with its return type, `dlopen`
    and `dlsym`) rather than `import ctypes`, whose thirty-odd classes and checks took 2.6 ms of every start's CPU
    here against 0.6 (a bare interpreter's whole start is 5.4). Should those building blocks ever change, this is
    None, as without glibc (tests/test_perf_heap.py holds that it is found here)."""
    try:
        import _ctypes

        class Int(_ctypes._SimpleCData):
            _type_ = "i"

        class Function(_ctypes.CFuncPtr):
            _flags_ = _ctypes.FUNCFLAG_CDECL
            _restype_ = Int
        own = _ctypes.dlopen(None)  # the program and the libraries it has loaded
        _ctypes.dlsym(own, "gnu_get_libc_version")  # (raises OSError where the C library is not glibc)
    except (ImportError, AttributeError, TypeError, OSError):
        return None
    return lambda name: Function(_ctypes.dlsym(own, name))  # (its calls let go of the GIL while the C function runs)


_separated = False


def separate_big_blocks() -> None:
    """Keep allocations of MMAP_THRESHOLD and more (decoded pictures, sounds) in their own mappings.

    By default glibc raises its mmap threshold each time such a block is freed, after which decoded pictures come
    from the heap arenas, and with pictures decoded on threads (prefetch, ambience) each thread's arena keeps what
    it freed: peak RSS over three playthroughs went from 176 to 247 MB. A fixed threshold hands every freed picture
    back at once. It is set before the first picture is decoded (Images does): set on the heap thread after the
    game's first frame instead, peak RSS over the same playthroughs was 102-110 MB against 95-98.
    """
    global _separated
    if _separated:
        return
    _separated = True
    mallopt = _glibc("mallopt")
    if mallopt is not None:
        mallopt(-3, MMAP_THRESHOLD)  # M_MMAP_THRESHOLD: fixed, so no longer raised by frees


def _malloc_trim() -> Callable[[], object] | None:
    """`malloc_trim(0)` (every arena's free pages back to the system), or None without glibc."""
    trim = _glibc("malloc_trim")
    return None if trim is None else lambda: trim(0)


class Trimmer:
    """Trims the heap on its own thread when asked. `ask()` only wakes the thread: it never trims on the caller's
    thread and never waits (asks made while a trim is running give one more trim after it). `start()` starts the
    thread beforehand, so the first ask does not wait for a thread to start either; it never ends. `trim` is what a
    trim calls (None: asks do nothing, as without glibc)."""

    def __init__(self, trim: Callable[[], object] | None):
        self._trim = trim
        self._worker = None if trim is None else Worker("cell7-heap", self._trim_once, linger=math.inf)
        self.trims = 0  # trims done (tests read it)

    def start(self) -> None:
        if self._worker is not None:
            self._worker.start()

    def ask(self) -> None:
        if self._worker is not None:
            self._worker.wake()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until every ask has been served; False if `timeout` seconds passed first (tests)."""
        return self._worker is None or self._worker.settle(timeout)

    def _trim_once(self) -> None:
        try:
            self._trim()
        finally:
            self.trims += 1


TRIMMER = Trimmer(_malloc_trim())
