"""The whole timeline as one printable poster (A4 landscape at 300 dpi: 4960 x 3508 pixels).

A poster cannot zoom, so it uses the broken axis differently: each stretch of time that
holds events becomes a column (with the squeezed gap written between columns), each lane a
row, and every event is written out in its cell with its date, title and source tags.
Works headless (SDL_VIDEODRIVER=dummy): it needs fonts, not a window.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pygame

from ..timeline.layout import Axis, event_positions
from ..timeline.model import Event, Timeline
from .fonts import FontBook
from .theme import hex_colour

SIZE = (4960, 3508)
BG, INK, MUTED, ACCENT = (250, 248, 242), (20, 22, 30), (90, 94, 108), (150, 100, 0)


def _columns(timeline: Timeline, axis: Axis, positions: dict[str, float]) -> list[tuple[str, list[Event]]]:
    columns: list[tuple[str, list[Event]]] = []
    for seg in axis.segments:
        events = [e for e in timeline.dated() if seg.u0 - 1e-6 <= positions[e.id] <= seg.u1 + 1e-6]
        y0 = dt.date.fromordinal(int(seg.t0 + 40)).year
        y1 = dt.date.fromordinal(int(seg.t1 - 40)).year
        columns.append((str(y0) if y0 == y1 else f"{y0}–{y1}", events))
    if timeline.undated():
        columns.append(("No date given", timeline.undated()))
    return columns


def source_tags(timeline: Timeline) -> dict[str, str]:
    """A short tag per source for the poster's brackets: the initial of its title, or its id if initials clash."""
    initials = {sid: title[:1].upper() for sid, title in timeline.sources.items()}
    return initials if len(set(initials.values())) == len(initials) else {sid: sid for sid in timeline.sources}


def _lines(event: Event, tags: dict[str, str], previous: Event | None = None) -> list[tuple[str, bool]]:
    """The text lines of one event; award rows under the same ceremony share one heading."""
    tags = ",".join(tags.get(s, s) for s in event.sources)
    ceremony = event.detail("ceremony")
    if ceremony:
        head = [] if previous is not None and previous.detail("ceremony") == ceremony else \
            [(f"{ceremony} · {event.short_date}", False)]
        return head + [(f"{event.title}  [{tags}]", True)]
    return [(f"{event.short_date}", False), (f"{event.title}  [{tags}]", True)]


def _cell(events: list[Event], tags: dict[str, str]) -> list[tuple[Event, list[tuple[str, bool]]]]:
    return [(e, _lines(e, tags, events[i - 1] if i else None)) for i, e in enumerate(events)]


