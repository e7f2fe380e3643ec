"""Moved to game/ui/screen.py (the UI kit); this name stays for code not yet moved."""
from ..ui.screen import Screen  # noqa: F401
