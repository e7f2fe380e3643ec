"""Save and load slots: a grid of manual slots with thumbnails, and a page of quick/auto saves.

The grid has three columns at normal text sizes and two at large ones; a slot card grows to
hold its title and date at the text size the player chose, and rows of cards scroll (a
ScrollList over the grid's rows) instead of the text shrinking. When they scroll, the rows in
view are stretched to fill the grid's height (whole rows only, never one cut at the bottom).
Toasts ("Saved (slot 1).") go over the footer's key hints, so the grid never moves for one and no card
is covered.
"""
from __future__ import annotations

import time

import pygame

from ..runtime.runtime import Options
from ..saves import AUTO_SLOTS, MANUAL_SLOTS, QUICK, SaveError, SlotInfo
from ..ui import draw
from ..ui.input import Act, Action
from ..ui.layout import Layout, Rect
from ..ui.screen import Screen
from ..ui.theme import HEIGHT, WIDTH
from ..ui.widgets import Grid, GridLayout, Heights, ScrollList, Selection, Used
from ..words import chapter_label, language, t

SIDE = 60        # left and right margins
GAP = 14         # between cards
PAD = 14         # inside a card
THUMB = (192, 108)
TALL_PICTURE = 384  # the widest picture of a card stretched tall (thumbnails are kept at 256x144: 1.5x)
DATE_GAP = 16    # at least this between a card's slot name and its date
PAGES = {"save": [("saves.tab_slots", MANUAL_SLOTS), ("saves.tab_quick", [QUICK])],  # (key of the tab's name, slots)
         "load": [("saves.tab_slots", MANUAL_SLOTS), ("saves.tab_quick_auto", [QUICK, *AUTO_SLOTS])]}


def saved_at(seconds: float, short: bool = False) -> str:
    """When a save was made, in the player's language: "30 Nov 2026 21:36" / "2026년 11월 30일 21:36", or
    `short` for a card with no room for that: "30 Nov '26 21:36" / "26.11.30 21:36"."""
    at = time.localtime(seconds)
    return t("saves.saved_at_short" if short else "saves.saved_at", day=at.tm_mday, mon=time.strftime("%b", at),
             m=at.tm_mon, year=at.tm_year, yy=f"{at.tm_year % 100:02d}", mm=f"{at.tm_mon:02d}",
             dd=f"{at.tm_mday:02d}", time=time.strftime("%H:%M", at))


def slot_name(slot: str) -> str:
    if slot == "quick":
        return t("saves.quick")
    return t("saves.auto", number=slot[-1]) if slot.startswith("auto") else t("saves.slot", number=slot)


