"""Where things go on the timeline (pure: no pygame, so it can be property-tested).

Time is measured in days. The sources' dates bunch up (1972, 1997, 2008, a dense 2013,
then a remake every year or two) with decades of nothing in between, so the axis is
*broken*: stretches of time that hold events (plus some padding) keep their true scale,
and every long empty gap is squeezed to a short break, drawn as a zig-zag with its real
length written on it. The squeezed coordinate is `u`; a `View` maps `u` to screen x with a
centre and a scale (pixels per day), so zooming works the same inside every stretch.

Markers are placed lane by lane: markers that would touch merge into one cluster marker,
and each label goes above or below the lane line, whole (on one line or wrapped to two) or
not at all; the selected event's label is placed first. No two markers or labels ever overlap
(see tests/test_timeline_layout.py), and no label is ever cut short.
"""
from __future__ import annotations

import math
from functools import cached_property
from typing import Callable, Iterable, Sequence

from ..content.records import record
from ..words import t as tr
from .model import Timeline, month_name

PAD = 40.0               # days of true-scale time kept around each stretch of events
GAP = 200.0              # empty gaps longer than this (days) are squeezed
BREAK_BASE = 110.0       # a squeezed gap is this long in u ...
BREAK_FACTOR = 0.02      # ... plus this fraction of its true length
UNDATED_SLOT = 70.0      # u per event in the "no date given" column
MAX_SCALE = 90.0         # px per day at the closest zoom (days are clearly apart)

Rect = tuple[float, float, float, float]  # x, y, w, h


def overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


# --- the broken axis ---------------------------------------------------------------------------

@record
class Segment:
    """A stretch of true-scale time: days t0..t1 map to u0..u0+(t1-t0)."""

    t0: float
    t1: float
    u0: float

    @property
    def u1(self) -> float:
        return self.u0 + (self.t1 - self.t0)


@record
class Axis:
    segments: tuple[Segment, ...]
    undated_u0: float          # start of the "no date given" column
    undated_count: int

    @classmethod
    def build(cls, times: Iterable[float], undated_count: int = 0) -> "Axis":
        times = sorted(set(times)) or [0.0]
        groups: list[list[float]] = [[times[0]]]
        for t in times[1:]:
            if t - groups[-1][-1] > GAP + 2 * PAD:
                groups.append([t])
            else:
                groups[-1].append(t)
        segments: list[Segment] = []
        u = 0.0
        for group in groups:
            t0, t1 = group[0] - PAD, group[-1] + PAD
            if segments:
                gap = t0 - segments[-1].t1
                u = segments[-1].u1 + min(gap, BREAK_BASE + BREAK_FACTOR * gap)
            segments.append(Segment(t0, t1, u))
        return cls(tuple(segments), segments[-1].u1 + BREAK_BASE, undated_count)

    @property
    def u_min(self) -> float:
        return self.segments[0].u0

    @property
    def u_max(self) -> float:
        return self.undated_u0 + UNDATED_SLOT * self.undated_count if self.undated_count else self.segments[-1].u1

    @cached_property
    def _to_u(self) -> list[tuple[float, float, float, float]]:
        return [(s.t0, s.t1, s.u0, s.u1) for s in self.segments]

    @cached_property
    def _to_t(self) -> list[tuple[float, float, float, float]]:
        return [(s.u0, s.u1, s.t0, s.t1) for s in self.segments]

    def u(self, t: float) -> float:
        """Squeezed position of time t (monotone, continuous)."""
        return _remap(t, self._to_u)

    def t(self, u: float) -> float:
        """The inverse of `u`."""
        return _remap(u, self._to_t)

    def breaks(self) -> list[tuple[float, float, float]]:
        """(u0, u1, true length in days) of every squeezed gap."""
        return [(a.u1, b.u0, b.t0 - a.t1) for a, b in zip(self.segments, self.segments[1:], strict=False)]

    def undated_u(self, index: int) -> float:
        return self.undated_u0 + UNDATED_SLOT * (index + 0.5)


