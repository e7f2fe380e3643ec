"""Notice edited, added and removed content files (and translation tables) by polling their stamps.

Polling a few dozen files costs a millisecond or two and needs no extra library or OS-specific
watcher. `start()` polls on a daemon thread (every 50 ms: `stat` releases the GIL, so the game's
frames do not pay for it), and `pending()` then tells the game, without touching the disk, that
something changed: a save shows on screen about 50 ms + the reload later instead of up to half a
second. `changed()` still works on its own, and the two may be used together.
"""
from __future__ import annotations

import threading
import weakref
from pathlib import Path

from .loader import content_files, keep_parsed_files
from .translation import translation_files

POLL_SECONDS = 0.05  # how often the watcher looks at the files (a save is seen within this)


class ContentWatcher:
    def __init__(self, root: Path):
        self.root = Path(root)
        self._stamps = self._scan()
        self._lock = threading.Lock()      # the thread and the game compare and update the stamps in turn
        self._noticed: set[Path] = set()   # changes the thread found that the game has not taken yet
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _scan(self) -> dict[Path, tuple[int, int, int, int]]:
        """Each file's stamp: size, modification time, and the change time and inode, which an edit changes even
        when it keeps the size and puts the modification time back (an editor or a tool restoring times, a save
        within the file system's clock tick) or replaces the file by a rename."""
        stamps = {}
        for path in [*(path for _, path in content_files(self.root)), *translation_files(self.root)]:
            try:
                st = path.stat()
            except OSError:
                continue
            stamps[path] = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        return stamps

    def _diff(self) -> set[Path]:
        """Files whose stamp differs from the last scan (call with the lock held)."""
        now = self._scan()
        paths = {p for p in now.keys() | self._stamps.keys() if now.get(p) != self._stamps.get(p)}
        self._stamps = now
        return paths

    def changed(self) -> list[Path]:
        """Files changed since the last call (or since creation), with those the thread noticed first."""
        with self._lock:
            paths = self._diff() | self._noticed
            self._noticed = set()
        return sorted(paths)

    def _notice(self) -> None:
        """The thread's poll: keep what changed for `pending()` or the next `changed()`."""
        with self._lock:
            self._noticed |= self._diff()

    def start(self, interval: float = POLL_SECONDS) -> None:
        """Poll on a daemon thread every `interval` seconds until `stop()`. While it runs, the loader keeps
        each file's parsed document, so a reload parses and checks again only the files that changed."""
        keep_parsed_files(True)
        weakref.finalize(self, keep_parsed_files, False)
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=_watch, args=(weakref.ref(self), self._stop, interval),
                                            name="cell7-watch", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        keep_parsed_files(False)
        self._stop.set()
        self._thread = None

    def pending(self) -> bool:
        """True (once) when the thread has seen files change that the game has not taken yet."""
        with self._lock:
            seen, self._noticed = bool(self._noticed), set()
        return seen


def _watch(ref: "weakref.ref[ContentWatcher]", stop: threading.Event, interval: float) -> None:
    """The polling thread; it ends on `stop()` or when its watcher is gone (an app dropped without quitting)."""
    while not stop.wait(interval):
        watcher = ref()
        if watcher is None:
            return
        try:
            watcher._notice()
        except OSError:
            pass
        del watcher
