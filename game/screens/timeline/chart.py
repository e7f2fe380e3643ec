"""The box-office chart: cumulative admissions by day after the release, from the events' own figures.

Points are the figures the sources state; dashed segments only join them. Levels without a day (the
break-even point) are horizontal lines. The caption under the chart is content (`notes: chart`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import pygame

from ...timeline.model import Timeline
from ...ui import draw
from ...ui.fonts import FontBook
from ...ui.theme import WIDTH
from ...words import t
from .frame import ScreenFrame
from .style import Style


def chart_title() -> str:
    return t("chart.title")


def millions(n: float) -> str:
    """An admissions figure: "12.81 million" / "1,281만" (each language counts in its own units)."""
    return t("chart.count", millions=f"{n / 1_000_000:.2f}".rstrip("0").rstrip("."), man=f"{round(n / 10_000):,}")


def tick(n: int) -> str:
    """A round figure on the admissions axis: "12 m" / "1,200만" ("0" at the foot)."""
    if n == 0:
        return "0"
    return t("chart.tick", millions=n // 1_000_000, man=f"{n // 10_000:,}")


def dashed_line(surface: pygame.Surface, colour, start, end, width: int = 3, dash: int = 12, gap: int = 9) -> None:
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0)
    if length < 1:
        return
    dx, dy = (x1 - x0) / length, (y1 - y0) / length
    d = 0.0
    while d < length:
        e = min(length, d + dash)
        draw.line(surface, colour, (round(x0 + dx * d), round(y0 + dy * d)),
                  (round(x0 + dx * e), round(y0 + dy * e)), width)
        d = e + gap


@dataclass
class ChartLayout:
    """Where a chart's title, plot, labels and caption go."""

    title: pygame.Rect                    # height 0: no room for it (the tab names the chart)
    plot: pygame.Rect | None              # None: too little room for a plot; the figures are a list instead
    labels: list[tuple[str, pygame.Rect, str]] = field(default_factory=list)   # text, where, colour role
    leaders: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)  # point -> its far label
    caption: pygame.Rect = field(default_factory=pygame.Rect)
    x_max: int = 10
    y_max: float = 1.0
    list_area: pygame.Rect | None = None  # where the list of figures goes (no plot)

    def x(self, days: float) -> float:
        return self.plot.left + days / self.x_max * self.plot.width

    def y(self, admissions: float) -> float:
        return self.plot.bottom - admissions / self.y_max * self.plot.height


