"""The timeline mode's state and what each input does to it (pure Python: no pygame, tested without a display).

`TimelineController` holds what the player controls: which of the four views is shown, the zoom and
pan of the time axis (`view`, easing towards `target`), the selected event and whether its card is
open, a lane filter (show one lane alone), the selected table row and how far the card is scrolled.
Screens turn their input into the calls below and draw from the state; they keep no state of their own
beyond caches. Input arrives as action names ("left", "zoom_in", ...), so this module needs no UI code.
"""
from __future__ import annotations

import math

from ..content.records import record
from .layout import Axis, View, event_positions, fit_events
from .model import Event, Timeline

VIEWS = ("timeline", "chart", "remakes", "awards")
ZOOM_STEP = 1.6
WHEEL_STEP = 1.25
HOME_MARGIN = 70           # px kept clear at each end of the plot in the home view
EDGE = 60                  # px: a selected event closer than this to an edge is brought to the middle
SAME_MOMENT = 30           # u: events this close count as one moment when zooming to a selection
MAX_FOCUS_SCALE = 6.0      # px per day when zooming to a selection


@record
class Frame:
    """Where the plot is on screen, in pixels: the controller fits, centres and zooms within it."""

    left: float
    right: float
    card_left: float       # the open card covers the plot from here to the right
    lanes_fit: int = 99    # how many lanes the plot can show with room for their labels

    @property
    def width(self) -> float:
        return self.right - self.left


@record
class Command:
    """Something the screen must do for the controller: leave ("back") or play a scene ("play", id)."""

    kind: str
    arg: str = ""


