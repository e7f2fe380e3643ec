"""Shared drawing for the classroom screens: projector-sized text, a footer of key hints, and the
extra keys classroom mode needs (C: chapter list, V: class vote, Q: quiz) until input.py maps them."""
from __future__ import annotations

import pygame

from .theme import HEIGHT, WIDTH
from .widgets import block_height, panel, text_block

# Sizes for a projector: nothing the class must read is smaller than HINT.
HINT = 24
BODY = 32
BIG = 40
HUGE = 56

GREEN = (120, 200, 110)
BLUE = (118, 180, 220)
AMBER = (224, 160, 102)
RED = (230, 100, 100)

def backdrop(surface: pygame.Surface, app, alpha: int = 215) -> None:
    """The title art, darkened: a calm page for text-heavy screens."""
    surface.blit(app.images.background("title"), (0, 0))
    veil = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
    veil.fill((8, 10, 18, alpha))
    surface.blit(veil, (0, 0))


def footer(surface: pygame.Surface, app, text: str) -> None:
    """Key hints along the bottom edge."""
    fonts, theme = app.fonts, app.theme
    h = fonts.line_height(HINT) + 14
    strip = pygame.Surface((WIDTH, h), pygame.SRCALPHA)
    strip.fill((0, 0, 0, 200))
    surface.blit(strip, (0, HEIGHT - h))
    image = fonts.render(text, HINT, theme.muted)
    if image.get_width() > WIDTH - 40:
        image = fonts.render(text, HINT - 4, theme.muted)
    surface.blit(image, ((WIDTH - image.get_width()) // 2, HEIGHT - h + 7))


def heading(surface: pygame.Surface, app, tag: str, title: str, colour=None, top: int = 28) -> int:
    """A small coloured tag and a big title, centred; returns the y below them."""
    fonts, theme = app.fonts, app.theme
    image = fonts.render(tag.upper(), HINT, colour or theme.accent, bold=True)
    surface.blit(image, ((WIDTH - image.get_width()) // 2, top))
    return text_block(surface, fonts, title, BIG, theme.text, pygame.Rect(80, top + 38, WIDTH - 160, 0),
                      bold=True, align="center")


def fit_size(fonts, texts: list[str], width: int, height: int, sizes=(BODY, 30, 28, 26, HINT),
             gap: int = 0, bold: bool = False) -> int:
    """The largest size at which every text, wrapped to `width`, fits in `height` together."""
    for size in sizes:
        total = sum(block_height(fonts, t, size, width, bold) for t in texts) + gap * max(0, len(texts) - 1)
        if total <= height:
            return size
    return sizes[-1]


def column(surface: pygame.Surface, app, rect: pygame.Rect, label: str, body: str, where: str, colour,
           size: int = 30, fill=None) -> None:
    """A panel with a coloured label, a body and a source line at the bottom."""
    fonts, theme = app.fonts, app.theme
    panel(surface, rect, theme, edge=colour, alpha=240)
    if fill:
        tint = pygame.Surface(rect.inflate(-6, -6).size, pygame.SRCALPHA)
        tint.fill((*fill, 40))
        surface.blit(tint, rect.inflate(-6, -6).topleft)
    image = fonts.render(label, HINT, colour, bold=True)
    surface.blit(image, (rect.left + 24, rect.top + 16))
    text_block(surface, fonts, body, size, theme.text, pygame.Rect(rect.left + 24, rect.top + 56, rect.width - 48, 0))
    if where:
        lines = fonts.wrap(where, HINT - 2, rect.width - 48)
        y = rect.bottom - 14 - len(lines) * fonts.line_height(HINT - 2)
        text_block(surface, fonts, where, HINT - 2, theme.muted, pygame.Rect(rect.left + 24, y, rect.width - 48, 0),
                   spacing=1.0)
