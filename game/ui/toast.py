"""Toasts: short messages ("Saved.", "Could not save: ...") in compact boxes near the top.

A toast belongs to the screen that was on top when it first showed; when another screen comes
to the top, it goes (messages never follow the player into the next screen); when the player
switches language, toasts said in the old one go too (they are finished sentences, and a Korean
screen should not keep an English one for its seconds).

Where they go: in the place the top screen declares free for them (`Screen.toast_place()`), centred on
its middle line (a stretch of the timeline's heading bar, the save and load screens' key hints), as many
of the newest as fit there; nothing moves when one comes. A screen may instead say what is on it that a toast
must not hide, as boxes stacked down the screen each with the area of its words (a content note and its options, a
card under a page's heading): the toasts go in the tallest band clear of the boxes when the newest fits there, else
beside them, else clear of their words, over a box's edge and padding but never a word of it (`place_among`); words
that give way for its seconds (a footer's key hints) it covers whole, never cut across, and they never show through
it. A screen that declares none has them below its heading (`Screen.header_bottom()`), never over it.
"""
from __future__ import annotations

import functools
import math
from collections.abc import Iterator, Sequence

import pygame

from .. import words
from . import draw
from .fonts import FontBook
from .theme import HEIGHT, WIDTH, Theme

MARGIN = 10
MOST = 3  # shown at once (the newest)
BETWEEN = 6  # px between stacked toasts

# a box on screen a toast must not hide, and the area of its words in it (empty: words that may give way for a toast's
# seconds, as a footer's key hints do, once there is no other room)
Kept = tuple[pygame.Rect, pygame.Rect]
Place = pygame.Rect | Sequence[Kept] | None  # what `Screen.toast_place` says: a free place, or what to keep clear


def place_among(top: int, kept: Sequence[Kept], size: tuple[int, int]) -> pygame.Rect:
    """Where a toast of `size` goes among the `kept` boxes, below `top`: the tallest full-width band clear of every
    box, if the toast fits in it; else the nearest spot beside or between them that is clear (a grid of buttons
    leaves room beside its shorter column); else the same two clear of their words only; else the tallest band
    clear of their words, however short (the toast steps down and may cross a box's edge)."""
    near = None
    for rects in ([box for box, _ in kept], [area for _, area in kept]):
        band = _tallest_band(top, rects)
        near = near or band.center  # (spots nearest to where the band clear of the boxes is)
        if band.height >= size[1]:
            return band
        spot = _clear_spot(top, rects, size, near)
        if spot is not None:
            return spot
    return band


def _tallest_band(top: int, rects: list[pygame.Rect]) -> pygame.Rect:
    bands, y = [], top
    for rect in sorted((r for r in rects if r.width and r.height), key=lambda r: r.top):
        bands.append(pygame.Rect(0, y, WIDTH, max(0, rect.top - y)))
        y = max(y, rect.bottom)
    bands.append(pygame.Rect(0, y, WIDTH, max(0, HEIGHT - y)))
    return max(bands, key=lambda band: band.height)


