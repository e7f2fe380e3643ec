"""Small drawing helpers and the one list-of-buttons widget that menus and choices share."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pygame

from .fonts import FontBook
from .input import Action
from .theme import Colour, Theme


def panel(surface: pygame.Surface, rect: pygame.Rect, theme: Theme, alpha: int | None = None,
          edge: Colour | None = None, radius: int = 14) -> None:
    """A translucent rounded panel with a thin edge."""
    layer = pygame.Surface(rect.size, pygame.SRCALPHA)
    pygame.draw.rect(layer, (*theme.panel, theme.panel_alpha if alpha is None else alpha), layer.get_rect(),
                     border_radius=radius)
    if edge:
        pygame.draw.rect(layer, (*edge, 200), layer.get_rect(), width=2, border_radius=radius)
    surface.blit(layer, rect.topleft)


_VEILS: dict[tuple[int, int], pygame.Surface] = {}  # one opaque black surface per size, made once


def shade(surface: pygame.Surface, alpha: int = 150) -> None:
    """Darken everything drawn so far with a cached black veil blitted at this opacity.

    A surface-alpha blit of black is about 0.5-1 ms at 1280x720; multiplying every pixel
    (`fill(..., BLEND_RGB_MULT)`) was 5-9 ms. The results differ by at most 1 per channel.
    """
    size = surface.get_size()
    veil = _VEILS.get(size)
    if veil is None:
        veil = _VEILS[size] = pygame.Surface(size)  # created black
    veil.set_alpha(alpha)
    surface.blit(veil, (0, 0))


def text_block(surface: pygame.Surface, fonts: FontBook, text: str, size: int, colour: Colour,
               rect: pygame.Rect, bold: bool = False, align: str = "left", spacing: float = 1.15) -> int:
    """Draw wrapped text inside `rect`; returns the y just below the last line."""
    y = rect.top
    step = round(fonts.line_height(size) * spacing)
    for line in fonts.wrap(text, size, rect.width, bold):
        image = fonts.render(line, size, colour, bold)
        x = rect.left if align == "left" else rect.centerx - image.get_width() // 2
        surface.blit(image, (x, y))
        y += step
    return y


def block_height(fonts: FontBook, text: str, size: int, width: int, bold: bool = False, spacing: float = 1.15) -> int:
    return len(fonts.wrap(text, size, width, bold)) * round(fonts.line_height(size) * spacing)


def hit_index(rects: list[pygame.Rect], pos: tuple[int, int]) -> int | None:
    """The index of the first rectangle under `pos` (None when there is none): hit-testing a drawn list."""
    return next((i for i, r in enumerate(rects) if r.collidepoint(pos)), None)


def fitting(height, limit: int, step: int = 2, most: int = 20) -> int:
    """How many points to take off the text sizes so that `height(d)` fits in `limit`.

    Large text settings make cards taller; rather than run off the screen, the card's type
    steps down (never below the 100% sizes by more than `most`).
    """
    for d in range(0, most + 1, step):
        if height(d) <= limit:
            return d
    return most


@dataclass
class Item:
    label: str
    on_choose: Callable[[], None]
    enabled: bool = True
    note: str = ""  # a short explanation shown beside a disabled item


class MenuList:
    """Vertical buttons: arrows/d-pad move, Enter/A or a click chooses, digits pick directly."""

    def __init__(self, items: list[Item], center: tuple[int, int], width: int, size: int = 28,
                 numbered: bool = False, align: str = "center", audio=None, compact: bool = False):
        self.items = items
        self.center = center
        self.width = width
        self.size = size
        self.numbered = numbered
        self.align = align
        self.audio = audio  # optional: plays the "select" and "confirm" effects
        self.pad, self.gap = (14, 8) if compact else (24, 14)  # inner vertical padding, space between buttons
        self.index = next((i for i, it in enumerate(items) if it.enabled), 0)
        self.rects: list[pygame.Rect] = []

    def layout(self, fonts: FontBook) -> list[pygame.Rect]:
        gap = self.gap
        heights = [block_height(fonts, self._label(i), self.size, self.width - 48) + self.pad
                   for i in range(len(self.items))]
        total = sum(heights) + gap * (len(heights) - 1)
        y = self.center[1] - total // 2
        x = self.center[0] - self.width // 2
        self.rects = []
        for h in heights:
            self.rects.append(pygame.Rect(x, y, self.width, h))
            y += h + gap
        return self.rects

    def _label(self, i: int) -> str:
        item = self.items[i]
        label = f"{i + 1}.  {item.label}" if self.numbered else item.label
        return f"{label}  ({item.note})" if item.note and not item.enabled else label

    def move(self, step: int) -> None:
        if not any(it.enabled for it in self.items):
            return
        i = self.index
        for _ in range(len(self.items)):
            i = (i + step) % len(self.items)
            if self.items[i].enabled:
                self.index = i
                self._sound("select")
                return

    def choose(self, i: int) -> bool:
        if 0 <= i < len(self.items) and self.items[i].enabled:
            self.index = i
            self._sound("confirm")
            self.items[i].on_choose()
            return True
        return False

    def _sound(self, name: str) -> None:
        if self.audio is not None:
            self.audio.play_sound(name)

    def hit(self, pos: tuple[int, int]) -> int | None:
        return hit_index(self.rects, pos)

    def on_action(self, action: Action) -> bool:
        """Handle navigation; returns True when the action was used."""
        if action.name in ("up", "left"):
            self.move(-1)
        elif action.name in ("down", "right"):
            self.move(1)
        elif action.name == "confirm":
            self.choose(self.index)
        elif action.name == "digit":
            self.choose(action.number - 1)
        elif action.name == "point" and action.pos:
            i = self.hit(action.pos)
            if i is not None and self.items[i].enabled:
                self.index = i
        elif action.name == "click" and action.pos:
            i = self.hit(action.pos)
            if i is None:
                return False
            self.choose(i)
        else:
            return False
        return True

    def draw(self, surface: pygame.Surface, fonts: FontBook, theme: Theme) -> None:
        rects = self.layout(fonts)
        for i, rect in enumerate(rects):
            item = self.items[i]
            selected = i == self.index and item.enabled
            panel(surface, rect, theme, alpha=250 if selected else 240,  # text behind never shows through
                  edge=theme.accent if selected else None, radius=10)
            if selected:
                pygame.draw.rect(surface, theme.accent, (rect.left + 8, rect.top + 10, 5, rect.height - 20),
                                 border_radius=3)
            colour = theme.accent if selected else (theme.text if item.enabled else theme.muted)
            inner = rect.inflate(-48, -self.pad)
            text_block(surface, fonts, self._label(i), self.size, colour, inner, bold=selected,
                       align=self.align)
