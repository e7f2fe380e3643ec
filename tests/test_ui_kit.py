"""The UI kit on its own: themes define every role and size, the ScrollList scrolls instead of clipping,
digits pick visible rows, the Grid and Table, Layout's checks, toasts, the confirm dialog, the navigator."""
from __future__ import annotations

from dataclasses import fields

import pygame
import pytest

from game.ui import draw
from game.ui.fonts import FontBook
from game.ui.input import Act, Action
from game.ui.layout import Layout, Rect, columns, stack
from game.ui.nav import Navigator, Route, UnknownRoute
from game.ui.theme import DEFAULT, HIGH_CONTRAST, PROJECTOR, ROLES, SIZES, THEMES, Theme, theme_for
from game.ui.toast import Toasts
from game.ui.widgets import Column, Grid, Item, MenuList, ScrollList, Table

AREA = Rect(100, 100, 400, 300)


def rows(heights: list[int], **kw) -> ScrollList:
    return ScrollList(len(heights), lambda i, width: heights[i], **kw)


# --- theme -------------------------------------------------------------------------------------------

def test_every_theme_defines_every_role_and_size():
    for theme in THEMES.values():
        for role in ROLES:
            colour = theme.role(role)
            assert len(colour) == 3 and all(0 <= c <= 255 for c in colour)
        for size in SIZES:
            assert theme.size(size) >= theme.hint_size
    assert {f.name for f in fields(Theme)} >= set(ROLES)
    with pytest.raises(KeyError):
        DEFAULT.role("amber")


def test_one_amber_and_one_dark_text_on_accent_per_theme():
    """Roles that mean different things stay apart (no drifted near-duplicates of one colour)."""
    for theme in THEMES.values():
        assert theme.differ != theme.evidence and theme.differ != theme.danger
        assert sum(theme.on_accent) < 100 < sum(theme.accent)  # dark text on the accent plate reads


def test_high_contrast_and_projector_differ_from_the_default_where_they_should():
    assert HIGH_CONTRAST.panel_alpha == 255 and HIGH_CONTRAST.text == (255, 255, 255)
    assert PROJECTOR.hint_size > DEFAULT.hint_size and PROJECTOR.body_size > DEFAULT.body_size
    assert theme_for(True, True).hint_size == PROJECTOR.hint_size and theme_for(True, True).panel_alpha == 255
    assert theme_for(False, False) is DEFAULT and theme_for(True, False) is HIGH_CONTRAST


# --- ScrollList ----------------------------------------------------------------------------------------

def test_rows_that_fit_show_without_a_bar():
    lay = rows([50, 50, 50]).layout(AREA)
    assert list(lay.rows) == [0, 1, 2] and lay.bar is None
    assert all(AREA.contains(r) for r in lay.rows.values())


def test_rows_that_do_not_fit_scroll_whole_with_a_bar():
    lst = rows([80] * 10, gap=4)
    lay = lst.layout(AREA)
    assert lay.bar is not None and lay.thumb is not None and AREA.contains(lay.bar)
    assert all(AREA.contains(r) for r in lay.rows.values())            # the last row shown is never clipped
    assert len(lay.rows) == 3                                           # 3 * 84 - 4 <= 300 < 4 * 84 - 4
    assert all(r.right <= lay.bar.left for r in lay.rows.values())      # rows leave room for the bar
    for _ in range(9):
        lst.on_action(Action(Act.DOWN), AREA)
    lay = lst.layout(AREA)
    assert lst.index == 9 and 9 in lay.rows and lay.thumb.bottom == AREA.bottom  # scrolled to the end


def test_the_view_never_scrolls_past_the_end_and_home_brings_back_the_top():
    lst = rows([80] * 10)
    lst.on_action(Action(Act.END), AREA)
    assert lst.layout(AREA).first == 7
    lst.on_action(Action(Act.HOME), AREA)
    assert lst.index == 0 and lst.layout(AREA).first == 0


def test_wheel_scrolls_the_view_and_keeps_the_selection_on_screen():
    lst = rows([80] * 10)
    for _ in range(4):
        assert lst.on_action(Action(Act.WHEEL_DOWN, (200, 200)), AREA)
    lay = lst.layout(AREA)
    assert lay.first == 4 and lst.index in lay.rows
    assert rows([50, 50]).on_action(Action(Act.WHEEL_DOWN, (200, 200)), AREA) is None  # nothing to scroll


def test_digits_pick_among_the_rows_on_screen():
    lst = rows([80] * 12)
    for _ in range(11):
        lst.on_action(Action(Act.DOWN), AREA)                           # the view now shows rows 9-11
    used = lst.on_action(Action(Act.DIGIT, number=3), AREA)
    assert used.chosen == 11
    assert lst.on_action(Action(Act.DIGIT, number=9), AREA) is None    # no ninth row on screen


