"""Shared test setup: headless SDL, and a copy of the fixture story that a test may break."""
from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_ASSETS = FIXTURES / "assets"


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
