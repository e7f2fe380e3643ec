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


def _straight(colour) -> tuple[int, int, int]:
    """A portrait's pixel (premultiplied by its alpha) as its plain colour."""
    return tuple(round(c * 255 / colour[3]) if colour[3] else 0 for c in colour[:3])


def test_a_scenes_pictures_are_decoded_once_however_often_they_are_drawn(tmp_path):
    story, assets = _assets(tmp_path, 5)
    images = im.Images(story, assets)
    for _ in range(30):  # a scene that cross-fades between two places with five people, speaking in turn
        for n in range(2):
            images.background(f"bg{n}")
        for n in range(5):
            images.portrait(f"p{n}", "calm")
    assert images.decodes == 2 + 5  # each file once


def test_an_outfit_is_drawn_under_the_expression_and_a_missing_layer_leaves_the_other(tmp_path):
    story, assets = _assets(tmp_path, 1)
    images = im.Images(story, assets)
    both = images.portrait("p0", "calm", "coat")
    assert both.size[1] == im.PORTRAIT_HEIGHT and both.picture.get_height() == im.PORTRAIT_HEIGHT
    top, bottom = both.picture.get_at((100, 100)), both.picture.get_at((100, im.PORTRAIT_HEIGHT - 50))
    assert _near(_straight(top), (200, 0, 40)) and _near(_straight(bottom), (10, 20, 250))
    face = images.portrait("p0", "calm")  # no outfit: no coat (the face alone, the top half)
    assert face.picture.get_height() == im.PORTRAIT_HEIGHT // 2 and face.offset == (0, 0)
    only_coat = images.portrait("p0", "missing", "coat")
    assert only_coat.offset == (0, im.PORTRAIT_HEIGHT // 2)
    assert _near(only_coat.picture.get_at((100, 50)), (10, 20, 250))
    assert images.portrait("p0", "missing", "none") is None
    assert both.darkened.get_at((100, 100))[0] < 200


def test_pictures_ahead_are_decoded_on_a_thread_and_the_frame_finds_them_ready(story, story_root):

    from game.runtime.runtime import Runtime
    images = im.Images(story, story_root.parent / "assets")
    rt = Runtime(story)
    keys = list(dict.fromkeys(im.upcoming(story, rt.state)))
    assert ("bg", story.scenes["second"].background) in keys  # the scene a choice leads to
    assert any(key[0] == "portrait" and key[1] == "hero" for key in keys)
    images.prefetch(rt)
    assert not images.worker.busy  # nothing started before the frame that asked is on screen
    images.presented()
    assert images.worker.settle(60)  # (a cap against a hang, not a timing)
    draw = {"bg": images.background, "cg": images.illustration, "portrait": images.portrait}
    for key in keys[:2]:  # the nearest pictures fit in what is made ahead (READY_BYTES: the fixture's portrait
        # has no see-through margin, so it and its darkened copy take 2 MB)
        draw[key[0]](*key[1:])
    assert images.decodes == 0 and images.prefetched >= 2  # nothing decoded in the "frame"
    images.background("no_such_place")  # anything not looked ahead is still made at once
    assert images._ready == {}
    images.stop()  # quitting: nothing more is looked ahead
    images.prefetch(rt)
    images.presented()
    assert not images.worker.busy


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


def test_a_cropped_portrait_and_its_darkened_copy_draw_as_the_whole_portrait_did(tmp_path):
    """Cropped to its visible pixels and placed by its offset, a portrait (and its darkened copy, as the whole
    portrait darkened was) draws the same pixels as the whole one, faded or not."""
    story, assets = _assets(tmp_path, 2)
    images = im.Images(story, assets)
    for who, alpha in (("p0", None), ("p1", 120)):
        portrait = images.portrait(who, "calm", "coat" if who == "p0" else "")
        whole = pygame.Surface(portrait.size, pygame.SRCALPHA)
        whole.blit(portrait.picture, portrait.offset)
        darkened_whole = whole.copy()
        darkened_whole.fill(im.DIM, special_flags=pygame.BLEND_RGBA_MULT)
        for cropped, expected in ((portrait.picture, whole), (portrait.darkened, darkened_whole)):
            drawn, before = pygame.Surface((640, 700)), pygame.Surface((640, 700))
            for target, picture, where in ((drawn, cropped, portrait.where(320)), (before, expected, (
                    320 - portrait.size[0] // 2, 720 - portrait.size[1] + 40))):
                target.fill((90, 120, 60))
                picture.set_alpha(alpha)
                target.blit(picture, where)
                picture.set_alpha(None)
            assert pygame.image.tobytes(drawn, "RGB") == pygame.image.tobytes(before, "RGB"), who


def test_pools_and_pictures_made_ahead_stay_within_their_byte_bounds(tmp_path):
    story, assets = _assets(tmp_path, 8)
    images = im.Images(story, assets)
    for round_ in range(3):
        for n in range(3):
            images.background(f"bg{n}")
        for n in range(8):
            images.portrait(f"p{n}", ("calm", "sad")[round_ % 2])
            images.portrait(f"p{n}", "calm")
        for pool in {id(p): p for p in [*images._pools.values(), images._small]}.values():
            assert pool.bytes == sum(map(im._size, pool.images.values())) <= pool.budget or len(pool.images) == 1
    images._wanted = [("portrait", f"p{n}", "sad", "") for n in range(8)] + [("bg", f"bg{n}") for n in range(3)]
    images._ready.clear()
    images._small.images.clear()
    images.prefetch_all()  # made ahead until READY_BYTES is full, then it stops
    assert 0 < sum(map(im._size, images._ready.values())) <= im.READY_BYTES


def test_ready_says_whether_a_stage_s_pictures_are_decoded_and_never_decodes_them_itself(tmp_path):
    import time
    story, assets = _assets(tmp_path, 2)
    images = im.Images(story, assets)
    stage = [("bg", "bg0"), ("portrait", "p0", "calm", ""), ("portrait", "p1", "sad", "")]
    assert not images.ready(stage) and images.decodes == 0  # asked of the thread instead
    deadline = time.monotonic() + 60  # a cap against a hang, not a timing
    while not images.ready(stage) and time.monotonic() < deadline:
        time.sleep(0.005)
    assert images.ready(stage) and images.decodes == 0 and images.prefetched == 3
    images.background("bg0"), images.portrait("p1", "sad")
    assert images.decodes == 0  # kept when drawn


def test_a_picture_the_thread_is_making_is_waited_for_never_made_twice_at_once(tmp_path, monkeypatch):
    """A moment whose hold ran out draws its pictures in the frame; one the prefetch thread is making at that
    moment is waited for and taken from it, not decoded a second time beside it (twice the work, and a full-screen
    picture's decoded and converted copies twice over in memory at once)."""
    import threading
    story, assets = _assets(tmp_path, 1)
    images = im.Images(story, assets)
    monkeypatch.setattr(im.decoded, "FRAME_WAIT", 60)  # (a cap against a hang: the thread finishes long before)
    inside, go = threading.Event(), threading.Event()
    make = images._make
    made_on = []

    def slow(key):
        made_on.append(threading.current_thread().name)
        inside.set()
        assert go.wait(60)
        return make(key)
    monkeypatch.setattr(images, "_make", slow)
    assert not images.ready([("bg", "bg1")])  # asked of the thread, first
    images.presented()
    assert inside.wait(60) and images._making == ("bg", "bg1")
    threading.Timer(0.05, go.set).start()  # the thread finishes while the frame waits for it
    picture = images.background("bg1")
    assert made_on == ["cell7-images"] and images.decodes == 0 and images.prefetched == 1
    assert picture.get_at((5, 5))[:3] == (40, 10, 10) and images._making is None and not images._ready
    go.set()


def test_a_picture_the_frame_makes_waits_for_the_one_the_thread_is_making(tmp_path, monkeypatch):
    """Never two pictures made at once (each holds its decoded and converted copies): a late moment's picture is
    made in the frame only once the thread has finished the other picture it was making."""
    import threading
    story, assets = _assets(tmp_path, 1)
    images = im.Images(story, assets)
    monkeypatch.setattr(im.decoded, "FRAME_WAIT", 60)  # (a cap against a hang: the thread finishes long before)
    inside, go = threading.Event(), threading.Event()
    log = []
    background = images._background

    def logged(location, *args):
        log.append(("begin", location, threading.current_thread().name))
        if location == "bg1":
            inside.set()
            assert go.wait(60)
        image = background(location, *args)
        log.append(("end", location, threading.current_thread().name))
        return image
    monkeypatch.setattr(images, "_background", logged)
    assert not images.ready([("bg", "bg1")])
    images.presented()
    assert inside.wait(60)
    threading.Timer(0.05, go.set).start()
    assert images.background("bg2").get_at((5, 5))[:3] == (80, 10, 10)
    assert log == [("begin", "bg1", "cell7-images"), ("end", "bg1", "cell7-images"),
                   ("begin", "bg2", "MainThread"), ("end", "bg2", "MainThread")]
    go.set()


def test_a_missing_or_broken_picture_never_keeps_a_stage_waiting(tmp_path):
    import time
    story, assets = _assets(tmp_path, 1)
    (assets / "images" / "characters" / "p0_broken.png").write_bytes(b"not a png")
    story.locations["gone"] = SimpleNamespace(image="backgrounds/gone.png")
    images = im.Images(story, assets)
    stage = [("bg", "gone"), ("portrait", "p0", "broken", ""), ("portrait", "nobody", "calm", "")]
    deadline = time.monotonic() + 60  # a cap against a hang, not a timing
    while not images.ready(stage) and time.monotonic() < deadline:
        time.sleep(0.005)
    assert images.ready(stage) and images.decodes == 0
    assert images.portrait("p0", "broken") is None and images.background("gone").get_size() == (1280, 720)


def test_the_look_ahead_follows_a_goto_into_the_next_scene(story_root):
    from game.content import model as m
    from game.content.loader import load_story
    from game.runtime.runtime import Runtime
    second = story_root / "story" / "02_second.yaml"
    second.write_text(second.read_text(encoding="utf-8").replace(
        '  - narrate: "Later."\n', '  - narrate: "Later."\n  - show: hero\n    expression: happy\n'), encoding="utf-8")
    story = load_story(story_root)
    rt = Runtime(story)
    code = story.scenes["first"].code
    rt.state.pc = next(i for i, op in enumerate(code) if isinstance(op, m.Goto) and op.scene == "second")
    keys = list(im.upcoming(story, rt.state))
    assert ("bg", story.scenes["second"].background) in keys
    assert ("portrait", "hero", "happy", "") in keys  # shown in the scene the goto leads to


def test_portraits_are_premultiplied_and_draw_as_their_plain_pictures_would(tmp_path):
    """Portraits are kept premultiplied by their alpha and drawn by pygame's premultiplied blitter (~2.5 times as
    fast as blending a plain picture): over a background, at full strength and faded, within 2 of the plain blit."""
    from game.ui.draw import premultiplied
    folder = tmp_path / "assets" / "images" / "characters"
    folder.mkdir(parents=True)
    plain = pygame.Surface((480, 640), pygame.SRCALPHA)
    for x in range(480):  # alpha from 0 to 255 across, colours that vary too
        pygame.draw.line(plain, (x % 256, 255 - x % 256, 90, x * 255 // 479), (x, 40), (x, 600))
    pygame.image.save(plain, str(folder / "p0_calm.png"))
    story = SimpleNamespace(characters={"p0": SimpleNamespace(sprite="p0")}, locations={}, illustrations={})
    portrait = im.Images(story, tmp_path / "assets").portrait("p0", "calm")
    pixel = portrait.picture.get_at((portrait.picture.get_width() // 4, 300))
    assert 0 < pixel.a < 255 and max(pixel.r, pixel.g, pixel.b) <= pixel.a  # premultiplied
    scaled = im._opaque_inside(pygame.transform.smoothscale(plain, (450, 600)))  # (as the portrait is made)
    straight = scaled.subsurface(portrait.offset[0], portrait.offset[1], *portrait.picture.get_size()).copy()
    for alpha in (None, 128):
        ground = pygame.Surface((600, 700))
        ground.fill((40, 120, 200))
        expected = ground.copy()
        if alpha is not None:
            straight.set_alpha(alpha)
        expected.blit(straight, (20, 30))
        premultiplied(ground, portrait.picture, (20, 30), alpha)
        a, b = pygame.image.tobytes(expected, "RGB"), pygame.image.tobytes(ground, "RGB")
        assert max(abs(p - q) for p, q in zip(a, b)) <= 2, alpha


def test_a_scaled_portrait_is_whole_where_the_filter_left_it_nearly_whole():
    """Smooth scaling takes an alpha of 255 down to 251-254 inside a figure: those pixels are made whole again (the
    premultiplied blitter copies a whole pixel instead of blending it), and every other pixel is left as it was."""
    picture = pygame.Surface((5, 1), pygame.SRCALPHA)
    for x, alpha in enumerate((0, 120, 249, 250, 253)):
        picture.set_at((x, 0), (10 * x, 200, 30, alpha))
    made = im._opaque_inside(picture.copy())
    assert [tuple(made.get_at((x, 0))) for x in range(5)] == [
        (0, 200, 30, 0), (10, 200, 30, 120), (20, 200, 30, 249), (30, 200, 30, 255), (40, 200, 30, 255)]
