"""The broken axis and marker placement: monotone mapping; markers and labels never overlap at any zoom;
labels are whole (one or two lines) or absent, never cut; the axis always shows the year of its months."""
from __future__ import annotations

import datetime as dt
import re
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
    lane_bands,
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
    xs = [(t.x - estimate_width(t.text, 20) / 2, t.x + estimate_width(t.text, 20) / 2) for t in marks]
    assert all(b[0] >= a[1] for a, b in zip(xs, xs[1:]))


@settings(max_examples=80, deadline=None)
@given(where=st.floats(0, 1), zoom=st.floats(0, 1))
def test_every_month_or_day_on_the_axis_has_its_year_on_screen(real, where, zoom):
    """The first tick of each stretch names its year, and so does every tick where the year changes:
    'Jul / Aug' never stands without a year (playtest: "the axis shows 'Jul / Aug' with no year")."""
    _, axis, _ = real
    fit = View.fit(axis.u_min, axis.u_max, LEFT, WIDTH)
    view = View(axis.u_min + where * (axis.u_max - axis.u_min), fit.scale * (MAX_SCALE / fit.scale) ** zoom,
                LEFT, WIDTH)
    shown_year = {}
    for tick in ticks(axis, view, lambda s: estimate_width(s, 20)):
        seg = next(i for i, s in enumerate(axis.segments) if s.t0 - 1 <= tick.t <= s.t1 + 1)
        year = dt.date.fromordinal(int(tick.t)).year
        if re.search(r"\b\d{4}\b", tick.text):
            assert str(year) in tick.text or "–" in tick.text
            shown_year[seg] = year
        else:
            assert shown_year.get(seg) == year, f"{tick.text!r} shown without its year {year}"


def test_zoomed_to_months_the_first_tick_names_the_year(real):
    _, axis, positions = real
    view = View(positions["release"], 3.0, LEFT, WIDTH)        # about 90 px a month
    marks = ticks(axis, view, lambda s: estimate_width(s, 20))
    assert [t.text for t in marks][:2] == ["Jan 2013", "Feb"] or marks[0].text.endswith("2013")
    assert any(t.text in ("Feb", "Mar", "Apr") for t in marks)   # the same year is not repeated on every tick


def whole(text: str, lines: tuple[str, ...]) -> bool:
    return " ".join(lines) == " ".join(text.split()) and "…" not in " ".join(lines)


@settings(max_examples=120, deadline=None)
@given(where=st.floats(0, 1), zoom=st.floats(0, 1), pick=st.integers(0, 62))
def test_labels_are_whole_and_the_selected_one_is_always_shown(real, where, zoom, pick):
    timeline, axis, positions = real
    fit = View.fit(axis.u_min, axis.u_max, LEFT, WIDTH)
    view = View(axis.u_min + where * (axis.u_max - axis.u_min), fit.scale * (MAX_SCALE / fit.scale) ** zoom,
                LEFT, WIDTH)
    selected = timeline.events[pick % len(timeline.events)].id
    placed = layout_timeline(timeline, view, TOP, HEIGHT, estimate_width, GEO, positions, selected=selected)
    assert_no_overlap(placed)
    for p in placed:
        if p.label_rect:
            expected = timeline.event(p.ids[0]).title if not p.cluster else p.label
            assert whole(expected, p.lines), p.lines
            assert len(p.lines) <= GEO.max_lines
            assert LEFT <= p.label_rect[0] and p.label_rect[0] + p.label_rect[2] <= LEFT + WIDTH + 1e-6
    mine = next(p for p in placed if selected in p.ids)
    if LEFT <= mine.x <= LEFT + WIDTH and not mine.cluster:
        assert mine.label_rect is not None, "the selected event's label is always shown"


def test_long_titles_wrap_to_two_lines_instead_of_being_cut():
    title = "Best Screenplay: Lee Hwan-kyung, Kim Hwang-sung, Kim Young-seok"
    placed = place_lane([("a", 100.0, title)], View(100.0, 1.0, LEFT, WIDTH), "lane", 300.0, estimate_width,
                        Geometry(label_h=30, max_label=480))
    assert len(placed[0].lines) == 2 and whole(title, placed[0].lines)
    assert max(estimate_width(line) for line in placed[0].lines) <= 480


def test_a_label_too_long_for_two_lines_is_left_out_not_cut():
    title = "word " * 60
    placed = place_lane([("a", 100.0, title)], View(100.0, 1.0, LEFT, WIDTH), "lane", 300.0, estimate_width, GEO)
    assert placed[0].label_rect is None and placed[0].label == ""


@pytest.mark.parametrize("height,count", [(500.0, 5), (330.0, 5), (250.0, 5), (600.0, 1), (120.0, 3)])
def test_lane_bands_stay_inside_and_hold_their_labels(height, count):
    bands = lane_bands(TOP, height, count, GEO)
    assert len(bands) == count
    assert bands[0].top == pytest.approx(TOP) and bands[-1].bottom == pytest.approx(TOP + height)
    for band in bands:
        above = band.line_y - GEO.cluster_r - GEO.clear - band.above * GEO.label_h
        below = band.line_y + GEO.cluster_r + GEO.clear + band.below * GEO.label_h
        assert band.top <= above and below <= band.bottom + 1e-6
        if band.above or band.below:
            assert band.top <= band.line_y - GEO.cluster_r and band.line_y + GEO.cluster_r <= band.bottom


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
