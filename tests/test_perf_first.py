"""Issue 17, a first start on a new data folder: the caches it writes cost no fsync (a cache torn by a power cut
fails its digest and is set aside, see test_perf_cache.py), while saves and settings stay fsynced."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from game import storage
from game.classroom import quiz, reality
from game.content import model, problems
from game.content.cache import ContentCache, classes_of
from game.library import Library, check_library
from game.timeline import model as timeline_model


@pytest.fixture
def fsyncs(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append(fd), real(fd))[1])
    return calls


def test_the_content_cache_is_written_without_fsync_and_read_back(tmp_path, story_root: Path, fsyncs):
    assets = story_root.parent / "assets"
    cache = ContentCache(tmp_path / "cache", [*classes_of(model, problems, timeline_model, quiz, reality), Library])
    library = check_library(story_root, assets)
    assert cache.store(story_root, assets, library)
    assert fsyncs == []
    assert cache.load(story_root, assets) == library and cache.hit
    assert not list(cache.folder.glob("*.tmp"))  # replaced atomically, no temporary left


def test_durable_writes_still_fsync_the_file_and_its_folder(tmp_path, fsyncs):
    storage.atomic_write(tmp_path / "save.json", b"{}")
    assert len(fsyncs) == 2 and (tmp_path / "save.json").read_bytes() == b"{}"
