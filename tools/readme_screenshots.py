"""Render the screenshots that README.md shows (docs/screenshots/*.png), headless.

Usage: python tools/readme_screenshots.py
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game import paths  # noqa: E402
from game.library import load_library  # noqa: E402
from game.screens.app import App  # noqa: E402
from game.screens.capture import play_app  # noqa: E402
from game.screens.timeline import TimelineScreen  # noqa: E402
from game.screens.title import TitleScreen  # noqa: E402

OUT = paths.ROOT / "docs" / "screenshots"
MOMENTS = {"line": ("shop_window", 4), "choice": ("shop_window", 7), "differ": ("shop_window", 13),
           "cell": ("cell_arrival", 6), "retrial": ("retrial_hub", 2), "illustration": ("ice_market", 16)}


def main() -> None:
    library = load_library(paths.SCENES)
    OUT.mkdir(parents=True, exist_ok=True)
    app = App(library, window=False)
    app.push(TitleScreen(app))
    app.step(0.1)
    app.screenshot(OUT / "title.png")
    for name, (scene, events) in MOMENTS.items():
        play_app(library, scene, events).screenshot(OUT / f"{name}.png")
    for name, view, focus in (("timeline", "timeline", "story_backpack"), ("box_office", "chart", None)):
        app = App(library, window=False)
        app.push(TimelineScreen(app, library.timeline, focus_event=focus, view=view))
        app.step(2.0)
        app.screenshot(OUT / f"{name}.png")
    print(f"wrote {len(MOMENTS) + 3} screenshots to {OUT}")


if __name__ == "__main__":
    main()
