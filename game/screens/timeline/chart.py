"""The box-office chart: cumulative admissions by day after the release, from the events' own figures.

Points are the figures the sources state; dashed segments only join them. Levels without a day (the
break-even point) are horizontal lines. The caption under the chart is content (`notes: chart`).
"""
from __future__ import annotations

import math

import pygame

from ...timeline.model import Timeline
from ...ui import draw
from ...ui.fonts import FontBook
from ...ui.theme import WIDTH
from .frame import ScreenFrame
from .style import Style

TITLE = "Cumulative admissions by day after the release"


def millions(n: float) -> str:
    value = n / 1_000_000
    return f"{value:.2f}".rstrip("0").rstrip(".") + " million"


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


def chart_rect(fonts: FontBook, st: Style, timeline: Timeline, sf: ScreenFrame) -> tuple[pygame.Rect, pygame.Rect, int]:
    """(plot, caption, title y): the plot leaves room for the title, the axis labels and the caption,
    which ends above the footer's key hints."""
    title_y = sf.header.bottom + round(8 * fonts.scale)
    caption = timeline.readable(timeline.notes.get("chart", ""))
    caption_h = len(fonts.wrap(caption, st.hint, WIDTH - 120)) * fonts.line_height(st.hint)
    left = 40 + fonts.width("12 m", st.small) + 16
    top = title_y + fonts.line_height(st.title) + round(16 * fonts.scale)
    caption_top = sf.footer.top - caption_h - 4
    bottom = caption_top - fonts.line_height(st.small) - 16
    right = WIDTH - 30 - fonts.width("day 60", st.small) // 2
    plot = pygame.Rect(left, top, right - left, max(80, bottom - top))
    return plot, pygame.Rect(60, caption_top, WIDTH - 120, caption_h), title_y


def _label_spot(w: int, h: int, x: int, y: int, plot: pygame.Rect, taken: list[pygame.Rect]) -> pygame.Rect:
    """Beside its point (above left, below right, above right, below left), clear of other labels and points
    and inside the plot; else pushed down until clear."""
    for dx, dy in ((-w - 16, -h - 6), (16, 6), (16, -h - 6), (-w - 16, 6)):
        rect = pygame.Rect(x + dx, y + dy, w, h)
        if plot.contains(rect) and not any(rect.colliderect(r) for r in taken):
            return rect
    rect = pygame.Rect(min(max(plot.left, x - w // 2), plot.right - w), y + 14, w, h)
    while any(rect.colliderect(r) for r in taken):
        rect.top += h + 4
    return rect


def draw_chart(surface: pygame.Surface, fonts: FontBook, st: Style, timeline: Timeline, sf: ScreenFrame) -> None:
    points = timeline.box_office()
    levels = timeline.reference_lines()
    plot, caption_rect, title_y = chart_rect(fonts, st, timeline, sf)
    draw.text(surface, fonts, TITLE, st.title, st.text, (40, title_y), bold=True)
    max_days = max([p.days for p in points] + [10])
    x_max = (max_days // 10 + 1) * 10
    y_max = max([p.admissions for p in points] + [level.admissions for level in levels] + [1]) * 1.12
    step = next((m * 1_000_000 for m in (1, 2, 4, 5, 10) if plot.height * m * 1_000_000 / y_max
                 >= 1.3 * fonts.line_height(st.small)), 10_000_000)
    fx = lambda d: plot.left + d / x_max * plot.width  # noqa: E731
    fy = lambda a: plot.bottom - a / y_max * plot.height  # noqa: E731
    for a in range(0, int(y_max) + 1, step):
        y = fy(a)
        draw.line(surface, st.grid, (plot.left, y), (plot.right, y), 1)
        draw.text(surface, fonts, f"{a // 1_000_000} m", st.small, st.dim, (plot.left - 10, y), anchor="midright")
    day_step = next((d for d in (10, 20, 30) if fonts.width("day 50", st.small) * 1.2 < plot.width * d / x_max), 30)
    for d in range(0, x_max + 1, day_step):
        x = fx(d)
        draw.line(surface, st.dim, (x, plot.bottom), (x, plot.bottom + 6), 2)
        draw.text(surface, fonts, f"day {d}", st.small, st.dim, (x, plot.bottom + 8), anchor="midtop")
    draw.line(surface, st.dim, plot.bottomleft, plot.bottomright, 2)
    draw.line(surface, st.dim, plot.bottomleft, plot.topleft, 2)
    lane = timeline.lane("release")
    colour = st.lane(lane.colour) if lane else st.accent
    taken: list[pygame.Rect] = []
    for level in levels:
        y = fy(level.admissions)
        dashed_line(surface, st.danger, (plot.left, y), (plot.right, y), 3, 16, 8)
        taken.append(draw.text(surface, fonts, f"{level.label} admissions", st.small, st.danger,
                               (plot.right - 8, round(y) - 4), bold=True, anchor="bottomright"))
    for a, b in zip(points, points[1:], strict=False):
        dashed_line(surface, colour, (fx(a.days), fy(a.admissions)), (fx(b.days), fy(b.admissions)), 3)
    circles = [pygame.Rect(round(fx(p.days)) - 12, round(fy(p.admissions)) - 12, 24, 24) for p in points]
    for p in points:
        x, y = round(fx(p.days)), round(fy(p.admissions))
        draw.circle(surface, colour, (x, y), 10)
        draw.circle(surface, st.outline, (x, y), 10, 2)
        label = f"Day {p.days}: {millions(p.admissions)}"
        rect = _label_spot(fonts.width(label, st.small, True), fonts.line_height(st.small), x, y, plot, taken + circles)
        taken.append(rect)
        draw.text(surface, fonts, label, st.small, st.text, rect.topleft, bold=True)
    y = caption_rect.top
    for line in fonts.wrap(timeline.readable(timeline.notes.get("chart", "")), st.hint, caption_rect.width):
        draw.text(surface, fonts, line, st.hint, st.dim, (caption_rect.centerx, y), anchor="midtop")
        y += fonts.line_height(st.hint)
