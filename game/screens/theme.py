"""Colours and sizes. Three themes: the default, high contrast, and the projector theme for classrooms."""
from __future__ import annotations

from dataclasses import dataclass, replace

Colour = tuple[int, int, int]
WIDTH, HEIGHT = 1280, 720


def hex_colour(value: str) -> Colour:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


@dataclass(frozen=True)
class Theme:
    name: str = "default"
    text: Colour = (245, 240, 232)
    muted: Colour = (190, 184, 176)
    accent: Colour = (242, 201, 76)
    panel: Colour = (22, 26, 38)
    panel_alpha: int = 224
    panel_edge: Colour = (242, 201, 76)
    highlight: Colour = (58, 66, 96)
    backdrop: Colour = (12, 14, 22)
    danger: Colour = (224, 102, 102)
    body_size: int = 28
    name_size: int = 26
    title_size: int = 56
    small_size: int = 20
    card_text_size: int = 28


DEFAULT = Theme()
HIGH_CONTRAST = replace(DEFAULT, name="high_contrast", text=(255, 255, 255), muted=(235, 235, 235),
                        accent=(255, 230, 0), panel=(0, 0, 0), panel_alpha=255, panel_edge=(255, 255, 255),
                        highlight=(0, 70, 160))
PROJECTOR = replace(DEFAULT, name="projector", panel_alpha=245, body_size=36, name_size=32, title_size=64,
                    small_size=26, card_text_size=36)
THEMES = {t.name: t for t in (DEFAULT, HIGH_CONTRAST, PROJECTOR)}
