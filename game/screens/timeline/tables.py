"""The remakes and awards tables, on the UI kit's ScrollList (selection, scrolling, wheel, clicks, digits, bar).

Cells wrap at whole words inside their columns; when a column is too narrow for a word (large text)
each row becomes a block of lines instead. Sources are named by their titles.
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...timeline.controller import TimelineController
from ...ui import draw
from ...ui.fonts import FontBook
from ...ui.theme import WIDTH, Theme
from ...ui.widgets import ListLayout, ScrollList
from ...words import t
from .frame import ScreenFrame
from .style import Style

MARGIN = 40


@dataclass(frozen=True)
class Table:
    """A table tab's content: title, columns, rows and note."""

    title: str
    columns: list[tuple[str, float]]               # name, share of the width
    rows: list[tuple[str, list[str], bool]]        # event id, cells, the sources differ
    note: str
    group_first: bool = False                      # the first column repeats: show it once per group


@dataclass(frozen=True)
class TableFrame:
    """Where a table tab's title, counter, header, rows, note and columns go."""

    title: pygame.Rect
    counter: pygame.Rect
    header: pygame.Rect
    area: pygame.Rect                              # where the rows go
    note: pygame.Rect
    columns: list[tuple[str, int, int]]            # name, x, width
    stacked: bool


def table_for(ctl: TimelineController) -> Table:
    tl = ctl.timeline
    if ctl.mode == "remakes":
        rows = [(r.event, [r.year, r.film, r.country, r.director, r.status,
                           ", ".join(tl.source_title(s) for s in r.sources)], bool(tl.event(r.event).differ))
                for r in tl.remakes()]
        columns = [(t("tables.year"), 0.09), (t("tables.film"), 0.23), (t("tables.country"), 0.14),
                   (t("tables.director"), 0.18), (t("tables.status"), 0.18), (t("tables.source"), 0.18)]
        return Table(t("tables.remakes"), columns, rows, tl.readable(tl.notes.get("remakes", "")))
    rows = [(r.event, [r.ceremony, r.category, r.recipient], r.differs) for r in tl.awards()]
    columns = [(t("tables.ceremony"), 0.36), (t("tables.category"), 0.28), (t("tables.recipient"), 0.36)]
    note = " ".join(filter(None, (tl.readable(tl.notes.get("awards", "")), t("tables.enter_opens"))))
    return Table(t("tables.awards"), columns, rows, note, group_first=True)


def _pad(fonts: FontBook) -> int:
    return round(8 * fonts.scale)


def table_frame(fonts: FontBook, st: Style, table: Table, sf: ScreenFrame) -> TableFrame:
    width = WIDTH - 2 * MARGIN
    title = pygame.Rect(MARGIN, sf.header.bottom + round(6 * fonts.scale), 0, fonts.line_height(st.title))
    title.width = fonts.width(table.title, st.title, True)
    counter_w = fonts.width(t("tables.rows", first=10, last=10, count=len(table.rows)), st.hint)
    counter = pygame.Rect(WIDTH - MARGIN - counter_w, title.top, counter_w, fonts.line_height(st.hint))
    columns, x = [], MARGIN
    for name, share in table.columns:
        columns.append((name, x, round(width * share)))
        x += round(width * share)
    pad = _pad(fonts)
    stacked = not all(fonts.width(word, st.small, col == 0) <= w - 2 * pad - 12
                      for _, cells, _ in table.rows
                      for col, (c, (_, _, w)) in enumerate(zip(cells, columns, strict=False)) for word in c.split())
    note_h = len(fonts.wrap(table.note, st.hint, width)) * fonts.line_height(st.hint)
    note = pygame.Rect(MARGIN, sf.footer.top - note_h - 4, width, note_h)
    if stacked:   # rows are blocks that name their fields: no column header; the tab names the table
        columns = []
        header = pygame.Rect(MARGIN, title.bottom + 2, width, 0)
        tallest = max(row_height(fonts, st, table, TableFrame(title, counter, header, note, note, columns, True), i,
                                 width - 18) for i in range(len(table.rows)))
        if note.top - 6 - header.bottom - 4 < tallest:
            title = counter = pygame.Rect(MARGIN, sf.header.bottom, 0, 0)
            header = pygame.Rect(MARGIN, sf.header.bottom + 4, width, 0)
    else:
        header = pygame.Rect(MARGIN, title.bottom + 2, width, fonts.line_height(st.small) + 6)
    area = pygame.Rect(MARGIN, header.bottom + 4, width, note.top - 6 - header.bottom - 4)
    return TableFrame(title, counter, header, area, note, columns, stacked)


