"""What the classroom screens share on top of the UI kit: a page heading, a footer of key hints
that always fits, size steps, and a scroll indicator for text that is taller than its box.

Layout is apart from drawing: the `*_layout` functions are pure (fonts + theme + texts ->
rectangles) and `into()` records their rectangles in a screen's kit `Layout` (which the layout
tests check). Every colour and text size comes from the theme, so the projector and the
high-contrast themes reach every classroom screen; nothing draws except through `game.ui.draw`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

import pygame

from ..ui import draw
from ..ui.input import Act, Action
from ..ui.layout import Layout
from ..ui.theme import HEIGHT, WIDTH, Theme
from ..ui.widgets import ScrollList

MARGIN = 40
GAP = 10
# Teams are told apart by colour (the game's own choice); each stays readable on the dark panels of every theme.
TEAM_COLOURS = ((242, 201, 76), (118, 180, 220), (147, 196, 125), (224, 140, 160), (200, 160, 230), (240, 150, 90))
SCREEN = pygame.Rect(0, 0, WIDTH, HEIGHT)


def high_contrast(theme: Theme) -> bool:
    return "high_contrast" in theme.name


def steps(theme: Theme, *names: str) -> tuple[int, ...]:
    """Named text sizes, largest first, without repeats: steps(theme, "big", "body", "hint")."""
    return tuple(sorted({theme.size(name) for name in names}, reverse=True))


def backdrop(surface: pygame.Surface, app, alpha: int = 215) -> None:
    """The title art under the theme's veil: a calm page for text-heavy screens (solid in high contrast)."""
    theme = app.theme
    if high_contrast(theme):
        draw.box(surface, theme.veil, SCREEN)
        return
    draw.image(surface, app.images.title_picture(), (0, 0))
    draw.shade(surface, alpha, theme.veil)


def strip(surface: pygame.Surface, theme: Theme, rect: pygame.Rect) -> None:
    """A dark band behind a header or a footer (opaque in high contrast)."""
    draw.box(surface, (0, 0, 0), rect, alpha=255 if high_contrast(theme) else 200)


# --- footer ------------------------------------------------------------------------------------------

@dataclass
class Footer:
    """A classroom screen's footer: its place, its key hints and their size."""

    rect: pygame.Rect
    lines: list[str] = field(default_factory=list)
    size: int = 24

    def into(self, lay: Layout) -> None:
        lay.add("footer", self.rect, self.size)


def footer_layout(fonts, theme: Theme, hints: str | Sequence[str]) -> Footer:
    """Key hints along the bottom edge: the first variant that fits one line at the hint size, else the
    shortest variant wrapped (never smaller type)."""
    variants = [hints] if isinstance(hints, str) else list(hints)
    hint = theme.size("hint")
    lines = next(([v] for v in variants if fonts.width(v, hint) <= WIDTH - 2 * MARGIN), None)
    if lines is None:
        lines = fonts.wrap(min(variants, key=len), hint, WIDTH - 2 * MARGIN)
    h = len(lines) * fonts.line_height(hint) + 12
    return Footer(pygame.Rect(0, HEIGHT - h, WIDTH, h), lines, hint)


def draw_footer(surface: pygame.Surface, app, foot: Footer) -> None:
    fonts, theme = app.fonts, app.theme
    strip(surface, theme, foot.rect)
    y = foot.rect.top + 6
    for line in foot.lines:
        draw.text(surface, fonts, line, foot.size, theme.dim, (WIDTH // 2, y), anchor="midtop")
        y += fonts.line_height(foot.size)


# --- heading -----------------------------------------------------------------------------------------

@dataclass
class Heading:
    """A classroom screen's heading: the tag above and the title, with their sizes."""

    tag: pygame.Rect
    title: pygame.Rect
    tag_size: int
    title_size: int

    @property
    def bottom(self) -> int:
        return self.title.bottom

    def into(self, lay: Layout) -> None:
        lay.add("header", self.tag.union(self.title))
        lay.add("header/tag", self.tag, self.tag_size)
        lay.add("header/title", self.title, self.title_size)


def heading_layout(fonts, theme: Theme, tag: str, title: str, top: int = 16, room: int = 0, side: int = 0) -> Heading:
    """A small coloured tag over a title, centred. The title steps down from big to body to hint to keep
    within `room` px (when given); `side` px are kept free at both ends (for a page counter)."""
    hint = theme.size("hint")
    left, width = MARGIN + side, WIDTH - 2 * (MARGIN + side)
    tag_h = draw.block_height(fonts, tag.upper(), hint, width, bold=True, spacing=1.0)
    sizes = steps(theme, "big", "body", "hint")
    title_size = next((s for s in sizes if not room or draw.block_height(fonts, title, s, width, bold=True) <= room),
                      sizes[-1])
    tag_rect = pygame.Rect(left, top, width, tag_h)
    title_h = draw.block_height(fonts, title, title_size, width, bold=True)
    return Heading(tag_rect, pygame.Rect(left, tag_rect.bottom + 4, width, title_h), hint, title_size)


def draw_heading(surface: pygame.Surface, app, head: Heading, tag: str, title: str, colour=None) -> None:
    fonts, theme = app.fonts, app.theme
    draw.text_block(surface, fonts, tag.upper(), head.tag_size, colour or theme.accent, head.tag, bold=True,
                    align="center", spacing=1.0)
    draw.text_block(surface, fonts, title, head.title_size, theme.text, head.title, bold=True, align="center")


# --- text taller than its box ------------------------------------------------------------------------

def scroll_bar(area: pygame.Rect, total: int, offset: int) -> tuple[pygame.Rect, pygame.Rect]:
    """The track and thumb for content `total` px tall shown `offset` px down in `area` (at its right edge)."""
    bar = pygame.Rect(area.right - 8, area.top, 8, area.height)
    thumb_h = max(24, area.height * area.height // max(1, total))
    top = bar.top + (area.height - thumb_h) * offset // max(1, total - area.height)
    return bar, pygame.Rect(bar.left, top, 8, thumb_h)


def draw_scroll_bar(surface: pygame.Surface, theme: Theme, bar: pygame.Rect, thumb: pygame.Rect) -> None:
    draw.box(surface, theme.grid, bar, radius=4)
    draw.box(surface, theme.accent, thumb, radius=4)


def use_list(rows: ScrollList, action: Action, area: pygame.Rect, choose: Callable[[int], object]) -> bool:
    """A one-column list's input (← → move like ↑ ↓); `choose(i)` when a row is picked. False: not for the list."""
    if action.name in (Act.LEFT, Act.RIGHT):
        action = Action(Act.UP if action.name == Act.LEFT else Act.DOWN)
    used = rows.on_action(action, area)
    if used is not None and used.chosen is not None:
        choose(used.chosen)
    return used is not None
