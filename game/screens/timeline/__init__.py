"""Timeline mode: the film's real history on a zoomable, broken time axis, plus three other views.

Views (digit keys or the tabs at the top): 1 the timeline, 2 the box-office chart, 3 the remakes
table, 4 the awards table. Every fact on screen names its source, by the source's title.

The state, and what input does to it, live in `game.timeline.controller` (pure, tested without a
display); the placement of markers and labels in `game.timeline.layout`. This screen works out
everything the state puts on screen once per change (`view()`: the frame, markers, card, table),
draws from it, hit-tests clicks against the same rectangles, and hands them to the layout tests
as a UI-kit `Layout` (`layout()`).

Modules: frame (fixed rectangles), plot (lanes, markers, axis), card, chart, tables, style (colours
and sizes from the theme's roles).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pygame

from ...timeline.controller import VIEWS, Command, TimelineController
from ...timeline.layout import Placed, Shapes, lane_items, layout_timeline
from ...timeline.model import Event, Timeline
from ...ui import draw
from ...ui.input import Act, Action
from ...ui.layout import Layout
from ...ui.screen import Screen
from ...ui.widgets import ListLayout, ScrollList
from ...words import t
from .card import CardLayout, CardPicture, card_layout
from .chart import ChartLayout, chart_layout, draw_chart
from .frame import (
    ScreenFrame,
    chart_keys,
    fitting_keys,
    screen_frame,
    table_keys,
    timeline_keys,
    title,
)
from .plot import (
    EraMark,
    axis_ticks,
    draw_axis,
    draw_breaks,
    draw_eras,
    draw_ground,
    draw_lanes,
    draw_legend,
    draw_markers,
    draw_selected_span,
    era_marks,
    undated_label,
)
from .style import Style, style
from .tables import Table, TableFrame, draw_table, row_height, table_for, table_frame

__all__ = ["TimelineScreen", "timeline_of"]


def timeline_of(app) -> Timeline | None:
    """The app's timeline: its library's (or, for older callers, its story's)."""
    for holder in (getattr(app, "library", None), getattr(app, "story", None)):
        timeline = getattr(holder, "timeline", None)
        if isinstance(timeline, Timeline):
            return timeline
    return None


@dataclass
class View:
    """Everything the current state puts on screen, worked out before drawing."""

    style: Style
    frame: ScreenFrame
    placed: list[Placed]
    eras: list[EraMark]
    card: CardLayout | None
    table: Table | None
    table_frame: TableFrame | None
    rows: ListLayout | None
    keys: str
    chart: ChartLayout | None = None
    selection: list[str] = field(default_factory=list)   # the selected event's title, when its label found no room
    selection_rect: pygame.Rect | None = None


class TimelineScreen(Screen):
    covers_canvas = True  # every view paints every pixel (the timeline its chrome, the others a backdrop)

    def __init__(self, app, timeline: Timeline | None = None, focus_event: str | None = None,
                 on_open_scene: Callable[[str], None] | None = None, view: str = "timeline"):
        super().__init__(app)
        story_timeline = timeline_of(app)
        timeline = timeline or story_timeline
        if timeline is None:
            raise ValueError(t("timeline.none"))
        self.timeline = timeline
        self.follows_story = timeline is story_timeline  # a hot reload or a language switch brings its new version
        self.on_open_scene = on_open_scene
        self._frames: dict[tuple, ScreenFrame] = {}
        self._lists: dict[str, ScrollList] = {}
        self.hover: tuple[str, ...] | None = None     # the marker under the pointer (its title shows if unlabelled)
        self._forget()
        self.ctl = TimelineController(timeline, self._frame(self._style(), self._all_lanes()).frame(), focus_event,
                                      view)

    def _forget(self) -> None:
        """Drop everything worked out or drawn from the words, the text size and the theme."""
        self._frames.clear()
        self._view: View | None = None
        self._view_for: tuple | None = None
        self._rows_of: tuple[Style, Table, TableFrame] | None = None
        self._style_for: tuple[object, float, Style] | None = None
        self._chrome_surface: pygame.Surface | None = None
        self._chrome_for: tuple | None = None
        self._scenery_surface: pygame.Surface | None = None
        self._scenery_for: tuple | None = None       # what the kept scenery shows
        self._scenery_last: tuple | None = None      # the view drawn last frame
        self._still = draw.Still()                   # the whole frame, while nothing on it changes
        self._card_picture = CardPicture()
        self._cards: dict[tuple, CardLayout] = {}
        self._layout_cache: tuple[tuple, Layout] | None = None
        self._cluster_labels: dict[tuple, str] = {}
        self._items: dict[str, list[tuple[str, float, str]]] | None = None   # each lane's events, for the layout
        self._label_shapes: tuple[tuple, Shapes] | None = None
        self._lists.clear()

    def on_language(self) -> None:
        """The language changed: the same timeline (same events, same place) in the new words."""
        self._adopt(timeline_of(self.app))

    def on_enter(self) -> None:
        """Back on top (after a played scene, or a hot reload): the library's timeline may be a new one."""
        new = timeline_of(self.app)
        if new is not None and new is not self.timeline:
            self._adopt(new)

    def _adopt(self, new: Timeline | None) -> None:
        if new is None or not self.follows_story:
            return  # a timeline of its own (not the story's) stays as it is
        self.timeline = new
        self.ctl.adopt(new)
        self._forget()

    # --- state, for callers and tests ------------------------------------------------------------

    @property
    def selected(self) -> str | None:
        return self.ctl.selected

    @property
    def card_open(self) -> bool:
        return self.ctl.card_open

    @property
    def mode(self) -> str:
        return self.ctl.mode

    @property
    def placed(self) -> list[Placed]:
        return self.view().placed

    @property
    def buttons(self) -> dict[str, pygame.Rect]:
        card = self.view().card
        return {key: rect for key, (rect, _label) in card.buttons.items()} if card else {}

    # --- layout ---------------------------------------------------------------------------------

    def _all_lanes(self) -> list[str]:
        return [lane.id for lane in self.timeline.lanes]

    def _style(self) -> Style:
        theme, scale = self.app.theme, self.app.fonts.scale
        if self._style_for is None or self._style_for[0] is not theme or self._style_for[1] != scale:
            self._style_for = (theme, scale, style(theme, scale))
        return self._style_for[2]

    def _frame(self, st: Style, lanes: list[str]) -> ScreenFrame:
        key = (self.app.fonts.scale, st, tuple(lanes))
        if key not in self._frames:
            if len(self._frames) > 16:
                self._frames.clear()
            self._frames[key] = screen_frame(self.app.fonts, st, self.timeline, lanes)
        return self._frames[key]

    def _table_list(self, table: Table, tf: TableFrame, st: Style) -> ScrollList:
        """The kit's list over the current table's rows (one per table, so each keeps its scroll)."""
        self._rows_of = (st, table, tf)
        lst = self._lists.get(self.ctl.mode)
        if lst is None:
            lst = self._lists[self.ctl.mode] = ScrollList(len(table.rows), self._row_height, wrap=False)
        lst.select(self.ctl.table_index)
        self.ctl.table_index = lst.index  # a row a hot reload took away is not kept
        return lst

    def _row_height(self, i: int, width: int) -> int:
        st, table, tf = self._rows_of
        return row_height(self.app.fonts, st, table, tf, i, width)

    def view(self) -> View:
        """What the current state puts on screen (worked out again only when the state changes)."""
        ctl, fonts = self.ctl, self.app.fonts
        st = self._style()
        ctl.set_frame(self._frame(st, self._all_lanes()).frame())    # how many lanes fit, from the text size
        sf = self._frame(st, ctl.lanes_shown())
        ctl.set_frame(sf.frame())
        lst = self._lists.get(ctl.mode)
        key = (fonts.scale, st, ctl.mode, ctl.view, ctl.selected, ctl.card_open, ctl.solo, ctl.lane_first,
               ctl.card_scroll, ctl.table_index, lst.first if lst else 0, self.on_open_scene is not None, self.hover)
        if self._view_for == key and self._view is not None:
            return self._view
        placed, eras, card, table, tf, rows, chart, selection = [], [], None, None, None, None, None, ([], None)
        if ctl.mode == "timeline":
            if self._items is None:
                self._items = lane_items(self.timeline, ctl.positions)
            placed = layout_timeline(self.timeline, ctl.view, sf.plot.top + 2, sf.plot.height - 4,
                                     lambda s: fonts.width(s, st.label, True), sf.geo, ctl.positions,
                                     self.cluster_label, clip=(sf.plot.left, ctl.plot_right), selected=ctl.selected,
                                     lanes=ctl.lanes_shown(), items=self._items, shapes=self._shapes(st))
            eras = era_marks(ctl, sf, fonts, st)
            event = ctl.event()
            if ctl.card_open and event:
                card = self._card(st, sf, event)
                ctl.card_scroll = min(ctl.card_scroll, -(-card.max_scroll // card.step))
            keys = [] if card else timeline_keys()
            mine = next((p for p in placed if event and event.id in p.ids), None)
            hovered = next((p for p in placed if self.hover and p.ids == self.hover), None)
            if hovered is not None and not hovered.label_rect and not card:   # a pointer on an unlabelled marker
                text = self.timeline.event(hovered.ids[0]).title if not hovered.cluster else \
                    self.cluster_label(hovered.ids)
                selection = self._selection_line(text, st, sf)
            elif event and not card and mine is not None and not mine.label_rect:
                selection = self._selection_line(f"{event.short_date} · {event.title}", st, sf)
        elif ctl.mode == "chart":
            chart = chart_layout(fonts, st, self.timeline, sf)
            keys = chart_keys()
        else:
            table = table_for(ctl)
            tf = table_frame(fonts, st, table, sf)
            rows = self._table_list(table, tf, st).layout(tf.area)
            keys = table_keys()
        self._view = View(st, sf, placed, eras, card, table, tf, rows,
                          fitting_keys(fonts, keys, sf.footer.width, st.hint) if keys and not selection[0] else "",
                          chart, *selection)
        self._view_for = key
        return self._view

    def _shapes(self, st: Style) -> Shapes:
        """The labels' shapes measured so far, for this text size and label size (the layout's memo)."""
        key = (self.app.fonts, st.label)
        if self._label_shapes is None or self._label_shapes[0] != key or len(self._label_shapes[1]) > 4000:
            self._label_shapes = (key, {})
        return self._label_shapes[1]

    def _card(self, st: Style, sf: ScreenFrame, event: Event) -> CardLayout:
        """The open card's layout, kept per event, scroll, text size, theme and words: a moving view lays out
        no card, and stepping back to an event finds its card set."""
        key = (event.id, st, self.app.fonts, tuple(sf.card), self.on_open_scene is not None, self.ctl.card_scroll)
        card = self._cards.get(key)
        if card is None:
            if len(self._cards) > 32:
                self._cards.clear()
            card = self._cards[key] = card_layout(self.app.fonts, st, self.timeline, event, sf.card,
                                                  self.on_open_scene is not None, self.ctl.card_scroll)
        return card

    def _selection_line(self, text: str, st: Style, sf: ScreenFrame) -> tuple[list[str], pygame.Rect]:
        """A title in the footer (taking the key hints' place, and the tick row's too when it needs two lines):
        the selected event's when the plot has no room for its label, or the one under the pointer."""
        fonts = self.app.fonts
        lines = fonts.wrap(text, st.hint, sf.footer.width, True)
        h = len(lines) * fonts.line_height(st.hint)
        w = max(fonts.width(line, st.hint, True) for line in lines)
        return lines, pygame.Rect(sf.footer.centerx - w // 2, sf.footer.bottom - h, w, h)

    def header_bottom(self) -> int:
        return self.view().frame.header.bottom

    def toast_place(self) -> pygame.Rect:
        """Toasts (a hot reload's 'Reloaded in ... ms') go in the heading bar, between the title and the tabs:
        below it are the era labels and an open card's heading, which they hid for their seconds. With large
        text, where the tabs take the bar, they cover the tabs' left end for those seconds instead."""
        sf = self.view().frame
        left = sf.title.right if sf.title else sf.header.left
        right = min(rect.left for rect in sf.tabs.values())
        return pygame.Rect(left, sf.header.top, max(0, right - left), sf.header.height)

    def layout(self) -> Layout:
        """The UI kit's view of this frame: every box drawn, by name, with the text size it uses."""
        v = self.view()
        if self._layout_cache is None or self._layout_cache[0] != self._view_for:
            self._layout_cache = (self._view_for, self._boxes(v))
        return self._layout_cache[1]

    def _boxes(self, v: View) -> Layout:
        fonts = self.app.fonts
        st, sf = v.style, v.frame
        lay = Layout()
        lay.add("header", sf.header)
        if sf.title:
            lay.add("header/title", sf.title, st.title)
        for mode, rect in sf.tabs.items():
            lay.add(f"header/tab_{mode}", rect, st.small)
        if v.keys:
            w = fonts.width(v.keys, st.hint)
            lay.add("footer", pygame.Rect(sf.footer.centerx - w // 2, sf.footer.top, w, sf.footer.height), st.hint)
        if v.selection_rect:
            lay.add("selection", v.selection_rect, st.hint)
        if self.ctl.mode == "timeline":
            self._timeline_boxes(lay, v)
        elif v.chart is not None:
            chart = v.chart
            if chart.title.height:
                lay.add("chart_title", chart.title, st.title)
            area = chart.plot.union(pygame.Rect(chart.plot.left, chart.plot.bottom, chart.plot.width,
                                                fonts.line_height(st.small) + 10)) if chart.plot else chart.list_area
            lay.add("chart", area, st.small)
            for i, (_text, rect, _role) in enumerate(chart.labels):
                lay.add(f"chart/label{i}", rect, st.small)
            lay.add("chart_caption", chart.caption, st.hint)
        elif v.table_frame is not None:
            tf = v.table_frame
            lay.add("table_title", tf.title, st.title)
            lay.add("table_counter", tf.counter, st.hint)
            lay.add("table_header", tf.header, st.small)
            lay.add("rows", tf.area)
            for i, rect in v.rows.rows.items():   # as tall as its text needs: a row cut short would show
                needed = row_height(fonts, st, v.table, tf, i, rect.width)
                lay.add(f"rows/row{i}", pygame.Rect(rect.left, rect.top, rect.width, needed), st.small)
            lay.add("table_note", tf.note, st.hint)
        return lay

    def _timeline_boxes(self, lay: Layout, v: View) -> None:
        st, sf, fonts = v.style, v.frame, self.app.fonts
        lay.add("legend", pygame.Rect(0, sf.plot.top, sf.plot.left - 6, sf.plot.height))
        for lane_id, rect in sf.legend.items():
            lines = sf.legend_lines[lane_id]
            w = max(fonts.width(line, st.hint, True) for line in lines)
            h = len(lines) * fonts.line_height(st.hint)
            lay.add(f"legend/{lane_id}", pygame.Rect(22, rect.centery - h // 2, w, h), st.hint)
        if sf.eras.height:
            lay.add("eras", sf.eras)
            for mark in v.eras:
                if mark.name:
                    lay.add(f"eras/{mark.era.id}", mark.name, st.hint)
        lay.add("plot", sf.plot)
        for p in v.placed:
            rect = pygame.Rect(round(p.x - p.r), round(p.y - p.r), round(2 * p.r), round(2 * p.r))
            if sf.plot.contains(rect) and not (v.card and v.card.rect.colliderect(rect)):
                lay.add(f"plot/marker_{p.ids[0]}", rect)
            if p.label_rect:
                x, y, w, h = p.label_rect
                lay.add(f"plot/label_{p.ids[0]}", pygame.Rect(round(x), round(y), round(w), round(h)), st.label)
        lay.add("axis", sf.axis)
        for tick, rect in axis_ticks(fonts, st, self.ctl, sf, v.selection_rect):
            lay.add(f"axis/tick_{tick.t:.0f}", rect, st.hint)
        undated = undated_label(fonts, st, self.ctl, sf, v.selection_rect)
        if undated:
            lay.add("axis/undated", undated, st.hint)
        if v.card:
            card = v.card
            lay.add("card", card.rect)
            lay.layers.add("card")
            lay.add("card/body", card.body, card.size)
            for key, (rect, _label) in card.buttons.items():
                lay.add(f"card/button_{key}", rect, st.small)
            if card.more:
                lay.add("card/more", card.more[0], st.hint)
            for event_id, rect in card.links(fonts):
                lay.add(f"card/body/link_{event_id}", rect, st.small)

    def cluster_label(self, ids: tuple[str, ...]) -> str:
        """A cluster marker's label (worked out once per cluster and language: zooming meets the same ones)."""
        key = (ids, self.ctl.selected if self.ctl.selected in ids else None)
        label = self._cluster_labels.get(key)
        if label is None:
            if len(self._cluster_labels) > 2000:
                self._cluster_labels.clear()
            label = self._cluster_labels[key] = self._cluster_label(ids)
        return label

    def _cluster_label(self, ids: tuple[str, ...]) -> str:
        events = [self.timeline.event(i) for i in ids]
        if self.ctl.selected in ids:
            return f"{self.timeline.event(self.ctl.selected).title} +{len(ids) - 1}"
        ceremonies = {e.detail("ceremony") for e in events}
        if all(e.lane == "awards" for e in events):
            if len(ceremonies) > 1:
                return t("timeline.award_listings", count=len(events))
            return f"{next(iter(ceremonies))} ({len(events)})"
        return f"{events[0].title} +{len(events) - 1}"

    # --- input ---------------------------------------------------------------------------------

    def on_action(self, action: Action) -> None:
        name, ctl = action.name, self.ctl
        if name == Act.CLICK and action.pos and self._click(action.pos):
            return
        if name == Act.DRAG and action.pos:
            ctl.drag(action.pos[0])
            return
        if name == Act.RELEASE:
            ctl.release()
            return
        if name == Act.POINT:
            self.hover = self._marker_at(action.pos) if action.pos and ctl.mode == "timeline" else None
            return
        if ctl.mode in ("remakes", "awards") and name not in (Act.CANCEL, Act.DIGIT):
            self._table_action(action)
            return
        if name in (Act.WHEEL_UP, Act.WHEEL_DOWN) and action.pos and self._wheel_on_card(name, action.pos):
            return
        self._run(ctl.handle(name, action.pos[0] if action.pos else None, action.number))

    def _table_action(self, action: Action) -> None:
        v = self.view()
        lst = self._lists[self.ctl.mode]
        if action.name in (Act.LEFT, Act.RIGHT, Act.PREV, Act.NEXT):
            action = Action(Act.UP if action.name in (Act.LEFT, Act.PREV) else Act.DOWN)
        if action.name in (Act.ROLLBACK, Act.ROLLFORWARD):
            page = max(1, len(v.rows.rows) - 1)
            lst.scroll(-page if action.name == Act.ROLLBACK else page, v.table_frame.area)
            self.ctl.table_index = lst.index
            return
        used = lst.on_action(action, v.table_frame.area)
        self.ctl.table_index = lst.index
        if used and used.chosen is not None:
            self.ctl.select(v.table.rows[used.chosen][0], open_card=True, zoom=True)

    def _run(self, command: Command | None) -> None:
        if command is None:
            return
        if command.kind == "back":
            self.app.pop()
        elif command.kind == "play" and self.on_open_scene:
            self.on_open_scene(command.arg)

    def _wheel_on_card(self, name: str, pos: tuple[int, int]) -> bool:
        card = self.view().card
        if card is None or not card.rect.collidepoint(pos):
            return False
        self.ctl.scroll_card(-2 if name == Act.WHEEL_UP else 2)
        return True

    def _click(self, pos: tuple[int, int]) -> bool:
        """Tabs, card buttons, the legend, markers and the plot (a drag); True when the click hit one."""
        ctl, v = self.ctl, self.view()
        sf = v.frame
        for mode, rect in sf.tabs.items():
            if rect.collidepoint(pos):
                ctl.switch(mode)
                return True
        if v.card is not None:
            for key, (rect, _label) in v.card.buttons.items():
                if rect.collidepoint(pos):
                    if key == "play":
                        self._run(Command("play", ctl.event().scene or ""))
                    elif key == "close":
                        ctl.card_open = False
                    else:
                        ctl.step_event(-1 if key == "prev" else 1)
                    return True
            for event_id, rect in v.card.links(self.app.fonts):
                if rect.collidepoint(pos):
                    ctl.select(event_id, open_card=True, zoom=True)
                    return True
            if v.card.rect.collidepoint(pos):
                return True
        if ctl.mode != "timeline":
            return False
        for lane_id, rect in sf.legend.items():
            if rect.collidepoint(pos):
                ctl.toggle_solo(lane_id)
                return True
        ids = self._marker_at(pos)
        if ids:
            ctl.click_marker(ids)
            return True
        if sf.plot.collidepoint(pos):
            ctl.start_drag(pos[0])
            return True
        return False

    def _marker_at(self, pos: tuple[int, int]) -> tuple[str, ...] | None:
        """The ids of the marker (or its label) under a point, in the layout shown."""
        v = self.view()
        if v.card is not None and v.card.rect.collidepoint(pos):
            return None
        for p in v.placed:
            near = pygame.Rect(round(p.x - p.r), round(p.y - p.r), round(2 * p.r), round(2 * p.r)).inflate(14, 14)
            label = p.label_rect and pygame.Rect(*(round(c) for c in p.label_rect))
            if v.frame.plot.collidepoint(pos) and (near.collidepoint(pos) or (label and label.collidepoint(pos))):
                return p.ids
        return None

    def update(self, dt: float) -> None:
        self.ctl.update(dt, self.app.settings.reduce_motion)

    # --- drawing ----------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        v = self.view()
        st, sf, fonts, ctl = v.style, v.frame, self.app.fonts, self.ctl
        if ctl.mode == "timeline":
            key = (self._view_for, self._chrome_for)    # everything the timeline's frame shows
            if self._still.show(surface, key):
                return
            self._draw_scenery(surface, v)              # the whole canvas, header and backdrop included
            with draw.clip(surface, sf.plot):
                draw_selected_span(surface, st, ctl, sf)
                divider = round(ctl.view.x(ctl.axis.undated_u0)) if ctl.axis.undated_count else None
                draw_markers(surface, fonts, st, self.timeline, v.placed, sf.count_size, ctl.selected, self.hover,
                             divider)
            if v.card is not None:
                lane = self.timeline.lane(ctl.event().lane)
                self._card_picture.draw(surface, fonts, st, v.card, st.lane(lane.colour) if lane else st.accent)
        elif ctl.mode == "chart":
            surface.fill(st.backdrop)
            draw_chart(surface, fonts, st, self.timeline, v.chart)
        else:
            surface.fill(st.backdrop)
            draw_table(surface, fonts, st, self.app.theme, v.table, v.table_frame, v.rows, ctl.table_index)
        if v.keys:
            draw.text(surface, fonts, v.keys, st.hint, st.dim, sf.footer.center, anchor="center")
        for k, line in enumerate(v.selection):
            draw.text(surface, fonts, line, st.hint, st.accent,
                      (sf.footer.centerx, v.selection_rect.top + k * fonts.line_height(st.hint)), anchor="midtop",
                      bold=True)
        if ctl.mode == "timeline":
            self._still.keep(surface, key)
        else:
            self._header(surface, st, sf)

    def _draw_scenery(self, surface: pygame.Surface, v: View) -> None:
        """The timeline under its markers: the chrome (below) with the plot's ground, the eras, axis breaks, lane
        lines and the axis. While the view moves they are drawn straight onto the frame; once it holds still for
        a second frame they are kept as one picture and blitted (a marker hovered or selected costs no redraw)."""
        self._chrome(v)
        key = (self.ctl.view, v.selection_rect, self.ctl.plot_right, self._chrome_for)
        if key == self._scenery_for:
            surface.blit(self._scenery_surface, (0, 0))
            return
        if key != self._scenery_last:
            self._scenery_last = key
            self._draw_view_parts(surface, v)
            return
        if self._scenery_surface is None:
            self._scenery_surface = pygame.Surface(surface.get_size(), 0, surface)
        self._draw_view_parts(self._scenery_surface, v)
        self._scenery_for = key
        surface.blit(self._scenery_surface, (0, 0))

    def _draw_view_parts(self, surface: pygame.Surface, v: View) -> None:
        """The chrome around the plot, and what the view moves: the plot's ground, eras, axis breaks, lane lines
        and the axis (the plot's ground covers every pixel of the plot: the chrome's there need no copy)."""
        ctl, fonts, st, sf, plot = self.ctl, self.app.fonts, v.style, v.frame, v.frame.plot
        width, height = surface.get_size()
        for area in (pygame.Rect(0, 0, width, plot.top), pygame.Rect(0, plot.top, plot.left, plot.height),
                     pygame.Rect(plot.right, plot.top, width - plot.right, plot.height),
                     pygame.Rect(0, plot.bottom, width, height - plot.bottom)):
            surface.blit(self._chrome_surface, area, area)
        draw_ground(surface, st, v.eras, ctl, sf)
        draw_eras(surface, fonts, st, v.eras)
        draw_breaks(surface, fonts, st, ctl, sf)
        with draw.clip(surface, plot):
            draw_lanes(surface, st, self.timeline, sf)
        draw_axis(surface, fonts, st, ctl, sf, v.selection_rect)

    def _chrome(self, v: View) -> pygame.Surface:
        """What no zoom or pan moves: the backdrop, the lane bands and the legend, the header and its tabs.
        Drawn again when the text size, the theme, the words or the lanes shown change."""
        ctl, fonts = self.ctl, self.app.fonts
        key = (v.style, v.frame, ctl.solo, ctl.lanes_pool())
        if self._chrome_for != key or self._chrome_surface is None:
            surface = self._chrome_surface or pygame.Surface(self.app.canvas.get_size())
            surface.fill(v.style.backdrop)
            draw_legend(surface, fonts, v.style, self.timeline, v.frame, ctl.solo, ctl.lanes_pool())
            self._header(surface, v.style, v.frame)
            self._chrome_surface, self._chrome_for = surface, key
        return self._chrome_surface

    def _header(self, surface: pygame.Surface, st: Style, sf: ScreenFrame) -> None:
        fonts = self.app.fonts
        draw.box(surface, st.panel, sf.header)
        draw.line(surface, st.accent, (0, sf.header.bottom - 1), (sf.header.right, sf.header.bottom - 1), 2)
        if sf.title:
            draw.text(surface, fonts, title(), st.title, st.text, sf.title.midleft, anchor="midleft", bold=True)
        for mode in VIEWS:
            rect, on = sf.tabs[mode], mode == self.ctl.mode
            draw.box(surface, st.accent if on else st.button, rect, radius=10)
            if st.high_contrast and not on:
                draw.box(surface, st.text, rect, width=2, radius=10)
            draw.text(surface, fonts, sf.tab_labels[mode], st.small, st.on_accent if on else st.text, rect.center,
                      anchor="center", bold=True)
