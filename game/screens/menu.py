"""The in-game menu (Esc): a modal over the play screen.

The heading sits above the buttons; when the buttons do not fit under it (very large text)
they scroll, and the type never shrinks. Quitting asks first.
"""
from __future__ import annotations

from functools import partial

import pygame

from ..ui import draw
from ..ui.input import Act, Action
from ..ui.layout import Layout, Rect
from ..ui.screen import Screen
from ..ui.theme import HEIGHT, WIDTH
from ..ui.widgets import Item, MenuList
from ..words import t

MARGIN = 24       # kept clear at the top and bottom of the screen
HEADING_GAP = 16  # between "Paused" and the first button
BUTTON_WIDTH = 460


class GameMenu(Screen):
    opaque = False

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
        self.menu = self._menu()

    def _menu(self) -> MenuList:
        app = self.app
        return MenuList([Item(t("menu.return"), app.pop),
                         Item(t("menu.save"), partial(self.swap, "save")),
                         Item(t("menu.load"), partial(self.swap, "load")),
                         Item(t("menu.backlog"), partial(self.swap, "backlog")),
                         Item(t("menu.settings"), partial(self.open, "settings")),  # Esc there comes back here
                         Item(t("menu.main_menu"), self.to_title),
                         Item(t("menu.quit"), self.ask_quit)], (WIDTH // 2, HEIGHT // 2), BUTTON_WIDTH,
                        app.theme.body_size, audio=app.audio, compact=True, fonts=app.fonts)

    def on_language(self) -> None:
        """The language changed (Settings, opened from this menu): the buttons are worded again."""
        self.on_enter()

    def on_enter(self) -> None:
        """Back from Settings: the language may have changed."""
        index = self.menu.index
        self.menu = self._menu()
        self.menu.index = index

    def swap(self, route: str) -> None:
        """Close the menu and open `route` over the same play screen."""
        self.app.nav.swap(route, play=self.play)

    def ask_quit(self) -> None:
        self.open("confirm", question=t("menu.quit_question"), on_yes=self.app.quit,
                  yes=t("menu.quit_yes"))

    def to_title(self) -> None:
        self.app.pop()
        self.app.pop()

    @property
    def heading(self) -> Rect:
        return self.layout()["header"]

    def layout(self) -> Layout:
        fonts, theme = self.app.fonts, self.app.theme
        self.menu.fonts, self.menu.size = fonts, theme.body_size
        lay = Layout()
        width = self.menu.width = min(WIDTH - 2 * MARGIN, round(BUTTON_WIDTH * max(1.0, fonts.scale)))
        heading_h = fonts.line_height(theme.big_size)
        buttons_h = min(self.menu.total_height(fonts), HEIGHT - 2 * MARGIN - heading_h - HEADING_GAP)
        top = max(MARGIN, (HEIGHT - heading_h - HEADING_GAP - buttons_h) // 2)
        lay.add("header", Rect((WIDTH - width) // 2, top, width, heading_h), theme.big_size)
        self.menu.area = lay.add("menu", Rect((WIDTH - width) // 2, top + heading_h + HEADING_GAP, width, buttons_h),
                                 theme.body_size)
        self.menu.list_layout(fonts).into(lay, "menu")
        return lay

    def on_action(self, action: Action) -> None:
        self.layout()
        if self.menu.on_action(action):
            return
        if action.name in (Act.CANCEL, Act.MENU):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        lay = self.layout()
        draw.shade(surface, 205)
        draw.text(surface, fonts, t("menu.paused"), theme.big_size, theme.text, lay["header"].midtop, anchor="midtop",
                  bold=True)
        self.menu.draw(surface, fonts, theme)
