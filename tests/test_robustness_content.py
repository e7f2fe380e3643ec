"""Issue 14, content: `check_content` never raises whatever the bytes, every message is one line at the
real file:line:col, and every bound (whole numbers, ids, paths, file names, audio files, nodes) is in the
format and reported where it is broken. Also the command line's own failures. Fast; no wall-clock checks.
"""
from __future__ import annotations

import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from game.content import loader, yamlsource
from game.content.loader import check_content, load_story

ROOT = Path(__file__).resolve().parent.parent
SCENE = "id: third\ntitle: Third\nchapter: 1\ndate: '1997'\nbackground: room\nbeats:\n  - narrate: Hi.\n"


def problems_of(root: Path) -> list:
    return check_content(root, root.parent / "assets").problems.items


def drop(root: Path, text: str | bytes, name: str = "03_third.yaml") -> Path:
    path = root / "story" / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def located(root: Path, name: str = "03_third.yaml") -> list[tuple[int, int, str]]:
    return [(p.mark.line, p.mark.col, p.message) for p in problems_of(root) if p.mark.file.endswith(name)]


def assert_one_line(items) -> None:
    for p in items:
        assert "\n" not in p.message and "\r" not in p.message and "\n" not in p.hint and "\n" not in p.mark.file, p


# --- whole numbers --------------------------------------------------------------------------------

HUGE_HEX = "0x" + "F" * 5000


@pytest.mark.parametrize("text, line", [
    (SCENE.replace("chapter: 1", f"chapter: {HUGE_HEX}"), 3),
    (SCENE.replace("title: Third", f"title: {HUGE_HEX}"), 2),
    (SCENE + f"  - set: {{trust: {HUGE_HEX}}}\n", 8),
    (SCENE + f"  - add: {{trust: -{'9' * 5000}}}\n", 8),
    (SCENE + f"  - if: {{counter: trust, gte: {HUGE_HEX}}}\n    then: [narrate: x]\n", 8),
], ids=["chapter", "title", "set", "add", "comparison"])
def test_huge_whole_numbers_are_reported_where_they_are_written(story_root, text, line):
    drop(story_root, text)
    found = located(story_root)
    assert found and found[0][0] == line and "too large" in found[0][2], found
    assert len(found[0][2]) < 120


@pytest.mark.parametrize("text, message", [
    (SCENE.replace("chapter: 1", "chapter: 1000"), "at most 999"),
    (SCENE + "  - set: {trust: 1000000001}\n", "at most 1000000000"),
    (SCENE + "  - add: {trust: -1000000001}\n", "at least -1000000000"),
    (SCENE + "  - if: {visits: first, gte: 1000000000000}\n    then: [narrate: x]\n", "at most 1000000000"),
    (SCENE.replace("id: third", "id: " + "a" * 65), "at most 64 are allowed"),
], ids=["chapter", "set", "add", "visits", "id"])
def test_bounds_are_in_the_format(story_root, text, message):
    drop(story_root, text)
    found = located(story_root)
    assert any(message in m for _, _, m in found), found


def test_lint_on_a_huge_visits_bound_finishes_at_once(story_root):
    """It used to try every number of visits up to the bound: 10**9 of them here."""
    from game.authoring.lint import lint
    drop(story_root, SCENE + "  - if: {visits: first, gte: 999999999}\n    then: [narrate: x]\n"
         "  - if: {all: [{visits: first, gt: 5}, {visits: first, lt: 7}]}\n    then: [narrate: y]\n")
    found = lint(story_root, story_root.parent / "assets")
    assert not [p for p in found if p.severity == "error"], found


def test_the_visits_shortcut_agrees_with_trying_every_value():
    from game.authoring.conditions import _compare_over
    for cond in ({"gte": 3}, {"gt": 2, "lt": 4}, {"eq": 5}, {"ne": 0}, {"lt": 0}, {"gt": 8}, {"gte": 1, "lte": 1},
                 {"gt": 3, "lt": 4}, {"eq": 2, "ne": 2}):
        for top in range(0, 9):
            values = range(0, top)
            every = {__import__("game.runtime.conditions", fromlist=["compare"]).compare(v, cond) for v in values}
            assert _compare_over(values, cond) == (True in every, False in every), (cond, top)


# --- tags, paths, names, audio ------------------------------------------------------------------

