"""The music room: music.yaml (schema, loader, validate, lint), the profile's record of the pieces heard,
and the gallery's Music page (keyboard, mouse, controller; 100% and 200% text, high contrast)."""
from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest

from game import paths
from game.authoring.lint import lint
from game.content.loader import check_content, load_story
from game.library import load_library
from game.profile import Profile, persistent_problem
from game.screens.app import App
from game.screens.gallery import UNHEARD, GalleryScreen
from game.screens.input import Action
from game.screens.play import PlayScreen
from game.screens.title import TitleScreen
from game.words import t

SHOTS = Path(tempfile.mkdtemp(prefix="cell7-shots-"))  # for people to look at; never written into tests/
MUSIC = """\
music:
  - {id: calm, title: "A Calm Morning", description: "The first scene, and every quiet one after it."}
  - {id: storm, title: "The Storm Comes"}
  - {id: dawn, title: "Dawn, at Last", description: "Where the story ends."}
"""


def with_music(root: Path, text: str = MUSIC) -> Path:
    """The fixture story with a music.yaml and the pieces it names (copies of the fixture's calm.wav)."""
    folder = root.parent / "assets" / "audio" / "music"
    for name in ("storm", "dawn"):
        shutil.copy(folder / "calm.wav", folder / f"{name}.wav")
    (root / "music.yaml").write_text(text, encoding="utf-8")
    return root


def test_music_yaml_loads_in_order_with_titles(story_root):
    story = load_story(with_music(story_root))
    assert list(story.music) == ["calm", "storm", "dawn"]
    assert story.music["calm"].title == "A Calm Morning" and story.music["storm"].description == ""


def test_a_piece_without_a_file_is_a_located_error_and_ids_are_unique(story_root):
    root = with_music(story_root, MUSIC + '  - {id: rain, title: "Rain"}\n  - {id: calm, title: "Again"}\n')
    problems = check_content(root).problems.items
    missing = [p for p in problems if p.code == "missing-asset"]
    assert len(missing) == 1 and "music 'rain'" in missing[0].message
    assert missing[0].mark.file.endswith("music.yaml") and missing[0].mark.line == 5
    assert [p for p in problems if p.code == "duplicate-id" and "'calm'" in p.message]


def test_lint_reports_a_music_file_with_no_entry_only_as_info(story_root):
    root = with_music(story_root, MUSIC.replace('  - {id: storm, title: "The Storm Comes"}\n', ""))
    unlisted = [p for p in lint(root) if p.code == "unlisted-music"]
    assert [p.severity for p in unlisted] == ["info"] and "storm.wav" in unlisted[0].message
    (root / "music.yaml").unlink()  # no music room: nothing to list them in
    assert not [p for p in lint(root) if p.code == "unlisted-music"]


def test_the_shipped_music_room_lists_every_piece_of_the_score():
    story = load_story(paths.SCENES)
    shipped = {p.stem for p in (paths.ASSETS / "audio" / "music").iterdir()}
    assert set(story.music) == shipped and all(t.title and t.description for t in story.music.values())
    assert not [p for p in lint(paths.SCENES) if p.code == "unlisted-music"]


def test_the_profile_keeps_each_piece_once_and_persistent_json_accepts_it(tmp_path):
    profile = Profile(tmp_path)
    for track in ("calm", "stop", "", "storm", "calm"):
        profile.hear_track(track)
    assert profile.tracks == ["calm", "storm"]
    data = json.loads((profile.folder / "persistent.json").read_text())
    assert data["tracks"] == ["calm", "storm"] and persistent_problem(data) == ""
    assert Profile(tmp_path).tracks == ["calm", "storm"]
    assert "tracks" in persistent_problem({"tracks": [1]}) and persistent_problem({"tracks": "calm"})
    (profile.folder / "persistent.json").write_text('{"tracks": {"calm": 1}, "illustrations": ["cg"]}')
    damaged = Profile(tmp_path)
    assert damaged.tracks == [] and damaged.messages  # set aside with a message, defaults used