class TimelineController:
    def __init__(self, timeline: Timeline, frame: Frame, focus_event: str | None = None, view: str = "timeline"):
        self.timeline = timeline
        self.axis, self.positions = event_positions(timeline)
        self.frame = frame
        self.home_view = self._home(frame)
        self.view = self.target = self.home_view
        self.mode = view if view in VIEWS else "timeline"
        self.selected: str | None = None
        self.card_open = False
        self.solo: str | None = None          # a lane shown alone (the filter), or None for every lane
        self.lane_first = 0                    # the first lane shown when not all of them fit (large text)
        self.table_index = 0                   # the selected row of the table shown (kept by the screen's list)
        self.card_scroll = 0                   # lines of the card body scrolled past
        self.drag_from: float | None = None
        if focus_event and timeline.event(focus_event):
            self.select(focus_event, open_card=True, zoom=True)
            self.view = self.target

    def adopt(self, timeline: Timeline) -> None:
        """Go on with another version of the timeline (a hot reload, another language): the view stays on the
        same stretch of time, and a selection, lane filter or table row the new version lacks is let go."""
        old_axis = self.axis
        self.timeline = timeline
        self.axis, self.positions = event_positions(timeline)
        at_home = self.target == self.home_view
        self.home_view = self._home(self.frame)
        if at_home:
            self.view = self.target = self.home_view
        elif self.axis != old_axis:
            self.view, self.target = (self._same_time(v, old_axis) for v in (self.view, self.target))
        if self.selected and not timeline.event(self.selected):
            self.selected, self.card_open, self.card_scroll = None, False, 0
        if self.solo not in (None, *(lane.id for lane in timeline.lanes)):
            self.solo = None

    def _same_time(self, view: View, old_axis: Axis) -> View:
        """`view` moved from `old_axis` to this axis, centred on the same moment (kept within the axis)."""
        centre = self.axis.u(old_axis.t(view.centre))
        return View(centre, view.scale, view.left, view.width).clamped(self.axis.u_min, self.axis.u_max)

    # --- geometry ------------------------------------------------------------------------------

    def _home(self, frame: Frame) -> View:
        return View.fit(self.axis.u_min, self.axis.u_max, frame.left, frame.width, margin=HOME_MARGIN)

    def set_frame(self, frame: Frame) -> None:
        """The plot moved or changed size (another text size): keep what is shown, refit the home view."""
        if frame == self.frame:
            return
        at_home = self.target == self.home_view
        self.frame = frame
        self.home_view = self._home(frame)
        if at_home:
            self.view = self.target = self.home_view
        else:
            self.view = View(self.view.centre, self.view.scale, frame.left, frame.width)
            self.target = View(self.target.centre, self.target.scale, frame.left, frame.width)

    @property
    def plot_right(self) -> float:
        """The right end of the visible plot: the card's left edge while it is open."""
        return self.frame.card_left if self.card_open and self.mode == "timeline" else self.frame.right

    def focus_x(self) -> float:
        """Where a selected event is centred: the plot's middle, or the middle of what the card leaves."""
        return (self.frame.left + self.plot_right) / 2

    def lanes_pool(self) -> list[str]:
        """The lanes the filter lets through: one lane alone, or all of them."""
        return [lane.id for lane in self.timeline.lanes if self.solo in (None, lane.id)]

    def lanes_shown(self) -> list[str]:
        """The lanes on screen: the filter's, or as many as fit from `lane_first` (the selection's lane among
        them; ↑ ↓ move on to the others)."""
        pool = self.lanes_pool()
        fit = max(1, self.frame.lanes_fit)
        if len(pool) <= fit:
            return pool
        first = max(0, min(self.lane_first, len(pool) - fit))
        return pool[first:first + fit]

    def _show_lane(self, lane_id: str) -> None:
        pool, fit = self.lanes_pool(), max(1, self.frame.lanes_fit)
        if lane_id not in pool or len(pool) <= fit:
            return
        i = pool.index(lane_id)
        first = max(0, min(self.lane_first, len(pool) - fit))
        if i < first:
            self.lane_first = i
        elif i >= first + fit:
            self.lane_first = i - fit + 1

    # --- selection --------------------------------------------------------------------------------

    def event(self) -> Event | None:
        return self.timeline.event(self.selected) if self.selected else None

    def select(self, event_id: str | None, open_card: bool = True, zoom: bool = False) -> None:
        event = self.timeline.event(event_id) if event_id else None
        if event is None:
            return
        if event.id != self.selected:
            self.card_scroll = 0
        self.selected = event.id
        self.card_open = open_card or self.card_open
        self.mode = "timeline"
        if self.solo not in (None, event.lane):
            self.solo = event.lane
        self._show_lane(event.lane)
        target = self.target
        u = self.positions[event.id]
        if zoom:
            same = [e.id for e in self.timeline.events if abs(self.positions[e.id] - u) < SAME_MOMENT]
            fit = fit_events(self.positions, same, self.frame.left, self.frame.width)
            target = View(fit.centre, min(fit.scale, MAX_FOCUS_SCALE), fit.left, fit.width)
        x = target.x(u)
        if zoom or not (self.frame.left + EDGE <= x <= self.plot_right - EDGE):
            target = target.centred(u, self.focus_x())
        self.target = target

    def events_in_pool(self) -> list[Event]:
        """The events of the lanes the filter lets through, in time order (the pool asked for once, not per event)."""
        pool = set(self.lanes_pool())
        return [e for e in self.timeline.events if e.lane in pool]

    def step_event(self, step: int) -> None:
        """The next (step 1) or previous (-1) event in time among the lanes the filter lets through."""
        events = self.events_in_pool()
        if not events:
            return
        ids = [e.id for e in events]
        if self.selected in ids:
            i = max(0, min(len(ids) - 1, ids.index(self.selected) + step))
            nxt = events[i]
        elif step > 0:
            lo, hi = self.view.u_range
            nxt = next((e for e in events if lo <= self.positions[e.id] <= hi), events[0])
        else:
            nxt = events[-1]
        self.select(nxt.id, open_card=self.card_open or bool(self.selected))

    def step_lane(self, step: int) -> None:
        """The nearest event in time on the lane above (-1) or below (1)."""
        current = self.event()
        lanes = self.lanes_pool()
        if current is None or current.lane not in lanes:
            self.step_event(1)
            return
        u = self.positions[current.id]
        i = lanes.index(current.lane)
        for j in range(i + step, len(lanes) if step > 0 else -1, step):
            candidates = self.timeline.in_lane(lanes[j])
            if candidates:
                best = min(candidates, key=lambda e: abs(self.positions[e.id] - u))
                self.select(best.id, open_card=self.card_open)
                return

    def click_marker(self, ids: tuple[str, ...]) -> None:
        """A marker was clicked: a cluster spread over time zooms to show its events; the first is selected."""
        ordered = sorted(ids, key=self.timeline.index_of)
        if not ordered:
            return
        spread = max(self.positions[i] for i in ordered) - min(self.positions[i] for i in ordered)
        if len(ordered) > 1 and spread > 0.5:
            fit = fit_events(self.positions, ordered, self.frame.left, self.frame.width)
            self.target = fit
        self.select(ordered[0], open_card=True)

    def toggle_solo(self, lane_id: str | None = None) -> None:
        """Show only this lane (default: the selected event's), or every lane again."""
        lane_id = lane_id or (self.event().lane if self.event() else None)
        if lane_id is None:
            self.solo = None
        else:
            self.solo = None if self.solo == lane_id else lane_id
            if self.event() and self.event().lane != self.solo and self.solo is not None:
                self.selected, self.card_open = None, False

    def scroll_card(self, lines: int) -> None:
        self.card_scroll = max(0, self.card_scroll + lines)

    # --- zoom and pan -----------------------------------------------------------------------------

    def zoom(self, factor: float, pivot_x: float | None = None) -> None:
        """Zoom by factor around pivot_x (default: the selected event, else the plot's middle)."""
        if pivot_x is None and self.selected:
            pivot_x = self.target.x(self.positions[self.selected])
        self.target = self.target.zoomed(factor, pivot_x, min_scale=self.home_view.scale * 0.9)
        self.target = self.target.clamped(self.axis.u_min, self.axis.u_max)

    def pan(self, dx: float) -> None:
        """Move the picture right by dx pixels, at once (a drag follows the pointer)."""
        self.target = self.target.panned(dx).clamped(self.axis.u_min, self.axis.u_max)
        if abs(self.view.scale - self.target.scale) < 1e-9:
            self.view = self.target

    def go_home(self, last: bool = False) -> None:
        """Back to the whole timeline, selecting its first (or last) event."""
        self.target = self.home_view
        events = self.events_in_pool()
        if events:
            self.select(events[-1 if last else 0].id, open_card=self.card_open)

    def start_drag(self, x: float) -> None:
        self.drag_from = x

    def drag(self, x: float) -> None:
        if self.drag_from is not None and x != self.drag_from:
            self.pan(x - self.drag_from)
            self.drag_from = x

    def release(self) -> None:
        self.drag_from = None

    def update(self, dt: float, reduce_motion: bool = False) -> None:
        """Ease the view towards the target (at once with reduced motion or after a long frame)."""
        if reduce_motion or dt >= 0.5:
            self.view = self.target
            return
        k = 1 - math.exp(-dt * 12)
        v, t = self.view, self.target
        scale = math.exp(math.log(v.scale) + (math.log(t.scale) - math.log(v.scale)) * k)
        centre = v.centre + (t.centre - v.centre) * k
        if abs(scale - t.scale) / t.scale < 1e-3 and abs(centre - t.centre) * t.scale < 0.5:
            self.view = t
        else:
            self.view = View(centre, scale, v.left, v.width)

    # --- views and tables -------------------------------------------------------------------------

    def switch(self, mode: str) -> None:
        if mode in VIEWS:
            self.mode = mode
            self.table_index = 0

    # --- input --------------------------------------------------------------------------------------

    def handle(self, name: str, x: float | None = None, number: int = 0) -> Command | None:
        """One named input action (x: the pointer's x for the wheel). Returns what the screen must do."""
        if name == "digit" and 1 <= number <= len(VIEWS):
            self.switch(VIEWS[number - 1])
            return None
        if name == "cancel":
            if self.mode == "timeline" and self.card_open:
                self.card_open = False
            elif self.mode != "timeline":
                self.switch("timeline")
            else:
                return Command("back")
            return None
        if self.mode == "timeline":
            return self._timeline_key(name, x)
        if self.mode == "chart":
            points = self.timeline.box_office()
            if name == "confirm" and points:
                self.select(points[-1].event, open_card=True, zoom=True)
        return None   # the tables' rows are a list widget's (the screen's); only digits and Esc reach here

    def _timeline_key(self, name: str, x: float | None) -> Command | None:
        steps = {"right": 1, "next": 1, "left": -1, "prev": -1}
        if name in steps:
            self.step_event(steps[name])
        elif name in ("up", "down"):
            self.step_lane(-1 if name == "up" else 1)
        elif name in ("zoom_in", "zoom_out"):
            self.zoom(ZOOM_STEP if name == "zoom_in" else 1 / ZOOM_STEP)
        elif name in ("wheel_up", "wheel_down"):
            self.zoom(WHEEL_STEP if name == "wheel_up" else 1 / WHEEL_STEP, x)
        elif name in ("rollback", "rollforward"):
            self.scroll_card(-3 if name == "rollback" else 3)
        elif name in ("home", "end"):
            self.go_home(last=name == "end")
        elif name == "hide_ui":
            self.toggle_solo()
        elif name == "confirm":
            event = self.event()
            if event is None:
                self.step_event(1)
            elif not self.card_open:
                self.select(event.id, open_card=True)
            elif event.scene:
                return Command("play", event.scene)
        return None
