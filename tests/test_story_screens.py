"""One moment per chapter of the shipped story, rendered headless: every chapter must look finished."""
from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game import paths
from game.content.loader import load_story
from game.runtime import events as ev
from game.screens.capture import play_app

SHOTS = Path(__file__).parent / "screenshots"
STORY = load_story(paths.SCENES)


def first_line_app(scene_id: str):
    """The app at the first line of `scene_id` that a character speaks, with portraits on stage."""
    for n in range(2, 40):
        app = play_app(STORY, scene_id, n)
        event = app.top.event
        if isinstance(event, ev.LineEvent) and event.speaker and app.top.rt.state.stage.sprites:
            return app
    raise AssertionError(f"no spoken line with portraits in {scene_id}")


@pytest.mark.parametrize("chapter", [c.number for c in STORY.chapters])
def test_each_chapter_renders_a_finished_moment(chapter):
    scene = STORY.scenes_in_chapter(chapter)[0]
    app = first_line_app(scene.id)
    app.screenshot(SHOTS / f"chapter_{chapter:02d}.png")
    canvas = app.canvas
    background = canvas.subsurface(pygame.Rect(0, 0, 1280, 200))
    colours = {background.get_at((x, y))[:3] for x in range(0, 1280, 16) for y in range(0, 200, 16)}
    assert len(colours) > 40, "the background looks blank"
    box = canvas.subsurface(pygame.Rect(100, 560, 700, 40))
    assert len({box.get_at((x, y))[:3] for x in range(0, 700, 2) for y in range(0, 40, 2)}) > 5