def test_click_hits_the_row_under_the_pointer_now_and_the_track_pages():
    lst = rows([80] * 10)
    lay = lst.layout(AREA)
    used = lst.on_action(Action(Act.CLICK, lay.rows[1].center), AREA)
    assert used.chosen == 1
    before = lst.layout(AREA).first
    lst.on_action(Action(Act.CLICK, (lay.bar.centerx, AREA.bottom - 2)), AREA)
    assert lst.layout(AREA).first > before


def test_disabled_rows_are_skipped_and_cannot_be_chosen():
    lst = rows([40] * 4, enabled=lambda i: i != 1)
    lst.on_action(Action(Act.DOWN), AREA)
    assert lst.index == 2
    assert lst.on_action(Action(Act.DIGIT, number=2), AREA) is None


def test_a_heading_row_above_the_selection_comes_into_view():
    lst = rows([40] + [80] * 8, enabled=lambda i: i != 0)
    lst.on_action(Action(Act.END), AREA)
    lst.on_action(Action(Act.HOME), AREA)
    assert lst.index == 1 and lst.layout(AREA).first == 0


# --- MenuList, Grid, Table -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fonts():
    pygame.font.init()
    return FontBook(scale=2.0)


def test_a_long_menu_scrolls_at_full_size_instead_of_shrinking(fonts):
    chosen = []
    items = [Item(f"Option number {i + 1}", lambda i=i: chosen.append(i)) for i in range(12)]
    menu = MenuList(items, (640, 360), 800, 28, numbered=True, area=Rect(240, 200, 800, 500), fonts=fonts)
    lay = menu.list_layout(fonts)
    assert menu.size == 28 and lay.bar is not None and len(lay.rows) < 12
    assert all(menu.area.contains(r) for r in lay.rows.values())
    for _ in range(11):
        menu.on_action(Action(Act.DOWN))
    assert 11 in menu.list_layout(fonts).rows
    menu.on_action(Action(Act.DIGIT, number=len(menu.list_layout(fonts).rows)))
    assert chosen == [11]                                   # option 12 is reachable by a number key


def test_grid_moves_by_cells_and_rows_and_scrolls(fonts):
    grid = Grid(10, 3, lambda i, w: 120, gap=10)
    area = Rect(0, 0, 620, 300)
    lay = grid.layout(area)
    assert sorted(lay.cells) == [0, 1, 2, 3, 4, 5] and lay.rows.bar is not None
    grid.on_action(Action(Act.DOWN), area)
    grid.on_action(Action(Act.DOWN), area)
    grid.on_action(Action(Act.RIGHT), area)
    assert grid.index == 7 and 7 in grid.layout(area).cells
    used = grid.on_action(Action(Act.CLICK, grid.layout(area).cells[8].center), area)
    assert used.chosen == 8


def test_table_rows_grow_with_wrapped_cells_and_scroll(fonts):
    table = Table([Column("When", 1), Column("What", 3)],
                  [("1972", "A long description that wraps over more than one line in a narrow column")] * 6,
                  lambda: fonts, lambda: 20)
    head, lay = table.layout(Rect(0, 0, 500, 400))
    assert head.bottom == lay.area.top and lay.bar is not None
    assert all(r.height > fonts.line_height(20) + 2 * Table.PAD for r in lay.rows.values())


# --- Layout, toasts, navigator ----------------------------------------------------------------------

def test_layout_problems_name_what_is_off_screen_overlapping_or_too_small():
    lay = Layout()
    lay.add("header", Rect(0, 0, 1280, 80), 40)
    lay.add("list", Rect(0, 70, 1280, 700))
    lay.add("list/row0", Rect(10, 80, 100, 30), 12)
    problems = lay.problems(hint=18)
    assert any("list" in p and "outside the screen" in p for p in problems)
    assert any("header" in p and "overlaps list" in p for p in problems)
    assert any("row0 uses text size 12" in p for p in problems)
    assert lay.hit((20, 90), "list") == "list/row0" and lay.hit((20, 90)) == "list"


def test_stack_and_columns_share_space_exactly():
    a, b, c = stack(Rect(0, 0, 100, 100), (10, 20, 30), gap=5)
    assert (a.top, b.top, c.top, c.bottom) == (0, 15, 40, 70)
    left, right = columns(Rect(0, 0, 101, 10), (1, 1), gap=1)
    assert left.width + right.width + 1 == 101 and right.right == 101


