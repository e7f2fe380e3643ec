"""The title screen: offers only what exists.

Everything on it comes from the story being played: its title, Korean title and tagline, its music and
background (story.yaml), and Timeline and Classroom entries only when its folder has a timeline or
classroom material (a quiz or film-and-reality cards)."""
from __future__ import annotations

from functools import partial
from pathlib import Path

import pygame

from ..library import Library
from ..ui import columns as two_columns
from ..ui.widgets import ListLayout
from ..words import t
from .base import Screen
from .fonts import FontBook
from .input import Action
from .theme import HEIGHT, WIDTH
from .widgets import Item, MenuList, fitting, panel

TEXT_LEFT = 110
TEXT_WIDTH = WIDTH - 2 * TEXT_LEFT  # a long title or tagline wraps rather than running off the screen
TITLE_TOP, MENU_GAP = 50, 30
MENU_LEFT, MENU_WIDTH, MENU_WIDTH_MOST = 90, 420, 560  # the buttons grow with the text, up to the dark veil's edge
TAGLINE_WIDTH = MENU_LEFT + MENU_WIDTH_MOST - TEXT_LEFT  # the tagline keeps to the menu's column, off the picture
BESIDE_GAP = 28  # between the title and the Korean title beside it
GRID_WIDTH = WIDTH - 2 * MENU_LEFT  # two columns of buttons, when one would scroll
VEIL_ROWS = 48  # the height of the veil's band (120 KB: from the heap, not fresh pages of its own)


