"""Issue 14: every data file the game reads (settings, persistent data, saves, slot infos) is a regular
file, size- and depth-capped, strictly parsed and checked against its own schema; what fails is set
aside with a message and the game goes on. Autosaves never overwrite unread files; two processes can
share a data folder; classroom exports cannot carry formulas or HTML. Fast; no wall-clock checks.
"""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import walk_to

from game.content.loader import load_story
from game.profile import Profile, story_folder
from game.runtime import events as ev
from game.saves import AUTO_SLOTS, SaveError, SaveStore
from game.storage import DamagedFile, StorageError, atomic_write, nesting_depth_exceeds, parse_json, set_aside

ROOT = Path(__file__).resolve().parent.parent
DEEP = b"[" * 100_000 + b"]" * 100_000


def damaged(folder: Path) -> list[Path]:
    return sorted((folder / "damaged").iterdir()) if (folder / "damaged").is_dir() else []


# --- strict JSON ---------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", [DEEP, b'{"a":' * 50_000 + b"1" + b"}" * 50_000, b"[1, NaN]", b"[Infinity]",
                                 b"[-Infinity]", b"[1e400]", b"[" + b"9" * 5000 + b"]", b"\xff\xfe{}", b"[1,",
                                 b"]]]][[[[", b"0x10"])
def test_strict_json_refuses_deep_odd_and_huge_numbers_without_recursion(raw):
    with pytest.raises(ValueError):
        parse_json(raw)


def test_depth_scan_ignores_brackets_inside_text():
    assert not nesting_depth_exceeds(json.dumps({"a": ["[" * 100, {"b": "}}}" * 50}]}).encode(), 4)
    assert nesting_depth_exceeds(b"[[[[[]]]]]", 4) and not nesting_depth_exceeds(b"[[[[]]]]", 4)
    with pytest.raises(DamagedFile, match="brackets do not pair up"):   # plain broken JSON is not "too deep"
        parse_json(b"{broken", "1.json")
    with pytest.raises(DamagedFile, match="nested deeper than 4 levels"):
        parse_json(b"[[[[[]]]]]", "1.json", 4)


# --- start-up never stops --------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["settings.json", "persistent.json"])
@pytest.mark.parametrize("raw", [DEEP, b"null", b'{"seen": 5}', b'{"chapters": 5}', b'{"chapters": [1.5]}',
                                 b'{"seen": [1]}', b'{"illustrations": {}}', b"[]", b'{"seen": ["a"], "x": NaN}',
                                 b'{"text_speed": 1e400}'])
def test_a_damaged_profile_file_is_set_aside_and_the_game_starts(tmp_path, name, raw):
    folder = tmp_path if name == "settings.json" else story_folder(tmp_path, "cell7")  # settings are shared
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(raw)
    profile = Profile(tmp_path)
    assert profile.seen == set() and profile.chapters == set()
    is_damaged = name == "persistent.json" or raw in (DEEP, b"null", b"[]", b'{"seen": ["a"], "x": NaN}',
                                                        b'{"text_speed": 1e400}')
    if is_damaged:
        assert [p.read_bytes() for p in damaged(folder)] == [raw]
        assert len(profile.messages) == 1 and name in profile.messages[0]
    else:  # settings.json: a value of the wrong type falls back to its default
        assert profile.messages == [] and (folder / name).exists()


def test_persistent_file_accepts_seen_illustrations(tmp_path):
    (tmp_path / "persistent.json").write_text('{"seen": ["a"], "chapters": [0, 2], "illustrations": ["cg_ice"]}')
    profile = Profile(tmp_path)
    assert profile.messages == [] and profile.chapters == {0, 2} and profile.seen == {"a"}


@pytest.mark.parametrize("name", ["settings.json", "persistent.json", "saves/1.json"])
def test_special_files_are_never_opened(tmp_path, name):
    """A FIFO would block the title screen forever, a directory would raise: both are set aside."""
    path = (tmp_path if name == "settings.json" else story_folder(tmp_path, "cell7")) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    profile = Profile(tmp_path)
    info = profile.saves.info("1")
    if name.startswith("saves"):
        assert info.damaged and "regular" in info.damaged
        with pytest.raises(SaveError, match="damaged"):
            profile.saves.load("1", None)
    else:
        assert "not a regular file" in profile.messages[0]
    assert not path.exists() and len(damaged(path.parent)) == 1


@pytest.mark.parametrize("odd", ["fifo", "directory", "huge", "dangling"])
def test_a_thumbnail_the_load_screen_could_block_on_is_set_aside(story, tmp_path, odd):
    store = SaveStore(tmp_path)
    store.save("1", walk_to(story, 2))
    thumb = store.path("1").with_suffix(".png")
    if odd == "fifo":
        os.mkfifo(thumb)
    elif odd == "directory":
        thumb.mkdir()
    elif odd == "dangling":
        thumb.symlink_to(tmp_path / "nowhere.png")
    else:
        with open(thumb, "wb") as handle:
            handle.truncate(2**30)
    info = store.info("1")
    assert not info.damaged and not info.thumbnail.exists()
    assert odd == "dangling" or (damaged(store.folder) and store.messages)


