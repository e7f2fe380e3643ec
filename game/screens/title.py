"""The title screen: offers only what exists.

Everything on it comes from the story being played: its title, Korean title and tagline, its music and
background (story.yaml), and Timeline and Classroom entries only when its folder has a timeline or
classroom material (a quiz or film-and-reality cards)."""
from __future__ import annotations

import pygame

from .base import Screen
from .input import Action
from .theme import HEIGHT, WIDTH
from .widgets import Item, MenuList, fitting, panel

TEXT_LEFT = 110
TEXT_WIDTH = WIDTH - 2 * TEXT_LEFT  # a long title or tagline wraps rather than running off the screen


class TitleScreen(Screen):
    def __init__(self, app):
        super().__init__(app)
        self._veil_surface: pygame.Surface | None = None
        self.menu = self._menu()
        app.audio.play_music(app.story.title_music or "")
        app.audio.play_ambience("")

    def _menu(self) -> MenuList:
        """Only what exists: Continue and Load need a save, Chapters a chapter reached, Gallery
        illustrations or music."""
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
        if app.story.illustrations or app.story.music:
            items.append(Item("Gallery", lambda: self.open("gallery")))
        library = app.library
        if library.timeline is not None and library.timeline.events:
            items.append(Item("Timeline: the case and the film", self.open_timeline))
        if library.quiz is not None or library.reality is not None:
            items.append(Item("Classroom", lambda: self.open("classroom")))
        items += [Item("Settings", lambda: self.open("settings")), Item("Quit", app.quit)]
        return MenuList(items, (300, 500), 420, app.theme.body_size - 2, audio=app.audio, compact=True)

    def start(self) -> None:
        self.open("play")

    def load(self, slot: str) -> None:
        self.open("play").load(slot)

    def open_timeline(self, focus_event: str | None = None) -> None:
        def play(scene: str) -> None:
            self.open("play", start_scene=scene)
        self.open("timeline", timeline=self.app.library.timeline, focus_event=focus_event, on_open_scene=play)

    def on_enter(self) -> None:
        index = self.menu.index
        self.menu = self._menu()
        self.menu.index = min(index, len(self.menu.items) - 1)
        self.app.audio.play_music(self.app.story.title_music or "")
        self.app.audio.play_ambience("")

    def on_action(self, action: Action) -> None:
        if not self.menu.on_action(action) and action.name == "cancel":
            self.app.quit()

    def _veil(self) -> pygame.Surface:
        """The dark gradient behind the menu, drawn once."""
        if self._veil_surface is None:
            veil = self._veil_surface = pygame.Surface((620, HEIGHT), pygame.SRCALPHA)
            for x in range(620):
                pygame.draw.line(veil, (8, 10, 20, max(0, 200 - x * 200 // 620)), (x, 0), (x, HEIGHT))
        return self._veil_surface

    def _layout(self, d: int) -> list[tuple[str, int, tuple, bool, int]]:
        """The title block's lines (text, size, colour, bold, space above), `d` points smaller than the default.
        Each text wraps to the screen's width; the tagline keeps half a line of room from the Korean title."""
        app, theme, fonts = self.app, self.app.theme, self.app.fonts
        blocks = [(app.story.title, 88 - d, theme.text, True)]
        if d < 52 and app.story.korean_title:  # with every entry at the largest text size, only the title stays
            blocks.append((app.story.korean_title, 40 - d // 2, theme.accent, True))
        if d < 40 and app.story.tagline:  # it gives way to the buttons when even a small title leaves too little room
            blocks.append((app.story.tagline, theme.small_size - 2, theme.muted, False))
        lines = []
        for n, (text, size, colour, bold) in enumerate(blocks):
            gap = fonts.line_height(size) // 2 if n == 2 else 0
            for i, line in enumerate(fonts.wrap(text, size, TEXT_WIDTH, bold)):
                lines.append((line, size, colour, bold, gap if i == 0 else 0))
        return lines

    def _height(self, d_title: int, d_menu: int) -> int:
        """The height of everything at these sizes (it sets the menu's size to measure it)."""
        fonts = self.app.fonts
        self.menu.size = self.app.theme.body_size - 2 - d_menu
        rects = self.menu.layout(fonts)
        block = sum(gap + fonts.line_height(size) for _, size, _, _, gap in self._layout(d_title))
        return 50 + block + 30 + (rects[-1].bottom - rects[0].top) + 80

    def draw(self, surface: pygame.Surface) -> None:
        """With large text the decorative title shrinks first, then the buttons, so that all of it fits."""
        fonts, theme = self.app.fonts, self.app.theme
        surface.blit(self.app.images.background(self.app.story.title_background or ""), (0, 0))
        surface.blit(self._veil(), (0, 0))
        d_title = fitting(lambda d: self._height(d, 0), HEIGHT, step=4, most=56)
        d_menu = fitting(lambda d: self._height(d_title, d), HEIGHT, step=2, most=14)
        self.menu.size = theme.body_size - 2 - d_menu  # measuring tried other sizes: settle on the one that fits
        y = 50
        for text, size, colour, bold, gap in self._layout(d_title):
            y += gap
            surface.blit(fonts.render(text, size, colour, bold), (TEXT_LEFT, y))
            y += fonts.line_height(size)
        rects = self.menu.layout(fonts)
        self.menu.center = (self.menu.center[0], y + 30 + (rects[-1].bottom - rects[0].top) // 2)
        self.menu.draw(surface, fonts, theme)
        hint = fonts.render("↑ ↓ to move · Enter to choose · F11 fullscreen", theme.small_size - 2, theme.muted)
        panel(surface, pygame.Rect(100, HEIGHT - hint.get_height() - 32, hint.get_width() + 30,
                                   hint.get_height() + 16), theme, alpha=140, radius=8)
        surface.blit(hint, (115, HEIGHT - hint.get_height() - 24))
