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
in the tallest band clear of the words, over a box's edge and padding but never a word of it (`free_band`). A
screen that declares none has them below its heading (`Screen.header_bottom()`), never over it.
"""
from __future__ import annotations

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

Kept = tuple[pygame.Rect, pygame.Rect]  # a box on screen a toast must not hide, and the area of its words in it
Place = pygame.Rect | Sequence[Kept] | None  # what `Screen.toast_place` says: a free place, or what to keep clear


def free_band(top: int, kept: Sequence[Kept], needed: int) -> pygame.Rect:
    """The full-width band from `top` down to the screen's foot where toasts go among the `kept` boxes: the tallest
    clear of every box when it is `needed` px tall, else the tallest clear of their words."""
    def tallest(rects: list[pygame.Rect]) -> pygame.Rect:
        bands, y = [], top
        for rect in sorted(rects, key=lambda r: r.top):
            bands.append(pygame.Rect(0, y, WIDTH, max(0, rect.top - y)))
            y = max(y, rect.bottom)
        bands.append(pygame.Rect(0, y, WIDTH, max(0, HEIGHT - y)))
        return max(bands, key=lambda band: band.height)
    clear = tallest([box for box, _ in kept])
    return clear if clear.height >= needed else tallest([words for _, words in kept])


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
        from `top` down: `free_band`), the newest that fit in it (the newest always), stacked and centred on its
        middle, kept on the screen. Where not even a band clear of the words is a toast tall (a dense card at large
        text), the type steps down until the newest fits, never below the default text's size."""
        size = theme.small_size
        shown = [text for text, _ in self._items[-MOST:]]
        y, centre = max(MARGIN, top + MARGIN), WIDTH // 2
        if place is not None and not isinstance(place, pygame.Rect):
            place = free_band(top, place, self._size(fonts, size, shown[-1])[1]) if shown else None
            least = min(size, math.ceil(size / fonts.scale))  # the toast's size at 100% text
            while place is not None and size > least and self._size(fonts, size, shown[-1])[1] > place.height:
                size -= 1
        sizes = [(text, self._size(fonts, size, text)) for text in shown]
        if place is not None:
            while len(sizes) > 1 and sum(h + BETWEEN for _, (_, h) in sizes) - BETWEEN > place.height:
                sizes.pop(0)
            stack = sum(h + BETWEEN for _, (_, h) in sizes) - BETWEEN
            y, centre = max(0, min(HEIGHT - stack, place.centery - stack // 2)), place.centerx
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
            draw.panel(surface, rect, theme, alpha=240, edge=theme.accent, radius=10)
            draw.text_block(surface, fonts, text, size, theme.text, rect.inflate(-40, -12), spacing=1.0)
