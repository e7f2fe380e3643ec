"""Issue 17 (fast clicking, CLICK): the play screen's stage at rest is kept (`draw.Layers`) and redrawn only where
it changed. Every frame must be the one drawn afresh, pixel for pixel, after every kind of change the stage shows."""
from __future__ import annotations

import gc
import random

import pygame
import pytest

from game.runtime.runtime import Options
from game.screens.input import Action
from game.ui.draw import Layers, _changed
from tests.test_perf_frames import _high_contrast, _larger_text, _rollback, _switch_language


def _portraits(count: int, seed: int) -> list[pygame.Surface]:
    """Portrait-like pictures: see-through around the figure, translucent at its edges, opaque inside."""
    rng = random.Random(seed)
    pictures = []
    for _ in range(count):
        picture = pygame.Surface((90, 120), pygame.SRCALPHA, 32)
        for y in range(0, 120, 3):
            for x in range(0, 90, 3):
                alpha = rng.choice((0, 0, 40, 128, 200, 255, 255))
                picture.fill((rng.randrange(256), rng.randrange(256), rng.randrange(256), alpha), (x, y, 3, 3))
        pictures.append(picture)
    return pictures


def _layers(backdrop: pygame.Surface, stood: list[tuple[int, int, int]], pictures: list[pygame.Surface]) -> list:
    """A backdrop, then each (picture, x, y) in order: as the play screen makes its stage's layers."""
    layers = [(("backdrop", id(backdrop)), backdrop.get_rect(), lambda s: s.blit(backdrop, (0, 0)))]
    for n, x, y in stood:
        picture = pictures[n]
        layers.append((("portrait", n), picture.get_rect(topleft=(x, y)),
                       lambda s, picture=picture, x=x, y=y: s.blit(picture, (x, y))))
    return layers


def _fresh(size: tuple[int, int], layers: list) -> bytes:
    surface = pygame.Surface(size, 0, 32)
    for _, _, draw in layers:
        draw(surface)
    return pygame.image.tobytes(surface, "RGB")


@pytest.mark.parametrize("seed", range(6))
def test_kept_layers_redrawn_where_they_changed_are_the_layers_drawn_afresh(seed):
    """Looks changed, portraits darkened or lit (another picture), moved, added, removed, drawn in another order
    (one shown again comes last), the backdrop changed: after each, the kept picture equals a fresh one."""
    rng = random.Random(seed)
    size = (320, 180)
    backdrops = []
    for colour in ((30, 60, 90), (200, 120, 10)):
        backdrop = pygame.Surface(size, 0, 32)
        backdrop.fill(colour)
        pygame.draw.circle(backdrop, (250, 250, 250), (160, 90), 70)
        backdrops.append(backdrop)
    pictures = _portraits(8, seed)
    kept = Layers()
    canvas = pygame.Surface(size, 0, 32)
    stood = [(0, 20, 70), (1, 110, 60), (2, 190, 80)]
    backdrop = backdrops[0]
    for step in range(40):
        change = rng.choice(("look", "look", "move", "add", "remove", "again", "backdrop", "none"))
        i = rng.randrange(len(stood)) if stood else 0
        if change == "look" and stood:
            stood[i] = (rng.randrange(len(pictures)), *stood[i][1:])
        elif change == "move" and stood:
            stood[i] = (stood[i][0], rng.randrange(-40, 280), rng.randrange(0, 120))
        elif change == "add" and len(stood) < 5:
            stood.insert(rng.randrange(len(stood) + 1), (rng.randrange(len(pictures)), rng.randrange(-40, 280), 60))
        elif change == "remove" and stood:
            stood.pop(i)
        elif change == "again" and stood:
            stood.append(stood.pop(i))
        elif change == "backdrop":
            backdrop = backdrops[step % 2]
        layers = _layers(backdrop, stood, pictures)
        kept.draw(canvas, layers)
        assert pygame.image.tobytes(canvas, "RGB") == _fresh(size, layers), (step, change)


