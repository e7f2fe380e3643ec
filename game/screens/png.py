"""Moved to game/ui/png.py (the UI kit); this name stays for code not yet moved."""
from ..ui.png import png_bytes  # noqa: F401
