"""The timeline's colours and text sizes, all taken from the UI kit's theme roles and sizes.

So the normal, projector and high-contrast themes reach the lanes, the cards, the chart and the tables.
The few timeline-only shades (every other lane band, a squeezed stretch, the undated column) are worked
out from the theme's roles here, never written in a view. Lane and era colours are content
(scenes/timeline/00_lanes.yaml); in high contrast they are lifted towards white so they read on black.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...ui.theme import DEFAULT, Colour, Theme, hex_colour


def _mix(a: Colour, b: Colour, k: float) -> Colour:
    return tuple(round(x + (y - x) * k) for x, y in zip(a, b, strict=False))


@dataclass(frozen=True)
class Style:
    """The timeline's colours and sizes for the theme, text size and contrast in use."""

    high_contrast: bool
    big_text: bool         # text at 150% or more of the normal hint size: one label row, one era row
    # colours (theme roles, or mixes of them)
    backdrop: Colour
    band: Colour           # every other lane band
    text: Colour
    dim: Colour
    accent: Colour
    on_accent: Colour      # text on an accent plate (the tab shown, the play button, cluster counts)
    button: Colour         # a button that is not the primary one
    panel: Colour
    differ: Colour         # "the sources differ"
    grid: Colour           # chart lines, scroll tracks
    outline: Colour        # around markers
    break_fill: Colour     # a squeezed stretch of empty years
    break_mark: Colour
    undated_fill: Colour
    undated_text: Colour
    danger: Colour
    era_alpha: int         # 0: eras are not shaded behind the lanes
    # text sizes (points at 100% text; the font book scales them); none is below the theme's hint size
    hint: int              # key hints, era names, axis breaks, lane titles, ticks
    small: int             # card sources, table cells, tabs
    label: int             # marker labels
    title: int             # the header's title, a card's and a table's title
    card_sizes: tuple[int, ...]   # card text sizes to try, largest first

    def lane(self, hex_value: str) -> Colour:
        """A lane's (or era's) own colour; in high contrast, lifted towards white so it reads on black."""
        return _lane_colour(hex_value, self.high_contrast)

    def lane_line(self, hex_value: str) -> Colour:
        colour = self.lane(hex_value)
        return colour if self.high_contrast else _mix(colour, self.backdrop, 0.5)


@lru_cache(maxsize=256)
def _lane_colour(hex_value: str, high_contrast: bool) -> Colour:
    """Worked out once per colour: every marker asks for its lane's each frame."""
    colour = hex_colour(hex_value)
    return tuple(max(c, round(c * 0.5 + 127.5)) for c in colour) if high_contrast else colour


def style(theme: Theme, scale: float) -> Style:
    high = "high_contrast" in theme.name
    big = scale * theme.hint_size / DEFAULT.hint_size >= 1.5
    hint, small = theme.hint_size, theme.small_size
    sizes = dict(hint=hint, small=small, label=hint if big else small, title=theme.name_size,
                 card_sizes=tuple(dict.fromkeys((theme.name_size, (theme.name_size + small) // 2, small))))
    if high:
        return Style(True, big, backdrop=theme.backdrop, band=theme.backdrop, text=theme.text, dim=theme.dim,
                     accent=theme.accent, on_accent=theme.on_accent, button=theme.highlight, panel=theme.panel,
                     differ=theme.differ, grid=theme.grid, outline=theme.text, break_fill=theme.backdrop,
                     break_mark=theme.text, undated_fill=theme.backdrop, undated_text=theme.text,
                     danger=theme.danger, era_alpha=0, **sizes)
    back = theme.backdrop
    return Style(False, big, backdrop=back, band=_mix(back, theme.text, 0.04), text=theme.text, dim=theme.dim,
                 accent=theme.accent, on_accent=theme.on_accent, button=theme.highlight, panel=theme.panel,
                 differ=theme.differ, grid=theme.grid, outline=theme.veil, break_fill=_mix(back, theme.veil, 0.5),
                 break_mark=_mix(theme.grid, theme.dim, 0.35), undated_fill=_mix(back, theme.highlight, 0.35),
                 undated_text=_mix(theme.dim, theme.fact, 0.3), danger=theme.danger, era_alpha=22, **sizes)
