"""Chapter select: chapters reached so far (every chapter in classroom mode)."""
from __future__ import annotations

from functools import partial

import pygame

from ..ui.draw import block_height, text_block
from ..words import chapter_entry, t
from .base import Screen
from .input import Action
from .theme import HEIGHT, WIDTH
from .widgets import Item, MenuList, shade

HEADING_TOP = 30
LIST_WIDTH = 760  # at 100% text


class ChapterScreen(Screen):
    def __init__(self, app):
        super().__init__(app)
        self.menu = self._menu()

    def on_language(self) -> None:
        index = self.menu.index
        self.menu = self._menu()
        self.menu.index = index

    def _menu(self) -> MenuList:
        app = self.app
        reached = app.profile.chapters
        items = []
        for chapter in app.story.chapters:
            scenes = app.story.scenes_in_chapter(chapter.number)
            open_ = bool(scenes) and (app.classroom or chapter.number in reached)
            items.append(Item(chapter_entry(chapter.number, chapter.title), partial(self.start_chapter, chapter.number),
                              enabled=open_, note=t("chapters.not_reached") if scenes else t("chapters.no_scenes")))
        return MenuList(items, (WIDTH // 2, 390), LIST_WIDTH, app.theme.body_size - 4, align="left", audio=app.audio)

    def start_chapter(self, number: int) -> None:
        """Play from the chapter's first scene (only a chapter with scenes is offered)."""
        self.start(self.app.story.scenes_in_chapter(number)[0].id)

    def start(self, scene_id: str) -> None:
        self.app.nav.swap("play", start_scene=scene_id)

    def on_action(self, action: Action) -> None:
        self._arrange()  # the list is hit-tested where it is drawn
        if not self.menu.on_action(action) and action.name in ("cancel", "menu"):
            self.app.pop()

    def _heading(self) -> pygame.Surface:
        theme = self.app.theme
        return self.app.fonts.render(t("chapters.heading"), theme.title_size - 16, theme.text, bold=True)

    def note(self) -> str:
        """A line under the heading when no chapter can be chosen (the list then shows no focus)."""
        return "" if any(item.enabled for item in self.menu.items) else t("chapters.none_yet")

    def _note_rect(self) -> pygame.Rect:
        top = HEADING_TOP + self._heading().get_height() + 12
        if not self.note():
            return pygame.Rect(70, top, WIDTH - 140, 0)
        theme = self.app.theme
        return pygame.Rect(70, top, WIDTH - 140, block_height(self.app.fonts, self.note(), theme.small_size,
                                                              WIDTH - 140))

    def _hint_rect(self) -> pygame.Rect:
        """The keys, at the foot of the screen (as in the gallery)."""
        fonts, size = self.app.fonts, self.app.theme.hint_size
        h = block_height(fonts, t("chapters.hint"), size, WIDTH - 140)
        return pygame.Rect(70, HEIGHT - h - 14, WIDTH - 140, h)

    def _arrange(self) -> None:
        """The chapters scroll between the heading and the keys when there are more than fit (the type never
        shrinks)."""
        fonts, menu = self.app.fonts, self.menu
        menu.fonts, menu.width = fonts, min(round(LIST_WIDTH * fonts.scale), WIDTH - 140)  # wider with large text
        top = self._note_rect().bottom + 12
        needed = menu.total_height(fonts)
        menu.area = pygame.Rect((WIDTH - menu.width) // 2, top, menu.width,
                                min(needed, self._hint_rect().top - 12 - top))

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        surface.blit(self.app.images.title_picture(), (0, 0))
        shade(surface, 190)
        surface.blit(self._heading(), (70, HEADING_TOP))
        if self.note():
            text_block(surface, fonts, self.note(), theme.small_size, theme.accent, self._note_rect())
        self._arrange()
        self.menu.draw(surface, fonts, theme)
        text_block(surface, fonts, t("chapters.hint"), theme.hint_size, theme.dim, self._hint_rect(), align="center")
