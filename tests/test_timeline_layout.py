"""The broken axis and marker placement: monotone mapping, and markers/labels never overlap at any zoom."""
from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content.loader import check_content
from game.content.problems import Problems
from game.timeline.layout import (
    MAX_SCALE,
    Geometry,
    View,
    estimate_width,
    event_positions,
    layout_timeline,
    overlaps,
    place_lane,
    ticks,
)
from game.timeline.model import build_timeline

SCENES = Path(__file__).parent.parent / "scenes"
GEO = Geometry(label_h=30)
TOP, HEIGHT = 116.0, 500.0
LEFT, WIDTH = 184.0, 1080.0


@pytest.fixture(scope="module")
def real():
    timeline = build_timeline(check_content(SCENES), Problems())
    axis, positions = event_positions(timeline)
    return timeline, axis, positions


def rects(placed):
    out = []
    for p in placed:
        out.append(("marker", p.ids, p.rect))
        if p.label_rect:
            out.append(("label", p.ids, p.label_rect))
    return out


def assert_no_overlap(placed):
    boxes = rects(placed)
    for (kind_a, ids_a, a), (kind_b, ids_b, b) in combinations(boxes, 2):
        assert not overlaps(a, b), f"{kind_a} {ids_a[:2]} overlaps {kind_b} {ids_b[:2]}"


def test_axis_is_monotone_and_invertible(real):
    _, axis, _ = real
    times = [axis.segments[0].t0 - 100 + k * 97.3 for k in range(700)]
    us = [axis.u(t) for t in times]
    assert all(b > a for a, b in zip(us, us[1:]))
    for t in times[::25]:
        assert axis.t(axis.u(t)) == pytest.approx(t, abs=1e-6)


def test_axis_squeezes_empty_decades(real):
    timeline, axis, positions = real
    crime, backpack = timeline.event("case_crime"), timeline.event("story_backpack")
    true_gap = backpack.time - crime.time
    squeezed = positions["story_backpack"] - positions["case_crime"]
    assert squeezed < true_gap / 10
    # inside a stretch, days keep their true length (release -> day 52)
    assert positions["bo_final"] - positions["release"] == pytest.approx(
        timeline.event("bo_final").time - timeline.event("release").time)
    # undated events sit after everything dated
    assert min(positions[e.id] for e in timeline.undated()) > max(positions[e.id] for e in timeline.dated())


def test_every_event_is_placed_once(real):
    timeline, axis, positions = real
    view = View.fit(axis.u_min, axis.u_max, LEFT, WIDTH)
    placed = layout_timeline(timeline, view, TOP, HEIGHT, estimate_width, GEO, positions)
    ids = [i for p in placed for i in p.ids]
    assert sorted(ids) == sorted(e.id for e in timeline.events)


views = st.tuples(st.floats(0, 1), st.floats(0, 1))


@settings(max_examples=150, deadline=None)
@given(where=st.floats(0, 1), zoom=st.floats(0, 1))
def test_real_data_never_overlaps_at_any_zoom_or_pan(real, where, zoom):
    timeline, axis, positions = real
    fit = View.fit(axis.u_min, axis.u_max, LEFT, WIDTH)
    scale = fit.scale * (MAX_SCALE / fit.scale) ** zoom
    view = View(axis.u_min + where * (axis.u_max - axis.u_min), scale, LEFT, WIDTH)
    placed = layout_timeline(timeline, view, TOP, HEIGHT, estimate_width, GEO, positions)
    assert_no_overlap(placed)


@settings(max_examples=150, deadline=None)
@given(us=st.lists(st.floats(0, 3000), min_size=1, max_size=40),
       titles=st.lists(st.text(min_size=0, max_size=40), min_size=40, max_size=40),
       centre=st.floats(-200, 3200), scale=st.floats(0.05, 120), dup=st.integers(0, 8))
def test_random_lanes_never_overlap(us, titles, centre, scale, dup):
    us = us + [us[0]] * dup  # piles of events at the same moment
    items = [(f"e{i}", u, titles[i % len(titles)]) for i, u in enumerate(us)]
    view = View(centre, scale, LEFT, WIDTH)
    placed = place_lane(items, view, "lane", 300.0, estimate_width, GEO)
    assert sorted(i for p in placed for i in p.ids) == sorted(i for i, _, _ in items)
    assert_no_overlap(placed)
    for p in placed:
        if p.label_rect:
            assert p.label_rect[0] >= LEFT and p.label_rect[0] + p.label_rect[2] <= LEFT + WIDTH + 0.5


@settings(max_examples=60, deadline=None)
@given(where=st.floats(0, 1), zoom=st.floats(0, 1))
def test_tick_labels_never_collide(real, where, zoom):
    _, axis, _ = real
    fit = View.fit(axis.u_min, axis.u_max, LEFT, WIDTH)
    view = View(axis.u_min + where * (axis.u_max - axis.u_min), fit.scale * (MAX_SCALE / fit.scale) ** zoom,
                LEFT, WIDTH)
    marks = ticks(axis, view, lambda s: estimate_width(s, 20))
    xs = [(x - estimate_width(s, 20) / 2, x + estimate_width(s, 20) / 2) for x, s in marks]
    assert all(b[0] >= a[1] for a, b in zip(xs, xs[1:]))


def test_zoom_reaches_days(real):
    _, axis, positions = real
    view = View.fit(axis.u_min, axis.u_max, LEFT, WIDTH)
    for _ in range(40):
        view = view.zoomed(1.6)
    assert view.scale == MAX_SCALE  # one day is MAX_SCALE pixels wide: days are far apart
    assert View.fit(axis.u_min, axis.u_max, LEFT, WIDTH).scale * (axis.u_max - axis.u_min) <= WIDTH


def test_box_office_days_separate_when_zoomed(real):
    timeline, axis, positions = real
    view = View(positions["bo_third_week"], 60.0, LEFT, WIDTH)
    placed = layout_timeline(timeline, view, TOP, HEIGHT, estimate_width, GEO, positions)
    singles = {p.ids[0] for p in placed if not p.cluster}
    assert {"bo_third_week", "bo_two_weeks"} <= singles
