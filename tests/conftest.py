"""Shared test setup: headless SDL, and a copy of the fixture story that a test may break."""
from __future__ import annotations

import os
import random
import shutil
import threading
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

FIXTURES = Path(__file__).parent / "fixtures"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="write the golden images in tests/golden/ from this run instead of comparing with them "
                          "(then LOOK at them before committing)")
FIXTURE_ASSETS = FIXTURES / "assets"


@pytest.fixture(autouse=True)
def english_words():
    """The engine's words are process-wide (game.words): every test starts, and leaves them, in English."""
    from game import words
    words.set_language("en")
    yield
    words.set_language("en")


# Threads that end once their work is done (the title decoded ahead); the workers (pictures, ambience loops, sound
# effects, thumbnails: game/worker.py) wait a second for more after their last job, so a test waits for
# their work, not for them
WORKERS = ("cell7-decode-ahead",)


@pytest.fixture(autouse=True)
def nothing_left_behind(monkeypatch):
    """What a test leaves running or switched on process-wide is not the next test's: saves still queued on an
    app's writer thread are written and the WORKERS threads have finished before the next test starts (they
    write into this test's folders, and the next test may patch `os` or `pygame.mixer.Sound` for every thread:
    an effect decoded late by one test's thread was counted by the next test's spy); content watchers it
    started stop polling (a dev-mode app is not collected at once, and its thread went on swapping its stamps
    in the next tests: tracemalloc counted them); the folders `play` keeps words and decoded pictures in, and
    the parsed files a watcher keeps, are let go."""
    from game.content.watch import ContentWatcher
    watchers: list[ContentWatcher] = []
    real_start = ContentWatcher.start

    def start(self, *args, **kwargs) -> None:
        watchers.append(self)
        real_start(self, *args, **kwargs)
    monkeypatch.setattr(ContentWatcher, "start", start)
    yield
    from game import storage, words, worker
    from game.content.loader import keep_parsed_files
    from game.screens import decoded
    for watcher in watchers:
        watcher.stop()
    for writer in list(storage._WRITERS):
        assert writer.flush(60), "a save was still being written a minute after the test"
    assert worker.settle_all(60), "a worker was still working a minute after the test"
    for thread in threading.enumerate():
        if thread.name in WORKERS:
            thread.join(60)
            assert not thread.is_alive(), f"{thread.name} was still working a minute after the test"
    words.keep_in(None)
    decoded.keep_in(None)
    keep_parsed_files(False)


@pytest.fixture
def story(story_root: Path):
    """The fixture story, loaded."""
    from game.content.loader import load_story
    return load_story(story_root)


def walk_to(story, n_events: int, seed: int = 1):
    """A runtime that has shown up to `n_events` events, answering choices at random (seeded)."""
    from game.runtime import events as ev
    from game.runtime.runtime import Options, Runtime
    rng = random.Random(seed)
    rt = Runtime(story, Options(content_notes="ask", prompts=True))
    for _ in range(n_events):
        event = rt.advance()
        if isinstance(event, ev.EndEvent):
            break
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            rt.choose(rng.choice(event.options)[0])
    return rt


def shipped_story():
    """The shipped story; when only assets are missing (a partial checkout), the story the loader still built."""
    from game import paths
    from game.content.loader import check_content, load_story
    from game.content.problems import ContentError
    try:
        return load_story(paths.SCENES)
    except ContentError:
        content = check_content(paths.SCENES)
        other = [p for p in content.problems.items if p.code != "missing-asset"]
        assert not other, "\n".join(str(p) for p in other)
        assert content.story is not None
        return content.story


@pytest.fixture
def play(story_root, tmp_path):
    """A play screen of the fixture story at its start, in an app without a window, with its own data."""
    from game.library import load_library
    from game.profile import Profile
    from game.screens.app import App
    from game.screens.play import PlayScreen
    app = App(load_library(story_root), Profile(tmp_path / "data"), window=False)
    screen = PlayScreen(app)
    app.push(screen)
    return screen


@pytest.fixture
def story_root(tmp_path: Path) -> Path:
    """A fresh copy of the valid fixture story, laid out as scenes/ beside assets/."""
    root = tmp_path / "scenes"
    shutil.copytree(FIXTURES / "story_ok", root)
    shutil.copytree(FIXTURE_ASSETS, tmp_path / "assets")
    return root


