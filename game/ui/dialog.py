"""A confirm dialog: a question, "Yes" and "No" (in the player's language); Esc or a right click means no."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from ..words import t
from . import draw
from .input import Act, Action
from .layout import Layout, Rect, stack
from .screen import Screen
from .theme import HEIGHT, WIDTH
from .widgets import Item, MenuList

WIDTH_BOX = 760
PAD = 36


class ConfirmDialog(Screen):
    """Modal over the screen below. `on_yes` runs after the dialog closes; "No" (the default) just closes."""

    opaque = False

    def __init__(self, app: Any, question: str, on_yes: Callable[[], None], yes: str = "", no: str = "",
                 on_no: Callable[[], None] | None = None):
        super().__init__(app)
        self.question = question
        self.on_yes, self.on_no = on_yes, on_no
        items = [Item(no or t("common.no"), self.answer_no), Item(yes or t("common.yes"), self.answer_yes)]
        self.menu = MenuList(items, (WIDTH // 2, HEIGHT // 2),
                             WIDTH_BOX - 2 * PAD, app.theme.body_size, audio=app.audio, compact=True,
                             fonts=app.fonts)

    def answer_yes(self) -> None:
        self.app.pop()
        self.on_yes()

    def answer_no(self) -> None:
        self.app.pop()
        if self.on_no is not None:
            self.on_no()

    def layout(self) -> Layout:
        fonts, theme = self.app.fonts, self.app.theme
        lay = Layout()
        self.menu.fonts, self.menu.size = fonts, theme.body_size
        inner = WIDTH_BOX - 2 * PAD
        question_h = draw.block_height(fonts, self.question, theme.body_size, inner)
        buttons_h = self.menu.total_height(fonts)
        room = HEIGHT - 40 - 3 * PAD - question_h  # very large text: the buttons scroll, the question stays
        buttons_h = min(buttons_h, max(room, fonts.line_height(theme.body_size) + self.menu.pad))
        box = Rect(0, 0, WIDTH_BOX, question_h + buttons_h + 3 * PAD)
        box.center = (WIDTH // 2, HEIGHT // 2)
        lay.add("dialog", box)
        question, buttons = stack(Rect(box.left + PAD, box.top + PAD, inner, box.height - 2 * PAD),
                                  (question_h, buttons_h), gap=PAD)
        lay.add("dialog/question", question, theme.body_size)
        lay.add("dialog/buttons", buttons, theme.body_size)
        self.menu.area = buttons
        return lay

    def on_action(self, action: Action) -> None:
        self.layout()
        if action.name in (Act.CANCEL, Act.MENU):
            self.answer_no()
        else:
            self.menu.on_action(action)

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        lay = self.layout()
        draw.shade(surface, 190)
        draw.panel(surface, lay["dialog"], theme, alpha=250, edge=theme.accent)
        draw.text_block(surface, fonts, self.question, theme.body_size, theme.text, lay["dialog/question"],
                        align="center")
        self.menu.draw(surface, fonts, theme)
