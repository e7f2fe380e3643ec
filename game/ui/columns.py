"""Two columns of rows, for a list that would scroll in one (large text): every row on screen.

The rows fill down the first column, then the second. Up, down, Home, End and Enter work as in one column
(the ScrollList's own keys, in that order); left and right cross between the columns; a digit picks the nth
row (all are on screen); the pointer finds the row under it; the wheel has nothing to scroll.

Plain functions over a kit `ScrollList` (its `measure`, `gap`, selection and sounds), so nothing here holds
a screen or its methods: the list's owner decides when two columns are wanted (`height` says what they need,
`fit` in which type), lays them out with `layout`, and hands actions to `on_action` (or `use`). The title
menu and the classroom hub use them."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from pygame import Rect

from .input import Act, Action
from .theme import Theme
from .widgets import ListLayout, ScrollList, Used

COLUMN_GAP = 16  # between the two columns
ROW_PAD, ROW_GAP = 4, 4  # inside and between rows: closer than a column's usual, so more fits on one screen


def sizes(theme: Theme, most: int | None = None) -> tuple[int, ...]:
    """The text sizes two columns try, largest first (none above `most`): the theme's body, name, small and
    hint sizes, down to the smallest at which a list must still fit rather than scroll."""
    named = {theme.size(name) for name in ("body", "name", "small", "hint")} | ({most} if most else set())
    return tuple(sorted((s for s in named if most is None or s <= most), reverse=True))


def per_column(count: int) -> int:
    """Rows in the first column (the second has as many or one fewer)."""
    return -(-count // 2)


def rows(rows_of: ScrollList, area: Rect, column_gap: int = COLUMN_GAP) -> dict[int, Rect]:
    """Each row's rectangle: down the first column, then the second; `area`'s height is not a limit."""
    per, width = per_column(rows_of.count), (area.width - column_gap) // 2
    boxes: dict[int, Rect] = {}
    for i in range(rows_of.count):
        column, above = divmod(i, per)
        top = boxes[i - 1].bottom + rows_of.gap if above else area.top
        boxes[i] = Rect(area.left + column * (width + column_gap), top, width, rows_of.measure(i, width))
    return boxes


def height(rows_of: ScrollList, width: int, column_gap: int = COLUMN_GAP) -> int:
    """The height the two columns need across `width` (0 for no rows)."""
    return max((box.bottom for box in rows(rows_of, Rect(0, 0, width, 0), column_gap).values()), default=0)


def fit(rows_of: ScrollList, width: int, room: int, sizes: Iterable[int], use: Callable[[int], None]) -> int | None:
    """The height of two columns across `width` in the first of `sizes` at which they fit in `room`, each size set
    by `use(size)` before the rows are measured; None when none does (the last size tried stays set)."""
    for size in sizes:
        use(size)
        needed = height(rows_of, width)
        if needed <= room:
            return needed
    return None


def layout(rows_of: ScrollList, area: Rect, column_gap: int = COLUMN_GAP) -> ListLayout:
    """The two columns in `area` as a ListLayout (every row, no scroll bar)."""
    return ListLayout(Rect(area), rows(rows_of, area, column_gap), 0, rows_of.count)


def across(index: int, count: int, right: bool) -> int:
    """The row beside `index` in the other column (the last row when the second column is shorter); the same
    row when there is nothing that way."""
    per = per_column(count)
    if right:
        return min(index + per, count - 1) if index < per else index
    return index % per


def on_action(rows_of: ScrollList, action: Action, lay: ListLayout) -> Used | None:
    """What the two columns laid out as `lay` do with `action`; None when it is not for them."""
    name = action.name
    if name in (Act.UP, Act.DOWN, Act.HOME, Act.END, Act.CONFIRM):
        return rows_of.on_action(action, None)
    if name in (Act.LEFT, Act.RIGHT):
        i = across(rows_of.index, rows_of.count, name == Act.RIGHT)
        if i != rows_of.index and rows_of.audio is not None:
            rows_of.audio.play_sound("select")  # as up and down do
        rows_of.select(i)
        return Used()
    if name == Act.DIGIT:
        return rows_of.choose(action.number - 1)
    if name in (Act.POINT, Act.CLICK) and action.pos is not None:
        i = lay.hit(action.pos)
        if i is None:
            return None
        if name == Act.CLICK:
            return rows_of.choose(i) or Used()
        rows_of.select(i)
        return Used()
    return None


def use(rows_of: ScrollList, action: Action, lay: ListLayout, choose: Callable[[int], None]) -> bool:
    """`on_action`, with a row chosen handed to `choose`: whether the two columns used the action."""
    used = on_action(rows_of, action, lay)
    if used is not None and used.chosen is not None:
        choose(used.chosen)
    return used is not None
