"""Hostile and broken input: fuzzed content, YAML bombs, escapes from assets/, killed saves, full and
read-only disks, no audio device, no display, tiny windows, and a soak. Fast; no wall-clock checks.

The long versions are scripts: scripts/fuzz_loader.py, scripts/kill_saves.py, scripts/soak.py.
"""
from __future__ import annotations

import errno
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synth import write_story  # noqa: E402
from game.content.loader import check_content, load_story  # noqa: E402
from game.library import load_library  # noqa: E402
from scripts import fuzz_loader, kill_saves, soak  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


def errors_of(root: Path, assets: Path | None = None) -> list[str]:
    return [p.message for p in check_content(root, assets).problems.errors]


def drop(story_root: Path, text: str | bytes, name: str = "03_hostile.yaml") -> Path:
    path = story_root / "story" / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


# --- fuzzed content ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def harness(tmp_path_factory):
    return fuzz_loader.Harness(tmp_path_factory.mktemp("fuzz"))


@settings(max_examples=160, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False))
def test_fuzzed_scene_files_give_located_problems_or_load(harness, rng):
    outcome = harness.run(fuzz_loader.fuzz_case(rng))
    assert outcome in ("problems", "loads", "loads (story stops with a runtime message)")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False))
def test_odd_names_special_files_asset_paths_and_data_folders(harness, rng):
    """Issue 14's kinds: odd file names, FIFOs and links in story/, odd asset paths, damaged data folders."""
    outcome = harness.run_odd(*fuzz_loader.odd_case(rng))
    assert outcome.split(": ")[-1] in ("problems", "loads", "loads (story stops with a runtime message)", "started")


@settings(max_examples=40, deadline=None)
@given(raw=st.one_of(st.binary(max_size=2000), st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_arbitrary_bytes_give_located_problems_or_load(harness, raw):
    harness.run(raw)


@pytest.mark.parametrize("raw, message", [
    (b"\xef\xbb\xbfid: x\n", None),  # a BOM is fine (the file then fails the schema)
    ("id: x\r\ntitle: t\r\n".encode("utf-16"), None),
    (b"id: x\n\xff\xfe bad utf-8", "file is not valid UTF-8 text"),
    (b"\x00\x01\x02", None),
    (b"", "file is empty"),
    (b"# only a comment\n", "file is empty"),
    (b"---\na: 1\n---\nb: 2\n", "not valid YAML"),
    (b"id: '\\ud800'\n", None),
], ids=["bom", "utf16", "bad-utf8", "control", "empty", "comment", "two-documents", "surrogate"])
def test_odd_encodings_and_documents_are_reported_not_raised(story_root, raw, message):
    drop(story_root, raw)
    found = errors_of(story_root)
    assert found
    if message:
        assert any(message in m for m in found), found


# --- YAML bombs, huge and deep files ------------------------------------------------------------

BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    + ["beats: [*i]"])


def errors_and_peak_memory(story_root) -> tuple[list[str], int]:
    tracemalloc.start()
    try:
        return errors_of(story_root), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_billion_laughs_in_a_scene_is_refused_with_bounded_memory(story_root):
    drop(story_root, BILLION_LAUGHS)
    found, peak = errors_and_peak_memory(story_root)
    assert any("an alias bomb?" in m for m in found), found
    assert peak < 80 * 2**20  # a billion strings would need tens of GB


def test_a_50_mb_file_is_refused_before_it_is_read(story_root):
    path = story_root / "story" / "03_huge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(50 * 2**20)  # sparse: nothing is really written
    found, peak = errors_and_peak_memory(story_root)
    assert found == ["file is 51200 KiB; content files may be at most 4 MiB"]
    assert peak < 5 * 2**20


@pytest.mark.parametrize("text", [
    "beats: " + "[" * 10_000 + "]" * 10_000,
    "beats:\n" + "".join("  " * i + "- \n" for i in range(1, 2_000)),
    "beats:\n  " + "- " * 10_000 + "x",
    "beats: " + "{a: " * 10_000 + "1" + "}" * 10_000,
], ids=["flow-lists", "indented-lists", "dash-chain", "flow-maps"])
def test_nesting_10000_deep_is_refused(story_root, text):
    drop(story_root, text)
    found = errors_of(story_root)
    assert found == ["nesting deeper than 64 levels"], found


def test_nesting_a_million_deep_does_not_crash_the_process(tmp_path):
    """libyaml's composer used to segfault past ~30,000 levels; run in a child so a crash fails one test."""
    (tmp_path / "deep.yaml").write_text("[" * 1_000_000 + "]" * 1_000_000)
    code = ("import sys; from pathlib import Path; from game.content.yamlsource import read_document; "
            "from game.content.problems import Problems; p = Problems(); "
            "read_document(Path(sys.argv[1]), 'deep.yaml', p); print(p.errors[0])")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "deep.yaml")], cwd=ROOT,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "deep.yaml:1:65: error: nesting deeper than 64 levels" in out.stdout


