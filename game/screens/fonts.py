"""Moved to game/ui/fonts.py (the UI kit); this name stays for code not yet moved."""
from ..ui.fonts import FontBook, load_coverage  # noqa: F401
