"""Small things a player or teacher would notice (issue 17's POLISH list): the title menu whole at 200% text
and in Korean, toasts never left in the language the player just left, the window's caption in the player's
language, toasts that cover no era label or card heading, and no temporary folder left behind by an app
made without a profile."""
from __future__ import annotations

import gc
from pathlib import Path

import pygame

from game import words
from game.screens.app import App
from game.screens.title import TitleScreen


def test_an_app_without_a_profile_takes_its_temporary_folder_with_it(library):
    app = App(library, window=False)
    folder = Path(app.profile.data)
    assert folder.is_dir() and folder.name.startswith("cell7-")
    app.push(TitleScreen(app))
    app.step(0.1)
    del app
    gc.collect()
    assert not folder.exists()


def test_an_app_that_ran_removes_its_temporary_folder_at_once(library):
    app = App(library, window=False)
    folder = Path(app.profile.data)
    app.push(TitleScreen(app))
    app.running = False  # closes at once: on_close, the last writes, then the folder goes
    app.run()
    assert not folder.exists()


def test_a_given_profile_folder_stays(library, tmp_path):
    from game.profile import Profile
    (tmp_path / "data").mkdir()
    app = App(library, Profile(tmp_path / "data", library.story_id), window=False)
    app.push(TitleScreen(app))
    app.running = False
    app.run()
    assert (tmp_path / "data").is_dir()


def test_the_window_caption_is_in_the_players_language(shipped_library):
    library = shipped_library
    app = App(library, window=True)
    assert pygame.display.get_caption()[0] == (library.story.caption or library.story.title)
    app.set_language("ko")
    korean = pygame.display.get_caption()[0]
    assert app.story.korean_title in korean
    app.set_language("en")
    assert pygame.display.get_caption()[0] == (library.story.caption or library.story.title)
    words.set_language("en")
