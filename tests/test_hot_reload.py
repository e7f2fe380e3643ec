"""Hot reload: an edit is picked up with the same moment and flags; a broken edit keeps the old story."""
from __future__ import annotations

import os

from game.content.loader import load_story
from game.content.watch import ContentWatcher
from game.library import load_library
from game.runtime import events as ev
from game.runtime.reload import reload_story
from game.runtime.runtime import Options, Runtime


def play_to(story, text):
    rt = Runtime(story, Options(content_notes="play"))
    while True:
        event = rt.advance()
        if isinstance(event, ev.WAITS_FOR_CHOICE):
            rt.choose(0)
        elif isinstance(event, ev.LineEvent) and event.text == text:
            return rt


def touch_edit(path, old, new):
    text = path.read_text()
    path.write_text(text.replace(old, new))
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))


def test_watcher_sees_edits_new_and_removed_files(story_root):
    watcher = ContentWatcher(story_root)
    assert watcher.changed() == []
    scene = story_root / "story" / "02_second.yaml"
    touch_edit(scene, "Later.", "Later on.")
    assert watcher.changed() == [scene]
    extra = story_root / "story" / "03_extra.yaml"
    extra.write_text("id: extra\n")
    assert watcher.changed() == [extra]
    extra.unlink()
    assert watcher.changed() == [extra]


def test_watcher_sees_an_edit_that_keeps_the_size_and_puts_the_time_back(story_root):
    """Same size, same modification time (a tool restoring times, a save within the clock's tick): the change time
    still moves; a same-size, same-time file renamed over it has another inode."""
    watcher = ContentWatcher(story_root)
    scene = story_root / "story" / "02_second.yaml"
    before = scene.stat()
    scene.write_text(scene.read_text().replace("Later.", "Later!"))
    os.utime(scene, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (scene.stat().st_size, scene.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert watcher.changed() == [scene]
    before = scene.stat()
    other = scene.with_name("02_second.yaml.new")
    other.write_text(scene.read_text().replace("Later!", "Later?"))
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(other, scene)
    assert watcher.changed() == [scene]


def test_edit_shows_new_text_at_the_same_moment_with_the_same_flags(story_root):
    story = load_story(story_root)
    rt = play_to(story, "Later.")
    touch_edit(story_root / "story" / "02_second.yaml", '"Later."', '"Much later, in the rain."')
    result = reload_story(story_root, None, rt)
    assert result.story is not None and result.problems == []
    again = result.resumed.runtime
    assert again.current.text == "Much later, in the rain."
    assert again.state.evidence == rt.state.evidence and again.state.vars == rt.state.vars


def test_broken_edit_keeps_the_old_story_and_reports_where(story_root, monkeypatch):
    monkeypatch.chdir(story_root.parent)
    story = load_story(story_root)
    rt = play_to(story, "Later.")
    touch_edit(story_root / "story" / "02_second.yaml", "  - narrate:", "  - narate:")
    result = reload_story(story_root, None, rt)
    assert result.story is None and result.resumed is None
    assert str(result.problems[0]).startswith("scenes/story/02_second.yaml:")
    assert "unknown beat 'narate': did you mean 'narrate'?" in str(result.problems[0])
    touch_edit(story_root / "story" / "02_second.yaml", "  - narate:", "  - narrate:")
    assert reload_story(story_root, None, rt).story is not None


def test_running_app_reloads_on_save_and_shows_an_overlay_for_errors(story_root, tmp_path, monkeypatch):
    from game.profile import Profile
    from game.screens.app import App
    from game.screens.play import PlayScreen
    monkeypatch.chdir(story_root.parent)
    app = App(load_library(story_root), Profile(tmp_path / "d"), window=False, dev=True)
    play = PlayScreen(app, start_scene="first")
    app.push(play)
    play.next_event()
    assert play.event.text == "It begins."
    scene = story_root / "story" / "01_first.yaml"
    touch_edit(scene, '"It begins."', '"It begins, again."')
    app.step(0.6)
    assert play.event.text == "It begins, again."
    touch_edit(scene, "  - narrate:", "  - narrrate:")
    app.step(0.6)
    assert app.reload_problems and play.event.text == "It begins, again."
    app.screenshot(tmp_path / "overlay.png")
    touch_edit(scene, "  - narrrate:", "  - narrate:")
    app.step(0.6)
    assert app.reload_problems == []


def test_a_change_the_watcher_thread_noticed_first_is_still_reported_by_changed(story_root):
    """The game's half-second check must not lose an edit the polling thread has just taken (a race
    that left a fixed file's error overlay on screen)."""
    watcher = ContentWatcher(story_root)
    scene = story_root / "story" / "01_first.yaml"
    touch_edit(scene, '"It begins."', '"It begins, again."')
    watcher._notice()  # what the thread does between the game's pending() and changed()
    assert watcher.changed() == [scene]
    assert not watcher.pending() and watcher.changed() == []
