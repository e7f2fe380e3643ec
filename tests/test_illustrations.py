"""Illustrations (CGs): the beat, the stage state saves and rollback keep, the loader's checks, the gallery."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pygame
import pytest

from game.content.loader import check_content, load_story
from game.library import load_library
from game.profile import Profile
from game.runtime import events as ev
from game.runtime.runtime import Options, Runtime
from game.screens.app import App
from game.screens.capture import play_app
from game.screens.gallery import GalleryScreen, IllustrationView
from game.screens.input import Action
from game.screens.title import TitleScreen

SHOTS = Path(tempfile.mkdtemp(prefix="cell7-shots-"))  # for people to look at; never written into tests/
RED, BLUE = (200, 60, 60), (60, 60, 200)
ILLUSTRATIONS = """\
illustrations:
  - {id: cg_one, title: "The first picture", image: cg/cg_one.png}
  - {id: cg_two, title: "The second picture, whose title is long enough to wrap", image: cg/cg_two.png}
  - {id: cg_three, title: "A third", image: cg/cg_two.png}
  - {id: cg_four, title: "A fourth", image: cg/cg_two.png}
  - {id: cg_five, title: "A fifth, on a winter evening at the market", image: cg/cg_two.png}
  - {id: cg_six, title: "A sixth", image: cg/cg_two.png}
"""


def illustrate(root: Path, beats: str = '  - illustration: cg_one\n  - narrate: "A picture."\n'
               '  - background: room\n') -> Path:
    """The fixture story with two illustrations (plain colour PNGs) and `beats` after its first line."""
    folder = root.parent / "assets" / "images" / "cg"
    folder.mkdir(parents=True, exist_ok=True)
    for name, colour in (("cg_one", RED), ("cg_two", BLUE)):
        surface = pygame.Surface((1280, 720))
        surface.fill(colour)
        pygame.image.save(surface, str(folder / f"{name}.png"))
    (root / "illustrations.yaml").write_text(ILLUSTRATIONS, encoding="utf-8")
    scene = root / "story" / "01_first.yaml"
    first = '  - narrate: "It begins."\n'
    scene.write_text(scene.read_text(encoding="utf-8").replace(first, first + beats), encoding="utf-8")
    return root


def events_until(rt: Runtime, text: str) -> list[ev.Event]:
    shown = []
    while not (shown and isinstance(shown[-1], ev.LineEvent) and shown[-1].text == text):
        shown.append(rt.advance())
    return shown


def test_the_beat_sets_the_stage_reports_it_and_a_background_takes_it_away(story_root):
    story = load_story(illustrate(story_root))
    rt = Runtime(story, Options(content_notes="play"))
    picture = events_until(rt, "A picture.")[-1]
    assert rt.state.stage.illustration == "cg_one"
    assert ("illustration", "cg_one", "dissolve") in picture.effects
    events_until(rt, "Hello.")
    assert rt.state.stage.illustration == ""


def test_none_takes_it_away_and_saves_and_rollback_restore_it(story_root):
    story = load_story(illustrate(story_root, '  - illustration: cg_two\n    transition: fade\n'
                                  '  - narrate: "A picture."\n  - illustration: none\n  - narrate: "Gone."\n'))
    rt = Runtime(story, Options(content_notes="play"))
    events_until(rt, "A picture.")
    saved = rt.to_dict()
    gone = rt.advance()
    assert gone.text == "Gone." and ("illustration", "none", "dissolve") in gone.effects
    assert rt.state.stage.illustration == ""
    rt.rollback()
    assert rt.state.stage.illustration == "cg_two"
    loaded = Runtime.from_dict(story, saved)
    assert loaded.advance().text == "A picture." and loaded.state.stage.illustration == "cg_two"


def test_loader_reports_unknown_illustrations_with_did_you_mean_and_missing_images(story_root):
    root = illustrate(story_root, '  - illustration: cg_onee\n')
    (root.parent / "assets" / "images" / "cg" / "cg_two.png").unlink()
    problems = {p.code: p for p in check_content(root).problems.items}
    unknown = problems["unknown-illustration"]
    assert "did you mean 'cg_one'" in unknown.message and unknown.mark.line > 0
    assert "cg/cg_two.png" in problems["missing-asset"].message


def test_a_story_without_illustrations_has_no_gallery(story_root, tmp_path):
    app = App(load_library(story_root), Profile(tmp_path / "p"), window=False)
    app.push(TitleScreen(app))
    assert "Gallery" not in [item.label for item in app.top.menu.items]


def test_play_hides_portraits_under_the_illustration_and_keeps_it_for_the_gallery(story_root, tmp_path):
    root = illustrate(story_root, '  - show: hero\n  - illustration: cg_one\n  - narrate: "A picture."\n')
    profile = Profile(tmp_path / "p")
    app = play_app(load_library(root), "first", 3, profile=profile)
    assert app.top.event.text == "A picture." and app.top.rt.state.stage.sprites
    app.screenshot(SHOTS / "illustration_line.png")
    assert app.canvas.get_at((640, 300))[:3] == RED  # where the portrait would stand: only the picture
    assert profile.illustrations == ["cg_one"]
    assert app.writer.flush(30)  # persistent.json is written on the app's writer thread
    assert Profile(tmp_path / "p").illustrations == ["cg_one"]  # kept in persistent.json


@pytest.mark.parametrize("scale, contrast", [(1.0, False), (2.0, False), (1.0, True)])
def test_gallery_shows_seen_thumbnails_locked_tiles_and_opens_one(story_root, tmp_path, scale, contrast):
    profile = Profile(tmp_path / "p")
    profile.settings.font_scale, profile.settings.high_contrast = scale, contrast
    profile.see_illustration("cg_one")
    root = illustrate(story_root)
    app = App(load_library(root), profile, window=False)
    title = TitleScreen(app)
    app.push(title)
    gallery_item = next(i for i, item in enumerate(title.menu.items) if item.label == "Gallery")
    title.menu.choose(gallery_item)
    gallery = app.top
    assert isinstance(gallery, GalleryScreen)
    app.step(0.1)
    name = f"gallery_{int(scale * 100)}{'_contrast' if contrast else ''}"
    app.screenshot(SHOTS / f"{name}.png")
    seen, locked = gallery.rects[:2]
    assert all(abs(a - b) <= 4 for a, b in zip(app.canvas.get_at(seen.center), RED))  # the thumbnail
    assert app.canvas.get_at((locked.left + 20, locked.top + 20))[:3] != BLUE  # never shown: not given away
    assert len(gallery.rects) == 6 and all(r.bottom < 640 and r.right <= 1280 for r in gallery.rects)
    gallery.on_action(Action("right"))
    gallery.on_action(Action("confirm"))
    assert app.top is gallery  # a locked one does not open
    gallery.on_action(Action("click", pos=seen.center))
    assert isinstance(app.top, IllustrationView)
    app.step(0.1)
    app.screenshot(SHOTS / f"{name}_open.png")
    app.top.on_action(Action("cancel"))
    assert app.top is gallery