class TitleMenu(MenuList):
    """The title's buttons: one column, or two side by side when `columns` is 2 (large text: one column of
    nine buttons would scroll, and a player must see every way out of the title). The two columns are the
    kit's (game/ui/columns.py): down the first, then the second; left and right across."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.columns = 1
        self._one_column = (self.pad, self.gap)
        self._grid: tuple[tuple, ListLayout] | None = None

    def set_columns(self, columns: int) -> None:
        self.columns = columns
        self.pad, self.gap = self._one_column if columns == 1 else (two_columns.ROW_PAD, two_columns.ROW_GAP)
        self.list.gap = self.gap

    def per_column(self) -> int:
        return two_columns.per_column(len(self.items))

    def list_layout(self, fonts: FontBook) -> ListLayout:
        if self.columns == 1 or self.area is None:
            return super().list_layout(fonts)
        self.fonts = fonts
        key = (fonts, self.size, self.pad, self.items, tuple(self.area))
        if self._grid is None or self._grid[0] != key:
            self._grid = (key, two_columns.layout(self.list, self.area))
        lay = self._grid[1]
        self.rects = list(lay.rows.values())
        return lay

    def on_action(self, action: Action) -> bool:
        """In two columns the kit's two-column input (every button on screen); in one, a menu's."""
        if self.columns == 1 or self.fonts is None:
            return super().on_action(action)
        return two_columns.use(self.list, action, self.list_layout(self.fonts), self._choose)

    def _choose(self, i: int) -> None:
        self.items[i].on_choose()

    def set_size(self, size: int) -> None:
        self.size = size


def picture_file(library: Library) -> Path | None:
    """The file of the picture behind the title (story.yaml's title_background, a location), which the title's
    draw asks of `Images.background`; None when the story names none."""
    location = library.story.locations.get(library.story.title_background or "") if library.story else None
    return library.assets / "images" / location.image if location else None


class TitleScreen(Screen):
    covers_canvas = True  # the background picture fills it: the app need not clear it first

    def __init__(self, app):
        super().__init__(app)
        self._veil_surface: pygame.Surface | None = None
        self.menu = self._menu()
        app.audio.play_music(app.story.title_music or "")
        app.audio.play_ambience("")

    def _menu(self) -> TitleMenu:
        """Only what exists: Continue and Load need a save, Chapters a chapter reached, Gallery
        illustrations or music."""
        app = self.app
        newest = app.profile.saves.newest()
        items = []
        if newest:
            items.append(Item(t("title.continue"), partial(self.load, newest.slot)))
        items.append(Item(t("title.start"), self.start))
        if newest:
            items.append(Item(t("title.load"), partial(self.open, "load")))
        if app.profile.chapters or app.classroom:
            items.append(Item(t("title.chapters"), partial(self.open, "chapters")))
        if app.story.illustrations or app.story.music:
            items.append(Item(t("title.gallery"), partial(self.open, "gallery")))
        library = app.library
        if library.shows_timeline:  # (said without decoding the timeline, quiz or cards: game/library.py)
            items.append(Item(t("title.timeline"), self.open_timeline))
        if library.has_classroom:
            items.append(Item(t("title.classroom"), partial(self.open, "classroom")))
        items += [Item(t("title.settings"), partial(self.open, "settings")), Item(t("title.quit"), app.quit)]
        return TitleMenu(items, (300, 500), 420, app.theme.body_size - 2, audio=app.audio, compact=True)

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

    def on_language(self) -> None:
        """The language changed (Settings): the menu's words are worked out again, the focus kept."""
        index = self.menu.index
        self.menu = self._menu()
        self.menu.index = min(index, len(self.menu.items) - 1)

    def on_action(self, action: Action) -> None:
        self._arrange()  # the menu is hit-tested where it is drawn
        if not self.menu.on_action(action) and action.name == "cancel":
            self.app.quit()

    def _veil(self) -> pygame.Surface:
        """The dark gradient behind the menu, made once: one row of pixels, repeated in a band of VEIL_ROWS rows
        that `draw` blits down the screen (every row alike, so the same pixels as one screen-high veil, whose 1.7 MB
        and the bytes it was made from were about 870 fresh pages, 3 ms, of every start)."""
        if self._veil_surface is None:
            # every row's bytes at once (620 set_at calls and a scale took ~3 ms of the start), in the byte order of
            # pygame's own alpha surfaces (BGRA here): an RGBA veil blits onto the canvas by a slow path (~9x the work)
            row = bytes(value for x in range(620) for value in (20, 10, 8, max(0, 200 - x * 200 // 620)))
            self._veil_surface = pygame.image.frombytes(row * VEIL_ROWS, (620, VEIL_ROWS), "BGRA")  # not words
        return self._veil_surface

    def _layout(self, d: int, wide: bool = False,
                tagline: bool = True) -> list[tuple[str, int, tuple, bool, int, bool]]:
        """The title block's lines (text, size, colour, bold, space above, beside the line before), `d` points
        smaller than the default. Title and Korean title always show (a player with large text keeps the game's
        name in both languages), and the tagline unless `tagline` is False; they step down to a floor (the
        theme's big, small and hint sizes) and the menu scrolls. Title and Korean title wrap to the screen's
        width, the tagline to the menu's column (a long one, such as the Korean at 200% text, would run over the
        background's picture); it keeps half a line of room from the Korean title, a quarter once the block has
        stepped down (large text: the menu needs the room). `wide` (the buttons in two columns need every line):
        the Korean title goes beside a one-line title when there is room."""
        app, theme, fonts = self.app, self.app.theme, self.app.fonts
        blocks = [(app.story.title, max(theme.big_size, 88 - d), theme.text, True),
                  (app.story.korean_title, max(theme.small_size, 40 - d // 2), theme.accent, True),
                  (app.story.tagline if tagline else "", max(theme.hint_size, theme.small_size - 2), theme.dim, False)]
        lines: list[tuple[str, int, tuple, bool, int, bool]] = []
        for n, (text, size, colour, bold) in enumerate(blocks):
            gap = fonts.line_height(size) // (2 if d == 0 else 4) if n == 2 else 0  # tighter once stepped down
            rows = fonts.wrap(text or "", size, TAGLINE_WIDTH if n == 2 else TEXT_WIDTH, bold) if text else []
            beside = (wide and n == 1 and len(rows) == 1 and len(lines) == 1 and fonts.width(lines[0][0], lines[0][1],
                      True) + BESIDE_GAP + fonts.width(rows[0], size, bold) <= TEXT_WIDTH)
            for i, line in enumerate(rows):
                lines.append((line, size, colour, bold, gap if i == 0 else 0, beside))
        return lines

    def _block_height(self, d: int, wide: bool = False, tagline: bool = True) -> int:
        fonts = self.app.fonts
        return sum(gap + fonts.line_height(size) for _, size, _, _, gap, beside in self._layout(d, wide, tagline)
                   if not beside)

    def hint(self) -> str:
        """The keys at the foot: left and right too when the buttons are in two columns (as laid out last)."""
        return t("title.hint_columns" if self.menu.columns == 2 else "title.hint")

    def _hint_top(self) -> int:
        return HEIGHT - self.app.fonts.line_height(self.app.theme.small_size - 2) - 32

    def _arrange(self) -> tuple[list[tuple[str, int, tuple, bool, int, bool]], int]:
        """The title block's lines and the menu's area. With large text the title block steps down first (never
        below its floors, and no line of it dropped) until title and buttons fit above the hint; when even that
        is not enough, the buttons go into two columns (every one on screen), their type stepping down to the
        theme's hint size, then without the tagline (the projector's large type at 200%: every way out of the
        title matters more); only when those do not fit either do they keep one column and scroll in the room
        left (one whole button at least)."""
        app, fonts = self.app, self.app.fonts
        menu = self.menu
        menu.fonts, menu.size, menu.area = fonts, app.theme.body_size - 2, None
        menu.width = min(round(MENU_WIDTH * fonts.scale), MENU_WIDTH_MOST)
        menu.set_columns(1)
        needed = menu.total_height(fonts)
        bottom = self._hint_top() - 16
        def top_of_menu(d: int, wide: bool = False, tagline: bool = True) -> int:  # the gap tightens once stepped
            return TITLE_TOP + self._block_height(d, wide, tagline) + (MENU_GAP if d == 0 else MENU_GAP // 6)

        d = fitting(lambda d: top_of_menu(d) + needed, bottom, step=4, most=56)
        top = top_of_menu(d)
        if top + needed > bottom and len(menu.items) > 1:  # stepped down as far as it goes: two columns?
            menu.set_columns(2)
            for tagline in (True, False):
                top = top_of_menu(d, True, tagline)
                grid = two_columns.fit(menu.list, GRID_WIDTH, bottom - top,
                                       two_columns.sizes(app.theme, most=app.theme.body_size - 2), menu.set_size)
                if grid is not None:
                    menu.area = pygame.Rect(MENU_LEFT, top, GRID_WIDTH, grid)
                    return self._layout(d, True, tagline), top
            menu.size = app.theme.body_size - 2
            menu.set_columns(1)
            top = top_of_menu(d)
        tallest = max(menu._measure(i, menu.width) for i in range(len(menu.items)))
        menu.area = pygame.Rect(MENU_LEFT, top, menu.width, max(tallest, min(needed, bottom - top)))
        return self._layout(d), top

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        surface.blit(self.app.images.title_picture(), (0, 0))
        veil = self._veil()
        surface.blits([(veil, (0, y)) for y in range(0, HEIGHT, VEIL_ROWS)], doreturn=False)
        lines, _ = self._arrange()
        y, right, bottom = TITLE_TOP, TEXT_LEFT, TITLE_TOP
        for text, size, colour, bold, gap, beside in lines:
            picture = fonts.render(text, size, colour, bold)
            if beside:  # on the title's row, after it, on the same foot
                surface.blit(picture, (right + BESIDE_GAP, bottom - fonts.line_height(size)))
                continue
            y += gap
            surface.blit(picture, (TEXT_LEFT, y))
            right, y = TEXT_LEFT + picture.get_width(), y + fonts.line_height(size)
            bottom = y
        self.menu.draw(surface, fonts, theme)
        hint = fonts.render(self.hint(), theme.small_size - 2, theme.dim)
        top = self._hint_top()
        panel(surface, pygame.Rect(100, top, hint.get_width() + 30, hint.get_height() + 16), theme, alpha=140,
              radius=8)
        surface.blit(hint, (115, top + 8))