def event_positions(timeline: Timeline, axis: Axis | None = None) -> tuple[Axis, dict[str, float]]:
    """The axis for a timeline and the u of every event (undated events in their own column)."""
    axis = axis or Axis.build((e.time for e in timeline.dated()), len(timeline.undated()))
    where = {e.id: axis.u(e.time) for e in timeline.dated()}
    where.update({e.id: axis.undated_u(i) for i, e in enumerate(timeline.undated())})
    return axis, where


# --- the view ------------------------------------------------------------------------------------

@record
class View:
    """What part of the axis is on screen: `centre` (u) at the middle of the plot, `scale` px per u."""

    centre: float
    scale: float
    left: float
    width: float

    def x(self, u: float) -> float:
        return self.left + self.width / 2 + (u - self.centre) * self.scale

    def u_at(self, x: float) -> float:
        return self.centre + (x - self.left - self.width / 2) / self.scale

    @property
    def u_range(self) -> tuple[float, float]:
        return self.u_at(self.left), self.u_at(self.left + self.width)

    @classmethod
    def fit(cls, u0: float, u1: float, left: float, width: float, margin: float = 60) -> "View":
        span = max(u1 - u0, 1e-6)
        return cls((u0 + u1) / 2, max(1e-6, (width - 2 * margin) / span), left, width)

    def zoomed(self, factor: float, pivot_x: float | None = None, min_scale: float = 1e-3,
               max_scale: float = MAX_SCALE) -> "View":
        """Zoom by `factor`, keeping the time under `pivot_x` (default: the centre) in place."""
        pivot_x = self.left + self.width / 2 if pivot_x is None else pivot_x
        pivot_u = self.u_at(pivot_x)
        scale = min(max_scale, max(min_scale, self.scale * factor))
        centre = pivot_u - (pivot_x - self.left - self.width / 2) / scale
        return View(centre, scale, self.left, self.width)

    def panned(self, dx: float) -> "View":
        """Move the picture right by dx pixels."""
        return View(self.centre - dx / self.scale, self.scale, self.left, self.width)

    def centred(self, u: float, at_x: float | None = None) -> "View":
        at_x = self.left + self.width / 2 if at_x is None else at_x
        return View(u - (at_x - self.left - self.width / 2) / self.scale, self.scale, self.left, self.width)

    def clamped(self, u_min: float, u_max: float) -> "View":
        lo, hi = u_min, u_max
        centre = min(max(self.centre, lo), hi)
        return View(centre, self.scale, self.left, self.width)


# --- markers and labels --------------------------------------------------------------------------

@record
class Geometry:
    """Sizes of lane drawing, in pixels (the screen derives them from its text size)."""

    marker_r: float = 9
    cluster_r: float = 15
    gap: float = 6
    label_h: float = 30          # the height of one line of label text
    min_label: float = 46        # kept for callers; labels are never shortened any more
    max_label: float = 300       # the widest a label may be (a longer title wraps to a second line)
    max_lines: int = 2           # lines a label may wrap to
    clear: float = 4             # px between a cluster marker's edge and a label

    @property
    def spacing(self) -> float:
        return 2 * self.cluster_r + self.gap

    @property
    def lane_height(self) -> float:
        """The band that gives a lane one line of label above and one below its line."""
        return 2 * (self.label_h + self.cluster_r + self.clear) + self.gap


DEFAULT_GEOMETRY = Geometry()


@record
class Band:
    """One lane's horizontal band: where its line is, and how many label lines fit above and below it."""

    top: float
    bottom: float
    line_y: float
    above: int      # lines of label text that fit above the line (0: no labels above)
    below: int

    @property
    def rows(self) -> list[tuple[str, int]]:
        return [(name, n) for name, n in (("above", self.above), ("below", self.below)) if n]


@record
class Placed:
    """One marker (a single event or a cluster) and its label (one or two whole lines)."""

    ids: tuple[str, ...]
    lane: str
    x: float
    y: float
    r: float
    label: str = ""
    label_rect: Rect | None = None
    lines: tuple[str, ...] = ()

    @property
    def rect(self) -> Rect:
        return (self.x - self.r, self.y - self.r, 2 * self.r, 2 * self.r)

    @property
    def cluster(self) -> bool:
        return len(self.ids) > 1