def row_lines(fonts: FontBook, st: Style, table: Table, tf: TableFrame, i: int, width: int) -> list[list[str]]:
    """Row i's text: one list of lines per column, or (stacked) a heading then 'Column: value' lines."""
    pad = _pad(fonts)
    cells = table.rows[i][1]
    if tf.stacked:
        names = [name for name, _ in table.columns]
        details = " · ".join(f"{name}: {value}" for name, value in zip(names[2:], cells[2:], strict=False) if value)
        return [fonts.wrap(" · ".join(c for c in cells[:2] if c), st.small, width - 2 * pad, True),
                fonts.wrap(details, st.small, width - 2 * pad) if details else []]
    scale = width / tf.area.width
    return [fonts.wrap(c, st.small, round(w * scale) - 2 * pad, col == 0)
            for col, (c, (_, _, w)) in enumerate(zip(cells, tf.columns, strict=False))]


def row_height(fonts: FontBook, st: Style, table: Table, tf: TableFrame, i: int, width: int) -> int:
    lines = row_lines(fonts, st, table, tf, i, width)
    count = sum(len(c) for c in lines) if tf.stacked else max(len(c) for c in lines)
    differ = fonts.line_height(st.hint) if table.rows[i][2] else 0
    return count * fonts.line_height(st.small) + 2 * _pad(fonts) + differ


def draw_table(surface: pygame.Surface, fonts: FontBook, st: Style, theme: Theme, table: Table, tf: TableFrame,
               lay: ListLayout, index: int) -> None:
    if tf.title.height:
        draw.text(surface, fonts, table.title, st.title, st.text, tf.title.topleft, bold=True)
    if lay.rows and tf.counter.height:
        shown = sorted(lay.rows)
        draw.text(surface, fonts, t("tables.rows", first=shown[0] + 1, last=shown[-1] + 1, count=len(table.rows)),
                  st.hint, st.dim,
                  tf.counter.topright, anchor="topright")
    for name, x, _w in tf.columns:
        draw.text(surface, fonts, name, st.small, st.accent, (x + _pad(fonts), tf.header.top), bold=True)
    if tf.header.height:
        draw.line(surface, st.accent, (MARGIN, tf.header.bottom), (WIDTH - MARGIN, tf.header.bottom), 2)
    previous = table.rows[lay.first - 1][1][0] if lay.first else None
    for i, rect in sorted(lay.rows.items()):
        if i == index:
            draw.box(surface, st.button, rect, radius=6)
            draw.box(surface, st.accent, pygame.Rect(rect.left, rect.top + 4, 5, rect.height - 8))
        elif i % 2 and not st.high_contrast:
            draw.box(surface, st.band, rect)
        with draw.clip(surface, rect):
            _draw_row(surface, fonts, st, table, tf, i, rect, repeat=i != lay.first and table.rows[i][1][0] == previous)
        previous = table.rows[i][1][0]
    ScrollList.draw_bar(surface, lay, theme)
    y = tf.note.top
    for line in fonts.wrap(table.note, st.hint, tf.note.width):
        draw.text(surface, fonts, line, st.hint, st.dim, (tf.note.left, y))
        y += fonts.line_height(st.hint)


def _draw_row(surface: pygame.Surface, fonts: FontBook, st: Style, table: Table, tf: TableFrame, i: int,
              rect: pygame.Rect, repeat: bool) -> None:
    """One row: a block of lines (stacked) or its cells side by side; `repeat`: the same group as the row above."""
    pad, line_h = _pad(fonts), fonts.line_height(st.small)
    lines = row_lines(fonts, st, table, tf, i, rect.width)
    if tf.stacked:
        y = rect.top + pad
        for k, cell in enumerate(lines):
            for line in cell:
                draw.text(surface, fonts, line, st.small, st.accent if k == 0 else st.text, (rect.left + pad, y),
                          bold=k == 0)
                y += line_h
    else:
        x = rect.left
        for col, ((_name, _x, w), cell) in enumerate(zip(tf.columns, lines, strict=False)):
            if not (table.group_first and col == 0 and repeat):
                colour = st.accent if table.group_first and col == 0 else st.text
                for k, line in enumerate(cell):
                    draw.text(surface, fonts, line, st.small, colour, (x + pad, rect.top + pad + k * line_h),
                              bold=col == 0)
            x += round(w * rect.width / tf.area.width)
    if table.rows[i][2]:
        draw.text(surface, fonts, t("tables.differ"), st.hint, st.differ,
                  (rect.right - pad, rect.bottom - pad // 2), anchor="bottomright", bold=True)
