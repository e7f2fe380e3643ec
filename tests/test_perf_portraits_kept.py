"""Issue 17: a portrait (scaled to the stage, cropped to its visible pixels) is kept made in the data folder's
cache (decoded.made), so one met before is not decoded, scaled and scanned again (7-10 ms each; the first story
line's two portraits were most of the prefetch thread's 18-27 ms of a start). What is read back is exactly what
was made; a damaged kept file is set aside and the portrait made again; an edit of either layer makes it anew."""
from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest
from conftest import format_story

from game.content.loader import load_story
from game.screens import decoded
from game.screens.images import Images


@pytest.fixture
def stage(tmp_path, monkeypatch):
    """(story, assets, kept folder, decodes): the fixture story with two-layer portraits, pictures kept under
    tmp_path/cache, and a list of the files pygame decodes."""
    root = format_story(tmp_path, {}, outfits=True)
    decoded.keep_in(tmp_path / "cache")
    decodes: list[str] = []
    real = pygame.image.load
    monkeypatch.setattr(pygame.image, "load", lambda path, *a: decodes.append(Path(path).name) or real(path, *a))
    return load_story(root), tmp_path / "assets", tmp_path / "cache", decodes


def _pixels(portrait) -> tuple:
    return (pygame.image.tobytes(portrait.picture, "RGBA"), pygame.image.tobytes(portrait.darkened, "RGBA"),
            portrait.picture.get_size(), portrait.offset, portrait.size)


def _made(story, assets, *key):
    return Images(story, assets)._portrait(*key)  # a new Images each time: nothing held in memory


@pytest.mark.parametrize("outfit", ["", "coat"])
def test_a_portrait_met_before_is_read_back_exactly_without_decoding(stage, outfit):
    story, assets, cache, decodes = stage
    first = _made(story, assets, "hero", "neutral", outfit)
    assert decodes == ["hero_neutral.png"] + (["hero_outfit_coat.png"] if outfit else [])
    assert first.offset != (0, 0) and first.picture.get_size() != first.size  # cropped
    assert len(list((cache / "made").glob("*.pix"))) == 1
    decodes.clear()
    again = _made(story, assets, "hero", "neutral", outfit)
    assert decodes == [] and _pixels(again) == _pixels(first)


def test_each_expression_and_outfit_is_kept_apart(stage):
    story, assets, cache, decodes = stage
    made = {key: _pixels(_made(story, assets, "hero", *key)) for key in
            [("neutral", ""), ("happy", ""), ("neutral", "coat"), ("neutral", "uniform"), ("happy", "coat")]}
    assert len(set(made.values())) == 5 and len(list((cache / "made").glob("*.pix"))) == 5
    decodes.clear()
    assert {key: _pixels(_made(story, assets, "hero", *key)) for key in made} == made and decodes == []


@pytest.mark.parametrize("damage", ["truncated", "header", "empty", "huge", "folder"])
def test_a_damaged_kept_portrait_is_set_aside_and_made_again(stage, damage):
    story, assets, cache, decodes = stage
    first = _pixels(_made(story, assets, "hero", "neutral", "coat"))
    [kept] = (cache / "made").glob("*.pix")
    data = kept.read_bytes()
    if damage == "truncated":
        kept.write_bytes(data[:-100])
    elif damage == "header":
        kept.write_bytes(b"XXXX" + data[4:])
    elif damage == "empty":
        kept.write_bytes(b"")
    elif damage == "huge":  # a header claiming a picture far larger than the file
        kept.write_bytes(decoded.MADE_HEADER.pack(b"C7M1", 4096, 4096, 0, 0, 0, 0) + data[decoded.MADE_HEADER.size:])
    else:
        kept.unlink()
        kept.mkdir()
    decodes.clear()
    assert _pixels(_made(story, assets, "hero", "neutral", "coat")) == first
    assert decodes  # made again, not read from the damaged file
    assert any(cache.rglob("damaged/*"))
    decodes.clear()
    assert _pixels(_made(story, assets, "hero", "neutral", "coat")) == first and decodes == []  # kept again


@pytest.mark.parametrize("layer", ["hero_neutral", "hero_outfit_coat"])
def test_an_edit_of_either_layer_makes_the_portrait_anew(stage, layer):
    story, assets, cache, decodes = stage
    before = _pixels(_made(story, assets, "hero", "neutral", "coat"))
    path = assets / "images" / "characters" / f"{layer}.png"
    times = path.stat()
    edited = pygame.image.load(str(path))
    edited.fill((255, 0, 255, 255), (200, 300, 20, 20))
    pygame.image.save(edited, str(path))
    os.utime(path, ns=(times.st_atime_ns, times.st_mtime_ns))  # the modification time put back
    decodes.clear()
    after = _pixels(_made(story, assets, "hero", "neutral", "coat"))
    assert decodes and after != before


def test_without_a_kept_folder_a_portrait_is_made_each_time_and_nothing_is_written(stage, tmp_path):
    story, assets, cache, decodes = stage
    decoded.keep_in(None)
    first = _pixels(_made(story, assets, "hero", "happy", ""))
    decodes.clear()
    assert _pixels(_made(story, assets, "hero", "happy", "")) == first and decodes == ["hero_happy.png"]
    assert not (cache / "made").exists()
