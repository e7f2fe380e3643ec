"""The timeline view: legend (lane titles), era strip, lanes, axis breaks, markers with their labels, the axis.

`era_rows` and `axis_ticks` decide where era names and tick labels go (the layout step uses them too);
the `draw_*` functions paint one part each from the frame, the controller's state and the placed
markers, through the UI kit's drawing backend.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from ...timeline.controller import TimelineController
from ...timeline.layout import Placed, Tick, ticks
from ...timeline.model import Era, Timeline
from ...ui import draw
from ...ui.fonts import FontBook
from ...ui.theme import Colour
from ...words import t
from .frame import OUTLINE, ScreenFrame
from .style import Style


@dataclass(frozen=True)
class EraMark:
    """An era's bar above the plot and where its name goes."""

    era: Era
    bar: pygame.Rect
    name: pygame.Rect | None       # where its name goes (None: no room for it whole)


def era_marks(ctl: TimelineController, sf: ScreenFrame, fonts: FontBook, st: Style) -> list[EraMark]:
    """The eras in view, each in the first row where its bar and name are clear of those before it.
    A name runs from the bar's visible start; one that does not fit whole is left out (its bar stays)."""
    plot, out = sf.plot, []
    ends = [-math.inf] * sf.era_rows
    row_h = sf.eras.height // max(1, sf.era_rows)
    for era in ctl.timeline.eras:
        x0 = ctl.view.x(ctl.axis.u(era.span[0]))
        x1 = ctl.view.x(ctl.axis.u(era.span[1]))
        if x1 < plot.left or x0 > plot.right:
            continue
        left, right = max(x0, plot.left), min(x1, plot.right)
        name_w = fonts.width(era.title, st.hint, True)
        for row in range(len(ends)):
            if left < ends[row] + 8:
                continue
            top = sf.eras.top + row * row_h
            bar = pygame.Rect(round(left), top + row_h - 5, max(2, round(right - left)), 4)
            name = pygame.Rect(round(left) + 2, top, name_w, row_h - 5)
            if name.right > plot.right:
                name = None
            ends[row] = max(right, name.right if name else right)
            out.append(EraMark(era, bar, name))
            break
    return out


def axis_ticks(fonts: FontBook, st: Style, ctl: TimelineController, sf: ScreenFrame,
               avoid: pygame.Rect | None = None) -> list[tuple[Tick, pygame.Rect]]:
    """The ticks shown and their labels' rectangles: inside the axis row, clear of 'No date given' and of
    `avoid` (a two-line selection line in the footer)."""
    stop = ctl.plot_right          # the card hides what is right of its edge
    if ctl.axis.undated_count:
        stop = min(stop, ctl.view.x(ctl.axis.undated_u0) - 4)
    if avoid is not None and avoid.top < sf.axis_y + 4 + fonts.line_height(st.hint):
        return []                  # a two-line title in the footer takes the tick row
    marks = ticks(ctl.axis, ctl.view, lambda s: fonts.width(s, st.hint, True), min_px=80 * fonts.scale,
                  bounds=(sf.plot.left + 1, stop - 1))
    out = []
    for tick in marks:
        w = fonts.width(tick.text, st.hint, True)
        out.append((tick, pygame.Rect(round(tick.x - w / 2), sf.axis_y + 4, w, fonts.line_height(st.hint))))
    return out


def undated_label(fonts: FontBook, st: Style, ctl: TimelineController, sf: ScreenFrame,
                  avoid: pygame.Rect | None = None) -> pygame.Rect | None:
    if not ctl.axis.undated_count:
        return None
    x0 = round(ctl.view.x(ctl.axis.undated_u0)) + 6
    rect = pygame.Rect(x0, sf.axis_y + 4, fonts.width(t("timeline.undated"), st.hint, True), fonts.line_height(st.hint))
    fits = sf.plot.left <= rect.left and rect.right <= sf.plot.right and not (avoid and avoid.colliderect(rect))
    return rect if fits else None


def draw_legend(surface: pygame.Surface, fonts: FontBook, st: Style, timeline: Timeline, sf: ScreenFrame,
                solo: str | None, pool: list[str]) -> None:
    """Lane bands across the screen, each lane's title in the gutter, and arrows when lanes above or below
    are not shown (large text)."""
    for i, (lane_id, rect) in enumerate(sf.legend.items()):
        colour = st.lane(timeline.lane(lane_id).colour)
        if i % 2 == 0 and not st.high_contrast:
            draw.box(surface, st.band, pygame.Rect(0, rect.top, surface.get_width(), rect.height))
        draw.box(surface, colour, pygame.Rect(8, rect.top + 6, 6, max(4, rect.height - 12)), radius=3)
        lines = sf.legend_lines[lane_id]
        step = fonts.line_height(st.hint)
        top = rect.centery - len(lines) * step // 2
        for k, line in enumerate(lines):
            draw.text(surface, fonts, line, st.hint, colour, (22, top + k * step), bold=True)
        if solo == lane_id:
            draw.box(surface, st.accent, rect, width=2, radius=6)
    shown = list(sf.legend)
    if shown and len(shown) < len(pool):   # more lanes above or below: ↑ ↓ reach them
        first, last = sf.legend[shown[0]], sf.legend[shown[-1]]
        x = first.right - 14
        if pool.index(shown[0]) > 0:
            draw.polygon(surface, st.accent, [(x - 8, first.top + 14), (x + 8, first.top + 14), (x, first.top + 4)])
        if pool.index(shown[-1]) < len(pool) - 1:
            draw.polygon(surface, st.accent, [(x - 8, last.bottom - 14), (x + 8, last.bottom - 14),
                                              (x, last.bottom - 4)])


