"""The timeline screen, headless: three zooms, a card, the chart, both tables and the poster.

Screenshots go to pytest's tmp dir (and to tests/screenshots/timeline/ for a person to look at);
each check fails on a blank or wrong screen (pixel variance where markers or text must be).
"""
from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.content.loader import check_content  # noqa: E402
from game.content.problems import Problems  # noqa: E402
from game.screens.app import App  # noqa: E402
from game.screens.input import Action  # noqa: E402
from game.screens.timeline import CARD, LANES_TOP, PLOT_LEFT, PLOT_RIGHT, TimelineScreen  # noqa: E402
from game.screens.timeline_poster import export_poster  # noqa: E402
from game.timeline.model import build_timeline  # noqa: E402

SCENES = Path(__file__).parent.parent / "scenes"
LOOK = Path(__file__).parent / "screenshots" / "timeline"  # written for people to look at; not compared


@pytest.fixture(scope="module")
def loaded():
    content = check_content(SCENES)
    return content, build_timeline(content, Problems())


@pytest.fixture
def app(loaded):
    content, _ = loaded
    return App(content.story, window=False)


def shot(app, tmp_path, name) -> pygame.Surface:
    path = tmp_path / f"{name}.png"
    app.screenshot(path)
    LOOK.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, LOOK / f"test_{name}.png")
    return pygame.image.load(str(path))


def variety(surface: pygame.Surface, rect: pygame.Rect) -> int:
    """How many distinct colours a region holds (a blank or flat region has very few)."""
    area = surface.subsurface(rect)
    return len({tuple(area.get_at((x, y)))[:3] for x in range(0, rect.w, 3) for y in range(0, rect.h, 3)})


def test_three_zooms(app, loaded, tmp_path):
    _, timeline = loaded
    screen = TimelineScreen(app, timeline=timeline)
    app.push(screen)
    plot = pygame.Rect(PLOT_LEFT, LANES_TOP, PLOT_RIGHT - PLOT_LEFT, 480)
    app.step(1.0)
    image = shot(app, tmp_path, "zoom_all")
    assert variety(image, plot) > 40
    labels_all = [p.label for p in screen.placed if p.label]
    assert len(labels_all) >= 8
    screen.select("release", open_card=False, zoom=True)
    app.step(1.0)
    image = shot(app, tmp_path, "zoom_2013")
    assert variety(image, plot) > 40
    assert screen.view.scale > screen.home_view.scale * 5
    for _ in range(6):
        app.step(0.05, [Action("zoom_in")])
    app.step(1.0)
    image = shot(app, tmp_path, "zoom_days")
    assert screen.view.scale >= 30          # a day is at least 30 px wide
    assert variety(image, plot) > 20
    assert any("release" in p.ids for p in screen.placed)


def test_card_with_play_button_and_navigation(app, loaded, tmp_path):
    _, timeline = loaded
    opened = []
    screen = TimelineScreen(app, timeline=timeline, focus_event="story_backpack", on_open_scene=opened.append)
    app.push(screen)
    app.step(1.0)
    image = shot(app, tmp_path, "card")
    assert screen.card_open and screen.selected == "story_backpack"
    assert variety(image, CARD.inflate(-40, -40)) > 20
    assert "play" in screen.buttons
    app.step(0.1, [Action("confirm")])
    assert opened == ["shop_window"]
    app.step(0.1, [Action("click", screen.buttons["play"].center)])
    assert opened == ["shop_window", "shop_window"]
    app.step(0.1, [Action("right")])
    assert screen.selected == timeline.next_event("story_backpack").id
    app.step(0.1, [Action("left"), Action("next")])
    assert screen.selected == timeline.next_event("story_backpack").id
    app.step(0.1, [Action("cancel")])
    assert not screen.card_open
    app.step(0.1, [Action("cancel")])
    assert app.top is not screen


def test_no_play_button_without_callback(app, loaded, tmp_path):
    _, timeline = loaded
    screen = TimelineScreen(app, timeline=timeline, focus_event="bo_final")
    app.push(screen)
    app.step(1.0)
    image = shot(app, tmp_path, "card_differ")
    assert "play" not in screen.buttons
    assert variety(image, CARD.inflate(-40, -40)) > 20
    # the differ boxes are drawn in their own colour
    area = image.subsurface(CARD)
    assert any(tuple(area.get_at((x, y)))[:3] == (240, 170, 100)
               for x in range(0, CARD.w, 2) for y in range(0, CARD.h, 2))


def test_click_marker_opens_card(app, loaded):
    _, timeline = loaded
    screen = TimelineScreen(app, timeline=timeline)
    app.push(screen)
    app.step(1.0)
    target = next(p for p in screen.placed if not p.cluster)
    app.step(1.0, [Action("click", (round(target.x), round(target.y)))])
    assert screen.selected == target.ids[0] and screen.card_open


def test_chart(app, loaded, tmp_path):
    _, timeline = loaded
    screen = TimelineScreen(app, timeline=timeline)
    app.push(screen)
    app.step(1.0, [Action("digit", number=2)])
    image = shot(app, tmp_path, "chart")
    assert screen.mode == "chart"
    assert variety(image, pygame.Rect(170, 150, 1040, 420)) > 15
    # the break-even line (danger colour) is drawn at 1.7 million
    danger = app.theme.danger
    assert sum(tuple(image.get_at((x, y)))[:3] == danger for x in range(170, 1210, 4) for y in range(480, 560)) > 20


@pytest.mark.parametrize("digit,mode", [(3, "remakes"), (4, "awards")])
def test_tables(app, loaded, tmp_path, digit, mode):
    _, timeline = loaded
    screen = TimelineScreen(app, timeline=timeline)
    app.push(screen)
    app.step(1.0, [Action("digit", number=digit)])
    image = shot(app, tmp_path, mode)
    assert screen.mode == mode
    assert variety(image, pygame.Rect(40, 170, 1200, 400)) > 15
    assert len(screen.row_rects) >= 7
    if mode == "awards":
        for _ in range(40):
            app.step(0.02, [Action("down")])
        shot(app, tmp_path, "awards_end")
        assert screen.row_rects[-1][1] == timeline.awards()[-1].event   # scrolled to the last row
    app.step(0.1, [Action("confirm")])
    assert screen.mode == "timeline" and screen.card_open


def test_poster(loaded, tmp_path):
    content, timeline = loaded
    path = export_poster(content.story, tmp_path / "poster.png", timeline=timeline)
    image = pygame.image.load(str(path))
    assert image.get_size() == (4960, 3508)
    assert variety(image, pygame.Rect(400, 400, 4000, 2400)) > 20
    LOOK.mkdir(parents=True, exist_ok=True)
    pygame.image.save(pygame.transform.smoothscale(image, (1240, 877)), str(LOOK / "test_poster_small.png"))
