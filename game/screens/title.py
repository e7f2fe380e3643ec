"""The title screen: offers only what exists."""
from __future__ import annotations

import pygame

from .base import Screen
from .input import Action
from .theme import HEIGHT
from .widgets import Item, MenuList, panel


class TitleScreen(Screen):
    def __init__(self, app):
        super().__init__(app)
        self.menu = self._menu()
        app.audio.play_music("theme")

    def _menu(self) -> MenuList:
        """Only what exists: Continue and Load need a save, Chapters a chapter reached."""
        app = self.app
        newest = app.profile.saves.newest()
        items = []
        if newest:
            items.append(Item("Continue", lambda: self.load(newest.slot)))
        items.append(Item("Start the story", self.start))
        if newest:
            items.append(Item("Load", lambda: self.open("load")))
        if app.profile.chapters or app.classroom:
            items.append(Item("Chapters", lambda: self.open("chapters")))
        if app.story.timeline is not None and app.story.timeline.events:
            items.append(Item("Timeline: the real history", self.open_timeline))
        items.append(Item("Classroom", lambda: self.open("classroom")))
        items += [Item("Settings", lambda: self.open("settings")), Item("Quit", app.quit)]
        return MenuList(items, (300, 500), 380, app.theme.body_size - 2, audio=app.audio)

    def start(self) -> None:
        from .play import PlayScreen
        self.app.push(PlayScreen(self.app))

    def load(self, slot: str) -> None:
        from .play import PlayScreen
        play = PlayScreen(self.app)
        self.app.push(play)
        play.load(slot)

    def open_timeline(self, focus_event: str | None = None) -> None:
        from .play import PlayScreen
        from .timeline import TimelineScreen
        def play(scene: str) -> None:
            self.app.push(PlayScreen(self.app, start_scene=scene))
        self.app.push(TimelineScreen(self.app, self.app.story.timeline, focus_event=focus_event, on_open_scene=play))

    def open(self, what: str) -> None:
        if what == "load":
            from .saveload import SaveLoadScreen
            self.app.push(SaveLoadScreen(self.app, "load"))
        elif what == "classroom":
            from .classroom_hub import ClassroomHub
            self.app.push(ClassroomHub(self.app))
        elif what == "chapters":
            from .chapters import ChapterScreen
            self.app.push(ChapterScreen(self.app))
        else:
            from .settings_screen import SettingsScreen
            self.app.push(SettingsScreen(self.app))

    def on_enter(self) -> None:
        index = self.menu.index
        self.menu = self._menu()
        self.menu.index = min(index, len(self.menu.items) - 1)
        self.app.audio.play_music("theme")

    def on_action(self, action: Action) -> None:
        if not self.menu.on_action(action) and action.name == "cancel":
            self.app.quit()

    def draw(self, surface: pygame.Surface) -> None:
        app, theme, fonts = self.app, self.app.theme, self.app.fonts
        surface.blit(app.images.background("title"), (0, 0))
        veil = pygame.Surface((620, HEIGHT), pygame.SRCALPHA)
        for x in range(620):
            pygame.draw.line(veil, (8, 10, 20, max(0, 200 - x * 200 // 620)), (x, 0), (x, HEIGHT))
        surface.blit(veil, (0, 0))
        title = fonts.render(app.story.title, 88, theme.text, bold=True)
        surface.blit(title, (110, 110))
        korean = fonts.render(app.story.korean_title, 40, theme.accent, bold=True)
        surface.blit(korean, (114, 110 + title.get_height()))
        tag = fonts.render("An interactive retelling of Miracle in Cell No. 7 (2013)", theme.small_size, theme.muted)
        surface.blit(tag, (114, 120 + title.get_height() + korean.get_height()))
        self.menu.draw(surface, fonts, theme)
        hint = fonts.render("↑ ↓ to move · Enter to choose · F11 fullscreen", theme.small_size - 2, theme.muted)
        panel(surface, pygame.Rect(100, HEIGHT - 64, hint.get_width() + 30, 40), theme, alpha=140, radius=8)
        surface.blit(hint, (115, HEIGHT - 56))
