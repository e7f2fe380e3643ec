"""Shared test setup: headless SDL, and a copy of the fixture story that a test may break."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_ASSETS = FIXTURES / "assets"


@pytest.fixture
def story_root(tmp_path: Path) -> Path:
    """A fresh copy of the valid fixture story, laid out as scenes/ beside assets/."""
    root = tmp_path / "scenes"
    shutil.copytree(FIXTURES / "story_ok", root)
    shutil.copytree(FIXTURE_ASSETS, tmp_path / "assets")
    return root
