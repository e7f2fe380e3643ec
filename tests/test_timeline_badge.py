"""A cluster marker's count stays inside its circle's outline at every text size, in English and Korean (at 200%
text a 32 spilled out of its circle)."""
from __future__ import annotations

import pygame
import pytest

from game import paths
from game.library import load_library
from game.screens.app import App
from game.screens.timeline import TimelineScreen
from game.screens.timeline.frame import OUTLINE
from game.screens.timeline.plot import draw_markers
from game.timeline.layout import Placed


@pytest.fixture(scope="module")
def library():
    return load_library(paths.SCENES)


def marker(screen: TimelineScreen, count: int) -> pygame.Surface:
    """One marker of `count` events (1: a plain marker) drawn alone, centred on a small picture."""
    frame, r = screen.view().frame, screen.view().frame.geo.cluster_r
    lane = screen.timeline.lanes[0].id
    ids = tuple(f"event{i}" for i in range(count))
    surface = pygame.Surface((4 * r, 4 * r))
    draw_markers(surface, screen.app.fonts, screen.view().style, screen.timeline,
                 [Placed(ids, lane, 2 * r, 2 * r, r)], frame.count_size, None)
    return surface


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5, 1.75, 2.0])
def test_every_count_stays_inside_its_circle(library, language, scale):
    app = App(library, window=False)
    app.settings.font_scale = scale
    app.apply_settings()
    app.set_language(language)
    screen = TimelineScreen(app)
    r = screen.view().frame.geo.cluster_r
    plain = marker(screen, 1)
    inside = r - OUTLINE
    for count in range(2, 100):
        drawn = marker(screen, count)
        ink = [(x, y) for x in range(4 * r) for y in range(4 * r) if drawn.get_at((x, y)) != plain.get_at((x, y))]
        assert ink, "the count is drawn"
        far = max(pygame.Vector2(2 * r, 2 * r).distance_to((x + 0.5, y + 0.5)) for x, y in ink)
        assert far <= inside, f"{count} reaches {far:.1f} px from the centre; the outline starts at {inside}"
