"""Independent review of issue 17: hostile files where the compiled-content cache is kept (game/content/cache.py,
game/library.py). Each is set aside with a message that names the file, or passed over, and the story loads from
its files; nothing blocks, nothing raises, and the next store and load work again."""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable

import pytest

from game.library import load_library

HANG_GUARD_S = 60  # only a hang reaches it: every case returns at once


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _to_dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


def _unblock(path: Path) -> None:
    """A reader blocked on the FIFO at `path` (if any) gets its end of file."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass  # no reader waiting


def _returns(call: Callable[[], object], fifo: Path | None = None) -> object:
    """`call()`, failing (instead of hanging the suite) if it has not returned after HANG_GUARD_S seconds."""
    out: list[object] = []
    worker = threading.Thread(target=lambda: out.append(call()), name="audit-call", daemon=True)
    worker.start()
    worker.join(HANG_GUARD_S)
    if worker.is_alive() and fifo is not None:
        _unblock(fifo)
        worker.join(HANG_GUARD_S)
        pytest.fail(f"blocked reading {fifo.name}")
    assert out, "the call raised or hung (see the thread's traceback above)"
    return out[0]


@pytest.mark.parametrize("make", [_fifo, _to_dev_zero, _loop], ids=["a FIFO", "a link to /dev/zero", "a link loop"])
def test_a_cache_file_that_is_no_file_is_set_aside_without_blocking(story_root, tmp_path, make):
    cache = tmp_path / "cache"
    expected = load_library(story_root, cache=cache)
    (kept,) = cache.glob("content-*.json")
    kept.unlink()
    make(kept)
    messages: list[str] = []
    library = _returns(lambda: load_library(story_root, cache=cache, messages=messages), kept)
    assert library.story == expected.story
    assert len(messages) == 1 and kept.name in messages[0] and "loaded from its files" in messages[0]
    (aside,) = (cache / "damaged").iterdir()
    assert aside.is_symlink() or aside.is_fifo()  # moved as it was, never opened or followed
    assert kept.is_file()  # stored again from the files
    again: list[str] = []
    assert load_library(story_root, cache=cache, messages=again).story == expected.story and not again


def test_a_dangling_link_in_place_of_the_cache_is_an_absent_cache(story_root, tmp_path):
    cache = tmp_path / "cache"
    load_library(story_root, cache=cache)
    (kept,) = cache.glob("content-*.json")
    kept.unlink()
    kept.symlink_to(tmp_path / "nowhere" / "content.json")
    messages: list[str] = []
    assert load_library(story_root, cache=cache, messages=messages).story is not None and not messages
    assert kept.is_file() and not kept.is_symlink()  # the link itself replaced; nothing written where it pointed
    assert not (tmp_path / "nowhere").exists()


def test_a_file_where_the_cache_folder_should_be_is_left_alone(story_root, tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_bytes(b"not a folder")
    messages: list[str] = []
    for _ in range(2):  # nothing can be stored: each start loads from the files
        assert load_library(story_root, cache=blocker, messages=messages).story is not None
    assert blocker.read_bytes() == b"not a folder" and not messages
