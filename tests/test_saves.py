"""Saves: round trips anywhere, damaged and future files, crash safety, and surviving story edits."""
from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
from pathlib import Path

import pytest
from conftest import walk_to

from game.content.loader import load_story
from game.runtime import events as ev
from game.runtime.runtime import Options, Runtime
from game.saves import SaveError, SaveStore
from game.storage import atomic_write, data_dir, load_json_or_default


@pytest.mark.parametrize("n", range(1, 14))
def test_save_and_load_anywhere_shows_the_same_moment(story, tmp_path, n):
    rt = walk_to(story, n)
    store = SaveStore(tmp_path)
    store.save("1", rt)
    resumed = store.load("1", story, rt.options)
    assert resumed.exact
    loaded = resumed.runtime
    if rt.current is None:  # just after a choice: the next event is still to come, in both
        assert loaded.snapshot() == rt.snapshot()
        assert loaded.advance() == rt.advance()
    else:
        assert loaded.advance() == rt.current
    assert loaded.snapshot() == rt.snapshot()


def test_slot_info_and_newest(story, tmp_path):
    store = SaveStore(tmp_path)
    assert store.newest() is None
    store.save("3", walk_to(story, 2), thumbnail_png=b"\x89PNG fake")
    info = store.info("3")
    assert info.scene_title == "First" and info.chapter == 1 and info.thumbnail.exists()
    store.save("quick", walk_to(story, 3))
    assert store.newest().slot == "quick"


def test_autosaves_rotate(story, tmp_path):
    store = SaveStore(tmp_path)
    rt = walk_to(story, 2)
    written = [store.autosave(rt).slot for _ in range(4)]
    assert written[:3] == ["auto1", "auto2", "auto3"] and written[3] == "auto1"


@pytest.mark.parametrize("content", [b"{not json", b"", b'{"format": 1}', b"\xff\xfe\x00garbage",
                                     b'{"format": 1, "saved_at": 1, "scene_title": "x", "date": "x", '
                                     b'"chapter": 1, "runtime": {"state": {"scene": "nowhere"}}}'])
def test_damaged_save_is_reported_and_kept_aside(story, tmp_path, content):
    store = SaveStore(tmp_path)
    store.folder.mkdir(parents=True)
    store.path("2").write_bytes(content)
    with pytest.raises(SaveError, match="damaged"):
        store.load("2", story)
    assert not store.path("2").exists()
    kept = list((store.folder / "damaged").iterdir())
    assert len(kept) == 1 and kept[0].read_bytes() == content


def test_damaged_slot_is_listed_as_damaged(tmp_path):
    store = SaveStore(tmp_path)
    store.folder.mkdir(parents=True)
    store.path("4").write_text("{truncated")
    assert store.info("4").damaged.startswith("damaged")


def test_save_from_a_newer_version_is_refused_not_moved(story, tmp_path):
    store = SaveStore(tmp_path)
    store.save("5", walk_to(story, 2))
    record = json.loads(store.path("5").read_text())
    record["format"] = 99
    store.path("5").write_text(json.dumps(record))
    with pytest.raises(SaveError, match="newer version"):
        store.load("5", story)
    assert store.path("5").exists()


def test_data_dir_override_and_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("CELL7_DATA_DIR", str(tmp_path / "env"))
    assert data_dir() == tmp_path / "env"
    assert data_dir(tmp_path / "arg") == tmp_path / "arg"