def test_only_what_changed_is_redrawn():
    a, b = (("a",), pygame.Rect(0, 0, 10, 10)), (("b",), pygame.Rect(5, 0, 10, 10))
    c = (("c",), pygame.Rect(100, 0, 10, 10))
    assert _changed([a, b, c], [a, b, c]) == []
    assert _changed([a, b, c], [b, a, c]) == [pygame.Rect(5, 0, 5, 10)]  # overlapping ones in the other order
    assert _changed([a, c], [c, a]) == []  # apart: the order shows nowhere
    moved = (("c",), pygame.Rect(50, 0, 10, 10))
    assert _changed([a, c], [a, moved]) == [c[1], moved[1]]


# --- the play screen ----------------------------------------------------------------------------------------

def _app(shipped_library, tmp_path):
    from game.profile import Profile
    from game.screens.app import App
    from game.screens.play import PlayScreen
    app = App(shipped_library, Profile(tmp_path / "data", shipped_library.story_id), window=False)
    app.push(PlayScreen(app, options=Options(content_notes="play")))
    return app


def _same_as_fresh(app) -> bool:
    """The canvas (the kept stage, redrawn where it changed) is the frame drawn afresh on a surface of its own."""
    fresh = pygame.Surface(app.canvas.get_size(), 0, app.canvas)
    app.top.draw(fresh)
    return pygame.image.tobytes(fresh, "RGB") == pygame.image.tobytes(app.canvas, "RGB")


def test_fast_clicking_through_the_story_shows_the_stage_drawn_afresh_every_frame(shipped_library, tmp_path):
    """Clicked on (Enter, and 1 at choices) through the shipped story's opening: new speakers darken and light
    portraits, looks change, portraits come, go and move, backgrounds change; every frame equals a fresh one."""
    from game.screens.play import PlayScreen
    app = _app(shipped_library, tmp_path)
    redrawn = 0
    for frame in range(700):
        app.step(1 / 30, [Action("confirm"), Action("digit", number=1)] if frame % 2 else [])
        play = app.top
        if not isinstance(play, PlayScreen):
            break
        if play.fade >= 1.0:
            assert _same_as_fresh(app), frame
            redrawn += play.stage._shown != []
    assert redrawn > 200


def _new_pictures(app, play):  # a reload with new pictures: nothing kept of the old ones
    from game.screens.images import Images
    app.images = Images(app.story, app.images.assets)


@pytest.mark.parametrize("change", [_switch_language, _larger_text, _high_contrast, _rollback, _new_pictures])
def test_the_kept_stage_follows_every_change_around_it(shipped_library, tmp_path, change):
    from game.runtime import events as ev
    from tests.conftest import play_until
    app = _app(shipped_library, tmp_path)
    play = app.top
    play_until(play, lambda e: isinstance(e, ev.LineEvent) and len(play.rt.state.stage.sprites) >= 2)
    for _ in range(3):
        app.step(1.0)
    change(app, play)
    for _ in range(3):
        app.step(1.0)
        assert _same_as_fresh(app)


def test_a_new_game_draws_on_the_pictures_the_ended_game_let_go(shipped_library, tmp_path, monkeypatch):
    """A play screen's kept stage and frame are whole-screen surfaces; one closed lets them go and the next game
    keeps its own on them (a new one is page-faulted while first drawn: 2.5-3.6 ms of its first frames), showing
    what a fresh draw shows; no more are held than SPARES_KEPT."""
    from game.runtime.runtime import Options
    from game.screens.play import PlayScreen
    from game.ui import draw
    gc.collect()  # the screens earlier tests left in cycles let go of theirs now, not during this test
    monkeypatch.setattr(draw, "_SPARES", [])
    app = _app(shipped_library, tmp_path)
    for _ in range(3):
        app.step(1.0)
    let_go = {id(app.top.stage._picture), id(app.top.still._picture)}
    assert None not in (app.top.stage._picture, app.top.still._picture)
    app.replace(PlayScreen(app, options=Options(content_notes="play")))
    assert {id(picture) for picture in draw._SPARES} == let_go
    for _ in range(3):
        app.step(1.0)
        assert _same_as_fresh(app)
    assert {id(app.top.stage._picture), id(app.top.still._picture)} == let_go and not draw._SPARES
    for _ in range(3):  # more let go than are kept: the rest are freed
        draw._let_go(pygame.Surface((8, 8)))
    assert len(draw._SPARES) == draw.SPARES_KEPT
