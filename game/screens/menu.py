"""The in-game menu (Esc): a modal over the play screen."""
from __future__ import annotations

import pygame

from .base import Screen
from .input import Action
from .theme import HEIGHT, WIDTH
from .widgets import Item, MenuList, shade


class GameMenu(Screen):
    opaque = False

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
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

    def draw(self, surface: pygame.Surface) -> None:
        shade(surface, 205)
        title = self.app.fonts.render("Paused", self.app.theme.title_size, self.app.theme.text, bold=True)
        surface.blit(title, ((WIDTH - title.get_width()) // 2, 40))
        self.menu.draw(surface, self.app.fonts, self.app.theme)