def chart_layout(fonts: FontBook, st: Style, timeline: Timeline, sf: ScreenFrame) -> ChartLayout:
    """The title (wrapped if it must, dropped if there is no room), the plot, every label, the caption
    (it ends above the footer). When a label finds no place inside the plot, the figures become a list."""
    title_lines = fonts.wrap(chart_title(), st.title, WIDTH - 80, True)
    title = pygame.Rect(40, sf.header.bottom + round(8 * fonts.scale),
                        max(fonts.width(line, st.title, True) for line in title_lines),
                        len(title_lines) * fonts.line_height(st.title))
    caption_h = len(fonts.wrap(caption_text(timeline), st.hint, WIDTH - 120)) * fonts.line_height(st.hint)
    caption = pygame.Rect(60, sf.footer.top - caption_h - 4, WIDTH - 120, caption_h)
    left = 40 + max(fonts.width(tick(n), st.small) for n in (12_000_000, 20_000_000)) + 16
    bottom = caption.top - fonts.line_height(st.small) - 16
    if bottom - title.bottom < 5 * fonts.line_height(st.small):
        title = pygame.Rect(title.left, title.top, 0, 0)
    top = (title.bottom if title.height else sf.header.bottom) + round(16 * fonts.scale)
    right = WIDTH - 30 - fonts.width(t("chart.day_tick", day=60), st.small) // 2
    points, levels = timeline.box_office(), timeline.reference_lines()
    lay = ChartLayout(title, pygame.Rect(left, top, right - left, max(1, bottom - top)), caption=caption)
    lay.x_max = (max([p.days for p in points] + [10]) // 10 + 1) * 10
    lay.y_max = max([p.admissions for p in points] + [level.admissions for level in levels] + [1]) * 1.12
    h = fonts.line_height(st.small)
    if lay.plot.height >= 4 * h:
        for short in (False, True):     # "Day 14: 4.6 million" beside each point, else "4.6 million"
            tries = [_place_labels(fonts, st, lay, points, levels, short, order) for order in (1, -1)]
            placed = [found for found in tries if found is not None]
            if placed:
                lay.labels, lay.leaders = min(placed, key=lambda found: len(found[1]))   # fewest labels set apart
                return lay
    area = pygame.Rect(40, top, WIDTH - 80, caption.top - 8 - top)
    lay.plot, lay.labels = None, _as_list(fonts, st, points, levels, area)
    lay.list_area = area
    return lay


def _place_labels(fonts: FontBook, st: Style, lay: ChartLayout, points, levels, short: bool, order: int):
    """(labels, leaders) with every label in the plot, placing points left to right (order 1) or right to left;
    None when one finds no room."""
    h = fonts.line_height(st.small)
    labels, leaders = [], []
    for level in levels:
        w = fonts.width(level_text(level), st.small, True)
        labels.append((level_text(level), pygame.Rect(lay.plot.right - 8 - w, round(lay.y(level.admissions)) - 4 - h,
                                                       w, h), "danger"))
    circles = [pygame.Rect(round(lay.x(p.days)) - 12, round(lay.y(p.admissions)) - 12, 24, 24) for p in points]
    for a, b in zip(points, points[1:], strict=False):   # the joining lines: labels keep off them too
        (x0, y0), (x1, y1) = (lay.x(a.days), lay.y(a.admissions)), (lay.x(b.days), lay.y(b.admissions))
        steps = max(1, round(math.hypot(x1 - x0, y1 - y0) / 8))
        circles += [pygame.Rect(round(x0 + (x1 - x0) * k / steps) - 2, round(y0 + (y1 - y0) * k / steps) - 2, 4, 4)
                    for k in range(steps + 1)]
    for p in points[::order]:
        text = millions(p.admissions) if short else point_text(p)
        point = (round(lay.x(p.days)), round(lay.y(p.admissions)))
        others = [(round(lay.x(q.days)), round(lay.y(q.admissions))) for q in points if q is not p]
        rect = _label_spot(fonts.width(text, st.small, True), h, *point, lay.plot,
                           [r for _, r, _ in labels] + circles, others)
        if rect is None or not lay.plot.contains(labels[0][1] if labels else rect):
            return None
        labels.append((text, rect, "text"))
        near = (min(max(point[0], rect.left), rect.right), min(max(point[1], rect.top), rect.bottom))
        if abs(near[0] - point[0]) + abs(near[1] - point[1]) > 24:
            leaders.append((point, near))
    return labels, leaders


def _as_list(fonts: FontBook, st: Style, points, levels, area: pygame.Rect) -> list[tuple[str, pygame.Rect, str]]:
    """The figures as lines of text (each wrapped whole), in as few columns as the area needs."""
    items = [(point_text(p), "text") for p in points] + [(level_text(level), "danger") for level in levels]
    h = fonts.line_height(st.small)
    for columns in (1, 2, 3):
        width = area.width // columns - 20
        out, col, y = [], 0, area.top
        for text, role in items:
            lines = fonts.wrap(text, st.small, width, True)
            if y + len(lines) * h > area.bottom:
                col, y = col + 1, area.top
            for line in lines:
                out.append((line, pygame.Rect(area.left + col * (width + 20), y, fonts.width(line, st.small, True), h),
                            role))
                y += h
        if col < columns:
            return out
    return out


def point_text(p) -> str:
    return t("chart.point", day=p.days, count=millions(p.admissions))


def level_text(level) -> str:
    return t("chart.level", label=level.label)


def caption_text(timeline: Timeline) -> str:
    return timeline.readable(timeline.notes.get("chart", ""))


def _gap(rect: pygame.Rect, point: tuple[int, int]) -> float:
    dx = max(rect.left - point[0], 0, point[0] - rect.right)
    dy = max(rect.top - point[1], 0, point[1] - rect.bottom)
    return math.hypot(dx, dy)


def _label_spot(w: int, h: int, x: int, y: int, plot: pygame.Rect, taken: list[pygame.Rect],
                others: list[tuple[int, int]] = ()) -> pygame.Rect | None:
    """Near its point (above, beside, below), clear of other labels, points and lines, inside the plot, and
    nearer its own point than any other; None when there is no such place (the caller then tries shorter
    labels, or a list)."""
    for away in (0, 1, 2):      # further up or down, a line at a time
        for dx, dy in ((-w // 2, -h - 14), (-w - 16, -h - 6), (16, 6), (-w // 2, 14), (16, -h - 6), (-w - 16, 6)):
            rect = pygame.Rect(x + dx, y + dy + (away * (h + 4) if dy > 0 else -away * (h + 4)), w, h)
            if plot.contains(rect) and not any(rect.colliderect(r) for r in taken) and \
                    all(_gap(rect, (x, y)) < _gap(rect, other) for other in others):
                return rect
    return None


def draw_chart(surface: pygame.Surface, fonts: FontBook, st: Style, timeline: Timeline, lay: ChartLayout) -> None:
    for k, line in enumerate(fonts.wrap(chart_title(), st.title, WIDTH - 80, True) if lay.title.height else []):
        draw.text(surface, fonts, line, st.title, st.text,
                  (lay.title.left, lay.title.top + k * fonts.line_height(st.title)), bold=True)
    lane = timeline.lane("release")
    colour = st.lane(lane.colour) if lane else st.accent
    if lay.plot is not None:
        _draw_plot(surface, fonts, st, timeline, lay, colour)
    for text, rect, role in lay.labels:
        draw.text(surface, fonts, text, st.small, getattr(st, role), rect.topleft, bold=True)
    y = lay.caption.top
    for line in fonts.wrap(caption_text(timeline), st.hint, lay.caption.width):
        draw.text(surface, fonts, line, st.hint, st.dim, (lay.caption.centerx, y), anchor="midtop")
        y += fonts.line_height(st.hint)


def _draw_plot(surface: pygame.Surface, fonts: FontBook, st: Style, timeline: Timeline, lay: ChartLayout,
               colour) -> None:
    plot, points = lay.plot, timeline.box_office()
    step = next((m * 1_000_000 for m in (1, 2, 4, 5, 10) if plot.height * m * 1_000_000 / lay.y_max
                 >= 1.3 * fonts.line_height(st.small)), 10_000_000)
    for a in range(0, int(lay.y_max) + 1, step):
        y = round(lay.y(a))
        draw.line(surface, st.grid, (plot.left, y), (plot.right, y), 1)
        draw.text(surface, fonts, tick(a), st.small, st.dim, (plot.left - 10, y), anchor="midright")
    day_w = fonts.width(t("chart.day_tick", day=50), st.small)
    day_step = next((d for d in (10, 20, 30) if day_w * 1.2 < plot.width * d / lay.x_max), 30)
    for d in range(0, lay.x_max + 1, day_step):
        x = round(lay.x(d))
        draw.line(surface, st.dim, (x, plot.bottom), (x, plot.bottom + 6), 2)
        draw.text(surface, fonts, t("chart.day_tick", day=d), st.small, st.dim, (x, plot.bottom + 8), anchor="midtop")
    draw.line(surface, st.dim, plot.bottomleft, plot.bottomright, 2)
    draw.line(surface, st.dim, plot.bottomleft, plot.topleft, 2)
    for level in timeline.reference_lines():
        y = lay.y(level.admissions)
        dashed_line(surface, st.danger, (plot.left, y), (plot.right, y), 3, 16, 8)
    for a, b in zip(points, points[1:], strict=False):
        dashed_line(surface, colour, (lay.x(a.days), lay.y(a.admissions)), (lay.x(b.days), lay.y(b.admissions)), 3)
    for start, end in lay.leaders:
        draw.line(surface, st.dim, start, end, 1)
    for p in points:
        centre = (round(lay.x(p.days)), round(lay.y(p.admissions)))
        draw.circle(surface, colour, centre, 10)
        draw.circle(surface, st.outline, centre, 10, 2)
