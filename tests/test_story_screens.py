"""One moment per chapter of the shipped story, rendered headless: every chapter must look finished."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pygame
import pytest

from game import paths
from game.library import load_library
from game.runtime import events as ev
from game.screens.capture import play_app

SHOTS = Path(tempfile.mkdtemp(prefix="cell7-shots-"))  # for people to look at; never written into tests/
STORY = load_library(paths.SCENES)


def first_line_app(scene_id: str):
    """The app at the first line of `scene_id` that a character speaks, with portraits on stage."""
    for n in range(2, 40):
        app = play_app(STORY, scene_id, n)
        event = app.top.event
        if isinstance(event, ev.LineEvent) and event.speaker and app.top.rt.state.stage.sprites:
            return app
    raise AssertionError(f"no spoken line with portraits in {scene_id}")


@pytest.mark.parametrize("chapter", [c.number for c in STORY.story.chapters])
def test_each_chapter_renders_a_finished_moment(chapter):
    scene = STORY.story.scenes_in_chapter(chapter)[0]
    app = first_line_app(scene.id)
    app.screenshot(SHOTS / f"chapter_{chapter:02d}.png")
    canvas = app.canvas
    background = canvas.subsurface(pygame.Rect(0, 0, 1280, 200))
    colours = {background.get_at((x, y))[:3] for x in range(0, 1280, 16) for y in range(0, 200, 16)}
    assert len(colours) > 40, "the background looks blank"
    box = canvas.subsurface(pygame.Rect(100, 560, 700, 40))
    assert len({box.get_at((x, y))[:3] for x in range(0, 700, 2) for y in range(0, 40, 2)}) > 5


@pytest.mark.parametrize("scene, events, options", [
    ("retrial_hub", 3, None),                                   # the retrial's five-way choice
    ("ice_market", 2, "ask"),                                   # a content note with its two buttons
])
def test_menus_stay_on_screen_at_200_percent_text(tmp_path, scene, events, options):
    from game.profile import Profile
    from game.runtime.runtime import Options
    profile = Profile(tmp_path)
    profile.settings.font_scale = 2.0
    app = play_app(STORY, scene, events, options=Options(content_notes=options) if options else None,
                   profile=profile)
    app.screenshot(SHOTS / f"{scene}_200.png")
    rects = app.top.menu.rects
    assert len(rects) == len(app.top.event.options)
    assert rects[0].top >= 0 and rects[-1].bottom <= 720
    assert all(a.bottom <= b.top for a, b in zip(rects, rects[1:]))  # buttons never overlap


def test_sources_differ_card_fits_at_200_percent_text(tmp_path):
    from game.profile import Profile
    profile = Profile(tmp_path)
    profile.settings.font_scale = 2.0
    app = play_app(STORY, "shop_window", 13, profile=profile)  # the names card, after the choice
    assert isinstance(app.top.event, ev.DifferEvent)
    bottom_strip = app.canvas.subsurface(pygame.Rect(0, 700, 1280, 20))
    before = play_app(STORY, "shop_window", 13)  # the same moment at 100%: the strip is background there too
    assert pygame.image.tobytes(bottom_strip, "RGB") == pygame.image.tobytes(
        before.canvas.subsurface(pygame.Rect(0, 700, 1280, 20)), "RGB")


def test_background_change_dissolves_from_the_picture_that_was_on_screen():
    app = play_app(STORY, "shop_window", 2)
    play = app.top
    shop = app.images.background("shop_window")
    while not any(e[:2] == ("background", "home") for e in play.event.effects):
        play.choose(play.event.options[0][0]) if isinstance(play.event, ev.WAITS_FOR_CHOICE) else play.next_event()
    assert play.old_background is shop and play.fade == 0.0
    app.step(0.1)
    middle = app.canvas.copy()
    app.step(1.0)
    done = app.canvas
    assert 0 < play.fade <= 1 and shop.get_alpha() is None  # the cached picture is left as it was
    sample = [(x, y) for x in range(0, 1280, 64) for y in range(0, 400, 64)]
    assert sum(middle.get_at(p) != done.get_at(p) for p in sample) > len(sample) // 2  # mid-dissolve differs
