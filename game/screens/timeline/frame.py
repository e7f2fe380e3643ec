"""Where the fixed parts of the timeline screen go, from the text size and theme: header and tabs, the
legend (lane titles), era strip, plot, axis, footer and card.

Computed before drawing (`screen_frame`), and the same rectangles serve the drawing and the hit-tests.
`TimelineScreen.layout()` adds what the current state puts on screen (markers, labels, the card's
contents, table rows) and hands the whole as a UI-kit `Layout`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import pygame

from ...timeline.controller import VIEWS, Frame
from ...timeline.layout import Band, Geometry, lane_bands
from ...timeline.model import Timeline
from ...ui.fonts import FontBook
from ...ui.theme import HEIGHT, WIDTH
from ...words import t
from .style import Style

EDGE = 14            # px kept clear at the screen's edges
CARD_W = 706         # the card's width at 100% text; with bigger text it covers the plot
OUTLINE = 2          # px of a marker's outline
CLUSTER_R = 15       # the least radius of a cluster marker


def title() -> str:
    """The screen's heading, "The real history"."""
    return t("timeline.title")


def _keys(*pairs: tuple[str, str]) -> list[tuple[str, str]]:
    return [(key, t(f"timeline.key_{what}")) for key, what in pairs]


def timeline_keys() -> list[tuple[str, str]]:
    return _keys(("Esc", "back"), ("← →", "event"), ("+ −", "zoom"), ("Enter", "card"), ("↑ ↓", "lane"),
                 ("1–4", "views"), ("H", "lane_only"), (t("timeline.key_drag"), "pan"), ("Home / End", "ends"))


def table_keys() -> list[tuple[str, str]]:
    return _keys(("Esc", "back"), ("↑ ↓", "row"), ("Enter", "show"), ("1–4", "views"), ("PgUp / PgDn", "page"))


def chart_keys() -> list[tuple[str, str]]:
    return _keys(("Esc", "back"), ("1–4", "views"), ("Enter", "last_point"))


@dataclass(frozen=True)
class ScreenFrame:
    """The timeline screen's regions this frame: header, tabs, eras strip and the rest."""

    header: pygame.Rect
    title: pygame.Rect | None          # None when the tabs need the whole header
    tabs: dict[str, pygame.Rect]
    tab_labels: dict[str, str]
    eras: pygame.Rect                  # the strip of era names and bars above the plot
    era_rows: int
    legend: dict[str, pygame.Rect]     # lane id -> its entry in the gutter (a click shows that lane alone)
    legend_lines: dict[str, list[str]]  # lane id -> its title, wrapped at whole words
    bands: list[Band]                  # one per lane shown, top to bottom
    plot: pygame.Rect
    axis: pygame.Rect                  # the axis line and its row of tick labels
    footer: pygame.Rect
    card: pygame.Rect
    geo: Geometry
    lanes_fit: int                     # lanes the plot can show with a row of labels each
    count_size: int                    # the type size of a cluster marker's count (count_size)

    @property
    def axis_y(self) -> int:
        return self.axis.top + 6

    def frame(self) -> Frame:
        """The controller's view of the plot. A card that leaves too little of the plot covers it whole."""
        card_left = self.card.left if self.card.left - self.plot.left >= 300 else self.plot.right
        return Frame(self.plot.left, self.plot.right, card_left, self.lanes_fit)


def fitting_keys(fonts: FontBook, keys: list[tuple[str, str]], width: int, size: int) -> str:
    """The key hints that fit on one line, most important first."""
    text = ""
    for key, what in keys:
        candidate = f"{text} · {key} {what}" if text else f"{key} {what}"
        if fonts.width(candidate, size) > width:
            break
        text = candidate
    return text


def tab_labels(short: int) -> dict[str, str]:
    """The tabs' words: '1  Timeline' (short 0), 'Timeline' (1), or only the digits but the shown view's (2)."""
    names = {mode: t(f"timeline.view_{mode}") for mode in VIEWS}
    return {mode: [f"{i + 1}  {names[mode]}", names[mode], str(i + 1)][short] for i, mode in enumerate(VIEWS)}


def _tabs(fonts: FontBook, right: int, top: int, height: int, size: int,
          labels: dict[str, str]) -> dict[str, pygame.Rect]:
    tabs: dict[str, pygame.Rect] = {}
    x = right
    for mode in reversed(VIEWS):
        w = fonts.width(labels[mode], size, True) + round(24 * fonts.scale)
        tabs[mode] = pygame.Rect(x - w, top, w, height)
        x -= w + 8
    return {mode: tabs[mode] for mode in VIEWS}


def _gutter_width(fonts: FontBook, timeline: Timeline, lines: int, size: int) -> int:
    """The narrowest gutter in which every lane title wraps to at most `lines` lines at whole words."""
    words = [w for lane in timeline.lanes for w in lane.title.split()] or [t("timeline.lane")]
    width = max(fonts.width(w, size, True) for w in words)
    longest = max((fonts.width(lane.title, size, True) for lane in timeline.lanes), default=width)
    while width < longest and any(len(fonts.wrap(lane.title, size, width, True)) > lines for lane in timeline.lanes):
        width += 8
    return width + 34


