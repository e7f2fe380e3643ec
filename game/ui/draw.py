"""The drawing backend: the only module of the kit that calls pygame's drawing functions.

Everything a screen shows is one of: a filled or outlined rectangle (`box`, `panel`), a line or
polygon (`line`, `polygon`, `circle`), an image (`image`), a run of text (`text`, `text_block`),
a darkening veil (`shade`), all optionally inside a clip rectangle (`clip`). A second backend
(a browser canvas) would implement these few functions over the same arguments.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager

import pygame

from .fonts import FontBook
from .theme import Colour, Theme

Rect = pygame.Rect
Surface = pygame.Surface
LINE_SPACING = 1.15  # text_block's line step, as a multiple of the font's line height


def box(surface: Surface, colour: Colour, rect: Rect, width: int = 0, radius: int = 0, alpha: int = 255) -> None:
    """A rectangle, filled (`width` 0) or outlined; `alpha` below 255 lets what is behind show."""
    if alpha >= 255:
        if width == 0 and radius <= 0 and surface.get_bytesize() == 4:
            _fill(surface, colour, Rect(rect))
        else:
            pygame.draw.rect(surface, colour, rect, width=width, border_radius=radius)
        return
    layer, area = _layer(rect.size)
    pygame.draw.rect(layer, (*colour, alpha), area, width=width, border_radius=radius)
    surface.blit(layer, rect.topleft, area)


def _fill(surface: Surface, colour: Colour, rect: Rect) -> None:
    """A filled rectangle, the pixels `pygame.draw.rect` gives. SDL fills a row of 16 pixels or more with
    streaming stores from its first 16-byte boundary and plain stores around them; here a row that mixes both
    is 5-40x slower than one of plain stores alone (under 16 pixels) or of whole 64-byte lines alone (a 57x565
    box: 0.30 ms, 0.014 in parts; 189x565 at x 923: 0.30, 0.025). So a box is filled as its ragged left edge,
    a core of whole 16-pixel runs from a 16-pixel boundary, and what is left (TIMELINE, issue 17)."""
    area = rect.clip(surface.get_clip())
    if area.width < 16:
        surface.fill(colour, area)
        return
    start = min(area.right, -(-area.left // 16) * 16)
    end = start + (area.right - start) // 16 * 16
    for left, right in ((area.left, start), (start, end), (end, area.right)):
        if right > left:
            surface.fill(colour, (left, area.top, right - left, area.height))


_SCRATCH: list[Surface] = []  # one transparent scratch surface, as large as the largest panel drawn so far


def _layer(size: tuple[int, int], clear: bool = True) -> tuple[Surface, Rect]:
    """The transparent scratch surface and its top-left `area` of this size, cleared (unless the caller paints
    every pixel of it, or clears what it does not paint). Panels are drawn every
    frame in many sizes (a text box grows with its line): one surface per size held up to 65 of them, ~47 MB
    (PERF, issue 17); one shared surface drawn and blitted through an area gives the same pixels."""
    width, height = max(1, size[0]), max(1, size[1])
    layer = _SCRATCH[0] if _SCRATCH else None
    if layer is None or layer.get_width() < width or layer.get_height() < height:
        grown = (max(width, layer.get_width() if layer else 0), max(height, layer.get_height() if layer else 0))
        layer = Surface(grown, pygame.SRCALPHA)
        _SCRATCH[:] = [layer]
    area = Rect(0, 0, width, height)
    if clear:
        layer.fill((0, 0, 0, 0), area)
    return layer, area


def panel(surface: Surface, rect: Rect, theme: Theme, alpha: int | None = None,
          edge: Colour | None = None, radius: int = 14, fill: Colour | None = None) -> None:
    """A rounded box in the theme's panel colour (or `fill`) with an optional edge.

    A panel drawn again (a box drawn every frame) is kept (its caps and a strip of its middle: `_blit_panel`) and
    blitted. One drawn for the first time (a card, the
    box of a line of a new height) is drawn on the shared scratch layer instead: a surface of its own is a fresh
    mapping of memory, page-faulted in the frame (heap.separate_big_blocks): 1.4 ms for a card's 1180x600, where
    drawing it on the scratch takes 0.2 ms; only its corners are cleared there, as its fill paints the rest (CLICK,
    issue 17)."""
    if not rect.colliderect(surface.get_clip()):
        return  # nothing of it would show (a page laid out ahead on a surface that shows nothing)
    opacity = theme.panel_alpha if alpha is None else max(alpha, theme.panel_alpha if theme.panel_alpha == 255 else 0)
    colour = (*(fill or theme.panel), opacity)
    edging = (tuple(edge) if edge else None, theme.edge_width if edge else 0)
    cap = max(radius, edging[1])  # rows at the top and at the bottom that differ from the middle's
    rows = rect.h if rect.h <= 2 * cap else 2 * cap + PANEL_STRIP  # what is kept of it (see _blit_panel)
    key = (rect.w, rows, colour, *edging, radius)
    made = _PANELS.pop(key, None)  # (re)inserted last: least recently drawn first out
    if made is None and key not in _DRAWN_ONCE:
        _DRAWN_ONCE[key] = None
        while len(_DRAWN_ONCE) > DRAWN_ONCE_KEPT:
            _DRAWN_ONCE.pop(next(iter(_DRAWN_ONCE)))
        layer, area = _layer((rect.w, rows), clear=False)  # its caps and middle strip, as it would be kept
        corner = Rect(0, 0, min(radius, area.w), min(radius, area.h))  # the fill paints all but its corners
        for point in ("topleft", "topright", "bottomleft", "bottomright"):
            setattr(corner, point, getattr(area, point))
            layer.fill((0, 0, 0, 0), corner)
        _rounded(layer, area, colour, *edging, radius)
        _blit_panel(surface, layer.subsurface(area), rect, cap, colour, edging[1])
        return
    if made is None:
        made = Surface((max(1, rect.w), max(1, rows)), pygame.SRCALPHA)
        _rounded(made, made.get_rect(), colour, *edging, radius)
        _PANEL_BYTES[0] += made.get_width() * made.get_height() * 4
        while _PANELS and _PANEL_BYTES[0] > PANEL_CACHE_BYTES:
            old = _PANELS.pop(next(iter(_PANELS)))
            _PANEL_BYTES[0] -= old.get_width() * old.get_height() * 4
    _PANELS[key] = made
    _blit_panel(surface, made, rect, cap, colour, edging[1])


def _blit_panel(surface: Surface, kept: Surface, rect: Rect, cap: int, colour: tuple, edge: int) -> None:
    """Blit the panel `rect` from what is kept of it: the whole panel when it is short; else its `cap` rows at the top
    and at the bottom and PANEL_STRIP rows of its middle, blitted down it. Every row of a rounded box between its
    caps is the same, so this gives the pixels of the whole panel (tested), and one kept picture serves a box of
    any height: a text box growing with its line no longer keeps one panel per height (~1 MB each).

    Between its `edge` columns each of those rows is `colour` (r, g, b, opacity) alone: on an opaque canvas that
    part is blended at once (`_tint`, within 1 of the blit per channel) and only the edges are blitted."""
    if kept.get_height() == rect.h:
        surface.blit(kept, rect.topleft)
        return
    width, bottom = rect.w, rect.bottom - cap
    surface.blit(kept, rect.topleft, (0, 0, width, cap))
    inner = Rect(rect.x + edge, rect.top + cap, width - 2 * edge, bottom - rect.top - cap)
    if _tint(surface, inner, colour):
        columns = ((0, edge), (width - edge, edge)) if edge else ()
    else:
        columns = ((0, width),)
    for left, wide in columns:
        for y in range(inner.top, bottom, PANEL_STRIP):
            surface.blit(kept, (rect.x + left, y), (left, cap, wide, min(PANEL_STRIP, bottom - y)))
    surface.blit(kept, (rect.x, bottom), (0, kept.get_height() - cap, width, cap))


def _rounded(layer: Surface, area: Rect, colour: tuple, edge: Colour | None, width: int, radius: int) -> None:
    """A panel's pixels in `area` of a transparent `layer`."""
    pygame.draw.rect(layer, colour, area, border_radius=radius)
    if edge:
        pygame.draw.rect(layer, (*edge, 220), area, width=width, border_radius=radius)


