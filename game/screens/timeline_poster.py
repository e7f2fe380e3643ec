"""The whole timeline as one printable poster (A4 landscape at 300 dpi: 4960 x 3508 pixels).

A poster cannot zoom, so it uses the broken axis differently: each stretch of time that
holds events becomes a column (with the squeezed gap written between columns), each lane a
row, and every event is written out in its cell with its date, title and source tags. The
legend names each source by its title. `high_contrast` prints black on white with darker lane
colours and heavier rules (an App's own setting is used when an App is given).
Works headless (SDL_VIDEODRIVER=dummy): it needs fonts, not a window. Draws through the UI kit.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pygame

from ..timeline.layout import Axis, event_positions
from ..timeline.model import Event, Timeline
from ..ui import draw
from ..ui.fonts import FontBook
from ..ui.png import png_bytes
from ..ui.theme import Colour, hex_colour
from ..words import t

SIZE = (4960, 3508)


@dataclass(frozen=True)
class Ink:
    """The poster's colours: paper and ink, in print or in high contrast."""

    paper: Colour
    ink: Colour
    muted: Colour
    header: Colour      # behind the column headings
    lane_dark: float    # a lane colour is multiplied by this for its titles and dots
    lane_pale: float    # ... and mixed with this much white for its band (1.0: a white band with an edge)
    rule: int           # line width at full size

    def dark(self, colour: Colour) -> Colour:
        return tuple(round(c * self.lane_dark) for c in colour)

    def pale(self, colour: Colour) -> Colour:
        return tuple(round(c * (1 - self.lane_pale) + 255 * self.lane_pale) for c in colour)


PRINT = Ink((250, 248, 242), (20, 22, 30), (90, 94, 108), (228, 224, 214), 0.6, 0.85, 3)
HIGH_CONTRAST = Ink((255, 255, 255), (0, 0, 0), (0, 0, 0), (225, 225, 225), 0.4, 1.0, 6)


def _columns(timeline: Timeline, axis: Axis, positions: dict[str, float]) -> list[tuple[str, list[Event]]]:
    columns: list[tuple[str, list[Event]]] = []
    for seg in axis.segments:
        events = [e for e in timeline.dated() if seg.u0 - 1e-6 <= positions[e.id] <= seg.u1 + 1e-6]
        y0 = dt.date.fromordinal(int(seg.t0 + 40)).year
        y1 = dt.date.fromordinal(int(seg.t1 - 40)).year
        columns.append((str(y0) if y0 == y1 else f"{y0}–{y1}", events))
    if timeline.undated():
        columns.append((t("timeline.undated"), timeline.undated()))
    return columns


def source_tags(timeline: Timeline) -> dict[str, str]:
    """A short tag per source for the poster's brackets: the initial of its title, or a number if initials clash."""
    initials = {sid: title[:1].upper() for sid, title in timeline.sources.items()}
    if len(set(initials.values())) == len(initials):
        return initials
    return {sid: str(i + 1) for i, sid in enumerate(timeline.sources)}


def _lines(event: Event, tags: dict[str, str], previous: Event | None = None) -> list[tuple[str, bool]]:
    """The text lines of one event; award rows under the same ceremony share one heading."""
    tags = ",".join(tags.get(s, s) for s in event.sources)
    ceremony = event.detail("ceremony")
    if ceremony:
        when = "" if event.short_date in ceremony else f" · {event.short_date}"  # no year twice
        head = [] if previous is not None and previous.detail("ceremony") == ceremony else [(ceremony + when, False)]
        return head + [(f"{event.title}  [{tags}]", True)]
    return [(f"{event.short_date}", False), (f"{event.title}  [{tags}]", True)]


def _cell(events: list[Event], tags: dict[str, str]) -> list[tuple[Event, list[tuple[str, bool]]]]:
    return [(e, _lines(e, tags, events[i - 1] if i else None)) for i, e in enumerate(events)]


def _cell_height(fonts: FontBook, cell, pt: int, width: int) -> int:
    h = 0
    for e, lines in cell:
        h += sum(len(fonts.wrap(text, pt, width, bold)) for text, bold in lines) * fonts.line_height(pt)
        h += round(pt * (0.15 if e.detail("ceremony") else 0.5))
    return h


def _source(holder) -> tuple[str, str, Timeline | None, bool]:
    """(poster title, tagline, timeline, high contrast) from an App, a Library or a Story. The title comes from
    the story (its title and Korean title), so another story's poster names that story."""
    library = getattr(holder, "library", None) or (holder if hasattr(holder, "timeline") else None)
    story = getattr(holder, "story", holder)
    settings = getattr(holder, "settings", None)
    title = getattr(story, "title", "") or t("timeline.view_timeline")
    korean = getattr(story, "korean_title", "")
    title = f"{title} ({korean})" if korean else title
    tagline = getattr(story, "tagline", "")
    return (t("poster.title", title=title), tagline, getattr(library, "timeline", None),
            bool(getattr(settings, "high_contrast", False)))