def _tint(colour, over, alpha: int):
    return tuple(round(c + (o - c) * alpha / 255) for c, o in zip(colour, over, strict=False))


def draw_ground(surface: pygame.Surface, st: Style, marks: list[EraMark], ctl: TimelineController,
                sf: ScreenFrame) -> None:
    """The plot's background over the chrome's (which has every other lane band lighter): each era tints the
    lane bands behind it (overlapping eras tint twice, in the colours a translucent veil would give), then a
    squeezed stretch of years is darker and the undated column has its own shade, over the whole plot's
    height. Each row of bands is drawn as a few boxes, the plot's whole width, so no copy of the chrome's
    plot is needed under it."""
    plot = sf.plot
    shades = marks if st.era_alpha else []
    cuts = sorted({plot.left, plot.right, *(x for m in shades for x in (m.bar.left, m.bar.right))})
    spans = [(a, b, [st.lane(m.era.colour) for m in shades if m.bar.left <= a and b <= m.bar.right])
             for a, b in zip(cuts, cuts[1:], strict=False)]
    tinted: dict[tuple, Colour] = {}
    for top, bottom, base, banded in _ground_rows(st, sf):
        runs: list[list] = []      # [left, right, colour], left to right
        for a, b, over in spans:
            colour = base
            if banded and over:
                key = (base, *over)
                if key not in tinted:
                    for era in over:
                        colour = _tint(colour, era, st.era_alpha)
                    tinted[key] = colour
                colour = tinted[key]
            if b > plot.right and colour == base:
                continue           # right of the plot the chrome shows, but for an era's shade
            if runs and runs[-1][1] == a and runs[-1][2] == colour:
                runs[-1][1] = b
            else:
                runs.append([a, b, colour])
        for a, b, colour in runs:
            draw.box(surface, colour, pygame.Rect(a, top, b - a, bottom - top))
    with draw.clip(surface, plot):
        for x0, x1, _days in [] if st.high_contrast else _breaks_in_view(ctl, plot):
            draw.box(surface, st.break_fill, pygame.Rect(round(x0), plot.top, max(1, round(x1 - x0)), plot.height))
        undated = round(ctl.view.x(ctl.axis.undated_u0)) if ctl.axis.undated_count else plot.right
        if undated < plot.right:
            draw.box(surface, st.undated_fill, pygame.Rect(undated, plot.top, plot.right - undated, plot.height))


def _ground_rows(st: Style, sf: ScreenFrame) -> list[tuple[int, int, Colour, bool]]:
    """(top, bottom, colour in the chrome, a lane band?) of the plot's rows, top to bottom."""
    rows, y = [], sf.plot.top
    for i, band in enumerate(sf.legend.values()):
        if band.top > y:
            rows.append((y, band.top, st.backdrop, False))
        rows.append((band.top, band.bottom, st.band if i % 2 == 0 and not st.high_contrast else st.backdrop, True))
        y = band.bottom
    if y < sf.plot.bottom:
        rows.append((y, sf.plot.bottom, st.backdrop, False))
    return rows


def _breaks_in_view(ctl: TimelineController, plot: pygame.Rect) -> list[tuple[float, float, float]]:
    """(screen x of its start, of its end, its true length in days) of each squeezed stretch of years that
    reaches the plot."""
    spans = [(ctl.view.x(u0), ctl.view.x(u1), days) for u0, u1, days in ctl.axis.breaks()]
    return [(x0, x1, days) for x0, x1, days in spans if not (x1 < plot.left or x0 > plot.right)]


def draw_eras(surface: pygame.Surface, fonts: FontBook, st: Style, marks: list[EraMark]) -> None:
    """Each era's bar and name above the plot (their shade behind the lanes is `draw_ground`'s)."""
    for mark in marks:
        colour = st.lane(mark.era.colour)
        draw.box(surface, colour, mark.bar, radius=2)
        if mark.name:
            draw.text(surface, fonts, mark.era.title, st.hint, colour, mark.name.topleft, bold=True)