@pytest.mark.parametrize("tagged", ["!!bool maybe", "!!int x", "!!float y", "!!int ''", "!!bool 2"])
def test_safe_tags_on_wrong_values_are_located(story_root, tagged):
    drop(story_root, SCENE.replace("title: Third", f"title: {tagged}"))
    found = located(story_root)
    assert found and found[0][:2] == (2, 8) and "cannot read" in found[0][2], found


@pytest.mark.parametrize("image, message", [
    ("backgrounds/" + "a" * 5000 + ".png", "at most 255 are allowed"),
    ("backgrounds/room\\0.png", "control character U+0000"),
    ("backgrounds/" + "a/" * 120 + "x.png", "at most 255 are allowed"),
    ("backgrounds/" + "b" * 240, "missing background image"),
], ids=["5000-chars", "nul", "deep-path", "long-name"])
def test_odd_asset_paths_are_located_errors(story_root, image, message):
    (story_root / "locations.yaml").write_text(f'locations:\n  - {{id: room, name: Room, image: "{image}"}}\n')
    found = [p for p in problems_of(story_root) if p.mark.file.endswith("locations.yaml")]
    assert found and found[0].mark.line == 2 and message in found[0].message, found
    assert_one_line(found)


def test_a_scene_file_name_with_invalid_utf8_is_reported_and_skipped(story_root):
    name = os.fsdecode(b"03_bad\xff\xfe.yaml")
    drop(story_root, SCENE, name)
    content = check_content(story_root, story_root.parent / "assets")
    assert content.story is not None and "third" not in content.story.scenes
    warnings = [p for p in content.problems.warnings if p.code == "file-name"]
    assert len(warnings) == 1 and str(warnings[0]).encode("utf-8")
    out = subprocess.run([sys.executable, "-m", "game", "validate", str(story_root)], capture_output=True,
                         cwd=ROOT, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert out.returncode == 0 and b"file name is not valid UTF-8" in out.stdout, out


def _silent_wav(path: Path, frames: int = 100) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(22050)
        w.writeframes(b"\0\0" * frames)


@pytest.mark.parametrize("content", [b"", b"RIFF\0\0\0\0WAVEjunk", b"OggS" + b"\0" * 100, b"not audio at all",
                                     "no-frames"], ids=["empty", "riff-junk", "ogg-junk", "text", "no-frames"])
@pytest.mark.parametrize("ext", [".wav", ".ogg"])
def test_broken_audio_is_reported_by_validate_and_never_crashes_play(story_root, tmp_path, content, ext):
    music = tmp_path / "assets" / "audio" / "music"
    (music / "calm.wav").unlink()
    target = music / f"calm{ext}"
    _silent_wav(target, 0) if content == "no-frames" else target.write_bytes(content)
    found = [p for p in problems_of(story_root) if p.code == "bad-asset"]
    assert found and found[0].mark.file.endswith("01_first.yaml") and "calm" in found[0].message, found
    from game.screens.audio import Audio
    audio = Audio(tmp_path / "assets" / "audio")
    audio.play_music("calm")
    sfx = tmp_path / "assets" / "audio" / "sfx" / "ding.wav"
    sfx.write_bytes(b"RIFF junk")
    audio.play_sound("ding")
    audio.play_sound("ding")
    assert audio.enabled is False or audio.problems  # the broken files are noted, and play goes on


def test_good_audio_passes(story_root):
    assert not [p for p in problems_of(story_root) if p.code == "bad-asset"]


# --- big, flat, odd bytes -------------------------------------------------------------------------

def test_a_flat_file_over_the_node_limit_is_not_called_an_alias_bomb(story_root, monkeypatch):
    monkeypatch.setattr(yamlsource, "MAX_NODES", 1_000)

    def no_python_prescan(text):
        raise AssertionError("the pure-Python pre-scan ran on a flat file")
    if yamlsource._BaseLoader is not yamlsource.yaml.SafeLoader:
        monkeypatch.setattr(yamlsource, "_too_deep", no_python_prescan)
    drop(story_root, SCENE + "".join(f"  - narrate: line {i}\n" for i in range(1_000)) + "  - [" + "x, " * 3000 + "]\n")
    found = located(story_root)
    assert found and "more than 1000 values" in found[0][2] and "alias" not in found[0][2], found
    assert found[0][0] > 8  # where the limit was passed, not 1:1


@pytest.mark.parametrize("raw, where, message", [
    (b"id: third\ntitle: a\x00b\n", (2, 9), "U+0000"),
    (b"id: third\ntitle: ok\n  \x07\n", (3, 3), "U+0007"),
    (b"id: third\n\x1b[31mtitle: red\n", (2, 1), "U+001B"),
    ("id: third\ntitle: x\n".encode("utf-16-le"), (1, 2), "UTF-16"),
    ("id: third\ntitle: x\n".encode("utf-16-be"), (1, 1), "UTF-16"),
], ids=["nul", "bell", "escape", "utf16-le", "utf16-be"])
def test_control_bytes_and_utf16_without_bom_are_reported_where_they_are(story_root, raw, where, message):
    drop(story_root, raw)
    found = located(story_root)
    assert len(found) == 1 and found[0][:2] == where and message in found[0][2], found


@pytest.mark.parametrize("text", [
    'id: third\ntitle: Third\nchapter: 1\ndate: "1997"\nbackground: "room\\nnext"\nbeats: [narrate: x]\n',
    'id: "third\\nfourth"\ntitle: T\nchapter: 1\ndate: "1997"\nbackground: room\nbeats: [narrate: x]\n',
    SCENE + '  - "say\\nthis": x\n',
    SCENE + '  - goto: "first\\r\\nsecond"\n',
    SCENE.replace("title: Third", 'title: !!int "1\\n2"'),
    SCENE.replace("date: '1997'", 'date: "19\\n97"\n"a\\nb": 1\n"a\\nb": 2'),
])
def test_every_message_is_one_line(story_root, text):
    drop(story_root, text)
    items = problems_of(story_root)
    assert items
    assert_one_line(items)


def test_check_content_turns_its_own_bugs_into_a_problem(story_root, monkeypatch):
    def broken(*args):
        raise KeyError("a bug in a check")
    monkeypatch.setattr(loader, "_cross_check", broken)
    found = problems_of(story_root)
    assert [p.code for p in found] == ["internal"] and "KeyError" in found[0].message


def test_comment_only_edits_keep_the_fingerprint(story_root):
    before = load_story(story_root)
    path = story_root / "story" / "01_first.yaml"
    path.write_text("# a comment added\n" + path.read_text().replace("\n", "  \n", 3) + "\n\n# and another\n")
    (story_root / "characters.yaml").write_text("# note\n" + (story_root / "characters.yaml").read_text())
    after = load_story(story_root)
    assert after.fingerprint == before.fingerprint and after.scene_fingerprints == before.scene_fingerprints
    path.write_text(path.read_text().replace("It begins.", "It begins again."))
    assert load_story(story_root).fingerprint != before.fingerprint


# --- the command line ----------------------------------------------------------------------------

def test_new_scene_with_a_300_character_id_is_a_clear_error(story_root):
    out = subprocess.run([sys.executable, "-m", "game", "new", "scene", "a" * 300, "--scenes", str(story_root)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 1 and "at most 64" in out.stderr and "Traceback" not in out.stderr, out.stderr


@pytest.mark.parametrize("command", [["schema", "scene"], ["validate"], ["lint", "--format", "json"]])
def test_a_closed_pipe_ends_a_command_quietly(story_root, command):
    if command[0] != "schema":
        command = [*command, str(story_root)]
    proc = subprocess.Popen([sys.executable, "-m", "game", *command], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.close()  # like `| head` after its lines: the reader is gone before the output is written
    err = proc.stderr.read()
    proc.wait()
    assert b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()[-2000:]


@pytest.mark.parametrize("special", ["fifo", "folder", "device", "loop"])
def test_special_files_among_the_scenes_are_skipped_with_a_warning(story_root, special):
    path = story_root / "story" / "03_special.yaml"
    if special == "fifo":
        os.mkfifo(path)
    elif special == "folder":
        path.mkdir()
    elif special == "device":
        path.symlink_to("/dev/zero")
    else:
        path.symlink_to(path)
    content = check_content(story_root, story_root.parent / "assets")
    assert content.story is not None and not content.problems.errors
    assert [p.mark.file for p in content.problems.warnings if "not a regular file" in p.message] == [
        "scenes/story/03_special.yaml"]
