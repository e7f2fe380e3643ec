"""One way to name the root (issue 15): every command takes --scenes DIR and --assets DIR (validate and lint
also a plain path), a folder that is not there is one line and exit 2, and another story (the shipped example,
examples/night_ferry) plays and renders with its own title, art and profile."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from conftest import run_main
from test_library import MAGENTA, small_story

from game import paths
from game.library import load_library
from game.profile import Profile
from game.screens.app import App
from game.screens.title import TitleScreen

NIGHT_FERRY = paths.ROOT / "examples" / "night_ferry"
ROOT_COMMANDS = [["validate"], ["lint"], ["autoplay", "--steps", "50"], ["explore", "--max-states", "50"], ["graph"],
                 ["screenshot", "--scene", "only", "--out", "x.png"], ["contact-sheet", "only"], ["timeline"],
                 ["play"], ["new", "scene", "extra"]]


@pytest.mark.parametrize("command", ROOT_COMMANDS, ids=lambda c: c[0])
def test_a_mistyped_folder_is_one_line_and_exit_2(command, tmp_path, capsys):
    code, out, err = run_main(capsys, *command, "--scenes", str(tmp_path / "scenz"))
    assert code == 2 and out == ""
    assert err == f"error: no such folder: {tmp_path / 'scenz'}\n"


@pytest.mark.parametrize("command", [c for c in ROOT_COMMANDS if c[0] != "new"], ids=lambda c: c[0])
def test_a_mistyped_assets_folder_is_one_line_and_exit_2(command, tmp_path, capsys):
    root = small_story(tmp_path / "small")
    code, out, err = run_main(capsys, *command, "--scenes", str(root), "--assets", str(tmp_path / "asets"))
    assert (code, out, err) == (2, "", f"error: no such assets folder: {tmp_path / 'asets'}\n")


def test_a_folder_without_story_yaml_is_one_line(tmp_path, capsys):
    code, _, err = run_main(capsys, "validate", str(tmp_path))
    assert code == 2 and err.count("\n") == 1 and "no story.yaml" in err  # not five "missing file" lines


def test_validate_and_lint_take_the_folder_either_way(tmp_path, capsys):
    root = small_story(tmp_path / "small")
    assert run_main(capsys, "validate", str(root)) == run_main(capsys, "validate", "--scenes", str(root))
    code, out, _ = run_main(capsys, "validate", str(root / "story" / "01_only.yaml"))  # a file: its folder
    assert code == 0 and out.startswith("ok: 1 scene(s)")
    assert run_main(capsys, "lint", str(root))[0] == run_main(capsys, "lint", "--scenes", str(root))[0] == 0
    code, _, err = run_main(capsys, "validate", str(root), "--scenes", str(tmp_path))
    assert code == 2 and "two content folders" in err


def test_assets_resolve_from_the_root_in_every_command(tmp_path, capsys, monkeypatch):
    """Before, validate checked DIR/../assets while play and screenshot drew with the shipped assets/."""
    monkeypatch.chdir(tmp_path)
    root = small_story(tmp_path / "small")
    for command in (["validate"], ["lint"], ["explore"], ["autoplay", "--steps", "50"], ["graph"]):
        code, out, err = run_main(capsys, *command, "--scenes", str(root))
        assert code == 0, (command, out, err)
        assert "missing" not in out + err, command
    code, out, _ = run_main(capsys, "screenshot", "--scenes", str(root), "--scene", "only", "--beat", "2",
                            "--out", "shot.png")  # past the title card
    assert code == 0 and pygame.image.load("shot.png").get_at((1100, 100))[:3] == MAGENTA
    code, _, _ = run_main(capsys, "contact-sheet", "--scenes", str(root), "only", "--out", "sheet.png")
    assert code == 0 and Path("sheet.png").is_file()


def test_assets_option_overrides_the_roots_folder(tmp_path, capsys):
    root = small_story(tmp_path / "small")
    other = tmp_path / "other_assets"
    (root / "assets").rename(other)
    code, out, _ = run_main(capsys, "validate", "--scenes", str(root))
    assert code == 1 and "missing portrait" in out
    assert run_main(capsys, "validate", "--scenes", str(root), "--assets", str(other))[0] == 0


def test_no_traceback_for_a_missing_folder_from_the_shell(tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    result = subprocess.run([sys.executable, "-m", "game", "play", "--scenes", str(tmp_path / "nope")],
                            cwd=paths.ROOT, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2 and result.stderr.splitlines() == [f"error: no such folder: {tmp_path / 'nope'}"]


def test_timeline_says_when_the_root_has_none(tmp_path, capsys):
    code, _, err = run_main(capsys, "timeline", "--scenes", str(small_story(tmp_path / "small")))
    assert code == 1 and "no timeline" in err


# --- the shipped second story -------------------------------------------------------------------------

def test_night_ferry_plays_with_its_own_title_art_and_profile(tmp_path):
    library = load_library(NIGHT_FERRY)
    assert library.story_id == "night_ferry" and library.assets == NIGHT_FERRY / "assets"
    profile = Profile(tmp_path / "data", library.story_id)
    app = App(library, profile, window=True)
    assert pygame.display.get_caption()[0] == "Night Ferry"
    title = TitleScreen(app)
    app.push(title)
    app.step(0.1)
    assert [text for text, *_ in title._layout(0)][0] == "Night Ferry"
    assert not any("Cell No. 7" in text for text, *_ in title._layout(0))
    labels = [item.label for item in title.menu.items]
    assert "Classroom" not in labels and not any(label.startswith("Timeline") for label in labels)
    assert profile.folder == tmp_path / "data" / "stories" / "night_ferry"


def test_night_ferry_screenshot_is_drawn_with_its_own_pictures(tmp_path, capsys):
    library = load_library(NIGHT_FERRY)
    first = library.story.scenes[library.story.start]
    out = tmp_path / "ferry.png"
    code, _, _ = run_main(capsys, "screenshot", "--scenes", str(NIGHT_FERRY), "--scene", first.id, "--beat", "3",
                          "--out", str(out))
    assert code == 0
    shot = pygame.image.load(str(out))
    image = library.story.locations[first.background].image
    picture = pygame.image.load(str(NIGHT_FERRY / "assets" / "images" / image))
    for point in [(10, 10), (640, 20), (1270, 10)]:  # the sky, above the text box: the story's own background
        assert shot.get_at(point)[:3] == picture.get_at(point)[:3]


def test_play_on_another_root_starts_with_its_profile(tmp_path):
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "CELL7_EXIT_AFTER": "line"}
    result = subprocess.run([sys.executable, "-m", "game", "play", "--scenes", str(NIGHT_FERRY), "--dev",
                             "--data-dir", str(tmp_path / "data")], cwd=paths.ROOT, capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "missing" not in result.stderr  # no false "missing portrait" with --dev on another root
    assert (tmp_path / "data" / "stories" / "night_ferry").is_dir()
    assert not (tmp_path / "data" / "stories" / "cell7").exists()


def test_a_name_too_long_for_the_system_is_one_shortened_line(capsys):
    code, _, err = run_main(capsys, "validate", "--scenes", "x" * 5000)
    assert code == 2 and err.count("\n") == 1 and err.startswith("error: no such folder: xxx") and len(err) < 250


def test_a_shipped_story_is_found_from_any_folder(tmp_path, capsys, monkeypatch):
    """From another folder (or the desktop build), `--scenes examples/night_ferry` means the shipped example."""
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_main(capsys, "validate", "--scenes", "examples/night_ferry")
    assert code == 0 and out.startswith("ok: ")
    (tmp_path / "examples" / "night_ferry").mkdir(parents=True)  # a folder of that name here comes first
    code, _, err = run_main(capsys, "validate", "--scenes", "examples/night_ferry")
    assert code == 2 and "no story.yaml" in err