def test_a_huge_slot_is_refused_by_its_size_before_it_is_read(tmp_path):
    store = SaveStore(tmp_path)
    store.folder.mkdir(parents=True)
    with open(store.path("2"), "wb") as handle:
        handle.truncate(2**30)  # sparse: 1 GiB that takes no room
    info = store.info("2")
    assert "at most" in info.damaged
    assert store.newest() is None


@pytest.mark.parametrize("value", ["Infinity", "1e400", "NaN", "1e20", '"1"', "-1", "null"])
@pytest.mark.parametrize("field", ["chapter", "saved_at", "format"])
def test_slot_headers_with_odd_numbers_are_listed_as_damaged(story, tmp_path, field, value):
    store = SaveStore(tmp_path)
    store.save("3", walk_to(story, 2))
    text = store.path("3").read_text()
    record = json.loads(text)
    old = json.dumps(record[field])
    store.path("3").write_text(text.replace(f'"{field}": {old}', f'"{field}": {value}', 1))
    info = store.info("3")
    assert info.damaged.startswith("damaged"), (field, value)
    assert store.newest() is None
    with pytest.raises(SaveError, match="damaged"):
        store.load("3", story)


# --- hand-edited saves --------------------------------------------------------------------------

EDITS = {
    "pc as text": ("state", "pc", "0"), "pc null": ("state", "pc", None), "pc fraction": ("state", "pc", 1.5),
    "pc far": ("state", "pc", 10**6), "pc negative": ("state", "pc", -5), "vars text": ("state", "vars", "x"),
    "vars null": ("state", "vars", None), "var text": ("state", "vars", {"a": "text"}),
    "var null": ("state", "vars", {"a": None}), "var fraction": ("state", "vars", {"a": 1.5}),
    "evidence text": ("state", "evidence", "badge"), "evidence number": ("state", "evidence", [1]),
    "evidence unknown": ("state", "evidence", ["no_such_thing"]), "sprites list": ("stage", "sprites", []),
    "sprite text": ("stage", "sprites", {"hero": "happy"}),
    "sprite expression number": ("stage", "sprites", {"hero": {"expression": 1, "at": "left"}}),
    "sprite no place": ("stage", "sprites", {"hero": {"expression": "happy"}}),
    "sprite odd place": ("stage", "sprites", {"hero": {"expression": "happy", "at": "moon"}}),
    "sprite unknown": ("stage", "sprites", {"ghost": {"expression": "happy", "at": "left"}}),
    "background number": ("stage", "background", 5), "stage null": ("state", "stage", None),
    "illustration number": ("stage", "illustration", 5), "illustration unknown": ("stage", "illustration", "cg_nope"),
    "path numbers": ("state", "path", [1, 2]), "path entry types": ("state", "path", [{"scene": 1}]),
    "path text": ("state", "path", "x"), "mode": ("state", "mode", "dance"), "visits": ("state", "visits", {"a": "1"}),
    "steps": ("state", "steps", -1), "entered": ("state", "entered", "yes"), "scene number": ("state", "scene", 5),
    "scene unknown": ("state", "scene", "nowhere"), "unknown key": ("state", "mood", 1),
    "state list": ("runtime", "state", []), "anchor null": ("runtime", "anchor", None),
    "anchor visit text": ("anchor", "visit", "1"), "fingerprint number": ("runtime", "fingerprint", 7),
    "runtime null": ("record", "runtime", None), "game": ("record", "game", "other"),
}


def _edit(record: dict, where: str, key: str, value) -> None:
    target = {"record": record, "runtime": record["runtime"], "state": record["runtime"]["state"],
              "stage": record["runtime"]["state"]["stage"], "anchor": record["runtime"]["anchor"]}[where]
    target[key] = value


@pytest.mark.parametrize("edited_story", [False, True], ids=["same-story", "edited-story"])
@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_hand_edited_saves_are_refused_and_set_aside_never_crash(story, tmp_path, edit, edited_story):
    store = SaveStore(tmp_path)
    store.save("4", walk_to(story, 3))
    record = json.loads(store.path("4").read_text())
    if edited_story:
        record["runtime"]["fingerprint"] = "0" * 16
    _edit(record, *EDITS[edit])
    store.path("4").write_text(json.dumps(record))
    store.info("4")  # listing never raises
    try:
        resumed = store.load("4", story)
    except SaveError as exc:
        assert "damaged" in str(exc) and len(damaged(store.folder)) == 1
        return
    # only edits the replay after a story edit never reads may load; the first steps must then work
    assert edited_story and EDITS[edit][0] in ("state", "stage"), edit
    for _ in range(5):
        event = resumed.runtime.advance()
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            resumed.runtime.choose(event.options[0][0])


