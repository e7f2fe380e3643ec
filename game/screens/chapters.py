"""Chapter select: chapters reached so far (every chapter in classroom mode)."""
from __future__ import annotations

import pygame

from ..content.model import chapter_entry
from .base import Screen
from .input import Action
from .theme import WIDTH
from .widgets import Item, MenuList, shade


class ChapterScreen(Screen):
    def __init__(self, app):
        super().__init__(app)
        reached = app.profile.chapters
        items = []
        for chapter in app.story.chapters:
            scenes = app.story.scenes_in_chapter(chapter.number)
            open_ = bool(scenes) and (app.classroom or chapter.number in reached)
            items.append(Item(chapter_entry(chapter.number, chapter.title), lambda s=scenes: self.start(s[0].id),
                              enabled=open_, note="not reached yet" if scenes else "no scenes yet"))
        self.menu = MenuList(items, (WIDTH // 2, 390), 760, app.theme.body_size - 4, align="left",
                             audio=app.audio)
        self.offset = 0

    def start(self, scene_id: str) -> None:
        from .play import PlayScreen
        self.app.pop()
        self.app.push(PlayScreen(self.app, start_scene=scene_id))

    def on_action(self, action: Action) -> None:
        if not self.menu.on_action(action) and action.name in ("cancel", "menu"):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        surface.blit(self.app.images.background("title"), (0, 0))
        shade(surface, 190)
        surface.blit(fonts.render("Chapters", theme.title_size - 16, theme.text, bold=True), (70, 30))
        rects = self.menu.layout(fonts)
        # keep the selected chapter on screen when the list is taller than the canvas
        selected = rects[self.menu.index]
        shift = max(0, selected.bottom - 690) - max(0, 110 - selected.top)
        self.menu.center = (self.menu.center[0], self.menu.center[1] - shift)
        self.menu.draw(surface, fonts, theme)