PANEL_CACHE_BYTES = 4 * 2**20  # panels drawn again, kept and blitted after (0.25 MB at most each): half their cost
PANEL_STRIP = 24  # rows of a panel's middle kept (1180 px wide, with caps of 14: 245 KB, not 2.8 MB at 600 high)
_PANELS: dict[tuple, Surface] = {}
_PANEL_BYTES = [0]
DRAWN_ONCE_KEPT = 64  # the panels drawn once so far (their keys), the least recently drawn forgotten first
_DRAWN_ONCE: dict[tuple, None] = {}


def line(surface: Surface, colour: Colour, start: tuple[int, int], end: tuple[int, int], width: int = 1) -> None:
    pygame.draw.line(surface, colour, start, end, width)


def lines(surface: Surface, colour: Colour, points: list[tuple[float, float]], width: int = 1,
          closed: bool = False) -> None:
    if len(points) > 1:
        pygame.draw.lines(surface, colour, closed, points, width)


def polygon(surface: Surface, colour: Colour, points: list[tuple[float, float]], width: int = 0) -> None:
    pygame.draw.polygon(surface, colour, points, width)


def circle(surface: Surface, colour: Colour, centre: tuple[float, float], radius: float, width: int = 0) -> None:
    pygame.draw.circle(surface, colour, centre, radius, width)


