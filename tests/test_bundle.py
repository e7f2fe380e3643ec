"""The desktop bundle (issue 19): build it with tools/build_desktop.py, unpack the .tar.gz into a fresh folder,
and run the bundled program as a player would, with no Python environment pointing at the repository.

The build takes about half a minute on two cores (PyInstaller; see packaging/README.md). It runs once per
test session (a module fixture). Without PyInstaller the build tests skip, except under CI (CI=true), where a
missing build extra is a failure rather than a quiet skip.
"""
from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest
import yaml

from game import __version__, paths

ROOT = paths.ROOT
BUILD = ROOT / "tools" / "build_desktop.py"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle is built and tested on Linux")


# --- without building ---------------------------------------------------------------------------------------

def test_paths_inside_a_bundle_point_at_its_data_folder(monkeypatch, tmp_path):
    """Frozen, the content is looked up in the bundle's data folder, not beside the source or in the cwd."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "cell7" / "_internal"), raising=False)
    assert paths._root() == (tmp_path / "cell7" / "_internal").resolve()
    monkeypatch.delattr(sys, "frozen")
    assert paths._root() == Path(paths.__file__).resolve().parent.parent


def test_the_game_plays_unless_given_a_command():
    """main.py (the bundle's program), `python -m game` and `cell7` alike: `--classroom` plays in classroom mode,
    `--lang ko` plays in Korean (`python -m game --lang ko` said "invalid choice: 'ko'"), `validate` validates."""
    from game.cli import command_line
    assert command_line([]) == ["play"]
    assert command_line(["--classroom"]) == ["play", "--classroom"]
    assert command_line(["--scene", "prologue"]) == ["play", "--scene", "prologue"]
    assert command_line(["validate"]) == ["validate"]
    assert command_line(["timeline", "--focus", "x"]) == ["timeline", "--focus", "x"]
    assert command_line(["--version"]) == ["--version"]
    assert command_line(["--help"]) == ["--help"]
    assert command_line(["--lang", "ko"]) == ["play", "--lang", "ko"]


def test_desktop_entry_names_the_window_class_and_icon():
    entry = (ROOT / "packaging" / "linux" / "cell7.desktop").read_text(encoding="utf-8")
    main_group = entry.split("\n[Desktop Action")[0].splitlines()
    assert main_group[0] == "[Desktop Entry]"
    fields = dict(line.split("=", 1) for line in main_group[1:] if "=" in line and not line.startswith("#"))
    assert fields["StartupWMClass"] == paths.WM_CLASS == "cell7"
    assert fields["Icon"] == "cell7" and fields["Name"] == "Cell 7" and fields["Type"] == "Application"
    assert (ROOT / "packaging" / "linux" / "cell7.png").is_file() and paths.ICON.is_file()
    if shutil.which("desktop-file-validate"):  # .ci/run installs it (desktop-file-utils)
        result = subprocess.run(["desktop-file-validate", str(ROOT / "packaging" / "linux" / "cell7.desktop")],
                                capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    elif os.environ.get("CI"):
        pytest.fail("desktop-file-validate is missing: .ci/run installs desktop-file-utils")


def test_window_class_replaces_only_pygames_default(monkeypatch):
    """`import pygame` sets the X11 class to the script's name; the game names it cell7 unless the player chose."""
    from game.screens.app import set_window_class
    monkeypatch.setattr(sys, "argv", ["/somewhere/main.py"])
    monkeypatch.setenv("SDL_VIDEO_X11_WMCLASS", "main.py")
    monkeypatch.delenv("SDL_VIDEO_WAYLAND_WMCLASS", raising=False)
    set_window_class("cell7")
    assert os.environ["SDL_VIDEO_X11_WMCLASS"] == os.environ["SDL_VIDEO_WAYLAND_WMCLASS"] == "cell7"
    monkeypatch.setenv("SDL_VIDEO_X11_WMCLASS", "my-class")
    set_window_class("cell7")
    assert os.environ["SDL_VIDEO_X11_WMCLASS"] == "my-class"


def test_icons_are_what_the_tool_draws(monkeypatch):
    """assets/icon/ is tools/art/icon.py's output: the PNGs pixel for pixel, the ICO and ICNS as valid
    containers of those PNGs."""
    import struct

    import pygame
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    from art import icon
    pygame.display.init()
    for size in (16, 64):
        shipped = pygame.image.load(str(ROOT / "assets" / "icon" / f"cell7-{size}.png"))
        assert pygame.image.tobytes(icon.draw(size), "RGBA") == pygame.image.tobytes(shipped, "RGBA"), size
    ico = (ROOT / "assets" / "icon" / "cell7.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    sides = []
    for i in range(count):
        side, _, _, _, _, _, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i:22 + 16 * i])
        assert ico[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(ico)
        sides.append(side or 256)
    assert (reserved, kind, sides) == (0, 1, list(icon.ICO_SIZES))
    icns = (ROOT / "assets" / "icon" / "cell7.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    at, kinds = 8, []
    while at < len(icns):
        kinds.append(icns[at:at + 4])
        assert icns[at + 8:at + 16] == b"\x89PNG\r\n\x1a\n"
        at += struct.unpack(">I", icns[at + 4:at + 8])[0]
    assert at == len(icns) and kinds == [icon.ICNS_TYPES[s] for s in sorted(icon.ICNS_TYPES)]


def test_spec_bundles_every_content_folder():
    spec = (ROOT / "packaging" / "cell7.spec").read_text(encoding="utf-8")
    assert 'CONTENT = ("scenes", "assets", "schema", "examples")' in spec
    assert "main.py" in spec


# --- the built bundle ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """Build, then unpack the archive into a fresh folder; returns the unpacked program."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("PyInstaller is missing: CI installs the test extra, which brings the build extra")
        pytest.skip("PyInstaller is not installed (pip install -e '.[build]')")
    out = tmp_path_factory.mktemp("build")
    result = subprocess.run([sys.executable, str(BUILD), "--dist", str(out / "dist"), "--work", str(out / "work")],
                            cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    archives = list((out / "dist").glob("cell7-*-linux-*.tar.gz"))
    assert [a.name for a in archives] == [f"cell7-{__version__}-linux-{os.uname().machine}.tar.gz"]
    unpacked = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archives[0]) as tar:
        assert {n.split("/")[0] for n in tar.getnames()} == {"cell7"}, "one top folder, cell7/"
        if hasattr(tarfile, "data_filter"):
            tar.extractall(unpacked, filter="data")
        else:  # Python before 3.11.4
            tar.extractall(unpacked)  # noqa: S202 (our own archive, just built)
    program = unpacked / "cell7" / "cell7"
    assert os.access(program, os.X_OK)
    return program


def player_env(home: Path) -> dict[str, str]:
    """A player's environment: no PYTHONPATH, virtualenv or Python home, a fresh home and data folder."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache"),
            "LANG": "C.UTF-8", "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}


@pytest.fixture
def run(bundle, tmp_path):
    """Run the bundled program from an unrelated working folder, with the player's environment."""
    home, cwd = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    cwd.mkdir()

    def go(*args: str, timeout: float = 300, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(bundle), *args], cwd=cwd, env={**player_env(home), **env}, capture_output=True,
                              text=True, timeout=timeout)
    go.home, go.cwd = home, cwd
    return go


def listing(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_size for p in folder.rglob("*") if not p.is_symlink()}


@linux_only
def test_bundle_version(run):
    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"cell7 {__version__}"


@linux_only
def test_bundle_validates_its_own_content(run, bundle):
    result = run("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: ")
    assert (bundle.parent / "_internal" / "scenes" / "story.yaml").is_file()


@linux_only
def test_bundle_lints_like_the_checkout(run):
    """lint reads the engine's own source for the sounds the menus play; the bundle carries that source, so it
    reports what `python -m game lint` reports (no menu sound taken for an unused asset)."""
    bundled = run("lint", "--format", "json")
    here = subprocess.run([sys.executable, "-m", "game", "lint", "--format", "json"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert bundled.returncode == here.returncode, bundled.stdout[-2000:] + bundled.stderr[-2000:]
    codes = [sorted(p["code"] for p in json.loads(result.stdout)["problems"]) for result in (bundled, here)]
    assert codes[0] == codes[1]


@linux_only
def test_bundle_screenshot_is_a_picture(run):
    start = yaml.safe_load((paths.SCENES / "story.yaml").read_text(encoding="utf-8"))["start"]
    out = run.cwd / "shot.png"
    result = run("screenshot", "--scene", start, "--beat", "2", "--out", "shot.png")
    assert result.returncode == 0, result.stdout + result.stderr
    assert_is_a_picture(out)


def assert_is_a_picture(path: Path) -> None:
    """A 1280x720 PNG with many colours (a blank or flat frame has a handful)."""
    import pygame
    image = pygame.image.load(str(path))
    assert image.get_size() == (1280, 720)
    small = pygame.transform.smoothscale(image, (64, 36))
    colours = {small.get_at((x, y))[:3] for x in range(64) for y in range(36)}
    assert len(colours) > 100, f"only {len(colours)} colours: a blank or flat picture"


def shipped_examples() -> list[str]:
    return sorted(p.parent.name for p in paths.EXAMPLES.glob("*/story.yaml")) if paths.EXAMPLES.is_dir() else []


@linux_only
@pytest.mark.parametrize("example", shipped_examples() or [pytest.param("", marks=pytest.mark.skip("no examples/"))])
def test_bundle_carries_the_example_stories(run, bundle, example):
    """The second story travels in the bundle and plays from there with its own art, named as in a checkout
    (`examples/<name>`, found inside the bundle from any working folder)."""
    root = bundle.parent / "_internal" / "examples" / example
    assert (root / "story.yaml").is_file()
    result = run("validate", f"examples/{example}")
    assert result.returncode == 0, result.stdout + result.stderr
    start = yaml.safe_load((root / "story.yaml").read_text(encoding="utf-8"))["start"]
    result = run("screenshot", "--scenes", f"examples/{example}", "--scene", start, "--beat", "2",
                 "--out", "example.png")
    assert result.returncode == 0, result.stdout + result.stderr
    assert_is_a_picture(run.cwd / "example.png")


@linux_only
def test_bundle_autoplay(run):
    result = run("autoplay", "--steps", "300", "--seed", "3")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: 300 steps")


@linux_only
@pytest.mark.parametrize("args", [[], ["--classroom"], ["timeline"]], ids=["play", "classroom", "timeline"])
def test_bundle_opens_its_screens_and_keeps_data_in_the_user_folder(run, bundle, args):
    """The first frame of each mode (CELL7_EXIT_AFTER), headless; saves and settings go to the user data
    folder (XDG_DATA_HOME/cell7 on Linux), and nothing is written inside the bundle."""
    before = listing(bundle.parent)
    result = run(*args, CELL7_EXIT_AFTER="line" if not args else "title")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert (run.home / ".local" / "share" / "cell7").is_dir()
    assert listing(bundle.parent) == before
    assert not list(run.cwd.iterdir()), "nothing written into the working folder"


@linux_only
def test_bundle_installs_its_desktop_entry(bundle, tmp_path):
    data = tmp_path / "data"
    script = bundle.parent / "install-desktop-entry.sh"
    result = subprocess.run([str(script)], env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                                "XDG_DATA_HOME": str(data)}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    entry = (data / "applications" / "cell7.desktop").read_text(encoding="utf-8")
    assert f'Exec="{bundle}"' in entry and f"TryExec={bundle}" in entry and "StartupWMClass=cell7" in entry
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "cell7.png").is_file()


@pytest.fixture
def x_display():
    """A virtual X screen (Xvfb) on a free display number."""
    if not all(shutil.which(tool) for tool in ("Xvfb", "xwininfo", "xprop")):
        if os.environ.get("CI"):
            pytest.fail("Xvfb, xwininfo and xprop are missing: .ci/run installs xvfb and x11-utils")
        pytest.skip("needs Xvfb, xwininfo and xprop (apt-get install xvfb x11-utils)")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              pass_fds=[write], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        ready, _, _ = select.select([read], [], [], 60)
        number = os.read(read, 64).decode().strip() if ready else ""
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        os.close(read)
        server.terminate()
        server.wait(timeout=30)


@linux_only
def test_bundle_window_is_named_cell7_with_its_icon(bundle, x_display, tmp_path):
    """In a real (virtual) X session the window's title is "Cell 7", its class cell7 (what a task bar and the
    .desktop entry's StartupWMClass match) and it carries the 64-pixel icon."""
    env = {**player_env(tmp_path), "DISPLAY": x_display, "SDL_VIDEODRIVER": "x11"}
    game = subprocess.Popen([str(bundle)], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        line = props = tree = ""
        for _ in range(600):  # the window appears within seconds; a busy machine gets two minutes
            tree = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True).stdout
            line = next((row for row in tree.splitlines() if '("cell7" "cell7")' in row), "")
            if line:  # pygame gives the icon to the window just after creating it: wait for that too
                props = subprocess.run(["xprop", "-id", line.split()[0], "WM_CLASS", "_NET_WM_NAME", "_NET_WM_ICON"],
                                       env=env, capture_output=True, text=True).stdout
            if "Icon (" in props or game.poll() is not None:
                break
            time.sleep(0.2)
        assert line, f"no window of class cell7: {tree}\n{game.stderr.read().decode() if game.poll() else ''}"
        assert 'WM_CLASS(STRING) = "cell7", "cell7"' in props
        assert '_NET_WM_NAME(UTF8_STRING) = "Cell 7"' in props
        assert "Icon (64 x 64)" in props
    finally:
        game.terminate()
        game.wait(timeout=60)
