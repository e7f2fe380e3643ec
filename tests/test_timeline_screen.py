"""The timeline screen, headless, on the shipped timeline: input, cards, tables, the chart and the poster.

Screenshots go to pytest's tmp_path only. Layout rules (everything on screen, nothing overlapping, no
text below the hint size) are in tests/test_timeline_fit.py.
"""
from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest

from game.library import load_library
from game.screens.app import App
from game.screens.timeline import TimelineScreen
from game.screens.timeline.card import card_layout
from game.screens.timeline.style import style
from game.screens.timeline.tables import table_for
from game.screens.timeline_poster import HIGH_CONTRAST, PRINT, export_poster, source_tags
from game.ui.input import Action
from game.ui.theme import DEFAULT
from game.ui.theme import HIGH_CONTRAST as HC_THEME

SCENES = Path(__file__).parent.parent / "scenes"


@pytest.fixture(scope="module")
def library():
    return load_library(SCENES)


@pytest.fixture
def app(library):
    return App(library, window=False)


def set_text(app, scale: float, high_contrast: bool = False) -> None:
    app.settings.font_scale = scale
    app.settings.high_contrast = high_contrast
    app.apply_settings()


def shot(app, tmp_path, name) -> pygame.Surface:
    path = tmp_path / f"{name}.png"
    app.screenshot(path)
    return pygame.image.load(str(path))


def colours(surface: pygame.Surface, rect: pygame.Rect, step: int = 2) -> set:
    area = surface.subsurface(rect)
    return {tuple(area.get_at((x, y)))[:3] for x in range(0, rect.w, step) for y in range(0, rect.h, step)}


def test_opens_from_the_library_without_being_handed_the_timeline(app, library):
    screen = TimelineScreen(app)
    assert screen.timeline is library.timeline


def test_card_with_play_button_and_navigation(app, library, tmp_path):
    timeline = library.timeline
    opened = []
    screen = TimelineScreen(app, timeline, focus_event="story_backpack", on_open_scene=opened.append)
    app.push(screen)
    app.step(1.0)
    shot(app, tmp_path, "card")
    assert screen.card_open and screen.selected == "story_backpack"
    assert "play" in screen.buttons
    app.step(0.1, [Action("confirm")])
    assert opened == ["shop_window"]
    app.step(0.1, [Action("click", screen.buttons["play"].center)])
    assert opened == ["shop_window", "shop_window"]
    app.step(0.1, [Action("click", screen.buttons["next"].center)])
    assert screen.selected == timeline.next_event("story_backpack").id
    app.step(0.1, [Action("left")])
    assert screen.selected == "story_backpack"
    app.step(0.1, [Action("click", screen.buttons["close"].center)])
    assert not screen.card_open
    app.step(0.1, [Action("confirm")])
    assert screen.card_open
    app.step(0.1, [Action("cancel")])
    assert not screen.card_open
    app.step(0.1, [Action("cancel")])
    assert app.top is not screen


def test_no_play_button_without_a_callback(app, library):
    screen = TimelineScreen(app, library.timeline, focus_event="story_backpack")
    app.push(screen)
    app.step(1.0)
    assert "play" not in screen.buttons and {"prev", "next", "close"} <= set(screen.buttons)


def test_click_on_a_marker_opens_its_card(app, library):
    screen = TimelineScreen(app, library.timeline)
    app.push(screen)
    app.step(1.0)
    target = next(p for p in screen.placed if not p.cluster and p.label_rect)
    app.step(1.0, [Action("click", (round(target.x), round(target.y)))])
    assert screen.selected == target.ids[0] and screen.card_open


def test_click_on_a_lane_title_shows_that_lane_alone(app, library):
    screen = TimelineScreen(app, library.timeline)
    app.push(screen)
    app.step(1.0)
    entry = screen.view().frame.legend["remakes"]
    app.step(0.1, [Action("click", entry.center)])
    assert screen.ctl.lanes_shown() == ["remakes"]
    assert {p.lane for p in screen.placed} == {"remakes"}
    labelled = sum(1 for p in screen.placed if p.label_rect)
    assert labelled >= 6                                   # alone, the lane has room for most of its labels
    app.step(0.1, [Action("click", screen.view().frame.legend["remakes"].center)])
    assert len(screen.ctl.lanes_shown()) == len(library.timeline.lanes)


