"""Issue 17: the content cache's stamp (game/content/cache.py). A cached start reads no content file when every file
has the size, inode and modification and change times the stamp recorded; anything else is checked from the bytes,
so an edit that keeps a file's size and modification time is still never served from a stale cache."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.classroom import quiz, reality
from game.content import cache as cache_module
from game.content import model, problems
from game.content.cache import ContentCache, classes_of
from game.library import Library, check_library
from game.timeline import model as timeline_model

CLASSES = [*classes_of(model, problems, timeline_model, quiz, reality), Library]


@pytest.fixture
def settled(monkeypatch) -> None:
    """Every content file counts as settled however recently it was written (the fixture copies them just now)."""
    monkeypatch.setattr(cache_module, "SETTLED_NS", 0)
    monkeypatch.setattr(cache_module, "STAMPS", True)


@pytest.fixture
def reads(monkeypatch) -> list[Path]:
    """The content folders whose bytes were hashed (the key worked out from every byte)."""
    hashed: list[Path] = []
    real = cache_module._content_digest
    monkeypatch.setattr(cache_module, "_content_digest", lambda root, digest: (hashed.append(root), real(root, digest)))
    return hashed


def _stored(tmp_path: Path, root: Path) -> tuple[ContentCache, Library]:
    assets = root.parent / "assets"
    cache = ContentCache(tmp_path / "cache", CLASSES)
    assert cache.load(root, assets) is None  # nothing stored: the key is worked out before the files are read
    library = check_library(root, assets)
    assert cache.store(root, assets, library)
    return cache, library


def _header(cache: ContentCache, root: Path) -> dict:
    return json.loads(cache.path(root).read_bytes().partition(b"\n")[0])


def _same_size_same_times(path: Path, old: bytes, new: bytes) -> None:
    """Write `new` over `old` (same length) and set the modification time back, as a careful tool would."""
    assert len(old) == len(new) and old != new
    info = path.stat()
    path.write_bytes(new)
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (info.st_size, info.st_mtime_ns)


def test_a_settled_folder_loads_from_its_stamp_without_reading_the_content(tmp_path, story_root, settled, reads):
    cache, library = _stored(tmp_path, story_root)
    assert "stamp" in _header(cache, story_root)
    reads.clear()
    assert cache.load(story_root, story_root.parent / "assets") == library and cache.hit
    assert reads == []


def test_an_edit_keeping_size_and_modification_time_is_never_served_stale(tmp_path, story_root, settled, reads):
    cache, _ = _stored(tmp_path, story_root)
    scene = sorted((story_root / "story").glob("*.yaml"))[0]
    old = scene.read_bytes()
    _same_size_same_times(scene, old, old.replace(b"It begins.", b"It starts."))
    reads.clear()
    assert cache.load(story_root, story_root.parent / "assets") is None and not cache.hit
    assert reads == [story_root]  # the stamp differed (the change time moved): the bytes were checked
    assert not cache.messages  # stale, not damaged


def test_files_touched_but_unchanged_are_checked_once_then_stamped_anew(tmp_path, story_root, settled, reads):
    cache, library = _stored(tmp_path, story_root)
    first = _header(cache, story_root)["stamp"]
    scene = sorted((story_root / "story").glob("*.yaml"))[0]
    scene.write_bytes(scene.read_bytes())  # the same bytes written again (an editor saving with no change)
    assets = story_root.parent / "assets"
    reads.clear()
    assert cache.load(story_root, assets) == library and reads == [story_root]
    assert _header(cache, story_root)["stamp"] != first
    reads.clear()
    assert cache.load(story_root, assets) == library and reads == []


def test_files_changed_after_they_were_read_are_never_served_stale(tmp_path, story_root, settled):
    """The key and stamp are taken before the files are read: a library stored after its files were edited is
    stored under what the files were when it was read, so the next start checks them again."""
    assets = story_root.parent / "assets"
    cache = ContentCache(tmp_path / "cache", CLASSES)
    assert cache.load(story_root, assets) is None
    built = check_library(story_root, assets)
    scene = sorted((story_root / "story").glob("*.yaml"))[0]
    old = scene.read_bytes()
    _same_size_same_times(scene, old, old.replace(b"It begins.", b"It starts."))  # edited before the store
    assert cache.store(story_root, assets, built)
    assert cache.load(story_root, assets) is None  # neither the stamp nor the key is the edited files'
    assert cache.store(story_root, assets, check_library(story_root, assets))
    assert cache.load(story_root, assets) == check_library(story_root, assets)


def test_no_stamp_for_files_changed_in_the_last_moments_nor_where_change_times_are_not_kept(
        tmp_path, story_root, monkeypatch, reads):
    monkeypatch.setattr(cache_module, "SETTLED_NS", 10**18)  # every file changed "just now"
    cache, library = _stored(tmp_path, story_root)
    assert "stamp" not in _header(cache, story_root)
    reads.clear()
    assert cache.load(story_root, story_root.parent / "assets") == library and reads == [story_root]
    monkeypatch.setattr(cache_module, "SETTLED_NS", 0)
    monkeypatch.setattr(cache_module, "STAMPS", False)  # Windows: st_ctime is when the file was made
    cache, library = _stored(tmp_path / "windows", story_root)
    assert "stamp" not in _header(cache, story_root)


def test_a_stamp_that_is_not_text_is_damage(tmp_path, story_root, settled):
    cache, _ = _stored(tmp_path, story_root)
    path = cache.path(story_root)
    head, _, body = path.read_bytes().partition(b"\n")
    path.write_bytes(json.dumps({**json.loads(head), "stamp": 7}).encode() + b"\n" + body)
    assert cache.load(story_root, story_root.parent / "assets") is None
    assert cache.messages and len(list((cache.folder / "damaged").iterdir())) == 1


@pytest.mark.parametrize("folder", [".drafts", "assets", "__pycache__"])
def test_a_scene_in_a_folder_skipped_at_the_top_is_content_deeper_down(tmp_path, story_root, settled, folder):
    """The loader reads story/**/*.yaml: a scene in story/.drafts/ (or story/assets/) is content, so an edit to it
    is never served from the cache; only the content folder's own assets, caches and hidden folders are left out."""
    scene = sorted((story_root / "story").glob("*.yaml"))[0]
    moved = story_root / "story" / folder / scene.name
    moved.parent.mkdir()
    scene.rename(moved)
    cache, _ = _stored(tmp_path, story_root)
    moved.write_bytes(moved.read_bytes().replace(b"It begins.", b"It starts, edited."))
    assets = story_root.parent / "assets"
    assert cache.load(story_root, assets) is None
    assert cache.store(story_root, assets, check_library(story_root, assets))
    assert cache.load(story_root, assets) == check_library(story_root, assets)
    (story_root / ".git").mkdir()  # the content folder's own hidden folders stay out of the key
    (story_root / ".git" / "index").write_bytes(b"anything")
    assert cache.load(story_root, assets) is not None and cache.hit
