"""The in-game menu (Esc): a modal over the play screen."""
from __future__ import annotations

import pygame

from .base import Screen
from .input import Action
from .theme import HEIGHT, WIDTH
from .widgets import Item, MenuList, fitting, shade

MARGIN = 24       # kept clear at the top and bottom of the screen
HEADING_GAP = 16  # between "Paused" and the first button


class GameMenu(Screen):
    opaque = False

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
        self.heading = pygame.Rect(0, 0, 0, 0)  # where "Paused" was drawn last
        self.menu = MenuList([Item("Return to the story", app.pop),
                              Item("Save", lambda: self.open("save")),
                              Item("Load", lambda: self.open("load")),
                              Item("Backlog", lambda: self.open("backlog")),
                              Item("Settings", lambda: self.open("settings")),
                              Item("Main menu", self.to_title),
                              Item("Quit the game", app.quit)], (WIDTH // 2, HEIGHT // 2 + 40), 460,
                             app.theme.body_size - 2, audio=app.audio)

    def open(self, what: str) -> None:
        self.app.pop()
        if what in ("save", "load"):
            from .saveload import SaveLoadScreen
            self.app.push(SaveLoadScreen(self.app, what, self.play))
        elif what == "backlog":
            from .backlog import BacklogScreen
            self.app.push(BacklogScreen(self.app, self.play))
        else:
            from .settings_screen import SettingsScreen
            self.app.push(SettingsScreen(self.app))

    def to_title(self) -> None:
        self.app.pop()
        self.app.pop()

    def on_action(self, action: Action) -> None:
        if self.menu.on_action(action):
            return
        if action.name in ("cancel", "menu"):
            self.app.pop()

    def _block_height(self, d: int) -> int:
        """The heading and the buttons, with the type `d` points smaller, stacked."""
        fonts, theme = self.app.fonts, self.app.theme
        self.menu.size = theme.body_size - 2 - d
        rects = self.menu.layout(fonts)
        return fonts.line_height(theme.title_size - 2 * d) + HEADING_GAP + rects[-1].bottom - rects[0].top

    def draw(self, surface: pygame.Surface) -> None:
        """At large text sizes the type steps down (the buttons first get tighter) so that the
        heading and every button stay on screen, the heading above the first button."""
        fonts, theme = self.app.fonts, self.app.theme
        shade(surface, 205)
        self.menu.pad, self.menu.gap = (24, 14) if self._block_height(0) <= HEIGHT - 2 * MARGIN else (12, 6)
        d = fitting(self._block_height, HEIGHT - 2 * MARGIN, most=24)
        top = max(MARGIN, (HEIGHT - self._block_height(d)) // 2)
        title = fonts.render("Paused", theme.title_size - 2 * d, theme.text, bold=True)
        self.heading = surface.blit(title, ((WIDTH - title.get_width()) // 2, top))
        menu_top = top + title.get_height() + HEADING_GAP
        menu_height = self._block_height(d) - title.get_height() - HEADING_GAP
        self.menu.center = (WIDTH // 2, menu_top + menu_height // 2)
        self.menu.draw(surface, fonts, theme)