@functools.lru_cache(maxsize=32)
def _clear_spot_of(top: int, rects: tuple[tuple[int, int, int, int], ...], size: tuple[int, int],
                   near: tuple[int, int]) -> tuple[int, int, int, int] | None:
    w, h = size
    xs = {MARGIN, WIDTH - MARGIN - w, near[0] - w // 2}
    ys = {top + MARGIN, HEIGHT - MARGIN - h}
    for x, y, rw, rh in rects:  # touching a box's side, or a margin away from it
        xs.update((x, x + rw - w, x + rw + MARGIN, x - MARGIN - w))
        ys.update((y + rh + MARGIN // 2, y - MARGIN // 2 - h))
    spots = [pygame.Rect(x, y, w, h) for y in ys if top <= y <= HEIGHT - h for x in xs if 0 <= x <= WIDTH - w]
    clear = [spot for spot in spots if spot.collidelist(rects) < 0]
    best = min(clear, key=lambda s: (s.centerx - near[0]) ** 2 + (s.centery - near[1]) ** 2, default=None)
    return tuple(best) if best is not None else None


def _clear_spot(top: int, rects: list[pygame.Rect], size: tuple[int, int],
                near: tuple[int, int]) -> pygame.Rect | None:
    """The spot of `size` below `top` that meets none of `rects`, nearest to `near` (worked out once for a screen
    that stays the same: a toast shows for a few seconds)."""
    spot = _clear_spot_of(top, tuple(tuple(r) for r in rects if r.width and r.height), size, near)
    return pygame.Rect(spot) if spot is not None else None


class Toast(tuple):
    """(text, seconds left), plus the screen it belongs to and the language it was said in."""

    owner: object | None
    language: str

    def __new__(cls, text: str, left: float, owner: object | None = None, language: str | None = None) -> Toast:
        toast = super().__new__(cls, (text, left))
        toast.owner = owner
        toast.language = language or words.language()
        return toast


class Toasts:
    """The messages waiting to be shown; iterates as (text, seconds left) pairs."""

    def __init__(self, messages: tuple[str, ...] | list[str] = (), seconds: float = 6.0):
        self._items: list[Toast] = [Toast(m, seconds) for m in messages]

    def notify(self, text: str, seconds: float = 3.5) -> None:
        self._items.append(Toast(text, seconds))

    def clear(self) -> None:
        self._items.clear()

    def __iter__(self) -> Iterator[Toast]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def update(self, dt: float, top: object | None) -> None:
        """Count down; claim new toasts for the top screen; drop those of a screen no longer on top, and those
        said in another language than the player's now."""
        if not self._items:
            return
        kept, language = [], words.language()
        for toast in self._items:
            owner = toast.owner if toast.owner is not None else top
            if owner is top and toast[1] - dt > 0 and toast.language == language:
                kept.append(Toast(toast[0], toast[1] - dt, owner, language))
        self._items = kept

    def layout(self, fonts: FontBook, theme: Theme, top: int,
               place: Place = None) -> list[tuple[str, pygame.Rect, int]]:
        """Each shown toast's text, box (as wide as its text) and type size: centred and stacked from `top`; or,
        where the screen gives a `place` (around it are things a toast must not hide; or the boxes to keep clear,
        from `top` down: `place_among`), the newest that fit in it (the newest always), stacked and centred on its
        middle, kept on the screen. Where not even a band clear of the words is a toast tall (a dense card at large
        text), the type steps down until the newest fits, but only halfway to its size at 100% text: at 200% a toast
        still reads at 1.5 times that size, over a box's edge if need be."""
        size = theme.small_size
        shown = [text for text, _ in self._items[-MOST:]]
        y, centre = max(MARGIN, top + MARGIN), WIDTH // 2
        giving_way: list[pygame.Rect] = []  # boxes whose words give way (a footer's key hints)
        if place is not None and not isinstance(place, pygame.Rect):
            giving_way = [box for box, area in place if box.width and box.height and not (area.width and area.height)]
            place = place_among(top, place, self._size(fonts, size, shown[-1])) if shown else None
            least = math.ceil((size + size / fonts.scale) / 2)  # halfway to the toast's size at 100% text
            while place is not None and size > least and self._size(fonts, size, shown[-1])[1] > place.height:
                size -= 1
        sizes = [(text, self._size(fonts, size, text)) for text in shown]
        if place is not None:
            while len(sizes) > 1 and sum(h + BETWEEN for _, (_, h) in sizes) - BETWEEN > place.height:
                sizes.pop(0)
            stack = sum(h + BETWEEN for _, (_, h) in sizes) - BETWEEN
            y, centre = max(0, min(HEIGHT - stack, place.centery - stack // 2)), place.centerx
            for box in giving_way:  # ending across words that give way, the toast moves down to cover them whole
                if y <= box.top < y + stack < box.bottom:
                    y = min(HEIGHT, box.bottom) - stack
        out = []
        for text, (w, h) in sizes:
            out.append((text, pygame.Rect(max(MARGIN, min(WIDTH - MARGIN - w, centre - w // 2)), y, w, h), size))
            y += h + BETWEEN
        return out

    @staticmethod
    def _size(fonts: FontBook, size: int, text: str) -> tuple[int, int]:
        """A toast's box in type of `size`: its text's width and lines, with room around them."""
        rows = fonts.wrap(text, size, WIDTH - 240)
        return max(fonts.width(row, size) for row in rows) + 40, len(rows) * fonts.line_height(size) + 12

    def draw(self, surface: pygame.Surface, fonts: FontBook, theme: Theme, top: int, place: Place = None) -> None:
        for text, rect, size in self.layout(fonts, theme, top, place):
            draw.panel(surface, rect, theme, alpha=255, edge=theme.accent, radius=10)  # opaque: no words show through
            draw.text_block(surface, fonts, text, size, theme.text, rect.inflate(-40, -12), spacing=1.0)
