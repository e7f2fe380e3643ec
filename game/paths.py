"""Where the shipped content and assets live, relative to the installed package."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENES = ROOT / "scenes"
ASSETS = ROOT / "assets"
SCHEMA_DIR = ROOT / "schema"
FONTS = ASSETS / "fonts"
