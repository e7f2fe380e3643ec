"""Issue 17: the compiled-content cache gives back exactly what loading the files gives, is invalidated by any
edit of the content (or its assets), and a damaged or foreign cache file is ignored, set aside and rebuilt."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from game.classroom import quiz, reality
from game.content import model, problems
from game.content.cache import Codec, ContentCache, _content_digest, classes_of
from game.library import Library, check_library
from game.timeline import model as timeline_model

CLASSES = [*classes_of(model, problems, timeline_model, quiz, reality), Library]


@pytest.fixture
def content(story_root: Path) -> tuple[Path, Path]:
    return story_root, story_root.parent / "assets"


def _stored(tmp_path: Path, root: Path, assets: Path) -> tuple[ContentCache, Library]:
    cache = ContentCache(tmp_path / "cache", CLASSES)
    library = check_library(root, assets)
    assert cache.load(root, assets) is None and not cache.hit  # nothing stored yet
    assert cache.store(root, assets, library)
    return cache, library


def test_a_stored_library_comes_back_equal_field_for_field(tmp_path, content):
    cache, library = _stored(tmp_path, *content)
    back = cache.load(*content)
    assert cache.hit and back == library and back is not library
    assert back.story.scenes == library.story.scenes and back.problems == library.problems
    scene = next(iter(back.story.scenes.values()))
    assert type(scene.code) is tuple and type(scene.mark) is problems.Mark


def test_the_shipped_library_round_trips_exactly():
    from game import paths
    library = check_library(paths.SCENES)
    codec = Codec(CLASSES)
    back = codec.loads(codec.dumps(library))
    assert back == library
    assert back.timeline == library.timeline and back.quiz == library.quiz and back.reality == library.reality


@pytest.mark.parametrize("edit", ["a comment", "a changed line", "a new scene file", "a removed file",
                                  "a removed picture", "a new sound"])
def test_any_edit_of_the_content_or_its_assets_invalidates_the_cache(tmp_path, content, edit):
    root, assets = content
    cache, _ = _stored(tmp_path, root, assets)
    scene = sorted((root / "story").glob("*.yaml"))[0]
    if edit == "a comment":
        scene.write_text(scene.read_text() + "\n# only a comment\n")
    elif edit == "a changed line":
        scene.write_text(scene.read_text().replace("It begins.", "It starts."))
    elif edit == "a new scene file":
        shutil.copy(scene, root / "story" / "zz_copy.yaml")
    elif edit == "a removed file":
        scene.unlink()
    elif edit == "a removed picture":
        next((assets / "images").rglob("*.png")).unlink()
    else:
        (assets / "audio" / "sfx").mkdir(parents=True, exist_ok=True)
        (assets / "audio" / "sfx" / "new.wav").write_bytes(b"RIFF")
    assert cache.load(root, assets) is None and not cache.hit
    assert not cache.messages and not (cache.folder / "damaged").exists()  # stale is not damaged: replaced
    library = check_library(root, assets)
    cache.store(root, assets, library)
    assert cache.load(root, assets) == library


def _damage(path: Path, how: str) -> None:
    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n")
    if how == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif how == "one byte changed":
        at = len(head) + 1 + len(body) // 2
        path.write_bytes(raw[:at] + bytes([raw[at] ^ 0x20]) + raw[at + 1:])
    elif how == "not JSON":
        path.write_bytes(b"\x80\x04\x95 a pickle, never read")
    elif how == "a save file":
        path.write_text(json.dumps({"format": 1, "game": "cell7", "saved_at": 1}))
    elif how == "a forged payload":  # a matching header and digest over a payload this game never writes
        forged = json.dumps([0, {"evil": True}]).encode()
        header = json.loads(head)
        from game.content.cache import _digest
        header.update(size=len(forged), digest=_digest(forged))
        path.write_bytes(json.dumps(header).encode() + b"\n" + forged)
    elif how == "a folder":
        path.unlink()
        path.mkdir()


@pytest.mark.parametrize("how", ["truncated", "one byte changed", "not JSON", "a save file", "a forged payload",
                                 "a folder"])
def test_a_damaged_or_foreign_cache_is_set_aside_and_the_content_loads_from_its_files(tmp_path, content, how):
    root, assets = content
    cache, library = _stored(tmp_path, root, assets)
    _damage(cache.path(root), how)
    assert cache.load(root, assets) is None and not cache.hit
    assert cache.messages and "could not be used" in cache.messages[0]
    assert len(list((cache.folder / "damaged").iterdir())) == 1  # kept, not deleted or overwritten
    assert cache.store(root, assets, library) and cache.load(root, assets) == library  # rebuilt


def test_the_key_hashes_each_content_file_by_its_name_and_every_byte(tmp_path):
    """The key's content part is fixed: a change in how files are read must not make old caches foreign."""
    (tmp_path / "story").mkdir()
    (tmp_path / "story.yaml").write_bytes(b"id: x\n")
    (tmp_path / "story" / "a.yaml").write_bytes(b"\xff" * 70_000 + b"end")
    expected = hashlib.blake2b(digest_size=20)
    expected.update(b"\0file ./story.yaml\0id: x\n")
    expected.update(b"\0file story/a.yaml\0" + b"\xff" * 70_000 + b"end")
    digest = hashlib.blake2b(digest_size=20)
    _content_digest(tmp_path, digest)
    assert digest.hexdigest() == expected.hexdigest()
