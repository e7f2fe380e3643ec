"""The timeline's frames draw less (issue 17) and show the same pixels: what is kept is dropped when what it
shows changes. Behaviour only, never timings."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pygame
import pytest

from game import paths
from game.library import load_library
from game.screens.app import App
from game.screens.timeline import TimelineScreen
from game.timeline.layout import View
from game.ui import draw
from game.ui.input import Action
from game.ui.theme import HEIGHT, WIDTH


@pytest.mark.parametrize("flags", [0, pygame.SRCALPHA])
def test_a_filled_box_is_the_rectangle_pygame_draws(flags):
    """draw.box fills an opaque box in aligned parts: the same pixels as pygame.draw.rect, clipped or not."""
    rng = random.Random(7)
    mine, theirs = pygame.Surface((400, 300), flags), pygame.Surface((400, 300), flags)
    for _ in range(1500):
        rect = pygame.Rect(rng.randint(-500, 450), rng.randint(-50, 320), rng.randint(-30, 900), rng.randint(-10, 400))
        clip = rng.choice([None, pygame.Rect(rng.randint(0, 200), rng.randint(0, 100), rng.randint(0, 300),
                                             rng.randint(0, 250))])
        colour = tuple(rng.randint(0, 255) for _ in range(rng.choice([3, 4])))
        mine.set_clip(clip)
        theirs.set_clip(clip)
        draw.box(mine, colour, rect)
        pygame.draw.rect(theirs, colour, rect)
        assert pygame.image.tobytes(mine, "RGBA") == pygame.image.tobytes(theirs, "RGBA"), (rect, clip, colour)


# --- the timeline screen: what it keeps is what a fresh screen draws -----------------------------------------

STATE = ("view", "target", "mode", "selected", "card_open", "solo", "lane_first", "table_index", "card_scroll")


def drawn(screen) -> bytes:
    surface = pygame.Surface((WIDTH, HEIGHT))
    screen.draw(surface)
    return pygame.image.tobytes(surface, "RGB")


def fresh(screen) -> bytes:
    """What a new screen in the same state draws (nothing kept yet)."""
    other = TimelineScreen(screen.app, screen.timeline)
    other.view()   # fits the controller to the frame before the state is copied over
    for name in STATE:
        setattr(other.ctl, name, getattr(screen.ctl, name))
    other.hover = screen.hover
    return drawn(other)


def step(app, *actions: Action, frames: int = 1) -> None:
    app.step(1 / 60, list(actions))
    for _ in range(frames - 1):
        app.step(1 / 60)


@pytest.fixture
def timeline_app(shipped_library):
    app = App(shipped_library, window=False)
    app.push(TimelineScreen(app))
    step(app, frames=2)
    return app


def test_zooming_panning_and_selecting_draw_what_a_fresh_screen_draws(timeline_app):
    app, screen = timeline_app, timeline_app.top
    script = [[Action("zoom_in")]] * 6 + [[Action("right")]] * 3 + [[Action("confirm")], [Action("right")],
              [Action("rollforward")], [Action("zoom_out")], [Action("left")], [Action("cancel")],
              [Action("click", pos=(640, 400)), Action("drag", pos=(700, 400))], [Action("release")],
              [Action("point", pos=(800, 300))], [Action("hide_ui")], [Action("hide_ui")], [Action("home")]]
    seen = set()
    for actions in script:
        for frames in (1, 3, 30):      # moving, then eased to a stop
            step(app, *actions, frames=frames)
            actions = []
            kept = drawn(screen)
            assert kept == fresh(screen)
            seen.add(kept)
    assert len(seen) > 20


def change_setting(app, change: str) -> None:
    """Switch to Korean ("language"), 200% text ("text size") or high contrast; anything else changes nothing."""
    if change == "language":
        app.set_language("ko")
        return
    app.settings.font_scale = 2.0 if change == "text size" else app.settings.font_scale
    app.settings.high_contrast = change == "high contrast"
    app.apply_settings()


@pytest.mark.parametrize("change", ["language", "text size", "high contrast"])
def test_a_setting_changed_shows_at_once(timeline_app, change):
    app, screen = timeline_app, timeline_app.top
    step(app, Action("zoom_in"), frames=3)
    step(app, Action("right"), Action("confirm"), frames=40)
    before = drawn(screen)
    change_setting(app, change)
    step(app)
    after = drawn(screen)
    assert after != before and after == fresh(screen)


def editable_timeline(tmp_path) -> tuple[Path, App, TimelineScreen]:
    """A copy of the shipped story (to edit and hot-reload) with its timeline open: (its root, the app, the screen)."""
    root = tmp_path / "scenes"
    shutil.copytree(paths.SCENES, root)
    (tmp_path / "assets").symlink_to(paths.ASSETS)
    app = App(load_library(root), window=False)
    screen = TimelineScreen(app)
    app.push(screen)
    return root, app, screen


def test_a_hot_reload_of_the_timeline_shows_at_once(tmp_path):
    root, app, screen = editable_timeline(tmp_path)
    step(app, Action("zoom_in"), frames=30)
    lane = screen.timeline.lanes[0]
    before = drawn(screen)
    lanes = root / "timeline" / "00_lanes.yaml"
    lanes.write_text(lanes.read_text(encoding="utf-8").replace(lane.title, "Edited lane"), encoding="utf-8")
    app.reload()
    assert not app.reload_problems
    step(app)
    assert screen.timeline is app.library.timeline and screen.timeline.lanes[0].title == "Edited lane"
    after = drawn(screen)
    assert after != before and after == fresh(screen)


def test_a_window_of_another_size_shows_the_same_timeline(shipped_library):
    app = App(shipped_library)
    app.push(TimelineScreen(app))
    step(app, Action("zoom_in"), frames=30)
    before = pygame.image.tobytes(app.step(1 / 60), "RGB")
    pygame.display.set_mode((800, 450), pygame.RESIZABLE)
    app.window = pygame.display.get_surface()
    app.present()
    assert pygame.image.tobytes(app.step(1 / 60), "RGB") == before == fresh(app.top)


@pytest.mark.parametrize("setting", ["plain", "text size", "high contrast", "korean"])
def test_panning_draws_what_a_fresh_screen_draws(timeline_app, setting):
    """A drag from an empty spot, by small and large steps both ways, zoomed out and in: every frame is what a
    fresh screen draws, at 100% and 200% text, in high contrast and in Korean (a guard for keeping or moving the
    plot's pictures while panning)."""
    app, screen = timeline_app, timeline_app.top
    change_setting(app, "language" if setting == "korean" else setting)
    rng = random.Random(17)
    for zoom in (0, 3, 4):
        step(app, *[Action("zoom_in")] * zoom, frames=60)
        plot = screen.view().frame.plot
        x, y = next((x, y) for y in range(plot.centery, plot.bottom, 4) for x in range(plot.centerx, plot.right, 8)
                    if screen._marker_at((x, y)) is None)
        step(app, Action("click", pos=(x, y)))
        assert screen.ctl.drag_from is not None
        for _ in range(25):
            x += rng.choice([1, 2, 3, 7, 40, 333, 1500]) * rng.choice([-1, 1])
            step(app, Action("drag", pos=(x, y)))
            assert drawn(screen) == fresh(screen)
        step(app, Action("release"))


def test_a_still_timeline_is_drawn_once_then_blitted(timeline_app, monkeypatch):
    """Once nothing on it changes, the frame is one kept picture: no marker, card or axis is drawn again."""
    import game.screens.timeline as screen_module
    app, screen = timeline_app, timeline_app.top
    step(app, Action("right"), Action("confirm"), frames=60)
    drawn_parts = []
    for name in ("draw_markers", "draw_axis", "draw_breaks"):
        original = getattr(screen_module, name)
        monkeypatch.setattr(screen_module, name, lambda *a, _f=original, _n=name, **k: (drawn_parts.append(_n),
                                                                                      _f(*a, **k))[1])
    before = drawn(screen)
    step(app, frames=5)
    assert drawn_parts == [] and drawn(screen) == before
    step(app, Action("right"), frames=1)     # another event: its marker, card and footer are drawn again
    assert "draw_markers" in drawn_parts


def test_the_layout_with_its_memos_is_the_layout_without(shipped_library):
    """The screen lays out with each lane's events and the labels' shapes kept from frame to frame: the
    same markers and labels as a layout worked out afresh, zoomed in and out, panned and with a selection."""
    from game.timeline.layout import Geometry, event_positions, lane_items, layout_timeline
    timeline = shipped_library.timeline
    axis, positions = event_positions(timeline)
    items, shapes = lane_items(timeline, positions), {}
    rng = random.Random(3)
    for _ in range(60):
        view = View(rng.uniform(axis.u_min, axis.u_max), 10 ** rng.uniform(-1.5, 1.5), 120, 1140)
        selected = rng.choice([None, *(e.id for e in timeline.events)])
        args = (timeline, view, 100, 560, lambda s: len(s) * 9.5, Geometry(), positions)
        assert layout_timeline(*args, selected=selected, items=items, shapes=shapes) == \
            layout_timeline(*args, selected=selected)