@functools.lru_cache(maxsize=8)
def count_size(fonts: FontBook, most: int, radius: int) -> int:
    """The type size of a cluster marker's count: `most` (the hint size), or the largest below it whose two digits,
    drawn bold and centred on the marker, have every pixel inside its outline. The circle keeps its size (a
    larger one took a lane off the plot at 200% text); measured on the digits' own pixels, over the pairs 00 to
    99 (digits share one width, so these put every digit in both places): a flat-bottomed 2 reaches further
    from the centre than the 8 the radius is sized by, and spilled out of the circle at 200% text. Kept per fonts,
    size and radius (3-15 ms: not again for each lane filter's frame)."""
    def reach(digits: str, size: int) -> float:
        drawn = fonts.render(digits, size, (255, 255, 255), bold=True)
        centre = pygame.Vector2(drawn.get_width() // 2, drawn.get_height() // 2)  # as draw.text centres it
        ink = pygame.mask.from_surface(drawn).connected_components()
        return max(centre.distance_to((x + 0.5, y + 0.5)) for part in ink for x, y in part.outline())
    inside = radius - OUTLINE
    return next((size for size in range(most, 6, -1) if all(reach(d * 2, size) <= inside for d in "0123456789")), 6)


def screen_frame(fonts: FontBook, st: Style, timeline: Timeline, lanes: list[str]) -> ScreenFrame:
    scale = fonts.scale
    pad = round(4 * scale)
    # header: the title at the left, tabs at the right; the title goes when both do not fit
    tab_h = fonts.line_height(st.small) + 2 * pad
    header = pygame.Rect(0, 0, WIDTH, tab_h + pad + 8)
    for short in (0, 1, 2):       # shorter tab words until the four fit
        labels = tab_labels(short)
        tabs = _tabs(fonts, WIDTH - EDGE, 4, tab_h, st.small, labels)
        if tabs[VIEWS[0]].left >= EDGE:
            break
    heading = pygame.Rect(EDGE + 10, 0, fonts.width(title(), st.title, True), header.height)
    if heading.right + 16 > tabs[VIEWS[0]].left or heading.height < fonts.line_height(st.title):
        heading = None
    # footer: one line of key hints; above it the axis and its tick labels
    footer_h = fonts.line_height(st.hint) + min(pad, 4)
    footer = pygame.Rect(EDGE, HEIGHT - footer_h - 2, WIDTH - 2 * EDGE, footer_h)
    axis_h = fonts.line_height(st.hint) + 10
    # eras: two rows of names over bars (one with big text)
    era_rows = (1 if st.big_text else 2) if timeline.eras else 0
    era_row_h = fonts.line_height(st.hint) + 4
    eras_top = header.bottom + 2
    plot_top = eras_top + era_rows * era_row_h
    plot_bottom = footer.top - axis_h - 2
    # legend gutter: lane titles on as many lines as a band has room for
    count = max(1, len(lanes))
    band_h = (plot_bottom - plot_top) / count
    title_lines = max(1, min(3, int((band_h - 4) // fonts.line_height(st.hint))))
    gutter = min(_gutter_width(fonts, timeline, title_lines, st.hint), WIDTH // 4)
    plot = pygame.Rect(gutter + 6, plot_top, WIDTH - EDGE - gutter - 6, plot_bottom - plot_top)
    axis = pygame.Rect(plot.left, plot.bottom, plot.width, axis_h)
    eras = pygame.Rect(plot.left, eras_top, plot.width, era_rows * era_row_h)
    cluster_r = max(CLUSTER_R, fonts.width("88", st.hint, True) // 2 + 2)
    geo = Geometry(marker_r=max(9, round(7 * scale)), cluster_r=cluster_r,
                   gap=3 if st.big_text else 6, clear=2 if st.big_text else 4,
                   label_h=fonts.line_height(st.label), max_label=round(300 * scale), max_lines=2)
    bands = lane_bands(plot.top + 2, plot.height - 4, count, geo)
    least = 2 * (geo.cluster_r + geo.clear) + geo.gap + geo.label_h     # a band with one row of labels
    lanes_fit = max(1, min(len(timeline.lanes), int((plot.height - 4) // least)))
    legend, legend_lines = {}, {}
    for lane_id, band in zip(lanes, bands, strict=False):
        legend[lane_id] = pygame.Rect(0, round(band.top), gutter, round(band.bottom) - round(band.top))
        legend_lines[lane_id] = fonts.wrap(timeline.lane(lane_id).title, st.hint, gutter - 30, True)
    card_w = CARD_W if not st.big_text and scale <= 1.2 else WIDTH - 2 * EDGE
    card = pygame.Rect(WIDTH - EDGE - card_w, header.bottom + 6, card_w, HEIGHT - header.bottom - 6 - EDGE)
    return ScreenFrame(header, heading, tabs, labels, eras, era_rows, legend, legend_lines, bands, plot, axis, footer,
                       card, geo, lanes_fit, count_size(fonts, st.hint, geo.cluster_r))
