"""Toasts: short messages ("Saved.", "Could not save: ...") in compact boxes near the top.

A toast belongs to the screen that was on top when it first showed; when another screen comes
to the top, it goes (messages never follow the player into the next screen); when the player
switches language, toasts said in the old one go too (they are finished sentences, and a Korean
screen should not keep an English one for its seconds). Toasts sit below the top screen's heading
(`Screen.header_bottom()`), never over it; a screen whose heading bar has room for them and whose
top rows must stay in sight (the timeline's era labels and open card) gives `toast_place()`.
"""
from __future__ import annotations

from collections.abc import Iterator

import pygame

from .. import words
from . import draw
from .fonts import FontBook
from .theme import WIDTH, Theme

MARGIN = 10
MOST = 3  # shown at once (the newest)


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
               place: pygame.Rect | None = None) -> list[tuple[str, pygame.Rect]]:
        """Each shown toast's box, as wide as its text: centred and stacked from `top`; or, where the screen
        gives a `place` (a stretch of its heading bar: below it are things a toast must not hide), centred on
        it, the first on its middle line, kept on the screen."""
        y, size, out = max(MARGIN, top + MARGIN), theme.small_size, []
        for n, (text, _) in enumerate(self._items[-MOST:]):
            rows = fonts.wrap(text, size, WIDTH - 240)
            w = max(fonts.width(row, size) for row in rows) + 40
            h = len(rows) * fonts.line_height(size) + 12
            x = (WIDTH - w) // 2
            if place is not None:
                x = max(MARGIN, min(WIDTH - MARGIN - w, place.centerx - w // 2))
                if n == 0:
                    y = place.top + max(0, (place.height - h) // 2)
            out.append((text, pygame.Rect(x, y, w, h)))
            y += h + 6
        return out

    def draw(self, surface: pygame.Surface, fonts: FontBook, theme: Theme, top: int,
             place: pygame.Rect | None = None) -> None:
        for text, rect in self.layout(fonts, theme, top, place):
            draw.panel(surface, rect, theme, alpha=240, edge=theme.accent, radius=10)
            draw.text_block(surface, fonts, text, theme.small_size, theme.text, rect.inflate(-40, -12), spacing=1.0)
