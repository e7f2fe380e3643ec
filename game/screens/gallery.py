"""The gallery: two pages, the story's pictures and its music.

Pictures: the illustrations as tiles (a kit Grid: rows scroll), seen ones as thumbnails, unseen
ones locked. Arrows / d-pad move, Enter / A or a click opens a seen one full screen. Music (the
music room): every piece music.yaml lists (a kit ScrollList), heard ones playable (Enter / A or a
click plays it, the list marks the one playing), unheard ones locked. Tab, Page Up / Page Down,
the controller's shoulder buttons or a click on a page's name switch pages; Esc / B goes back
(the title screen brings its music back). Which pictures were seen and which pieces heard lives
in the player's profile (play.py records the pictures as they show, the app's Audio each track
as it starts).
"""
from __future__ import annotations

import weakref

import pygame

from ..ui import draw
from ..ui.input import Act, Action
from ..ui.layout import Layout, Rect
from ..ui.screen import Screen
from ..ui.theme import HEIGHT, WIDTH
from ..ui.widgets import Grid, ScrollList, Selection
from ..words import t

SIDE = 70
COLUMNS = 3
GAP_X, GAP_Y = 40, 26
CAPTION_GAP = 8
LOCKED, UNHEARD = "gallery.locked", "gallery.unheard"  # keys: t(UNHEARD) is what is shown
PAGES = {"pictures": "gallery.pictures", "music": "gallery.music"}
PAGE_KEYS = {Act.NEXT: 1, Act.ROLLFORWARD: 1, Act.SKIP: 1, Act.PREV: -1, Act.ROLLBACK: -1}  # Tab, PgDn, RB / ⇧Tab...
LIST_SHARE = 0.6  # of the width, for the music list (the chosen piece's card takes the rest)


