"""Widgets: a scrollable selectable list, buttons built on it, and a table.

`ScrollList` is the one list every screen uses: ↑ ↓ (and the d-pad) move the selection, the
wheel scrolls, a click picks a row, digits 1-9 pick among the rows on screen, Home / End jump,
a click on the scroll track pages. Rows are always whole: a row that does not fit is on the
next page, never clipped. When not every row fits, a scroll bar on the right says where the
view is. The list does not draw rows itself: `layout(area)` returns their rectangles and the
screen paints them (`MenuList` and `Table` are two such painters).
"""
from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Sequence
from types import MethodType
from typing import Any

import pygame

from ..content.records import mutable_record, record
from . import draw, richtext
from .fonts import FontBook
from .input import Act, Action
from .layout import Layout, Rect
from .theme import Colour, Theme

BAR_WIDTH = 10  # the scroll bar
BAR_GAP = 8     # between the rows and the bar


def live(callback: Callable[..., Any]) -> Callable[..., Any]:
    """What a widget calls: the method a `weakly` held callback stands for, or the callback itself."""
    return callback.method() if isinstance(callback, _Weak) else callback


def weakly(callback: Callable[..., Any]) -> Callable[..., Any]:
    """`callback` as a widget keeps it: a bound method, or a `functools.partial` of one with positional arguments,
    without a strong reference to its object. A screen owns its widgets, so a widget holding the screen's methods
    strongly would make a reference cycle, and a popped screen (with its thumbnails and kept frames) would wait for
    the cycle collector's next full pass. Any other callable is kept as it is (a closure over its owner still makes
    a cycle: give the widget a method instead)."""
    if isinstance(callback, functools.partial) and isinstance(callback.func, MethodType) and not callback.keywords:
        return _Weak(callback.func, callback.args)
    if isinstance(callback, MethodType):
        return _Weak(callback)
    return callback


class _Weak:
    """A bound method (with leading arguments) held by a weak reference to its object; it compares equal to the
    method it holds, as the method itself would. Called many times a frame (a list's row heights): the function
    and its object are kept apart, not as a `weakref.WeakMethod`, whose every call builds the method anew."""

    __slots__ = ("_owner", "_function", "_args")

    def __init__(self, method: Any, args: tuple = ()):
        self._owner = weakref.ref(method.__self__)
        self._function, self._args = method.__func__, args

    def __call__(self, *args: Any) -> Any:
        return self._function(self._live_owner(), *self._args, *args)

    def _live_owner(self) -> Any:
        owner = self._owner()
        if owner is None:
            raise ReferenceError("a widget's callback outlived the object it is bound to")
        return owner

    def method(self) -> Callable[..., Any]:
        """The callback as a plain method for a loop that calls it many times (no reference kept beyond it)."""
        method = MethodType(self._function, self._live_owner())
        return functools.partial(method, *self._args) if self._args else method

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _Weak):
            return (self._owner, self._function, self._args) == (other._owner, other._function, other._args)
        return not self._args and isinstance(other, MethodType) and (other.__self__, other.__func__) == (
            self._owner(), self._function)


class Selection:
    """`index = Selection("list")` on a screen: its `index` reads and sets the widget's (`self.list.index`),
    so a screen's selection and its list's never drift apart."""

    def __init__(self, widget: str):
        self.widget = widget

    def __get__(self, owner, cls=None):
        return self if owner is None else getattr(owner, self.widget).index

    def __set__(self, owner, value: int) -> None:
        getattr(owner, self.widget).index = value


@mutable_record
class ListLayout:
    """Where the visible rows and the scroll bar go this frame."""

    area: Rect
    rows: dict[int, Rect]        # item index -> its rectangle, visible rows only, in order
    first: int
    count: int
    bar: Rect | None = None      # the scroll track (None when everything fits)
    thumb: Rect | None = None

    @property
    def visible(self) -> list[int]:
        return list(self.rows)

    def hit(self, pos: tuple[int, int]) -> int | None:
        return _hit(self.rows, pos)

    def into(self, layout: Layout, name: str) -> None:
        """Record the list area, its rows and its bar in a screen's Layout under `name`."""
        _record(layout, name, self.area, self.rows, "row", self.bar)


def _hit(boxes: dict[int, Rect], pos: tuple[int, int]) -> int | None:
    return next((i for i, r in boxes.items() if r.collidepoint(pos)), None)


