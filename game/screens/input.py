"""Moved to game/ui/input.py (the UI kit); this name stays for code not yet moved."""
from ..ui.input import DIGITS, KEYMAP, PAD_BUTTONS, STICK_THRESHOLD, Act, Action, InputMapper, controls_help, key_action  # noqa: F401