def test_a_directory_slot_and_a_read_only_folder_never_crash_a_load(story, tmp_path, monkeypatch):
    store = SaveStore(tmp_path)
    store.path("5").mkdir(parents=True)
    assert "regular" in store.info("5").damaged
    import game.storage as storage

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(storage.os, "replace", refuse)
    with pytest.raises(SaveError, match="could not be moved aside"):
        store.load("5", story)
    store.path("6").write_text("{broken")
    with pytest.raises(SaveError, match="could not be moved aside"):
        store.load("6", story)
    assert set_aside(store.path("6")) is None and store.path("6").exists()


# --- autosave rotation --------------------------------------------------------------------------

def test_autosave_rotation_sets_damaged_files_aside_and_keeps_newer_ones(story, tmp_path):
    store = SaveStore(tmp_path)
    rt = walk_to(story, 2)
    for _ in range(3):
        store.autosave(rt)
    newer = json.loads(store.path("auto1").read_text())
    newer["format"] = 99
    newer["saved_at"] = 1.0  # the "oldest": it must still be kept
    store.path("auto1").write_text(json.dumps(newer))
    newer_bytes = store.path("auto1").read_bytes()
    store.path("auto2").write_text("[" * 10_000)
    written = store.autosave(rt)
    assert written.slot == "auto2" and not written.damaged
    assert [p.read_text() for p in damaged(store.folder)] == ["[" * 10_000]
    assert any("auto2" in m for m in store.messages)
    for _ in range(5):
        assert store.autosave(rt).slot in ("auto2", "auto3")
    assert store.path("auto1").read_bytes() == newer_bytes and store.info("auto1").newer


def test_autosave_with_only_newer_slots_refuses_rather_than_overwrite(story, tmp_path):
    store = SaveStore(tmp_path)
    rt = walk_to(story, 2)
    for slot in AUTO_SLOTS:
        store.save(slot, rt)
        record = json.loads(store.path(slot).read_text())
        record["format"] = 2
        store.path(slot).write_text(json.dumps(record))
    before = {slot: store.path(slot).read_bytes() for slot in AUTO_SLOTS}
    with pytest.raises(StorageError, match="newer version"):
        store.autosave(rt)
    assert before == {slot: store.path(slot).read_bytes() for slot in AUTO_SLOTS}


def test_saving_over_a_damaged_manual_slot_keeps_the_old_file(story, tmp_path):
    store = SaveStore(tmp_path)
    store.folder.mkdir(parents=True)
    store.path("7").write_text('{"half": ')
    store.save("7", walk_to(story, 2))
    assert [p.read_text() for p in damaged(store.folder)] == ['{"half": ']
    assert not store.info("7").damaged


# --- two processes, one data folder ------------------------------------------------------------

def test_temporary_files_of_other_live_processes_are_left_alone(tmp_path):
    target = tmp_path / "slot.json"
    sleeper = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        live = tmp_path / f".slot.json.{sleeper.pid}.abc.tmp"
        live.write_text("in flight in another process")
        dead = tmp_path / ".slot.json.999999999.abc.tmp"
        dead.write_text("left by a killed process")
        mine = tmp_path / f".slot.json.{os.getpid()}.abc.tmp"
        mine.write_text("left by this process")
        old = tmp_path / f".slot.json.{sleeper.pid}.old.tmp"
        old.write_text("an hour old")
        os.utime(old, (0, 0))
        atomic_write(target, b"{}")
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, "slot.json"])
    finally:
        sleeper.communicate(b"")


def test_two_processes_writing_the_same_files_never_fail(tmp_path):
    from scripts import two_processes
    report = two_processes.run(tmp_path, writes=150)
    assert report["failed writes"] == 0 and report["damaged reads"] == 0, report


def test_damaged_data_folder_run_starts_every_variant(tmp_path):
    from scripts import damaged_data
    report = damaged_data.run(tmp_path, load_story(Path(__file__).parent / "fixtures" / "story_ok"), stride=12)
    assert report["crashes"] == [] and report["variants"] >= 150, report


# --- classroom exports ---------------------------------------------------------------------------

def test_exports_neutralise_formulas_and_escape_html(tmp_path):
    from game.classroom.export import export_session
    from game.classroom.session import SessionLog
    clock = iter(range(100))
    log = SessionLog(clock=lambda: float(next(clock)))
    log.scene("s1", '=HYPERLINK("http://x","click")', 1)
    log.choice("s1", 1, "c", 0, "+1+cmd|' /C calc'!A0", "teacher")
    log.prompt("s1", 1, "@SUM(1)<script>alert(1)</script>")
    log.quiz_start("-quiz", ["\tteam", "\rteam"], 1)
    log.quiz_answer("q1", "\tteam", "=1+1", True, 1, quiz="<b>q</b>", answer="-2")
    folder = tmp_path / "out"
    export_session(log, folder)
    for name in ("session.csv", "quiz.csv"):
        with open(folder / name, newline="", encoding="utf-8-sig") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
    summary = (folder / "summary.md").read_text()
    assert "<script>" not in summary and "&lt;script&gt;" in summary and "<b>" not in summary
    with open(folder / "session.csv", newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    scene = next(row for row in rows if row["kind"] == "scene")
    assert scene["what"] == "'=HYPERLINK(\"http://x\",\"click\")"
