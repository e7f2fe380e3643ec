"""An event's card: lane, title, date, text, details, the sources' differing accounts, sources and links.

`card_layout` sets the whole card (text runs, boxes, buttons) before anything is drawn; the same
button rectangles are hit-tested. The largest text size at which the card fits is used; at the
smallest, text that still does not fit scrolls (PgUp / PgDn or the wheel) with a scroll bar.
Sources are named by their titles, never by their ids.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import pygame

from ...timeline.model import Event, Timeline
from ...ui import draw
from ...ui.fonts import FontBook
from ...ui.theme import Colour
from ...words import t
from .style import Style

SPACING = 1.08
RADIUS = 14          # the card's corners


@dataclass(frozen=True)
class Run:
    """One line of text in the card body (x, y from the body's top left, before scrolling)."""

    text: str
    size: int
    role: str            # a Style colour field, or "lane" for the event's lane colour
    bold: bool
    x: int
    y: int
    link: str = ""       # an event id: clicking this line opens that event's card
    w: int = 0           # its width (for hit-tests)


@dataclass
class CardLayout:
    """Where an event card's body, text runs, boxes and buttons go."""

    rect: pygame.Rect
    body: pygame.Rect                         # the visible part of the body (text is clipped to it)
    runs: list[Run] = field(default_factory=list)
    boxes: list[tuple[pygame.Rect, str]] = field(default_factory=list)   # (rect in body coordinates, role)
    height: int = 0                           # the body's full height
    buttons: dict[str, tuple[pygame.Rect, str]] = field(default_factory=dict)
    more: tuple[pygame.Rect, str] | None = None   # "PgDn: more" when the body scrolls
    size: int = 0                             # the card text size used
    scroll: int = 0                           # px scrolled
    step: int = 1                             # px per scrolled line

    @property
    def max_scroll(self) -> int:
        return max(0, self.height - self.body.height)

    def moved(self, dx: int, dy: int) -> CardLayout:
        """The same card, drawn `dx`, `dy` px further (its body's runs and boxes go with the body)."""
        return replace(self, rect=self.rect.move(dx, dy), body=self.body.move(dx, dy),
                       buttons={key: (rect.move(dx, dy), label) for key, (rect, label) in self.buttons.items()},
                       more=(self.more[0].move(dx, dy), self.more[1]) if self.more else None)

    def links(self, fonts: FontBook) -> list[tuple[str, pygame.Rect]]:
        """(event id, where on screen) of each related-event line wholly visible in the body."""
        out = []
        for run in self.runs:
            if run.link:
                rect = pygame.Rect(self.body.left + run.x, self.body.top - self.scroll + run.y, run.w,
                                   fonts.line_height(run.size))
                if self.body.contains(rect):
                    out.append((run.link, rect))
        return out


class _Setter:
    """Lays text top to bottom in a column, wrapping each block."""

    def __init__(self, fonts: FontBook, width: int):
        self.fonts, self.width = fonts, width
        self.y = 0
        self.runs: list[Run] = []
        self.boxes: list[tuple[pygame.Rect, str]] = []

    def block(self, value: str, size: int, role: str, bold: bool = False, link: str = "") -> None:
        step = round(self.fonts.line_height(size) * SPACING)
        for line in self.fonts.wrap(value, size, self.width, bold):
            self.runs.append(Run(line, size, role, bold, 0, self.y, link, self.fonts.width(line, size, bold)))
            self.y += step

    def gap(self, px: int) -> None:
        self.y += round(px * self.fonts.scale)


def _set_body(fonts: FontBook, st: Style, timeline: Timeline, event: Event, width: int, size: int) -> _Setter:
    s = _Setter(fonts, width)
    lane = timeline.lane(event.lane)
    index = timeline.index_of(event.id) + 1
    s.block(t("card.lane_event", lane=(lane.title if lane else event.lane).upper(), number=index,
              count=len(timeline.events)),
            st.hint, "lane", bold=True)
    s.gap(2)
    s.block(event.title, max(st.title, size), "text", bold=True)
    s.block(event.when, max(st.hint, size - 2), "accent", bold=True)
    s.gap(6)
    s.block(event.text, size, "text")
    if event.shown_details:
        s.gap(4)
        for label, value in event.shown_details:
            s.block(f"{label.capitalize()}: {timeline.readable(value)}", max(st.hint, size - 2), "dim")
    if event.differ:
        s.gap(8)
        s.block(t("card.differ"), st.hint, "differ", bold=True)
        s.gap(2)
        _set_differ(s, st, timeline, event, max(st.hint, size - 2))
    s.gap(8)
    s.block(timeline.source_line(event), st.small, "dim")
    related = [timeline.event(r) for r in event.related if timeline.event(r)]
    if related:
        s.gap(4)
        s.block(t("card.related"), st.small, "dim")
        for other in related:
            s.block(f"→ {other.title} ({other.short_date})", st.small, "accent", link=other.id)
    return s


def _set_differ(s: _Setter, st: Style, timeline: Timeline, event: Event, size: int) -> None:
    """The accounts side by side when each column is wide enough, else one under the other."""
    fonts = s.fonts
    inner = round(12 * fonts.scale)
    n = len(event.differ)
    col_w = (s.width - 16 * (n - 1)) // n
    side_by_side = col_w >= 300 * fonts.scale
    if not side_by_side:
        col_w = s.width
    subs = []
    for account in event.differ:
        sub = _Setter(fonts, col_w - 2 * inner)
        sub.block(timeline.source_title(account.source), st.hint, "differ", bold=True)
        sub.gap(2)
        sub.block(account.says, size, "text")
        subs.append(sub)
    tallest = max(sub.y for sub in subs) + 2 * inner
    y = s.y
    for i, sub in enumerate(subs):
        x = i * (col_w + 16) if side_by_side else 0
        h = tallest if side_by_side else sub.y + 2 * inner
        s.boxes.append((pygame.Rect(x, y, col_w, h), "differ"))
        s.runs += [Run(r.text, r.size, r.role, r.bold, x + inner + r.x, y + inner + r.y) for r in sub.runs]
        if not side_by_side:
            y += h + 8
    s.y = y + tallest + 4 if side_by_side else y


def _buttons(fonts: FontBook, st: Style, event: Event, row: pygame.Rect,
             can_play: bool) -> dict[str, tuple[pygame.Rect, str]]:
    """The card's buttons in one row: full labels when they fit, else short ones."""
    play, close = t("card.play_enter"), t("card.close")
    full = [("play", play), ("prev", t("card.previous")), ("next", t("card.next")), ("close", close)]
    arrows = [("prev", "◀"), ("next", "▶"), ("close", close)]
    choices = (full, [("play", play)] + arrows, [("play", t("card.play_moment"))] + arrows,
               [("play", t("card.play"))] + arrows)
    pad = round(14 * fonts.scale)
    for specs in choices:      # the longest words that fit in one row
        specs = [s for s in specs if s[0] != "play" or (event.scene and can_play)]
        widths = [fonts.width(label, st.small, True) + 2 * pad for _, label in specs]
        if sum(widths) + 10 * (len(specs) - 1) <= row.width:
            break
    out, x = {}, row.left
    for (key, label), w in zip(specs, widths, strict=False):
        out[key] = (pygame.Rect(x, row.top, w, row.height), label)
        x += w + 10
    return out


def card_layout(fonts: FontBook, st: Style, timeline: Timeline, event: Event, rect: pygame.Rect, can_play: bool,
                scroll_lines: int) -> CardLayout:
    pad_x, pad_y = round(24 * fonts.scale), round(14 * fonts.scale)
    inner = rect.inflate(-2 * pad_x, -2 * pad_y)
    button_h = fonts.line_height(st.small) + round(12 * fonts.scale)
    row = pygame.Rect(inner.left, inner.bottom - button_h, inner.width, button_h)
    body = pygame.Rect(inner.left, inner.top, inner.width, row.top - 10 - inner.top)
    for size in st.card_sizes:
        s = _set_body(fonts, st, timeline, event, body.width, size)
        if s.y <= body.height:
            break
    bar = round(14 * fonts.scale)
    if s.y > body.height:   # it scrolls: leave room for the scroll bar
        s = _set_body(fonts, st, timeline, event, body.width - bar, size)
    layout = CardLayout(rect, body, s.runs, s.boxes, s.y, _buttons(fonts, st, event, row, can_play), size=size)
    layout.step = round(fonts.line_height(st.card_sizes[-1]) * SPACING)
    layout.scroll = min(layout.max_scroll, scroll_lines * layout.step)
    if layout.max_scroll:
        label = t("card.more") if layout.scroll < layout.max_scroll else t("card.back_up")
        w = fonts.width(label, st.hint)
        used = max(r.right for r, _ in layout.buttons.values())
        spot = pygame.Rect(row.right - w, row.centery - fonts.line_height(st.hint) // 2, w, fonts.line_height(st.hint))
        if spot.left > used + 10:
            layout.more = (spot, label)
    return layout


def _colour(st: Style, role: str, lane: Colour) -> Colour:
    return lane if role == "lane" else getattr(st, role)


def draw_card(surface: pygame.Surface, fonts: FontBook, st: Style, layout: CardLayout, lane: Colour) -> None:
    rect, body = layout.rect, layout.body
    _draw_plate(surface, st, rect, lane)
    dy = body.top - layout.scroll
    with draw.clip(surface, body):
        for box, role in layout.boxes:
            draw.box(surface, _colour(st, role, lane), box.move(body.left, dy), width=2, radius=8)
        for run in layout.runs:
            y = run.y + dy
            if body.top - fonts.line_height(run.size) < y < body.bottom:
                draw.text(surface, fonts, run.text, run.size, _colour(st, run.role, lane), (body.left + run.x, y),
                          bold=run.bold)
    if layout.max_scroll:
        track = pygame.Rect(body.right - round(8 * fonts.scale), body.top, round(8 * fonts.scale), body.height)
        draw.box(surface, st.grid, track, radius=4)
        h = max(24, track.height * body.height // layout.height)
        y0 = track.top + (track.height - h) * layout.scroll // layout.max_scroll
        draw.box(surface, st.accent, pygame.Rect(track.left, y0, track.width, h), radius=4)
    for key, (r, label) in layout.buttons.items():
        primary = key == "play"
        draw.box(surface, st.accent if primary else st.button, r, radius=10)
        if st.high_contrast and not primary:
            draw.box(surface, st.text, r, width=2, radius=10)
        draw.text(surface, fonts, label, st.small, st.on_accent if primary else st.text, r.center, anchor="center",
                  bold=True)
    if layout.more:
        spot, label = layout.more
        draw.text(surface, fonts, label, st.hint, st.dim, spot.topleft)


def _draw_plate(surface: pygame.Surface, st: Style, rect: pygame.Rect, lane: Colour) -> None:
    draw.box(surface, st.panel, rect, radius=RADIUS)
    draw.box(surface, lane, rect, width=3 if st.high_contrast else 2, radius=RADIUS)


class CardPicture:
    """The open card, drawn once per layout, lane colour and style and then blitted. Its four rounded corners
    are blitted through a colour key: a corner holds only the panel, the lane-coloured edge (neither is
    anti-aliased) and, outside the curve, pixels left in a colour that is neither (no text or button
    reaches a corner: the body and the buttons keep 24 px from the sides)."""

    def __init__(self) -> None:
        self._picture: pygame.Surface | None = None
        self._corners: pygame.Surface | None = None   # the four corners side by side, outside them keyed out
        self._for: tuple[CardLayout, Colour, Style] | None = None

    def draw(self, surface: pygame.Surface, fonts: FontBook, st: Style, layout: CardLayout, lane: Colour) -> None:
        rect, r = layout.rect, RADIUS
        spots = (rect.topleft, (rect.right - r, rect.top), (rect.left, rect.bottom - r),
                 (rect.right - r, rect.bottom - r))
        if self._for is None or self._for[0] is not layout or self._for[1:] != (lane, st):
            self._draw(surface, fonts, st, layout, lane, spots)
        w, h = rect.size
        for area in (pygame.Rect(r, 0, w - 2 * r, r), pygame.Rect(0, r, w, h - 2 * r),
                     pygame.Rect(r, h - r, w - 2 * r, r)):
            surface.blit(self._picture, area.move(rect.topleft), area)
        for k, spot in enumerate(spots):
            surface.blit(self._corners, spot, pygame.Rect(k * r, 0, r, r))

    def _draw(self, surface: pygame.Surface, fonts: FontBook, st: Style, layout: CardLayout, lane: Colour,
              spots: tuple) -> None:
        rect, r = layout.rect, RADIUS
        if self._picture is None or self._picture.get_size() != rect.size:
            self._picture = pygame.Surface(rect.size, 0, surface)
            self._corners = pygame.Surface((4 * r, r), 0, surface)
        outside = next(c for c in ((1, 2, 3), (4, 5, 6), (7, 8, 9)) if c not in (tuple(st.panel), tuple(lane)))
        self._picture.fill(outside)
        draw_card(self._picture, fonts, st, layout.moved(-rect.left, -rect.top), lane)
        for k, (x, y) in enumerate(spots):
            self._corners.blit(self._picture, (k * r, 0), pygame.Rect(x - rect.left, y - rect.top, r, r))
        self._corners.set_colorkey(outside)
        self._for = (layout, lane, st)
