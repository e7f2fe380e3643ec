"""The backlog: every line still in the rollback history, newest at the bottom; Enter returns to one."""
from __future__ import annotations

import pygame

from ..runtime import events as ev
from .base import Screen
from .input import Action
from .theme import HEIGHT, WIDTH, hex_colour
from .widgets import block_height, panel, text_block

TOP, BOTTOM = 110, HEIGHT - 70


class BacklogScreen(Screen):

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
        self.lines = [(i, e) for i, e in enumerate(play.rt.shown()) if isinstance(e, ev.LineEvent)]
        self.index = len(self.lines) - 1  # the selected line
        self.rects: list[tuple[int, pygame.Rect]] = []
        self._measured: tuple[tuple, tuple[int, int, list[int]]] | None = None

    def on_action(self, action: Action) -> None:
        name = action.name
        if name in ("cancel", "backlog", "menu"):
            self.app.pop()
        elif name in ("up", "wheel_up", "rollback"):
            self.index = max(0, self.index - 1)
        elif name in ("down", "wheel_down", "rollforward"):
            if self.index >= len(self.lines) - 1 and name == "wheel_down":
                self.app.pop()
            self.index = min(len(self.lines) - 1, self.index + 1)
        elif name == "home":
            self.index = 0
        elif name == "end":
            self.index = len(self.lines) - 1
        elif name == "confirm" and self.lines:
            self.return_to(self.index)
        elif name == "click" and action.pos:
            hit = next((k for k, r in self.rects if r.collidepoint(action.pos)), None)
            if hit == self.index:
                self.return_to(hit)
            elif hit is not None:
                self.index = hit

    def return_to(self, k: int) -> None:
        """Roll the story back to this line and close the backlog."""
        history_index = self.lines[k][0]
        self.app.pop()
        self.play.show(self.play.rt.return_to(history_index) or self.play.event)

    def _measure(self, size: int, name_size: int) -> tuple[int, int, list[int]]:
        """The name column's width, the text column's width and each entry's height.

        Worked out once per font book and text size: measuring all ~600 entries every frame was
        more than half of the backlog's frame time.
        """
        key = (id(self.app.fonts), self.app.fonts.scale, size, name_size)
        if self._measured is None or self._measured[0] != key:
            fonts = self.app.fonts
            name_w = min(max(fonts.width(e.name or "—", name_size, True) for _, e in self.lines) + 40, 300)
            text_w = WIDTH - 140 - 48 - name_w
            heights = [max(block_height(fonts, e.text, size, text_w),
                           block_height(fonts, e.name or "—", name_size, name_w - 30, bold=True)) + 24
                       for _, e in self.lines]
            self._measured = (key, (name_w, text_w, heights))
        return self._measured[1]

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        surface.fill(theme.backdrop)
        title = fonts.render("Backlog", theme.title_size - 16, theme.text, bold=True)
        surface.blit(title, (90, 36))
        hint = fonts.render("↑ ↓ select · Enter: return to this line · Esc: back", theme.small_size, theme.muted)
        beside = 90 + title.get_width() + 40 + hint.get_width() <= WIDTH - 90
        surface.blit(hint, (WIDTH - hint.get_width() - 90, 56) if beside else (90, 36 + title.get_height()))
        top = max(TOP, 36 + title.get_height() + (0 if beside else hint.get_height()) + 16)
        if not self.lines:
            text_block(surface, fonts, "Nothing has been said yet.", theme.body_size, theme.muted,
                       pygame.Rect(90, top + 20, WIDTH - 180, 0))
            return
        size, name_size = theme.body_size - 2, theme.name_size - 2
        name_w, text_w, heights = self._measure(size, name_size)
        # lay out upwards from the selected line so it is always visible
        y = min(BOTTOM, top + sum(heights[: self.index + 1])) - heights[self.index]
        first = self.index
        while first > 0 and y - heights[first - 1] >= top:
            first -= 1
            y -= heights[first]
        self.rects = []
        for k in range(first, len(self.lines)):
            if y + heights[k] > BOTTOM:
                break
            _, e = self.lines[k]
            rect = pygame.Rect(70, y, WIDTH - 140, heights[k] - 6)
            if k == self.index:
                panel(surface, rect, theme, alpha=200, edge=theme.accent, radius=8)
            name_colour = hex_colour(e.colour) if e.colour else theme.muted
            text_block(surface, fonts, e.name or "—", name_size, name_colour,
                       pygame.Rect(rect.left + 24, rect.top + 10, name_w - 30, 0), bold=True)
            text_block(surface, fonts, e.text, size, theme.text,
                       pygame.Rect(rect.left + 24 + name_w, rect.top + 10, text_w, 0))
            self.rects.append((k, rect))
            y += heights[k]