Measure = Callable[[str], float]
Shapes = dict[tuple[str, float, int], list[tuple[tuple[str, ...], float]]]  # (text, widest, lines) -> shapes, widths


def estimate_width(text: str, size: float = 22) -> float:
    """A font-free width estimate for tests (wider than most real glyphs)."""
    return len(text) * size * 0.62


def shorten(text: str, width: float, measure: Measure) -> str:
    """The longest prefix of text (with an ellipsis) that fits in width, or '' when none does."""
    if measure(text) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(text[:mid].rstrip() + "…") <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…" if lo >= 3 else ""


def wrap_words(text: str, width: float, measure: Measure) -> list[str]:
    """Greedy word wrap (a word wider than `width` keeps a line of its own: it is never cut)."""
    lines: list[str] = []
    for word in text.split():
        if lines and measure(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def label_shapes(text: str, measure: Measure, max_width: float, max_lines: int) -> list[tuple[str, ...]]:
    """The ways to set a whole label: one line, then the most balanced split into two, ... up to
    `max_lines`, each no wider than `max_width`. Empty when the text cannot be set whole."""
    shapes: list[tuple[str, ...]] = []
    words = text.split()
    if not words:
        return shapes
    if measure(text) <= max_width:
        shapes.append((" ".join(words),))
    if max_lines >= 2 and len(words) >= 2:
        best = min((tuple(" ".join(part) for part in (words[:k], words[k:])) for k in range(1, len(words))),
                   key=lambda pair: max(measure(line) for line in pair))
        if max(measure(line) for line in best) <= max_width:
            shapes.append(best)
    if max_lines >= 3 and not shapes:
        lines = wrap_words(text, max_width, measure)
        if len(lines) <= max_lines and all(measure(line) <= max_width for line in lines):
            shapes.append(tuple(lines))
    return shapes


def cluster_groups(items: Sequence[tuple[str, float, str]], view: View,
                   geo: Geometry) -> list[tuple[list[str], list[float], list[str]]]:
    """(ids, xs, labels) of each marker: markers closer than the spacing merge into one cluster."""
    spacing = geo.spacing
    groups: list[tuple[list[str], list[float], list[str], float, float]] = []   # ... and the xs' least and most
    for ident, x, label in fan_out(items, view, geo):
        ids, xs, labels, lo, hi = [ident], [x], [label], x, x
        while groups and (lo + hi) / 2 - (groups[-1][3] + groups[-1][4]) / 2 < spacing:
            prev = groups.pop()
            ids, xs, labels, lo, hi = prev[0] + ids, prev[1] + xs, prev[2] + labels, min(prev[3], lo), max(prev[4], hi)
        groups.append((ids, xs, labels, lo, hi))
    return [(ids, xs, labels) for ids, xs, labels, _lo, _hi in groups]


def place_lane(items: Sequence[tuple[str, float, str]], view: View, lane: str, line_y: float | Band,
               measure: Measure, geo: Geometry = DEFAULT_GEOMETRY,
               cluster_label: Callable[[tuple[str, ...]], str] | None = None,
               clip: tuple[float, float] | None = None, selected: str | None = None,
               shapes: Shapes | None = None) -> list[Placed]:
    """Place (event id, u, label) items on one lane. Labels are always whole (one or two lines) or left
    out; the selected event's label is placed first. Never returns overlapping rectangles. `shapes` keeps
    each label's shapes for this `measure` from call to call (a moving view sets the same labels again)."""
    if isinstance(line_y, Band):
        band = line_y
    else:  # a bare line: room for labels of every allowed length above and below it
        reach = geo.cluster_r + geo.clear + geo.max_lines * geo.label_h
        band = Band(line_y - reach, line_y + reach, line_y, geo.max_lines, geo.max_lines)   # one tier of any label
    y = band.line_y
    left, right = clip if clip else (view.left, view.left + view.width)
    groups = cluster_groups(items, view, geo)
    markers: list[Placed] = []
    texts: list[str] = []
    for ids, _xs, labels in groups:
        r = geo.cluster_r if len(ids) > 1 else geo.marker_r
        markers.append(Placed(tuple(ids), lane, _centre((ids, _xs, labels)), y, r))
        texts.append(labels[0] if len(ids) == 1 else (cluster_label(tuple(ids)) if cluster_label
                                                     else tr("date.events", count=len(ids))))
    order = sorted(range(len(markers)), key=lambda k: (selected not in markers[k].ids, markers[k].x))
    rows = band.rows
    most = max((n for _, n in rows), default=0)
    taken: dict[str, list[Rect]] = {name: [] for name, _ in rows}
    out = list(markers)

    kept: Shapes = {} if shapes is None else shapes

    def sized(k: int, widest: float) -> list[tuple[tuple[str, ...], float]]:
        key = (texts[k], widest, min(geo.max_lines, most))
        found = kept.get(key)
        if found is None:
            found = kept[key] = [(lines, max(measure(line) for line in lines))
                                 for lines in label_shapes(texts[k], measure, widest, key[2])]
        return found

    def label(k: int, sized: list[tuple[tuple[str, ...], float]]) -> bool:
        marker = markers[k]
        spot = _label_spot(marker, sized, band, rows, taken, geo, left, right)
        if spot:
            row, rect, lines = spot
            taken[row].append(rect)
            out[k] = Placed(marker.ids, lane, marker.x, y, marker.r, " ".join(lines), rect, lines)
        return spot is not None

    shown = [k for k in order if texts[k].strip() and left <= markers[k].x <= right]
    # the selected may use a long line; the others the usual width, then (second pass) a label too long
    # for that still gets a long line where the lane has room left: a lone event in view is never unnamed
    tried = {k: sized(k, right - left if selected in markers[k].ids else geo.max_label) for k in shown}
    unplaced = [k for k in shown if not label(k, tried[k])]
    for k in unplaced:
        wider = sized(k, right - left)
        if len(wider) > len(tried[k]):  # the same shapes found no room before, and the lane has only filled since
            label(k, wider)
    return out


def _label_spot(marker: Placed, sized: list[tuple[tuple[str, ...], float]], band: Band,
                rows: list[tuple[str, int]], taken: dict[str, list[Rect]], geo: Geometry, left: float,
                right: float) -> tuple[str, Rect, tuple[str, ...]] | None:
    """The first free place for a whole label (`sized`: its shapes, each with its width). Label lines stack in
    tiers above and below the line; the nearest tier is tried first (above, then below), fewest lines first,
    the label starting at the marker and running right, or ending at it and running left, or slid along to
    stay inside the plot while still spanning the marker."""
    reach, gap, x0, r = geo.cluster_r + geo.clear, geo.gap, marker.x, marker.r
    for tier in range(max((n for _, n in rows), default=0)):
        for row, capacity in rows:
            for lines, w in sized:
                n = len(lines)
                if tier + n > capacity:
                    continue
                h = n * geo.label_h
                top = band.line_y - reach - (tier + n) * geo.label_h if row == "above" else \
                    band.line_y + reach + tier * geo.label_h
                near = [(ox, ox + ow) for ox, oy, ow, oh in taken[row] if top < oy + oh and oy < top + h]
                slid = min(max(left, x0 - r), right - w)   # slid along to stay on screen
                for x in (x0 - r, x0 + r - w, slid):
                    if x < left or x + w > right or not x <= x0 <= x + w:
                        continue
                    grown_x, grown_w = x - gap, w + 2 * gap      # kept `gap` px clear of the labels beside it
                    if any(grown_x < o1 and o0 < grown_x + grown_w for o0, o1 in near):
                        continue
                    return row, (x, top, w, h), lines
    return None


def fan_out(items: Sequence[tuple[str, float, str]], view: View, geo: Geometry,
            most: int = 6) -> list[tuple[str, float, str]]:
    """(id, x, label) sorted by x; a few events at exactly the same time (e.g. 'after 1997') are spread
    side by side around their shared x so they can be told apart; bigger piles stay one cluster."""
    out: list[tuple[str, float, str]] = []
    i = 0
    items = list(items)  # keep the given (time) order among equal positions
    items.sort(key=lambda it: it[1])
    while i < len(items):
        j = i
        while j + 1 < len(items) and abs(items[j + 1][1] - items[i][1]) < 1e-9:
            j += 1
        n = j - i + 1
        x = view.x(items[i][1])
        for k in range(n):
            offset = (k - (n - 1) / 2) * geo.spacing if n <= most else 0.0
            out.append((items[i + k][0], x + offset, items[i + k][2]))
        i = j + 1
    return out


def _centre(group: tuple[list[str], list[float], list[str]]) -> float:
    xs = group[1]
    return (min(xs) + max(xs)) / 2


def lane_bands(top: float, height: float, count: int, geo: Geometry = DEFAULT_GEOMETRY) -> list[Band]:
    """Split top..top+height into `count` equal bands. Each gets as many label lines above and below its
    line as fit (tiers of label lines); a band too low for a line on both sides keeps one side, above, and
    moves its line down; a band too low for even that keeps only its markers."""
    step = height / max(count, 1)
    bands = []
    for i in range(count):
        b0, b1 = top + step * i, top + step * (i + 1)
        side = (step - geo.gap) / 2 - geo.cluster_r - geo.clear
        lines = int(side // geo.label_h)
        if lines >= 1:
            bands.append(Band(b0, b1, (b0 + b1) / 2, lines, lines))
            continue
        one = int((step - geo.gap - 2 * (geo.cluster_r + geo.clear)) // geo.label_h)
        if one >= 1:
            bands.append(Band(b0, b1, b1 - geo.cluster_r - geo.clear - geo.gap / 2, one, 0))
        else:
            bands.append(Band(b0, b1, (b0 + b1) / 2, 0, 0))
    return bands


def lane_lines(top: float, height: float, count: int, geo: Geometry = DEFAULT_GEOMETRY) -> list[float]:
    """The y of each lane's line (see `lane_bands`)."""
    return [band.line_y for band in lane_bands(top, height, count, geo)]


def lane_items(timeline: Timeline, positions: dict[str, float]) -> dict[str, list[tuple[str, float, str]]]:
    """(event id, u, title) of each lane's events, in time order: what `place_lane` places."""
    return {lane.id: [(e.id, positions[e.id], e.title) for e in timeline.in_lane(lane.id)] for lane in timeline.lanes}


def layout_timeline(timeline: Timeline, view: View, top: float, height: float, measure: Measure,
                    geo: Geometry = DEFAULT_GEOMETRY, positions: dict[str, float] | None = None,
                    cluster_label: Callable[[tuple[str, ...]], str] | None = None,
                    clip: tuple[float, float] | None = None, selected: str | None = None,
                    lanes: Sequence[str] | None = None,
                    items: dict[str, list[tuple[str, float, str]]] | None = None,
                    shapes: Shapes | None = None) -> list[Placed]:
    """Markers and labels for every lane shown (`lanes`: the ids shown, default all), top to bottom. A caller
    that lays out often passes the `lane_items` of this timeline and a `shapes` memo kept for its `measure`."""
    if items is None:
        items = lane_items(timeline, positions if positions is not None else event_positions(timeline)[1])
    shown = [lane for lane in timeline.lanes if lanes is None or lane.id in lanes]
    placed: list[Placed] = []
    for lane, band in zip(shown, lane_bands(top, height, len(shown), geo), strict=False):
        placed.extend(place_lane(items[lane.id], view, lane.id, band, measure, geo, cluster_label, clip, selected,
                                 shapes))
    return placed


# --- axis ticks ----------------------------------------------------------------------------------

TICK_STEPS = [(3650, "decade"), (1826, "5 years"), (365.25, "year"), (182.6, "6 months"), (91.3, "quarter"),
              (30.44, "month"), (7, "week"), (1, "day")]
def _mon(month: int) -> str:
    return month_name(month)[:3]


@record
class Tick:
    """One axis tick: where, what it says, and the day it marks (for tests and hit-tests)."""

    x: float
    text: str
    t: float


def _tick_candidates(seg: Segment, step: float | None) -> list[tuple[float, str, str]]:
    """(time, label with the year, label without it) of the ticks a stretch could show at this step."""
    import datetime as dt
    d0 = dt.date.fromordinal(max(1, int(seg.t0)))
    d1 = dt.date.fromordinal(max(1, int(seg.t1)))
    out: list[tuple[float, str, str]] = []
    if step is None or step >= 365.25:
        every = 1 if step is None or step <= 365.25 else (5 if step < 3650 else 10)
        for y in range(d0.year, d1.year + 1):
            t = dt.date(y, 1, 1).toordinal()
            if seg.t0 <= t <= seg.t1 and y % every == 0:
                out.append((t, str(y), str(y)))
        if not out:  # a short stretch: name its year(s) in the middle
            mid = (seg.t0 + seg.t1) / 2
            label = str(dt.date.fromordinal(int(mid)).year) if seg.t1 - seg.t0 < 200 or d0.year == d1.year \
                else f"{d0.year}–{d1.year}"
            out.append((mid, label, label))
        return out
    day = d0
    while day <= d1:
        t = day.toordinal()
        if step >= 28:
            months = round(step / 30.44)
            if day.day == 1 and (day.month - 1) % months == 0:
                out.append((t, tr("date.short_month", mon=_mon(day.month), m=day.month, year=day.year),
                            tr("date.tick_month", mon=_mon(day.month), m=day.month)))
            day = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
            continue
        if step < 7 or day.weekday() == 0:
            out.append((t, tr("date.short_day", day=day.day, mon=_mon(day.month), m=day.month, year=day.year),
                        tr("date.tick_day", day=day.day, mon=_mon(day.month), m=day.month)))
        day += dt.timedelta(days=1)
    return out


def ticks(axis: Axis, view: View, measure: Measure, min_px: float = 80,
          bounds: tuple[float, float] | None = None) -> list[Tick]:
    """Axis ticks inside each true-scale stretch, spaced so labels never collide, each label wholly inside
    `bounds` (default: the view). Wherever a month or a day is named, its year is on screen too: the first
    tick shown in each stretch carries the year, and so does every tick where the year changes."""
    left, right = bounds or (view.left, view.left + view.width)
    import datetime as dt
    out: list[Tick] = []
    last_end = -math.inf
    lo_u, hi_u = view.u_range
    for seg in axis.segments:
        if seg.u1 < lo_u or seg.u0 > hi_u:
            continue
        step = next((s for s, _ in reversed(TICK_STEPS) if s * view.scale >= min_px), None)
        shown_year = None
        for t, full, short in _tick_candidates(seg, step):
            x = view.x(axis.u(t))
            year = dt.date.fromordinal(int(t)).year
            text = short if year == shown_year else full
            w = measure(text)
            if x - w / 2 >= last_end + 12 and left <= x - w / 2 and x + w / 2 <= right:
                out.append(Tick(x, text, float(t)))
                last_end = x + w / 2
                shown_year = year
    return out


def fit_events(positions: dict[str, float], ids: Iterable[str], left: float, width: float,
               min_span: float = 20.0, max_scale: float = MAX_SCALE) -> View:
    """A view that shows all the given events (fit-to-selection)."""
    us = [positions[i] for i in ids if i in positions]
    if not us:
        return View(0, 1, left, width)
    lo, hi = min(us), max(us)
    if hi - lo < min_span:
        mid = (lo + hi) / 2
        lo, hi = mid - min_span / 2, mid + min_span / 2
    view = View.fit(lo, hi, left, width, margin=width * 0.12)
    return View(view.centre, min(view.scale, max_scale), left, width)


def _remap(x: float, spans: list[tuple[float, float, float, float]]) -> float:
    """Map x through (from0, from1, to0, to1) spans: one to one inside a span, linear across the gaps."""
    first_from, _, first_to, _ = spans[0]
    if x <= first_from:
        return first_to - (first_from - x)
    for i, (a0, a1, b0, b1) in enumerate(spans):
        if x <= a1:
            return b0 + (x - a0)
        if i + 1 < len(spans) and x < spans[i + 1][0]:
            next_from, next_to = spans[i + 1][0], spans[i + 1][2]
            return b1 + (x - a1) * (next_to - b1) / (next_from - a1)
    _, last_from, _, last_to = spans[-1]
    return last_to + (x - last_from)
