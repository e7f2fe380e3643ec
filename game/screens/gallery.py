"""The gallery: two pages, the story's pictures and its music.

Pictures: the illustrations as tiles, seen ones as thumbnails, unseen ones locked. Arrows / d-pad
move, Enter / A or a click opens a seen one full screen. Music (the music room): every piece
music.yaml lists, heard ones playable (Enter / A or a click plays it, the list marks the one
playing), unheard ones locked. Tab, Page Up / Page Down, the controller's shoulder buttons or a
click on a page's name switch pages; Esc / B goes back (the title screen brings its music back).
Which pictures were seen and which pieces heard lives in the player's profile (play.py records the
pictures as they show, the app's Audio each track as it starts).
"""
from __future__ import annotations

import pygame

from .base import Screen
from .input import Action
from .theme import HEIGHT, WIDTH
from .widgets import block_height, fitting, hit_index, panel, shade, text_block

COLUMNS = 3
TILE = (352, 198)
GAP_X, GAP_Y = 40, 26
LOCKED = "Not yet seen"
UNHEARD = "Not yet heard"
PAGES = {"pictures": "Pictures", "music": "Music"}
PAGE_KEYS = {"next": 1, "rollforward": 1, "skip": 1, "prev": -1, "rollback": -1}  # Tab, PgDn, RB / ⇧Tab, PgUp, LB
LIST_WIDTH = 660


