"""Issue 17 (images): a scene's working set is decoded once, not thrashed; two-layer portraits (outfits)."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pygame

from game.screens import images as im


def _assets(tmp_path: Path, people: int) -> tuple[SimpleNamespace, Path]:
    folder = tmp_path / "assets" / "images"
    (folder / "characters").mkdir(parents=True)
    (folder / "backgrounds").mkdir()
    for n in range(3):
        picture = pygame.Surface((1280, 720))
        picture.fill((n * 40, 10, 10))
        pygame.image.save(picture, str(folder / "backgrounds" / f"bg{n}.png"))
    for n in range(people):
        for expression in ("calm", "sad"):
            picture = pygame.Surface((480, 640), pygame.SRCALPHA)
            picture.fill((0, 0, 0, 0))
            pygame.draw.rect(picture, (200, 30 * n % 255, 40, 255), (0, 0, 480, 320))  # the top half: a face
            pygame.image.save(picture, str(folder / "characters" / f"p{n}_{expression}.png"))
    outfit = pygame.Surface((480, 640), pygame.SRCALPHA)
    outfit.fill((0, 0, 0, 0))
    pygame.draw.rect(outfit, (10, 20, 250, 255), (0, 320, 480, 320))  # the bottom half: a coat
    pygame.image.save(outfit, str(folder / "characters" / "p0_outfit_coat.png"))
    story = SimpleNamespace(
        characters={f"p{n}": SimpleNamespace(sprite=f"p{n}") for n in range(people)},
        locations={f"bg{n}": SimpleNamespace(image=f"backgrounds/bg{n}.png") for n in range(3)},
        illustrations={})
    return story, tmp_path / "assets"


def _near(colour, want) -> bool:
    return all(abs(a - b) <= 6 for a, b in zip(colour[:3], want))


def test_a_scenes_pictures_are_decoded_once_however_often_they_are_drawn(tmp_path):
    story, assets = _assets(tmp_path, 5)
    images = im.Images(story, assets)
    for _ in range(30):  # a scene that cross-fades between two places with five people, speaking in turn
        for n in range(2):
            images.background(f"bg{n}")
        for n in range(5):
            images.portrait(f"p{n}", "calm")
            images.dimmed(f"p{n}", "calm")
    assert images.decodes == 2 + 5  # each file once (a dimmed copy is made from the kept portrait)


def test_an_outfit_is_drawn_under_the_expression_and_a_missing_layer_leaves_the_other(tmp_path):
    story, assets = _assets(tmp_path, 1)
    images = im.Images(story, assets)
    both = images.portrait("p0", "calm", "coat")
    assert both.get_height() == im.PORTRAIT_HEIGHT
    top, bottom = both.get_at((100, 100)), both.get_at((100, im.PORTRAIT_HEIGHT - 50))
    assert _near(top, (200, 0, 40)) and _near(bottom, (10, 20, 250))
    assert images.portrait("p0", "calm").get_at((100, im.PORTRAIT_HEIGHT - 50))[3] == 0  # no outfit: no coat
    only_coat = images.portrait("p0", "missing", "coat")
    assert _near(only_coat.get_at((100, im.PORTRAIT_HEIGHT - 50)), (10, 20, 250))
    assert images.portrait("p0", "missing", "none") is None
    assert images.dimmed("p0", "calm", "coat").get_at((100, 100))[0] < 200


def test_pictures_ahead_are_decoded_on_a_thread_and_the_frame_finds_them_ready(story, story_root):
    import time

    from game.runtime.runtime import Runtime
    images = im.Images(story, story_root.parent / "assets")
    rt = Runtime(story)
    keys = list(dict.fromkeys(im.upcoming(story, rt.state)))
    assert ("bg", story.scenes["second"].background) in keys  # the scene a choice leads to
    assert any(key[0] == "portrait" and key[1] == "hero" for key in keys)
    images.prefetch(rt)
    deadline = time.monotonic() + 10
    while images._working and time.monotonic() < deadline:
        time.sleep(0.005)
    draw = {"bg": images.background, "cg": images.illustration, "portrait": images.portrait, "dimmed": images.dimmed}
    for key in keys[:im.READY_MAX]:
        draw[key[0]](*key[1:])
    assert images.decodes == 0 and images.prefetched >= 2  # nothing decoded in the "frame"
    images.background("no_such_place")  # anything not looked ahead is still made at once
    assert images._ready == {}


def test_a_reload_that_changes_only_text_keeps_the_decoded_pictures(tmp_path):
    story, assets = _assets(tmp_path, 2)
    images = im.Images(story, assets)
    images.background("bg0")
    same = SimpleNamespace(characters=dict(story.characters), locations=dict(story.locations), illustrations={})
    assert images.renewed(same, assets) is images and images.story is same
    images.background("bg0")
    assert images.decodes == 1  # kept across the reload
    moved = SimpleNamespace(characters=story.characters, illustrations={},
                            locations={**story.locations, "bg0": SimpleNamespace(image="backgrounds/bg1.png")})
    fresh = images.renewed(moved, assets)
    assert fresh is not images and fresh.decodes == 0
