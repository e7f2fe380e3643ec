"""Layout objects: the rectangles of one frame, worked out before anything is drawn.

A screen's `layout()` returns a `Layout` (named rectangles plus the text sizes it will use);
`draw()` paints from it and `on_action()` hit-tests against a fresh one, so a click is never
tested against where things were last frame. Tests check every layout for the rules
"everything on screen", "siblings do not overlap" and "no text below the hint size"
(`Layout.problems`).

Names form a tree with "/": "list" holds "list/row3"; a child must lie inside its parent and
only siblings (the same parent) are checked for overlap. A name listed in `layers` is a
layer drawn over the rest (a dialog, a toast): it is checked against its own children only.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import pygame

from ..content.records import field, mutable_record
from .theme import HEIGHT, WIDTH

Rect = pygame.Rect
SCREEN = Rect(0, 0, WIDTH, HEIGHT)


@mutable_record
class Layout:
    """Named rectangles and the text sizes a frame uses."""

    boxes: dict[str, Rect] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)  # text size used by a box, where it holds text
    layers: set[str] = field(default_factory=set)

    def add(self, name: str, rect: Rect, size: int | None = None) -> Rect:
        self.boxes[name] = Rect(rect)
        if size is not None:
            self.sizes[name] = size
        return self.boxes[name]

    def __getitem__(self, name: str) -> Rect:
        return self.boxes[name]

    def __contains__(self, name: str) -> bool:
        return name in self.boxes

    def get(self, name: str) -> Rect | None:
        return self.boxes.get(name)

    def children(self, parent: str) -> Iterator[tuple[str, Rect]]:
        prefix = parent + "/"
        for name, rect in self.boxes.items():
            if name.startswith(prefix) and "/" not in name[len(prefix):]:
                yield name, rect

    def hit(self, pos: tuple[int, int], parent: str = "") -> str | None:
        """The name of the topmost box under `pos` among `parent`'s children (the top level when "")."""
        names = [n for n in self.boxes if _parent(n) == parent]
        for name in reversed(names):
            if self.boxes[name].collidepoint(pos):
                return name
        return None

    def problems(self, bounds: Rect = SCREEN, hint: int = 0) -> list[str]:
        """What breaks the rules: off screen, outside the parent, overlapping a sibling, text below `hint`."""
        out: list[str] = []
        for name, rect in self.boxes.items():
            if rect.width <= 0 or rect.height <= 0:
                continue
            parent = _parent(name)
            outer = self.boxes.get(parent, bounds) if parent else bounds
            if not outer.contains(rect):
                where = parent or "the screen"  # not words: problems for tests and authors, never on screen
                out.append(f"{name} {tuple(rect)} is outside {where} {tuple(outer)}")  # not words: as above
        by_parent: dict[str, list[tuple[str, Rect]]] = {}
        for name, rect in self.boxes.items():
            if rect.width > 0 and rect.height > 0 and name not in self.layers:
                by_parent.setdefault(_parent(name), []).append((name, rect))
        for group in by_parent.values():
            for i, (a, ra) in enumerate(group):
                for b, rb in group[i + 1:]:
                    if ra.colliderect(rb):
                        out.append(f"{a} {tuple(ra)} overlaps {b} {tuple(rb)}")
        out += [f"{name} uses text size {size} < {hint}"  # not words: a test's message
                for name, size in self.sizes.items() if size < hint]
        return out


def _parent(name: str) -> str:
    return name.rpartition("/")[0]


def stack(area: Rect, heights: Iterable[int], gap: int = 0, align: str = "top") -> list[Rect]:
    """Rows of these heights, full width of `area`, one under another; `align` "center" centres the block."""
    heights = list(heights)
    total = sum(heights) + gap * max(0, len(heights) - 1)
    y = area.top if align == "top" else area.centery - total // 2 if align == "center" else area.bottom - total
    rows = []
    for h in heights:
        rows.append(Rect(area.left, y, area.width, h))
        y += h + gap
    return rows


def columns(area: Rect, weights: Iterable[float], gap: int = 0) -> list[Rect]:
    """Side-by-side columns sharing `area`'s width in proportion to `weights`."""
    weights = list(weights)
    room = area.width - gap * max(0, len(weights) - 1)
    total = sum(weights) or 1
    x, out = area.left, []
    for k, w in enumerate(weights):
        width = room - sum(c.width for c in out) if k == len(weights) - 1 else round(room * w / total)
        out.append(Rect(x, area.top, width, area.height))
        x += width + gap
    return out


def below(rect: Rect, height: int, gap: int = 0) -> Rect:
    """A rectangle as wide as `rect`, `gap` under it."""
    return Rect(rect.left, rect.bottom + gap, rect.width, height)


def inset(rect: Rect, x: int, y: int | None = None) -> Rect:
    """`rect` shrunk by `x` on the left and right and `y` (default `x`) on the top and bottom."""
    y = x if y is None else y
    return Rect(rect.left + x, rect.top + y, max(0, rect.width - 2 * x), max(0, rect.height - 2 * y))
