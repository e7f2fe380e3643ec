"""'Film and reality': the real 1972 case and Joe Arridy beside the film's fiction, then every
place where the two sources disagree, side by side. ← → turn the pages; when a page's columns do
not fit (large text), ↑ ↓ scroll them, with an indicator; Esc goes back."""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from ..classroom.reality import Comparison, DifferCard
from ..ui import draw
from ..ui.draw import block_height, text_block
from ..ui.input import Act, Action
from ..ui.layout import Layout
from ..ui.screen import Screen
from ..ui.theme import WIDTH
from ..words import t
from .classroom_ui import (
    MARGIN,
    SCREEN,
    Footer,
    Heading,
    backdrop,
    draw_footer,
    draw_heading,
    draw_scroll_bar,
    footer_layout,
    heading_layout,
    high_contrast,
    scroll_bar,
    steps,
)


def hints() -> tuple[str, ...]:
    return t("reality.hint_long"), t("reality.hint"), t("reality.hint_short")


GAP = 30


@dataclass
class Side:
    """One column of a reality card: the film's side or an account's, with its source."""

    label: str
    body: str
    where: str
    colour: tuple[int, int, int]
    tint: bool = False


@dataclass
class RealityLayout:
    """Where a reality card's heading, columns and text go."""

    heading: Heading
    counter: pygame.Rect
    columns: list[pygame.Rect]
    bodies: list[pygame.Rect]   # where each column's body text goes
    text_size: int
    scroll_room: int            # px the page is taller than where it shows (0: everything shows)
    below: pygame.Rect | None   # the note, or the question and hint
    below_size: int
    footer: Footer
    page: pygame.Rect | None = None  # set when the page scrolls as a whole: where it shows (else all fits)



