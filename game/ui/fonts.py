"""Text rendering with the shipped fonts: Hangul everywhere, a Latin fallback, wrapping and a cache.

pygame draws a box for a glyph its font lacks, so each string is split into runs by which
shipped font covers each character (from the `.coverage` files that tools/build_fonts.py
writes) and the runs are drawn side by side. Rendered lines are cached: the play screen
draws the same text every frame.
"""
from __future__ import annotations

from itertools import chain, filterfalse
from pathlib import Path

import pygame

from .. import paths
from ..content.markup import NO_END, NO_START, clusters

REGULAR = "NanumGothic-Regular.ttf"
BOLD = "NanumGothic-Bold.ttf"
FALLBACK = "DejaVuSans.ttf"
RENDER_CACHE_BYTES = 4 * 2**20  # rendered lines kept (least recently drawn go first); a full-width line is ~150 KB
# measured widths and wrapped texts kept, the least recently used going first: the story measures every word it
# wraps (the shipped story's words at one size settle at ~6,100 keys, ~200 bytes each, after ~20,000 fast-clicked
# frames), a bigger story more; a timeline frame measures a few hundred labels
MOST_WIDTHS = 10_000
MOST_WRAPS = 2000
SYMBOLS_FROM_FALLBACK = [(0x2022, 0x2022), (0x2039, 0x203A), (0x2190, 0x21FF), (0x25A0, 0x25FF)]


def load_coverage(font_file: Path, leaving: frozenset[int] = frozenset()) -> frozenset[int]:
    """The code points a shipped font covers (its `.coverage` file: one range a line) but those in `leaving`, made
    in one pass (a set built and then copied, twice, was 1.5 ms of every start)."""
    bounds = [[int(x, 16) for x in item.split("-")] for item in font_file.with_suffix(".coverage").read_text().split()]
    points = chain.from_iterable(range(lo, hi + 1) for lo, hi in bounds)
    return frozenset(filterfalse(leaving.__contains__, points) if leaving else points)


class FontBook:
    """Fonts by size and weight, with fallback and a cache of rendered lines."""

    def __init__(self, folder: Path = paths.FONTS, scale: float = 1.0):
        self.folder = folder
        self.scale = scale
        self.fallback_cover = load_coverage(folder / FALLBACK)
        # Nanum's arrows and bullets are full-width hairlines, nearly invisible at text sizes: use DejaVu's.
        symbols = {cp for lo, hi in SYMBOLS_FROM_FALLBACK for cp in range(lo, hi + 1)}
        self.primary_cover = load_coverage(folder / REGULAR, frozenset(symbols & self.fallback_cover))
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._cache: dict[tuple, pygame.Surface] = {}
        self._wraps: dict[tuple, tuple[str, ...]] = {}  # wrapped lines: screens re-wrap the same text every frame
        self._widths: dict[tuple, int] = {}  # the timeline measures every label every frame
        self._cache_bytes = 0  # pixels held by _cache: typing renders a new prefix per frame, so bound the bytes

    def font(self, size: int, bold: bool = False, fallback: bool = False, italic: bool = False) -> pygame.font.Font:
        name = FALLBACK if fallback else (BOLD if bold else REGULAR)
        px = max(6, round(size * self.scale))
        key = (name, px, italic)
        if key not in self._fonts:
            font = pygame.font.Font(str(self.folder / name), px)
            if fallback and bold:
                font.set_bold(True)
            if italic:  # the shipped fonts have no italic face: pygame slants the glyphs
                font.set_italic(True)
            self._fonts[key] = font
        return self._fonts[key]

    def covers(self, ch: str) -> bool:
        return ord(ch) in self.primary_cover or ord(ch) in self.fallback_cover or ch.isspace()

    def _runs(self, text: str) -> list[tuple[str, bool]]:
        """Split text into (run, use_fallback) pieces."""
        if self.primary_cover.issuperset(map(ord, text)):  # (most text: one run, found without a loop in Python)
            return [(text, False)] if text else []
        runs: list[tuple[str, bool]] = []
        for ch in text:
            fb = ord(ch) not in self.primary_cover and ord(ch) in self.fallback_cover
            if runs and runs[-1][1] == fb:
                runs[-1] = (runs[-1][0] + ch, fb)
            else:
                runs.append((ch, fb))
        return runs

    def width(self, text: str, size: int, bold: bool = False, italic: bool = False) -> int:
        key = (text, size, bold, italic)
        width = self._widths.pop(key, None)
        if width is None and self.primary_cover.issuperset(map(ord, text)):  # (most text: one run, no generator)
            width = self.font(size, bold, False, italic).size(text)[0] if text else 0
        elif width is None:
            width = sum(self.font(size, bold, fb, italic).size(run)[0] for run, fb in self._runs(text))
        _keep(self._widths, key, width, MOST_WIDTHS)
        return width

    def line_height(self, size: int) -> int:
        return self.font(size).get_linesize()

    def render(self, text: str, size: int, colour: tuple[int, int, int], bold: bool = False,
               cache: bool = True, italic: bool = False) -> pygame.Surface:
        """One line of text; `cache=False` for one-off strings (a line half typed out)."""
        key = (text, size, colour, bold, italic)
        cached = self._cache.pop(key, None)
        if cached is not None:
            self._cache[key] = cached  # drawn again: the last to go
            return cached
        runs = self._runs(text) or [("", False)]
        parts = [self.font(size, bold, fb, italic).render(run, True, colour) for run, fb in runs]
        height = max(self.line_height(size), *(p.get_height() for p in parts))
        surface = pygame.Surface((max(1, sum(p.get_width() for p in parts)), height), pygame.SRCALPHA)
        x = 0
        for part in parts:
            surface.blit(part, (x, (height - part.get_height()) // 2))
            x += part.get_width()
        if not cache:
            return surface
        self._cache[key] = surface
        self._cache_bytes += _bytes(surface)
        while len(self._cache) > 4000 or self._cache_bytes > RENDER_CACHE_BYTES:  # the least recently drawn go
            self._cache_bytes -= _bytes(self._cache.pop(next(iter(self._cache))))
        return surface

    def wrap(self, text: str, size: int, width: int, bold: bool = False) -> list[str]:
        key = (text, size, width, bold)
        lines = self._wraps.pop(key, None)
        if lines is None:
            lines = tuple(_wrap(self, text, size, width, bold))
        _keep(self._wraps, key, lines, MOST_WRAPS)
        return list(lines)


def _keep(kept: dict, key: tuple, value: object, most: int) -> None:
    """Put `value` last in `kept` (popped by the caller if it was there) and drop the least recently used
    beyond `most` (dicts keep insertion order)."""
    kept[key] = value
    if len(kept) > most:
        del kept[next(iter(kept))]


def _bytes(surface: pygame.Surface) -> int:
    return surface.get_width() * surface.get_height() * 4


def _wrap(book: FontBook, text: str, size: int, width: int, bold: bool) -> list[str]:
    """Greedy word wrap; words longer than the width (or Hangul runs) break by character."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if book.width(candidate, size, bold) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            for ch in clusters(word):  # by what a reader sees as one character: never half a syllable
                if book.width(line + ch, size, bold) > width and line:
                    last = clusters(line)[-1]
                    carry = last if len(last) < len(line) and (ch[:1] in NO_START or last[:1] in NO_END) else ""
                    lines.append(line[:len(line) - len(carry)])  # no line starts with . , ! ? 」 or ends with 「 (
                    line = carry
                line += ch
        lines.append(line)
    return lines
