"""Self-voicing: lines read aloud by the system's speech engine through pyttsx3, when there is one.

pyttsx3 blocks while it speaks, so one worker thread owns the engine and takes lines from a
queue; a new line replaces any that are waiting. When pyttsx3 or a speech engine is
missing, `reason` says why the option is off.
"""
from __future__ import annotations

import queue
import threading


class Voice:
    def __init__(self):
        self.available = False
        self.reason = ""
        self._queue: queue.Queue[str] = queue.Queue()
        self._thread: threading.Thread | None = None
        try:
            import pyttsx3  # noqa: F401  (optional: pip install pyttsx3, plus espeak-ng on Linux)
        except ImportError:
            self.reason = "pyttsx3 is not installed (pip install pyttsx3)"
            return
        try:
            import pyttsx3
            pyttsx3.init()
        except Exception as exc:  # pyttsx3 raises many kinds when the OS engine is missing
            self.reason = f"no speech engine found ({exc.__class__.__name__}: {exc})"[:120]
            return
        self.available = True

    def say(self, text: str) -> None:
        if not self.available:
            return
        while not self._queue.empty():
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._queue.put(text)
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="self-voicing", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        import pyttsx3
        engine = pyttsx3.init()
        while True:
            engine.say(self._queue.get())
            engine.runAndWait()
