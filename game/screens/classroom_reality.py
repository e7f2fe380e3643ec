"""'Film and reality': the real 1972 case and Joe Arridy beside the film's fiction, then every
place where the two sources disagree, side by side. ← → turn the pages; Esc goes back."""
from __future__ import annotations

import pygame

from ..classroom.reality import Comparison, DifferCard
from .base import Screen
from .classroom_ui import AMBER, BLUE, BODY, HINT, backdrop, column, fit_size, footer, heading
from .input import Action
from .theme import HEIGHT, WIDTH
from .widgets import text_block

FILM = (242, 201, 76)


class RealityScreen(Screen):
    def __init__(self, app, start: int = 0):
        super().__init__(app)
        reality = app.story.reality
        self.differ_start = len(reality.comparisons)
        self.pages: list[Comparison | DifferCard] = [*reality.comparisons, *reality.differ]
        self.index = max(0, min(start, len(self.pages) - 1))

    @property
    def page(self) -> Comparison | DifferCard:
        return self.pages[self.index]

    def first_differ(self) -> int:
        return self.differ_start

    def on_action(self, action: Action) -> None:
        name = action.name
        if name in ("right", "confirm", "next", "down", "wheel_down", "click"):
            self.index = min(len(self.pages) - 1, self.index + 1)
        elif name in ("left", "up", "wheel_up", "rollback", "prev"):
            self.index = max(0, self.index - 1)
        elif name == "rollforward":
            self.index = min(len(self.pages) - 1, self.index + 1)
        elif name == "home":
            self.index = 0
        elif name == "end":
            self.index = self.first_differ()
        elif name in ("cancel", "menu"):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        backdrop(surface, self.app, 228)
        page = self.page
        if isinstance(page, Comparison):
            self._draw_comparison(surface, page)
        else:
            self._draw_differ(surface, page)
        fonts, theme = self.app.fonts, self.app.theme
        n = fonts.render(f"{self.index + 1} / {len(self.pages)}", HINT, theme.muted)
        surface.blit(n, (WIDTH - 30 - n.get_width(), 16))
        footer(surface, self.app, "← →: page  ·  Home: film and reality  ·  End: the sources differ  ·  Esc: back")

    def _two_columns(self, surface, top: int, left: tuple, right: tuple, bottom: int) -> None:
        fonts = self.app.fonts
        col_w = (WIDTH - 160 - 30) // 2
        texts = [left[1], right[1]]
        size = fit_size(fonts, texts[:1], col_w - 48, bottom - top - 130, sizes=(BODY, 30, 28, 26, HINT))
        size = min(size, fit_size(fonts, texts[1:], col_w - 48, bottom - top - 130, sizes=(BODY, 30, 28, 26, HINT)))
        for i, (label, body, where, colour, fill) in enumerate((left, right)):
            rect = pygame.Rect(80 + i * (col_w + 30), top, col_w, bottom - top)
            column(surface, self.app, rect, label, body, where, colour, size=size, fill=fill)

    def _draw_comparison(self, surface: pygame.Surface, page: Comparison) -> None:
        fonts, theme, story = self.app.fonts, self.app.theme, self.app.story
        y = heading(surface, self.app, "Film and reality", page.topic, BLUE) + 16
        bottom = HEIGHT - 130 if page.note else HEIGHT - 70
        self._two_columns(surface, y,
                          ("IN THE FILM · fiction", page.film.text,
                           f"Source: {story.source_title(page.film.source)} — {page.film.section}", FILM, None),
                          ("IN THE REAL WORLD · fact", page.real.text,
                           f"Source: {story.source_title(page.real.source)} — {page.real.section}", BLUE, BLUE),
                          bottom)
        if page.note:
            text_block(surface, fonts, page.note, 26, theme.muted, pygame.Rect(100, bottom + 12, WIDTH - 200, 0),
                       align="center", spacing=1.0)

    def _draw_differ(self, surface: pygame.Surface, card: DifferCard) -> None:
        fonts, theme, story = self.app.fonts, self.app.theme, self.app.story
        y = heading(surface, self.app, "The sources differ", card.topic, AMBER) + 16
        bottom = HEIGHT - 150 if card.hint else HEIGHT - 110
        a, b = card.accounts[0], card.accounts[1]
        self._two_columns(surface, y, (story.source_title(a.source).upper(), a.text, f"Section: {a.section}", AMBER,
                                       None),
                          (story.source_title(b.source).upper(), b.text, f"Section: {b.section}", AMBER, None), bottom)
        y = text_block(surface, fonts, card.question, BODY, theme.accent, pygame.Rect(80, bottom + 10, WIDTH - 160, 0),
                       bold=True, align="center", spacing=1.0)
        if card.hint:
            text_block(surface, fonts, card.hint, HINT, theme.muted, pygame.Rect(80, y + 2, WIDTH - 160, 0),
                       align="center", spacing=1.0)
