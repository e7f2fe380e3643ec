"""Where the shipped content and assets live: beside the `game` package in a checkout or an install,
or inside the desktop bundle (PyInstaller) wherever it was unpacked. Never the working directory.

In a PyInstaller build `sys.frozen` is set and `sys._MEIPASS` is the bundle's data folder (`_internal/`
beside the `cell7` program in a one-folder build; `Contents/Resources`-side on macOS); the spec
(packaging/cell7.spec) puts `scenes/`, `assets/`, `schema/` (and `examples/`) at its top.
"""
from __future__ import annotations

import sys
from pathlib import Path


def _root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle).resolve()
    return Path(__file__).resolve().parent.parent


FROZEN = bool(getattr(sys, "frozen", False))  # running from the desktop bundle
ROOT = _root()
SCENES = ROOT / "scenes"
ASSETS = ROOT / "assets"
SCHEMA_DIR = ROOT / "schema"
FONTS = ASSETS / "fonts"
EXAMPLES = ROOT / "examples"  # further stories (the bundle carries them when the checkout has them)
ICON = ASSETS / "icon" / "cell7-64.png"  # the window icon (tools/art/icon.py)
WM_CLASS = "cell7"  # the window class a desktop groups and names the window by (matches packaging/linux/cell7.desktop)
