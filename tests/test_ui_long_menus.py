"""A choice with the most options the format allows, each long (the playtest's retrial hub had twelve and
shrank them to 9 px): at every text size and theme the options keep the theme's body size and, when they
do not all fit under the question, scroll with a scroll bar; every option can be reached and taken with
the keys, the digits or a click."""
from __future__ import annotations

import pytest

from game.library import load_library
from game.profile import Profile
from game.runtime import events as ev
from game.screens.app import App
from game.screens.play import PlayScreen
from game.ui.input import Action
from game.ui.layout import SCREEN

OPTIONS = 6  # the schema's limit


@pytest.fixture
def long_choice(story_root):
    scene = story_root / "story" / "03_long.yaml"
    options = "\n".join(f'      - text: "Option number {n}: talk to the witness who saw the lane that night"\n'
                        f"        id: o{n}\n        set: {{picked_{n}: true}}" for n in range(1, OPTIONS + 1))
    scene.write_text(f"""id: long
title: "Long"
chapter: 1
date: "Day three"
background: room
beats:
  - choice: "The court waits. Which of these questions does the student lawyer ask first, and why that one?"
    id: hub
    options:
{options}
  - narrate: "Done."
""", encoding="utf-8")
    return story_root


def at_choice(root, tmp_path, scale=1.0, contrast=False) -> tuple[App, PlayScreen]:
    profile = Profile(tmp_path / "data")
    profile.settings.font_scale, profile.settings.high_contrast = scale, contrast
    app = App(load_library(root), profile, window=False)
    play = PlayScreen(app, start_scene="long")
    app.push(play)
    while not isinstance(play.event, ev.ChoiceEvent):
        play.next_event()
    app.step(1.0)  # past the guard against an Enter held from the line before
    return app, play


@pytest.mark.parametrize("scale, contrast", [(1.0, False), (1.5, False), (2.0, False), (2.0, True)])
def test_long_options_scroll_at_full_size(long_choice, tmp_path, scale, contrast):
    app, play = at_choice(long_choice, tmp_path, scale, contrast)
    menu = play.menu
    assert len(menu.items) == OPTIONS and menu.size == app.theme.body_size  # the type never shrinks
    lay = menu.list_layout(app.fonts)
    if len(lay.rows) < OPTIONS:
        assert lay.bar is not None and SCREEN.contains(lay.bar)             # a scroll bar says there is more
    if scale == 2.0:
        assert len(lay.rows) < OPTIONS                                      # six long options do not fit at 200%
    assert all(SCREEN.contains(r) for r in lay.rows.values())               # whole rows, on screen
    assert all(a.bottom <= b.top for a, b in zip(lay.rows.values(), list(lay.rows.values())[1:]))
    assert min(r.top for r in lay.rows.values()) > 60                       # below the question's box
    for _ in range(OPTIONS - 1):
        app.step(0.05, [Action("down")])
    lay = menu.list_layout(app.fonts)
    assert OPTIONS - 1 in lay.rows and SCREEN.contains(lay.rows[OPTIONS - 1])
    app.step(0.05, [Action("digit", number=OPTIONS)])                       # an option's own number picks it
    assert play.rt.state.vars.get(f"picked_{OPTIONS}") is True


def test_a_click_takes_the_option_under_the_pointer_after_scrolling(long_choice, tmp_path):
    app, play = at_choice(long_choice, tmp_path, 2.0)
    for _ in range(3):
        app.step(0.05, [Action("wheel_down", pos=(640, 500))])
    lay = play.menu.list_layout(app.fonts)
    first = min(lay.rows)
    assert first > 0
    app.step(0.05, [Action("click", lay.rows[first].center)])
    assert play.rt.state.vars.get(f"picked_{first + 1}") is True