class RealityScreen(Screen):
    def __init__(self, app, start: int = 0):
        super().__init__(app)
        reality = app.library.reality
        self.differ_start = len(reality.comparisons)
        self.pages: list[Comparison | DifferCard] = [*reality.comparisons, *reality.differ]
        self.index = max(0, min(start, len(self.pages) - 1))
        self.scroll = 0

    @property
    def page(self) -> Comparison | DifferCard:
        return self.pages[self.index]

    def first_differ(self) -> int:
        return self.differ_start

    def turn(self, index: int) -> None:
        index = max(0, min(len(self.pages) - 1, index))
        if index != self.index:
            self.index, self.scroll = index, 0

    def on_action(self, action: Action) -> None:
        name = action.name
        if name in (Act.RIGHT, Act.CONFIRM, Act.NEXT, Act.CLICK, Act.ROLLFORWARD):
            self.turn(self.index + 1)
        elif name in (Act.LEFT, Act.ROLLBACK, Act.PREV):
            self.turn(self.index - 1)
        elif name in (Act.DOWN, Act.WHEEL_DOWN, Act.UP, Act.WHEEL_UP):
            room = self.parts().scroll_room
            step = self.app.theme.size("body") * 2 * (1 if name in (Act.DOWN, Act.WHEEL_DOWN) else -1)
            if room:
                self.scroll = max(0, min(room, self.scroll + step))
            else:
                self.turn(self.index + (1 if step > 0 else -1))
        elif name == Act.HOME:
            self.turn(0)
        elif name == Act.END:
            self.turn(self.first_differ())
        elif name in (Act.CANCEL, Act.MENU):
            self.app.pop()

    # --- layout ------------------------------------------------------------------------------------

    def texts(self) -> tuple[str, str, object, list[Side], str, str]:
        """(tag, topic, tag colour, the two sides, the line under them, a hint under that)."""
        theme, story, page = self.app.theme, self.app.story, self.page
        if isinstance(page, Comparison):
            fact = theme.fact
            return (t("reality.tag"), page.topic, fact,
                    [Side(t("reality.film"), page.film.text,
                          t("reality.source", source=story.source_title(page.film.source), section=page.film.section),
                          theme.evidence),
                     Side(t("reality.real"), page.real.text,
                          t("reality.source", source=story.source_title(page.real.source), section=page.real.section),
                          fact, True)],
                    page.note, "")
        differ = theme.differ
        sides = [Side(story.source_title(a.source).upper(), a.text, t("reality.section", section=a.section), differ)
                 for a in page.accounts[:2]]
        return t("reality.differ"), page.topic, differ, sides, page.question or t("reality.check_question"), page.hint

    def layout(self) -> Layout:
        """header (tag, title), counter, column0/1 (or page, when it scrolls), below, footer."""
        parts, lay = self.parts(), Layout()
        parts.heading.into(lay)
        lay.add("counter", parts.counter, self.app.theme.size("hint"))
        if parts.page is not None:
            lay.add("page", parts.page, parts.text_size)
        else:
            for i, rect in enumerate(parts.columns):
                lay.add(f"column{i}", rect, parts.text_size)
            if parts.below is not None:
                lay.add("below", parts.below, parts.below_size)
        parts.footer.into(lay)
        return lay

    def parts(self) -> RealityLayout:
        """Two columns side by side with the note or question under them when they fit; otherwise (large
        text) one column after the other and the note, as one page that ↑ ↓ scroll."""
        fonts, theme = self.app.fonts, self.app.theme
        tag, topic, _, sides, under, hint_text = self.texts()
        hint = theme.size("hint")
        foot = footer_layout(fonts, theme, hints())
        counter_text = f"{self.index + 1} / {len(self.pages)}"
        counter_w = fonts.width(counter_text, hint)
        counter = pygame.Rect(WIDTH - MARGIN - counter_w, 14, counter_w, fonts.line_height(hint))
        head = heading_layout(fonts, theme, tag, topic, top=14, room=2 * fonts.line_height(theme.size("big")),
                              side=counter_w + 10)
        area = pygame.Rect(MARGIN, head.bottom + 12, WIDTH - 2 * MARGIN, foot.rect.top - 10 - head.bottom - 12)
        below_text = " ".join(t for t in (under, hint_text) if t)
        bold = isinstance(self.page, DifferCard)
        for below_size in steps(theme, "body", "hint") if bold else (hint,):
            below_h = block_height(fonts, below_text, below_size, area.width, bold, spacing=1.0) if below_text else 0
            col_w = (area.width - GAP) // 2
            room = area.height - (below_h + 10 if below_h else 0)
            for text_size in steps(theme, "body", "hint"):
                heights = [self._side_height(side, col_w, text_size) for side in sides]
                if max(heights) <= room:
                    columns = [pygame.Rect(area.left + i * (col_w + GAP), area.top, col_w, room)
                               for i in range(len(sides))]
                    below = pygame.Rect(area.left, area.bottom - below_h, area.width, below_h) if below_h else None
                    return RealityLayout(head, counter, columns, self._bodies(sides, columns), text_size, 0, below,
                                         below_size, foot)
        # one after the other, in a page that scrolls: rectangles as if the page were not scrolled
        columns, y = [], area.top
        for side in sides:
            h = self._side_height(side, area.width, hint)
            columns.append(pygame.Rect(area.left, y, area.width, h))
            y += h + 12
        below_h = block_height(fonts, below_text, hint, area.width, bold, spacing=1.0) if below_text else 0
        below = pygame.Rect(area.left, y, area.width, below_h) if below_h else None
        total = y + below_h - area.top
        return RealityLayout(head, counter, columns, self._bodies(sides, columns), hint,
                             max(0, total - area.height), below, hint, foot, area)

    def _side_height(self, side: Side, width: int, text_size: int) -> int:
        fonts, hint = self.app.fonts, self.app.theme.size("hint")
        inner = width - 48 - 14
        return (14 + block_height(fonts, side.label, hint, inner, bold=True, spacing=1.0) + 8
                + block_height(fonts, side.body, text_size, inner) + 10
                + (block_height(fonts, side.where, hint, inner, spacing=1.0) if side.where else 0) + 12)

    def _bodies(self, sides: list[Side], columns: list[pygame.Rect]) -> list[pygame.Rect]:
        fonts, hint = self.app.fonts, self.app.theme.size("hint")
        bodies = []
        for side, rect in zip(sides, columns):
            inner = rect.width - 48 - 14
            label_h = block_height(fonts, side.label, hint, inner, bold=True, spacing=1.0)
            where_h = block_height(fonts, side.where, hint, inner, spacing=1.0) if side.where else 0
            bodies.append(pygame.Rect(rect.left + 24, rect.top + 14 + label_h + 8, inner,
                                      rect.height - 14 - label_h - 8 - 10 - where_h - 12))
        return bodies

    # --- drawing -----------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        hint = theme.size("hint")
        backdrop(surface, self.app, 228)
        tag, topic, colour, sides, under, hint_text = self.texts()
        layout = self.parts()
        self.scroll = min(self.scroll, layout.scroll_room)
        draw_heading(surface, self.app, layout.heading, tag, topic, colour)
        draw.text(surface, fonts, f"{self.index + 1} / {len(self.pages)}", hint, theme.dim, layout.counter.topleft)
        with draw.clip(surface, layout.page or SCREEN):
            self._draw_page(surface, layout, sides, under, hint_text)
        if layout.page is not None:
            draw_scroll_bar(surface, theme, *scroll_bar(layout.page, layout.page.height + layout.scroll_room,
                                                        self.scroll))
        draw_footer(surface, self.app, layout.footer)

    def _draw_page(self, surface: pygame.Surface, layout: RealityLayout, sides: list[Side], under: str,
                   hint_text: str) -> None:
        fonts, theme = self.app.fonts, self.app.theme
        hint = theme.size("hint")
        dy = -self.scroll
        for side, rect, body in zip(sides, layout.columns, layout.bodies):
            rect, body = rect.move(0, dy), body.move(0, dy)
            draw.panel(surface, rect, theme, edge=side.colour, alpha=240)
            if side.tint and not high_contrast(theme):
                draw.box(surface, side.colour, rect.inflate(-6, -6), radius=12, alpha=40)
            text_block(surface, fonts, side.label, hint, side.colour,
                       pygame.Rect(body.left, rect.top + 14, body.width, 0), bold=True, spacing=1.0)
            text_block(surface, fonts, side.body, layout.text_size, theme.text, body)
            if side.where:
                text_block(surface, fonts, side.where, hint, theme.dim,
                           pygame.Rect(body.left, body.bottom + 10, body.width, 0), spacing=1.0)
        if layout.below is not None:
            text_block(surface, fonts, " ".join(t for t in (under, hint_text) if t), layout.below_size,
                       theme.accent if under and isinstance(self.page, DifferCard) else theme.dim,
                       layout.below.move(0, dy), bold=isinstance(self.page, DifferCard), align="center", spacing=1.0)
