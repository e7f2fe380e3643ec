"""Issue 17: saving runs off the frame (a background writer, latest state wins) and the autosave slot is
picked without reading the three autosave files again at every save."""
from __future__ import annotations

import json
import threading

from conftest import walk_to

from game import saves as saves_module
from game.saves import AUTO_SLOTS, SaveStore
from game.storage import BackgroundWriter, StorageError, write_json


def test_the_latest_job_of_a_key_wins_and_waits_its_turn(tmp_path):
    writer = BackgroundWriter()
    gate, ran = threading.Event(), []
    writer.submit("first", lambda: (gate.wait(10), ran.append("first")))
    for n in range(5):  # queued while "first" runs: only the last of them is written
        writer.submit("slot", lambda n=n: ran.append(f"slot {n}"))
    writer.submit("other", lambda: ran.append("other"))
    writer.submit("slot", lambda: ran.append("slot last"))  # replaces slot 4 where it stands, before "other"
    gate.set()
    assert writer.flush(10) and writer.idle
    assert ran == ["first", "slot last", "other"]


def test_a_failing_job_becomes_a_message_and_later_jobs_still_run(tmp_path):
    writer = BackgroundWriter()

    def full() -> None:
        raise StorageError("could not write x.json: No space left on device")
    writer.submit("a", full)
    writer.submit("b", lambda: write_json(tmp_path / "b.json", {"ok": 1}))
    assert writer.flush(10)
    assert writer.errors == ["could not write x.json: No space left on device"]  # the app says it in a sentence
    assert json.loads((tmp_path / "b.json").read_text()) == {"ok": 1}


def test_background_saves_land_and_encode_the_thumbnail_on_the_writer_thread(story, tmp_path):
    store = SaveStore(tmp_path, writer=BackgroundWriter())
    threads = []

    def thumbnail() -> bytes:
        threads.append(threading.current_thread().name)
        return b"\x89PNG picture"
    info = store.save("2", walk_to(story, 2), thumbnail)
    assert store.autosave(walk_to(story, 3)) is None  # picked on the writer thread
    assert store.info("2").scene_title == info.scene_title  # info() waits for the write
    assert threads == ["cell7-writer"]
    assert store.path("2").with_suffix(".png").read_bytes() == b"\x89PNG picture"
    assert store.newest().slot == "auto1"


def test_autosave_picks_its_slot_without_reading_the_autosaves_again(story, tmp_path, monkeypatch):
    store = SaveStore(tmp_path)
    rt = walk_to(story, 2)
    store.autosave(rt)
    reads = []
    real = saves_module.read_regular
    monkeypatch.setattr(saves_module, "read_regular", lambda path, *a: (reads.append(path.name), real(path, *a))[1])
    written = [store.autosave(rt).slot for _ in range(5)]
    assert written == ["auto2", "auto3", "auto1", "auto2", "auto3"]
    assert reads == []  # a stat of each file showed nothing changed since this store wrote it
    store.path("auto1").write_text("{damaged")  # changed behind the store's back: read again, set aside
    assert store.autosave(rt).slot == "auto1" and reads == ["auto1.json"]
    assert any("auto1" in message for message in store.messages)
    assert sorted(p.name for p in (store.folder / "damaged").iterdir())[0].endswith("auto1.json")
    assert {store.info(slot).damaged for slot in AUTO_SLOTS} == {""}


def test_a_failed_background_save_is_told_in_the_player_s_language(tmp_path):
    from game import paths, words
    from game.library import load_library
    from game.profile import Profile
    from game.screens.app import App
    app = App(load_library(paths.SCENES), Profile(tmp_path / "data"), window=False)
    words.set_language("ko")
    app.writer.errors.append("could not write x.json: No space left on device")
    app.step(1 / 60)
    assert [text for text, _ in app.toasts] == ["저장하지 못했어요: could not write x.json: No space left on device"]
