"""The theme: named colour roles and named text sizes, defined by every theme.

A screen never writes a colour or a point size: it asks the theme for a role
(`theme.differ`, `theme.on_accent`, `theme.size("hint")`), so the normal, projector and
high-contrast themes reach every screen. `ROLES` and `SIZES` list what each theme defines;
tests/test_ui_theme.py checks that every theme defines all of them and that no two roles
that mean different things drift into near-duplicates.
"""
from __future__ import annotations

from dataclasses import fields, replace

from ..content.records import record

Colour = tuple[int, int, int]
WIDTH, HEIGHT = 1280, 720
TEXT_BOX_MARGIN = 60  # px beside the play screen's text box (lint measures lines against the same box)

ROLES = ("text", "dim", "accent", "on_accent", "panel", "panel_edge", "highlight", "backdrop", "danger",
         "fact", "evidence", "differ", "prompt", "success", "grid", "veil")
SIZES = ("hint", "small", "name", "body", "card", "big", "title", "huge")


def hex_colour(value: str) -> Colour:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


@record
class Theme:
    """Colour roles (what a colour means, not what it is) and text sizes (points at 100% text)."""

    name: str = "default"
    # colour roles
    text: Colour = (245, 240, 232)        # body text
    dim: Colour = (190, 184, 176)         # hints, captions, disabled entries
    accent: Colour = (242, 201, 76)       # the selection, headings that lead the eye
    on_accent: Colour = (20, 20, 28)      # text drawn on an accent-coloured plate
    panel: Colour = (22, 26, 38)          # boxes behind text
    panel_edge: Colour = (242, 201, 76)   # the text box's border
    highlight: Colour = (58, 66, 96)      # a selected row's fill
    backdrop: Colour = (12, 14, 22)       # behind everything
    danger: Colour = (224, 102, 102)      # content notes, damaged saves, errors
    fact: Colour = (118, 180, 220)        # "fact · from the sources"
    evidence: Colour = (242, 201, 76)     # evidence noted for later
    differ: Colour = (224, 160, 102)      # "the sources differ" (the one amber)
    prompt: Colour = (147, 196, 125)      # discussion prompts
    success: Colour = (120, 200, 110)     # a right answer, a tally that won
    grid: Colour = (44, 50, 66)           # chart lines, tracks, separators
    veil: Colour = (8, 10, 18)            # darkening laid over pictures
    panel_alpha: int = 224                # how opaque boxes are (255 in high contrast)
    edge_width: int = 2
    # text sizes
    hint_size: int = 18    # the smallest text anywhere: key hints, dates
    small_size: int = 20   # captions, labels, toasts
    name_size: int = 26    # the speaker's name plate
    body_size: int = 28    # dialogue, menu entries
    card_text_size: int = 28
    big_size: int = 40     # card titles, classroom headings
    title_size: int = 56   # screen titles
    huge_size: int = 56    # the classroom's big numbers

    @property
    def muted(self) -> Colour:
        """The older name of `dim`."""
        return self.dim

    def size(self, name: str) -> int:
        """A text size by name: hint, small, name, body, card, big, title, huge."""
        return getattr(self, "card_text_size" if name == "card" else f"{name}_size")

    def clamp(self, size: int) -> int:
        """No text is smaller than the hint size."""
        return max(self.hint_size, size)

    def role(self, name: str) -> Colour:
        if name not in ROLES:
            raise KeyError(f"no colour role {name!r}; roles: {', '.join(ROLES)}")
        return getattr(self, name)


DEFAULT = Theme()
HIGH_CONTRAST = replace(
    DEFAULT, name="high_contrast", text=(255, 255, 255), dim=(235, 235, 235), accent=(255, 230, 0),
    on_accent=(0, 0, 0), panel=(0, 0, 0), panel_alpha=255, panel_edge=(255, 255, 255), highlight=(0, 70, 160),
    backdrop=(0, 0, 0), danger=(255, 120, 120), fact=(130, 210, 255), evidence=(255, 230, 0), differ=(255, 175, 90),
    prompt=(150, 240, 130), success=(120, 255, 120), grid=(140, 140, 140), veil=(0, 0, 0), edge_width=3)
PROJECTOR = replace(DEFAULT, name="projector", panel_alpha=245, hint_size=24, small_size=26, name_size=32,
                    body_size=36, card_text_size=36, big_size=44, title_size=64, huge_size=64)
# the projector in high contrast: the projector's sizes, high contrast's colours
PROJECTOR_HIGH_CONTRAST = replace(HIGH_CONTRAST, name="projector_high_contrast",
                                  **{f.name: getattr(PROJECTOR, f.name) for f in fields(Theme)
                                     if f.name.endswith("_size")})
THEMES = {t.name: t for t in (DEFAULT, HIGH_CONTRAST, PROJECTOR, PROJECTOR_HIGH_CONTRAST)}


def theme_for(high_contrast: bool, classroom: bool) -> Theme:
    """The theme a setting and a mode ask for."""
    if classroom:
        return PROJECTOR_HIGH_CONTRAST if high_contrast else PROJECTOR
    return HIGH_CONTRAST if high_contrast else DEFAULT
