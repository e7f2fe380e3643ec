"""The timeline controller without pygame: zoom, pan, selection, keyboard, the lane filter and the tables."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from game.content.loader import check_content
from game.content.problems import Problems
from game.timeline.controller import Command, Frame, TimelineController
from game.timeline.model import build_timeline

SCENES = Path(__file__).parent.parent / "scenes"
FRAME = Frame(left=200, right=1266, card_left=560)


@pytest.fixture(scope="module")
def timeline():
    return build_timeline(check_content(SCENES), Problems())


@pytest.fixture
def ctl(timeline):
    return TimelineController(timeline, FRAME)


def press(ctl, *names):
    return [ctl.handle(name) for name in names]


def test_needs_no_pygame():
    """The controller, layout and model import and run in a process that has never loaded pygame."""
    code = ("import sys; from pathlib import Path; from game.library import load_library; "
            "from game.timeline.controller import Frame, TimelineController; "
            "c = TimelineController(load_library(Path('scenes')).timeline, Frame(0, 1000, 500)); "
            "c.handle('right'); c.handle('zoom_in'); c.update(0.1); "
            "assert 'pygame' not in sys.modules, 'pygame was imported'")
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parent.parent, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr


def test_home_view_shows_every_event(ctl, timeline):
    view = ctl.view
    xs = [view.x(ctl.positions[e.id]) for e in timeline.events]
    assert min(xs) >= FRAME.left and max(xs) <= FRAME.right


def test_right_selects_the_first_visible_then_steps_in_time(ctl, timeline):
    press(ctl, "right")
    assert ctl.selected == timeline.events[0].id and not ctl.card_open
    press(ctl, "right", "right")
    assert ctl.selected == timeline.events[2].id
    press(ctl, "left")
    assert ctl.selected == timeline.events[1].id
    press(ctl, "end")
    assert ctl.selected == timeline.events[-1].id
    press(ctl, "right")                       # clamps at the end
    assert ctl.selected == timeline.events[-1].id
    press(ctl, "home")
    assert ctl.selected == timeline.events[0].id


def test_confirm_opens_the_card_then_plays_the_scene(timeline):
    ctl = TimelineController(timeline, FRAME, focus_event="story_backpack")
    assert ctl.card_open and ctl.selected == "story_backpack"
    assert ctl.handle("confirm") == Command("play", "shop_window")
    ctl.handle("cancel")
    assert not ctl.card_open
    assert ctl.handle("confirm") is None and ctl.card_open
    ctl.handle("cancel")
    assert ctl.handle("cancel") == Command("back")


def test_focus_zooms_and_centres_left_of_the_card(timeline):
    ctl = TimelineController(timeline, FRAME, focus_event="release")
    assert ctl.view.scale > ctl.home_view.scale * 5
    x = ctl.view.x(ctl.positions["release"])
    assert FRAME.left <= x <= FRAME.card_left
    assert x == pytest.approx((FRAME.left + FRAME.card_left) / 2)


def test_up_down_change_lane_to_the_nearest_event(ctl, timeline):
    ctl.select("release", open_card=False)
    press(ctl, "up")
    assert timeline.event(ctl.selected).lane == "story"
    press(ctl, "down", "down")
    assert timeline.event(ctl.selected).lane == "awards"


def test_zoom_keys_and_wheel(ctl):
    scale = ctl.target.scale
    press(ctl, "zoom_in")
    assert ctl.target.scale == pytest.approx(scale * 1.6)
    press(ctl, "zoom_out", "zoom_out", "zoom_out")
    assert ctl.target.scale >= ctl.home_view.scale * 0.9 - 1e-9   # never further out than the whole timeline
    ctl.target = ctl.view = ctl.home_view
    u_under = ctl.view.u_at(700)
    ctl.handle("wheel_up", x=700)
    assert ctl.target.u_at(700) == pytest.approx(u_under)          # the wheel zooms around the pointer


def test_zoom_keeps_the_selected_event_in_place(ctl):
    ctl.select("bo_ten_million", open_card=False)
    ctl.view = ctl.target
    x = ctl.target.x(ctl.positions["bo_ten_million"])
    press(ctl, "zoom_in", "zoom_in")
    assert ctl.target.x(ctl.positions["bo_ten_million"]) == pytest.approx(x)


def test_drag_pans_at_once(ctl):
    for _ in range(3):
        ctl.zoom(1.6)
    ctl.update(1.0)
    centre = ctl.view.centre
    ctl.start_drag(600)
    ctl.drag(700)
    assert ctl.view.centre == pytest.approx(centre - 100 / ctl.view.scale)
    ctl.release()
    ctl.drag(900)
    assert ctl.view.centre == pytest.approx(centre - 100 / ctl.view.scale)


def test_update_eases_then_arrives(ctl):
    ctl.select("release", open_card=False, zoom=True)
    start = ctl.view
    ctl.update(0.016)
    assert ctl.view != start and ctl.view != ctl.target
    for _ in range(200):
        ctl.update(0.016)
    assert ctl.view == ctl.target
    ctl.go_home()
    ctl.update(0.016, reduce_motion=True)
    assert ctl.view == ctl.target


def test_clicking_a_spread_cluster_zooms_to_it(ctl, timeline):
    ids = tuple(p.event for p in timeline.box_office())
    ctl.click_marker(ids)
    assert ctl.card_open and ctl.selected == sorted(ids, key=timeline.index_of)[0]
    assert ctl.target.scale > ctl.home_view.scale * 5


def test_solo_lane_filter(ctl, timeline):
    ctl.select("release", open_card=False)
    press(ctl, "hide_ui")
    assert ctl.solo == "release" and ctl.lanes_shown() == ["release"]
    press(ctl, "right")
    assert timeline.event(ctl.selected).lane == "release"
    press(ctl, "up")                           # no other lane to go to
    assert timeline.event(ctl.selected).lane == "release"
    press(ctl, "hide_ui")
    assert ctl.solo is None and len(ctl.lanes_shown()) == len(timeline.lanes)
    ctl.toggle_solo("awards")                  # the legend: the selection leaves with its lane
    assert ctl.solo == "awards" and ctl.selected is None


def test_views(ctl, timeline):
    ctl.handle("digit", number=4)
    assert ctl.mode == "awards" and ctl.table_index == 0
    ctl.table_index = 5
    ctl.handle("digit", number=3)
    assert ctl.mode == "remakes" and ctl.table_index == 0
    ctl.handle("cancel")
    assert ctl.mode == "timeline"
    ctl.handle("digit", number=2)
    assert ctl.mode == "chart"
    ctl.handle("confirm")
    assert ctl.mode == "timeline" and ctl.selected == timeline.box_office()[-1].event and ctl.card_open
    ctl.handle("digit", number=9)
    assert ctl.mode == "timeline"


def test_card_scroll_resets_on_a_new_selection(ctl):
    ctl.select("release")
    press(ctl, "rollforward", "rollforward")
    assert ctl.card_scroll == 6
    press(ctl, "rollback")
    assert ctl.card_scroll == 3
    press(ctl, "right")
    assert ctl.card_scroll == 0


def test_a_new_frame_refits_the_home_view(ctl):
    ctl.set_frame(Frame(left=300, right=1200, card_left=700))
    assert ctl.view == ctl.home_view and ctl.home_view.left == 300
    ctl.select("release", open_card=False, zoom=True)
    ctl.update(1.0)
    centre, scale = ctl.view.centre, ctl.view.scale
    ctl.set_frame(FRAME)                       # a zoomed view keeps its time and zoom
    assert (ctl.view.centre, ctl.view.scale, ctl.view.left) == (centre, scale, FRAME.left)