class GalleryScreen(Screen):
    toasts_in_footer = True  # below the heading a toast sat on the first row of pictures

    def __init__(self, app, page: str = ""):
        super().__init__(app)
        self.items = list(app.story.illustrations.values())
        self.pages = [p for p, there in (("pictures", self.items), ("music", app.story.music)) if there]
        self.page = page if page in self.pages else (self.pages or ["pictures"])[0]
        self.grid = Grid(len(self.items), COLUMNS, self._cell_height, gap=GAP_X, row_gap=GAP_Y)
        self.room = MusicRoom(self)
        self._thumbs: dict[tuple, pygame.Surface] = {}
        self._picture_h = HEIGHT  # the tallest a picture may be this frame (layout sets it)

    index = Selection("grid")

    def on_language(self) -> None:
        """The language changed: the same pictures and pieces (same order, same place) in the new words."""
        self.items = list(self.app.story.illustrations.values())
        self.room.items = list(self.app.story.music.values())
        self._thumbs.clear()

    def turn(self, step: int) -> None:
        """Go to the next (1) or previous (-1) page."""
        if len(self.pages) > 1:
            self.page = self.pages[(self.pages.index(self.page) + step) % len(self.pages)]

    def seen(self, i: int) -> bool:
        return self.items[i].id in self.app.profile.illustrations

    def open_picture(self, i: int) -> None:
        if 0 <= i < len(self.items) and self.seen(i):
            self.index = i
            self.app.push(IllustrationView(self.app, self, i))

    def _caption(self, i: int) -> str:
        return self.items[i].title if self.seen(i) else t(LOCKED)

    # --- layout ---------------------------------------------------------------------------------

    def _cell_height(self, i: int, width: int) -> int:
        fonts, theme = self.app.fonts, self.app.theme
        caption = draw.block_height(fonts, self._caption(i), theme.small_size, width - 16, bold=True)
        return self._picture_height(width) + CAPTION_GAP + caption

    def _page_label(self, page: str) -> str:
        if len(self.pages) > 1:
            return t(PAGES[page])
        return t("gallery.heading") if page == "pictures" else t("gallery.music_room")

    def _count(self) -> str:
        if self.page == "music":
            done = sum(track in self.app.profile.tracks for track in self.app.story.music)
            return t("gallery.heard", done=done, count=len(self.app.story.music))
        return t("gallery.seen", done=sum(self.seen(i) for i in range(len(self.items))), count=len(self.items))

    def hint(self) -> str:
        text = t("gallery.music_hint") if self.page == "music" else t("gallery.hint")
        if len(self.pages) > 1:
            other = t(PAGES[self.pages[(self.pages.index(self.page) + 1) % len(self.pages)]]).lower()
            text = t("gallery.tab_hint", page=other, hint=text)
        return text

    def layout(self) -> Layout:
        fonts, theme = self.app.fonts, self.app.theme
        lay = Layout()
        title_h = fonts.line_height(theme.big_size)
        header = lay.add("header", Rect(SIDE, 26, WIDTH - 2 * SIDE, title_h + 6))
        x = SIDE
        for page in self.pages if len(self.pages) > 1 else [self.page]:
            w = fonts.width(self._page_label(page), theme.big_size, True)
            lay.add(f"header/tab_{page}", Rect(x, header.top, w, title_h), theme.big_size)
            x += w + 48
        count_w = fonts.width(self._count(), theme.small_size)
        count_h = fonts.line_height(theme.small_size)
        if x + count_w <= header.right:
            lay.add("header/count", Rect(header.right - count_w, header.top + title_h - count_h, count_w, count_h),
                    theme.small_size)
        hint_h = draw.block_height(fonts, self.hint(), theme.hint_size, WIDTH - 2 * SIDE)
        footer = lay.add("footer", Rect(SIDE, HEIGHT - hint_h - 14, WIDTH - 2 * SIDE, hint_h), theme.hint_size)
        body = lay.add("body", Rect(SIDE, header.bottom + 20, WIDTH - 2 * SIDE, footer.top - 16 - header.bottom - 20))
        if self.page == "music":
            self.room.layout(body, lay)
        else:
            self._picture_h = self._fit_two_rows(body)
            self.grid.layout(body).into(lay, "body/grid")
        return lay

    def _fit_two_rows(self, body: Rect) -> int:
        """The picture height that lets a second row of tiles show (with large text the captions grow and
        16:9 pictures the column's width would leave one row and empty space below)."""
        if len(self.items) <= COLUMNS:
            return HEIGHT
        fonts, size = self.app.fonts, self.app.theme.small_size
        width = (body.width - (COLUMNS - 1) * GAP_X) // COLUMNS
        caption = max(draw.block_height(fonts, self._caption(i), size, width - 16, bold=True)
                      for i in range(len(self.items)))
        return max(80, (body.height - GAP_Y) // 2 - CAPTION_GAP - caption - 4)

    def _picture_height(self, width: int) -> int:
        return min(width * 9 // 16, self._picture_h)

    @property
    def rects(self) -> list[Rect]:
        """Each tile's picture this frame (empty for a tile scrolled out of view)."""
        cells = self.grid.layout(self.layout()["body"]).cells
        return [self._picture(cells[i]) if i in cells else Rect(0, 0, 0, 0) for i in range(len(self.items))]

    @property
    def tab_rects(self) -> dict[str, Rect]:
        lay = self.layout()
        return {p: lay[f"header/tab_{p}"] for p in self.pages if f"header/tab_{p}" in lay}

    def _picture(self, cell: Rect) -> Rect:
        """A tile's picture: 16:9, as wide as its column unless that is too tall, then centred in it."""
        h = self._picture_height(cell.width)
        w = min(cell.width, h * 16 // 9)
        return Rect(cell.centerx - w // 2, cell.top, w, h)

    # --- input ----------------------------------------------------------------------------------

    def on_action(self, action: Action) -> None:
        name = action.name
        if name in PAGE_KEYS:
            self.turn(PAGE_KEYS[name])
            return
        lay = self.layout()
        if name == Act.CLICK and action.pos:
            tab = lay.hit(action.pos, "header")
            if tab and tab.startswith("header/tab_"):
                self.page = tab.removeprefix("header/tab_")
                return
        if name in (Act.CANCEL, Act.MENU):
            self.app.pop()
        elif self.page == "music":
            self.room.on_action(action, lay["body/list"])
        else:
            used = self.grid.on_action(action, lay["body"])
            if used and used.chosen is not None:
                self.open_picture(used.chosen)

    # --- drawing --------------------------------------------------------------------------------

    def _thumb(self, illustration: str, size: tuple[int, int]) -> pygame.Surface:
        key = (illustration, size)
        if key not in self._thumbs:
            self._thumbs[key] = draw.scaled(self.app.images.illustration(illustration), size)
        return self._thumbs[key]

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        lay = self.layout()
        draw.image(surface, self.app.images.title_picture(), (0, 0))
        draw.shade(surface, 240)  # the title picture stays a hint: its lit windows sat beside a caption
        for page in self.pages:
            rect = lay.get(f"header/tab_{page}")
            if rect is None:
                continue
            here = page == self.page
            draw.text(surface, fonts, self._page_label(page), theme.big_size, theme.text if here else theme.dim,
                      rect.topleft, bold=here)
            if here and len(self.pages) > 1:
                draw.box(surface, theme.accent, Rect(rect.left, rect.bottom + 2, rect.width, 4), radius=2)
        if "header/count" in lay:
            draw.text(surface, fonts, self._count(), theme.small_size, theme.dim, lay["header/count"].topleft)
        if self.page == "music":
            self.room.draw(surface, lay)
        else:
            shown = self.grid.layout(lay["body"])
            for i, cell in shown.cells.items():
                self._tile(surface, i, cell)
            ScrollList.draw_bar(surface, shown.rows, theme)
        if not self.toasts_showing():  # a toast takes the footer's place (toasts_in_footer)
            draw.text_block(surface, fonts, self.hint(), theme.hint_size, theme.dim, lay["footer"], align="center")

    def _tile(self, surface: pygame.Surface, i: int, cell: Rect) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        picture = self._picture(cell)
        if self.seen(i):
            draw.image(surface, self._thumb(self.items[i].id, picture.size), picture.topleft)
        else:
            self._locked(surface, picture)
        selected = i == self.index
        if selected:
            draw.box(surface, theme.accent, picture.inflate(8, 8), width=4, radius=6)
        draw.text_block(surface, fonts, self._caption(i), theme.small_size,
                        theme.accent if selected else (theme.text if self.seen(i) else theme.dim),
                        Rect(cell.left + 8, picture.bottom + CAPTION_GAP, cell.width - 16, 0), bold=True,
                        align="center")

    def _locked(self, surface: pygame.Surface, rect: Rect) -> None:
        """A dark tile with a padlock: the illustration exists but has not been shown yet."""
        theme = self.app.theme
        draw.panel(surface, rect, theme, alpha=235, edge=theme.dim, radius=8)
        lock(surface, Rect(rect.centerx - 24, rect.centery - 30, 48, 60), theme.dim)


def lock(surface: pygame.Surface, r: Rect, colour) -> None:
    """A padlock filling `r` (any size): a body in the lower 3/5 and a shackle above it."""
    body_h = r.height * 3 // 5
    shackle = max(2, r.width // 8)
    draw.box(surface, colour, Rect(r.left, r.bottom - body_h, r.width, body_h), radius=max(2, r.width // 8))
    draw.arc(surface, colour, Rect(r.left + r.width // 6, r.top, r.width * 2 // 3, body_h + shackle), 0, 3.1416,
             width=shackle)


def note(surface: pygame.Surface, r: Rect, colour) -> None:
    """A quaver filling `r`: the piece playing now."""
    head = Rect(r.left, r.bottom - r.height * 2 // 5, r.width // 2, r.height * 2 // 5)
    stem = max(2, r.width // 8)
    draw.circle(surface, colour, head.center, head.height // 2)
    draw.line(surface, colour, (head.right - stem, head.centery), (head.right - stem, r.top), stem)
    draw.line(surface, colour, (head.right - stem, r.top + stem // 2), (r.right, r.top + r.height // 3), stem)


class MusicRoom:
    """The gallery's music page: the pieces in music.yaml's order on the left (a ScrollList); the chosen
    one's card on the right."""

    def __init__(self, gallery: GalleryScreen):
        self._gallery = weakref.ref(gallery)  # the gallery owns its music room: no cycle back to it
        self.app = gallery.app
        self.items = list(self.app.story.music.values())
        self.list = ScrollList(len(self.items), self._row_height, gap=6, wrap=False)

    index = Selection("list")

    @property
    def gallery(self) -> GalleryScreen:
        gallery = self._gallery()
        if gallery is None:
            raise ReferenceError("the music room outlived its gallery")
        return gallery

    @property
    def rects(self) -> list[Rect]:
        """Each row this frame (empty for a row scrolled out of view)."""
        rows = self.list.layout(self.gallery.layout()["body/list"]).rows
        return [rows.get(i, Rect(0, 0, 0, 0)) for i in range(len(self.items))]

    def heard(self, i: int) -> bool:
        return self.items[i].id in self.app.profile.tracks

    def playing(self, i: int) -> bool:
        return self.items[i].id == self.app.audio.track

    def play(self, i: int) -> None:
        if 0 <= i < len(self.items) and self.heard(i):
            self.index = i
            self.app.audio.play_music(self.items[i].id)

    def _title(self, i: int) -> str:
        return self.items[i].title if self.heard(i) else t(UNHEARD)

    def _icon(self) -> int:
        return self.app.fonts.line_height(self.app.theme.body_size) * 11 // 20  # grows with the text

    def _label_width(self, i: int, width: int) -> int:
        """Room for a row's title: the icon on the left, and the "playing" tag on the row that plays."""
        fonts, theme = self.app.fonts, self.app.theme
        tag = fonts.width(t("gallery.playing_tag"), theme.small_size) + 16 if self.playing(i) else 0
        return width - 24 - self._icon() - 16 - tag

    def _row_height(self, i: int, width: int) -> int:
        fonts, theme = self.app.fonts, self.app.theme
        return draw.block_height(fonts, f"{i + 1}. {self._title(i)}", theme.body_size, self._label_width(i, width),
                                 bold=True) + 16

    def layout(self, body: Rect, lay: Layout) -> None:
        theme = self.app.theme
        split = round(body.width * LIST_SHARE)
        area = lay.add("body/list", Rect(body.left, body.top, split, body.height), theme.body_size)
        self.list.layout(area).into(lay, "body/list")
        lay.add("body/card", Rect(area.right + 24, body.top, body.right - area.right - 24, body.height),
                theme.small_size)

    def on_action(self, action: Action, area: Rect | None = None) -> None:
        if area is None:
            area = self.gallery.layout()["body/list"]
        if action.name in (Act.LEFT, Act.RIGHT):
            self.gallery.turn(-1 if action.name == Act.LEFT else 1)
            return
        used = self.list.on_action(action, area)
        if used and used.chosen is not None:
            self.play(used.chosen)

    def draw(self, surface: pygame.Surface, lay: Layout) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        shown = self.list.layout(lay["body/list"])
        side = self._icon()
        for i, rect in shown.rows.items():
            selected, heard = i == self.index, self.heard(i)
            draw.panel(surface, rect, theme, alpha=150 if selected else 90, edge=theme.accent if selected else None,
                       radius=8)
            colour = theme.accent if selected else theme.text if heard else theme.dim
            icon = Rect(rect.left + 12, rect.top + 8 + (fonts.line_height(theme.body_size) - side) // 2, side, side)
            if self.playing(i):
                note(surface, icon, theme.accent)
            elif not heard:
                lock(surface, icon, theme.dim)
            draw.text_block(surface, fonts, f"{i + 1}. {self._title(i)}", theme.body_size, colour,
                            Rect(icon.right + 12, rect.top + 8, self._label_width(i, rect.width), 0), bold=selected)
            if self.playing(i):
                draw.text(surface, fonts, t("gallery.playing_tag"), theme.small_size, theme.accent,
                          (rect.right - 16, icon.centery), anchor="midright")
        ScrollList.draw_bar(surface, shown, theme)
        if self.items:
            self._card(surface, lay["body/card"])

    def _card(self, surface: pygame.Surface, area: Rect) -> None:
        """The chosen piece: its title, where it plays, and whether it is playing or still locked."""
        fonts, theme = self.app.fonts, self.app.theme
        i, item = self.index, self.items[self.index]
        width = area.width - 40
        if self.heard(i):
            parts = [(item.title, theme.body_size, theme.text, True, 0)]
            if item.description:
                parts.append((item.description, theme.small_size, theme.text, False, 10))
            parts.append((t("gallery.playing") if self.playing(i) else t("gallery.enter_to_play"), theme.small_size,
                          theme.accent,
                          False, 16))
        else:
            parts = [(t(UNHEARD), theme.body_size, theme.dim, True, 0),
                     (t("gallery.unlocks"), theme.small_size, theme.dim, False, 10)]
        height = sum(draw.block_height(fonts, text, size, width, bold) + gap for text, size, _, bold, gap in parts) + 40
        rect = Rect(area.left, area.top, area.width, min(area.height, height))
        draw.panel(surface, rect, theme, alpha=170, radius=10)
        y = rect.top + 20
        with draw.clip(surface, rect):  # a very long description at large text: the card ends at the list's foot
            for text, size, colour, bold, gap in parts:
                y = draw.text_block(surface, fonts, text, size, colour, Rect(rect.left + 20, y + gap, width, 0),
                                    bold=bold)


class IllustrationView(Screen):
    """One illustration full screen; ← → step through the seen ones, anything else goes back."""

    def __init__(self, app, gallery: GalleryScreen, index: int):
        super().__init__(app)
        self.gallery = gallery
        self.index = index

    def _text(self) -> str:
        return t("gallery.view_hint", title=self.gallery.items[self.index].title)

    def layout(self) -> Layout:
        fonts, theme = self.app.fonts, self.app.theme
        lay = Layout()
        h = draw.block_height(fonts, self._text(), theme.small_size, WIDTH - 120, spacing=1.0) + 16
        lay.add("caption", Rect(40, HEIGHT - h - 16, WIDTH - 80, h), theme.small_size)
        return lay

    def on_action(self, action: Action) -> None:
        if action.name in (Act.LEFT, Act.RIGHT, Act.UP, Act.DOWN):
            step = -1 if action.name in (Act.LEFT, Act.UP) else 1
            seen = [i for i in range(len(self.gallery.items)) if self.gallery.seen(i)]
            self.index = seen[(seen.index(self.index) + step) % len(seen)]
            self.gallery.index = self.index
        elif action.name in (Act.CONFIRM, Act.CLICK, Act.CANCEL, Act.MENU):
            self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        rect = self.layout()["caption"]
        draw.image(surface, self.app.images.illustration(self.gallery.items[self.index].id), (0, 0))
        draw.panel(surface, rect, theme, alpha=200, radius=10)
        draw.text_block(surface, fonts, self._text(), theme.small_size, theme.text, rect.inflate(-40, -16),
                        spacing=1.0, align="center")
