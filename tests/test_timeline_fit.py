"""The timeline fits: at 100%, 150% and 200% text in the normal, high-contrast and projector themes, every
view's layout keeps everything on screen, nothing overlapping and no text below the theme's hint size;
marker labels are whole (never cut to "The…") and the selected one is always shown."""
from __future__ import annotations

from pathlib import Path

import pytest

from game.library import load_library
from game.screens.app import App
from game.screens.timeline import TimelineScreen
from game.ui.input import Action
from game.ui.theme import DEFAULT, HIGH_CONTRAST, PROJECTOR

SCENES = Path(__file__).parent.parent / "scenes"
THEMES = {"default": DEFAULT, "high_contrast": HIGH_CONTRAST, "projector": PROJECTOR}
SCALES = (1.0, 1.5, 2.0)


@pytest.fixture(scope="module")
def library():
    return load_library(SCENES)


def make(library, scale: float, theme: str, **options) -> tuple[App, TimelineScreen]:
    app = App(library, window=False)
    app.settings.font_scale = scale
    app.settings.high_contrast = theme == "high_contrast"
    app.apply_settings()
    app.theme = THEMES[theme]
    screen = TimelineScreen(app, library.timeline, on_open_scene=lambda scene: None, **options)
    app.push(screen)
    app.step(1.0)
    return app, screen


STATES = {
    "home": lambda s: None,
    "zoomed": lambda s: s.ctl.select("release", open_card=False, zoom=True),
    "days": lambda s: [s.ctl.zoom(1.6) for _ in range(12)] and s.ctl.select("bo_ten_million", open_card=False),
    "card": lambda s: s.ctl.select("story_backpack", open_card=True, zoom=True),
    "card_differ": lambda s: s.ctl.select("bo_final", open_card=True, zoom=True),
    "card_scrolled": lambda s: (s.ctl.select("bo_final", open_card=True, zoom=True), s.ctl.scroll_card(99)),
    "solo": lambda s: s.ctl.toggle_solo("awards"),
    "chart": lambda s: s.ctl.switch("chart"),
    "remakes": lambda s: s.ctl.switch("remakes"),
    "awards_end": lambda s: (s.ctl.switch("awards"), [s.on_action(Action("end"))]),
}


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("scale", SCALES)
def test_every_view_fits(library, scale, theme):
    app, screen = make(library, scale, theme)
    failures = []
    for name, reach in STATES.items():
        screen.ctl.switch("timeline")
        screen.ctl.solo, screen.ctl.card_open, screen.ctl.card_scroll = None, False, 0
        screen.ctl.go_home()
        reach(screen)
        app.step(1.0)
        lay = screen.layout()
        assert "header" in lay and len(lay.boxes) >= 7, name
        failures += [f"{name}: {problem}" for problem in lay.problems(hint=app.theme.hint_size)]
    assert not failures, "\n".join(failures[:20])


def labels(screen):
    return [p for p in screen.placed if p.label_rect]


@pytest.mark.parametrize("scale,least", [(1.0, 10), (1.5, 6), (2.0, 5)])
def test_default_view_labels_are_whole_and_readable(library, scale, least):
    app, screen = make(library, scale, "default")
    shown = labels(screen)
    assert len(shown) >= least, [p.label for p in shown]
    st = screen.view().style
    plot = screen.view().frame.plot
    for p in shown:
        expected = library.timeline.event(p.ids[0]).title if not p.cluster else screen.cluster_label(p.ids)
        assert " ".join(p.lines) == " ".join(expected.split()), p.lines
        assert "…" not in p.label
        x, y, w, h = p.label_rect
        assert plot.left <= x and x + w <= plot.right and plot.top <= y and y + h <= plot.bottom
        assert all(app.fonts.width(line, st.label, True) <= w + 0.5 for line in p.lines)   # drawn whole in its box


@pytest.mark.parametrize("theme", ["default", "projector"])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_selected_title_is_always_whole_on_screen(library, scale, theme):
    """Beside its marker when the plot has room for it, else in the footer (in place of the key hints)."""
    app, screen = make(library, scale, theme)
    in_footer = []
    for event in library.timeline.events:
        screen.ctl.select(event.id, open_card=False)
        app.step(1.0)
        mine = next(p for p in screen.placed if event.id in p.ids)
        if mine.label_rect:
            assert event.title in " ".join(mine.lines) or mine.cluster
            assert not screen.view().selection
        else:
            shown = " ".join(screen.view().selection)
            assert event.title in shown, (event.id, shown)
            assert "selection" in screen.layout()
            in_footer.append(event.id)
    if scale == 1.0 and theme == "default":
        assert not in_footer                  # at 100% every selected title fits beside its marker


@pytest.mark.parametrize("card", [False, True])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_zoomed_axis_names_the_year(library, scale, card):
    """The first tick label on screen carries its year, with or without the card over part of the axis
    (playtest: 'Jul / Aug' with no year)."""
    from game.screens.timeline.plot import axis_ticks
    app, screen = make(library, scale, "default")
    for event in ("release", "story_backpack", "bo_ten_million"):
        screen.ctl.select(event, open_card=card, zoom=True)
        app.step(1.0)
        shown = [t.text for t, _ in axis_ticks(app.fonts, screen.view().style, screen.ctl, screen.view().frame)]
        assert shown and shown[0][-4:].isdigit(), (event, shown)
        boxes = [name for name in screen.layout().boxes if name.startswith("axis/tick_")]
        assert len(boxes) == len(shown)


def test_when_not_every_lane_fits_the_arrows_reach_the_others(library):
    app, screen = make(library, 2.0, "projector")
    shown = screen.ctl.lanes_shown()
    assert 1 <= len(shown) < len(library.timeline.lanes)        # the projector at 200%: a window of lanes
    screen.ctl.select(library.timeline.in_lane(shown[0])[0].id, open_card=False)
    app.step(1.0)
    for _ in range(len(library.timeline.lanes)):
        screen.on_action(Action("down"))
        app.step(0.5)
        lane = screen.ctl.event().lane
        assert lane in screen.ctl.lanes_shown() and lane in screen.view().frame.legend
    assert lane == library.timeline.lanes[-1].id
    assert not screen.layout().problems(hint=app.theme.hint_size)