def export_poster(holder, path: Path, timeline: Timeline | None = None, size: tuple[int, int] = SIZE,
                  high_contrast: bool | None = None) -> Path:
    """Render the poster PNG to `path`. `holder` is an App, a Library or a Story (for the title; an App's or a
    Library's timeline when none is given; an App's high-contrast setting when `high_contrast` is None)."""
    if not pygame.font.get_init():
        pygame.font.init()
    title, tagline, own, app_contrast = _source(holder)
    timeline = timeline or own or Timeline((), (), ())
    ink = HIGH_CONTRAST if (app_contrast if high_contrast is None else high_contrast) else PRINT
    fonts = FontBook()
    tags = source_tags(timeline)
    W, H = size
    k = W / SIZE[0]
    surface = pygame.Surface(size)
    surface.fill(ink.paper)
    margin = round(110 * k)
    draw.text(surface, fonts, title, round(96 * k) if fonts.width(title, round(96 * k), True) <= W - 2 * margin
              else round(72 * k), ink.ink, (margin, margin), bold=True)
    sub = (f"{tagline.rstrip('.')}. " if tagline else "") + t("poster.explain")
    for i, line in enumerate(fonts.wrap(sub, round(44 * k), W - 2 * margin)[:2]):
        draw.text(surface, fonts, line, round(44 * k), ink.muted,
                  (margin, margin + round(125 * k) + i * fonts.line_height(round(44 * k))))
    axis, positions = event_positions(timeline)
    columns = _columns(timeline, axis, positions)
    gutter = round(430 * k)
    top = margin + round(300 * k)
    legend_h = round(130 * k) + round(56 * k) * max(1, len(tags)) + round(80 * k)
    grid_w = W - 2 * margin - gutter
    gap_w = round(70 * k)
    weights = [max(1.0, min(4.0, len(evs) / 4)) for _, evs in columns] or [1.0]
    unit = (grid_w - gap_w * (len(columns) - 1)) / sum(weights)
    xs, x = [], margin + gutter
    for w in weights:
        xs.append((round(x), round(w * unit)))
        x += w * unit + gap_w
    lanes = timeline.lanes
    avail = H - top - legend_h - round(120 * k)
    pad = round(40 * k)   # the dot's indent and a margin: cells wrap at the column's width less this
    for size_pt in (44, 40, 36, 33, 30, 27, 24, 22, 20, 18, 16, 14):   # the largest text at which every cell fits
        pt = round(size_pt * k)
        heights = [max(max((_cell_height(fonts, _cell([e for e in evs if e.lane == lane.id], tags), pt, cw - pad)
                            for (_label, evs), (_cx, cw) in zip(columns, xs, strict=False)), default=0)
                       + round(40 * k), round(150 * k)) for lane in lanes]
        if sum(heights) <= avail:
            break
    y = top
    for (label, _), (cx, cw) in zip(columns, xs, strict=False):
        draw.box(surface, ink.header, pygame.Rect(cx, y, cw, round(70 * k)), radius=round(12 * k))
        head = next((round(pt_ * k) for pt_ in (46, 42, 38, 34, 30) if fonts.width(label, round(pt_ * k), True)
                     <= cw - round(16 * k)), round(30 * k))
        draw.text(surface, fonts, label, head, ink.ink, (cx + cw // 2, y + round(35 * k)), anchor="center", bold=True)
    for (_u0, _u1, days), (cx, _cw) in zip(axis.breaks(), xs[1:], strict=False):
        years = days / 365.25
        text = t("timeline.gap_years", n=f"{years:.0f}") if years >= 1.5 else \
            t("timeline.gap_months", n=f"{days / 30.44:.0f}")
        draw.text(surface, fonts, text, round(26 * k), ink.muted, (cx - gap_w // 2, y + round(20 * k)),
                  anchor="midtop", bold=True)
    y += round(90 * k)
    for lane, h in zip(lanes, heights, strict=False):
        colour = hex_colour(lane.colour)
        dark, band = ink.dark(colour), pygame.Rect(margin, y, W - 2 * margin, h - round(10 * k))
        draw.box(surface, ink.pale(colour), band, radius=round(14 * k))
        if ink.lane_pale >= 1.0:
            draw.box(surface, dark, band, width=max(1, round(ink.rule * k)), radius=round(14 * k))
        draw.box(surface, dark, pygame.Rect(margin, y, round(16 * k), band.height), radius=round(8 * k))
        step = fonts.line_height(round(46 * k))
        for i, line in enumerate(fonts.wrap(lane.title, round(46 * k), gutter - round(60 * k), True)):
            draw.text(surface, fonts, line, round(46 * k), dark, (margin + round(36 * k), y + round(20 * k) + i * step),
                      bold=True)
        for (_label, evs), (cx, cw) in zip(columns, xs, strict=False):
            ty = y + round(16 * k)
            for e, lines in _cell([e for e in evs if e.lane == lane.id], tags):
                draw.circle(surface, dark, (cx + round(4 * k), ty + fonts.line_height(pt) // 2), round(9 * k))
                for text, bold in lines:
                    for line in fonts.wrap(text, pt, cw - pad, bold):
                        draw.text(surface, fonts, line, pt, ink.ink if bold else dark, (cx + round(22 * k), ty),
                                  bold=bold)
                        ty += fonts.line_height(pt)
                ty += round(pt * (0.15 if e.detail("ceremony") else 0.5))
        y += h
    y = H - legend_h - margin // 2
    draw.line(surface, ink.ink, (margin, y), (W - margin, y), max(1, round(ink.rule * k)))
    y += round(24 * k)
    draw.text(surface, fonts, t("poster.sources"), round(44 * k), ink.ink, (margin, y), bold=True)
    for i, (sid, tag) in enumerate(tags.items()):
        draw.text(surface, fonts, f"[{tag}]  {timeline.source_title(sid)}", round(38 * k), ink.ink,
                  (margin + round(260 * k), y + i * round(56 * k)))
    note = t("poster.note")
    draw.text(surface, fonts, note, round(32 * k), ink.muted,
              (margin, y + round(56 * k) * max(1, len(tags)) + round(20 * k)))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png_bytes(surface))
    return path