def arc(surface: Surface, colour: Colour, rect: Rect, start: float, stop: float, width: int = 1) -> None:
    pygame.draw.arc(surface, colour, rect, start, stop, width)


def image(surface: Surface, picture: Surface, where: tuple[int, int] | Rect, alpha: int | None = None) -> Rect:
    """Blit a picture; `alpha` fades it (the picture's own alpha is put back afterwards)."""
    if alpha is None:
        return surface.blit(picture, where)
    before = picture.get_alpha()
    picture.set_alpha(alpha)
    try:
        return surface.blit(picture, where)
    finally:
        picture.set_alpha(before)


def premultiplied(surface: Surface, picture: Surface, where: tuple[int, int] | Rect, alpha: int | None = None) -> Rect:
    """Blit a picture whose colours are premultiplied by its alpha (`Surface.premul_alpha`); `alpha` fades it (a
    faded copy: this blitter ignores a surface's own alpha)."""
    if alpha is not None:
        picture = picture.copy()
        picture.fill((alpha, alpha, alpha, alpha), special_flags=pygame.BLEND_RGBA_MULT)
    return surface.blit(picture, where, special_flags=pygame.BLEND_PREMULTIPLIED)


def load_image(path) -> Surface | None:
    """A picture from a file, or None when it is missing or unreadable (a damaged thumbnail is no crash)."""
    try:
        return pygame.image.load(str(path)) if path.exists() else None
    except (pygame.error, OSError):
        return None


def scaled(picture: Surface, size: tuple[int, int]) -> Surface:
    """A smooth-scaled copy (callers cache it)."""
    return pygame.transform.smoothscale(picture, size)


_VEILS: dict[tuple[tuple[int, int], Colour], Surface] = {}  # one opaque surface per size and colour, made once
_STRIPS: dict[tuple[int, tuple, int], Surface] = {}  # (width, colour, depth) -> a strip of that colour
STRIP_ROWS = 30  # rows of a strip, blitted down a surface: 0.15 MB at 1280 wide, as fast as 90 rows
STRIPS_KEPT = 8  # colours kept (the veils of a menu, a card, a choice and a scene card; a panel's two)


def _strip(surface: Surface, colour: tuple[int, int, int]) -> Surface:
    """A strip of `colour` as wide as `surface`, to multiply or add it row by row (kept, the least recently used
    first out)."""
    key = (surface.get_width(), colour, surface.get_bitsize())
    strip = _STRIPS.pop(key, None)  # (re)inserted last
    if strip is None:
        while len(_STRIPS) >= STRIPS_KEPT:
            _STRIPS.pop(next(iter(_STRIPS)))
        strip = Surface((key[0], STRIP_ROWS), 0, surface)
        strip.fill(colour)
    _STRIPS[key] = strip
    return strip


def _opaque(surface: Surface) -> bool:
    return surface.get_bitsize() == 32 and not surface.get_flags() & pygame.SRCALPHA