# --- no code from content -----------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["scene", "characters"])
@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/object/new:os.system",
                                 "!!python/name:os.system", "!!python/module:os"])
def test_python_tags_never_run(story_root, tmp_path, kind, tag):
    marker = tmp_path / "ran"
    payload = f'{tag} ["touch {marker}"]' if "name" not in tag and "module" not in tag else f"{tag} ''"
    if kind == "scene":
        drop(story_root, f"id: third\ntitle: {payload}\n")
    else:
        (story_root / "characters.yaml").write_text(
            f"characters:\n  - {{id: hero, name: {payload}, colour: '#aa5500'}}\n")
    found = errors_of(story_root)
    assert any("is not allowed in content files" in m for m in found), found
    assert not marker.exists()


@pytest.mark.parametrize("image", ["/etc/passwd", "backgrounds/../../../etc/passwd", "..\\..\\x.png"])
def test_asset_paths_outside_assets_are_rejected(story_root, image):
    (story_root / "locations.yaml").write_text(f"locations:\n  - {{id: room, name: Room, image: '{image}'}}\n")
    found = errors_of(story_root)
    assert found and ("leaves the assets folder" in found[0] or "missing background image" in found[0]), found
    if "\\" not in image:  # a backslash is an ordinary character in a POSIX file name
        assert found == [f"background image path '{image}' leaves the assets folder"]


def test_a_symlink_out_of_assets_is_rejected(story_root, tmp_path):
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"not really a png")
    (tmp_path / "assets" / "images" / "backgrounds" / "sneaky.png").symlink_to(outside)
    (story_root / "locations.yaml").write_text(
        "locations:\n  - {id: room, name: Room, image: backgrounds/sneaky.png}\n")
    assert errors_of(story_root) == ["background image path 'backgrounds/sneaky.png' leaves the assets folder"]


def test_a_symlinked_portrait_out_of_assets_is_rejected(story_root, tmp_path):
    portrait = tmp_path / "assets" / "images" / "characters" / "hero_happy.png"
    portrait.unlink()
    portrait.symlink_to("/etc/hostname")
    found = errors_of(story_root)
    assert found == ["portrait path 'hero_happy.png' leaves the assets folder"], found


def test_a_symlinked_sound_out_of_assets_is_rejected(story_root, tmp_path):
    sound = tmp_path / "assets" / "audio" / "sfx" / "ding.wav"
    sound.unlink()
    sound.symlink_to("/etc/hostname")
    found = errors_of(story_root)
    assert found and "leaves the assets folder" in found[0], found


def test_a_symlink_inside_assets_is_fine(story_root, tmp_path):
    folder = tmp_path / "assets" / "images" / "backgrounds"
    (folder / "alias.png").symlink_to(folder / "room.png")
    (story_root / "locations.yaml").write_text("locations:\n  - {id: room, name: Room, image: backgrounds/alias.png}\n")
    assert errors_of(story_root) == []


# --- saves under SIGKILL, full disks and read-only folders --------------------------------------

def test_sigkill_while_saving_leaves_every_save_whole(story_root, tmp_path):
    story = load_story(story_root)
    counts = kill_saves.run(story, 20, seed=1, folder=tmp_path / "data", min_ms=1, max_ms=15)
    assert counts["kills"] == 20 and counts["files checked"] >= 20


def test_sigkill_during_a_background_save_leaves_the_old_or_the_new_file(story_root, tmp_path):
    """The child saves as the game does, through a BackgroundWriter thread; each kill lands while that
    thread encodes or writes. Every slot must parse, never go back in time, and load (kill_saves.check)."""
    story = load_story(story_root)
    counts = kill_saves.run(story, 20, seed=2, folder=tmp_path / "data", min_ms=20, max_ms=150, background=True)
    assert counts["kills"] == 20 and counts["files checked"] >= 20
    assert counts["new file"] >= 1  # the writer thread did write before some of the kills


def _fail_writes(monkeypatch, err: int) -> None:
    """Every file write in game.storage fails with `err` (disk full, read-only...)."""
    import game.storage as storage

    real_fdopen = os.fdopen

    class Failing:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            raise OSError(err, os.strerror(err))

        def __getattr__(self, name):
            return getattr(self.handle, name)

    monkeypatch.setattr(storage.os, "fdopen", lambda fd, *a, **k: Failing(real_fdopen(fd, *a, **k)))


def _read_only(monkeypatch, folder: Path) -> None:
    """A read-only data folder. Root ignores permissions (as in CI), so creating files is refused by hand too."""
    import game.storage as storage
    folder.chmod(0o500)
    real_open = storage.os.open

    def refusing_open(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and Path(path).parent.resolve() == folder.resolve():
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kwargs)
    monkeypatch.setattr(storage.os, "open", refusing_open)


