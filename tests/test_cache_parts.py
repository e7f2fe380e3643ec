"""Issue 17: a library read from the content cache decodes its timeline, quiz and film-and-reality cards only when
they are first asked for (game/library.py `Kept`), and is then equal to the library checked from the files."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from game import library as library_module
from game import paths
from game.content.cache import Codec, _digest
from game.library import Library, check_library, load_library


@pytest.fixture
def decoded(monkeypatch) -> list[str]:
    """The parts decoded, by name, in order."""
    names: list[str] = []
    real = library_module._part
    monkeypatch.setattr(library_module, "_part", lambda name, *args: (names.append(name), real(name, *args))[1])
    return names


def _cached(data: Path) -> Library:
    load_library(paths.SCENES, cache=data / "cache")  # the first start: checked from the files and kept
    return load_library(paths.SCENES, cache=data / "cache")


def test_a_cached_library_decodes_each_part_once_when_first_asked_for(tmp_path, decoded):
    library = _cached(tmp_path)
    checked = check_library(paths.SCENES)
    assert checked.timeline is not None and checked.quiz is not None and checked.reality is not None
    assert library.story == checked.story and library.cache == tmp_path / "cache" and decoded == []
    assert library.has_timeline and library.shows_timeline and library.has_classroom  # the title's questions
    assert decoded == []
    assert library.timeline == checked.timeline and decoded == ["timeline"]
    assert library.timeline is library.timeline and decoded == ["timeline"]
    assert library == dataclasses.replace(checked, cache=tmp_path / "cache")
    assert sorted(decoded) == ["quiz", "reality", "timeline"]


def test_a_copy_of_a_cached_library_has_every_part(tmp_path):
    library = _cached(tmp_path)
    copy = dataclasses.replace(library, language="ko")
    assert copy.quiz == check_library(paths.SCENES).quiz and copy.language == "ko"
    assert copy.shows_timeline and copy.has_classroom


def test_what_the_title_asks_is_what_the_parts_say(story_root, tmp_path):
    """The fixture story has no timeline, quiz or cards: a cached library says so too, and its parts are None."""
    library = load_library(story_root, cache=tmp_path / "cache")
    cached = load_library(story_root, cache=tmp_path / "cache")
    for one in (library, cached):
        assert not one.has_timeline and not one.shows_timeline and not one.has_classroom
        assert one.timeline is None and one.quiz is None and one.reality is None
    assert Library.timeline is None and Library(story_root, story_root, None).quiz is None  # defaults as before


def test_a_part_that_no_longer_decodes_is_built_again_from_the_files(tmp_path, monkeypatch, decoded):
    library = _cached(tmp_path)
    monkeypatch.setattr(library_module, "_parts_codec", lambda: Codec([]))  # its classes changed since it was kept
    assert library.quiz == check_library(paths.SCENES).quiz and decoded == ["quiz"]



def test_a_part_of_another_class_is_built_again_from_the_files(tmp_path):
    """A cache file whose timeline text is the quiz's, its digest forged to match, gives the timeline, never a quiz."""
    _cached(tmp_path)
    [file] = (tmp_path / "cache").glob("content-*.json")
    head, _, body = file.read_bytes().partition(b"\n")
    data = json.loads(body)
    [kept] = data.values()  # the Kept record: [library, scenes, parts, facts]
    kept[2]["timeline"] = kept[2]["quiz"]
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = {**json.loads(head), "size": len(body), "digest": _digest(body)}
    file.write_bytes(json.dumps(header).encode() + b"\n" + body)
    library = load_library(paths.SCENES, cache=tmp_path / "cache")
    assert library.timeline == check_library(paths.SCENES).timeline