def test_a_track_the_story_plays_is_recorded(story_root, tmp_path):
    profile = Profile(tmp_path / "p")
    app = App(load_library(with_music(story_root)), profile, window=False)
    app.push(PlayScreen(app))
    assert app.audio.track == "calm" and profile.tracks == ["calm"]
    assert app.writer.flush(30)  # persistent.json is written on the app's writer thread
    assert Profile(tmp_path / "p").tracks == ["calm"]


@pytest.fixture
def room(story_root, tmp_path, request):
    scale, contrast = getattr(request, "param", (1.0, False))
    profile = Profile(tmp_path / "p")
    profile.settings.font_scale, profile.settings.high_contrast = scale, contrast
    profile.hear_track("calm")
    profile.hear_track("dawn")
    root = with_music(story_root)
    music = root.parent / "assets" / "audio" / "music"
    shutil.copy(music / "calm.wav", music / "theme.wav")
    story_file = root / "story.yaml"
    story_file.write_text(story_file.read_text(encoding="utf-8") + "title_music: theme\n", encoding="utf-8")
    app = App(load_library(root), profile, window=False)
    title = TitleScreen(app)
    app.push(title)
    title.menu.choose(next(i for i, item in enumerate(title.menu.items) if item.label == "Gallery"))
    return app


@pytest.mark.parametrize("room", [(1.0, False), (2.0, False), (1.0, True)], indirect=True)
def test_the_music_page_plays_heard_pieces_and_locks_the_others(room):
    app, gallery = room, room.top
    assert isinstance(gallery, GalleryScreen) and gallery.page == "music"  # no illustrations: music only
    music = gallery.room
    assert app.audio.track == "theme"  # the title's music goes on until a piece is chosen
    music.on_action(Action("down"))
    app.step(0.1)
    assert music._title(1) == t(UNHEARD) == "Not yet heard"
    music.on_action(Action("confirm"))
    assert app.audio.track == "theme"  # locked: nothing plays
    music.on_action(Action("down"))
    music.on_action(Action("confirm"))
    assert app.audio.track == "dawn" and music.playing(2)
    app.step(0.1)
    settings = app.settings
    name = f"music_room_{int(settings.font_scale * 100)}{'_contrast' if settings.high_contrast else ''}"
    app.screenshot(SHOTS / f"{name}.png")
    assert all(r.bottom < 720 - 30 and r.right <= 1280 for r in music.rects if r.width)
    music.on_action(Action("click", pos=music.rects[0].center))
    assert app.audio.track == "calm" and music.index == 0
    gallery.on_action(Action("cancel"))
    assert isinstance(app.top, TitleScreen) and app.audio.track == "theme"  # the title music comes back


def test_pictures_and_music_are_two_pages(room, story_root):
    from tests.test_illustrations import illustrate
    app = room
    app.pop()
    illustrate(story_root)
    app.library = load_library(story_root)
    gallery = GalleryScreen(app)
    app.push(gallery)
    assert gallery.pages == ["pictures", "music"] and gallery.page == "pictures"
    gallery.on_action(Action("next"))          # Tab
    assert gallery.page == "music"
    gallery.on_action(Action("rollback"))      # Page Up, or the controller's left shoulder
    assert gallery.page == "pictures"
    gallery.on_action(Action("skip"))          # the right shoulder
    app.step(0.1)
    app.screenshot(SHOTS / "music_room_tabs.png")
    gallery.on_action(Action("left"))          # on the music page, left and right turn pages too
    assert gallery.page == "pictures"
    app.step(0.1)
    gallery.on_action(Action("click", pos=gallery.tab_rects["music"].center))
    assert gallery.page == "music"
    app.step(0.1)
    gallery.on_action(Action("down"))
    assert gallery.room.index == 1 and gallery.index == 0