def test_tabs_switch_views(app, library):
    screen = TimelineScreen(app, library.timeline)
    app.push(screen)
    app.step(0.5)
    for mode in ("chart", "remakes", "awards", "timeline"):
        app.step(0.1, [Action("click", screen.view().frame.tabs[mode].center)])
        assert screen.mode == mode


@pytest.mark.parametrize("digit,mode", [(3, "remakes"), (4, "awards")])
def test_tables(app, library, tmp_path, digit, mode):
    timeline = library.timeline
    screen = TimelineScreen(app, timeline)
    app.push(screen)
    app.step(1.0, [Action("digit", number=digit)])
    shot(app, tmp_path, mode)
    assert screen.mode == mode
    rows = screen.view().rows
    assert len(rows.rows) >= 3
    for _ in range(60):
        app.step(0.02, [Action("down")])
    rows = screen.view().rows
    assert max(rows.rows) == len(table_for(screen.ctl).rows) - 1      # scrolled to the last row, whole
    assert screen.ctl.table_index == len(table_for(screen.ctl).rows) - 1
    app.step(0.1, [Action("home")])
    assert screen.ctl.table_index == 0 and min(screen.view().rows.rows) == 0
    app.step(0.1, [Action("rollforward")])
    assert min(screen.view().rows.rows) > 0                             # PgDn pages
    chosen = table_for(screen.ctl).rows[screen.ctl.table_index][0]
    app.step(0.1, [Action("confirm")])
    assert screen.mode == "timeline" and screen.card_open and screen.selected == chosen


def test_clicking_a_table_row_twice_opens_it(app, library):
    screen = TimelineScreen(app, library.timeline, view="awards")
    app.push(screen)
    app.step(0.5)
    i, rect = sorted(screen.view().rows.rows.items())[1]
    app.step(0.1, [Action("click", rect.center)])
    assert screen.mode == "timeline" and screen.selected == library.timeline.awards()[i].event


def test_chart(app, library, tmp_path):
    screen = TimelineScreen(app, library.timeline)
    app.push(screen)
    app.step(1.0, [Action("digit", number=2)])
    image = shot(app, tmp_path, "chart")
    assert screen.mode == "chart"
    danger = app.theme.danger      # the break-even line
    assert sum(c == danger for c in colours(image, pygame.Rect(100, 100, 1100, 520), 1)) >= 1
    app.step(0.1, [Action("confirm")])
    assert screen.mode == "timeline" and screen.selected == library.timeline.box_office()[-1].event


# --- sources by title, never by id ---------------------------------------------------------------

def source_id_pattern(timeline) -> re.Pattern:
    ids = "|".join(map(re.escape, timeline.sources))
    return re.compile(rf"\[[^\]]*\b(?:{ids})\b[^\]]*\]|\((?:{ids})\b|; (?:{ids})\b")


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_no_card_shows_a_source_id(app, library, scale):
    timeline = library.timeline
    set_text(app, scale)
    pattern = source_id_pattern(timeline)
    st = style(app.theme, app.fonts.scale)
    screen = TimelineScreen(app, timeline)
    rect = screen.view().frame.card
    for event in timeline.events:
        card = card_layout(app.fonts, st, timeline, event, rect, True, 0)
        text = " ".join(run.text for run in card.runs)
        assert not pattern.search(text), f"{event.id}: {pattern.search(text).group(0)!r}"
        for source in event.sources:
            assert timeline.source_title(source).split()[0] in text
        words = [w for w in event.text.split()]
        assert " ".join(words) in " ".join(text.split()), f"{event.id}: the card does not carry its text whole"


def test_tables_and_captions_show_no_source_id(app, library):
    timeline = library.timeline
    pattern = source_id_pattern(timeline)
    screen = TimelineScreen(app, timeline)
    for mode in ("remakes", "awards"):
        screen.ctl.switch(mode)
        table = table_for(screen.ctl)
        for _event, cells, _differs in table.rows:
            assert not any(s in cells for s in timeline.sources)
        assert not pattern.search(table.note)
    assert not pattern.search(timeline.readable(timeline.notes["chart"]))
    assert "Encyclopedia article" in table_for(screen.ctl).note or "Encyclopedia article" in timeline.readable(
        timeline.notes["awards"])


