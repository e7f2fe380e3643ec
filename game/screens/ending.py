"""The end screen: "The End", the ending's title, the evidence noticed, then the credits, then the title screen.

It sits over the play screen, so rollback (Page Up, wheel up) steps back into the story, and the
last chapter's "Film and sources" cards are offered here as a button rather than shown between the
last line and the end. The credits come from the optional scenes/credits.yaml; they roll (or, with
reduced motion, turn like pages), and Enter or Esc skips them.
"""
from __future__ import annotations

import pygame

from ..runtime import events as ev
from ..runtime.wording import ending_title
from ..ui.toast import Kept
from ..words import t
from .base import Screen
from .input import Action
from .theme import HEIGHT, WIDTH
from .widgets import Item, MenuList, block_height, fitting, panel, shade, text_block

ROLL_SPEED = 45            # credits, pixels per second
GUARD_SECONDS = 0.6        # Enter held from the last line does not skip past the end at once
END, CREDITS, SOURCES = "end", "credits", "sources"
TEXT_WIDTH = WIDTH - 240   # the end card's lines
MENU_GAP = 50              # between the end card's text and its buttons


class EndScreen(Screen):
    opaque = False  # the last moment of the story stays visible, dimmed, behind it

    def __init__(self, app, play, event: ev.EndEvent):
        super().__init__(app)
        self.play = play
        self.event = event
        self.phase = END
        self.started = app.time
        self.scroll = 0.0  # seconds into the roll
        self.page = 0      # credits page (reduced motion) or sources card
        self.menu = self._menu()
        app.audio.play_ambience("")
        if app.story.credits_music:
            app.audio.play_music(app.story.credits_music)

    def _menu(self) -> MenuList:
        app, event = self.app, self.event
        items = [Item(t("end.credits") if app.story.credits else t("end.to_title"), self.go_on)]
        if event.sources:
            items.append(Item(t("end.sources", count=len(event.sources.cards)), self.open_sources))
        if app.story.credits:
            items.append(Item(t("end.to_title"), self.finish))
        return MenuList(items, (WIDTH // 2, 520), 620, app.theme.body_size - 2, audio=app.audio)

    def on_language(self) -> None:
        index = self.menu.index
        self.menu = self._menu()
        self.menu.index = index

    # --- flow ------------------------------------------------------------------------------------

    def go_on(self) -> None:
        if not self.app.story.credits:
            self.finish()
            return
        self.phase, self.scroll, self.page = CREDITS, 0.0, 0

    def open_sources(self) -> None:
        self.phase, self.page = SOURCES, 0

    def finish(self) -> None:
        """Back to where the story was started from (the title screen): this screen and the play screen go."""
        self.app.pop()
        if self.app.top is self.play:
            self.app.pop()

    def on_action(self, action: Action) -> None:
        name = action.name
        if self.phase == CREDITS:
            pages = self.app.settings.reduce_motion
            if pages and name in ("confirm", "click") and self.page < len(self.app.story.credits) - 1:
                self.page += 1
            elif name in ("confirm", "click", "cancel", "menu"):
                self.finish()
        elif self.phase == SOURCES:
            if name in ("confirm", "click", "right") and self.page < len(self.event.sources.cards) - 1:
                self.page += 1
            elif name == "left" and self.page > 0:
                self.page -= 1
            elif name in ("confirm", "click", "cancel", "menu"):
                self.phase = END
        elif name in ("rollback", "wheel_up"):
            self.app.pop()
            self.play.rollback()
        elif name == "confirm" and self.app.time - self.started < GUARD_SECONDS:
            return
        else:
            self._arrange()  # the menu is hit-tested where it is drawn
            if not self.menu.on_action(action) and name in ("cancel", "menu"):
                self.finish()

    def update(self, dt: float) -> None:
        if self.phase == CREDITS and not self.app.settings.reduce_motion:
            self.scroll += dt
            if self.scroll * ROLL_SPEED > HEIGHT + self._credits_height():
                self.finish()

    # --- where toasts go --------------------------------------------------------------------------

    def header_bottom(self) -> int:
        """Rolling credits: toasts go below the skip hint, never over it."""
        return self._hint_rect().bottom + 8 if self.phase == CREDITS else 0

    def toast_place(self) -> list[Kept] | None:
        """Around the end card's words and its buttons, or a "Film and sources" card and its heading; never over
        their words (game/ui/toast.py)."""
        if self.phase == SOURCES:
            return self.play.drawn_boxes((self.event.sources, self.page))
        if self.phase == CREDITS:
            return None
        _, top = self._arrange()
        area, pad = self.menu.area, self.menu.pad
        text = pygame.Rect(120, top, TEXT_WIDTH, area.top - MENU_GAP - top)
        return [(text, text), (area, area.inflate(0, -2 * pad))]

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        if self.phase == SOURCES:
            self.play.draw_sources(surface, self.event.sources, self.page, after=t("play.sources_go_back"))
            return
        shade(surface, 215 if self.phase == CREDITS else 200)
        if self.phase == CREDITS:
            self._draw_credits(surface)
        else:
            self._draw_end(surface)

    def _lines(self) -> list[tuple[str, int, tuple, bool]]:
        """The end card's lines: (text, size, colour, bold)."""
        theme, story = self.app.theme, self.app.story
        lines = [(t("end.the_end"), theme.title_size + 8, theme.text, True)]
        title = ending_title(self.event)
        if title and title != t("end.the_end"):
            lines.append((title, theme.body_size + 4, theme.accent, True))
        if story.evidence:
            found = len(self.play.rt.state.evidence)
            lines.append((t("end.evidence", found=found, count=len(story.evidence)), theme.small_size + 2, theme.muted,
                          False))
        return lines

    def _arrange(self) -> tuple[int, int]:
        """How many points the end card's text takes off, and where it starts; sets the menu's area. The
        card's text shrinks to make room; the buttons keep their size and scroll when they still do not fit."""
        fonts, menu, clamp = self.app.fonts, self.menu, self.app.theme.clamp  # (no line below the hint size)
        menu.fonts, menu.size, menu.area = fonts, self.app.theme.body_size - 2, None
        needed = menu.total_height(fonts)

        def text_height(d: int) -> int:
            return sum(block_height(fonts, text, clamp(s - d), TEXT_WIDTH, b) + 14 for text, s, _, b in self._lines())

        d = fitting(lambda d: text_height(d) + MENU_GAP + needed, HEIGHT - 80)
        top = max(40, (HEIGHT - text_height(d) - MENU_GAP - needed) // 2)
        menu_top = top + text_height(d) + MENU_GAP
        menu.area = pygame.Rect((WIDTH - menu.width) // 2, menu_top, menu.width,
                                max(1, min(needed, HEIGHT - 30 - menu_top)))
        return d, top

    def _draw_end(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        d, y = self._arrange()
        for text, size, colour, bold in self._lines():
            y = text_block(surface, fonts, text, theme.clamp(size - d), colour, pygame.Rect(120, y, TEXT_WIDTH, 0),
                           bold, "center") + 14
        self.menu.draw(surface, fonts, theme)

    def _hint(self) -> str:
        return t("end.skip_pages") if self.app.settings.reduce_motion else t("end.skip")

    def _hint_rect(self) -> pygame.Rect:
        """The credits' skip hint's box, at the top right."""
        fonts, size = self.app.fonts, self.app.theme.small_size - 2
        width = fonts.width(self._hint(), size)
        return pygame.Rect(WIDTH - width - 46, 14, width + 32, fonts.line_height(size) + 12)

    def _credit_rows(self, sections) -> list[tuple[str, int, tuple, bool, int]]:
        """(text, size, colour, bold, space after) for every wrapped row of these sections."""
        fonts, theme = self.app.fonts, self.app.theme
        rows = []
        for section in sections:
            for line in fonts.wrap(section.heading, theme.small_size + 2, WIDTH - 240, True):
                rows.append((line, theme.small_size + 2, theme.accent, True, 6))
            for text in section.lines:
                for line in fonts.wrap(text, theme.body_size - 4, WIDTH - 240):
                    rows.append((line, theme.body_size - 4, theme.text, False, 2))
                rows[-1] = rows[-1][:4] + (14,)  # a little air between one credit and the next
            rows[-1] = rows[-1][:4] + (46,)
        return rows

    def _credits_height(self) -> int:
        rows = self._credit_rows(self.app.story.credits)
        return sum(self.app.fonts.line_height(size) + after for _, size, _, _, after in rows)

    def _draw_credits(self, surface: pygame.Surface) -> None:
        """The credits below the fixed skip hint: the roll is clipped under the hint's row (nothing passes
        beneath it), and a page (reduced motion) starts below it."""
        fonts, theme, credits = self.app.fonts, self.app.theme, self.app.story.credits
        image = fonts.render(self._hint(), theme.small_size - 2, theme.muted)
        rect = self._hint_rect()
        view = pygame.Rect(0, rect.bottom + 8, WIDTH, HEIGHT - rect.bottom - 8)
        if self.app.settings.reduce_motion:
            rows = self._credit_rows(credits[self.page:self.page + 1])
            y = max(view.top, (HEIGHT - sum(fonts.line_height(r[1]) + r[4] for r in rows)) // 2)
        else:
            rows = self._credit_rows(credits)
            y = HEIGHT - round(self.scroll * ROLL_SPEED)
        clip = surface.get_clip()
        surface.set_clip(view.clip(clip))
        for text, size, colour, bold, after in rows:
            if view.top - 60 < y < HEIGHT:
                line = fonts.render(text, size, colour, bold)
                surface.blit(line, ((WIDTH - line.get_width()) // 2, y))
            y += fonts.line_height(size) + after
        surface.set_clip(clip)
        panel(surface, rect, theme, alpha=235, radius=8)
        surface.blit(image, (rect.left + 16, rect.top + 6))