def test_toasts_belong_to_the_screen_they_appeared_on_and_sit_below_its_heading(fonts):
    toasts = Toasts(["From the last run."])
    first, second = object(), object()
    toasts.update(0.1, first)
    toasts.notify("Saved.")
    toasts.update(0.1, first)
    assert [t for t, _ in toasts] == ["From the last run.", "Saved."]
    assert all(r.top >= 130 for _, r, _ in toasts.layout(fonts, DEFAULT, 120))
    toasts.update(0.1, second)                      # another screen on top: they are gone
    assert len(toasts) == 0
    toasts.notify("Short.", 0.5)
    toasts.update(0.6, second)
    assert len(toasts) == 0


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_nothing_under_a_toast_shows_through_it(fonts, theme):
    """Where a toast cannot go around some words (a footer's key hints at 200% text, in the classroom), it hides
    them: over light words and over a dark band, its box is the same picture (at 240 of 255 the hints read through
    it)."""
    toasts = Toasts()
    toasts.notify("Session log exported to /a/rather/long/folder/session.csv")
    pictures = []
    for under in ((255, 255, 255), (0, 0, 0)):
        surface = pygame.Surface((1280, 720))
        surface.fill(under)
        toasts.draw(surface, fonts, theme, 0, pygame.Rect(0, 600, 1280, 120))
        [(_, box, _)] = toasts.layout(fonts, theme, 0, pygame.Rect(0, 600, 1280, 120))
        inside = box.inflate(-2 * 12, -2 * 12)  # (within its rounded corners and edge)
        pictures.append(pygame.image.tobytes(surface.subsurface(inside), "RGB"))
    assert pictures[0] == pictures[1]


class Recorder:
    """A stand-in screen: remembers what it was built with."""

    def __init__(self, app, **options):
        self.app, self.options = app, options


def test_navigator_opens_by_name_with_fixed_and_given_arguments():
    class Fake:
        def __init__(self):
            self.stack = []

        def push(self, screen):
            self.stack.append(screen)

        def pop(self):
            self.stack.pop()

    app = Fake()
    nav = Navigator(app, {"thing": Route(f"{__name__}:Recorder", kind="fixed")})
    opened = nav.open("thing", extra=1)
    assert isinstance(opened, Recorder) and opened.options == {"kind": "fixed", "extra": 1} and app.stack == [opened]
    nav.swap("thing")
    assert len(app.stack) == 1 and app.stack[0] is not opened
    with pytest.raises(UnknownRoute):
        nav.open("nowhere")


def test_actions_are_an_enum_and_a_typo_is_an_error():
    assert Action("confirm").name is Act.CONFIRM and Action("confirm").name == "confirm"
    with pytest.raises(ValueError):
        Action("confrim")


def test_shade_darkens_and_clip_keeps_drawing_inside():
    surface = pygame.Surface((40, 40))
    surface.fill((200, 200, 200))
    draw.shade(surface, 128)
    assert 95 <= surface.get_at((5, 5))[0] <= 105
    with draw.clip(surface, Rect(0, 0, 10, 10)):
        draw.box(surface, (255, 0, 0), Rect(0, 0, 40, 40))
    assert surface.get_at((5, 5))[:3] == (255, 0, 0) and surface.get_at((20, 20))[:3] != (255, 0, 0)
    assert surface.get_clip() == surface.get_rect()


def test_menu_items_may_carry_story_markup(fonts):
    marked = MenuList([Item("{color=#ff0000}Run{/color} now", lambda: None, markup=True)], (640, 360), 600, 28,
                      area=Rect(340, 300, 600, 200), fonts=fonts)
    plain = MenuList([Item("Run now", lambda: None)], (640, 360), 600, 28, area=Rect(340, 300, 600, 200), fonts=fonts)
    assert marked.total_height(fonts) == plain.total_height(fonts)     # the tags take no room
    surface = pygame.Surface((1280, 720))
    marked.draw(surface, fonts, DEFAULT)
    row = marked.list_layout(fonts).rows[0]
    reds = {surface.get_at((x, y))[:3] for x in range(row.left, row.right, 2) for y in range(row.top, row.bottom, 2)}
    assert any(r > 200 and g < 80 and b < 80 for r, g, b in reds)        # the coloured word is red


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_a_list_items_lines_hang_after_its_bullet(scale):
    """A list item (a prompt's follow-up questions, a content note's topics) wraps with a hanging indent: its bullet
    alone at the left, every line of its words where the first line's words start (the second lines had begun
    under the bullet), and as tall as `item_height` says; markup in it is drawn, not shown."""
    from game.ui import richtext
    pygame.font.init()
    fonts = FontBook(scale=scale)
    words = "Why might the story begin with an ordinary wish for a backpack, and what does it tell us {i}here{/i}?"
    width, size = 420, 26
    surface = pygame.Surface((width, 600), pygame.SRCALPHA)
    bottom = richtext.item(surface, fonts, words, size, (255, 255, 255), pygame.Rect(0, 0, width, 0))
    step = round(fonts.line_height(size) * draw.LINE_SPACING)
    assert bottom == richtext.item_height(fonts, words, size, width) and bottom >= 3 * step  # three lines or more
    indent = fonts.width("•  ", size)
    def ink(left: int, right: int, top: int) -> int:
        return sum(surface.get_at((x, y)).a > 0 for x in range(left, right) for y in range(top, top + step, 2))
    assert ink(0, indent // 2, 0) > 0                                   # the bullet, on the first line only
    for line in range(1, bottom // step):
        assert ink(0, indent - 2, line * step) == 0 and ink(indent, width, line * step) > 0
    assert "{i}" not in "".join(span.text for row in richtext.lines(fonts, words, size, width - indent) for span in row)