def filled(grid: GridLayout, cols: int) -> GridLayout:
    """`grid` (of `cols` columns) with the rows in view stretched to fill its height when it scrolls: the space
    the next row found too small is shared out among the rows shown, each card its row's height. A grid whose
    rows all show keeps them as they are (one quicksave card is not stretched to the page)."""
    rows = grid.rows.rows
    if grid.rows.bar is None or not rows:
        return grid
    spare = grid.area.bottom - max(rect.bottom for rect in rows.values())
    stretched, moved = {}, 0  # row -> its rectangle, stretched
    for n, (row, rect) in enumerate(rows.items()):
        grow = spare // len(rows) + (n < spare % len(rows))
        stretched[row] = Rect(rect.left, rect.top + moved, rect.width, rect.height + grow)
        moved += grow
    cells = {i: Rect(cell.left, stretched[i // cols].top, cell.width, stretched[i // cols].height)
             for i, cell in grid.cells.items()}
    return GridLayout(grid.area, cells, grid.rows)


class SaveLoadScreen(Screen):
    """`mode` is "save" (needs the play screen) or "load" (from the title or the game)."""

    opaque = True
    covers_canvas = True  # draw_page paints the backdrop over all of it
    toasts_in_footer = True  # a toast covers no card and moves none; the overwrite question, asked there, clears them

    def __init__(self, app, mode: str, play=None):
        super().__init__(app)
        self.mode = mode
        self.play = play
        self.page = 0
        self.confirm_slot = ""  # a filled slot asks once before it is overwritten
        self.refused: dict[str, str] = {}  # slot -> why loading it failed (shown on its card until it is saved over)
        self.refused_kind: dict[str, str] = {}  # slot -> SaveError.kind (the card says it in short)
        self.thumbs: dict[tuple[str, tuple[int, int]], pygame.Surface | None] = {}  # (slot, size) ->
        self._cards: dict[str, tuple[tuple, pygame.Surface]] = {}  # slot -> (what its card shows, the card)
        self._laid: tuple[tuple | None, Layout] = (None, Layout())  # (what the layout depends on, the layout)
        self._heights = Heights(self._slot_height)
        self.grid = Grid(0, 3, self._cell_height, gap=GAP)
        self.refresh()

    def refresh(self) -> None:
        self.infos: list[SlotInfo] = [self.app.profile.saves.info(s) for s in PAGES[self.mode][self.page][1]]
        self.present = {info.slot: info.path.exists() for info in self.infos}  # looked at once, not every frame
        self.thumbs = {}
        self.grid.count = len(self.infos)
        self.index = max(0, min(self.index, len(self.infos) - 1))

    index = Selection("grid")

    # --- layout ---------------------------------------------------------------------------------

    @property
    def cols(self) -> int:
        return 3 if self.app.fonts.scale < 1.45 else 2

    def _lines(self, info: SlotInfo) -> list[tuple[str, int, tuple, bool]]:
        """The text beside the thumbnail: (text, size, colour, bold)."""
        theme = self.app.theme
        if info.slot in self.refused or info.damaged:  # in short; the footer gives the whole reason
            kind = self.refused_kind.get(info.slot) or ("newer" if info.newer else "damaged")
            return [(t(f"saves.card_{kind}"), theme.small_size, theme.danger, False)]
        if not self.present.get(info.slot, False):
            return [(t("saves.empty"), theme.small_size, theme.dim, False)]
        scene = self.app.story.scenes.get(info.scene)  # worded in the language being played, not the one saved in
        title, date, chapter = (scene.title, scene.date, scene.chapter) if scene else \
            (info.scene_title, info.date, info.chapter)
        return [(title, theme.small_size, theme.text, True),
                (f"{chapter_label(chapter)} · {date}", theme.hint_size, theme.dim, False)]

    def _text_width(self, width: int) -> int:
        return width - THUMB[0] - 3 * PAD

    def _cell_height(self, i: int, width: int) -> int:
        """A card's height, measured once per width, text size, theme, language and what the slots hold."""
        return self._heights.get(self._shown_key(), i, width)

    def _shown_key(self) -> tuple:
        """What the cards' words and sizes depend on."""
        app = self.app
        return app.fonts, app.theme, language(), app.story, self.infos, tuple(self.refused_kind.items())

    def _slot_height(self, i: int, width: int) -> int:
        return self._card_height(self.infos[i], width)

    def _column_height(self, info: SlotInfo, width: int) -> int:
        """The height of the card's text (`_lines`) set in a column `width` wide."""
        fonts = self.app.fonts
        return sum(draw.block_height(fonts, text, size, width, bold) + 2 for text, size, _, bold in self._lines(info))

    def _footer_height(self) -> int:
        fonts, theme = self.app.fonts, self.app.theme
        return max(fonts.line_height(theme.small_size), fonts.line_height(theme.hint_size))

    def _card_height(self, info: SlotInfo, width: int) -> int:
        column = self._column_height(info, self._text_width(width))
        return PAD + max(THUMB[1], column) + PAD // 2 + self._footer_height() + PAD

    def _arrangement(self, rect: Rect, bottom_top: int) -> tuple[Rect, Rect]:
        """Where a card's picture and its text column go: side by side, or, in a card the grid stretched tall
        (`filled`) with room for it above `bottom_top` (where its bottom line starts), a larger picture on top and
        the text under it, across the card (a stretched card had half its height empty)."""
        side = Rect(rect.left + PAD, rect.top + PAD, *THUMB)
        across = rect.width - 2 * PAD
        column = max(self._column_height(shown, across) for shown in self.infos)  # (every card's picture alike)
        room = bottom_top - PAD // 2 - column - PAD // 2 - side.top  # the picture's height
        width = min(across, TALL_PICTURE, room * 16 // 9)
        if width > THUMB[0]:
            tall = Rect(side.left, side.top, width, width * 9 // 16)
            return tall, Rect(tall.left, tall.bottom + PAD // 2, across, 0)
        return side, Rect(side.right + PAD, side.top, self._text_width(rect.width), 0)

    def _tabs(self, header: Rect) -> list[Rect]:
        fonts, theme = self.app.fonts, self.app.theme
        h = fonts.line_height(theme.small_size) + 16
        widths = [fonts.width(t(name), theme.small_size, True) + 48 for name, _ in PAGES[self.mode]]
        x = WIDTH - SIDE - sum(widths) - GAP * (len(widths) - 1)
        rects = []
        for w in widths:
            rects.append(Rect(x, header.bottom - h, w, h))
            x += w + GAP
        return rects

    def _title(self) -> str:
        return t("saves.save_title") if self.mode == "save" else t("saves.load_title")

    def _hint(self) -> str:
        if self.confirm_slot:
            return t("saves.overwrite", slot=slot_name(self.confirm_slot))
        info = self.infos[self.index] if self.infos else None
        why = info and (self.refused.get(info.slot) or info.damaged and t("saves.damaged", why=info.damaged) + ".")
        return (f"{why}\n" if why else "") + (t("saves.save_hint") if self.mode == "save" else t("saves.load_hint"))

    def layout(self) -> Layout:
        """This frame's rectangles, worked out again only when what they depend on changes (draw and the
        toasts' place ask for them every frame)."""
        key = (*self._shown_key(), self.mode, self.page, self.index, self.grid.rows.first, self.confirm_slot,
               tuple(self.refused.items()))
        if self._laid[0] != key:
            self._laid = (key, self._layout())
        return self._laid[1]

    def _layout(self) -> Layout:
        fonts, theme = self.app.fonts, self.app.theme
        lay = Layout()
        title_w = fonts.width(self._title(), theme.big_size, True)
        tabs_w = sum(fonts.width(t(name), theme.small_size, True) + 48 + GAP for name, _ in PAGES[self.mode])
        title_h = fonts.line_height(theme.big_size)
        tab_h = fonts.line_height(theme.small_size) + 16
        side_by_side = SIDE + title_w + 40 + tabs_w <= WIDTH - SIDE
        header = lay.add("header", Rect(SIDE, 20, WIDTH - 2 * SIDE, title_h if side_by_side else title_h + tab_h + 8))
        lay.add("header/title", Rect(SIDE, header.top, title_w, title_h), theme.big_size)
        for i, rect in enumerate(self._tabs(header)):
            lay.add(f"header/tab{i}", rect, theme.small_size)
        hint_h = draw.block_height(fonts, self._hint(), theme.hint_size, WIDTH - 2 * SIDE)
        footer = lay.add("footer", Rect(SIDE, HEIGHT - hint_h - 10, WIDTH - 2 * SIDE, hint_h), theme.hint_size)
        top = header.bottom + 16
        grid = lay.add("grid", Rect(SIDE, top, WIDTH - 2 * SIDE, footer.top - 12 - top))
        self.grid.cols = self.cols
        filled(self.grid.layout(grid), self.grid.cols).into(lay, "grid")
        for i in range(len(self.infos)):
            if f"grid/cell{i}" in lay:
                lay.sizes[f"grid/cell{i}"] = theme.small_size
        return lay

    @property
    def rects(self) -> list[Rect]:
        """Every slot's card this frame (an empty rectangle for a slot scrolled out of view)."""
        lay = self.layout()
        return [lay.get(f"grid/cell{i}") or Rect(0, 0, 0, 0) for i in range(len(self.infos))]

    # --- input ----------------------------------------------------------------------------------

    def turn(self, page: int) -> None:
        self.page = page % len(PAGES[self.mode])
        self.index, self.confirm_slot = 0, ""
        self.refresh()

    def on_action(self, action: Action) -> None:
        name = action.name
        lay = self.layout()
        tab = lay.hit(action.pos, "header") if name == Act.CLICK and action.pos else None
        if name in (Act.CANCEL, Act.MENU):
            self.app.pop()
        elif name in (Act.NEXT, Act.PREV):
            self.turn(self.page + (1 if name == Act.NEXT else -1))
        elif name == Act.DIGIT and action.number <= len(self.infos):  # digits are slot numbers
            self.index = action.number - 1
            self.activate()
        elif tab is not None and tab.startswith("header/tab"):
            self.turn(int(tab.removeprefix("header/tab")))
        else:
            before = self.index
            used = self._grid_action(action, lay)
            if used and used.chosen is not None:
                self.activate()
            elif self.index != before:
                self.confirm_slot = ""

    def _grid_action(self, action: Action, lay: Layout) -> Used | None:
        """The grid's keys, wheel and scroll bar; a pointer on a card is hit-tested on the cards as drawn (their
        rows stretched to fill the grid), not on the grid's own rows."""
        pointer = action.name in (Act.CLICK, Act.POINT) and action.pos is not None
        hit = lay.hit(action.pos, "grid") if pointer else None
        if not pointer or hit == "grid/bar":
            return self.grid.on_action(action, lay["grid"])
        if hit is None:
            return None
        self.index = int(hit.removeprefix("grid/cell"))
        return Used(chosen=self.index) if action.name == Act.CLICK else Used()

    def activate(self) -> None:
        info = self.infos[self.index]
        if self.mode == "save":
            if info.path.exists() and self.confirm_slot != info.slot:
                self.confirm_slot = info.slot
                self.app.toasts.clear()  # the question is asked where toasts go
                return
            self.play.save(info.slot)
            self.confirm_slot = ""
            self.refused.pop(info.slot, None)
            self.refused_kind.pop(info.slot, None)
            self.refresh()
            return
        if not info.path.exists():  # empty, or a damaged save already set aside: say why again, if known
            if info.slot in self.refused:
                self.app.notify(t(f"saves.card_{self.refused_kind[info.slot]}"))
            return
        self.load(info.slot)

    def load(self, slot: str) -> None:
        """Load first; only a load that worked leaves this screen (for the game it resumes). A refused or
        damaged save keeps the player here, with the reason as a toast and on the slot's card."""
        app = self.app
        options = self.play.rt.options if self.play is not None else Options(
            prompts=app.settings.prompts_in_play or app.classroom, content_notes=app.settings.content_notes)
        try:
            resumed = app.profile.saves.load(slot, app.story, options, app.profile.seen)
        except SaveError as exc:
            self.refused[slot], self.refused_kind[slot] = str(exc), exc.kind
            app.notify(t(f"saves.card_{exc.kind}"))
            self.refresh()
            return
        app.pop()
        play = self.play if self.play is not None else app.nav.open("play", options=options)
        play.adopt(resumed, t("saves.loaded"))

    # --- drawing --------------------------------------------------------------------------------

    def _thumb(self, info: SlotInfo, size: tuple[int, int]) -> pygame.Surface | None:
        key = (info.slot, size)
        if key not in self.thumbs:
            self.thumbs[key] = draw.scaled(image, size) if (image := draw.load_image(info.thumbnail)) else None
        return self.thumbs[key]

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        lay = self.draw_page(surface, self._title(), "header/title")
        for i, (name, _) in enumerate(PAGES[self.mode]):
            rect, on = lay[f"header/tab{i}"], i == self.page
            draw.panel(surface, rect, theme, alpha=220 if on else 140, edge=theme.accent if on else theme.grid,
                       radius=8)
            draw.text(surface, fonts, t(name), theme.small_size, theme.accent if on else theme.dim, rect.center,
                      anchor="center", bold=on)
        for i, info in enumerate(self.infos):
            rect = lay.get(f"grid/cell{i}")
            if rect is not None:
                self._draw_slot(surface, rect, info, i == self.index)
        if "grid/bar" in lay:
            ScrollList.draw_bar(surface, self.grid.layout(lay["grid"]).rows, theme)
        if not self.toasts_showing():  # a toast takes the footer's place (toasts_in_footer)
            draw.text_block(surface, fonts, self._hint(), theme.hint_size,
                            theme.accent if self.confirm_slot else theme.dim, lay["footer"], align="center")

    def _draw_slot(self, surface: pygame.Surface, rect: Rect, info: SlotInfo, selected: bool) -> None:
        """A slot's card, painted once on its own picture over the page's backdrop and blitted until what it
        shows changes (its save, the selection, the text size, the theme, the language)."""
        app = self.app
        key = (info, selected, rect.size, app.fonts, app.theme, language(), app.story, self.present.get(info.slot),
               self.refused_kind.get(info.slot))  # (a new thumbnail comes with a new info: refresh())
        kept = self._cards.get(info.slot)
        if kept is None or kept[0] != key:
            same = kept is not None and kept[1].get_size() == rect.size
            card = kept[1] if same else pygame.Surface(rect.size, 0, surface)  # (painted over: no new pages)
            card.fill(app.theme.backdrop)
            self._paint_slot(card, Rect((0, 0), rect.size), info, selected)
            kept = self._cards[info.slot] = (key, card)
        surface.blit(kept[1], rect.topleft)

    def _paint_slot(self, surface: pygame.Surface, rect: Rect, info: SlotInfo, selected: bool) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        draw.panel(surface, rect, theme, alpha=235 if selected else 180, edge=theme.accent if selected else theme.grid,
                   radius=10)
        filled = self._filled(info)
        bottom_line = self._bottom_line(rect, info, filled)
        thumb_rect, column = self._arrangement(rect, self._bottom_top(bottom_line))
        draw.box(surface, theme.grid, thumb_rect, radius=6)
        if filled:
            thumb = self._thumb(info, thumb_rect.size)
            if thumb is not None:
                draw.image(surface, thumb, thumb_rect)
        y = column.top
        for text, size, colour, bold in self._lines(info):
            y = draw.text_block(surface, fonts, text, size, colour, Rect(column.left, y, column.width, 0),
                                bold=bold) + 2
        for words, size, bold, where, anchor in bottom_line:
            colour = (theme.accent if selected else theme.text) if bold else theme.dim
            draw.text(surface, fonts, words, size, colour, where, anchor=anchor, bold=bold)

    def _filled(self, info: SlotInfo) -> bool:
        """The slot holds a save that shows (its picture, its date): not empty, damaged or refused."""
        return self.present.get(info.slot, False) and not info.damaged and info.slot not in self.refused

    def _bottom_top(self, bottom_line: list[tuple[str, int, bool, tuple[int, int], str]]) -> int:
        """Where a card's bottom line (`_bottom_line`) starts: the top of its highest words."""
        return min(where[1] for *_, where, _ in bottom_line) - self._footer_height()

    def card_parts(self, i: int) -> tuple[Rect, Rect, Rect, int] | None:
        """Slot `i`'s card, picture and text column (its height 0: the text's own) and the top of its bottom line,
        as painted this frame; None when it is scrolled out of view."""
        rect = self.layout().get(f"grid/cell{i}")
        if rect is None:
            return None
        info = self.infos[i]
        bottom_top = self._bottom_top(self._bottom_line(rect, info, self._filled(info)))
        return (rect, *self._arrangement(rect, bottom_top), bottom_top)

    def _bottom_line(self, rect: Rect, info: SlotInfo,
                     filled: bool) -> list[tuple[str, int, bool, tuple[int, int], str]]:
        """The card's slot name (bottom left) and, for a filled slot, when it was saved (bottom right), as
        (words, size, bold, point, anchor). A date that does not fit beside the name (Korean at 200% text)
        takes its short form, and if even that does not fit, its own line above the name."""
        fonts, theme = self.app.fonts, self.app.theme
        bottom, label = rect.bottom - PAD, slot_name(info.slot)
        placed = [(label, theme.small_size, True, (rect.left + PAD, bottom), "bottomleft")]
        if not (filled and info.saved_at):
            return placed
        room = rect.width - 2 * PAD - fonts.width(label, theme.small_size, bold=True) - DATE_GAP
        forms = [saved_at(info.saved_at), saved_at(info.saved_at, short=True)]
        when = next((form for form in forms if fonts.width(form, theme.hint_size) <= room), None)
        if when is not None:
            return [*placed, (when, theme.hint_size, False, (rect.right - PAD, bottom), "bottomright")]
        above = bottom - fonts.line_height(theme.small_size)
        return [*placed, (forms[1], theme.hint_size, False, (rect.right - PAD, above), "bottomright")]
