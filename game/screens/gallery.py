"""The gallery: the story's illustrations as tiles, seen ones as thumbnails, unseen ones locked.

Arrows / d-pad move, Enter / A or a click opens a seen one full screen, Esc / B goes back.
Which ones were seen lives in the player's profile (play.py records them as they show).
"""
from __future__ import annotations

import pygame

from .base import Screen
from .input import Action
from .theme import HEIGHT, WIDTH
from .widgets import block_height, fitting, panel, shade, text_block

COLUMNS = 3
TILE = (352, 198)
GAP_X, GAP_Y = 40, 26
LOCKED = "Not yet seen"


class GalleryScreen(Screen):
    def __init__(self, app):
        super().__init__(app)
        self.items = list(app.story.illustrations.values())
        self.index = 0
        self.rects: list[pygame.Rect] = []
        self._thumbs: dict[tuple, pygame.Surface] = {}

    def seen(self, i: int) -> bool:
        return self.items[i].id in self.app.profile.illustrations

    def open(self, i: int) -> None:
        if 0 <= i < len(self.items) and self.seen(i):
            self.index = i
            self.app.push(IllustrationView(self.app, self, i))

    def on_action(self, action: Action) -> None:
        name, n = action.name, len(self.items)
        steps = {"left": -1, "right": 1, "up": -COLUMNS, "down": COLUMNS}
        if name in steps and n:
            self.index = min(n - 1, max(0, self.index + steps[name]))
        elif name == "confirm":
            self.open(self.index)
        elif name in ("click", "point") and action.pos:
            hit = next((i for i, r in enumerate(self.rects) if r.collidepoint(action.pos)), None)
            if hit is not None:
                self.index = hit
                if name == "click":
                    self.open(hit)
        elif name in ("cancel", "menu"):
            self.app.pop()

    def _thumb(self, illustration: str, size: tuple[int, int]) -> pygame.Surface:
        key = (illustration, size)
        if key not in self._thumbs:
            self._thumbs[key] = pygame.transform.smoothscale(self.app.images.illustration(illustration), size)
        return self._thumbs[key]

    def _caption(self, i: int) -> str:
        return self.items[i].title if self.seen(i) else LOCKED

    def _layout(self, top: int) -> tuple[int, tuple[int, int], int]:
        """(points off the caption size, tile size, row height): large text shrinks the tiles so two rows fit."""
        fonts, theme, rows = self.app.fonts, self.app.theme, max(1, min(2, -(-len(self.items) // COLUMNS)))
        room = (HEIGHT - top - 50) // rows

        def caption_h(d: int, width: int) -> int:
            return max((block_height(fonts, self._caption(i), theme.small_size - d, width - 16)
                        for i in range(len(self.items))), default=0) + 10 + GAP_Y

        d = fitting(lambda d: caption_h(d, TILE[0] * 2 // 3) + TILE[1] * 2 // 3, room, most=8)
        height = min(TILE[1], room - caption_h(d, TILE[0]))
        width = height * 16 // 9
        return d, (width, height), height + caption_h(d, width)

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        surface.blit(self.app.images.background("title"), (0, 0))
        shade(surface, 200)
        heading = fonts.render("Gallery", theme.title_size - 16, theme.text, bold=True)
        surface.blit(heading, (70, 26))
        seen = sum(self.seen(i) for i in range(len(self.items)))
        count = fonts.render(f"{seen} of {len(self.items)} seen", theme.small_size, theme.muted)
        surface.blit(count, (WIDTH - 70 - count.get_width(), 26 + heading.get_height() - count.get_height()))
        top = 26 + heading.get_height() + 20
        d, tile, row_h = self._layout(top)
        left = (WIDTH - COLUMNS * tile[0] - (COLUMNS - 1) * GAP_X) // 2
        shift = max(0, top + (self.index // COLUMNS + 1) * row_h - (HEIGHT - 50))  # keep the selection on screen
        self.rects = []
        for i, item in enumerate(self.items):
            x = left + (i % COLUMNS) * (tile[0] + GAP_X)
            rect = pygame.Rect(x, top + (i // COLUMNS) * row_h - shift, *tile)
            self.rects.append(rect)
            if self.seen(i):
                surface.blit(self._thumb(item.id, tile), rect.topleft)
            else:
                self._locked(surface, rect)
            selected = i == self.index
            if selected:
                pygame.draw.rect(surface, theme.accent, rect.inflate(10, 10), width=4, border_radius=6)
            text_block(surface, fonts, self._caption(i), theme.small_size - d,
                       theme.accent if selected else (theme.text if self.seen(i) else theme.muted),
                       pygame.Rect(x + 8, rect.bottom + 8, tile[0] - 16, 0), bold=selected, align="center")
        hint = fonts.render("Arrows to move · Enter to open · Esc to go back", theme.small_size - 2, theme.muted)
        surface.blit(hint, ((WIDTH - hint.get_width()) // 2, HEIGHT - hint.get_height() - 14))

    def _locked(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """A dark tile with a padlock: the illustration exists but has not been shown yet."""
        theme = self.app.theme
        panel(surface, rect, theme, alpha=235, edge=theme.muted, radius=8)
        cx, cy = rect.center
        pygame.draw.rect(surface, theme.muted, (cx - 22, cy - 6, 44, 34), border_radius=5)
        pygame.draw.arc(surface, theme.muted, (cx - 15, cy - 32, 30, 46), 0, 3.1416, width=5)


class IllustrationView(Screen):
    """One illustration full screen; ← → step through the seen ones, anything else goes back."""

    def __init__(self, app, gallery: GalleryScreen, index: int):
        super().__init__(app)
        self.gallery = gallery
        self.index = index

    def on_action(self, action: Action) -> None:
        if action.name in ("left", "right", "up", "down"):
            step = -1 if action.name in ("left", "up") else 1
            seen = [i for i in range(len(self.gallery.items)) if self.gallery.seen(i)]
            self.index = seen[(seen.index(self.index) + step) % len(seen)]
            self.gallery.index = self.index
        elif action.name in ("confirm", "click", "cancel", "menu"):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        item = self.gallery.items[self.index]
        surface.blit(self.app.images.illustration(item.id), (0, 0))
        text = f"{item.title}   ·   ← → other illustrations · Esc to go back"
        size = theme.small_size
        lines = fonts.wrap(text, size, WIDTH - 120)
        h = len(lines) * fonts.line_height(size) + 16
        rect = pygame.Rect(40, HEIGHT - h - 16, WIDTH - 80, h)
        panel(surface, rect, theme, alpha=200, radius=10)
        text_block(surface, fonts, text, size, theme.text, rect.inflate(-40, -16), spacing=1.0, align="center")