def _record(layout: Layout, name: str, area: Rect, boxes: dict[int, Rect], kind: str, bar: Rect | None) -> None:
    layout.add(name, area)
    for i, rect in boxes.items():
        layout.add(f"{name}/{kind}{i}", rect)
    if bar is not None:
        layout.add(f"{name}/bar", bar)


@record
class Used:
    """What a list did with an action: always truthy; `chosen` is the row picked, if one was."""

    chosen: int | None = None


def _every_row(i: int) -> bool:
    return True


class ScrollList:
    """Selection and scroll position over `count` rows whose heights `measure(i, width)` gives (callbacks are held
    `weakly`: a list's owner's methods keep the owner no longer than the owner keeps the list)."""

    def __init__(self, count: int, measure: Callable[[int, int], int], enabled: Callable[[int], bool] | None = None,
                 gap: int = 0, wrap: bool = True, audio=None):
        self.count = count
        self._measure = weakly(measure)
        self._enabled = weakly(enabled) if enabled is not None else _every_row
        self.gap = gap
        self.wrap = wrap
        self.audio = audio  # optional: plays "select" and "confirm"
        self.index = next((i for i in range(count) if self.enabled(i)), 0)
        self.first = 0

    @property
    def measure(self) -> Callable[[int, int], int]:
        """A row's height, `measure(i, width)` (taken once by a loop that measures many rows)."""
        return live(self._measure)

    @property
    def enabled(self) -> Callable[[int], bool]:
        """Whether a row can be selected, `enabled(i)`."""
        return live(self._enabled)

    # --- layout -------------------------------------------------------------------------------

    def _fits(self, area: Rect, width: int) -> bool:
        used, measure = 0, self.measure
        for i in range(self.count):
            used += measure(i, width) + (self.gap if i else 0)
            if used > area.height:
                return False
        return True

    def layout(self, area: Rect) -> ListLayout:
        """The rows shown in `area` with the selection visible; `first` follows the selection."""
        if self.count == 0:
            return ListLayout(Rect(area), {}, 0, 0)
        scrolls = not self._fits(area, area.width)
        width = area.width - (BAR_WIDTH + BAR_GAP if scrolls else 0)
        return self._build(area, width, self._first(area.height, width), scrolls)

    def _build(self, area: Rect, width: int, first: int, scrolls: bool) -> ListLayout:
        rows: dict[int, Rect] = {}
        y, measure = area.top, self.measure
        for i in range(first, self.count):
            h = measure(i, width)
            if rows and y + h > area.bottom:
                break
            rows[i] = Rect(area.left, y, width, min(h, area.height))
            y += h + self.gap
        lay = ListLayout(Rect(area), rows, first, self.count)
        if scrolls:
            lay.bar = Rect(area.right - BAR_WIDTH, area.top, BAR_WIDTH, area.height)
            shown = len(rows)
            h = max(24, area.height * shown // self.count)
            top = area.top + (area.height - h) * first // max(1, self.count - shown)
            lay.thumb = Rect(lay.bar.left, min(top, area.bottom - h), BAR_WIDTH, h)
        return lay

    def scroll(self, step: int, area: Rect) -> None:
        """Move the view by `step` rows; the selection moves only as far as needed to stay on screen."""
        lay = self.layout(area)
        if lay.bar is None:
            return
        first = max(0, min(self.count - 1, lay.first + step))
        rows = self._build(area, lay.bar.left - BAR_GAP - area.left, first, True).rows
        if self.index not in rows:
            self.index = min(rows) if self.index < min(rows) else max(rows)
        self.first = first
        self.first = self.layout(area).first

    def _first(self, height: int, width: int) -> int:
        """The first row to show: no earlier than needed to show the selection, no later than
        needed to fill the area to the end of the list."""
        measure = self.measure
        first = min(max(0, self.first), self.count - 1)
        index = min(max(0, self.index), self.count - 1)
        if index < first:
            first = index
            while first > 0 and not self.enabled(first - 1):  # a heading row above the selection comes too
                first -= 1
        used = 0
        for i in range(first, index + 1):  # is the selection below the view?
            used += measure(i, width) + (self.gap if i > first else 0)
        while used > height and first < index:
            used -= measure(first, width) + self.gap
            first += 1
        used = sum(measure(i, width) for i in range(first, self.count)) if self.count - first < 64 else height + 1
        used += self.gap * (self.count - first - 1)
        while first > 0 and used + measure(first - 1, width) + self.gap <= height:  # no empty tail
            first -= 1
            used += measure(first, width) + self.gap
        return first

    # --- input --------------------------------------------------------------------------------

    def move(self, step: int) -> bool:
        """Move the selection to the next enabled row; False when there is none."""
        i = self.index
        for _ in range(self.count):
            i += step
            if not 0 <= i < self.count:
                if not self.wrap:
                    return False
                i %= self.count
            if self.enabled(i):
                self.index = i
                self._sound("select")
                return True
        return False

    def select(self, i: int) -> None:
        if 0 <= i < self.count:
            self.index = i

    def choose(self, i: int) -> Used | None:
        if 0 <= i < self.count and self.enabled(i):
            self.index = i
            self._sound("confirm")
            return Used(chosen=i)
        return None

    def on_action(self, action: Action, area: Rect | None) -> Used | None:
        """Navigation, wheel, digits and pointer; returns None when the action was not for the list.

        Without an `area` (nothing laid out yet) only the keys work; digits count from the first row.
        """
        name = action.name
        if name in (Act.UP, Act.DOWN):
            self.move(-1 if name == Act.UP else 1)
            return Used()
        if name in (Act.HOME, Act.END):
            self.index = 0 if name == Act.HOME else self.count - 1
            if not self.enabled(self.index):
                self.move(1 if name == Act.HOME else -1)
            return Used()
        if name == Act.CONFIRM:
            return self.choose(self.index)
        if area is None:
            return self.choose(self.first + action.number - 1) if name == Act.DIGIT else None
        lay = self.layout(area)
        self.first = lay.first
        if name == Act.DIGIT:
            visible = lay.visible
            return self.choose(visible[action.number - 1]) if 1 <= action.number <= len(visible) else None
        if name in (Act.WHEEL_UP, Act.WHEEL_DOWN):
            if lay.bar is None:
                return None
            self.scroll(-1 if name == Act.WHEEL_UP else 1, area)
            return Used()
        if name not in (Act.POINT, Act.CLICK) or action.pos is None:
            return None
        i = lay.hit(action.pos)
        if i is not None:
            if name == Act.CLICK:
                return self.choose(i) or Used()
            if self.enabled(i):
                self.index = i
            return Used()
        if name == Act.CLICK and lay.bar is not None and lay.bar.collidepoint(action.pos):
            page = max(1, len(lay.rows) - 1)
            self.scroll(-page if action.pos[1] < lay.thumb.top else page, area)
            return Used()
        return None

    def _sound(self, name: str) -> None:
        if self.audio is not None:
            self.audio.play_sound(name)

    # --- drawing --------------------------------------------------------------------------------

    @staticmethod
    def draw_bar(surface: pygame.Surface, lay: ListLayout, theme: Theme) -> None:
        """The scroll track and thumb, when the list scrolls."""
        if lay.bar is None or lay.thumb is None:
            return
        draw.box(surface, theme.grid, lay.bar, radius=BAR_WIDTH // 2)
        draw.box(surface, theme.accent if lay.first + len(lay.rows) < lay.count or lay.first else theme.dim,
                 lay.thumb, radius=BAR_WIDTH // 2)


@mutable_record
class GridLayout:
    """The visible cells of a Grid and its scroll bar."""

    area: Rect
    cells: dict[int, Rect]
    rows: ListLayout

    def hit(self, pos: tuple[int, int]) -> int | None:
        return _hit(self.cells, pos)

    def into(self, layout: Layout, name: str) -> None:
        """Record the grid's area, its visible cells and its bar in a screen's Layout under `name`."""
        _record(layout, name, self.area, self.cells, "cell", self.rows.bar)


class Grid:
    """Cells in `cols` columns whose rows scroll (a ScrollList over the rows): arrows move by a cell or a row,
    Home / End, the wheel scrolls, a click picks; `cell_height(i, width)` sizes each cell."""

    def __init__(self, count: int, cols: int, cell_height: Callable[[int, int], int], gap: int = 14,
                 row_gap: int | None = None):
        self.count, self.cols, self.cell_height, self.gap = count, cols, weakly(cell_height), gap
        self.index = 0
        self.rows = ScrollList(self._row_count(), self._row_height, gap=gap if row_gap is None else row_gap,
                               wrap=False)

    def _row_count(self) -> int:
        return -(-self.count // max(1, self.cols))

    def cell_width(self, width: int) -> int:
        return (width - (self.cols - 1) * self.gap) // self.cols

    def _row_height(self, row: int, width: int) -> int:
        w = self.cell_width(width)
        return max(self.cell_height(i, w) for i in range(row * self.cols, min(self.count, (row + 1) * self.cols)))

    def layout(self, area: Rect) -> GridLayout:
        self.rows.count = self._row_count()
        self.index = max(0, min(self.index, self.count - 1))
        self.rows.index = self.index // max(1, self.cols)
        rows = self.rows.layout(area)
        self.rows.first = rows.first
        cells: dict[int, Rect] = {}
        for row, rect in rows.rows.items():
            w = self.cell_width(rect.width)
            for k, i in enumerate(range(row * self.cols, min(self.count, (row + 1) * self.cols))):
                cells[i] = Rect(rect.left + k * (w + self.gap), rect.top, w, min(rect.height, self.cell_height(i, w)))
        return GridLayout(Rect(area), cells, rows)

    def on_action(self, action: Action, area: Rect) -> Used | None:
        name, n = action.name, self.count
        steps = {Act.LEFT: -1, Act.RIGHT: 1, Act.UP: -self.cols, Act.DOWN: self.cols}
        if name in steps and n:
            self.index = max(0, min(n - 1, self.index + steps[name]))
        elif name in (Act.HOME, Act.END) and n:
            self.index = 0 if name == Act.HOME else n - 1
        elif name == Act.CONFIRM and n:
            return Used(chosen=self.index)
        elif name in (Act.WHEEL_UP, Act.WHEEL_DOWN):
            self.layout(area)
            self.rows.scroll(-1 if name == Act.WHEEL_UP else 1, area)
            row = self.rows.index
            self.index = max(0, min(n - 1, row * self.cols + self.index % self.cols))
        elif name in (Act.CLICK, Act.POINT) and action.pos is not None:
            lay = self.layout(area)
            hit = lay.hit(action.pos)
            if hit is None:
                if name == Act.CLICK and lay.rows.bar is not None and lay.rows.bar.collidepoint(action.pos):
                    self.rows.on_action(action, area)
                    self.index = max(0, min(n - 1, self.rows.index * self.cols + self.index % self.cols))
                    return Used()
                return None
            self.index = hit
            return Used(chosen=hit) if name == Act.CLICK else Used()
        else:
            return None
        return Used()


class Heights:
    """Rows' heights kept while what they depend on (`key`: the fonts, the theme, the language, the rows)
    stays the same: a list places its view from many rows' heights every frame."""

    def __init__(self, measure: Callable[[int, int], int]):
        self.measure = weakly(measure)
        self._key: tuple | None = None
        self._known: dict[tuple[int, int], int] = {}

    def get(self, key: tuple, i: int, width: int) -> int:
        if key != self._key:
            self._key, self._known = key, {}
        height = self._known.get((i, width))
        if height is None:
            height = self._known[(i, width)] = self.measure(i, width)
        return height


@mutable_record
class Item:
    """One button of a MenuList: its label and what choosing it does."""

    label: str
    on_choose: Callable[[], None]
    enabled: bool = True
    note: str = ""  # a short explanation shown beside a disabled item
    markup: bool = False  # the label holds story markup ({b}, {i}, {color=#..}): drawn with its styles

    def __post_init__(self) -> None:
        self.on_choose = weakly(self.on_choose)  # the menu's owner's method: no cycle through its menu


class MenuList:
    """Vertical buttons on a ScrollList: arrows move, Enter or a click chooses, digits pick what is on screen.

    `numbered` menus of at most nine buttons (a story's choice) show each button's own number, and a digit
    picks that button whether it is on screen or scrolled away; a longer numbered menu numbers the rows on
    screen, as the digits pick them.

    `area` is where the buttons may go; without one they are centred on `center` and may use the
    screen's height. More buttons than fit scroll (the type never shrinks).
    """

    def __init__(self, items: list[Item], center: tuple[int, int], width: int, size: int = 28,
                 numbered: bool = False, align: str = "center", audio=None, compact: bool = False,
                 area: Rect | None = None, fonts: FontBook | None = None):
        self.items = items
        self.center = center
        self.width = width
        self.size = size
        self.numbered = numbered
        self.align = align
        self.area = area
        self.fonts = fonts
        self.pad, self.gap = (14, 8) if compact else (24, 14)  # inner vertical padding, space between buttons
        self.list = ScrollList(len(items), self._height, self._enabled, gap=self.gap, audio=audio)
        self.rects: list[Rect] = []
        self._heights = Heights(self._measure)
        self._laid: tuple[tuple | None, ListLayout | None] = (None, None)  # (what it depends on, the layout)

    index = Selection("list")

    def _height(self, i: int, width: int) -> int:
        """A button's height, measured once per width, fonts, size and items (items are never changed in place:
        a screen whose words change makes a new menu)."""
        key = (self.fonts, self.size, self.pad, self.numbered, self.items, len(self.items))
        return self._heights.get(key, i, width)

    def _enabled(self, i: int) -> bool:
        return self.items[i].enabled

    def _measure(self, i: int, width: int) -> int:
        """Measured bold (the selected button is drawn bold), so a label that fits never wraps when selected."""
        label = self._label(i, 9 if self.numbered else None)
        measure = richtext.height if self.items[i].markup else draw.block_height
        return measure(self.fonts, label, self.size, width - 48, bold=True) + self.pad

    def _own_numbers(self) -> bool:
        return self.numbered and len(self.items) <= 9

    def _label(self, i: int, number: int | None = None) -> str:
        item = self.items[i]
        label = f"{number}.  {item.label}" if self.numbered and number else item.label
        if item.markup and item.note and not item.enabled:
            return f"{label}  ({item.note.replace('{', '{{')})"
        return f"{label}  ({item.note})" if item.note and not item.enabled else label

    def total_height(self, fonts: FontBook) -> int:
        """The height every button needs, unscrolled."""
        self.fonts = fonts
        self.list.gap = self.gap
        return sum(self._height(i, self.width) for i in range(len(self.items))) + self.gap * max(
            0, len(self.items) - 1)

    def frame(self, fonts: FontBook) -> Rect:
        """The area the list lays out in: `area`, or a box centred on `center` no taller than the screen."""
        if self.area is not None:
            return Rect(self.area)
        total = min(self.total_height(fonts), 720 - 40)
        return Rect(self.center[0] - self.width // 2, self.center[1] - total // 2, self.width, total)

    def list_layout(self, fonts: FontBook) -> ListLayout:
        """Where the buttons go, worked out again only when the fonts, the buttons, the area, the selection or
        the scroll change (a screen asks several times a frame)."""
        self.fonts = fonts
        self.list.gap = self.gap
        key = (fonts, self.size, self.width, self.pad, self.gap, self.items, len(self.items),
               tuple(self.area) if self.area is not None else self.center, self.list.index, self.list.first)
        if self._laid[0] != key:
            self._laid = (key, self.list.layout(self.frame(fonts)))
        lay = self._laid[1]
        self.rects = list(lay.rows.values())
        return lay

    def layout(self, fonts: FontBook) -> list[Rect]:
        """The visible buttons' rectangles, top to bottom."""
        return list(self.list_layout(fonts).rows.values())

    def move(self, step: int) -> None:
        self.list.move(step)

    def choose(self, i: int) -> bool:
        if self.list.choose(i):
            self.items[i].on_choose()
            return True
        return False

    def hit(self, pos: tuple[int, int]) -> int | None:
        return self.list_layout(self.fonts).hit(pos) if self.fonts else None

    def on_action(self, action: Action) -> bool:
        """Handle navigation; returns True when the action was used."""
        if action.name in (Act.LEFT, Act.RIGHT):  # menus are one column: left/right move too
            action = Action(Act.UP if action.name == Act.LEFT else Act.DOWN)
        if self._own_numbers() and action.name == Act.DIGIT:  # the option's own number, on screen or not
            if not 1 <= action.number <= len(self.items):
                return False
            self.choose(action.number - 1)
            return True
        used = self.list.on_action(action, self.frame(self.fonts) if self.fonts else None)
        if used is None:
            return False
        if used.chosen is not None:
            self.items[used.chosen].on_choose()
        return True

    def draw(self, surface: pygame.Surface, fonts: FontBook, theme: Theme) -> None:
        lay = self.list_layout(fonts)
        own = self._own_numbers()
        for number, (i, rect) in enumerate(lay.rows.items(), start=1):
            item = self.items[i]
            selected = i == self.index and item.enabled
            draw.panel(surface, rect, theme, alpha=250 if selected else 240,  # text behind never shows through
                       edge=theme.accent if selected else theme.grid, radius=10)
            if selected:
                draw.box(surface, theme.accent, Rect(rect.left + 8, rect.top + 10, 5, rect.height - 20), radius=3)
            colour = theme.accent if selected else (theme.text if item.enabled else theme.dim)
            inner = rect.inflate(-48, -self.pad)
            write = richtext.block if item.markup else draw.text_block
            label = self._label(i, i + 1 if own else number)
            write(surface, fonts, label, self.size, colour, inner, bold=selected, align=self.align)
        ScrollList.draw_bar(surface, lay, theme)


def _no_colour(i: int) -> Colour | None:
    return None


@mutable_record
class Column:
    """One column of a Table: its header, its share of the width and how its cells align."""

    title: str
    weight: float = 1.0
    align: str = "left"


class Table:
    """Rows of cells under a header; a ScrollList underneath (select, scroll, click, digits)."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Sequence[str]], fonts_of: Callable[[], FontBook],
                 size_of: Callable[[], int], colours: Callable[[int], Colour | None] | None = None):
        self.columns = list(columns)
        self.rows = [list(r) for r in rows]
        self.fonts_of, self.size_of = weakly(fonts_of), weakly(size_of)
        self.colours = weakly(colours) if colours is not None else _no_colour
        self.list = ScrollList(len(self.rows), self._measure, wrap=False)

    PAD = 8

    def _cells(self, width: int) -> list[int]:
        total = sum(c.weight for c in self.columns) or 1
        return [int((width - 2 * self.PAD) * c.weight / total) for c in self.columns]

    def _measure(self, i: int, width: int) -> int:
        fonts, size = self.fonts_of(), self.size_of()
        return max(draw.block_height(fonts, cell, size, w - 12)
                   for cell, w in zip(self.rows[i], self._cells(width), strict=False)) + 2 * self.PAD

    def header_height(self) -> int:
        return self.fonts_of().line_height(self.size_of()) + 2 * self.PAD

    def layout(self, area: Rect) -> tuple[Rect, ListLayout]:
        head = Rect(area.left, area.top, area.width, self.header_height())
        body = Rect(area.left, head.bottom, area.width, area.height - head.height)
        return head, self.list.layout(body)

    def on_action(self, action: Action, area: Rect) -> Used | None:
        return self.list.on_action(action, self.layout(area)[1].area)

    def draw(self, surface: pygame.Surface, area: Rect, theme: Theme) -> tuple[Rect, ListLayout]:
        fonts, size = self.fonts_of(), self.size_of()
        head, lay = self.layout(area)
        x = head.left + self.PAD
        for column, w in zip(self.columns, self._cells(lay.rows[lay.first].width if lay.rows else head.width),
                             strict=False):
            draw.text_block(surface, fonts, column.title, size, theme.dim, Rect(x, head.top + self.PAD, w - 12, 0),
                            bold=True, align=column.align)
            x += w
        draw.line(surface, theme.grid, (head.left, head.bottom - 2), (head.right, head.bottom - 2), 2)
        for i, rect in lay.rows.items():
            selected = i == self.list.index
            if selected:
                draw.panel(surface, rect, theme, alpha=230, edge=theme.accent, radius=6, fill=theme.highlight)
            x = rect.left + self.PAD
            colour = self.colours(i) or (theme.accent if selected else theme.text)
            for cell, w, column in zip(self.rows[i], self._cells(rect.width), self.columns, strict=False):
                draw.text_block(surface, fonts, cell, size, colour, Rect(x, rect.top + self.PAD, w - 12, 0),
                                align=column.align)
                x += w
        ScrollList.draw_bar(surface, lay, theme)
        return head, lay


def hit_index(rects: list[Rect], pos: tuple[int, int]) -> int | None:
    """The index of the first rectangle under `pos` (None when there is none)."""
    return next((i for i, r in enumerate(rects) if r.collidepoint(pos)), None)


def fitting(height, limit: int, step: int = 2, most: int = 20) -> int:
    """How many points to take off the text sizes so that `height(d)` fits in `limit` (at most `most`).

    For cards that must stay whole on one screen; lists scroll instead (ScrollList). `height(d)` must not grow
    with d (smaller type never takes more room), so the first d that fits is found by halving: a few layouts
    instead of one per size (the title tried twelve sizes of its whole block on its first frame).
    """
    sizes = range(0, most + 1, step)
    if height(sizes[0]) <= limit:
        return 0
    if height(sizes[-1]) > limit:
        return most
    low, high = 0, len(sizes) - 1  # sizes[low] does not fit, sizes[high] does
    while high - low > 1:
        middle = (low + high) // 2
        if height(sizes[middle]) <= limit:
            high = middle
        else:
            low = middle
    return sizes[high]
