"""Timeline mode: the film's real history on a zoomable, broken time axis, plus three other views.

Views (digit keys or the tabs at the top): 1 the timeline, 2 the box-office chart, 3 the
remakes table, 4 the awards table. Every fact on screen names its source. The model and
the placement of markers live in `game.timeline` (pure, tested without a display).
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Callable

import pygame

from ..timeline.layout import (
    Geometry,
    Placed,
    View,
    event_positions,
    fit_events,
    lane_lines,
    layout_timeline,
    shorten,
    ticks,
)
from ..timeline.model import Event, Timeline
from .base import Screen
from .input import Action
from .theme import HEIGHT, WIDTH, hex_colour
from .widgets import block_height, panel, text_block

VIEWS = ("timeline", "chart", "remakes", "awards")
VIEW_TITLES = {"timeline": "Timeline", "chart": "Box office", "remakes": "Remakes", "awards": "Awards"}
HEADER_H = 66
GUTTER = 178
PLOT_LEFT, PLOT_RIGHT = GUTTER + 6, WIDTH - 14
ERA_TOP = HEADER_H + 6
LANES_TOP = HEADER_H + 50
AXIS_Y = 626
FOOTER_Y = 676
LABEL_SIZE = 21
CARD = pygame.Rect(560, HEADER_H + 10, WIDTH - 560 - 14, HEIGHT - HEADER_H - 24)
DIFFER_COLOUR = (240, 170, 100)
ZOOM_STEP = 1.6


def load_timeline(scenes: Path | None = None) -> Timeline:
    """Load the shipped timeline (for callers that were not handed one)."""
    from .. import paths
    from ..content.loader import check_content
    from ..content.problems import Problems
    from ..timeline.model import build_timeline
    content = check_content(Path(scenes or paths.SCENES))
    return build_timeline(content, Problems())


def find_timeline(app) -> Timeline:
    for holder in (app, getattr(app, "story", None)):
        timeline = getattr(holder, "timeline", None)
        if isinstance(timeline, Timeline):
            return timeline
    return load_timeline()


def dashed_line(surface: pygame.Surface, colour, start, end, width: int = 3, dash: int = 12, gap: int = 9) -> None:
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0)
    if length < 1:
        return
    dx, dy = (x1 - x0) / length, (y1 - y0) / length
    d = 0.0
    while d < length:
        e = min(length, d + dash)
        pygame.draw.line(surface, colour, (x0 + dx * d, y0 + dy * d), (x0 + dx * e, y0 + dy * e), width)
        d = e + gap


def millions(n: float) -> str:
    value = n / 1_000_000
    return f"{value:.2f}".rstrip("0").rstrip(".") + " million"


class TimelineScreen(Screen):
    def __init__(self, app, timeline: Timeline | None = None, focus_event: str | None = None,
                 on_open_scene: Callable[[str], None] | None = None, view: str = "timeline"):
        super().__init__(app)
        self.timeline = timeline or find_timeline(app)
        self.on_open_scene = on_open_scene
        self.mode = view if view in VIEWS else "timeline"
        self.axis, self.positions = event_positions(self.timeline)
        self.home_view = View.fit(self.axis.u_min, self.axis.u_max, PLOT_LEFT, PLOT_RIGHT - PLOT_LEFT, margin=70)
        self.view = self.target = self.home_view
        self.selected: str | None = None
        self.card_open = False
        self.placed: list[Placed] = []
        self.buttons: dict[str, pygame.Rect] = {}
        self.tabs: dict[str, pygame.Rect] = {}
        self.drag_from: tuple[int, int] | None = None
        self.dragged = False
        self.table_index = 0
        self._veils: dict[tuple, pygame.Surface] = {}
        self._placed: list[Placed] = []
        self._placed_for: tuple | None = None
        self._scenery_surface: pygame.Surface | None = None
        self._scenery_for: tuple | None = None
        self.scroll = 0
        self.row_rects: list[tuple[pygame.Rect, str]] = []
        self.card_page_fit = 0
        if focus_event and self.timeline.event(focus_event):
            self.select(focus_event, open_card=True, zoom=True)
            self.view = self.target

    # --- geometry --------------------------------------------------------------------------

    @property
    def geo(self) -> Geometry:
        fonts = self.app.fonts
        return Geometry(label_h=fonts.line_height(LABEL_SIZE) + 2, min_label=fonts.width("Abc…", LABEL_SIZE, True))

    def measure(self, text: str) -> float:
        return self.app.fonts.width(text, LABEL_SIZE, bold=True)

    def lane_ys(self) -> list[float]:
        return lane_lines(LANES_TOP, AXIS_Y - LANES_TOP - 8, len(self.timeline.lanes), self.geo)

    def cluster_label(self, ids: tuple[str, ...]) -> str:
        events = [self.timeline.event(i) for i in ids]
        ceremonies = {e.detail("ceremony") for e in events}
        if all(e.lane == "awards" for e in events):
            if len(ceremonies) > 1:
                return f"{len(events)} award listings"
            return f"{next(iter(ceremonies))} ({len(events)})"
        return f"{events[0].title} +{len(events) - 1}"

    def layout(self, view: View | None = None) -> list[Placed]:
        """Marker and label placement; recomputed only when the view or the card changes."""
        view = view or self.view
        right = CARD.left - 12 if self.card_open and self.mode == "timeline" else PLOT_RIGHT
        key = (view, right)
        if self._placed_for != key:
            self._placed = layout_timeline(self.timeline, view, LANES_TOP, AXIS_Y - LANES_TOP - 8, self.measure,
                                           self.geo, self.positions, self.cluster_label, clip=(PLOT_LEFT, right))
            self._placed_for = key
        return self._placed

    def focus_x(self) -> float:
        """Where a selected event is centred: the plot's middle, or left of the card when it is open."""
        return (PLOT_LEFT + CARD.left) / 2 if self.card_open else (PLOT_LEFT + PLOT_RIGHT) / 2

    # --- selection and navigation -------------------------------------------------------------

    def select(self, event_id: str | None, open_card: bool = True, zoom: bool = False) -> None:
        event = self.timeline.event(event_id) if event_id else None
        if event is None:
            return
        self.selected = event.id
        self.card_open = open_card or self.card_open
        self.mode = "timeline"
        target = self.target
        if zoom:
            same = [e.id for e in self.timeline.events if abs(self.positions[e.id] - self.positions[event.id]) < 30]
            target = fit_events(self.positions, same, PLOT_LEFT, PLOT_RIGHT - PLOT_LEFT)
            target = View(target.centre, min(target.scale, 6.0), target.left, target.width)
        u = self.positions[event.id]
        x = target.x(u)
        margin = 60
        right = CARD.left - margin if self.card_open else PLOT_RIGHT - margin
        if zoom or not (PLOT_LEFT + margin <= x <= right):
            target = target.centred(u, self.focus_x())
        self.target = target

    def step_event(self, step: int) -> None:
        nxt = self.timeline.next_event(self.selected, step) if self.selected else (
            self.first_visible() if step > 0 else self.timeline.events[-1])
        if nxt:
            self.select(nxt.id, open_card=self.card_open or bool(self.selected))

    def first_visible(self) -> Event | None:
        lo, hi = self.view.u_range
        return next((e for e in self.timeline.events if lo <= self.positions[e.id] <= hi), self.timeline.events[0])

    def step_lane(self, step: int) -> None:
        lanes = [lane.id for lane in self.timeline.lanes]
        current = self.timeline.event(self.selected) if self.selected else None
        if current is None:
            self.step_event(1)
            return
        i = lanes.index(current.lane) if current.lane in lanes else 0
        u = self.positions[current.id]
        for j in range(i + step, len(lanes) if step > 0 else -1, step):
            candidates = self.timeline.in_lane(lanes[j])
            if candidates:
                best = min(candidates, key=lambda e: abs(self.positions[e.id] - u))
                self.select(best.id, open_card=self.card_open)
                return

    def zoom(self, factor: float, pivot_x: float | None = None) -> None:
        if pivot_x is None and self.selected:
            pivot_x = self.target.x(self.positions[self.selected])
        self.target = self.target.zoomed(factor, pivot_x, min_scale=self.home_view.scale * 0.9)
        self.target = self.target.clamped(self.axis.u_min, self.axis.u_max)

    def pan(self, dx: float) -> None:
        self.target = self.target.panned(dx).clamped(self.axis.u_min, self.axis.u_max)
        self.view = View(self.target.centre, self.view.scale, self.view.left, self.view.width) \
            if abs(self.view.scale - self.target.scale) < 1e-9 else self.view

    def open_scene(self) -> None:
        event = self.timeline.event(self.selected) if self.selected else None
        if event and event.scene and self.on_open_scene:
            self.on_open_scene(event.scene)

    def switch(self, mode: str) -> None:
        self.mode = mode
        self.table_index = 0
        self.scroll = 0

    # --- input ---------------------------------------------------------------------------------

    def on_action(self, action: Action) -> None:
        name = action.name
        if name == "digit" and 1 <= action.number <= len(VIEWS):
            self.switch(VIEWS[action.number - 1])
            return
        if name == "click" and action.pos:
            for mode, rect in self.tabs.items():
                if rect.collidepoint(action.pos):
                    self.switch(mode)
                    return
        if name == "cancel":
            if self.mode == "timeline" and self.card_open:
                self.card_open = False
            elif self.mode != "timeline":
                self.switch("timeline")
            else:
                self.app.pop()
            return
        handler = {"timeline": self._timeline_action, "chart": self._chart_action,
                   "remakes": self._table_action, "awards": self._table_action}[self.mode]
        handler(action)

    def _timeline_action(self, action: Action) -> None:
        name = action.name
        if name in ("right", "next"):
            self.step_event(1)
        elif name in ("left", "prev"):
            self.step_event(-1)
        elif name in ("up", "down"):
            self.step_lane(-1 if name == "up" else 1)
        elif name == "zoom_in":
            self.zoom(ZOOM_STEP)
        elif name == "zoom_out":
            self.zoom(1 / ZOOM_STEP)
        elif name in ("wheel_up", "wheel_down"):
            self.zoom(1.25 if name == "wheel_up" else 0.8, action.pos[0] if action.pos else None)
        elif name == "home":
            self.target = self.home_view
            self.select(self.timeline.events[0].id, open_card=self.card_open)
        elif name == "end":
            self.target = self.home_view
            self.select(self.timeline.events[-1].id, open_card=self.card_open)
        elif name == "confirm":
            if self.card_open and self.selected:
                self.open_scene()
            elif self.selected:
                self.select(self.selected, open_card=True)
            else:
                self.step_event(1)
        elif name == "click" and action.pos:
            self._click(action.pos)
        elif name == "drag" and action.pos and self.drag_from:
            dx = action.pos[0] - self.drag_from[0]
            self.drag_from = action.pos
            if dx:
                self.dragged = True
                self.pan(dx)
        elif name == "release":
            self.drag_from = None

    def _click(self, pos: tuple[int, int]) -> None:
        for key, rect in self.buttons.items():
            if rect.collidepoint(pos):
                if key == "play":
                    self.open_scene()
                elif key == "close":
                    self.card_open = False
                elif key == "prev":
                    self.step_event(-1)
                elif key == "next":
                    self.step_event(1)
                return
        if self.card_open and CARD.collidepoint(pos):
            return
        hit = next((p for p in self.placed if pygame.Rect(p.rect).inflate(14, 14).collidepoint(pos)
                    or (p.label_rect and pygame.Rect(p.label_rect).collidepoint(pos))), None)
        if hit is None:
            self.drag_from = pos
            self.dragged = False
            return
        ordered = sorted(hit.ids, key=lambda i: self.timeline.index_of(i))
        spread = max(self.positions[i] for i in ordered) - min(self.positions[i] for i in ordered)
        if hit.cluster and spread > 0.5:
            self.target = fit_events(self.positions, ordered, PLOT_LEFT, (CARD.left if self.card_open else PLOT_RIGHT)
                                     - PLOT_LEFT)
            self.target = View(self.target.centre, self.target.scale, PLOT_LEFT, PLOT_RIGHT - PLOT_LEFT)
        self.select(ordered[0], open_card=True)

    def _chart_action(self, action: Action) -> None:
        if action.name in ("confirm",) and self.timeline.box_office():
            self.select(self.timeline.box_office()[-1].event)

    def _rows(self) -> list[str]:
        if self.mode == "remakes":
            return [r.event for r in self.timeline.remakes()]
        return [r.event for r in self.timeline.awards()]

    def _table_action(self, action: Action) -> None:
        rows = self._rows()
        name = action.name
        if name in ("down", "next", "right"):
            self.table_index = min(len(rows) - 1, self.table_index + 1)
        elif name in ("up", "prev", "left"):
            self.table_index = max(0, self.table_index - 1)
        elif name == "wheel_down":
            self.scroll += 3
        elif name == "wheel_up":
            self.scroll = max(0, self.scroll - 3)
        elif name == "home":
            self.table_index = 0
        elif name == "end":
            self.table_index = len(rows) - 1
        elif name == "confirm" and rows:
            self.select(rows[self.table_index], open_card=True, zoom=True)
            return
        elif name == "click" and action.pos:
            for rect, event_id in self.row_rects:
                if rect.collidepoint(action.pos):
                    if rows[self.table_index] == event_id:
                        self.select(event_id, open_card=True, zoom=True)
                    else:
                        self.table_index = rows.index(event_id)
                    return

    # --- animation -----------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        if self.app.settings.reduce_motion or dt >= 0.5:
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

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.app.theme.backdrop)
        self.buttons = {}
        {"timeline": self._draw_timeline, "chart": self._draw_chart, "remakes": self._draw_remakes,
         "awards": self._draw_awards}[self.mode](surface)
        self._draw_header(surface)

    def _text(self, surface, text, size, colour, pos, bold=False, anchor="topleft") -> pygame.Rect:
        image = self.app.fonts.render(text, size, colour, bold)
        rect = image.get_rect(**{anchor: pos})
        surface.blit(image, rect)
        return rect

    def _draw_header(self, surface: pygame.Surface) -> None:
        theme, fonts = self.app.theme, self.app.fonts
        pygame.draw.rect(surface, theme.panel, (0, 0, WIDTH, HEADER_H))
        pygame.draw.line(surface, theme.panel_edge, (0, HEADER_H - 1), (WIDTH, HEADER_H - 1), 2)
        self._text(surface, "The real history", 32, theme.text, (24, HEADER_H // 2), bold=True, anchor="midleft")
        x = WIDTH - 14
        self.tabs = {}
        for i, mode in reversed(list(enumerate(VIEWS))):
            label = f"{i + 1}  {VIEW_TITLES[mode]}"
            w = fonts.width(label, 24, True) + 32
            rect = pygame.Rect(x - w, 10, w, HEADER_H - 20)
            on = mode == self.mode
            pygame.draw.rect(surface, theme.accent if on else theme.highlight, rect, border_radius=10)
            self._text(surface, label, 24, (16, 16, 24) if on else theme.text, rect.center, bold=True, anchor="center")
            self.tabs[mode] = rect
            x -= w + 10

    def _footer(self, surface: pygame.Surface, text: str) -> None:
        theme = self.app.theme
        text_block(surface, self.app.fonts, text, 20, theme.muted, pygame.Rect(24, FOOTER_Y, WIDTH - 48, 40),
                   align="center")

    # timeline ---------------------------------------------------------------------------------

    def _draw_timeline(self, surface: pygame.Surface) -> None:
        view = self.view
        plot = pygame.Rect(PLOT_LEFT, LANES_TOP - 4, PLOT_RIGHT - PLOT_LEFT, AXIS_Y - LANES_TOP + 4)
        ys = self.lane_ys()
        surface.blit(self._scenery(plot, ys), (0, 0))
        surface.set_clip(plot)
        self.placed = self.layout(view)
        self._draw_selected_span(surface, ys)
        for p in self.placed:
            self._draw_marker(surface, p)
        surface.set_clip(None)
        self._draw_axis(surface, plot)
        if self.card_open and self.selected:
            self._draw_card(surface)
        else:
            self._footer(surface, "← → event · ↑ ↓ lane · + − / wheel zoom · drag pan · Home / End · "
                                  "click for card · 1–4 views · Esc back")

    def _era_rows(self, plot: pygame.Rect) -> list[tuple[object, pygame.Rect, int]]:
        rows_end = [-math.inf, -math.inf]
        out = []
        for era in self.timeline.eras:
            x0 = self.view.x(self.axis.u(era.span[0]))
            x1 = self.view.x(self.axis.u(era.span[1]))
            if x1 < plot.left or x0 > plot.right:
                continue
            row = 0 if x0 >= rows_end[0] else 1
            rows_end[row] = max(rows_end[row], x1)
            out.append((era, pygame.Rect(round(x0), 0, max(2, round(x1 - x0)), 0), row))
        return out

    def _draw_eras(self, surface: pygame.Surface, plot: pygame.Rect) -> None:
        fonts = self.app.fonts
        for era, span, _row in self._era_rows(plot):
            colour = hex_colour(era.colour)
            shade_rect = pygame.Rect(span.left, LANES_TOP, span.width, AXIS_Y - LANES_TOP).clip(plot)
            surface.blit(self._veil(shade_rect.size, colour), shade_rect.topleft)
        surface.set_clip(pygame.Rect(PLOT_LEFT, ERA_TOP, PLOT_RIGHT - PLOT_LEFT, LANES_TOP - ERA_TOP))
        for era, span, row in self._era_rows(plot):
            colour = hex_colour(era.colour)
            bar = pygame.Rect(span.left, ERA_TOP + row * 20, span.width, 18)
            pygame.draw.rect(surface, tuple(c // 3 for c in colour), bar, border_radius=5)
            pygame.draw.rect(surface, colour, bar, width=1, border_radius=5)
            left = max(bar.left, PLOT_LEFT) + 6
            room = min(bar.right, PLOT_RIGHT) - left - 6
            label = shorten(era.title, room, lambda s: fonts.width(s, 16, True))
            if label:
                self._text(surface, label, 16, (250, 250, 250), (left, bar.centery), bold=True, anchor="midleft")
        surface.set_clip(plot)

    def _scenery(self, plot: pygame.Rect, ys: list[float]) -> pygame.Surface:
        """Lanes, eras and axis breaks: drawn once per view and reused while the view stays put."""
        theme, fonts = self.app.theme, self.app.fonts
        key = (self.view, theme.name, fonts.scale, tuple(ys))
        if self._scenery_for == key:
            return self._scenery_surface
        surface = self._scenery_surface = pygame.Surface((WIDTH, HEIGHT))
        self._scenery_for = key
        surface.fill(theme.backdrop)
        band = (ys[1] - ys[0]) if len(ys) > 1 else 100
        for i, (lane, y) in enumerate(zip(self.timeline.lanes, ys, strict=False)):
            rect = pygame.Rect(0, round(y - band / 2), WIDTH, round(band))
            if i % 2 == 0:
                surface.fill(tuple(min(255, c + 10) for c in theme.backdrop), rect)
            colour = hex_colour(lane.colour)
            pygame.draw.rect(surface, colour, (8, rect.top + 8, 6, rect.height - 16), border_radius=3)
            text_block(surface, fonts, lane.title, 22, colour, pygame.Rect(22, round(y) - 26, GUTTER - 26, 60),
                       bold=True)
        surface.set_clip(plot)
        self._draw_eras(surface, plot)
        self._draw_breaks(surface, plot)
        for lane, y in zip(self.timeline.lanes, ys, strict=False):
            colour = hex_colour(lane.colour)
            pygame.draw.line(surface, tuple(c // 2 for c in colour), (plot.left, y), (plot.right, y), 3)
        surface.set_clip(None)
        return surface

    def _veil(self, size: tuple[int, int], colour) -> pygame.Surface:
        """A translucent era shade, kept while the view stays put (allocating one per frame was costly)."""
        key = (size, colour)
        veil = self._veils.get(key)
        if veil is None:
            if len(self._veils) > 32:
                self._veils.clear()
            veil = self._veils[key] = pygame.Surface(size, pygame.SRCALPHA)
            veil.fill((*colour, 22))
        return veil

    def _draw_breaks(self, surface: pygame.Surface, plot: pygame.Rect) -> None:
        theme = self.app.theme
        for u0, u1, _days in self.axis.breaks():
            x0, x1 = self.view.x(u0), self.view.x(u1)
            if x1 < plot.left or x0 > plot.right:
                continue
            rect = pygame.Rect(round(x0), LANES_TOP - 4, max(1, round(x1 - x0)), AXIS_Y - LANES_TOP + 4)
            surface.fill(tuple(max(0, c - 6) for c in theme.backdrop), rect)
            for x in (x0, x1):
                points = [(x + (4 if k % 2 else -4), LANES_TOP + k * 12) for k in range((AXIS_Y - LANES_TOP) // 12 + 1)]
                pygame.draw.lines(surface, (80, 86, 104), False, points, 2)
        if self.axis.undated_count:
            x0 = self.view.x(self.axis.undated_u0)
            rect = pygame.Rect(round(x0), LANES_TOP - 4, plot.right - round(x0), AXIS_Y - LANES_TOP + 4)
            if rect.width > 0:
                surface.fill((34, 30, 44), rect)
                pygame.draw.line(surface, (120, 110, 150), (x0, LANES_TOP), (x0, AXIS_Y), 2)

    def _draw_selected_span(self, surface: pygame.Surface, ys: list[float]) -> None:
        event = self.timeline.event(self.selected) if self.selected else None
        if event is None or event.undated:
            return
        lane = self.timeline.lane(event.lane)
        y = ys[lane.index] if lane else ys[0]
        x0 = self.view.x(self.axis.u(event.date.start()))
        x1 = self.view.x(self.axis.u((event.end or event.date).end()))
        if x1 - x0 > 6:
            colour = hex_colour(lane.colour) if lane else self.app.theme.accent
            pygame.draw.rect(surface, colour, (x0, y - 4, x1 - x0, 8), border_radius=4)

    def _draw_marker(self, surface: pygame.Surface, p: Placed) -> None:
        theme, _fonts = self.app.theme, self.app.fonts
        lane = self.timeline.lane(p.lane)
        colour = hex_colour(lane.colour) if lane else theme.accent
        selected = self.selected in p.ids
        centre = (round(p.x), round(p.y))
        if selected:
            pygame.draw.circle(surface, theme.accent, centre, round(p.r) + 6, 4)
        pygame.draw.circle(surface, colour, centre, round(p.r))
        pygame.draw.circle(surface, (10, 10, 16), centre, round(p.r), 2)
        if p.cluster:
            self._text(surface, str(len(p.ids)), 17, (10, 10, 16), centre, bold=True, anchor="center")
        if p.label and p.label_rect:
            x, y, w, h = p.label_rect
            self._text(surface, p.label, LABEL_SIZE, theme.accent if selected else theme.text, (x, y + 1), bold=True)

    def _draw_axis(self, surface: pygame.Surface, plot: pygame.Rect) -> None:
        theme, fonts = self.app.theme, self.app.fonts
        pygame.draw.line(surface, theme.muted, (plot.left, AXIS_Y), (plot.right, AXIS_Y), 2)
        measure = lambda s: fonts.width(s, 20, True)  # noqa: E731
        for x, label in ticks(self.axis, self.view, measure):
            pygame.draw.line(surface, theme.muted, (x, AXIS_Y - 6), (x, AXIS_Y + 6), 2)
            self._text(surface, label, 20, theme.text, (x, AXIS_Y + 8), bold=True, anchor="midtop")
        for u0, u1, days in self.axis.breaks():
            x0, x1 = self.view.x(u0), self.view.x(u1)
            years = days / 365.25
            label = f"≈{years:.0f} yrs" if years >= 1.5 else f"≈{days / 30.44:.0f} mo"
            if x1 - x0 > fonts.width(label, 15) + 6 and plot.left <= x0 and x1 <= plot.right:
                self._text(surface, label, 15, theme.muted, ((x0 + x1) / 2, AXIS_Y - 12), anchor="center")
        if self.axis.undated_count:
            x0 = self.view.x(self.axis.undated_u0)
            if plot.left <= x0 < plot.right - 40:
                label = shorten("No date given", plot.right - x0 - 8, lambda s: fonts.width(s, 18, True))
                if label:
                    self._text(surface, label, 18, (200, 190, 235), (x0 + 6, AXIS_Y + 10), bold=True)

    # card -------------------------------------------------------------------------------------------

    def _draw_card(self, surface: pygame.Surface) -> None:
        event = self.timeline.event(self.selected)
        if event is None:
            return
        theme, _fonts = self.app.theme, self.app.fonts
        lane = self.timeline.lane(event.lane)
        colour = hex_colour(lane.colour) if lane else theme.accent
        panel(surface, CARD, theme, alpha=255, edge=colour)
        inner = CARD.inflate(-56, -40)
        buttons_h = 56
        for size in (26, 24, 22, 20, 18):
            if self._card_body(None, event, inner, size, colour) <= inner.bottom - buttons_h - 8:
                break
        self._card_body(surface, event, inner, size, colour)
        self._card_buttons(surface, event, pygame.Rect(inner.left, inner.bottom - buttons_h + 8, inner.width, 48))

    def _card_body(self, surface, event: Event, inner: pygame.Rect, size: int, colour) -> int:
        """Lay out (and, with a surface, draw) the card text; returns the bottom y."""
        theme, fonts = self.app.theme, self.app.fonts
        y = inner.top

        def block(text, sz, col, bold=False, indent=0, width=None):
            nonlocal y
            rect = pygame.Rect(inner.left + indent, y, width or inner.width - indent, 0)
            if surface is not None:
                y = text_block(surface, fonts, text, sz, col, rect, bold=bold, spacing=1.08)
            else:
                y += block_height(fonts, text, sz, rect.width, bold, spacing=1.08)

        index = self.timeline.index_of(event.id) + 1
        lane = self.timeline.lane(event.lane)
        block(f"{(lane.title if lane else event.lane).upper()}  ·  event {index} of {len(self.timeline.events)}",
              18, colour, bold=True)
        y += 2
        block(event.title, size + 6, theme.text, bold=True)
        block(event.when, size - 2, theme.accent, bold=True)
        y += 6
        block(event.text, size, theme.text)
        details = event.shown_details
        if details:
            y += 4
            for label, value in details:
                block(f"{label.capitalize()}: {value}", size - 4, theme.muted)
        if event.differ:
            y += 8
            block("THE SOURCES DIFFER", 18, DIFFER_COLOUR, bold=True)
            y += 2
            n = len(event.differ)
            col_w = (inner.width - 16 * (n - 1)) // n
            heights = [block_height(fonts, a.says, size - 4, col_w - 24, spacing=1.08) + fonts.line_height(18) + 20
                       for a in event.differ]
            top = y
            for i, account in enumerate(event.differ):
                rect = pygame.Rect(inner.left + i * (col_w + 16), top, col_w, max(heights))
                if surface is not None:
                    pygame.draw.rect(surface, DIFFER_COLOUR, rect, width=2, border_radius=8)
                    self._text(surface, self.timeline.source_title(account.source), 18, DIFFER_COLOUR,
                               (rect.left + 12, rect.top + 6), bold=True)
                    text_block(surface, fonts, account.says, size - 4, theme.text,
                               pygame.Rect(rect.left + 12, rect.top + 8 + fonts.line_height(18), col_w - 24, 0),
                               spacing=1.08)
            y = top + max(heights) + 4
        y += 8
        for source in event.sources:
            line = f"Source: {self.timeline.source_title(source)} [{source}]" + (
                f" — {event.section}" if event.section else "")
            block(line, 20, theme.muted)
        if event.related:
            titles = [self.timeline.event(r).title for r in event.related if self.timeline.event(r)]
            block("Related: " + " · ".join(titles), 20, theme.muted)
        return y

    def _card_buttons(self, surface: pygame.Surface, event: Event, row: pygame.Rect) -> None:
        theme, fonts = self.app.theme, self.app.fonts
        specs = [("prev", "◀ Previous"), ("next", "Next ▶")]
        if event.scene and self.on_open_scene:
            specs.insert(0, ("play", "Play this moment (Enter)"))
        specs.append(("close", "Close (Esc)"))
        x = row.left
        for key, label in specs:
            w = fonts.width(label, 22, True) + 30
            rect = pygame.Rect(x, row.top, w, row.height)
            primary = key == "play"
            pygame.draw.rect(surface, theme.accent if primary else theme.highlight, rect, border_radius=10)
            self._text(surface, label, 22, (16, 16, 24) if primary else theme.text, rect.center, bold=True,
                       anchor="center")
            self.buttons[key] = rect
            x += w + 10

    # chart ------------------------------------------------------------------------------------------

    def _draw_chart(self, surface: pygame.Surface) -> None:
        theme, fonts = self.app.theme, self.app.fonts
        points = self.timeline.box_office()
        levels = self.timeline.reference_lines()
        plot = pygame.Rect(170, 150, 1040, 420)
        self._text(surface, "Cumulative admissions after the release (23 January 2013)", 26, theme.text,
                   (plot.left - 90, HEADER_H + 18), bold=True)
        max_days = max([p.days for p in points] + [10])
        x_max = (max_days // 10 + 1) * 10
        y_max = max([p.admissions for p in points] + [level.admissions for level in levels] + [1]) * 1.12
        step = 2_000_000
        fx = lambda d: plot.left + d / x_max * plot.width  # noqa: E731
        fy = lambda a: plot.bottom - a / y_max * plot.height  # noqa: E731
        for a in range(0, int(y_max) + 1, step):
            y = fy(a)
            pygame.draw.line(surface, (44, 50, 66), (plot.left, y), (plot.right, y), 1)
            self._text(surface, f"{a // 1_000_000} m", 20, theme.muted, (plot.left - 10, y), anchor="midright")
        for d in range(0, x_max + 1, 10):
            x = fx(d)
            pygame.draw.line(surface, theme.muted, (x, plot.bottom), (x, plot.bottom + 6), 2)
            self._text(surface, f"day {d}", 20, theme.muted, (x, plot.bottom + 8), anchor="midtop")
        pygame.draw.line(surface, theme.muted, plot.bottomleft, plot.bottomright, 2)
        pygame.draw.line(surface, theme.muted, plot.bottomleft, plot.topleft, 2)
        colour = hex_colour(self.timeline.lane("release").colour) if self.timeline.lane("release") else theme.accent
        for level in levels:
            y = fy(level.admissions)
            dashed_line(surface, theme.danger, (plot.left, y), (plot.right, y), 3, 16, 8)
            self._text(surface, f"{level.label} admissions", 20, theme.danger,
                       (plot.right - 8, y - 4), bold=True, anchor="bottomright")
        for a, b in zip(points, points[1:], strict=False):
            dashed_line(surface, colour, (fx(a.days), fy(a.admissions)), (fx(b.days), fy(b.admissions)), 3)
        if len(points) >= 2:
            a, b = points[0], points[1]
            mid = ((fx(a.days) + fx(b.days)) / 2, (fy(a.admissions) + fy(b.admissions)) / 2)
            self._text(surface, "dashed = interpolation", 18, theme.muted, (mid[0] + 14, mid[1] + 6), anchor="topleft")
        label_ends: list[pygame.Rect] = []
        for p in points:
            x, y = fx(p.days), fy(p.admissions)
            pygame.draw.circle(surface, colour, (round(x), round(y)), 10)
            pygame.draw.circle(surface, (10, 10, 16), (round(x), round(y)), 10, 2)
            text = f"Day {p.days}: {millions(p.admissions)}"
            w = fonts.width(text, 22, True)
            rect = pygame.Rect(round(x) - w - 16, round(y) - 34, w, 26)
            if rect.left < plot.left + 8:
                rect.left = round(x) + 16
                rect.top = round(y) - 6
            while any(rect.colliderect(r) for r in label_ends):
                rect.top += 30
            label_ends.append(rect)
            self._text(surface, text, 22, theme.text, rect.topleft, bold=True)
        note = self.timeline.notes.get("chart", "")
        text_block(surface, fonts, note, 20, theme.muted, pygame.Rect(60, plot.bottom + 40, WIDTH - 120, 80),
                   align="center")
        milestone = next((e for e in self.timeline.events if e.id == "bo_ten_million"), None)
        if milestone:
            x, y = fx(milestone.figures.days), fy(milestone.figures.admissions)
            text_block(surface, fonts, "8th Korean film ever past 10 million", 20, colour,
                       pygame.Rect(round(x) + 18, round(y) + 8, 260, 60), bold=True)

    # tables -----------------------------------------------------------------------------------------

    def _draw_table(self, surface: pygame.Surface, title: str, columns: list[tuple[str, int]],
                    rows: list[tuple[str, list[str], bool]], footer: str, group_first: bool = False) -> None:
        theme, fonts = self.app.theme, self.app.fonts
        size = 22
        self._text(surface, title, 26, theme.text, (40, HEADER_H + 16), bold=True)
        top, bottom = HEADER_H + 100, FOOTER_Y - 62
        x = 40
        header_y = top - 36
        for name, w in columns:
            self._text(surface, name, 20, theme.accent, (x + 10, header_y), bold=True)
            x += w
        pygame.draw.line(surface, theme.accent, (40, top - 6), (WIDTH - 40, top - 6), 2)
        line_h = fonts.line_height(size)
        heights = []
        wrapped_rows = []
        for _, cells, _ in rows:
            wrapped = [fonts.wrap(c, size, w - 20) for c, (_, w) in zip(cells, columns, strict=False)]
            wrapped_rows.append(wrapped)
            heights.append(max(len(w) for w in wrapped) * line_h + 12)
        # keep the selected row on screen
        self.table_index = min(self.table_index, len(rows) - 1)
        self.scroll = min(self.scroll, max(0, len(rows) - 1))
        if self.table_index < self.scroll:
            self.scroll = self.table_index
        while sum(heights[self.scroll:self.table_index + 1]) > bottom - top and self.scroll < self.table_index:
            self.scroll += 1
        y = top
        self.row_rects = []
        prev_group = None
        last = self.scroll
        for i in range(self.scroll, len(rows)):
            if y + heights[i] > bottom:
                break
            event_id, cells, differs = rows[i]
            rect = pygame.Rect(40, y, WIDTH - 80, heights[i])
            if i == self.table_index:
                pygame.draw.rect(surface, theme.highlight, rect, border_radius=6)
                pygame.draw.rect(surface, theme.accent, (rect.left, rect.top + 4, 5, rect.height - 8))
            elif i % 2:
                pygame.draw.rect(surface, tuple(min(255, c + 10) for c in theme.backdrop), rect)
            x = 40
            for col, ((_name, w), lines) in enumerate(zip(columns, wrapped_rows[i], strict=False)):
                colour = theme.text
                if group_first and col == 0:
                    if cells[0] == prev_group and i != self.scroll:
                        x += w
                        continue
                    colour = theme.accent if cells[0] != prev_group else theme.muted
                for k, line in enumerate(lines):
                    self._text(surface, line, size, colour, (x + 10, y + 6 + k * line_h), bold=(col == 0))
                x += w
            if differs:
                self._text(surface, "≠ sources differ", 18, DIFFER_COLOUR, (rect.right - 10, rect.centery),
                           bold=True, anchor="midright")
            prev_group = cells[0]
            self.row_rects.append((rect, event_id))
            y += heights[i]
            last = i
        shown = f"Rows {self.scroll + 1}–{last + 1} of {len(rows)}" if rows else "No rows"
        self._text(surface, shown, 20, theme.muted, (WIDTH - 40, HEADER_H + 22), anchor="topright")
        if self.scroll > 0 or last < len(rows) - 1:
            track = pygame.Rect(WIDTH - 30, top, 8, bottom - top)
            pygame.draw.rect(surface, (50, 56, 72), track, border_radius=4)
            h = max(30, track.height * (last - self.scroll + 1) // len(rows))
            y0 = track.top + (track.height - h) * self.scroll // max(1, len(rows) - (last - self.scroll + 1))
            pygame.draw.rect(surface, theme.accent, (track.left, y0, 8, h), border_radius=4)
        text_block(surface, fonts, footer, 20, theme.muted, pygame.Rect(40, bottom + 6, WIDTH - 80, 60))
        self._footer(surface, "↑ ↓ row · wheel scroll · Enter: show on the timeline · 1–4 views · Esc back")

    def _draw_remakes(self, surface: pygame.Surface) -> None:
        rows = [(r.event, [r.year, r.film, r.country, r.director, r.status, " + ".join(r.sources)],
                 bool(self.timeline.event(r.event).differ)) for r in self.timeline.remakes()]
        columns = [("Year", 110), ("Film", 280), ("Country", 180), ("Director", 230), ("Status", 240), ("Source", 160)]
        self._draw_table(surface, "Remakes of the film", columns, rows, self.timeline.notes.get("remakes", ""))

    def _draw_awards(self, surface: pygame.Surface) -> None:
        rows = [(r.event, [r.ceremony, r.category, r.recipient], r.differs) for r in self.timeline.awards()]
        columns = [("Ceremony", 440), ("Category", 340), ("Recipient(s)", 420)]
        note = " ".join(filter(None, (self.timeline.notes.get("awards"), "Enter on a row opens its card.")))
        self._draw_table(surface, "Awards and nominations", columns, rows, note, group_first=True)