def _tint(surface: Surface, area: Rect, colour: tuple) -> bool:
    """Blend `colour` (r, g, b, opacity) over `area` of an opaque 32-bit surface as an alpha blit of it would,
    within 1 per channel: a multiply by what shows through, then an add of the colour's share, from kept strips
    (a panel's middle, 1180x560: 0.27 ms against 0.59 blended pixel by pixel; issue 17). False, drawing nothing,
    on another surface (a transparent layer) or an empty area: the caller blits."""
    if not _opaque(surface) or area.w <= 0 or area.h <= 0:
        return False
    *rgb, opacity = colour
    if opacity >= 255:
        _fill(surface, tuple(rgb), area)
        return True
    through = 256 - max(1, opacity)  # SDL blends d + (s - d) * a / 256: d * (256 - a) / 256 + s * a / 256
    passes = ((_strip(surface, (through,) * 3), pygame.BLEND_RGB_MULT),
              (_strip(surface, tuple(v * opacity // 256 for v in rgb)), pygame.BLEND_RGB_ADD))
    for y in range(area.top, area.bottom, STRIP_ROWS):
        rows = (0, 0, area.w, min(STRIP_ROWS, area.bottom - y))
        for strip, flags in passes:
            surface.blit(strip, (area.x, y), rows, special_flags=flags)
    return True


def shade(surface: Surface, alpha: int = 150, colour: Colour = (0, 0, 0)) -> None:
    """Darken everything drawn so far with a cached veil blitted at this opacity.

    A surface-alpha blit is about 0.5-1 ms at 1280x720; multiplying every pixel
    (`fill(..., BLEND_RGB_MULT)`) was 5-9 ms (PERF, issue 17).
    """
    if tuple(colour) == (0, 0, 0) and _opaque(surface):
        # black at this opacity is a multiply by (255 - alpha) / 255: a SIMD blit, 0.4 ms instead of 1.6 ms at
        # 1280x720, within 1 per channel of the alpha blit (PERF, issue 17); a strip of grey blitted down the
        # surface multiplies each pixel the same as one grey surface its size would
        level = 255 - max(0, min(255, alpha))
        grey = _strip(surface, (level, level, level))
        for y in range(0, surface.get_height(), STRIP_ROWS):
            surface.blit(grey, (0, y), special_flags=pygame.BLEND_RGB_MULT)
        return
    key = (surface.get_size(), colour)
    veil = _VEILS.get(key)
    if veil is None:
        veil = _VEILS[key] = Surface(key[0])
        veil.fill(colour)
    veil.set_alpha(alpha)
    surface.blit(veil, (0, 0))


_SPARES: list[Surface] = []  # whole-screen pictures let go by kept frames and stages no longer shown
SPARES_KEPT = 2  # a play screen's two (its frame and its stage), for the next game's


def _kept_like(surface: Surface, kept: Surface | None) -> Surface:
    """`kept`, the surface a picture is kept on, when it is `surface`'s size; else (`kept` let go) one of
    `surface`'s size and format: one let go (`_let_go`) by a frame or stage no longer shown when there is one, else a
    new one. A new 1280x720 surface is a fresh mapping of memory, page-faulted while first drawn on: 2.5-3.6 ms of a
    new game's first frames (issue 17). A surface other than `kept` holds what its last owner left: the caller
    covers all of it."""
    if kept is not None and kept.get_size() == surface.get_size():
        return kept
    _let_go(kept)
    for i, spare in enumerate(_SPARES):
        if (spare.get_size(), spare.get_bitsize(), spare.get_masks()) == \
                (surface.get_size(), surface.get_bitsize(), surface.get_masks()):
            return _SPARES.pop(i)
    return Surface(surface.get_size(), 0, surface)


def _let_go(picture: Surface | None) -> None:
    if picture is not None and len(_SPARES) < SPARES_KEPT:
        _SPARES.append(picture)


class Still:
    """The part of a screen that looks the same frame after frame (a background, portraits, a card), kept as
    one opaque picture and blitted instead of drawn again.

    The screen names what that part shows with a `key` (a tuple of everything it depends on: the event, the
    stage, the fonts, the theme, the language...). `show` blits the kept picture when it shows this key;
    otherwise the screen draws the part itself and calls `keep`, which copies it once the same key has been
    drawn two frames running (a key seen for one frame only, as when clicking fast, costs no copy), or at once
    when the screen knows it draws the same key next frame (`again`).
    """

    def __init__(self) -> None:
        self._picture: Surface | None = None
        self._key: tuple | None = None   # what _picture shows
        self._last: tuple | None = None  # the key drawn last frame

    def show(self, surface: Surface, key: tuple) -> bool:
        if self._picture is None or key != self._key or self._picture.get_size() != surface.get_size():
            return False
        surface.blit(self._picture, (0, 0))
        self._last = key
        return True

    def keep(self, surface: Surface, key: tuple, again: bool = False) -> None:
        """`surface` holds the still part of `key` over the whole of it, and nothing else yet. `again`: the screen
        knows it draws this key next frame too, so it is copied at once."""
        if again or key == self._last:
            self._picture = _kept_like(surface, self._picture)
            self._picture.blit(surface, (0, 0))
            self._key = key
        self._last = key

    def forget(self) -> None:
        _let_go(self._picture)
        self._picture = self._key = self._last = None

    def __del__(self) -> None:
        _let_go(self._picture)


Layer = tuple[Hashable, Rect, Callable[[Surface], object]]  # (what it shows, where, how to draw it on a surface)


class Layers:
    """A picture made of layers drawn in order, the first covering all of it (a stage: its background, then
    portraits), kept from one frame to the next.

    Drawn again with some layers changed (a portrait's look, or darkened now that someone else speaks), the
    kept picture is redrawn only inside the rectangles where a changed layer was or now is: every layer that
    meets them is drawn again, in order, clipped to them, so the picture is the one drawn afresh. A layer is
    the same when its key and its rectangle are (the key names all its pixels depend on).
    """

    def __init__(self) -> None:
        self._picture: Surface | None = None
        self._shown: list[tuple[Hashable, Rect]] = []  # (key, rectangle) of each layer in the picture

    def draw(self, surface: Surface, layers: list[Layer]) -> None:
        """Blit the picture of `layers` over the whole of `surface`, after bringing the kept one up to date."""
        picture = _kept_like(surface, self._picture)
        if picture is not self._picture:
            self._picture, self._shown = picture, []
        shown = [(key, Rect(rect)) for key, rect, _ in layers]
        for area in _merged(_changed(self._shown, shown) if self._shown else [picture.get_rect()]):
            with clip(picture, area):
                for _, rect, draw in layers:
                    if rect.colliderect(area):
                        draw(picture)
        self._shown = shown
        surface.blit(picture, (0, 0))

    def __del__(self) -> None:
        _let_go(self._picture)


def _changed(was: list[tuple[Hashable, Rect]], now: list[tuple[Hashable, Rect]]) -> list[Rect]:
    """Where a picture of the layers `was` differs from one of the layers `now`: the rectangles of the layers in
    only one of them, and where two layers in both overlap in the other order (a portrait shown again is drawn
    last)."""
    areas = [layer[1] for layer in was if layer not in now] + [layer[1] for layer in now if layer not in was]
    kept = [layer for layer in now if layer in was]
    for i, (_, first) in enumerate(kept):
        for second in kept[i + 1:]:
            if was.index(second) < was.index(kept[i]) and first.colliderect(second[1]):
                areas.append(first.clip(second[1]))
    return areas


def _merged(rects: list[Rect]) -> list[Rect]:
    """The same area as `rects` (or a little more), as rectangles that do not overlap: any two that meet are
    replaced by the one holding both, so no pixel is drawn twice."""
    merged: list[Rect] = []
    for rect in rects:
        rect = Rect(rect)
        while (i := rect.collidelist(merged)) >= 0:
            rect = rect.union(merged.pop(i))
        merged.append(rect)
    return merged


@contextmanager
def clip(surface: Surface, rect: Rect) -> Iterator[None]:
    """Draw only inside `rect` for the duration of the block (nested clips intersect)."""
    before = surface.get_clip()
    surface.set_clip(rect.clip(before))
    try:
        yield
    finally:
        surface.set_clip(before)


def text(surface: Surface, fonts: FontBook, words: str, size: int, colour: Colour, where: tuple[int, int],
         anchor: str = "topleft", bold: bool = False, italic: bool = False) -> Rect:
    """One line of text placed by an anchor of its rectangle ("topleft", "center", "midright", ...)."""
    picture = fonts.render(words, size, colour, bold, italic=italic)
    rect = picture.get_rect(**{anchor: where})
    return surface.blit(picture, rect)


def text_block(surface: Surface, fonts: FontBook, words: str, size: int, colour: Colour,
               rect: Rect, bold: bool = False, align: str = "left", spacing: float = LINE_SPACING) -> int:
    """Wrapped text inside `rect` (its height is not a limit); returns the y just below the last line."""
    y = rect.top
    step = round(fonts.line_height(size) * spacing)
    for row in fonts.wrap(words, size, rect.width, bold):
        picture = fonts.render(row, size, colour, bold)
        x = {"left": rect.left, "right": rect.right - picture.get_width()}.get(
            align, rect.centerx - picture.get_width() // 2)
        surface.blit(picture, (x, y))
        y += step
    return y


def block_height(fonts: FontBook, words: str, size: int, width: int, bold: bool = False,
                 spacing: float = LINE_SPACING) -> int:
    """The height `text_block` will use for these words."""
    return len(fonts.wrap(words, size, width, bold)) * round(fonts.line_height(size) * spacing)
