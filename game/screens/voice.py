"""Self-voicing: lines read aloud by the system's speech engine through pyttsx3, when there is one.

pyttsx3 blocks while it speaks, so one worker thread owns the engine and takes lines from a
queue; a new line replaces any that are waiting. Each line comes with its language ("en", "ko"):
the worker picks a system voice that speaks it (pyttsx3 lists each voice's languages; espeak-ng
has Korean, Windows and macOS have Korean voices where the Korean language pack is installed)
and stays silent for a language no voice speaks, rather than reading Hangul with an English voice.
When pyttsx3 or a speech engine is missing, `reason` says why the option is off.
"""
from __future__ import annotations

import queue
import threading

from ..words import t


def voice_for(voices: list, language: str) -> str | None:
    """The id of the first voice that speaks `language` ("ko" matches ko, ko-KR, ko_KR, "\\x05ko"), by its
    languages or, for engines that list none, by its id or name; None when none does."""
    code = language.lower()

    def speaks(tag: object) -> bool:
        if isinstance(tag, bytes):
            tag = tag.decode("ascii", "ignore")
        tag = str(tag).strip("\x00\x01\x02\x03\x04\x05 ").lower().replace("_", "-")
        return tag == code or tag.startswith(code + "-")

    for voice in voices:
        if any(speaks(tag) for tag in getattr(voice, "languages", None) or ()):
            return voice.id
    for voice in voices:
        words = {*str(getattr(voice, "id", "")).lower().replace("_", "-").replace("/", " ").split(),
                 *str(getattr(voice, "name", "")).lower().split()}
        if code in words or any(w.startswith(code + "-") for w in words):
            return voice.id
    return None


class Voice:
    def __init__(self):
        self.available = False
        self._why: tuple[str, dict] = ("", {})
        self._queue: queue.Queue[tuple[str, str]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self.language = "en"  # the language `say` reads in unless told otherwise
        self.spoken: list[tuple[str, str]] = []  # (language, text) of what was handed to a voice (tests read it)
        try:
            import pyttsx3  # noqa: F401  (optional: pip install pyttsx3, plus espeak-ng on Linux)
        except ImportError:
            self._why = ("voice.no_pyttsx3", {})
            return
        try:
            import pyttsx3
            pyttsx3.init()
        except Exception as exc:  # pyttsx3 raises many kinds when the OS engine is missing
            self._why = ("voice.no_engine", {"detail": f"{exc.__class__.__name__}: {exc}"[:100]})
            return
        self.available = True

    @property
    def reason(self) -> str:
        """Why self-voicing is off, in the menus' language ("" when it works)."""
        key, values = self._why
        return values.get("text", "") if key == "text" else (t(key, **values) if key else "")

    @reason.setter
    def reason(self, text: str) -> None:
        self._why = ("text", {"text": text}) if text else ("", {})

    def say(self, text: str, language: str | None = None) -> None:
        """Read `text` aloud in `language` (default: `self.language`, which the play screen sets per line)."""
        language = language or self.language
        if not self.available:
            return
        while not self._queue.empty():
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._queue.put((language, text))
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="self-voicing", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        import pyttsx3
        engine = pyttsx3.init()
        voices = list(engine.getProperty("voices") or [])
        default = engine.getProperty("voice")
        chosen: dict[str, str | None] = {}
        while True:
            language, text = self._queue.get()
            if language not in chosen:
                chosen[language] = voice_for(voices, language) or (default if language == "en" else None)
            voice = chosen[language]
            if voice is None:
                continue  # no voice speaks this language here: silent, not Hangul spelled out by an English voice
            engine.setProperty("voice", voice)
            self.spoken.append((language, text))
            engine.say(text)
            engine.runAndWait()
