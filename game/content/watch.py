"""Notice edited, added and removed content files by polling their modification times.

Polling a few dozen files twice a second costs well under a millisecond and needs no
extra library or OS-specific watcher.
"""
from __future__ import annotations

from pathlib import Path

from .loader import content_files


class ContentWatcher:
    def __init__(self, root: Path):
        self.root = Path(root)
        self._stamps = self._scan()

    def _scan(self) -> dict[Path, tuple[int, int]]:
        stamps = {}
        for _, path in content_files(self.root):
            try:
                st = path.stat()
            except OSError:
                continue
            stamps[path] = (st.st_mtime_ns, st.st_size)
        return stamps

    def changed(self) -> list[Path]:
        """Files changed since the last call (or since creation)."""
        now = self._scan()
        paths = sorted({p for p in now.keys() | self._stamps.keys() if now.get(p) != self._stamps.get(p)})
        self._stamps = now
        return paths
