"""Moved to game/ui/richtext.py (the UI kit draws markup runs); this name stays for the screens."""
from ..ui.richtext import advance, block, height, item, item_height, length, lines  # noqa: F401
