"""Save and load slots: a 3x3 grid of manual slots with thumbnails, and a page of quick/auto saves."""
from __future__ import annotations

import time

import pygame

from ..content.model import chapter_label
from ..saves import AUTO_SLOTS, MANUAL_SLOTS, QUICK, SlotInfo
from .base import Screen
from .input import Action
from .theme import HEIGHT, WIDTH
from .widgets import block_height, fitting, hit_index, panel, text_block

CARD_W, CARD_H, GAP = 380, 172, 14
GRID_TOP = 112
PAGES = {"save": [("Slots", MANUAL_SLOTS), ("Quicksave", [QUICK])],
         "load": [("Slots", MANUAL_SLOTS), ("Quick & auto", [QUICK, *AUTO_SLOTS])]}


class SaveLoadScreen(Screen):
    """`mode` is "save" (needs the play screen) or "load" (from the title or the game)."""

    opaque = True

    def __init__(self, app, mode: str, play=None):
        super().__init__(app)
        self.mode = mode
        self.play = play
        self.page = 0
        self.index = 0
        self.confirm_slot = ""  # a filled slot asks once before it is overwritten
        self.rects: list[pygame.Rect] = []
        self.thumbs: dict[str, pygame.Surface | None] = {}
        self.refresh()

    def refresh(self) -> None:
        self.infos: list[SlotInfo] = [self.app.profile.saves.info(s) for s in PAGES[self.mode][self.page][1]]
        self.thumbs = {}
        self.index = min(self.index, len(self.infos) - 1)

    def on_action(self, action: Action) -> None:
        name = action.name
        cols = 3
        if name in ("cancel", "menu"):
            self.app.pop()
        elif name in ("next", "prev"):
            self.page = (self.page + 1) % len(PAGES[self.mode])
            self.index, self.confirm_slot = 0, ""
            self.refresh()
        elif name in ("left", "right", "up", "down"):
            step = {"left": -1, "right": 1, "up": -cols, "down": cols}[name]
            self.index = max(0, min(len(self.infos) - 1, self.index + step))
            self.confirm_slot = ""
        elif name == "digit" and action.number <= len(self.infos):
            self.index = action.number - 1
            self.activate()
        elif name == "confirm":
            self.activate()
        elif name == "click" and action.pos:
            hit = hit_index(self.rects, action.pos)
            if hit is not None:
                self.index = hit
                self.activate()
            elif self._tab_hit(action.pos) is not None:
                self.page = self._tab_hit(action.pos)
                self.refresh()

    def activate(self) -> None:
        info = self.infos[self.index]
        if self.mode == "save":
            if info.path.exists() and self.confirm_slot != info.slot:
                self.confirm_slot = info.slot
                return
            self.play.save(info.slot)
            self.confirm_slot = ""
            self.refresh()
            return
        if not info.path.exists():
            return
        self.app.pop()
        if self.play is None:
            from .play import PlayScreen
            play = PlayScreen(self.app)
            self.app.push(play)
            play.load(info.slot)
        else:
            self.play.load(info.slot)
        if info.damaged:
            self.refresh()

    def _tab_rects(self) -> list[pygame.Rect]:
        return [pygame.Rect(WIDTH - 560 + i * 240, 52, 220, 44) for i in range(len(PAGES[self.mode]))]

    def _tab_hit(self, pos) -> int | None:
        return hit_index(self._tab_rects(), pos)

    def _thumb(self, info: SlotInfo) -> pygame.Surface | None:
        if info.slot not in self.thumbs:
            try:
                self.thumbs[info.slot] = pygame.image.load(str(info.thumbnail)) if info.thumbnail.exists() else None
            except pygame.error:
                self.thumbs[info.slot] = None
        return self.thumbs[info.slot]

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        surface.fill(theme.backdrop)
        title = "Save the game" if self.mode == "save" else "Load a game"
        d = fitting(lambda d: fonts.line_height(theme.title_size - 16 - d), GRID_TOP - 30, most=16)
        heading = fonts.render(title, theme.title_size - 16 - d, theme.text, bold=True)
        surface.blit(heading, (60, GRID_TOP - 8 - heading.get_height()))
        for i, rect in enumerate(self._tab_rects()):
            on = i == self.page
            panel(surface, rect, theme, alpha=220 if on else 140, edge=theme.accent if on else None, radius=8)
            label = fonts.render(PAGES[self.mode][i][0], theme.small_size, theme.accent if on else theme.muted, on)
            surface.blit(label, label.get_rect(center=rect.center))
        self.rects = []
        x0 = (WIDTH - (3 * CARD_W + 2 * GAP)) // 2
        for i, info in enumerate(self.infos):
            rect = pygame.Rect(x0 + (i % 3) * (CARD_W + GAP), GRID_TOP + (i // 3) * (CARD_H + GAP), CARD_W, CARD_H)
            self.rects.append(rect)
            self._draw_slot(surface, rect, info, i == self.index)
        hint = "Arrows or 1-9 pick a slot · Enter " + ("saves" if self.mode == "save" else "loads") + \
               " · Tab: next page · Esc: back"
        if self.confirm_slot:
            hint = f"Slot {self.confirm_slot} already holds a save: press Enter again to overwrite it."
        hint_size = theme.small_size - fitting(lambda d: block_height(fonts, hint, theme.small_size - d, WIDTH - 120),
                                               HEIGHT - self.rects[-1].bottom - 12, most=8)
        hint_h = block_height(fonts, hint, hint_size, WIDTH - 120)
        text_block(surface, fonts, hint, hint_size, theme.accent if self.confirm_slot else theme.muted,
                   pygame.Rect(60, HEIGHT - hint_h - 6, WIDTH - 120, 0), align="center")

    def _draw_slot(self, surface: pygame.Surface, rect: pygame.Rect, info: SlotInfo, selected: bool) -> None:
        """A slot card; its text steps down at large text sizes until it fits the card."""
        fonts, theme = self.app.fonts, self.app.theme
        panel(surface, rect, theme, alpha=235 if selected else 180, edge=theme.accent if selected else None, radius=10)
        thumb_rect = pygame.Rect(rect.left + 14, rect.top + 14, 192, 108)
        pygame.draw.rect(surface, (40, 44, 60), thumb_rect, border_radius=6)
        name = {"quick": "Quicksave"}.get(info.slot, f"Auto {info.slot[-1]}" if info.slot.startswith("auto")
                                          else f"Slot {info.slot}")
        when = time.strftime("%d %b %Y %H:%M", time.localtime(info.saved_at)) if info.saved_at else ""
        if info.damaged:
            lines = [(f"This save is {info.damaged}.", 2, theme.danger, False)]
        elif not info.path.exists():
            lines = [("Empty", 0, theme.muted, False)]
        else:
            lines = [(info.scene_title, 0, theme.text, True),
                     (f"{chapter_label(info.chapter)} · {info.date}", 4, theme.muted, False)]
        text_w = rect.right - thumb_rect.right - 28

        def overflow(d: int) -> int:
            column = sum(block_height(fonts, text, theme.small_size - less - d, text_w, bold)
                         for text, less, _, bold in lines)
            bottom = fonts.width(name, theme.small_size - d, True) + fonts.width(when, theme.small_size - 6 - d) + 40
            return max(column - thumb_rect.height, bottom - rect.width, 0)

        d = fitting(overflow, 0, most=10)
        y = thumb_rect.top
        for text, less, colour, bold in lines:
            y = text_block(surface, fonts, text, theme.small_size - less - d, colour,
                           pygame.Rect(thumb_rect.right + 14, y, text_w, 0), bold=bold) + 2
        label = fonts.render(name, theme.small_size - d, theme.accent if selected else theme.text, True)
        surface.blit(label, (rect.left + 14, rect.bottom - label.get_height() - 12))
        if info.path.exists() and not info.damaged:
            thumb = self._thumb(info)
            if thumb is not None:
                surface.blit(pygame.transform.smoothscale(thumb, thumb_rect.size), thumb_rect)
            stamp = fonts.render(when, theme.small_size - 6 - d, theme.muted)
            surface.blit(stamp, (rect.right - stamp.get_width() - 14, rect.bottom - stamp.get_height() - 14))
