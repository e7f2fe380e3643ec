"""AUDIT's A9 (CLICK): a slot save says "Saved" only once it is written, and failing writes are said once per
cause, naming the file the player knows and why (never a temporary file's name or an error number)."""
from __future__ import annotations

import threading

from game import storage
from game.runtime import events as ev


def _toasts(app) -> list[str]:
    return [text for text, _ in app.toasts]


def _to_a_line(play) -> None:
    while not isinstance(play.event, ev.LineEvent):
        play.next_event()


def test_a_slot_save_says_saved_once_it_is_written_not_before(play):
    app = play.app
    _to_a_line(play)
    gate = threading.Event()
    app.writer.submit("before", gate.wait)  # the writer is busy: the save waits behind it
    play.save("1")
    app.step(1 / 60)
    assert not any("1" in text and "aved" in text for text in _toasts(app))
    gate.set()
    assert app.writer.flush(60)  # a cap against a hang
    app.step(1 / 60)
    assert any("aved" in text and "1" in text for text in _toasts(app))
    assert app.profile.saves.info("1").path.exists()


def test_a_read_only_folder_is_said_once_with_the_file_and_why(play, monkeypatch):
    """Every save and persistent.json fail alike in a read-only data folder: one message for the session, which
    names a real file (not `.1.png.<pid>.<random>.tmp`) and the reason, and says nothing was saved."""
    app = play.app

    def refused(path, data, durable):
        temp = path.parent / f".{path.name}.123.abcdef.tmp"
        raise PermissionError(13, "Permission denied", str(temp))
    monkeypatch.setattr(storage, "_atomic_write", refused)
    _to_a_line(play)
    for slot in ("1", "2", "quick"):
        play.save(slot)
    for _ in range(4):
        play.save("auto")
    app.profile.chapters.add(99)  # persistent.json has something new to write
    app.profile.save_persistent()
    assert app.writer.flush(60)
    app.step(1 / 60)
    failed = [text for text in _toasts(app) if "Permission denied" in text]
    assert len(failed) == 1, _toasts(app)
    assert ".tmp" not in failed[0] and "Errno" not in failed[0]
    assert str(app.profile.saves.folder) in failed[0] or str(app.profile.folder) in failed[0]
    assert not any("aved (" in text for text in _toasts(app))  # no "Saved (slot 1)." for a save never written