def test_damaged_settings_file_falls_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{oops")
    data, message = load_json_or_default(path, {"a": 1})
    assert data == {"a": 1} and "moved to" in message and not path.exists()


def _save_forever(path: str, payload_size: int) -> None:
    n = 0
    while True:
        n += 1
        atomic_write(__import__("pathlib").Path(path), json.dumps({"n": n, "pad": "x" * payload_size}).encode())


def test_kill_during_save_leaves_old_or_new_file(tmp_path):
    """Kill a writer at random moments: the file always parses as one complete save."""
    target = tmp_path / "save.json"
    atomic_write(target, json.dumps({"n": 0, "pad": ""}).encode())
    rng = random.Random(7)
    ctx = multiprocessing.get_context("fork")
    for _ in range(20):
        proc = ctx.Process(target=_save_forever, args=(str(target), 200_000))
        proc.start()
        proc.join(rng.uniform(0.005, 0.05))
        os.kill(proc.pid, signal.SIGKILL)
        proc.join()
        record = json.loads(target.read_text())
        assert isinstance(record["n"], int) and len(record["pad"]) in (0, 200_000)


# --- saves survive story edits ------------------------------------------------------------------

def save_at_line(story, text: str, picks: tuple[int, ...] = (0,)) -> dict:
    picks = list(picks)
    rt = Runtime(story, Options(content_notes="play"))
    while True:
        event = rt.advance()
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            rt.choose(picks.pop(0))
        elif isinstance(event, ev.LineEvent) and event.text == text:
            from game.runtime.resume import anchor_of
            return json.loads(json.dumps({**rt.to_dict(), "anchor": anchor_of(rt)}))
        assert not isinstance(event, ev.EndEvent)


def edit(story_root, name: str, old: str, new: str) -> None:
    path = story_root / "story" / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def resume_after(story_root, saved):
    from game.runtime.resume import resume
    return resume(load_story(story_root), saved, Options(content_notes="play"))


def test_unchanged_story_restores_exactly(story_root, story):
    saved = save_at_line(story, "Later.")
    resumed = resume_after(story_root, saved)
    assert resumed.exact and resumed.runtime.advance().text == "Later."


def test_inserted_lines_before_the_save_point_are_skipped_over(story_root, story):
    saved = save_at_line(story, "Later.")
    edit(story_root, "02_second.yaml", '  - narrate: "Later."', '  - narrate: "A new first line."\n'
         '  - narrate: "Another new line."\n  - narrate: "Later."')
    resumed = resume_after(story_root, saved)
    assert resumed.exact and resumed.runtime.current.text == "Later."
    assert resumed.runtime.state.evidence == ["key"] and resumed.runtime.state.vars == {"courage": 1}


def test_flags_come_from_the_edited_story(story_root, story):
    saved = save_at_line(story, "Later.")
    edit(story_root, "01_first.yaml", "        add: {courage: 1}", "        add: {courage: 5}")
    resumed = resume_after(story_root, saved)
    assert resumed.runtime.current.text == "Later." and resumed.runtime.state.vars == {"courage": 5}


def test_reworded_line_resumes_on_its_new_wording(story_root, story):
    saved = save_at_line(story, "Brave.")
    edit(story_root, "02_second.yaml", 'text: "Brave."', 'text: "Very brave indeed."')
    resumed = resume_after(story_root, saved)
    assert not resumed.exact and "was changed" in resumed.message
    assert resumed.runtime.current.text == "Very brave indeed."


def test_line_removed_at_the_end_of_a_scene_resumes_on_the_line_before(story_root, story):
    saved = save_at_line(story, "Brave.")
    edit(story_root, "02_second.yaml", '      - say: hero\n        text: "Brave."\n', '      - set: {x: true}\n')
    resumed = resume_after(story_root, saved)
    assert resumed.runtime.current.text == "Later." and "was changed" in resumed.message


def test_removed_line_resumes_nearby_with_a_message(story_root, story):
    saved = save_at_line(story, "You found it.")
    edit(story_root, "01_first.yaml", '      - say: friend\n        text: "You found it."\n',
         '      - narrate: "Found."\n')
    resumed = resume_after(story_root, saved)
    assert not resumed.exact and resumed.message
    assert resumed.runtime.state.scene == "first" and resumed.runtime.state.evidence == ["key"]


def test_changed_choice_puts_the_player_back_at_it(story_root, story):
    saved = save_at_line(story, "Later.")
    edit(story_root, "01_first.yaml", "id: take", "id: grab")
    resumed = resume_after(story_root, saved)
    assert isinstance(resumed.runtime.current, ev.ChoiceEvent) and "choice changed" in resumed.message


def test_profile_persists_settings_seen_lines_and_chapters(tmp_path):
    from game.profile import Profile
    profile = Profile(tmp_path)
    profile.settings.font_scale = 1.5
    profile.settings.high_contrast = True
    profile.seen.update({"a1", "b2"})
    profile.chapters.add(3)
    assert profile.save_settings() and profile.save_persistent()
    again = Profile(tmp_path)
    assert again.settings.font_scale == 1.5 and again.settings.high_contrast
    assert again.seen == {"a1", "b2"} and again.chapters == {3} and again.messages == []


def test_profile_survives_damaged_files_and_a_read_only_folder(tmp_path):
    from game.profile import Profile
    (tmp_path / "settings.json").write_text('{"font_scale": 9, "text_speed": "fast", "unknown": 1}')
    (tmp_path / "persistent.json").write_text("[[[")
    profile = Profile(tmp_path)
    assert profile.settings.font_scale == 2.0 and profile.settings.text_speed == 45
    assert len(profile.messages) == 1 and "persistent.json" in profile.messages[0]
    if os.geteuid() != 0:  # root can write anywhere, so only check the message path as a normal user
        tmp_path.chmod(0o500)
        assert not profile.save_settings() and "not saved" in profile.messages[-1]
        tmp_path.chmod(0o700)


def test_write_failure_is_reported_not_raised(tmp_path):
    from game.profile import Profile
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    profile = Profile(blocker / "inside")
    assert profile.save_settings() is False
    said = profile.messages[-1]
    assert said.startswith("Could not save ") and "settings.json: Not a directory" in said


def test_temporary_files_left_by_a_killed_write_are_cleared(tmp_path):
    target = tmp_path / "slot.json"
    (tmp_path / ".slot.json.abc123.tmp").write_text("half a save")
    (tmp_path / ".other.json.xyz.tmp").write_text("another file's")
    atomic_write(target, b"{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.json.xyz.tmp", "slot.json"]


def test_a_save_with_a_character_in_an_outfit_loads_exactly(tmp_path):
    """Sprites may carry an outfit (two-layer portraits); saves keep it, and an unknown one is refused."""
    from game.library import load_library
    from game.runtime import events as ev
    from game.runtime.runtime import Runtime
    example = Path(__file__).parent.parent / "examples" / "night_ferry"
    if not (example / "story.yaml").exists():
        pytest.skip("the example story is not in this tree")
    story = load_library(example).story
    rt = Runtime(story)
    for _ in range(500):
        if any("outfit" in sprite for sprite in rt.state.stage.sprites.values()):
            break
        event = rt.advance()
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            rt.choose(event.options[0][0])
        elif isinstance(event, ev.EndEvent):
            break
    dressed = {who: s["outfit"] for who, s in rt.state.stage.sprites.items() if "outfit" in s}
    assert dressed, "the example story puts someone on stage in an outfit"
    if not isinstance(rt.current, ev.WAITS_FOR_CHOICE):
        rt.advance()  # so that the moment saved (the one before the event on screen) has the outfit too
    dressed = {who: s["outfit"] for who, s in rt.state.stage.sprites.items() if "outfit" in s}
    store = SaveStore(tmp_path)
    store.save("1", rt)
    loaded = store.load("1", story).runtime
    loaded.current or loaded.advance()  # the save holds the moment before the event on screen: show it again
    assert {who: s.get("outfit") for who, s in loaded.state.stage.sprites.items() if "outfit" in s} == dressed
    record = json.loads(store.path("1").read_text())
    who = next(iter(dressed))
    record["runtime"]["state"]["stage"]["sprites"][who]["outfit"] = "no_such_outfit"
    store.path("2").write_text(json.dumps(record))
    with pytest.raises(SaveError, match="unknown outfit"):
        store.load("2", story)