def export_poster(app_or_story, path: Path, timeline: Timeline | None = None, size: tuple[int, int] = SIZE) -> Path:
    """Render the poster PNG to `path`; `app_or_story` is an App or a loaded Story (for the title)."""
    if not pygame.font.get_init():
        pygame.font.init()
    story = getattr(app_or_story, "story", app_or_story)
    if timeline is None:
        library = getattr(app_or_story, "library", None)  # an App: the timeline of the story it plays
        timeline = (library.timeline if library else None) or Timeline((), (), ())
    fonts = FontBook()
    tags = source_tags(timeline)
    W, H = size
    k = W / 4960
    surface = pygame.Surface(size)
    surface.fill(BG)
    margin = round(110 * k)
    title = f"{getattr(story, 'title', 'Cell 7')} — the real history of Miracle in Cell No. 7 (7번방의 선물)"
    surface.blit(fonts.render(title, round(96 * k), INK, True), (margin, margin))
    sub = ("Each column is a stretch of time that holds events; the empty years between them are squeezed "
           "(their length is written between the columns). Letters in brackets name the source.")
    surface.blit(fonts.render(sub, round(44 * k), MUTED), (margin, margin + round(130 * k)))
    axis, positions = event_positions(timeline)
    columns = _columns(timeline, axis, positions)
    gutter = round(430 * k)
    top = margin + round(300 * k)
    legend_h = round(260 * k)
    grid_w = W - 2 * margin - gutter
    gap_w = round(70 * k)
    weights = [max(1.0, min(4.0, len(evs) / 4)) for _, evs in columns]
    unit = (grid_w - gap_w * (len(columns) - 1)) / sum(weights)
    xs, x = [], margin + gutter
    for w in weights:
        xs.append((round(x), round(w * unit)))
        x += w * unit + gap_w
    # choose the largest text size at which every cell fits
    lanes = timeline.lanes
    avail = H - top - legend_h - round(120 * k)
    for size_pt in (44, 40, 36, 33, 30, 27, 24, 22, 20, 18, 16, 14):
        pt = round(size_pt * k)
        heights = []
        for lane in lanes:
            tallest = 0
            for (_label, evs), (_cx, cw) in zip(columns, xs):
                h = 0
                for e, lines in _cell([e for e in evs if e.lane == lane.id], tags):
                    for text, bold in lines:
                        h += len(fonts.wrap(text, pt, cw - 24, bold)) * fonts.line_height(pt)
                    h += round(pt * (0.5 if not e.detail("ceremony") else 0.15))
                tallest = max(tallest, h)
            heights.append(max(tallest + round(40 * k), round(150 * k)))
        if sum(heights) <= avail:
            break
    # column headers and breaks
    y = top
    for (label, _), (cx, cw) in zip(columns, xs):
        pygame.draw.rect(surface, (228, 224, 214), (cx, y, cw, round(70 * k)), border_radius=round(12 * k))
        head = fonts.render(label, round(46 * k), INK, True)
        surface.blit(head, (cx + (cw - head.get_width()) // 2, y + round(8 * k)))
    for (_u0, _u1, days), (cx, _cw) in zip(axis.breaks(), xs[1:]):
        years = days / 365.25
        text = f"≈{years:.0f} yrs" if years >= 1.5 else f"≈{days / 30.44:.0f} mo"
        mark = fonts.render(text, round(26 * k), MUTED, True)
        surface.blit(mark, (cx - gap_w // 2 - mark.get_width() // 2, y + round(20 * k)))
    y += round(90 * k)
    for lane, h in zip(lanes, heights):
        colour = hex_colour(lane.colour)
        dark = tuple(round(c * 0.6) for c in colour)
        pale = tuple(round(c * 0.15 + 255 * 0.85) for c in colour)
        pygame.draw.rect(surface, pale, (margin, y, W - 2 * margin, h - 10), border_radius=round(14 * k))
        pygame.draw.rect(surface, dark, (margin, y, round(16 * k), h - 10), border_radius=round(8 * k))
        lines = fonts.wrap(lane.title, round(46 * k), gutter - round(60 * k), True)
        step = fonts.line_height(round(46 * k))
        for i, line in enumerate(lines):
            title = fonts.render(line, round(46 * k), dark, True)
            surface.blit(title, (margin + round(36 * k), y + round(20 * k) + i * step))
        for (_label, evs), (cx, cw) in zip(columns, xs):
            ty = y + round(16 * k)
            for e, lines in _cell([e for e in evs if e.lane == lane.id], tags):
                pygame.draw.circle(surface, dark, (cx + round(4 * k), ty + fonts.line_height(pt) // 2), round(9 * k))
                for text, bold in lines:
                    for line in fonts.wrap(text, pt, cw - 24, bold):
                        surface.blit(fonts.render(line, pt, INK if bold else dark, bold), (cx + round(22 * k), ty))
                        ty += fonts.line_height(pt)
                ty += round(pt * (0.5 if not e.detail("ceremony") else 0.15))
        y += h
    # sources legend
    y = H - legend_h - margin // 2
    pygame.draw.line(surface, INK, (margin, y), (W - margin, y), max(1, round(3 * k)))
    y += round(24 * k)
    surface.blit(fonts.render("Sources", round(44 * k), INK, True), (margin, y))
    for i, (sid, tag) in enumerate(tags.items()):
        text = f"[{tag}]  {timeline.source_title(sid)} ({sid})"
        surface.blit(fonts.render(text, round(38 * k), INK), (margin + round(260 * k), y + i * round(56 * k)))
    note = ("Dates marked 'derived' are worked out from the sources (e.g. 16 years after 1997); "
            "'after' / 'before' mean the sources give no exact date. Where the sources disagree, the game shows both.")
    surface.blit(fonts.render(note, round(32 * k), MUTED), (margin, y + round(130 * k)))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(path))
    return path