def test_a_cached_story_decodes_each_scene_once_when_first_asked_for(tmp_path, monkeypatch):
    scenes: list[str] = []
    real = library_module._scene
    monkeypatch.setattr(library_module, "_scene", lambda scene_id, *args: (scenes.append(scene_id),
                                                                          real(scene_id, *args))[1])
    story = _cached(tmp_path).story
    checked = check_library(paths.SCENES).story
    assert list(story.scenes) == list(checked.scenes) and len(story.scenes) == len(checked.scenes)
    assert story.start in story.scenes and "no such scene" not in story.scenes and scenes == []
    assert story.scenes[story.start] == checked.scenes[story.start] and scenes == [story.start]
    assert story.scenes[story.start] is story.scenes.get(story.start) and scenes == [story.start]
    with pytest.raises(KeyError):
        story.scenes["no such scene"]
    assert story == checked and story.scenes == checked.scenes and checked.scenes == story.scenes
    assert sorted(scenes) == sorted(checked.scenes)  # each once


@pytest.mark.parametrize("damage", ["another scene", "no scene"])
def test_a_scene_that_is_not_its_own_is_built_again_from_the_files(tmp_path, damage):
    """A cache file whose digest was forged to match: a scene's text that is another scene's, or no scene."""
    story = _cached(tmp_path).story
    first, second = list(story.scenes)[:2]
    [file] = (tmp_path / "cache").glob("content-*.json")
    head, _, body = file.read_bytes().partition(b"\n")
    data = json.loads(body)
    [kept] = data.values()  # the Kept record: [library, scenes, parts, facts]
    kept[1][first] = kept[1][second] if damage == "another scene" else json.dumps({"@x": 1})
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = {**json.loads(head), "size": len(body), "digest": _digest(body)}
    file.write_bytes(json.dumps(header).encode() + b"\n" + body)
    cached = load_library(paths.SCENES, cache=tmp_path / "cache")
    assert cached.story.scenes[first] == check_library(paths.SCENES).story.scenes[first]


def _forged(data: Path, change) -> Path:
    """The cache file of `data`, its Kept record ([library, scenes, parts, facts]) changed by `change` and its
    digest made anew to match."""
    [file] = (data / "cache").glob("content-*.json")
    head, _, body = file.read_bytes().partition(b"\n")
    parsed = json.loads(body)
    [kept] = parsed.values()
    change(kept)
    body = json.dumps(parsed, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    file.write_bytes(json.dumps({**json.loads(head), "size": len(body), "digest": _digest(body)}).encode() + b"\n"
                     + body)
    return file


@pytest.mark.parametrize("left_out", ["the start", "another"])
def test_a_cache_with_a_scene_left_out_is_set_aside_and_the_files_read(tmp_path, left_out):
    """AUDIT's A8: a scene left out of a forged cache (its digest made anew) failed only when play reached it, at
    every start, since the cache had 'loaded'."""
    story = _cached(tmp_path).story
    gone = story.start if left_out == "the start" else list(story.scenes)[-1]
    file = _forged(tmp_path, lambda kept: kept[1].pop(gone))
    messages: list[str] = []
    cached = load_library(paths.SCENES, cache=tmp_path / "cache", messages=messages)
    assert gone in cached.story.scenes and cached.story == check_library(paths.SCENES).story
    assert len(messages) == 1 and file.name in messages[0]  # said once, and set aside
    assert [p.name.endswith(file.name) for p in (tmp_path / "cache" / "damaged").iterdir()] == [True]
    again: list[str] = []  # stored anew from the files, and whole
    assert gone in load_library(paths.SCENES, cache=tmp_path / "cache", messages=again).story.scenes and again == []


def test_scenes_that_do_not_decode_are_built_again_from_the_files_once(tmp_path, monkeypatch):
    """Every kept scene text garbage: the files are checked once for all of them, not once a scene."""
    _cached(tmp_path)
    _forged(tmp_path, lambda kept: kept[1].update(dict.fromkeys(kept[1], "[]")))
    checks: list[Path] = []
    real = library_module.check_library
    monkeypatch.setattr(library_module, "check_library", lambda root, *args: (checks.append(root),
                                                                              real(root, *args))[1])
    story = load_library(paths.SCENES, cache=tmp_path / "cache").story
    assert dict(story.scenes) == check_library(paths.SCENES).story.scenes
    assert len(checks) == 1