# --- high contrast ---------------------------------------------------------------------------------

def test_high_contrast_reaches_the_timeline_and_its_cards(app, library, tmp_path):
    timeline = library.timeline
    normal = shot_card(app, timeline, tmp_path, False)
    high = shot_card(app, timeline, tmp_path, True)
    card = pygame.Rect(600, 120, 640, 500)
    assert HC_THEME.differ in colours(high, card, 1) and DEFAULT.differ not in colours(high, card, 1)
    assert DEFAULT.differ in colours(normal, card, 1)
    assert high.get_at((300, 300))[:3] == (0, 0, 0)                   # black behind the lanes
    assert normal.get_at((300, 300))[:3] != (0, 0, 0)
    lifted = style(HC_THEME, 1.0).lane(timeline.lane("release").colour)
    assert lifted in colours(high, pygame.Rect(120, 100, 460, 560), 1)     # lane lines and markers, lifted


def shot_card(app, timeline, tmp_path, high: bool) -> pygame.Surface:
    set_text(app, 1.0, high)
    screen = TimelineScreen(app, timeline, focus_event="bo_final")
    app.push(screen)
    app.step(1.0)
    image = shot(app, tmp_path, f"card_hc_{high}")
    app.pop()
    return image


def test_high_contrast_reaches_the_tables(app, library, tmp_path):
    set_text(app, 1.0, True)
    screen = TimelineScreen(app, library.timeline, view="awards")
    app.push(screen)
    app.step(0.5)
    image = shot(app, tmp_path, "awards_hc")
    seen = colours(image, pygame.Rect(0, 0, 1280, 720), 2)
    assert HC_THEME.highlight in seen and HC_THEME.differ in seen and DEFAULT.differ not in seen


# --- the poster ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("high", [False, True])
def test_poster(library, tmp_path, high):
    path = export_poster(library, tmp_path / "poster.png", high_contrast=high)
    image = pygame.image.load(str(path))
    assert image.get_size() == (4960, 3508)
    ink = HIGH_CONTRAST if high else PRINT
    assert image.get_at((10, 10))[:3] == ink.paper
    assert len(colours(image, pygame.Rect(400, 400, 4000, 2400), 9)) > 20
    assert ink.ink in colours(image, pygame.Rect(100, 100, 2000, 150), 1)   # the title, in the ink colour


def test_poster_follows_the_apps_high_contrast(app, tmp_path):
    set_text(app, 1.0, True)
    path = export_poster(app, tmp_path / "p.png", size=(1240, 877))
    assert pygame.image.load(str(path)).get_at((5, 5))[:3] == HIGH_CONTRAST.paper


def test_poster_tags_name_sources_by_title(library):
    tags = source_tags(library.timeline)
    assert set(tags) == set(library.timeline.sources)
    assert not set(tags.values()) & set(library.timeline.sources)


def test_pointing_at_an_unlabelled_marker_shows_its_title_whole(app, library):
    screen = TimelineScreen(app, library.timeline)
    app.push(screen)
    app.step(1.0)
    bare = next(p for p in screen.placed if not p.label_rect and not p.cluster
                and screen.view().frame.plot.collidepoint(round(p.x), round(p.y)))
    app.step(0.1, [Action("point", (round(bare.x), round(bare.y)))])
    assert library.timeline.event(bare.ids[0]).title in " ".join(screen.view().selection)
    assert "selection" in screen.layout() and not screen.layout().problems(hint=app.theme.hint_size)
    app.step(0.1, [Action("point", (5, 5))])
    assert screen.view().selection == [] and screen.view().keys


def test_a_related_event_on_the_card_opens_with_a_click(app, library):
    screen = TimelineScreen(app, library.timeline, focus_event="bo_ten_million")
    app.push(screen)
    app.step(1.0)
    links = screen.view().card.links(app.fonts)
    assert [event_id for event_id, _ in links] == list(library.timeline.event("bo_ten_million").related)
    target, rect = links[0]
    app.step(1.0, [Action("click", rect.center)])
    assert screen.selected == target and screen.card_open
