"""The classroom hub at large text: every entry on screen (the kit's two columns, game/ui/columns.py, which
the title's buttons use too), in English and Korean, high contrast too, with keys, pointer and digits as on
the title."""
from __future__ import annotations

import pygame
import pytest

from game.classroom.session import SessionLog
from game.profile import Profile
from game.screens.app import App
from game.screens.classroom_hub import ClassroomHub, hints
from game.screens.classroom_play import presenter_view
from game.ui import columns as two_columns
from game.ui.fonts import FontBook
from game.ui.input import Action
from game.ui.layout import SCREEN
from game.ui.theme import DEFAULT, HIGH_CONTRAST, PROJECTOR, PROJECTOR_HIGH_CONTRAST
from game.ui.widgets import ScrollList


def hub_at(shipped_library, tmp_path, scale: float, language: str, contrast: bool = False,
           session: bool = False) -> tuple[App, ClassroomHub]:
    """The shipped story's hub at `scale`; with `session`, a presenter view kept (Resume and Start again)."""
    profile = Profile(tmp_path / "data", shipped_library.story_id)
    profile.settings.font_scale, profile.settings.high_contrast = scale, contrast
    app = App(shipped_library, profile, window=False, language=language, classroom=True)
    app.apply_settings()
    hub = ClassroomHub(app)
    app.push(hub)
    if session:
        hub.play = presenter_view(app, SessionLog(clock=lambda: 0.0))
        hub.on_enter()
    app.step(0.05)
    return app, hub


@pytest.mark.parametrize("language, contrast", [("en", False), ("ko", False), ("en", True), ("ko", True)])
@pytest.mark.parametrize("session", [False, True], ids=["six", "seven"])
def test_every_hub_entry_is_on_screen_at_200_percent(shipped_library, tmp_path, language, contrast, session):
    app, hub = hub_at(shipped_library, tmp_path, 2.0, language, contrast, session)
    count = len(hub.labels)
    assert count == (7 if session else 6)
    for selected in range(count):                      # whichever is selected, nothing scrolls away
        hub.list.index = selected
        lay = hub.layout()
        rows = {int(name.rsplit("row", 1)[1]): rect for name, rect in lay.children("list") if "/row" in name}
        assert sorted(rows) == list(range(count)) and "list/bar" not in lay
        assert not lay.problems(hint=app.theme.hint_size), lay.problems(hint=app.theme.hint_size)
        assert all(SCREEN.contains(rect) and rect.bottom <= lay["footer"].top for rect in rows.values())
    assert hub.columns == 2


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_hub_entry_is_on_screen_in_every_theme_at_large_text(shipped_library, tmp_path, language):
    """The four themes (the projector's type is larger) at 150% and 200%: nothing scrolled away."""
    app, _ = hub_at(shipped_library, tmp_path, 1.0, language)
    for scale in (1.5, 2.0):
        for theme in (DEFAULT, PROJECTOR, HIGH_CONTRAST, PROJECTOR_HIGH_CONTRAST):
            app.fonts, app.theme = FontBook(scale=scale), theme
            for session in (None, object()):                # six entries; seven with Resume and Start again
                hub = ClassroomHub(app)
                hub.play = session
                hub.on_enter()
                lay = hub.layout()
                shown = [name for name, _ in lay.children("list") if "/row" in name]
                assert len(shown) == len(hub.labels) and "list/bar" not in lay, (scale, theme.name, len(hub.labels))
                assert not lay.problems(hint=theme.hint_size), lay.problems(hint=theme.hint_size)


def test_the_hub_keeps_one_column_when_it_fits(shipped_library, tmp_path):
    app, hub = hub_at(shipped_library, tmp_path, 1.0, "en")
    hub.layout()
    assert hub.columns == 1
    assert not any("←" in hint for hint in hints(hub.columns))  # its keys: up and down


def test_two_columns_of_hub_entries_answer_keys_pointer_and_digits(shipped_library, tmp_path):
    app, hub = hub_at(shipped_library, tmp_path, 2.0, "en", session=True)
    assert hub.columns == 2
    assert all("← →" in hint for hint in hints(hub.columns))  # the footer names left and right too
    per = two_columns.per_column(len(hub.labels))
    app.step(0.05, [Action("right")])
    assert hub.list.index == per                               # across to the second column's top
    app.step(0.05, [Action("right")])
    assert hub.list.index == per                               # and no further
    app.step(0.05, [Action("left")])
    assert hub.list.index == 0
    app.step(0.05, [Action("down"), Action("down")])
    assert hub.list.index == 2
    app.step(0.05, [Action("point", pos=hub.layout()[f"list/row{per + 1}"].center)])
    assert hub.list.index == per + 1
    app.step(0.05, [Action("wheel_down")])
    assert all(f"list/row{i}" in hub.layout() for i in range(len(hub.labels)))
    app.step(0.05, [Action("digit", number=len(hub.labels))])  # the last entry, Back, by its number
    assert app.top is not hub


def test_a_click_in_two_columns_opens_the_entry_under_the_pointer(shipped_library, tmp_path):
    app, hub = hub_at(shipped_library, tmp_path, 2.0, "ko")
    back = len(hub.labels) - 1
    app.step(0.05, [Action("click", pos=hub.layout()[f"list/row{back}"].center)])
    assert app.top is not hub


# --- the kit's two columns themselves -------------------------------------------------------------------------

def test_two_columns_fill_down_the_first_then_the_second():
    rows_of = ScrollList(5, lambda i, width: 40 + 10 * i, gap=4)
    lay = two_columns.layout(rows_of, pygame.Rect(10, 20, 416, 0))
    assert sorted(lay.rows) == [0, 1, 2, 3, 4] and lay.bar is None
    assert [r.left for r in lay.rows.values()] == [10, 10, 10, 226, 226]   # (416 - 16) // 2 wide each
    assert [lay.rows[i].top for i in (0, 1, 2)] == [20, 64, 118] and lay.rows[3].top == 20
    assert two_columns.height(rows_of, 416) == lay.rows[2].bottom - 20
    assert [two_columns.across(i, 5, True) for i in range(5)] == [3, 4, 4, 3, 4]
    assert [two_columns.across(i, 5, False) for i in range(5)] == [0, 1, 2, 0, 1]
