"""Golden images: key moments of the shipped game rendered headless and compared with tests/golden/*.png.

Each moment is drawn at 1280x720, scaled to 640x360 (small enough to keep in the repository, large
enough to show a moved box or a lost line) and compared pixel by pixel: it fails when more than
MOST_DIFFERENT of the pixels differ by more than PIXEL_TOLERANCE in some channel. On a failure the
new image and a difference image are written to the test's temporary folder and named in the message.

After changing a screen's look on purpose:

    python -m pytest tests/test_golden.py --update-golden

then LOOK at every image that changed before committing it.
"""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.profile import Profile
from game.runtime import events as ev
from game.screens.app import App
from game.screens.backlog import BacklogScreen
from game.screens.capture import play_app, settle
from game.screens.menu import GameMenu
from game.screens.saveload import SaveLoadScreen
from game.screens.settings_screen import SettingsScreen
from game.screens.title import TitleScreen
from tests.conftest import play_until

GOLDEN = Path(__file__).parent / "golden"
SIZE = (640, 360)
PIXEL_TOLERANCE = 40     # per channel, out of 255: anti-aliasing and scaling noise stay under it
MOST_DIFFERENT = 0.001   # of the pixels (230 of 230,400): a box moved by 4 px or a changed word is more


def _play_to(library, scene: str, kind, nth: int = 1, scale: float = 1.0):
    """A headless app whose play screen shows the `nth` event of type `kind` from `scene`, at rest."""
    app = play_app(library, scene, 1)
    app.settings.font_scale = scale
    app.apply_settings()
    play_until(app.top, lambda event: isinstance(event, kind), nth, limit=400)
    settle(app)
    return app


def _fresh(library, tmp_path: Path, scale: float = 1.0) -> App:
    profile = Profile(tmp_path / "data", library.story_id)
    profile.settings.font_scale = scale
    return App(library, profile, window=False)


def title(library, tmp_path):
    app = _fresh(library, tmp_path)
    app.push(TitleScreen(app))
    return app


def line(library, tmp_path):
    return _play_to(library, "shop_window", ev.LineEvent, nth=3)


def choice(library, tmp_path):
    return _play_to(library, "shop_window", ev.ChoiceEvent)


def card(library, tmp_path):
    return _play_to(library, "shop_window", ev.FactEvent)


def differ(library, tmp_path):
    return _play_to(library, "shop_window", ev.DifferEvent)


def pause_200(library, tmp_path):
    app = _play_to(library, "shop_window", ev.LineEvent, nth=3, scale=2.0)
    app.push(GameMenu(app, app.top))
    return app


def backlog(library, tmp_path):
    app = _play_to(library, "shop_window", ev.ChoiceEvent)
    play = app.top
    play.choose(play.event.options[0][0])
    for _ in range(3):
        play.next_event()
    app.push(BacklogScreen(app, play))
    return app


def save_screen(library, tmp_path):
    app = _play_to(library, "shop_window", ev.LineEvent, nth=3)
    app.top.save("1", from_canvas=True)
    app.writer.flush(30)
    app.push(SaveLoadScreen(app, "save", app.top))
    return app


def settings(library, tmp_path):
    app = _fresh(library, tmp_path)
    app.push(SettingsScreen(app))
    return app


def timeline(library, tmp_path):
    from game.screens.timeline import TimelineScreen
    app = _fresh(library, tmp_path)
    app.push(TimelineScreen(app))
    return app


def classroom_hub(library, tmp_path):
    from game.screens.classroom_hub import ClassroomHub
    profile = Profile(tmp_path / "data", library.story_id)
    app = App(library, profile, window=False, classroom=True)
    app.push(ClassroomHub(app, export_dir=Path("classroom-export")))  # a path that is the same on every run
    return app


def quiz_reveal(library, tmp_path):
    from game.classroom.quiz import QuizGame
    from game.classroom.session import SessionLog
    from game.screens.classroom_quiz import QuizScreen
    profile = Profile(tmp_path / "data", library.story_id)
    app = App(library, profile, window=False, classroom=True)
    game = QuizGame(library.quiz.questions, 3)
    q = game.question
    game.answer(q.correct)
    game.answer((q.correct + 1) % len(q.choices))
    game.reveal()
    app.push(QuizScreen(app, game, SessionLog(clock=lambda: 0.0)))
    return app


MOMENTS = {f.__name__: f for f in (title, line, choice, card, differ, pause_200, backlog, save_screen, settings,
                                   timeline, classroom_hub, quiz_reveal)}


def render(app: App) -> pygame.Surface:
    app.step(0.5)
    app.toasts.clear()  # "Saved (slot 1)." and the like carry the moment's time of day
    app.draw()
    return pygame.transform.smoothscale(app.canvas, SIZE)


def pixels(surface: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array3d(surface).astype(np.int16)


@pytest.fixture
def fixed_clock(monkeypatch):
    """Save slots print the time they were saved: show every save as made at the same minute."""
    fixed = time.struct_time((2026, 11, 30, 18, 0, 0, 0, 334, 0))
    monkeypatch.setattr(time, "localtime", lambda *_: fixed)


@pytest.mark.parametrize("name", sorted(MOMENTS))
def test_golden(name, shipped_library, tmp_path, request, fixed_clock):
    image = render(MOMENTS[name](shipped_library, tmp_path))
    golden = GOLDEN / f"{name}.png"
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        pygame.image.save(image, str(golden))
        return
    assert golden.exists(), f"no golden image {golden.name}: run pytest tests/test_golden.py --update-golden"
    expected = pixels(pygame.image.load(str(golden)))
    actual = pixels(image)
    different = (np.abs(actual - expected).max(axis=2) > PIXEL_TOLERANCE)
    share = different.mean()
    if share > MOST_DIFFERENT:
        pygame.image.save(image, str(tmp_path / f"{name}.actual.png"))
        diff = pygame.surfarray.make_surface((different[..., None] * np.array([255, 0, 255])).astype(np.uint8))
        pygame.image.save(diff, str(tmp_path / f"{name}.diff.png"))
        pytest.fail(f"{name}: {share:.2%} of the pixels differ from {golden} (at most {MOST_DIFFERENT:.2%}); "
                    f"see {tmp_path / (name + '.actual.png')} and .diff.png; if the change is meant, "
                    f"run with --update-golden and look at the new image")


def test_the_comparison_fails_on_a_moved_box(tmp_path):
    """The tolerance lets scaling noise through but not a panel moved by a few pixels."""
    base = pygame.Surface(SIZE)
    base.fill((20, 20, 30))
    pygame.draw.rect(base, (240, 200, 80), (100, 100, 200, 60))
    moved = base.copy()
    moved.fill((20, 20, 30))
    pygame.draw.rect(moved, (240, 200, 80), (104, 100, 200, 60))
    noisy = base.copy()
    noisy.set_at((5, 5), (40, 40, 50))
    diff = (np.abs(pixels(moved) - pixels(base)).max(axis=2) > PIXEL_TOLERANCE).mean()
    noise = (np.abs(pixels(noisy) - pixels(base)).max(axis=2) > PIXEL_TOLERANCE).mean()
    assert diff > MOST_DIFFERENT and noise <= MOST_DIFFERENT
