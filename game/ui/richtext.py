"""Drawing story text with its markup: bold, italic and coloured runs, wrapped like plain text.

The layout is `content.markup.wrap` (pure; the authoring width checks use the same one) fed
with the FontBook's measurements; this module only renders the runs it returns.

    y = block(surface, fonts, "{b}Stop{/b} there.", size, colour, rect)          # returns the y below
    h = height(fonts, text, size, width)
    block(..., limit=12)   # only the first 12 characters of the plain text (a line typing out)
"""
from __future__ import annotations

import weakref

import pygame

from ..content import markup
from ..content.markup import Span
from . import draw
from .draw import LINE_SPACING
from .fonts import FontBook
from .theme import Colour, hex_colour

# wrapped text per FontBook (a new one comes with a new text size): screens lay out the same text every frame;
# the least recently used go first, so a long session keeps a bounded number and never drops them all at once
_LINES: weakref.WeakKeyDictionary[FontBook, dict[tuple, list[list[Span]]]] = weakref.WeakKeyDictionary()
_MOST_KEPT = 1000


def lines(fonts: FontBook, text: str, size: int, width: int, bold: bool = False) -> list[list[Span]]:
    """`text` (markup) wrapped into lines of styled runs no wider than `width`."""
    key = (text, size, width, bold)
    kept = _LINES.setdefault(fonts, {})
    wrapped = kept.pop(key, None)
    if wrapped is None:
        runs = markup.spans(text)
        if bold:
            runs = [Span(r.text, True, r.italic, r.color) for r in runs]
        wrapped = markup.wrap(runs, width, lambda words, b, i: advance(fonts, words, size, b))
        if len(kept) >= _MOST_KEPT:
            kept.pop(next(iter(kept)))
    kept[key] = wrapped  # the most recently used last
    return wrapped


def height(fonts: FontBook, text: str, size: int, width: int, bold: bool = False,
           spacing: float = LINE_SPACING) -> int:
    """The height `block` uses for this text."""
    return len(lines(fonts, text, size, width, bold)) * round(fonts.line_height(size) * spacing)


BULLET = "•"  # not words: the mark before each item of a list


def item(surface: pygame.Surface, fonts: FontBook, words: str, size: int, colour: Colour, rect: pygame.Rect,
         bold: bool = False, spacing: float = LINE_SPACING) -> int:
    """One item of a list inside `rect`: a bullet, then `words` (markup) wrapped beside it, every line starting
    where the first line's words do (a hanging indent). Returns the y just below its last line."""
    draw.text(surface, fonts, BULLET, size, colour, rect.topleft, bold=bold)
    indent = _indent(fonts, size, bold)
    return block(surface, fonts, words, size, colour, pygame.Rect(rect.left + indent, rect.top, rect.width - indent, 0),
                 bold, spacing=spacing)


def item_height(fonts: FontBook, words: str, size: int, width: int, bold: bool = False,
                spacing: float = LINE_SPACING) -> int:
    """The height `item` uses for this item."""
    return height(fonts, words, size, width - _indent(fonts, size, bold), bold, spacing)


def _indent(fonts: FontBook, size: int, bold: bool) -> int:
    """Where a list item's words start: after its bullet and two spaces' room."""
    return fonts.width(BULLET + "  ", size, bold)


def block(surface: pygame.Surface, fonts: FontBook, text: str, size: int, colour: Colour, rect: pygame.Rect,
          bold: bool = False, align: str = "left", spacing: float = LINE_SPACING, limit: int | None = None) -> int:
    """Draw `text` wrapped inside `rect` (its height is not a limit); returns the y just below the last line.

    `limit` shows only that many characters of the plain text, laid out as the whole text will be, so words
    never jump lines while a line types out.
    """
    wrapped = lines(fonts, text, size, rect.width, bold)
    shown = wrapped if limit is None else markup.cut(wrapped, limit)
    step = round(fonts.line_height(size) * spacing)
    y = rect.top
    for full, row in zip(wrapped, shown):
        whole = row is full or row == full
        if align == "left":
            x = rect.left
        else:
            w = sum(advance(fonts, r.text, size, r.bold) for r in full)
            x = rect.right - w if align == "right" else rect.centerx - w // 2
        for run in row:
            tint = hex_colour(run.color) if run.color else colour
            image = fonts.render(run.text, size, tint, run.bold, cache=whole, italic=run.italic)
            surface.blit(image, (x, y))
            x += advance(fonts, run.text, size, run.bold)
        y += step
    return y


def advance(fonts: FontBook, text: str, size: int, bold: bool) -> int:
    """How far a run moves the pen: pygame's slanted italic reports extra width for the slant, which should
    overhang the next run rather than leave a gap, so italic runs advance like upright ones."""
    return fonts.width(text, size, bold)


def length(text: str) -> int:
    """How many characters a line types out: its plain text."""
    return len(markup.plain(text))