@pytest.fixture
def library(story_root: Path):
    """The fixture story's content library (story, root and assets), as the app and commands receive it."""
    from game.library import load_library
    return load_library(story_root)


def format_story(tmp_path: Path, scenes: dict[str, str], outfits: bool = False) -> Path:
    """The fixture story plus extra scene files (name -> YAML text) for the format tests; with `outfits`, the
    hero gets `outfits: [coat, uniform]` and small two-layer portraits (480x640, transparent) are drawn."""
    import textwrap
    root = tmp_path / "scenes"
    if not root.exists():
        shutil.copytree(FIXTURES / "story_ok", root)
        shutil.copytree(FIXTURE_ASSETS, tmp_path / "assets")
    for name, text in scenes.items():
        (root / "story" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    if outfits:
        import pygame
        characters = root / "characters.yaml"
        characters.write_text(characters.read_text(encoding="utf-8").replace(
            "expressions: [neutral, happy]}", "expressions: [neutral, happy], outfits: [coat, uniform]}"),
            encoding="utf-8")
        folder = tmp_path / "assets" / "images" / "characters"
        for name, colour, rect in [("hero_outfit_coat", (60, 60, 150), (90, 260, 300, 380)),
                                   ("hero_outfit_uniform", (40, 130, 60), (90, 260, 300, 380)),
                                   ("hero_neutral", (230, 200, 170), (170, 60, 140, 180)),
                                   ("hero_happy", (250, 120, 120), (170, 60, 140, 180))]:
            layer = pygame.Surface((480, 640), pygame.SRCALPHA)
            layer.fill((*colour, 255), rect)
            pygame.image.save(layer, str(folder / f"{name}.png"))
    return root


def format_scene(scene_id: str, beats: str) -> str:
    """A scene file for the format tests: chapter 2, the fixture's room, no title card, then `beats` (YAML list
    items indented by two spaces, as written under 'beats:')."""
    return (f'\nid: {scene_id}\ntitle: "{scene_id.title()}"\nchapter: 2\ndate: "x"\nbackground: room\ncard: false\n'
            f"beats:\n{beats.lstrip(chr(10))}")


def play_through(rt, limit: int = 200, first_option: bool = True) -> list:
    """Every event a runtime shows, to its end (or `limit` events), taking the first (or the last) option of
    every choice and content note."""
    from game.runtime import events as ev
    shown = []
    for _ in range(limit):
        event = rt.advance()
        shown.append(event)
        if isinstance(event, ev.EndEvent):
            break
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            rt.choose(event.options[0 if first_option else -1][0])
    return shown


@pytest.fixture(scope="session")
def shipped_library():
    """The shipped content as a library (skips when it has errors: test_shipped_content says which)."""
    from game import paths
    from game.library import check_library
    library = check_library(paths.SCENES)
    if library.problems.errors or library.story is None:
        pytest.skip("the shipped story has errors (see test_shipped_content)")
    return library


def play_until(play, wanted, nth: int = 1, limit: int = 2000):
    """Step a play screen (first options at choices) to the `nth` event for which `wanted(event)` holds."""
    from game.runtime import events as ev
    seen = 0
    for _ in range(limit):
        if wanted(play.event):
            seen += 1
            if seen == nth:
                return play.event
        if isinstance(play.event, ev.WAITS_FOR_CHOICE):
            play.choose(play.event.options[0][0])
        else:
            play.next_event()
    raise AssertionError(f"not reached in {limit} steps")


def play_screen_to(play, kind, limit: int = 600):
    """Step a play screen until its event is a `kind` (taking the first option of every choice); returns it."""
    return play_until(play, lambda event: isinstance(event, kind), limit=limit)


def run_main(capsys, *argv: str) -> tuple[int, str, str]:
    """Run `python -m game ARGV` in this process: (exit code, stdout, stderr)."""
    from game.cli import main
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def built_app(monkeypatch):
    """{"app": the App the next command builds}, for tests that run a command in this process."""
    from game.screens.app import App
    seen = {}
    original = App.__init__

    def spy(self, *args, **kwargs):
        original(self, *args, **kwargs)
        seen["app"] = self
    monkeypatch.setattr(App, "__init__", spy)
    return seen
