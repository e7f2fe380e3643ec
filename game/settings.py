"""Player settings: plain data with defaults, clamped on load. Persistence lives in `storage`."""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass
class Settings:
    """The player's settings (data/settings.json), shared by every story."""

    text_speed: int = 45          # characters per second; 0 shows lines at once
    auto_delay: float = 1.2       # seconds after a line before auto-advance, plus per-character time
    music_volume: float = 0.6
    sound_volume: float = 0.8
    ambience_volume: float = 0.5  # the background sounds of a place (wind, the prison hall, a courtroom's hush)
    fullscreen: bool = False
    font_scale: float = 1.0       # 1.0 to 2.0
    high_contrast: bool = False
    reduce_motion: bool = False
    skip_unread: bool = False
    self_voicing: bool = False
    prompts_in_play: bool = False  # show discussion prompts outside classroom mode
    content_notes: str = "ask"     # ask | play | summary
    language: str = "en"           # the language the story and the menus are read in ("en", "ko", ...)
    bilingual: bool = False        # each line in the chosen language, then in the other one (language learners)
    voice_language: str = ""       # the language self-voicing reads ("": the chosen language)

    LIMITS = {"text_speed": (0, 200), "auto_delay": (0.2, 10.0), "music_volume": (0.0, 1.0),
              "sound_volume": (0.0, 1.0), "ambience_volume": (0.0, 1.0), "font_scale": (1.0, 2.0)}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Settings":
        """Unknown keys are ignored and bad values fall back to defaults, so an old file never breaks."""
        settings = cls()
        for f in fields(cls):
            if f.name not in data:
                continue
            value, default = data[f.name], getattr(settings, f.name)
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, (int, float)):
                ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            else:
                ok = isinstance(value, str) and (f.name != "content_notes" or value in ("ask", "play", "summary"))
                ok = ok and (f.name not in LANGUAGE_FIELDS or _language_code(value, f.name == "voice_language"))
            if ok:
                if isinstance(value, float) and not math.isfinite(value):
                    continue
                if f.name in cls.LIMITS:
                    lo, hi = cls.LIMITS[f.name]
                    value = type(default)(min(hi, max(lo, value)))
                setattr(settings, f.name, value)
        return settings


LANGUAGE_FIELDS = ("language", "voice_language")


def _language_code(value: str, empty: bool) -> bool:
    """A language code as the tables name them ("en", "ko", "pt-BR"); "" only where it means "the chosen one"."""
    return (empty and value == "") or (0 < len(value) <= 12 and value.replace("-", "").isalnum() and value.isascii())


def settings_problem(data: Any) -> str:
    """settings.json's schema: it must be a mapping; a value of the wrong type or out of range
    falls back to its default or is clamped (`Settings.from_dict`), so an old file never breaks."""
    return "" if type(data) is dict else "not a mapping"