class GalleryScreen(Screen):
    def __init__(self, app, page: str = ""):
        super().__init__(app)
        self.items = list(app.story.illustrations.values())
        self.pages = [p for p, there in (("pictures", self.items), ("music", app.story.music)) if there]
        self.page = page if page in self.pages else (self.pages or ["pictures"])[0]
        self.index = 0
        self.rects: list[pygame.Rect] = []
        self.tab_rects: dict[str, pygame.Rect] = {}
        self.room = MusicRoom(self)
        self._thumbs: dict[tuple, pygame.Surface] = {}

    def turn(self, step: int) -> None:
        """Go to the next (1) or previous (-1) page."""
        if len(self.pages) > 1:
            self.page = self.pages[(self.pages.index(self.page) + step) % len(self.pages)]

    def seen(self, i: int) -> bool:
        return self.items[i].id in self.app.profile.illustrations

    def open(self, i: int) -> None:
        if 0 <= i < len(self.items) and self.seen(i):
            self.index = i
            self.app.push(IllustrationView(self.app, self, i))

    def on_action(self, action: Action) -> None:
        name, n = action.name, len(self.items)
        if name in PAGE_KEYS:
            self.turn(PAGE_KEYS[name])
            return
        if name == "click" and action.pos:
            tab = next((p for p, r in self.tab_rects.items() if r.collidepoint(action.pos)), None)
            if tab:
                self.page = tab
                return
        if self.page == "music":
            self.room.on_action(action)
            return
        steps = {"left": -1, "right": 1, "up": -COLUMNS, "down": COLUMNS}
        if name in steps and n:
            self.index = min(n - 1, max(0, self.index + steps[name]))
        elif name == "confirm":
            self.open(self.index)
        elif name in ("click", "point") and action.pos:
            hit = hit_index(self.rects, action.pos)
            if hit is not None:
                self.index = hit
                if name == "click":
                    self.open(hit)
        elif name in ("cancel", "menu"):
            self.app.pop()

    def _thumb(self, illustration: str, size: tuple[int, int]) -> pygame.Surface:
        key = (illustration, size)
        if key not in self._thumbs:
            self._thumbs[key] = pygame.transform.smoothscale(self.app.images.illustration(illustration), size)
        return self._thumbs[key]

    def _caption(self, i: int) -> str:
        return self.items[i].title if self.seen(i) else LOCKED

    def _layout(self, top: int) -> tuple[int, tuple[int, int], int]:
        """(points off the caption size, tile size, row height): large text shrinks the tiles so two rows fit."""
        fonts, theme, rows = self.app.fonts, self.app.theme, max(1, min(2, -(-len(self.items) // COLUMNS)))
        room = (HEIGHT - top - 50) // rows

        def caption_h(d: int, width: int) -> int:
            return max((block_height(fonts, self._caption(i), theme.small_size - d, width - 16)
                        for i in range(len(self.items))), default=0) + 10 + GAP_Y

        d = fitting(lambda d: caption_h(d, TILE[0] * 2 // 3) + TILE[1] * 2 // 3, room, most=8)
        height = min(TILE[1], room - caption_h(d, TILE[0]))
        width = height * 16 // 9
        return d, (width, height), height + caption_h(d, width)

    def _heading(self, surface: pygame.Surface) -> int:
        """The page names (the one showing bright and underlined) and the count; returns the y below them."""
        fonts, theme = self.app.fonts, self.app.theme
        x, self.tab_rects, bottom = 70, {}, 26
        for page in self.pages if len(self.pages) > 1 else [self.page]:
            here = page == self.page
            label = PAGES[page] if len(self.pages) > 1 else "Gallery" if page == "pictures" else "Music room"
            image = fonts.render(label, theme.title_size - 16, theme.text if here else theme.muted, bold=here)
            surface.blit(image, (x, 26))
            rect = self.tab_rects[page] = pygame.Rect(x, 26, image.get_width(), image.get_height())
            if here and len(self.pages) > 1:
                pygame.draw.rect(surface, theme.accent, (x, rect.bottom + 2, rect.width, 4), border_radius=2)
            x, bottom = rect.right + 48, max(bottom, rect.bottom)
        if self.page == "music":
            done, what = sum(t in self.app.profile.tracks for t in self.app.story.music), "heard"
            total = len(self.app.story.music)
        else:
            done, what, total = sum(self.seen(i) for i in range(len(self.items))), "seen", len(self.items)
        count = fonts.render(f"{done} of {total} {what}", theme.small_size, theme.muted)
        surface.blit(count, (WIDTH - 70 - count.get_width(), bottom - count.get_height()))
        return bottom

    def _hint(self, surface: pygame.Surface, text: str) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        if len(self.pages) > 1:
            other = PAGES[self.pages[(self.pages.index(self.page) + 1) % len(self.pages)]].lower()
            text = f"Tab: {other} · {text}"
        hint = fonts.render(text, theme.small_size - 2, theme.muted)
        surface.blit(hint, ((WIDTH - hint.get_width()) // 2, HEIGHT - hint.get_height() - 14))

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        surface.blit(self.app.images.background("title"), (0, 0))
        shade(surface, 200)
        top = self._heading(surface) + 20
        if self.page == "music":
            self.room.draw(surface, top)
            return
        d, tile, row_h = self._layout(top)
        left = (WIDTH - COLUMNS * tile[0] - (COLUMNS - 1) * GAP_X) // 2
        shift = max(0, top + (self.index // COLUMNS + 1) * row_h - (HEIGHT - 50))  # keep the selection on screen
        self.rects = []
        for i, item in enumerate(self.items):
            x = left + (i % COLUMNS) * (tile[0] + GAP_X)
            rect = pygame.Rect(x, top + (i // COLUMNS) * row_h - shift, *tile)
            self.rects.append(rect)
            if self.seen(i):
                surface.blit(self._thumb(item.id, tile), rect.topleft)
            else:
                self._locked(surface, rect)
            selected = i == self.index
            if selected:
                pygame.draw.rect(surface, theme.accent, rect.inflate(10, 10), width=4, border_radius=6)
            text_block(surface, fonts, self._caption(i), theme.small_size - d,
                       theme.accent if selected else (theme.text if self.seen(i) else theme.muted),
                       pygame.Rect(x + 8, rect.bottom + 8, tile[0] - 16, 0), bold=selected, align="center")
        self._hint(surface, "Arrows to move · Enter to open · Esc to go back")

    def _locked(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """A dark tile with a padlock: the illustration exists but has not been shown yet."""
        theme = self.app.theme
        panel(surface, rect, theme, alpha=235, edge=theme.muted, radius=8)
        cx, cy = rect.center
        pygame.draw.rect(surface, theme.muted, (cx - 22, cy - 6, 44, 34), border_radius=5)
        pygame.draw.arc(surface, theme.muted, (cx - 15, cy - 32, 30, 46), 0, 3.1416, width=5)


class MusicRoom:
    """The gallery's music page: the pieces in music.yaml's order, on the left; the chosen one's card on the right."""

    def __init__(self, gallery: GalleryScreen):
        self.gallery = gallery
        self.app = gallery.app
        self.items = list(self.app.story.music.values())
        self.index = 0
        self.first = 0  # the first row shown (the list scrolls)
        self.rects: list[pygame.Rect] = []

    def heard(self, i: int) -> bool:
        return self.items[i].id in self.app.profile.tracks

    def playing(self, i: int) -> bool:
        return self.items[i].id == self.app.audio.track

    def play(self, i: int) -> None:
        if 0 <= i < len(self.items) and self.heard(i):
            self.index = i
            self.app.audio.play_music(self.items[i].id)

    def on_action(self, action: Action) -> None:
        name, n = action.name, len(self.items)
        steps = {"up": -1, "down": 1, "wheel_up": -1, "wheel_down": 1, "home": -n, "end": n}
        if name in steps and n:
            self.index = min(n - 1, max(0, self.index + steps[name]))
        elif name in ("left", "right"):
            self.gallery.turn(-1 if name == "left" else 1)
        elif name == "confirm":
            self.play(self.index)
        elif name in ("click", "point") and action.pos:
            hit = hit_index(self.rects, action.pos)
            if hit is not None:
                self.index = hit
                if name == "click":
                    self.play(hit)
        elif name in ("cancel", "menu"):
            self.app.pop()

    def _title(self, i: int) -> str:
        return self.items[i].title if self.heard(i) else UNHEARD

    def _size(self, width: int) -> int:
        """The list's text size: large text steps down until the longest entry (and its tag) fits a row."""
        fonts, theme = self.app.fonts, self.app.theme
        labels = [f"{i + 1}. {self._title(i)}" for i in range(len(self.items))]
        room = width - 64 - 24 - fonts.width("playing", theme.small_size) - 16  # the icon, the "playing" tag
        d = fitting(lambda d: max((fonts.width(t, theme.body_size - 4 - d, True) for t in labels), default=0), room,
                    most=12)
        return theme.body_size - 4 - d

    def draw(self, surface: pygame.Surface, top: int) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        bottom = HEIGHT - fonts.line_height(theme.small_size - 2) - 30
        size = self._size(LIST_WIDTH)
        row_h = fonts.line_height(size) + 16
        left, n = 70, len(self.items)
        shown = max(1, (bottom - top + 6) // row_h)  # whole rows only; the list scrolls with the selection
        self.first = min(max(self.first, self.index - shown + 1), self.index, max(0, n - shown))
        self.rects = [pygame.Rect(0, 0, 0, 0)] * n
        for i in range(self.first, min(n, self.first + shown)):
            rect = self.rects[i] = pygame.Rect(left, top + (i - self.first) * row_h, LIST_WIDTH, row_h - 6)
            selected, heard = i == self.index, self.heard(i)
            panel(surface, rect, theme, alpha=150 if selected else 90, edge=theme.accent if selected else None,
                  radius=8)
            colour = theme.accent if selected else theme.text if heard else theme.muted
            side = min(40, max(22, fonts.line_height(size) * 11 // 20))  # the icons grow with the text
            if self.playing(i) or not heard:
                icon = pygame.Surface((22, 22), pygame.SRCALPHA)
                if self.playing(i):
                    self._note(icon, icon.get_rect(), theme.accent)
                else:
                    self._lock(icon, icon.get_rect(), theme.muted)
                surface.blit(pygame.transform.smoothscale(icon, (side, side)),
                             (rect.left + 12, rect.centery - side // 2))
            label = fonts.render(f"{i + 1}. {self._title(i)}", size, colour, bold=selected)
            surface.blit(label, (rect.left + 24 + side, rect.centery - label.get_height() // 2))
            if self.playing(i):
                tag = fonts.render("playing", min(theme.small_size, size), theme.accent)
                surface.blit(tag, (rect.right - 16 - tag.get_width(), rect.centery - tag.get_height() // 2))
        x = left + LIST_WIDTH + 8  # more above / below: small arrows beside the list
        if self.first > 0:
            pygame.draw.polygon(surface, theme.muted, [(x, top + 14), (x + 14, top + 14), (x + 7, top + 4)])
        if self.first + shown < n:
            y = top + shown * row_h - 10
            pygame.draw.polygon(surface, theme.muted, [(x, y - 14), (x + 14, y - 14), (x + 7, y - 4)])
        if self.items:
            self._card(surface, pygame.Rect(x + 22, top, WIDTH - 70 - x - 22, bottom - top))
        self.gallery._hint(surface, "↑ ↓ to move · Enter to play · Esc to go back")

    def _card(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The chosen piece: its title, where it plays, and whether it is playing or still locked."""
        fonts, theme = self.app.fonts, self.app.theme
        i, item = self.index, self.items[self.index]
        width = area.width - 40
        if self.heard(i):
            parts = [(item.title, theme.body_size, theme.text, True, 0)]
            if item.description:
                parts.append((item.description, theme.small_size, theme.text, False, 10))
            parts.append(("Playing now" if self.playing(i) else "Enter to play", theme.small_size, theme.accent,
                          False, 16))
        else:
            parts = [(UNHEARD, theme.body_size, theme.muted, True, 0),
                     ("It unlocks the first time it plays in the story.", theme.small_size, theme.muted, False, 10)]
        height = sum(block_height(fonts, t, size, width, bold) + gap for t, size, _, bold, gap in parts) + 40
        rect = pygame.Rect(area.left, area.top, area.width, min(area.height, height))
        panel(surface, rect, theme, alpha=170, radius=10)
        y = rect.top + 20
        for text, size, colour, bold, gap in parts:
            y = text_block(surface, fonts, text, size, colour, pygame.Rect(rect.left + 20, y + gap, width, 0),
                           bold=bold)

    @staticmethod
    def _note(surface: pygame.Surface, r: pygame.Rect, colour) -> None:
        """A quaver: the piece playing now."""
        pygame.draw.ellipse(surface, colour, (r.left, r.bottom - 9, 11, 9))
        pygame.draw.line(surface, colour, (r.left + 10, r.bottom - 5), (r.left + 10, r.top), 3)
        pygame.draw.line(surface, colour, (r.left + 10, r.top + 1), (r.right - 2, r.top + 8), 3)

    @staticmethod
    def _lock(surface: pygame.Surface, r: pygame.Rect, colour) -> None:
        """A small padlock: not heard yet."""
        pygame.draw.rect(surface, colour, (r.left + 2, r.top + 9, 18, 13), border_radius=3)
        pygame.draw.arc(surface, colour, (r.left + 5, r.top, 12, 18), 0, 3.1416, width=3)


class IllustrationView(Screen):
    """One illustration full screen; ← → step through the seen ones, anything else goes back."""

    def __init__(self, app, gallery: GalleryScreen, index: int):
        super().__init__(app)
        self.gallery = gallery
        self.index = index

    def on_action(self, action: Action) -> None:
        if action.name in ("left", "right", "up", "down"):
            step = -1 if action.name in ("left", "up") else 1
            seen = [i for i in range(len(self.gallery.items)) if self.gallery.seen(i)]
            self.index = seen[(seen.index(self.index) + step) % len(seen)]
            self.gallery.index = self.index
        elif action.name in ("confirm", "click", "cancel", "menu"):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        item = self.gallery.items[self.index]
        surface.blit(self.app.images.illustration(item.id), (0, 0))
        text = f"{item.title}   ·   ← → other illustrations · Esc to go back"
        size = theme.small_size
        lines = fonts.wrap(text, size, WIDTH - 120)
        h = len(lines) * fonts.line_height(size) + 16
        rect = pygame.Rect(40, HEIGHT - h - 16, WIDTH - 80, h)
        panel(surface, rect, theme, alpha=200, radius=10)
        text_block(surface, fonts, text, size, theme.text, rect.inflate(-40, -16), spacing=1.0, align="center")