def draw_breaks(surface: pygame.Surface, fonts: FontBook, st: Style, ctl: TimelineController,
                sf: ScreenFrame) -> None:
    """A squeezed stretch of empty years (darker: `draw_ground`): on the axis a short zig-zag and its length;
    the undated column's edge."""
    plot, y = sf.plot, sf.axis_y
    lowest = max((band.line_y for band in sf.bands), default=plot.top) + sf.geo.cluster_r + 2   # its markers too
    with draw.clip(surface, plot.union(sf.axis)):
        for x0, x1, days in _breaks_in_view(ctl, plot):
            mid = (x0 + x1) / 2
            draw.line(surface, st.backdrop, (round(x0) + 2, y), (round(x1) - 2, y), 4)
            draw.lines(surface, st.break_mark, [(mid - 9 + 6 * k, y + (-6 if k % 2 else 6)) for k in range(4)], 2)
            years = days / 365.25
            label = t("timeline.gap_years", n=f"{years:.0f}") if years >= 1.5 else \
                t("timeline.gap_months", n=f"{days / 30.44:.0f}")
            if x1 - x0 > fonts.width(label, st.hint) + 8 and plot.left <= x0 and x1 <= plot.right \
                    and y - 10 - fonts.line_height(st.hint) >= lowest:   # never across the last lane's line
                draw.text(surface, fonts, label, st.hint, st.dim, (round(mid), y - 10), anchor="midbottom")
        if ctl.axis.undated_count:
            x0 = round(ctl.view.x(ctl.axis.undated_u0))
            if x0 < plot.right:
                draw.line(surface, st.undated_text, (x0, plot.top), (x0, y), 2)


def draw_lanes(surface: pygame.Surface, st: Style, timeline: Timeline, sf: ScreenFrame) -> None:
    """Each lane's line across the plot, 3 px thick: a box (the pixels a 3-px line gives, at a fifth of its cost)."""
    for lane_id, band in zip(sf.legend, sf.bands, strict=False):
        line = pygame.Rect(sf.plot.left, round(band.line_y) - 1, sf.plot.width, 3)
        draw.box(surface, st.lane_line(timeline.lane(lane_id).colour), line)


def draw_selected_span(surface: pygame.Surface, st: Style, ctl: TimelineController, sf: ScreenFrame) -> None:
    """An event that lasts (a month, a year, a date with an end) shows its length on its lane."""
    event = ctl.event()
    if event is None or event.undated or event.lane not in sf.legend:
        return
    band = sf.bands[list(sf.legend).index(event.lane)]
    x0 = ctl.view.x(ctl.axis.u(event.date.start()))
    x1 = ctl.view.x(ctl.axis.u((event.end or event.date).end()))
    if x1 - x0 > 6:
        colour = st.lane(ctl.timeline.lane(event.lane).colour)
        draw.box(surface, colour, pygame.Rect(round(x0), round(band.line_y) - 4, round(x1 - x0), 8), radius=4)


def draw_markers(surface: pygame.Surface, fonts: FontBook, st: Style, timeline: Timeline, placed: list[Placed],
                 count_size: int, selected: str | None, hover: tuple[str, ...] | None = None,
                 divider: int | None = None) -> None:
    """Markers and their labels; a cluster's count at `count_size` (ScreenFrame.count_size). A label that reaches
    across the undated column's edge (`divider`, its x) has that edge's line taken out from behind its text: the
    line ran through a word ("Joe Arr|idy")."""
    for p in placed:
        colour = st.lane(timeline.lane(p.lane).colour)
        centre = (round(p.x), round(p.y))
        on = selected in p.ids
        if on:
            draw.circle(surface, st.accent, centre, round(p.r) + 6, 4)
        elif p.ids == hover:
            draw.circle(surface, st.text, centre, round(p.r) + 5, 2)
        draw.circle(surface, colour, centre, round(p.r))
        draw.circle(surface, st.outline, centre, round(p.r), OUTLINE)
        if p.cluster:
            draw.text(surface, fonts, str(len(p.ids)), count_size, st.on_accent, centre, anchor="center", bold=True)
        if p.label_rect:
            x, y = round(p.label_rect[0]), round(p.label_rect[1])
            if divider is not None and x < divider < x + p.label_rect[2]:
                draw.box(surface, st.undated_fill, pygame.Rect(divider - 1, y, 3, round(p.label_rect[3])))
            for k, line in enumerate(p.lines or (p.label,)):
                draw.text(surface, fonts, line, st.label, st.accent if on else st.text,
                          (x, y + k * fonts.line_height(st.label)), bold=True)


def draw_axis(surface: pygame.Surface, fonts: FontBook, st: Style, ctl: TimelineController, sf: ScreenFrame,
              avoid: pygame.Rect | None = None) -> None:
    plot, y = sf.plot, sf.axis_y
    draw.line(surface, st.dim, (plot.left, y), (plot.right, y), 2)
    for tick, rect in axis_ticks(fonts, st, ctl, sf, avoid):
        draw.line(surface, st.dim, (round(tick.x), y - 6), (round(tick.x), y + 4), 2)
        draw.text(surface, fonts, tick.text, st.hint, st.text, rect.topleft, bold=True)
    label = undated_label(fonts, st, ctl, sf, avoid)
    if label:
        draw.text(surface, fonts, t("timeline.undated"), st.hint, st.undated_text, label.topleft, bold=True)
