"""Moved to game/ui/theme.py (the UI kit); this name stays for code not yet moved."""
from ..ui.theme import (  # noqa: F401
    DEFAULT,
    HEIGHT,
    HIGH_CONTRAST,
    PROJECTOR,
    ROLES,
    SIZES,
    THEMES,
    WIDTH,
    Colour,
    Theme,
    hex_colour,
    theme_for,
)