@pytest.mark.parametrize("failure", ["disk full", "read-only"])
def test_a_failing_disk_gives_a_message_and_the_game_goes_on(story_root, tmp_path, monkeypatch, failure):
    from game.profile import Profile
    from game.runtime import events as ev
    from game.screens.app import App
    from game.screens.play import PlayScreen
    data = tmp_path / "data"
    profile = Profile(data)
    assert profile.save_settings()
    app = App(load_library(story_root, tmp_path / "assets"), profile, window=False)
    play = PlayScreen(app)
    app.push(play)
    play.save("1")
    assert app.writer.flush(30)  # saves are written on the app's writer thread
    good = (profile.folder / "saves" / "1.json").read_bytes()
    try:
        if failure == "disk full":
            _fail_writes(monkeypatch, errno.ENOSPC)
        else:
            _read_only(monkeypatch, data)
            _read_only(monkeypatch, profile.folder / "saves")
        assert profile.save_settings() is False
        assert "not saved" in profile.messages[-1]
        play.save("1")
        assert app.writer.flush(30)
        app.step(1 / 60)  # failures of background saves come back as toasts on the next frame
        toasts = [text for text, _ in app.toasts]
        reason = "No space left on device" if failure == "disk full" else "Permission denied"
        assert [t for t in toasts if t.startswith("Could not save")] == [next(t for t in toasts if reason in t)]
        for _ in range(40):  # play on: autosaves at scene starts and choices fail quietly (said once, above)
            event = play.event
            if isinstance(event, ev.EndEvent):
                break
            play.choose(event.options[0][0]) if isinstance(event, ev.WAITS_FOR_CHOICE) else play.next_event()
            app.step(1 / 60)
            assert not [text for text, _ in app.toasts if text.startswith("Could not save") and text not in toasts]
        assert app.writer.flush(30)
        assert isinstance(play.event, ev.EndEvent)
    finally:
        data.chmod(0o700)
        (profile.folder / "saves").chmod(0o700)
    assert (profile.folder / "saves" / "1.json").read_bytes() == good  # the old save is untouched
    assert not list(data.rglob("*.tmp"))  # and no half-written temporary file is left behind


# --- no audio device, no display, tiny windows ---------------------------------------------------

def _clean_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_") and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(PYGAME_HIDE_SUPPORT_PROMPT="1", PYTHONPATH=str(ROOT), **extra)
    return env


def test_missing_audio_device_plays_silently(story_root, tmp_path):
    code = ("import sys; from pathlib import Path; from game.library import load_library; "
            "from game.screens.app import App; from game.screens.play import PlayScreen; "
            "app = App(load_library(Path(sys.argv[1]), Path(sys.argv[2])), window=True); "
            "play = PlayScreen(app); app.push(play)\n"
            "for _ in range(30):\n    play.next_event() if not hasattr(play.event, 'options') else play.choose(0); "
            "app.step(0.1); app.present()\n"
            "print('enabled', app.audio.enabled, app.audio.reason)")
    out = subprocess.run([sys.executable, "-c", code, str(story_root), str(story_root.parent / "assets")],
                         env=_clean_env(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="no_such_driver"),
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "enabled False no audio device" in out.stdout


def test_headless_commands_work_without_a_display(story_root, tmp_path):
    env = _clean_env()
    out = subprocess.run([sys.executable, "-m", "game", "validate", str(story_root)], env=env,
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and out.stdout.startswith("ok: "), out.stdout + out.stderr
    png = tmp_path / "shot.png"
    out = subprocess.run([sys.executable, "-m", "game", "screenshot", "--scenes", str(story_root), "--scene", "first",
                          "--beat", "3", "--out", str(png)], env=env, capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    assert png.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("size", [(1, 1), (3, 2), (100, 50), (2, 900), (1280, 1)])
def test_tiny_windows_do_not_crash(story_root, size):
    import pygame

    from game.screens.app import App
    from game.screens.input import Action
    from game.screens.play import PlayScreen
    app = App(load_library(story_root), window=True)
    app.push(PlayScreen(app))
    app.window = pygame.display.set_mode(size, pygame.RESIZABLE)
    for frame in range(6):
        app.step(1 / 60, [Action("click", pos=app.to_logical((0, 0)))] if frame % 2 else [])
        app.present()
    assert app.window.get_size() == size


# --- soak ---------------------------------------------------------------------------------------

def test_soak_fixture_story(story_root, tmp_path):
    report = soak.soak(load_story(story_root), 2_500, seed=0, folder=tmp_path)
    assert report.playthroughs > 10 and report.loads > 10 and report.rollbacks > 10


def test_soak_synthetic_branching_story(tmp_path):
    root = write_story(tmp_path / "scenes", 40)
    story = load_story(root, ROOT / "assets")
    report = soak.soak(story, 2_500, seed=1, folder=tmp_path / "data")
    assert len(report.scenes) >= 30 and report.endings["finale"] >= 1 and report.loads > 10
